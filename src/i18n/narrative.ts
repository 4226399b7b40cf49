// The report's narrative (一、总体情况 … 四、下一步工作建议): one template per situation,
// filled from the figures alone (src/format/report-narrative.ts). No opinion, no policy text.
import type { Catalog } from './catalog.js';

export const narrativeMessages: Catalog = {
  'nar/part-summary': { zh: '一、总体情况', en: '1. Overview' },
  'nar/part-areas': { zh: '二、各领域目标实现情况', en: '2. Targets by area' },
  'nar/part-problems': { zh: '三、存在的问题', en: '3. Problems' },
  'nar/part-next': { zh: '四、下一步工作建议', en: '4. Next steps' },
  'nar/part-annex': { zh: '附表', en: 'Annex tables' },
  'nar/area-heading': { zh: '（{n}）{area}', en: '2.{n} {area}' },

  // 一、总体情况
  'nar/summary-scope': {
    zh: '本次评估以{baseline}年为基线年，对照规划{final}年目标，评估{year}年规划{indicators}项指标在{regions}个地区（{names}）的实现情况，共{total}项评估结果。',
    en: 'This evaluation looks at {year} against the plan’s {final} targets, with {baseline} as the baseline year: {indicators} indicators in {regions} regions ({names}), {total} results in all.',
  },
  'nar/summary-status': {
    zh: '其中有数据的{judged}项中，已达标{met}项，占{share}，未达标{notMet}项；缺少数据或数据有误{noData}项。',
    en: 'Of the {judged} with data, {met} met ({share}) and {notMet} not met; {noData} without valid data.',
  },
  'nar/summary-level-none': { zh: '各{level}均未报送分地区数据（{count}个{level}的结果均为缺少数据），以下各项仅反映{region}情况。', en: 'None of the {count} {level}s has figures of its own (all their results are without data): what follows is {region}’s alone.' },
  'nar/summary-not-applicable': { zh: '另有{count}项目标不适用：{list}。', en: 'The target does not apply to {count}: {list}.' },
  'nar/and-not-applicable': { zh: '，目标不适用{count}项', en: ', and {count} to which the target does not apply' },
  'nar/names-more': { zh: '{names}等{total}项', en: '{names} and others ({total} in all)' },
  'nar/summary-classes': {
    zh: '按{final}年目标进度测算，已达标{achieved}项，进度符合预期{onTrack}项，需加快进度{speedUp}项，进展有限{limited}项，出现倒退{movingAway}项，无法评估{unknown}项。',
    en: 'Paced toward {final}: {achieved} achieved, {onTrack} on track, {speedUp} must speed up, {limited} limited progress, {movingAway} moving away, {unknown} unknown.',
  },
  'nar/summary-top-midterm': {
    zh: '从{region}看，{indicators}项指标中已提前实现规划目标{met}项，尚未实现{notMet}项，缺少数据{noData}项',
    en: 'For {region}, of {indicators} indicators {met} reached the plan’s target ahead of time, {notMet} not yet, {noData} without data',
  },
  'nar/summary-top-final': {
    zh: '从{region}看，{indicators}项指标中实现规划目标{met}项，未实现规划目标{notMet}项，缺少数据{noData}项',
    en: 'For {region}, of {indicators} indicators {met} achieved the plan’s target, {notMet} did not achieve it, {noData} without data',
  },
  'nar/summary-areas': {
    zh: '分领域看（按有数据的评估结果计），{ahead}领域达标比例较高，{behind}领域相对滞后。',
    en: 'By area (over the results with data), {ahead} are ahead, while {behind} lag behind.',
  },
  'nar/area-share': { zh: '{area}（{share}）', en: '{area} ({share})' },

  // 二、各领域目标实现情况: the area's paragraph
  'nar/area-text': {
    zh: '本领域评估{indicators}项指标。{region}已达标{met}项，未达标{notMet}项，缺少数据{noData}项{na}；按{final}年目标进度测算，进度符合预期{onTrack}项，需加快进度{speedUp}项，进展有限{limited}项，出现倒退{movingAway}项。',
    en: '{indicators} indicators in this area. {region}: {met} met, {notMet} not met, {noData} without data{na}; paced toward {final}, {onTrack} on track, {speedUp} must speed up, {limited} limited progress, {movingAway} moving away.',
  },
  'nar/area-text-final': {
    zh: '本领域评估{indicators}项指标。{region}实现规划目标{met}项，未实现规划目标{notMet}项，缺少数据{noData}项{na}。',
    en: '{indicators} indicators in this area. {region}: {met} targets achieved, {notMet} not achieved, {noData} without data{na}.',
  },
  'nar/no-data-list': { zh: '缺少数据：{list}。', en: 'No data: {list}.' },
  'nar/not-applicable-list': { zh: '目标不适用：{list}。', en: 'Target not applicable: {list}.' },

  // 二、the indicator's sentence, clause by clause
  'nar/value': { zh: '{year}年，{region}{indicator}为{value}', en: '{indicator}, {region}, {year}: {value}' },
  'nar/value-yes-no': { zh: '{year}年，{region}{indicator}：{value}', en: '{indicator}, {region}, {year}: {value}' },
  'nar/value-parts': { zh: '{year}年，{region}{indicator}', en: '{indicator}, {region}, {year}' },
  'nar/change-pp-up': { zh: '，比{year}年提高{amount}', en: ', up {amount} from {year}' },
  'nar/change-pp-rise': { zh: '，比{year}年上升{amount}', en: ', up {amount} from {year}' },
  'nar/change-pp-down': { zh: '，比{year}年下降{amount}', en: ', down {amount} from {year}' },
  'nar/change-up': { zh: '，比{year}年增加{amount}', en: ', up {amount} from {year}' },
  'nar/change-down': { zh: '，比{year}年减少{amount}', en: ', down {amount} from {year}' },
  'nar/change-flat': { zh: '，与{year}年持平', en: ', level with {year}' },
  'nar/baseline-plan': { zh: '（基线为规划所述{year}年数）', en: ' (baseline as stated in the plan)' },

  'nar/better-low': { zh: '，低于规划目标（{target}）', en: ', below the target ({target})' },
  'nar/better-high': { zh: '，高于规划目标（{target}）', en: ', above the target ({target})' },
  'nar/on-line': { zh: '，达到规划目标（{target}）', en: ', at the target ({target})' },
  'nar/short': { zh: '，距规划目标（{target}）尚差{gap}', en: ', {gap} short of the target ({target})' },
  'nar/reached': { zh: '，达到规划目标（{target}）', en: ', meeting the target ({target})' },
  'nar/not-reached': { zh: '，未达到规划目标（{target}）', en: ', not meeting the target ({target})' },

  'nar/t-at-most': { zh: '{value}以下', en: 'at most {value}' },
  'nar/t-at-least': { zh: '{value}以上', en: 'at least {value}' },
  'nar/t-reach': { zh: '{value}', en: '{value}' },
  'nar/t-about': { zh: '{value}左右', en: 'about {value}' },
  'nar/t-about-higher': { zh: '{value}左右，按不低于{line}判定', en: 'about {value}, judged as at least {line}' },
  'nar/t-about-lower': { zh: '{value}左右，按不高于{line}判定', en: 'about {value}, judged as at most {line}' },
  'nar/name-with-target': { zh: '{indicator}（{target}）', en: '{indicator} ({target})' },
  'nar/place-part': { zh: '{region}{part}', en: '{region} ({part})' },
  'nar/place-unit': { zh: '{region}{unit}', en: '{region}, {unit}' },
  'nar/t-change-down': { zh: '比{year}年下降{percent}%，即{line}以下', en: '{percent}% below {year}, i.e. at most {line}' },
  'nar/t-change-up': { zh: '比{year}年提高{percent}%，即{line}以上', en: '{percent}% above {year}, i.e. at least {line}' },
  'nar/t-yearly-down': { zh: '年均降低{amount}，{year}年应在{line}以下', en: 'down {amount} a year, at most {line} in {year}' },
  'nar/t-yearly-up': { zh: '年均提高{amount}，{year}年应在{line}以上', en: 'up {amount} a year, at least {line} in {year}' },

  // every-unit / conditional
  'nar/units-all': { zh: '，{count}个{level}均达到规划目标（{target}）', en: ', all {count} {level}s meeting the target ({target})' },
  'nar/units-failing': { zh: '，{count}个{level}中{n}个未达到规划目标（{target}）：{names}', en: ', {n} of {count} {level}s not meeting the target ({target}): {names}' },
  'nar/units-missing': { zh: '，{names}缺少数据', en: ', no data for {names}' },
  // split
  'nar/part': { zh: '{part}{value}', en: '{part} {value}' },
  'nar/part-met': { zh: '{part}{value}，达到目标{target}', en: '{part} {value}, meeting its target of {target}' },
  'nar/part-short': { zh: '{part}{value}，距目标{target}尚差{gap}', en: '{part} {value}, {gap} short of its target of {target}' },
  'nar/part-no-data': { zh: '{part}缺少数据', en: 'no data for {part}' },
  'nar/parts-join': { zh: '（{list}）', en: ' ({list})' },
  'nar/parts-sep': { zh: '；', en: '; ' },

  // the stage's verdict words
  'nar/mid-achieved': { zh: '，已提前实现规划目标', en: ': target reached ahead of time' },
  'nar/mid-on-track': { zh: '，进度符合预期', en: ': on track' },
  'nar/mid-speed-up': { zh: '，需加快进度', en: ': must speed up' },
  'nar/mid-limited': { zh: '，进展有限', en: ': limited progress' },
  'nar/mid-moving-away': { zh: '，出现倒退', en: ': moving away from the target' },
  'nar/mid-unknown': { zh: '，尚未达标', en: ': not yet met' },
  'nar/mid-projected': { zh: '（按目前年均进度，{final}年预计为{projected}）', en: ' (at the current pace, {projected} in {final})' },
  'nar/final-met': { zh: '，实现规划目标', en: ': target achieved' },
  'nar/final-not-met': { zh: '，未实现规划目标', en: ': target not achieved' },

  // the sub-regions
  'nar/regions-all-met': { zh: '；{count}个{level}均已达标', en: '; all {count} {level}s have met it' },
  'nar/regions-all-met-final': { zh: '；{count}个{level}均实现规划目标', en: '; all {count} {level}s achieved it' },
  'nar/regions-missing': { zh: '；{count}个{level}中{names}尚未达标', en: '; of {count} {level}s, not yet met: {names}' },
  'nar/regions-missing-final': { zh: '；{count}个{level}中{names}未实现规划目标', en: '; of {count} {level}s, {names} did not achieve it' },
  'nar/regions-no-data': { zh: '；{names}缺少数据', en: '; no data for {names}' },
  'nar/regions-none-with-data': { zh: '；{count}个{level}均缺少数据', en: '; no data for any of the {count} {level}s' },
  'nar/region-value': { zh: '{region}（{value}）', en: '{region} ({value})' },
  // 分性别 / 城市农村
  'nar/breakdown-sex': { zh: '；分性别看，{list}', en: '; by sex, {list}' },
  'nar/breakdown-residence': { zh: '；分城乡看，{list}', en: '; urban/rural, {list}' },
  'nar/breakdown-item': { zh: '{part}{value}', en: '{part} {value}' },
  'nar/sex-male': { zh: '男童', en: 'boys' },
  'nar/sex-female': { zh: '女童', en: 'girls' },
  'nar/residence-urban': { zh: '城市', en: 'urban' },
  'nar/residence-rural': { zh: '农村', en: 'rural' },
  // the interval (where the engine gives one)
  'nar/within-chance': {
    zh: '（按95%置信区间，与目标的差距在随机波动范围之内）',
    en: ' (by the 95 % interval, the shortfall is within chance)',
  },
  'nar/met-uncertain': {
    zh: '（按95%置信区间，达标结论尚受随机波动影响）',
    en: ' (by the 95 % interval, the margin is within chance)',
  },
  // a final miss, in events instead of a chance note (where the return gives the counts)
  'nar/miss-events-more': { zh: '（以{denominator}计，相当于比目标多{count}例）', en: ' (of {denominator}, {count} more than the target allows)' },
  'nar/miss-events-short': { zh: '（以{denominator}计，距目标尚差{count}）', en: ' (of {denominator}, {count} short of the target)' },
  'nar/end': { zh: '。', en: '.' },
  'nar/list-sep': { zh: '、', en: ', ' },

  // 三、存在的问题
  'nar/problems-none': { zh: '各项指标均已达标或进度符合预期，未发现需要列出的问题。', en: 'Every indicator is met or on track: nothing to list.' },
  'nar/problem-moving-away': { zh: '{n}. 出现倒退的指标：{list}。', en: '{n}. Moving away from the target: {list}.' },
  'nar/moving-away-item': { zh: '{indicator}（{region}，{baseYear}年{base}，{year}年{current}）', en: '{indicator} ({region}: {base} in {baseYear}, {current} in {year})' },
  'nar/problem-at-risk': { zh: '{n}. 存在{final}年未实现规划目标风险的指标（按风险由高到低）：', en: '{n}. At risk of missing the {final} target (worst first):' },
  'nar/risk-item': { zh: '{indicator}：{regions}。', en: '{indicator}: {regions}.' },
  'nar/risk-region-unpaced': { zh: '{region}{year}年{current}，尚未达标，无法测算进度', en: '{region} {current} in {year}, not met, progress cannot be paced' },
  'nar/risk-region-unpaced-no-value': { zh: '{region}尚未达标，无法测算进度', en: '{region} not met, progress cannot be paced' },
  'nar/risk-region': { zh: '{region}{class}，{year}年{current}，需年均{pace}', en: '{region} {class}, {current} in {year}, needs {pace} a year' },
  'nar/risk-region-no-pace': { zh: '{region}{class}，{year}年{current}', en: '{region} {class}, {current} in {year}' },
  'nar/problem-not-achieved': { zh: '{n}. 未实现规划目标的指标：', en: '{n}. Targets not achieved:' },
  'nar/not-achieved-region': { zh: '{region}{current}，差{gap}', en: '{region} {current}, {gap} short' },
  'nar/not-achieved-region-no-gap': { zh: '{region}{current}', en: '{region} {current}' },
  'nar/problem-lagging': { zh: '{n}. 存在{final}年未实现规划目标风险的指标较多的{level}：{list}。', en: '{n}. {level}s with several targets at risk of missing {final}: {list}.' },
  'nar/problem-lagging-final': { zh: '{n}. 未实现规划目标的指标较多的{level}：{list}。', en: '{n}. {level}s with several targets not achieved: {list}.' },
  'nar/problem-warning': { zh: '{n}. 目前已达标、但按目前年均变化{final}年将不能实现规划目标的指标（存在回落风险）：', en: '{n}. Met now, but at the current yearly change missing the {final} target (at risk of falling back):' },
  'nar/warning-region': { zh: '{region}{baseYear}年{base}，{year}年{current}，按目前年均变化{final}年预计为{projected}，规划目标为{target}', en: '{region} {base} in {baseYear}, {current} in {year}, {projected} in {final} at the current yearly change, against a target of {target}' },
  'nar/lagging-item': { zh: '{region}（{count}项）', en: '{region} ({count})' },
  'nar/problem-no-data': { zh: '{n}. 缺少{region}数据的指标（{count}项）：{list}。', en: '{n}. Indicators without data for {region} ({count}): {list}.' },
  'nar/problem-no-baseline': { zh: '{n}. 缺少{year}年基线数据、无法测算进度的指标：{list}。', en: '{n}. No {year} baseline, so progress cannot be paced: {list}.' },
  'nar/problem-quality': { zh: '{n}. 数据检查发现{errors}个错误、{warnings}个警告（详见附表“数据问题”）。', en: '{n}. The data checks found {errors} errors and {warnings} warnings (see the annex “Data problems”).' },

  // 四、下一步工作建议
  'nar/next-none': { zh: '无需列出的事项。', en: 'Nothing to list.' },
  'nar/next-pace-intro': { zh: '{n}. 按{final}年规划目标测算，以下指标需加快推进：', en: '{n}. To reach the {final} targets, these must move faster:' },
  'nar/next-pace': { zh: '{indicator}：{list}。', en: '{indicator}: {list}.' },
  'nar/next-pace-region': { zh: '{region}需年均{pace}（由{current}到{target}）', en: '{region} needs {pace} a year (from {current} to {target})' },
  'nar/next-pace-region-about': { zh: '{region}需年均{pace}（由{current}到判定线{target}）', en: '{region} needs {pace} a year (from {current} to the line judged, {target})' },
  'nar/next-gap-intro': { zh: '{n}. 以下指标未实现规划目标，距目标的差距为：', en: '{n}. Targets not achieved, and the distance left:' },
  'nar/next-gap': { zh: '{indicator}：{list}。', en: '{indicator}: {list}.' },
  'nar/next-gap-region': { zh: '{region}差{gap}', en: '{region} {gap} short' },
  'nar/next-data': { zh: '{n}. 补齐数据：{list}。', en: '{n}. Data to complete: {list}.' },
  'nar/next-data-missing': { zh: '{region}{indicators}的{year}年数据', en: '{year} data of {indicators} for {region}' },
  'nar/next-data-level-none': { zh: '各{level}均未报送分地区数据，需补报{count}个{level}的{year}年数据', en: 'none of the {count} {level}s has its own figures: their {year} data is to be reported' },
  'nar/next-data-region-none': { zh: '{region}未报送数据，需补报{count}项指标的{year}年数据', en: '{region} reported nothing: {year} data of {count} indicators' },
  'nar/next-data-more-regions': { zh: '{regions}另缺{count}项指标的{year}年数据', en: '{count} more {year} figures for {regions}' },
  'nar/next-data-annex': { zh: '逐项明细见附表“各地区达标情况”', en: 'every item is in the annex “Status by region”' },
  'nar/next-warning': { zh: '{n}. 巩固已达标指标、防止回落：{list}。', en: '{n}. Hold what is met and stop it falling back: {list}.' },
  'nar/next-warning-item': { zh: '{indicator}（{regions}）', en: '{indicator} ({regions})' },
  'nar/next-data-baseline': { zh: '{indicators}的{year}年基线数据', en: 'the {year} baseline of {indicators}' },
  'nar/next-data-quality': { zh: '核实并更正数据检查发现的{errors}个错误、{warnings}个警告', en: 'check and correct the {errors} errors and {warnings} warnings the data checks found' },
  'nar/pace-up': { zh: '提高{amount}', en: '+{amount}' },
  'nar/pace-down': { zh: '下降{amount}', en: '−{amount}' },
  'nar/pace-up-count': { zh: '增加{amount}', en: '+{amount}' },
  'nar/pace-down-count': { zh: '减少{amount}', en: '−{amount}' },

  // the Word document
  'docx/title-stage': { zh: '{stage}', en: '{stage}' },
  'docx/title-year': { zh: '评估年份：{year}年', en: 'Year evaluated: {year}' },

  // the HTML and Markdown reports' annexes
  'annex/summary': { zh: '附表1 评估结果汇总', en: 'Annex 1. Summary of results' },
  'annex/grid': { zh: '附表2 各地区达标情况（{year}年）', en: 'Annex 2. Status by region ({year})' },
  'annex/areas': { zh: '附表3 分领域评估明细', en: 'Annex 3. Details by area' },
  'annex/notes': { zh: '附表4 数据备注', en: 'Annex 4. Notes in the returns' },

  // Why a target is missed where a reason says more than the figures (engine kinds trend.ts and every-unit.ts).
  'nar/trend-why': { zh: '：{why}', en: ': {why}' },
  'nar/trend-why-brief': { zh: '（{why}）', en: ' ({why})' },
  'nar/units-proven': { zh: '，{why}', en: '; {why}' },
};
