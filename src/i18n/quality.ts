// Messages of the data-quality report (quality/*), of the consistency rules file
// (checks/*), and of `plancheck check` and `plancheck template`. Each finding says
// what is wrong and what to do.
import type { Catalog } from './catalog.js';

const rulesFile: Catalog = {
  'checks/duplicate-id': { zh: '规则 id“{id}”重复；每条规则的 id 应唯一', en: 'the rule id "{id}" is used twice; give each rule its own id' },
  'checks/unknown-indicator': {
    zh: '规则 {check} 引用的指标 id“{id}”不存在；请使用各领域规则文件中的指标 id（plancheck indicators --format json 可列出）',
    en: 'rule {check} cites the indicator id "{id}", which does not exist; use an id from the area files (plancheck indicators --format json lists them)',
  },
  'checks/not-a-rate': {
    zh: '规则 {check}：指标 {id} 的 measure 是 {measure}，不是比率，没有分子、分母可比较；请从该规则中删去它',
    en: 'rule {check}: indicator {id} is a {measure}, not a rate, so it has no numerator and denominator to compare; remove it from the rule',
  },
  'checks/order-units': {
    zh: '规则 {check} 比较的指标单位不同（{units}），大小无法直接比较；请只比较同一单位的指标',
    en: 'rule {check} compares indicators in different units ({unitsEn}); compare only indicators in one unit',
  },
  'checks/except-without-unit': {
    zh: '规则 {check} 有 except 但没有 unit；except 只用于按单位选取指标的规则',
    en: 'rule {check} has except but no unit; except only applies to a rule that selects indicators by unit',
  },
  'checks/range-selection': {
    zh: '规则 {check} 应有 indicators（列出指标）或 unit（按单位选取）二者之一',
    en: 'rule {check} needs exactly one of indicators (a list) and unit (every indicator in a unit)',
  },
  'checks/range-bounds': { zh: '规则 {check} 应至少有 min 或 max 之一', en: 'rule {check} needs a min, a max or both' },
  'checks/empty-range': { zh: '规则 {check} 的下限 {min} 大于上限 {max}', en: 'rule {check} has a minimum {min} above its maximum {max}' },
  'checks/unit-unused': {
    zh: '规则 {check} 的单位“{unit}”不是任何指标的单位，这条规则不会检查任何数据',
    en: 'rule {check} selects the unit "{unit}", which no indicator has, so it checks nothing',
  },
};

