// The narrative's sentences on the Testland fixture: one indicator per kind of target, at the
// mid-term (2023) and the final stage (2025). Figures worked by hand in the comments.
import { describe, expect, it } from 'vitest';
import type { FormatContext } from '../../src/format/index.js';
import { blocksMd } from '../../src/format/report-md.js';
import { chineseNumber, indicatorSentence, narrativeBlocks } from '../../src/format/report-narrative.js';
import { buildReport } from '../../src/report/build.js';
import type { IndicatorReport, Report } from '../../src/report/model.js';
import { RegionIndex } from '../../src/plan/lookup.js';
import type { Observation } from '../../src/model/observation.js';
import { CITY, NORTH, NORTH_A, NORTH_B, PLAN_REGIONS, SOUTH, SOUTH_A, SOUTH_B, TOWNSHIPS, indicator, makePlan, obs } from '../engine/helpers.js';

const count = { measure: 'count' as const, scale: undefined };
const plan = makePlan(
  [
    indicator({ id: 'deaths', name: '死亡率', unit: '‰', scale: 1000, direction: 'lower', text: '≤4', target: { kind: 'at-most', value: 4 } }),
    indicator({ id: 'cover', name: '覆盖率', nameEn: 'Coverage', text: '≥95', target: { kind: 'at-least', value: 95 } }),
    indicator({ id: 'places', name: '托位数', unit: '个', ...count, text: '4.5个左右', target: { kind: 'about', value: 4.5 } }),
    indicator({
      id: 'parent', name: '家长学校建成率', text: '城市100 农村90',
      target: { kind: 'split', by: 'residence', parts: [{ part: 'urban', text: '城市100', target: { kind: 'reach', value: 100 } }, { part: 'rural', text: '农村90', target: { kind: 'reach', value: 90 } }] },
    }),
    indicator({ id: 'vacc', name: '接种率', text: '以乡镇为单位95以上', target: { kind: 'every-unit', level: 'township', target: { kind: 'at-least', value: 95 } } }),
    indicator({ id: 'injury', name: '伤害死亡率', unit: '1/10万', scale: 100000, direction: 'lower', text: '下降20%', target: { kind: 'change', relative: -0.2 } }),
    indicator({ id: 'myopia', name: '近视率', direction: 'lower', text: '每年降低1个百分点', target: { kind: 'yearly-change', perYear: -1 } }),
    indicator({ id: 'overweight', name: '超重率', direction: 'lower', text: '不上升', target: { kind: 'trend', direction: 'not-rising' } }),
    indicator({ id: 'council', name: '儿童议事会', unit: '是/否', measure: 'boolean', scale: undefined, text: '成立', target: { kind: 'yes-no', expected: true } }),
    indicator({ id: 'sped', name: '特殊教育学校数', unit: '所', ...count, text: '30万人口以上的区至少一所', target: { kind: 'conditional', when: { indicator: 'pop', atLeast: 30 }, level: 'district', target: { kind: 'at-least', value: 1 } } }),
    indicator({ id: 'pop', name: '人口', unit: '万人', ...count, target: undefined }),
    indicator({ id: 'empty', name: '无数据指标', text: '≥90', target: { kind: 'at-least', value: 90 } }),
  ],
  { populationIndicator: 'pop', regions: PLAN_REGIONS.filter((r) => r.level !== 'township') },
);

const at = (indicatorId: string, regionCode: string, year: number, value: number | boolean | null, extra: Partial<Observation> = {}) => obs({ indicatorId, regionCode, year, value, ...extra });
const series = (id: string, region: string, v2020: number | boolean, v2023: number | boolean, v2025: number | boolean, extra: Partial<Observation> = {}) => [
  at(id, region, 2020, v2020, extra), at(id, region, 2023, v2023, extra), at(id, region, 2025, v2025, extra),
];

