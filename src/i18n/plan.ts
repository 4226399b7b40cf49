import type { Catalog } from './catalog.js';

export const planMessages: Catalog = {
  'severity/error': { zh: '错误', en: 'error' },
  'severity/warning': { zh: '警告', en: 'warning' },
  'severity/info': { zh: '提示', en: 'note' },
  'plan/no-plan-file': {
    zh: '在 {dir} 中没有找到规划文件 {name}；请用 --plan 指向含有 {name} 的规则目录',
    en: 'no plan file {name} in {dir}; point --plan at the folder of rule files that holds {name}',
  },
  'plan/no-dir': { zh: '规则目录 {dir} 不存在或无法读取', en: 'the rule folder {dir} does not exist or cannot be read' },
  // The parser's own words ({detail}) are English: the English message quotes them, the Chinese one names its code.
  'plan/yaml-syntax': {
    zh: 'YAML 格式错误（解析器代码 {kind}）；请检查这一行的缩进、冒号、引号和括号',
    en: 'YAML syntax error: {detail}. Check the indentation, colons and quotes on this line',
  },
  'plan/yaml-indent': {
    zh: '这一行的缩进不对：同一层的键要从同一列开始，[ ] 或 { } 要在本行闭合或缩进后闭合；请对齐缩进，检查括号是否成对',
    en: 'the indentation is wrong here: keys of one level start in the same column, and [ ] or { } close on their line or indented; align the indentation and check that the brackets pair up',
  },
  'plan/yaml-tab': {
    zh: '这里用制表符（Tab）缩进；YAML 只能用空格缩进，请把 Tab 换成空格',
    en: 'this line is indented with a tab; YAML indents with spaces only: replace the tab with spaces',
  },
  'plan/yaml-duplicate-key': {
    zh: '键“{key}”在同一层出现了两次；请删去或合并其中一个',
    en: 'the key "{key}" appears twice at the same level; remove or merge one of them',
  },
  'plan/yaml-missing-colon': {
    zh: '键“{key}”后缺少冒号“:”（或这一行不该单独成行）；请补上冒号，或把它并入上一行的值',
    en: 'the key "{key}" is not followed by a colon ":" (or this line should not stand alone); add the colon, or join it to the value above',
  },
  'plan/yaml-unclosed-quote': {
    zh: '引号到文件末尾都没有闭合；请在值的末尾补上引号',
    en: 'a quote is never closed before the end of the file; close it at the end of the value',
  },
  'plan/yaml-key': {
    zh: '这一行有两个“: ”（如 a: b: c），或一个键跨了多行；值里有“: ”时请给整个值加引号',
    en: 'this line has two ": " (as in a: b: c), or a key spans lines; quote a value that holds ": "',
  },
  'plan/yaml-documents': {
    zh: '文件中有“---”分隔的多个文档；一个规则文件只能有一个，请删去“---”或分成两个文件',
    en: 'the file holds several documents separated by "---"; a rule file holds one: remove the "---" or split the file',
  },
  'plan/yaml-escape': {
    zh: '双引号里的“\\”后面不是有效的转义；请改用单引号，或把 \\ 写成 \\\\',
    en: 'a "\\" inside double quotes starts no valid escape; use single quotes, or write \\ as \\\\',
  },
  'plan/yaml-reserved': {
    zh: '值不能以“{near}”开头（YAML 的保留字符）；请给这个值加引号',
    en: 'a value cannot start with "{near}" (reserved in YAML); put the value in quotes',
  },
  'plan/yaml-too-deep': {
    zh: '这里的列表或映射嵌套超过 {max} 层，规则文件不会这样写；请检查括号 [ ] { } 是否成对、缩进是否正确',
    en: 'the lists or mappings here are nested more than {max} levels deep, which no rule file needs; check that the brackets [ ] { } pair up and the indentation is right',
  },
  'plan/yaml-aliases': {
    zh: '文件中的 YAML 别名（*名称）展开后超过 {max} 处，可能是恶意构造的文件；规则文件请直接写出内容，不用别名',
    en: 'the file\'s YAML aliases (*name) expand to more than {max} places, which a hostile file does; write the rules out in full, without aliases',
  },
  'plan/yaml-unreadable': {
    zh: '无法把文件读作 YAML 规则；请用文本编辑器打开，检查是否为规则文件、格式是否完整',
    en: 'the file cannot be read as YAML rules; open it in a text editor and check that it is a rule file and complete',
  },
  'plan/bad-bytes': {
    zh: '规则文件应为 UTF-8 文本，这一行有无法识别的字节（{what}）；请用文本编辑器另存为 UTF-8',
    en: 'a rule file must be UTF-8 text; this line has bytes that are not ({what}); save it again as UTF-8 in a text editor',
  },
  'plan/not-a-mapping': { zh: '规则文件的内容应是“键: 值”的映射', en: 'a rule file must be a mapping of keys to values' },
  'plan/missing-key': { zh: '{at} 缺少必填项“{key}”，请补上', en: '{at} lacks the required key "{key}"; add it' },
  'plan/unknown-key': {
    zh: '不认识的项“{key}”（在 {at}）；可能拼错了，或放错了层级',
    en: 'unknown key "{key}" (in {at}); it may be misspelt or at the wrong level',
  },
  'plan/not-allowed': { zh: '“{key}”的值 {value} 不在允许范围内，应为：{allowed}', en: '"{key}" is {value}, which is not allowed; use one of: {allowed}' },
  'plan/wrong-type': { zh: '“{key}”的值 {value} 类型不对，应为 {expected}', en: '"{key}" is {value}, which should be of type {expected}' },
  'plan/bad-format': { zh: '“{key}”的值 {value} 格式不对', en: '"{key}" is {value}, which is not in the expected format' },
  'plan/schema': { zh: '“{key}”不符合规则文件格式（规则 {keyword}）；请对照 src/schema 中的格式说明修改', en: '"{key}" does not fit the rule file format: {detail}' },
  'plan/out-of-bounds': { zh: '“{key}”的值 {value} 超出范围，应 {bound} {limit}', en: '"{key}" is {value}, which should be {bound} {limit}' },
  'plan/empty-text': { zh: '“{key}”是空的；请填写内容', en: '"{key}" is empty; fill it in' },
  'plan/too-few': { zh: '“{key}”至少要有 {limit} 项', en: '"{key}" needs at least {limit} item(s)' },
  'plan/too-many': { zh: '“{key}”至多只能有 {limit} 项', en: '"{key}" may have at most {limit} item(s)' },
  'plan/repeated-items': { zh: '“{key}”的第 {first} 项和第 {second} 项相同；请删去重复的一项', en: 'items {first} and {second} of "{key}" are the same; remove one' },
  'plan/duplicate-region': { zh: '行政区划代码 {code} 重复出现', en: 'region code {code} appears twice' },
  'plan/unknown-level': { zh: '层级“{level}”未在规划文件的 levels 中声明', en: 'level "{level}" is not declared in the plan file\'s levels' },
  'plan/unknown-parent': { zh: '上级地区代码 {code} 不存在', en: 'parent region code {code} does not exist' },
  'plan/top-region': { zh: '规划应有且只有一个最高层级地区（没有 parent 的地区），现有 {count} 个', en: 'a plan needs exactly one top region (without a parent); it has {count}' },
  'plan/unknown-area': { zh: '领域“{area}”未在规划文件的 areas 中声明', en: 'area "{area}" is not declared in the plan file\'s areas' },
  'plan/duplicate-indicator': { zh: '指标 id“{id}”重复', en: 'indicator id "{id}" is used twice' },
  'plan/ambiguous-name': { zh: '名称“{name}”同时指向指标 {id} 和 {other}，请改用不同的名称或别名', en: 'the name "{name}" refers to both {id} and {other}; give them different names or aliases' },
  'plan/duplicate-main': { zh: '主要指标序号 {main} 同时用于 {id} 和 {other}', en: 'main indicator number {main} is used by both {id} and {other}' },
  'plan/baseline-year': { zh: '指标 {id} 的基线年份是 {year}，规划的基线年份是 {expected}', en: 'indicator {id} has its baseline in {year}; the plan\'s baseline year is {expected}' },
  'plan/unknown-indicator-ref': { zh: '引用的指标 id“{id}”不存在', en: 'the referenced indicator id "{id}" does not exist' },
  'plan/yes-no-measure': { zh: '指标 {id} 的目标是“是/否”，其 measure 应为 boolean', en: 'indicator {id} has a yes/no target, so its measure must be boolean' },
  'plan/boolean-target': { zh: '指标 {id} 是“是/否”指标，不能用 {kind} 类目标', en: 'indicator {id} is a yes/no indicator and cannot have a {kind} target' },
  'plan/split-part': { zh: '指标 {id} 的分组目标中，“{part}”不是按 {by} 分组的一部分，或重复出现', en: 'in the split target of {id}, "{part}" is not a part of {by} or appears twice' },
};
