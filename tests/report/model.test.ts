// The report model on a small made-up plan (the engine tests' Testland): summary counts,
// the at-risk list, series by year, progress through split and every-unit targets,
// breakdowns and notes. Figures are worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build.js';
import type { Report } from '../../src/report/model.js';
import { RegionIndex } from '../../src/plan/lookup.js';
import { ALL_REGIONS, CITY, NORTH, NORTH_A, NORTH_B, SOUTH, SOUTH_A, SOUTH_B, indicator, makePlan, obs } from '../engine/helpers.js';
import type { Observation } from '../../src/model/observation.js';

const plan = makePlan(
  [
    indicator({ id: 'cover', name: '覆盖率', text: '≥95', target: { kind: 'at-least', value: 95 } }),
    indicator({
      id: 'deaths', name: '死亡率', unit: '‰', scale: 1000, direction: 'lower', text: '≤4', target: { kind: 'at-most', value: 4 },
      baseline: { year: 2020, value: 5.4, source: 'The plan says 5.4‰ in 2020.' },
    }),
    indicator({ id: 'vacc', name: '接种率', text: '每个乡镇95以上', target: { kind: 'every-unit', level: 'township', target: { kind: 'at-least', value: 95 } } }),
    indicator({
      id: 'parent', name: '家长学校建成率', area: 'family', text: '城市100 农村90',
      target: { kind: 'split', by: 'residence', parts: [{ part: 'urban', text: '城市100', target: { kind: 'reach', value: 100 } }, { part: 'rural', text: '农村90', target: { kind: 'reach', value: 90 } }] },
    }),
  ],
  { areas: [{ id: 'health', name: 'Health' }, { id: 'family', name: 'Family' }] },
);

const rate = (indicatorId: string, regionCode: string, year: number, numerator: number, extra: Partial<Observation> = {}) =>
  obs({ indicatorId, regionCode, year, numerator, denominator: 1000, value: numerator / 10, ...extra });

const observations: Observation[] = [
  // cover: North 85 → 90.4, South 80 → 83; the city is derived Σ/Σ: 82.5 → 86.7.
  rate('cover', NORTH, 2020, 850, { notes: ['口径调整'] }),
  rate('cover', NORTH, 2023, 904, { notes: ['口径调整'] }),
  rate('cover', SOUTH, 2020, 800),
  rate('cover', SOUTH, 2023, 830),
  rate('cover', NORTH, 2020, 420, { sex: 'male', denominator: 500, value: 84 }),
  rate('cover', NORTH, 2020, 430, { sex: 'female', denominator: 500, value: 86 }),
  rate('cover', NORTH, 2023, 447, { sex: 'male', denominator: 500, value: 89.4 }),
  rate('cover', NORTH, 2023, 457, { sex: 'female', denominator: 500, value: 91.4 }),
  // deaths: the city has no 2020 row (the plan's 5.4 is the baseline); North 7.5 → 8.1; South nothing.
  obs({ indicatorId: 'deaths', regionCode: CITY, year: 2023, value: 4.5 }),
  obs({ indicatorId: 'deaths', regionCode: NORTH, year: 2020, value: 7.5 }),
  obs({ indicatorId: 'deaths', regionCode: NORTH, year: 2023, value: 8.1 }),
  // vacc: North's township A falls from 96 to 94, below 95; the others stay above.
  ...[[NORTH_A, 960, 940], [NORTH_B, 970, 980], [SOUTH_A, 970, 970], [SOUTH_B, 960, 960]].flatMap(([code, a, b]) => [
    rate('vacc', code as string, 2020, a as number),
    rate('vacc', code as string, 2023, b as number),
  ]),
  // parent: North only, urban 80 → 95 and rural 70 → 86 (no total row: derived from the parts).
  rate('parent', NORTH, 2020, 80, { residence: 'urban', denominator: 100, value: 80 }),
  rate('parent', NORTH, 2023, 95, { residence: 'urban', denominator: 100, value: 95 }),
  rate('parent', NORTH, 2020, 70, { residence: 'rural', denominator: 100, value: 70 }),
  rate('parent', NORTH, 2023, 86, { residence: 'rural', denominator: 100, value: 86 }),
];

const regions = new RegionIndex(ALL_REGIONS);
const build = (options: Parameters<typeof buildReport>[3] = { stage: 'midterm' }) => buildReport(plan, regions, observations, options);

function find(report: Report, id: string, region: string) {
  const hit = report.areas.flatMap((a) => a.indicators).find((i) => i.id === id)?.regions.find((r) => r.region.code === region);
  if (!hit) throw new Error(`no ${id} in ${region}`);
  return hit;
}