const findings: Catalog = {
  'quality/order': {
    zh: '{cell}：{larger} {largerValue} 小于{smaller} {smallerValue}（见 {other}），按定义前者不会小于后者［规则 {check}］；请核对这两个数值是否填错行或填反',
    en: '{cell}: {larger} {largerValue} is below {smaller} {smallerValue} (at {other}), which by definition cannot happen [rule {check}]; check that the two values are in the right rows',
  },
  'quality/numerator-exceeds-denominator': {
    zh: '{cell}：“{indicator}”的分子 {numerator} 大于分母 {denominator}，比率超过 100%［规则 {check}］；请核对分子、分母是否填反或口径不一致',
    en: '{cell}: the numerator {numerator} of "{indicator}" exceeds its denominator {denominator}, a rate above 100 % [rule {check}]; check that they are not swapped and count the same population',
  },
  'quality/out-of-range': {
    zh: '{cell}：“{indicator}”的数值 {value} 不在 {min}–{max}{unit} 之间［规则 {check}］；请检查数值和单位（如把 98.2% 写成了 982）',
    en: '{cell}: the value {value} of "{indicator}" is not between {min} and {max} {unit} [rule {check}]; check the value and its unit (98.2 % typed as 982?)',
  },
  'quality/outlier': {
    zh: '{cell}：“{indicator}”从 {fromYear}年的 {fromValue} 变为 {toValue}（变化 {change}），远超该指标各地区逐年变化的一般幅度（中位数 {typical}）；请核实数值、单位和统计口径，属实的请在备注中说明原因',
    en: '{cell}: "{indicator}" moves from {fromValue} in {fromYear} to {toValue} ({change}), far beyond how this indicator usually changes from year to year (median {typical}); check the value, its unit and the definition used, and if it is right explain it in the note column',
  },
  'quality/outlier-explained': {
    zh: '{cell}：“{indicator}”从 {fromYear}年的 {fromValue} 变为 {toValue}（变化 {change}），变化异常，备注已说明：{note}',
    en: '{cell}: "{indicator}" moves from {fromValue} in {fromYear} to {toValue} ({change}), an unusual change, explained in the note: {note}',
  },
  'quality/fraction-for-percent': {
    zh: '{cell}：“{indicator}”的数值 {written} 是小数比例：本报表中该指标的数值都不超过 1，而规划的标准是 {line}，应为 {suggestion}；请按百分数填写（{written} 写作 {suggestion}）',
    en: '{cell}: the value {written} of "{indicator}" is a fraction: every value of it in the returns is at most 1, while the plan\'s line is {line}, so it is {suggestion}; write it as a percent ({written} as {suggestion})',
  },
  'quality/count-decimals': {
    zh: '{cell}：“{indicator}”是计数（{unit}），数值 {value} 却带小数；请填写整数（如用了“万”等其他单位，请换算成“{unit}”）',
    en: '{cell}: "{indicator}" is a count ({unit}), but the value {value} has decimals; write a whole number (if it is in another unit, such as 万, convert it to {unit})',
  },
  'quality/unit-suspect': {
    zh: '{cell}：“{indicator}”的数值 {value} 与该指标的一般水平 {typical} 相差约 10 的整数次方倍，可能用错了单位（是不是 {suggestion}？）；请按“{unit}”填写',
    en: '{cell}: the value {value} of "{indicator}" is off its typical level {typical} by about a power of ten, which looks like a wrong unit (is it {suggestion}?); write it in {unit}',
  },
  // The plan's stated baseline against the return's own baseline-year figure (src/quality/baseline.ts).
  'quality/baseline-differs-plan': {
    zh: '{cell}：“{indicator}”报表数为 {returned}，与规划所述{year}年基线 {stated} 不符；“比{year}年”、进度和趋势按规划所述基线计算（如报表数为修订数，可用 --baseline returns 改用报表数）',
    en: '{cell}: "{indicator}" is {returned} in the return, not the {stated} the plan states for {year}; changes from {year}, paces and trends are measured from the plan\'s figure (use --baseline returns to take the return\'s, a revised series)',
  },
  'quality/baseline-differs-returns': {
    zh: '{cell}：“{indicator}”报表数为 {returned}，与规划所述{year}年基线 {stated} 不符；按 --baseline returns，“比{year}年”、进度和趋势按报表数（修订数）计算',
    en: '{cell}: "{indicator}" is {returned} in the return, not the {stated} the plan states for {year}; with --baseline returns, changes from {year}, paces and trends are measured from the return\'s figure (a revised series)',
  },
  'quality/derived-cell': { zh: '（由下级汇总）', en: ' (summed from its units)' },
  'quality/unit-converted': {
    zh: '{cell}：“{indicator}”的数值以“{given}”填写，已换算为 {value}；如果本意就是 {unit}，请去掉“{given}”',
    en: '{cell}: the value of "{indicator}" was written in {given} and converted to {value}; if it was meant in {unit}, remove the {given}',
  },
  'quality/missing-cells': {
    zh: '缺少“{indicator}”{region} {years}年的数据（{count} 项）；请补报，确实没有数据的请在数值栏填“—”并在备注中说明原因',
    en: 'no data for "{indicator}" in {region} for {years} (cells missing: {count}); add them, or write "—" in the value column and give the reason in the note column',
  },
  'quality/indicators-absent': {
    zh: '本报表没有 {count} 项规划指标的数据（--format json 列出名单）；如应由本单位填报，请补报（plancheck template 可生成填报表）',
    en: 'the return gives nothing for {count} of the plan\'s indicators (--format json lists them); if they are yours to report, add them (plancheck template writes a form)',
  },
  'quality/units-unknown': {
    zh: '以下指标的目标按乡镇（街道）等下级单位考核，但没有这些单位的名单，无法检查完整性：{indicators}；请用 --regions 提供乡镇（街道）名单',
    en: 'these targets are judged for every unit of a lower level (乡镇/街道), but no such units are known, so their completeness cannot be checked: {indicators}; give the units with --regions',
  },
};

