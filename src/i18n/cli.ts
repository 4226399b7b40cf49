import type { Catalog } from './catalog.js';

export const cliMessages: Catalog = {
  'cli/no-bundled-plan': { zh: '找不到随工具发布的 plan/ 目录；请用 --plan 指定规则目录', en: 'the bundled plan/ folder is missing; give a rule folder with --plan' },
  'cli/invalid-plan': { zh: '规则目录 {dir} 中的文件有错误（见上），请修改后再试', en: 'the rule files in {dir} have errors (above); fix them and try again' },
  'cli/bad-option': { zh: '{option} 的值“{value}”无效；可用：{allowed}', en: '{option} "{value}" is not valid; use one of: {allowed}' },
  'cli/unknown-region': { zh: '不认识的地区“{name}”；是否指：{suggestion}', en: 'unknown region "{name}"; did you mean: {suggestionEn}' },
  'cli/unknown-indicator': { zh: '不认识的指标“{name}”；是否指：{suggestion}（用 plancheck indicators 查看全部指标）', en: 'unknown indicator "{name}"; did you mean: {suggestion} (plancheck indicators lists them all)' },
  'cli/no-file': { zh: '找不到文件 {path}；请检查路径', en: 'cannot read {path}: no such file; check the path' },
  'cli/is-dir': { zh: '{path} 是目录，不是数据文件', en: '{path} is a folder, not a data file' },
  'cli/no-data-files': { zh: '请至少给出一个数据文件', en: 'name at least one data file' },
  'cli/output-is-input': { zh: '-o {path} 会覆盖输入文件；请换一个输出文件名', en: '-o {path} would overwrite an input file; choose another output name' },
  'cli/unknown-extension': { zh: '无法从文件名 {path} 判断输出格式；请用扩展名 {allowed} 或加 --format', en: 'cannot tell the output format from {path}; use one of {allowed} or add --format' },
  'cli/input-errors': {
    zh: '输入有 {errors} 个错误、{warnings} 个警告（见上）；有错误的行未参与评估，请修改后重新运行',
    en: 'the input has {errors} errors and {warnings} warnings (above); rows with errors were left out: fix them and run again',
  },
  'cli/io-error': { zh: '读写文件 {path} 失败（系统错误 {code}）；请检查该路径、权限和磁盘空间', en: 'reading or writing {path} failed (system error {code}); check the path, its permissions and the disk space' },
  'cli/read-denied': { zh: '没有读取 {path} 的权限；请检查文件权限，或把文件复制到有权限的位置', en: 'no permission to read {path}; check the file\'s permissions or copy it somewhere you can read' },
  'cli/read-other': { zh: '无法读取 {path}（系统错误 {code}）；请检查该路径', en: 'cannot read {path} (system error {code}); check the path' },
  'cli/plan-valid': { zh: '规则有效：{title}，{indicators} 项目标（主要指标 {main} 项），{regions} 个地区', en: 'rules valid: {title}, {indicators} targets ({main} main indicators), {regions} regions' },
  'cli/check-file': { zh: '{file}：编码 {encoding}', en: '{file}: encoding {encoding}' },
  'cli/check-summary': { zh: '读取 {observations} 条观测值；错误 {errors} 个，警告 {warnings} 个', en: '{observations} observations read; {errors} errors, {warnings} warnings' },
};