describe('the report model', () => {
  const report = build();

  it('looks at the plan’s mid-term year, from the baseline year on', () => {
    expect(report.year).toBe(2023);
    expect(report.years).toEqual([2020, 2021, 2022, 2023]);
    expect(report.regions.map((r) => r.code)).toEqual([CITY, NORTH, SOUTH]);
    expect(report.chartRegion).toBe(CITY);
    expect(report.areas.map((a) => [a.area.id, a.indicators.map((i) => i.id)])).toEqual([['health', ['cover', 'deaths', 'vacc']], ['family', ['parent']]]);
  });

  it('counts by status and by class, overall and by area', () => {
    // cover: 3 not met; deaths: city and North not met, South no data; vacc: city and North not met, South met;
    // parent: North not met, the city and South no data.
    expect(report.summary.total).toBe(12);
    expect(report.summary.byStatus).toEqual({ met: 1, 'not-met': 8, 'no-data': 3, invalid: 0, 'not-applicable': 0 });
    // achieved: vacc South; on-track: deaths city, parent North (by its parts); speed-up: cover North;
    // limited: cover city and South; moving-away: deaths North; unknown: deaths South, vacc city and
    // North, parent city and South (no data).
    expect(report.summary.byClass).toEqual({ achieved: 1, 'on-track': 2, 'speed-up': 1, limited: 2, 'moving-away': 1, unknown: 5 });
    expect(report.summary.byArea.map((a) => [a.area.id, a.total, a.byStatus['not-met']])).toEqual([['health', 9, 7], ['family', 3, 1]]);
  });

  it('paces each series: required, actual, ratio and projection', () => {
    // North: r = (95 − 85) / 5 = 2, a = (90.4 − 85) / 3 = 1.8, R = 0.9 → must speed up; projected 94.
    expect(find(report, 'cover', NORTH).progress).toMatchObject({ class: 'speed-up', baseline: 85, current: 90.4, target: 95, required: 2, actual: 1.8, ratio: 0.9, projected: 94 });
    // City (derived): r = (95 − 82.5) / 5 = 2.5, a = (86.7 − 82.5) / 3 = 1.4, R = 0.56 → limited.
    const city = find(report, 'cover', CITY);
    expect(city.derived).toBe(true);
    expect(city.progress.class).toBe('limited');
    expect(city.progress.ratio).toBeCloseTo(0.56, 9);
    // South: r = 3, a = 1, R = 0.333… → limited.
    expect(find(report, 'cover', SOUTH).progress.ratio).toBeCloseTo(1 / 3, 9);
  });

  it('takes the plan’s stated baseline for the top region when the returns have no baseline-year row', () => {
    // 5.4 → 4.5: r = −0.28, a = −0.3, R = 1.0714 → on track.
    const p = find(report, 'deaths', CITY).progress;
    expect(p).toMatchObject({ class: 'on-track', baseline: 5.4, baselineFrom: 'plan', current: 4.5, target: 4 });
    expect(p.ratio).toBeCloseTo(1.0714285714, 9);
    // North 7.5 → 8.1 against ≤ 4: r = (4 − 7.5) / 5 = −0.7, a = +0.2, R = −2/7 → moving away.
    expect(find(report, 'deaths', NORTH).progress).toMatchObject({ class: 'moving-away', baselineFrom: 'data', required: -0.7, actual: 0.2 });
    expect(find(report, 'deaths', NORTH).progress.ratio).toBeCloseTo(-2 / 7, 9);
    expect(find(report, 'deaths', SOUTH).progress).toMatchObject({ class: 'unknown', reason: 'no-value' });
  });

  it('gives the values by year, with the years the returns lack as no data', () => {
    expect(find(report, 'cover', NORTH).values).toEqual([
      { year: 2020, value: 85, status: 'not-met', derived: false },
      { year: 2021, value: null, status: 'no-data', derived: false },
      { year: 2022, value: null, status: 'no-data', derived: false },
      { year: 2023, value: 90.4, status: 'not-met', derived: false },
    ]);
  });

  it('lists the at-risk pairs worst first: by ratio, then those not met that cannot be paced', () => {
    expect(report.atRisk.map((x) => `${x.id}/${x.region.code}/${x.progress.class}`)).toEqual([
      `deaths/${NORTH}/moving-away`,
      `cover/${SOUTH}/limited`,
      `cover/${CITY}/limited`,
      `cover/${NORTH}/speed-up`,
      `vacc/${CITY}/unknown`,
      `vacc/${NORTH}/unknown`,
    ]);
  });

  it('paces a split target part by part, the target as its part furthest behind', () => {
    const north = find(report, 'parent', NORTH);
    expect(north.status).toBe('not-met');
    // Both parts on track; urban's R (1.25) is the lower: it sets the class. The whole has no line to pace.
    expect(north.progress).toMatchObject({ class: 'on-track', reason: 'by-part', part: 'urban', required: null, ratio: null });
    // urban: r = (100 − 80) / 5 = 4, a = 15 / 3 = 5, R = 1.25; rural: r = 4, a = 16 / 3, R = 1.3333.
    expect(north.parts?.map((p) => [p.part, p.progress.class, p.progress.required, p.progress.actual, p.progress.ratio])).toEqual([
      ['urban', 'on-track', 4, 5, 1.25],
      ['rural', 'on-track', 4, 5.33333333333, 1.33333333333],
    ]);
    expect(north.breakdowns.map((b) => b.by)).toEqual(['residence']);
  });

  it('a split target is as far along as its part furthest behind, and unknown while a part cannot be paced', () => {
    const parent = (rural2023: number, rural2020?: number) =>
      buildReport(plan, regions, [
        ...observations.filter((o) => o.indicatorId !== 'parent'),
        rate('parent', NORTH, 2020, 80, { residence: 'urban', denominator: 100, value: 80 }),
        rate('parent', NORTH, 2023, 95, { residence: 'urban', denominator: 100, value: 95 }),
        ...(rural2020 === undefined ? [] : [rate('parent', NORTH, 2020, rural2020, { residence: 'rural', denominator: 100, value: rural2020 })]),
        rate('parent', NORTH, 2023, rural2023, { residence: 'rural', denominator: 100, value: rural2023 }),
      ], { stage: 'midterm' });
    // rural 70 → 72: r = 4, a = 2 / 3, R = 0.1667 (limited), behind urban's on-track.
    const behind = find(parent(72, 70), 'parent', NORTH);
    expect(behind.progress).toMatchObject({ class: 'limited', reason: 'by-part', part: 'rural' });
    expect(parent(72, 70).atRisk.map((x) => `${x.id}/${x.region.code}/${x.progress.class}/${x.progress.part}`)).toContain(`parent/${NORTH}/limited/rural`);
    // rural 76 → 72: moving away, the worst class whatever the ratios.
    expect(find(parent(72, 76), 'parent', NORTH).progress).toMatchObject({ class: 'moving-away', part: 'rural' });
    // rural without a 2020 value: that part cannot be paced, nor then the target.
    const unknown = find(parent(72), 'parent', NORTH);
    expect(unknown.parts?.map((p) => p.progress.class)).toEqual(['on-track', 'unknown']);
    expect(unknown.progress).toMatchObject({ class: 'unknown', reason: 'no-line' });
    expect(unknown.progress.part).toBeUndefined();
  });

  it('paces the failing units of an every-unit target: a unit that met the line and fell back is moving away', () => {
    const north = find(report, 'vacc', NORTH);
    expect(north.units?.map((u) => [u.region.name, u.status, u.progress.class, u.progress.reason])).toEqual([['Alder Township', 'not-met', 'moving-away', 'fell-back']]);
    expect(find(report, 'vacc', SOUTH).progress.class).toBe('achieved');
  });

  it('breaks a series down by sex where the returns have the parts', () => {
    const sex = find(report, 'cover', NORTH).breakdowns.find((b) => b.by === 'sex');
    expect(sex?.parts.map((p) => [p.part, p.values.map((v) => v.value)])).toEqual([
      ['total', [85, null, null, 90.4]],
      ['male', [84, null, null, 89.4]],
      ['female', [86, null, null, 91.4]],
    ]);
    expect(find(report, 'cover', SOUTH).breakdowns).toEqual([]);
  });

  it('carries the returns’ notes once, with the years they were given for', () => {
    expect(report.notes).toEqual([{ id: 'cover', name: '覆盖率', region: { code: NORTH, name: 'North District', level: 'district' }, years: [2020, 2023], note: '口径调整' }]);
    expect(find(report, 'cover', NORTH).notes).toEqual(['口径调整']);
  });

  it('paces by compound growth with --method cagr', () => {
    // North: r = (95/85)^(1/5) − 1 = 0.022494, a = (90.4/85)^(1/3) − 1 = 0.020743, R = 0.92215.
    const p = find(build({ stage: 'midterm', method: 'cagr' }), 'cover', NORTH).progress;
    expect(p.class).toBe('speed-up');
    expect(p.ratio).toBeCloseTo(0.9221503724, 8);
  });

  it('limits the regions, and honours another year', () => {
    const north = build({ stage: 'midterm', regions: [NORTH] });
    expect(north.regions.map((r) => r.code)).toEqual([NORTH]);
    expect(north.chartRegion).toBe(NORTH);
    const y2022 = build({ stage: 'midterm', year: 2022 });
    expect(y2022.years).toEqual([2020, 2021, 2022]);
    expect(find(y2022, 'cover', NORTH)).toMatchObject({ status: 'no-data', progress: { class: 'unknown', reason: 'no-value' } });
  });

  it('looks at the final year for the final stage', () => {
    const final = build({ stage: 'final' });
    expect(final.year).toBe(2025);
    expect(final.years).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
  });
});
