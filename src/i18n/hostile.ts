// Messages about hostile or careless input (issue 16): loops of parents, outputs that
// are links, devices or the same file twice, numbers out of range, workbooks over the
// limits, YAML tags, and files that are not what their name says.
import type { Catalog } from './catalog.js';

export const hostileMessages: Catalog = {
  'plan/parent-cycle': {
    zh: '地区“{name}”（{code}）的上级 {parent} 最终又回到它自己：上级关系不能成环；请把其中一个 parent 改为它真正的上级',
    en: 'the parents of region "{name}" ({code}) lead from {parent} back to itself: parents cannot form a loop; give one of them its real parent',
  },
  'plan/duplicate-area': {
    zh: '领域“{area}”已由 {first} 声明；每个领域只能有一个规则文件，请合并这两个文件或改正 area',
    en: 'area "{area}" is already declared by {first}; an area has one rule file: merge the two files or correct area',
  },
  'regions/parent-cycle': {
    zh: '上级“{value}”是“{name}”自己的下级：上级关系不能成环；请填写它真正的上级',
    en: 'the parent "{value}" lies below "{name}" itself: parents cannot form a loop; give its real parent',
  },
  'cli/output-twice': {
    zh: '-o {path} 与 -o {other} 是同一个文件；每个输出请用不同的文件名',
    en: '-o {path} and -o {other} are the same file; give each output its own name',
  },
  'cli/write-failed': {
    zh: '无法写入{stream}（{detail}）：结果不完整；请检查磁盘空间或输出去向',
    en: 'cannot write to {stream} ({detail}): the output is incomplete; check the disk space or where the output goes',
  },
  'cli/stream-stdout': { zh: '标准输出', en: 'standard output' },
  'cli/stream-stderr': { zh: '标准错误', en: 'standard error' },
  'data/split-number': {
    zh: '这一行比表头多出单元格，“{value}”像是一个带千分位逗号的数被逗号拆成了两列，无法判断原值；请给这个数加上英文引号（"1,234.5"）或去掉千分位逗号',
    en: 'this row has more cells than the header, and "{value}" looks like one number split in two by its thousands separator, so its value cannot be told; quote it ("1,234.5") or drop the separator',
  },
  'plan/yaml-tag': {
    zh: '规则文件不接受 YAML 标签 {tag}：这里只能写普通的文字、数字、列表和映射；请删去标签',
    en: 'a rule file takes no YAML tag such as {tag}: only plain text, numbers, lists and mappings; remove the tag',
  },
  'plan/yaml-non-finite': {
    zh: '“{value}”不是一个有限的数（YAML 的无穷大或 NaN）；目标值、基线值等须写普通数字，如 95 或 0.85',
    en: '"{value}" is not a finite number (YAML infinity or NaN); targets, baselines and other figures must be plain numbers such as 95 or 0.85',
  },
  'data/bad-utf8-byte': {
    zh: '文件是 UTF-8，但这一行第 {byte} 个字节（0x{hex}）不是有效的 UTF-8（可能是复制时截断的字符或多余的字节）；请在这一行重新输入该处的文字',
    en: 'the file is UTF-8, but byte {byte} of this line (0x{hex}) is not valid UTF-8 (a character cut in a copy, or a stray byte); type the text at that place again',
  },
  'data/ods-workbook': {
    zh: '这是 OpenDocument 表格（.ods），不是 .xlsx；请在 WPS 或 LibreOffice 中另存为 .xlsx 或 CSV（UTF-8）后再检查',
    en: 'this is an OpenDocument spreadsheet (.ods), not .xlsx; save it as .xlsx or CSV (UTF-8) in LibreOffice or WPS and check that file',
  },
  'cli/unknown-region-no-suggestion': {
    zh: '不认识的地区“{name}”；请填写规划中的地区名称、简称或行政区划代码，乡镇（街道）请用 --regions 提供',
    en: 'unknown region "{name}"; give a region of the plan by name, short name or code, and townships with --regions',
  },
  'cli/unknown-indicator-no-suggestion': {
    zh: '不认识的指标“{name}”；用 plancheck indicators 查看全部指标',
    en: 'unknown indicator "{name}"; plancheck indicators lists them all',
  },
  'plan/control-character': {
    zh: '“{value}”含有控制字符（如 ␛ 所示）；规则文件中的文字只能是可见字符，请删去它们',
    en: '"{value}" holds control characters (shown like ␛); text in a rule file must be visible characters: remove them',
  },
  'data/xlsx-limit-rows': {
    zh: '工作表有 {value} 行，超出限制（至多 {limit} 行），未读取；真实的报表远小于此，请检查文件，或把数据另存为 CSV',
    en: 'the sheet has {value} rows, over the limit of {limit}; not read; a real return is far smaller: check the file, or save the data as CSV',
  },
  'data/xlsx-limit-cells': {
    zh: '工作表声明的范围有 {value} 个单元格，超出限制（至多 {limit} 个），未读取；真实的报表远小于此，请检查文件，或把数据另存为 CSV',
    en: 'the sheet declares {value} cells, over the limit of {limit}; not read; a real return is far smaller: check the file, or save the data as CSV',
  },
  'data/xlsx-limit-part': {
    zh: '工作簿的部件 {value} 解压后超出限制（每个部件至多 {limit}），未读取；真实的报表远小于此，请检查文件，或把数据另存为 CSV',
    en: 'the workbook part {value} is over the limit once decompressed (at most {limit} a part); not read; a real return is far smaller: check the file, or save the data as CSV',
  },
  'data/xlsx-limit-total': {
    zh: '工作簿解压后共 {value}，超出限制（至多 {limit}），未读取；真实的报表远小于此，请检查文件，或把数据另存为 CSV',
    en: 'the workbook is {value} once decompressed, over the limit of {limit}; not read; a real return is far smaller: check the file, or save the data as CSV',
  },
  'data/xlsx-limit-ratio': {
    zh: '工作簿解压后是文件大小的 {value} 倍，超出限制（至多 {limit} 倍），未读取；真实的报表远小于此，请检查文件，或把数据另存为 CSV',
    en: 'the workbook decompresses to {value} times its size, over the limit of {limit} times; not read; a real return is far smaller: check the file, or save the data as CSV',
  },
  'data/xlsx-limit-file': {
    zh: '工作簿文件超过 {limit}，超出限制，未读取；真实的报表远小于此，请检查文件，或把数据另存为 CSV',
    en: 'the workbook file is over {limit}, over the limit; not read; a real return is far smaller: check the file, or save the data as CSV',
  },
  'cli/stdin-twice': {
    zh: '标准输入（-）只能读取一次，这里出现了 {count} 次；请把其余的数据保存为文件后按文件名给出',
    en: 'standard input (-) can be read once, and it is named {count} times; save the other data to files and name them',
  },
  'plan/rule-file-dir': {
    zh: '这是一个文件夹，名称却像规则文件，未读取；规则文件须是 .yaml 普通文件：请移走它或改名',
    en: 'this is a folder named like a rule file; not read: rule files are regular .yaml files, so move it away or rename it',
  },
  'plan/rule-file-other': {
    zh: '这不是普通文件（管道、设备或套接字），名称却像规则文件，未读取；请移走它或改名',
    en: 'this is not a regular file (a pipe, a device or a socket) but is named like a rule file; not read: move it away or rename it',
  },
  'plan/rule-file-missing': {
    zh: '这是一个指向不存在文件的链接，名称像规则文件，未读取；请删除这个链接或让它指向规则文件',
    en: 'this is a link to a file that does not exist, named like a rule file; not read: delete the link or point it at a rule file',
  },
  'plan/rule-file-large': {
    zh: '规则文件超过 {limit}，未读取；规划的规则文件只有几十 KB，请检查这个文件',
    en: 'the rule file is over {limit}; not read: a plan\'s rule files are a few dozen KB, so check this file',
  },
  'plan/rule-file-unreadable': {
    zh: '无法读取这个规则文件（没有读取权限，或读取时出错）；请检查它的权限',
    en: 'this rule file cannot be read (no permission to read it, or a read error); check its permissions',
  },
  'cli/diagnostics-is-output': {
    zh: '--diagnostics {path} 与 -o {other} 是同一个文件，其中一个输出会丢失；请给诊断文件另取一个文件名',
    en: '--diagnostics {path} and -o {other} are the same file, and one of the two outputs would be lost; give the diagnostics file a name of its own',
  },
  'cli/write-no-folder': {
    zh: '无法写入 {path}：文件夹 {folder} 不存在（或不是文件夹）；请先建立该文件夹，或换一个输出路径',
    en: 'cannot write {path}: the folder {folder} does not exist (or is not a folder); create it first, or choose another output path',
  },
  'cli/write-denied': {
    zh: '无法写入 {path}：没有在 {folder} 中写文件的权限（或该文件夹、文件被设为只读/不可改）；请换一个输出路径',
    en: 'cannot write {path}: no permission to write in {folder} (or the folder or file is read-only or immutable); choose another output path',
  },
  'cli/write-full': {
    zh: '无法写入 {path}：磁盘已满（或超出配额），文件未写出；请腾出空间或换一个输出路径',
    en: 'cannot write {path}: the disk is full (or the quota is used up), so nothing was written; free some space or choose another output path',
  },
  'cli/write-is-dir': {
    zh: '无法写入 {path}：这是一个文件夹；请给出文件名，如 {path}/结果.json',
    en: 'cannot write {path}: it is a folder; give a file name, such as {path}/results.json',
  },
  'cli/write-other': {
    zh: '无法写入 {path}（系统错误 {code}），文件未写出；请检查该路径，或换一个输出路径',
    en: 'cannot write {path} (system error {code}), so nothing was written; check the path, or choose another output path',
  },
  'plan/ambiguous-region-name': {
    zh: '名称“{name}”同时指向地区 {code} 和 {other}：报表中写这个名称的行无法确定属于哪个地区；请删去其中一个别名或改正名称',
    en: 'the name "{name}" refers to both region {code} and {other}, so a row naming it belongs to neither for sure; remove one of the aliases or correct the name',
  },
  'plan/year-out-of-range': {
    zh: '{key} 的年份 {year} 不在 {min}–{max} 之间；请检查是否写错',
    en: 'the year {year} of {key} is not between {min} and {max}; check it',
  },
  'plan/period-reversed': {
    zh: '规划期 {start}–{end} 的结束年份早于开始年份；请改正 period 的 start 或 end',
    en: 'the period {start}–{end} ends before it starts; correct period start or end',
  },
  'plan/baseline-after-start': {
    zh: '基线年份 {year} 晚于规划期开始年份 {start}：基线应是规划期开始前（或开始当年）的数据；请改正 baselineYear',
    en: 'the baseline year {year} is after the period starts ({start}): a baseline comes before (or at) the start; correct baselineYear',
  },
  'plan/year-outside-period': {
    zh: '{key} 的年份 {year} 不在规划期 {start}–{end} 之内；请改正',
    en: 'the year {year} of {key} is not within the period {start}–{end}; correct it',
  },
  'data/xlsx-no-string-table': {
    zh: '这个单元格是共享字符串（t="s"，编号 {index}），但工作簿没有共享字符串表，共 {count} 个这样的单元格：它们的内容无法读出（直接读会把编号当成数值）；请在 Excel 或 WPS 中打开并重新保存，或另存为 CSV',
    en: 'this cell is a shared string (t="s", number {index}), but the workbook has no shared-string table; {count} such cells: their text cannot be read (read as is, the number would pass for the value); open and save the workbook again in Excel or WPS, or save it as CSV',
  },
  'data/xlsx-string-index': {
    zh: '这个单元格引用第 {index} 号共享字符串，但共享字符串表只有 {strings} 条，共 {count} 个这样的单元格：内容无法读出；请在 Excel 或 WPS 中打开并重新保存，或另存为 CSV',
    en: 'this cell refers to shared string {index}, but the table holds {strings} strings; {count} such cells: their text cannot be read; open and save the workbook again in Excel or WPS, or save it as CSV',
  },
  'data/xlsx-row-twice': {
    zh: '第 {row} 行在工作表中出现了两次（或排在第 {previous} 行之后）：其中一行会被丢掉；请在 Excel 或 WPS 中打开并重新保存，或另存为 CSV',
    en: 'row {row} appears twice in the sheet (or after row {previous}), and one of them would be lost; open and save the workbook again in Excel or WPS, or save it as CSV',
  },
  'data/xlsx-broken-structure': {
    zh: '无法作为 .xlsx 工作簿读取：工作簿内部结构不完整或有误（不是 Excel 或 WPS 保存的样子）；请在 Excel 或 WPS 中打开后重新保存，或另存为 CSV',
    en: 'cannot be read as an .xlsx workbook: its inner structure is incomplete or wrong (not as Excel or WPS save it); open it in Excel or WPS and save it again, or save it as CSV',
  },
};