const observations: Observation[] = [
  // deaths ≤4‰: the city 5.4 → 4.5 → 3.8; North 5.0 → 4.33 → 4.1 misses, South 3.0 → 3.5 → 3.2 meets.
  ...series('deaths', CITY, 5.4, 4.5, 3.8), ...series('deaths', NORTH, 5.0, 4.33, 4.1), ...series('deaths', SOUTH, 3.0, 3.5, 3.2),
  // cover ≥95 %: the city 90 → 94.4 → 96, with boys and girls in 2023.
  ...series('cover', CITY, 90, 94.4, 96),
  at('cover', CITY, 2023, 94.0, { sex: 'male' }), at('cover', CITY, 2023, 94.8, { sex: 'female' }),
  // places about 4.5 (line 4.275): 2.0 → 3.0 → 4.4.
  ...series('places', CITY, 2.0, 3.0, 4.4),
  // parent: urban 80 → 95 → 100, rural 70 → 86 → 88 (the total is derived from the parts).
  ...series('parent', CITY, 80, 95, 100, { residence: 'urban', numerator: 0, denominator: 100 }).map((o) => ({ ...o, numerator: (o.value as number), denominator: 100 })),
  ...series('parent', CITY, 70, 86, 88, { residence: 'rural' }).map((o) => ({ ...o, numerator: (o.value as number), denominator: 100 })),
  // vacc: township Alder falls below 95 in 2023; the city's own figure 97 → 96.
  ...series('vacc', CITY, 97, 96, 97),
  ...series('vacc', NORTH_A, 96, 94, 96), ...series('vacc', NORTH_B, 97, 98, 98), ...series('vacc', SOUTH_A, 97, 97, 97), ...series('vacc', SOUTH_B, 96, 96, 96),
  // injury −20 % (line 12/10万): 15 → 13 → 11.5.
  ...series('injury', CITY, 15, 13, 11.5),
  // myopia −1 point a year: 55 → 53.5 (line 52) → 49 (line 50).
  ...series('myopia', CITY, 55, 53.5, 49),
  // overweight not rising: 15.6 → 15.1 → 15.9.
  ...series('overweight', CITY, 15.6, 15.1, 15.9),
  // council: no → yes → yes.
  ...series('council', CITY, false, true, true),
  // sped: both districts above 30万; South has none in 2023.
  ...[2020, 2023, 2025].flatMap((y) => [at('pop', NORTH, y, 40), at('pop', SOUTH, y, 35)]),
  ...series('sped', NORTH, 1, 1, 1), ...series('sped', SOUTH, 0, 0, 1),
];

const regions = new RegionIndex([...PLAN_REGIONS, ...TOWNSHIPS]);
const zh = (_report: Report): FormatContext => ({ plan, lang: 'zh', color: false });
const mid = buildReport(plan, regions, observations, { stage: 'midterm', regions: [CITY, NORTH, SOUTH] });
const fin = buildReport(plan, regions, observations, { stage: 'final', regions: [CITY, NORTH, SOUTH] });
const ind = (report: Report, id: string): IndicatorReport => report.areas.flatMap((a) => a.indicators).find((i) => i.id === id)!;
const say = (report: Report, id: string, lang: 'zh' | 'en' = 'zh') => indicatorSentence(report, ind(report, id), { plan, lang, color: false });

describe('a sentence per kind of target, mid-term', () => {
  it('≤ (‰): value, change in 个千分点, the gap, the class, the district that misses', () => {
    // required (4 − 5.4)/5 = −0.28 a year, actual (4.5 − 5.4)/3 = −0.3: R = 1.07, on track.
    expect(say(mid, 'deaths')).toBe('2023年，Testland City死亡率为4.5‰，比2020年下降0.9个千分点，距规划目标（4‰以下）尚差0.5个千分点，进度符合预期；2个District中North District（4.33‰）尚未达标。');
  });

  it('≥ (%): change in 个百分点, the districts without data named, and the 分性别 clause', () => {
    expect(say(mid, 'cover')).toBe('2023年，Testland City覆盖率为94.4%，比2020年提高4.4个百分点，距规划目标（95%以上）尚差0.6个百分点，进度符合预期；North District、South District缺少数据；分性别看，男童94%、女童94.8%。');
  });

  it('左右 (a count): 增加 in the unit; the gap to the plan\'s 4.5, the band\'s edge named once', () => {
    // Judged at 4.275 (4.5 − 5 %), but 3 is 1.5 short of the plan's own 4.5 (CONTRACT §2).
    expect(say(mid, 'places')).toMatch(/^2023年，Testland City托位数为3个，比2020年增加1个，距规划目标（4\.5个左右，按不低于4\.275个判定）尚差1\.5个，/);
  });

  it('split: each part against its own line', () => {
    expect(say(mid, 'parent')).toContain('（城市95%，距目标100%尚差5个百分点；农村86%，距目标90%尚差4个百分点）');
  });

  it('every unit: the units that fail, named with their value', () => {
    expect(say(mid, 'vacc')).toContain('4个Township中1个未达到规划目标（95%以上）：Alder Township（94%）');
  });

  it('change: the line the relative change sets', () => {
    // 15 × 0.8 = 12/10万; 13 is 1 short.
    expect(say(mid, 'injury')).toContain('比2020年下降2/10万，距规划目标（比2020年下降20%，即12/10万以下）尚差1/10万');
  });

  it('yearly change: the line of the year', () => {
    // 55 − 3 × 1 = 52; 53.5 is 1.5 short.
    expect(say(mid, 'myopia')).toContain('距规划目标（年均降低1个百分点，2023年应在52%以下）尚差1.5个百分点');
  });

  it('trend and yes/no: met, reached ahead of time', () => {
    expect(say(mid, 'overweight')).toBe('2023年，Testland City超重率为15.1%，比2020年下降0.5个百分点，达到规划目标（不上升），已提前实现规划目标；North District、South District缺少数据。');
    expect(say(mid, 'council')).toBe('2023年，Testland City儿童议事会：是，达到规划目标（是），已提前实现规划目标；North District、South District缺少数据。');
  });

  it('conditional: the unit that misses', () => {
    expect(say(mid, 'sped')).toContain('2个District中1个未达到规划目标（1所以上）：South District（0所）');
  });

  it('no data: no sentence of figures, listed once as 缺少数据', () => {
    expect(say(mid, 'empty')).toBeUndefined();
    const md = blocksMd(narrativeBlocks(mid, zh(mid))).join('\n');
    expect(md.match(/缺少数据：无数据指标。/g)).toHaveLength(1);
  });

  it('English', () => {
    expect(say(mid, 'cover', 'en')).toBe('Coverage, Testland City, 2023: 94.4%, up 4.4 pp from 2020, 0.6 pp short of the target (at least 95%): on track; no data for North District, South District; by sex, boys 94%, girls 94.8%.');
  });
});

