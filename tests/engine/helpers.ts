// A made-up, plan-agnostic fixture for the engine tests: "Testland", a city with two
// districts and townships under them. Nothing here comes from the bundled plan.
import { expect } from 'vitest';
import { evaluate, type EvaluateOptions, type Evaluation, type Result } from '../../src/engine/evaluate.js';
import { RegionIndex } from '../../src/plan/lookup.js';
import type { Indicator, Plan, Region, Target } from '../../src/plan/model.js';
import type { Observation } from '../../src/model/observation.js';

export const CITY = '100000';
export const NORTH = '100001';
export const SOUTH = '100002';
export const NORTH_A = '100101';
export const NORTH_B = '100102';
export const SOUTH_A = '100201';
export const SOUTH_B = '100202';

/** The plan's own regions: the top region and its two districts. */
export const PLAN_REGIONS: readonly Region[] = [
  { code: CITY, name: 'Testland City', aliases: ['Testland'], level: 'city' },
  { code: NORTH, name: 'North District', aliases: ['North'], level: 'district', parent: CITY },
  { code: SOUTH, name: 'South District', aliases: ['South'], level: 'district', parent: CITY },
];

/** Units a regions file would add: two townships under each district. */
export const TOWNSHIPS: readonly Region[] = [
  { code: NORTH_A, name: 'Alder Township', aliases: [], level: 'township', parent: NORTH },
  { code: NORTH_B, name: 'Birch Township', aliases: [], level: 'township', parent: NORTH },
  { code: SOUTH_A, name: 'Cedar Township', aliases: [], level: 'township', parent: SOUTH },
  { code: SOUTH_B, name: 'Damson Township', aliases: [], level: 'township', parent: SOUTH },
];

export const ALL_REGIONS: readonly Region[] = [...PLAN_REGIONS, ...TOWNSHIPS];

/** The id of the indicator `verdictOf` builds. */
export const IND = 'ind';

/** An indicator with defaults: a higher-is-better % rate (numerator / denominator × 100) of events, which carries an interval. */
export function indicator(partial: Partial<Indicator> = {}): Indicator {
  return {
    id: IND,
    name: partial.id ?? IND,
    aliases: [],
    area: 'health',
    unit: '%',
    scale: 100,
    measure: 'rate',
    nature: 'events',
    direction: 'higher',
    text: 'test target',
    source: 'A sentence of the Testland plan.',
    origin: { file: 'testland.yaml', line: 1 },
    ...partial,
  };
}

export function makePlan(indicators: Indicator[], extra: Partial<Plan> = {}): Plan {
  return {
    id: 'testland-2025',
    title: 'Testland Children Plan',
    period: { start: 2021, end: 2025 },
    baselineYear: 2020,
    midtermYear: 2023,
    finalYear: 2025,
    levels: [
      { id: 'city', name: 'City' },
      { id: 'district', name: 'District' },
      { id: 'township', name: 'Township' },
    ],
    regions: [...PLAN_REGIONS],
    areas: [{ id: 'health', name: 'Health' }],
    indicators,
    dir: '/nonexistent/testland-plan',
    ...extra,
  };
}

let nextLine = 2;

/** An observation with defaults: indicator `ind`, the top region, 2023, totals, read from a row (not derived). */
export function obs(partial: Partial<Observation>): Observation {
  return {
    indicatorId: IND,
    regionCode: CITY,
    year: 2023,
    sex: 'total',
    residence: 'total',
    value: null,
    notes: [],
    derived: false,
    rows: [{ file: 't.csv', line: nextLine++ }],
    ...partial,
  };
}

/** Run the whole engine and return everything it says. */
export function run(
  plan: Plan,
  observations: readonly Observation[],
  options: EvaluateOptions = {},
  regions: readonly Region[] = ALL_REGIONS,
): Evaluation {
  return evaluate(plan, new RegionIndex(regions), observations, options);
}

/** Run the engine and return the one result for this indicator, region and year. */
export function resultFor(
  plan: Plan,
  observations: readonly Observation[],
  at: { indicator?: string; region?: string; year?: number; baseline?: EvaluateOptions['baseline'] } = {},
  regions: readonly Region[] = ALL_REGIONS,
): Result {
  const indicatorId = at.indicator ?? IND;
  const region = at.region ?? CITY;
  const year = at.year ?? 2023;
  const evaluation = run(plan, observations, { year, regions: [region], indicators: [indicatorId], ...(at.baseline ? { baseline: at.baseline } : {}) }, regions);
  const hits = evaluation.results.filter((r) => r.id === indicatorId && r.region.code === region && r.year === year);
  expect(hits, `exactly one result for ${indicatorId} / ${region} / ${year}`).toHaveLength(1);
  return hits[0]!;
}

/**
 * The shortest path to a verdict: a one-indicator plan (id `ind`, with `target`
 * and any indicator overrides), these observations, one region and year.
 */
export function verdictOf(
  target: Target,
  observations: readonly Observation[],
  options: { indicator?: Partial<Indicator>; region?: string; year?: number; regions?: readonly Region[]; extra?: Indicator[]; plan?: Partial<Plan>; baseline?: EvaluateOptions['baseline'] } = {},
): Result {
  const plan = makePlan([indicator({ ...options.indicator, target }), ...(options.extra ?? [])], options.plan);
  return resultFor(plan, observations, { region: options.region, year: options.year, baseline: options.baseline }, options.regions);
}