const report: Catalog = {
  'check/title': { zh: '数据质量报告', en: 'Data-quality report' },
  'check/files': { zh: '文件', en: 'Files' },
  'check/file-text': { zh: '{file}：{how}，{layout}', en: '{file}: {how}, {layout}' },
  'check/encoding': { zh: '编码 {encoding}', en: 'encoding {encoding}' },
  'check/sheet': { zh: '工作表“{sheet}”', en: 'sheet "{sheet}"' },
  'check/layout-long': { zh: '长表（一行一个数值）', en: 'long (one value a row)' },
  'check/layout-years': { zh: '宽表（年份在列）', en: 'wide (years as columns)' },
  'check/layout-regions': { zh: '宽表（地区在列）', en: 'wide (regions as columns)' },
  'check/completeness': {
    zh: '完整性：应报 {expected} 项（指标 × 地区 × 年份），已有 {present} 项（其中汇总得出 {derived} 项），报告缺失 {reported} 项，数据错误 {invalid} 项，缺报 {missing} 项；完整率 {rate}',
    en: 'Completeness: {expected} cells expected (indicator × region × year), {present} present ({derived} derived), {reported} reported missing, {invalid} invalid, {missing} missing; {rate} complete',
  },
  'check/grid-title': { zh: '{year}年缺报情况（只列有缺项的指标）', en: 'Gaps in {year} (indicators with a gap only)' },
  'check/grid-none': { zh: '{year}年：所有应报项齐全', en: '{year}: every expected cell is present' },
  'check/grid-legend': {
    zh: '图例：✓ 已填报  Σ 由下级或分组汇总  — 报告缺失  ✗ 数据错误  ○ 缺报  （数字：缺报的下级单位数）',
    en: 'Legend: ✓ given  Σ derived from units or parts  — reported missing  ✗ invalid  ○ missing  (a number: units below missing)',
  },
  'check/absent': { zh: '本报表未涉及的指标（{count} 项，不列入上表）：{indicators}', en: 'Indicators the return does not cover ({count}, not in the grids): {indicators}' },
  'check/findings': { zh: '发现的问题：错误 {errors} 个，警告 {warnings} 个，提示 {infos} 个', en: 'Findings: errors {errors}, warnings {warnings}, notes {infos}' },
  'check/by-code': { zh: '按类别', en: 'By code' },
  'check/valid': { zh: '结论：数据可以用于评估（没有错误）', en: 'Verdict: the return can be evaluated (no errors)' },
  'check/valid-warnings': { zh: '结论：没有错误，但有 {warnings} 个警告，建议核实', en: 'Verdict: no errors, but {warnings} warnings worth a look' },
  'check/invalid': { zh: '结论：有 {errors} 个错误，请修改后再评估', en: 'Verdict: {errors} errors; fix them before evaluating' },
  'check/strict-warnings': {
    zh: '--strict：有 {warnings} 个警告，按错误处理',
    en: '--strict: {warnings} warnings count as errors',
  },
  'check/observations': { zh: '读取 {observations} 条观测值', en: '{observations} observations read' },
};