describe('the final stage: 实现 / 未实现规划目标', () => {
  it('met and not met', () => {
    expect(say(fin, 'cover')).toBe('2025年，Testland City覆盖率为96%，比2020年提高6个百分点，高于规划目标（95%以上），实现规划目标；North District、South District缺少数据。');
    expect(say(fin, 'deaths')).toBe('2025年，Testland City死亡率为3.8‰，比2020年下降1.6个千分点，低于规划目标（4‰以下），实现规划目标；2个District中North District（4.1‰）未实现规划目标。');
    expect(say(fin, 'overweight')).toContain('未达到规划目标（不上升），未实现规划目标');
    // 49 is below the 2025 line 50: met.
    expect(say(fin, 'myopia')).toContain('低于规划目标（年均降低1个百分点，2025年应在50%以下），实现规划目标');
  });

  it('三 lists what is not achieved with its gap; 四 the gaps', () => {
    const md = blocksMd(narrativeBlocks(fin, zh(fin))).join('\n');
    expect(md).toMatch(/未实现规划目标的指标：/);
    expect(md).toContain('- 死亡率：North District4.1‰，差0.1个千分点。');
  });
});

describe('the four parts', () => {
  const md = blocksMd(narrativeBlocks(mid, zh(mid))).join('\n');
  it('in order, with the area headings', () => {
    const heads = md.split('\n').filter((l) => l.startsWith('## '));
    expect(heads).toEqual(['## 一、总体情况', '## 二、各领域目标实现情况', '## 三、存在的问题', '## 四、下一步工作建议']);
    expect(md).toContain('### （一）Health');
  });

  it('三: at risk with the yearly pace left; 四: the pace needed to 2025', () => {
    // 托位数: 3 in 2023, line 4.275 by 2025: (4.275 − 3)/2 = 0.6375 a year.
    expect(md).toMatch(/托位数（4\.5个左右，按不低于4\.275个判定）：Testland City(?:需加快进度|进展有限|进度符合预期)，2023年3个，需年均增加0\.63\d?个/);
    expect(md).toMatch(/- 托位数（4\.5个左右，按不低于4\.275个判定）：Testland City需年均增加0\.63\d?个（由3个到判定线4\.275个）。/);
    expect(md).toMatch(/补齐数据：.*无数据指标的2023年数据/);
  });
});

describe('the interval note', () => {
  it('a miss within chance says so, once', () => {
    const copy = structuredClone(mid);
    const rr = ind(copy, 'cover').regions.find((r) => r.region.code === CITY)!;
    rr.chance = 'within-chance';
    expect(say(copy, 'cover')).toContain('进度符合预期（按95%置信区间，与目标的差距在随机波动范围之内）；');
    expect(say(mid, 'cover')).not.toContain('置信区间');
  });
});

it('chineseNumber numbers the areas', () => {
  expect([1, 8, 10, 11, 20, 23].map(chineseNumber)).toEqual(['一', '八', '十', '十一', '二十', '二十三']);
});


