// The parts of the evaluation report an analyst signs besides the figures of each indicator
// (src/format/report-sections.ts): the 主要指标 first, each 市（区）, the 城乡 and 性别 gaps,
// the returns' notes as stated causes, the latest year available, what the next plan must
// carry over, and how the evaluation was done. Facts from the results only; no policy text.
import type { Catalog } from './catalog.js';

export const sectionMessages: Catalog = {
  'sec/sep': { zh: '，', en: ', ' },
  'sec/semi': { zh: '；', en: '; ' },
  'sec/end': { zh: '。', en: '.' },
  'sec/list-sep': { zh: '、', en: ', ' },
  'sec/and-more': { zh: '{list}等{count}项', en: '{list} and {more} more' },

  // 主要指标
  'sec/main-opening': { zh: '规划{count}项主要指标中，{region}{list}', en: 'Of the plan’s {count} main indicators, for {region}: {list}' },
  'sec/main-achieved-mid': { zh: '已提前实现{n}项', en: '{n} reached ahead of time' },
  'sec/main-on-track': { zh: '进度符合预期{n}项', en: '{n} on track' },
  'sec/main-speed-up': { zh: '需加快进度{n}项', en: '{n} must speed up' },
  'sec/main-limited': { zh: '进展有限{n}项', en: '{n} with limited progress' },
  'sec/main-moving-away': { zh: '出现倒退{n}项', en: '{n} moving away' },
  'sec/main-unknown-mid': { zh: '尚未达标、无法测算进度{n}项', en: '{n} not yet met and not paced' },
  'sec/main-met': { zh: '实现{n}项', en: '{n} achieved' },
  'sec/main-not-met': { zh: '未实现{n}项', en: '{n} not achieved' },
  'sec/main-no-data': { zh: '缺少数据{n}项', en: '{n} without data' },
  'sec/main-earlier': { zh: '另有{n}项{year}年尚无数据，按{earlier}年数据评估（{list}）', en: '{n} more have no {year} value and are judged on {earlier} (“{list}”)' },
  'sec/main-earlier-item-met': { zh: '{indicator}达标', en: '{indicator} met' },
  'sec/main-earlier-item-not-met': { zh: '{indicator}未达标', en: '{indicator} not met' },
  'sec/main-then-all': { zh: '全部指标情况如下。', en: 'All indicators follow.' },
  'sec/main-table': { zh: '表{n} 主要指标实现情况（{region}）', en: 'Table {n}. Main indicators ({region})' },
  'sec/main-table-rest': { zh: '其余{n}项主要指标缺少{year}年数据，未列入上表。', en: 'The other {n} main indicators have no {year} data and are not in the table.' },
  'sec/col-no': { zh: '序号', en: 'No.' },
  'sec/col-indicator': { zh: '指标', en: 'Indicator' },
  'sec/col-year': { zh: '{year}年', en: '{year}' },
  'sec/col-target': { zh: '{final}年目标', en: 'Target {final}' },
  'sec/col-status': { zh: '实现情况', en: 'Status' },
  'sec/status-met-mid': { zh: '已达标', en: 'met' },
  'sec/status-not-met-mid': { zh: '未达标', en: 'not met' },
  'sec/status-met-final': { zh: '实现', en: 'achieved' },
  'sec/status-not-met-final': { zh: '未实现', en: 'not achieved' },
  'sec/status-no-data': { zh: '缺少数据', en: 'no data' },
  'sec/status-invalid': { zh: '数据有误', en: 'invalid data' },
  'sec/status-not-applicable': { zh: '不适用', en: 'not applicable' },
  'sec/earlier-value': { zh: '{value}（{year}年数据）', en: '{value} ({year} data)' },

  // Latest available year
  'sec/earlier-sentence': {
    zh: '{indicator}{year}年尚无数据，采用{earlier}年数据：{region}{earlier}年为{value}，{verdict}（{earlier}年数据）。',
    en: '{indicator} has no {year} value; the {earlier} figure is used: {region} {value} in {earlier}, {verdict} ({earlier} data).',
  },
  'sec/earlier-met': { zh: '达到规划目标', en: 'meeting the target' },
  'sec/earlier-not-met': { zh: '未达到规划目标', en: 'not meeting the target' },

  // 各市（区）
  'sec/regions-heading': { zh: '（{n}）各{level}目标实现情况', en: '2.{n} By {level}' },
  'sec/regions-intro': {
    zh: '按未达标（含存在风险）指标由多到少排列。',
    en: 'Listed by the number of indicators not met (or at risk), most first.',
  },
  'sec/regions-intro-final': { zh: '按未实现目标的指标由多到少排列。', en: 'Listed by the number of targets not achieved, most first.' },
  'sec/region-para': { zh: '{region}：评估{total}项指标，{list}。', en: '{region}: {total} indicators evaluated; {list}.' },
  'sec/region-met-mid': { zh: '已达标{n}项', en: '{n} met' },
  'sec/region-met-final': { zh: '实现目标{n}项', en: '{n} achieved' },
  'sec/region-on-track': { zh: '尚未达标但进度符合预期{n}项', en: '{n} not yet met but on track' },
  'sec/region-risk': { zh: '存在未达标风险{n}项（{names}）', en: '{n} at risk ({names})' },
  'sec/region-not-met-final': { zh: '未实现目标{n}项（{names}）', en: '{n} not achieved ({names})' },
  'sec/region-no-data': { zh: '缺少数据{n}项', en: '{n} without data' },

  // 城乡 and 性别
  'sec/gaps-heading': { zh: '（{n}）分性别、分城乡情况', en: '2.{n} By sex and by residence' },
  'sec/gap-sex': { zh: '{region}{indicator}{year}年女童为{female}、男童为{male}，{relation}', en: '{region}, {indicator} {year}: girls {female}, boys {male}; {relation}' },
  'sec/gap-residence': { zh: '{region}{indicator}{year}年农村为{rural}、城市为{urban}，{relation}', en: '{region}, {indicator} {year}: rural {rural}, urban {urban}; {relation}' },
  'sec/rel-female-higher': { zh: '女童高于男童{amount}', en: 'girls {amount} above boys' },
  'sec/rel-female-lower': { zh: '女童低于男童{amount}', en: 'girls {amount} below boys' },
  'sec/rel-rural-higher': { zh: '农村高于城市{amount}', en: 'rural {amount} above urban' },
  'sec/rel-rural-lower': { zh: '农村低于城市{amount}', en: 'rural {amount} below urban' },
  'sec/rel-equal-sex': { zh: '男女持平', en: 'no gap between girls and boys' },
  'sec/rel-equal-residence': { zh: '城乡持平', en: 'no urban–rural gap' },

  // The returns' notes as stated causes
  'sec/causes': { zh: '{n}. 报表对部分未达标情况附有说明：{list}。', en: '{n}. The returns state reasons for some targets not met: {list}.' },
  'sec/cause-part': { zh: '{part}{value}，目标{target}', en: '{part} {value} against a target of {target}' },
  'sec/cause-item': { zh: '{region}{indicator}（{year}年{value}）未达标，据报送说明：{note}', en: '{region}, {indicator} ({value} in {year}) not met — the return states: “{note}”' },

  // 下一步 of the final report: what the next plan carries over
  'sec/carry-over': {
    zh: '{n}. 以下{count}项指标未实现规划目标，建议在“十五五”儿童发展规划中继续设置并跟踪监测：',
    en: '{n}. These {count} targets were not achieved; the next plan (15th Five-Year) should carry them over and keep monitoring them:',
  },
  'sec/carry-item': { zh: '{indicator}（{target}）：{list}', en: '{indicator} ({target}): {list}' },
  'sec/carry-region-gap': { zh: '{region}{value}，差{gap}', en: '{region} {value}, {gap} short' },
  'sec/carry-region': { zh: '{region}{value}', en: '{region} {value}' },
  'sec/placeholder': { zh: '{area}：【请相关部门补充主要措施】', en: '{area}: [measures to be supplied by the departments concerned]' },
  'sec/placeholder-intro': { zh: '{n}. 各领域主要措施：', en: '{n}. Measures by area:' },

  // 评估工作与数据来源
  'sec/work-heading': { zh: '五、评估工作与数据来源', en: '5. How the evaluation was done, and the data' },
  'sec/work-scope': {
    zh: '本次{stage}以{baseline}年为基线年、{final}年为目标年，评估{year}年数据，使用{from}—{year}年的报表数据。',
    en: 'This {stage} takes {baseline} as the baseline year and {final} as the target year, evaluates {year}, and reads the returns of {from}–{year}.',
  },
  'sec/work-files': { zh: '数据文件：{list}（共{count}个）。', en: 'Data files: {list} ({count} in all).' },
  'sec/work-regions-file': { zh: '下级单位名单：{file}。', en: 'Sub-units listed in {file}.' },
  'sec/work-reported': { zh: '{year}年报送数据的地区及指标数：{list}。', en: 'Regions and the number of indicators each reported for {year}: {list}.' },
  'sec/work-reported-item': { zh: '{region}{n}项', en: '{region} {n}' },
  'sec/work-reported-item-derived': { zh: '{region}{n}项（另{m}项由下级数据汇总）', en: '{region} {n} (and {m} summed from its sub-regions)' },
  'sec/work-units': { zh: '{level}一级数据用于“每个{level}”类目标，涉及{count}个{level}。', en: '{level}-level data serve the “every {level}” targets: {count} {level}s.' },
  'sec/work-baseline': { zh: '基线：{list}。', en: 'Baselines: {list}.' },
  'sec/work-baseline-plan': { zh: '{n}项指标采用规划载明的基线数', en: '{n} indicators use the baseline the plan states' },
  'sec/work-baseline-returns': { zh: '{n}项采用报表{baseline}年数据', en: '{n} the returns’ {baseline} figure' },
  'sec/work-baseline-none': { zh: '{n}项缺少基线', en: '{n} have none' },
  'sec/work-about': { zh: '目标为“左右”的指标按规划值上下的容差判定：{list}。', en: 'Targets “about” a value are judged within a tolerance of it: {list}.' },
  'sec/work-about-item': { zh: '{indicator}（{value}，±{tolerance}）', en: '{indicator} ({value}, ±{tolerance})' },
  'sec/work-trend': { zh: '目标为趋势（如“明显下降”“逐步提高”）的指标按{baseline}年以来历年数据的变化判定：{list}。', en: 'Trend targets are judged on the yearly values since {baseline}: {list}.' },
  'sec/work-progress-mid': { zh: '进度评估：{method}', en: 'Progress: {method}' },
  'sec/work-progress-final': { zh: '终期评估以{year}年数值与规划目标直接比较，判定实现或未实现，不再测算进度。', en: 'The final evaluation compares each {year} value with its target directly: achieved or not; no pace is measured.' },
  'sec/work-rates': { zh: '比率类指标由分子、分母汇总计算（Σ分子 ÷ Σ分母），不对下级比率作简单平均。', en: 'Rates are summed as Σ numerator ÷ Σ denominator, never averaged from sub-regions.' },
  'sec/work-earlier': { zh: '{year}年尚无数据、上一年有数据的指标，采用{earlier}年数据评估，并单独计数：{list}。', en: 'Where {year} has no value but {earlier} has, the {earlier} value is used and counted apart: {list}.' },
  'sec/work-notes': { zh: '报表附有以下口径说明（备注）：', en: 'The returns carry these notes on their figures:' },
  'sec/work-note': { zh: '{indicator}（{region}，{years}年）：{note}', en: '{indicator} ({region}, {years}): {note}' },
  'sec/work-no-notes': { zh: '报表未附口径说明（备注）。', en: 'The returns carry no notes on their figures.' },
  'sec/work-quality': { zh: '数据检查发现{errors}个错误、{warnings}个警告，详见附表。', en: 'The data checks found {errors} errors and {warnings} warnings; see the annex.' },

  // The Word file
  'annex/plan-text': { zh: '规划原文', en: 'The plan’s own words' },
  'annex/col-source': { zh: '规划原文', en: 'Plan text' },
  'docx/toc': { zh: '目　录', en: 'Contents' },
  'docx/toc-hint': { zh: '（目录为域，在 Word 或 WPS 中打开后按 F9 或“更新目录”刷新页码。）', en: '(The contents are a field: in Word or WPS press F9 or “Update table” to refresh the page numbers.)' },
  'docx/figures': { zh: '附图 各指标{region}走势', en: 'Figures: each indicator over the years, {region}' },
  'docx/figure': { zh: '图{n} {title}', en: 'Figure {n}. {title}' },
  'docx/legend': { zh: '图例：实线为实际值，红色虚线为目标线，灰色点线为要求路径，浅色虚线为按当前进度预计。', en: 'Key: solid line, values; red dashed line, the target; grey dotted line, the required path; light dashed line, projected at the current pace.' },
  'docx/legend-final': { zh: '图例：实线为实际值，红色虚线为目标线，灰色点线为要求路径。', en: 'Key: solid line, values; red dashed line, the target; grey dotted line, the required path.' },
  'docx/no-charts': { zh: '本文件未含图表（未找到可用的中文字体或图形渲染组件），图表见同名 HTML 报告。', en: 'This file has no charts (no CJK font or renderer was found); the HTML report has them.' },
  'docx/date-month': { zh: '{year}年{month}月', en: '{month} {year}' },
  'docx/no-font': {
    zh: '未找到中文字体，Word 文件不含图表（图表见 HTML 报告）；请安装中文字体（如 fonts-noto-cjk），或用环境变量 {variable} 指定字体文件',
    en: 'no CJK font found: the Word file has no charts (the HTML report has them); install one (e.g. fonts-noto-cjk) or name a font file in {variable}',
  },
  'docx/no-renderer': { zh: '图表渲染组件不可用，Word 文件不含图表（图表见 HTML 报告）', en: 'the chart renderer is not available: the Word file has no charts (the HTML report has them)' },
};