const template: Catalog = {
  'template/written': {
    zh: '已生成填报表 {path}：{rows} 行（{indicators} 项指标，{regions} 个地区，{years} 年）；填好后可用 plancheck check 检查、plancheck evaluate 评估',
    en: 'wrote the return form {path}: {rows} rows ({indicators} indicators, {regions} regions, {years}); once filled in, plancheck check checks it and plancheck evaluate evaluates it',
  },
  'template/bad-output': { zh: '-o {path}：填报表只能写成 .csv 或 .xlsx 文件', en: '-o {path}: a return form is written as a .csv or .xlsx file' },
  'template/sheet-form': { zh: '填报表', en: 'Return' },
  'template/sheet-help': { zh: '填报说明', en: 'How to fill in' },
  'template/hint-rate': { zh: '填数值（{unit}），或填分子、分母由工具计算', en: 'give the value (in {unit}), or the numerator and denominator' },
  'template/hint-count': { zh: '只填数值（{unit}），分子、分母留空', en: 'give the value only (in {unit}); leave numerator and denominator empty' },
  'template/hint-value': { zh: '只填数值（{unit}），分子、分母留空', en: 'give the value only (in {unit}); leave numerator and denominator empty' },
  'template/hint-boolean': { zh: '填“是”或“否”', en: 'write 是 (yes) or 否 (no)' },
  'template/hint-derivable': {
    zh: '可不填：各下级地区都填了分子、分母（数量类指标：都填了数值）时，由其汇总',
    en: 'may be left empty when every region below gives numerator and denominator (for a count: its value); it is then summed from them',
  },
  'template/hint-baseline': {
    zh: '目标按与 {baseline} 年比较判断，需同时填报 {baseline} 年数据（生成时加 --year {baseline},年份）',
    en: 'the target compares with {baseline}: give {baseline} as well (generate the form with --year {baseline},YEAR)',
  },
  'template/hint-units-unknown': {
    zh: '目标按乡镇（街道）考核：请用 --regions 提供乡镇名单后重新生成本表',
    en: 'the target is judged for every 乡镇/街道: generate the form again with --regions giving them',
  },
  'template/help-1': { zh: '{title} 统计数据填报表', en: 'Return form for {title}' },
  'template/help-2': {
    zh: '1. 在“填报表”工作表中，每行填一个数值：比率可只填“数值”，也可填“分子”“分母”由工具计算；灰色各列是说明，请勿修改。',
    en: '1. On the form sheet, fill in one value a row: for a rate give the value, or the numerator and denominator; the grey columns are context, do not change them.',
  },
  'template/help-3': {
    zh: '2. 没有数据的，在“数值”栏填“—”并在“备注”栏说明原因；留空的行视为未填报。',
    en: '2. Where there is no data, write "—" in the value column and give the reason in the note column; an empty row counts as not filled in.',
  },
  'template/help-4': { zh: '3. 检查：plancheck check 本文件.xlsx', en: '3. Check it: plancheck check THIS-FILE.xlsx' },
  'template/help-5': { zh: '4. 评估：plancheck evaluate 本文件.xlsx', en: '4. Evaluate it: plancheck evaluate THIS-FILE.xlsx' },
  'template/check-value-title': { zh: '数值', en: 'Value' },
  'template/check-value-prompt': { zh: '填数字；没有数据填“—”并在“备注”栏说明原因', en: 'a number; where there is no data, "—" and the reason in the note column' },
  'template/check-value-error': { zh: '这里只能填数字，或“—”（没有数据）', en: 'only a number, or "—" (no data), goes here' },
  'template/check-yes-no-title': { zh: '是/否', en: 'Yes/no' },
  'template/check-yes-no-prompt': { zh: '填“是”或“否”；没有数据填“—”', en: 'write 是 (yes) or 否 (no); where there is no data, "—"' },
  'template/check-yes-no-error': { zh: '这里只能填“是”“否”或“—”（没有数据）', en: 'only 是 (yes), 否 (no) or "—" (no data) goes here' },
  'template/check-count-title': { zh: '分子、分母', en: 'Numerator, denominator' },
  'template/check-count-prompt': { zh: '填不小于 0 的数字；只填数值时留空', en: 'a number of at least 0; leave it empty when you give the value' },
  'template/check-count-error': { zh: '这里只能填不小于 0 的数字，或留空', en: 'only a number of at least 0 goes here, or nothing' },
  'template/help-6': { zh: '5. 详见 docs/guide.zh-CN.md。', en: '5. See docs/guide.zh-CN.md.' },
};

export const qualityMessages: Catalog = { ...rulesFile, ...findings, ...report, ...template };
