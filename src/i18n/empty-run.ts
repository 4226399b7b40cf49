// Messages of a run that evaluates nothing (src/engine/nothing-evaluated.ts): each says why
// and what to do. The outputs of such a run (JSON, JUnit, Markdown) carry them too.
import type { Catalog } from './catalog.js';

export const emptyRunMessages: Catalog = {
  'run/no-rows': {
    zh: '报表没有数据行（空文件、只有表头，或各行在数值列之前就结束了），无从检查或评估；请填写报表后重新运行（plancheck template 可生成填报表）',
    en: 'the returns have no data rows (an empty file, a header only, or rows that end before the value column), so there is nothing to check or evaluate; fill in the return and run again (plancheck template writes a blank form)',
  },
  'run/rows-dropped': {
    zh: '报表的每一行都有错误（见上），没有可检查或评估的行；请改正这些错误后重新运行',
    en: 'every row of the returns has an error (see above), so none is left to check or evaluate; correct them and run again',
  },
  'run/no-values': {
    zh: '报表的数值全部为空或标为缺失（—），无从检查或评估；请填写数值后重新运行',
    en: 'every value of the returns is blank or marked missing (—), so there is nothing to check or evaluate; fill in the values and run again',
  },
  'run/year-absent': {
    zh: '没有评估任何指标：数据中没有 {year} 年，只有 {years} 年；请用 --year 指定其中一年，或去掉 --year 评估最近一年（{latest}）',
    en: 'nothing was evaluated: the data has no {year}, only {yearsEn}; name one of those with --year, or leave --year out to evaluate the latest ({latest})',
  },
  'run/report-year-absent': {
    zh: '报告没有评估任何指标：报告评估 {year} 年，但数据中没有 {year} 年，只有 {years} 年；请用 --year 指定其中一年（不指定时 --stage midterm 评估 {midterm} 年，final 评估 {final} 年）',
    en: 'the report evaluated nothing: it looks at {year}, but the data has no {year}, only {yearsEn}; name one of those with --year (without it, --stage midterm looks at {midterm} and final at {final})',
  },
  'run/indicators-without-target': {
    zh: '没有评估任何指标：所选指标（{indicators}）在规划中没有目标，只作为其他目标的条件读取（如人口）；请选择有目标的指标（plancheck indicators 可列出）',
    en: 'nothing was evaluated: the indicators asked ({indicatorsEn}) have no target in the plan and are only read for other targets\' conditions (a population, say); choose indicators with a target (plancheck indicators lists them)',
  },
  'run/indicators-absent': {
    zh: '没有评估任何指标：报表中没有所选指标（{indicators}）的数据；请检查 --indicator（plancheck check 可列出报表涉及的指标），或去掉它评估报表中的全部指标',
    en: 'nothing was evaluated: the returns give nothing for the indicators asked ({indicatorsEn}); check --indicator (plancheck check lists the indicators a return gives), or leave it out to evaluate every indicator of the returns',
  },
  'run/indicators-not-in-year': {
    zh: '没有评估任何指标：所选指标（{indicators}）没有 {asked} 年的数据，只有 {years} 年的；请用 --year 指定其中一年',
    en: 'nothing was evaluated: the indicators asked ({indicatorsEn}) have no data for {askedEn}, only for {yearsEn}; name one of those years with --year',
  },
  'run/regions-absent': {
    zh: '没有评估任何指标：报表中没有所选地区（{regions}）及其下级单位 {years} 年的数据；请检查 --region 和 --year，或去掉 --region 评估报表涉及的全部地区',
    en: 'nothing was evaluated: the returns give nothing for the regions asked ({regionsEn}) or the units below them in {yearsEn}; check --region and --year, or leave --region out to evaluate every region of the returns',
  },
  'run/nothing-in-scope': {
    zh: '没有评估任何指标：报表中没有所选指标、地区在 {years} 年的数据；请放宽 --indicator、--region 或 --year',
    en: 'nothing was evaluated: the returns give nothing for the indicators and regions asked in {yearsEn}; widen --indicator, --region or --year',
  },
  'run/nothing': { zh: '没有评估任何指标', en: 'nothing was evaluated' },
  'run/junit-case': { zh: '评估', en: 'evaluation' },
  'run/absent-indicators': {
    zh: '本报表未涉及的规划指标（{count} 项）：{indicators}',
    en: 'Indicators of the plan the returns give nothing for ({count}): {indicators}',
  },
};
