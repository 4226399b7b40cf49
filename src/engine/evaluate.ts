// The engine: plan + observations → a verdict for every indicator, region and year.
// Pure: no files, no console, no clock.
import type { Diagnostic } from '../diagnostics.js';
import type { Observation } from '../model/observation.js';
import type { RegionIndex } from '../plan/lookup.js';
import type { Indicator, Plan, Region, Target } from '../plan/model.js';
import type { CellStore } from '../model/cells.js';

/** The cells of the returns: as read (ReturnsRead.cells), or as a list of observations. */
export type ReturnCells = CellStore | readonly Observation[];
import type { Place, TargetContext } from './context.js';
import { deriveCells } from './derive.js';
import { regionsGivenOrImplied } from './implied-regions.js';
import { describeTarget, kindOf } from './kinds/index.js';
import { missInEvents } from './miss.js';
import { STATUSES, type Reason, type Status, type Verdict } from './verdict.js';
import type { BaselineChoice } from './baseline.js';

export interface EvaluateOptions {
  /** A year, every year in the data ('all'), or the latest year in the data (undefined). */
  year?: number | 'all';
  /** Region codes to evaluate; default: every plan region the returns give or imply (implied-regions.ts). */
  regions?: string[];
  /** Indicator ids to evaluate; default: every indicator with a target. */
  indicators?: string[];
  /** The top region's baseline where the plan states one: the plan's figure (default) or the return's (a revised series). */
  baseline?: BaselineChoice;
}

export interface Result extends Verdict {
  id: string;
  name: string;
  area: string;
  main?: number;
  region: { code: string; name: string; level: string };
  year: number;
  unit: string;
  target: { kind: Target['kind']; text: string; description: Reason };
  /** A miss in events, where the counts are known (miss.ts): what a final verdict states instead of a chance note. */
  missEvents?: { count: number; denominator: number };
}

export interface Evaluation {
  plan: { id: string; title: string };
  years: number[];
  summary: Record<Status, number>;
  results: Result[];
  /** Indicators asked whose target the returns give nothing for in the years evaluated (no cell, not even one marked missing). */
  absentIndicators?: string[];
  diagnostics: Diagnostic[];
}

export function evaluate(
  plan: Plan,
  regions: RegionIndex,
  observations: ReturnCells,
  options: EvaluateOptions = {},
  diagnostics: Diagnostic[] = [],
): Evaluation {
  const cells = deriveCells(observations, plan.indicators, regions);
  const years = yearsToEvaluate(cells, options.year);
  const areaOrder = (id: string) => plan.areas.findIndex((a) => a.id === id);
  const indicators = plan.indicators
    .filter((i) => i.target && (!options.indicators || options.indicators.includes(i.id)))
    .sort((a, b) => areaOrder(a.area) - areaOrder(b.area));
  const regionList = options.regions
    ? options.regions.map((c) => regions.get(c)).filter((r): r is Region => r !== undefined)
    : regionsGivenOrImplied(plan, regions, cells.regionsWithData);

  const results: Result[] = [];
  // A 市(区)'s 乡镇 are judged once, for the city, and what they say is kept for the 市(区) (TargetContext.remember).
  const run: Run = { plan, regions, cells, memo: new Map(), baseline: options.baseline ?? 'plan' };
  // A region above those evaluated (the city over some of its 市(区)) is reported where its
  // unit-level target is already missed: a miss proven by some of its units stands, whatever
  // else is missing (every-unit.ts).
  const above = options.regions ? [] : regionsAbove(regions, regionList);
  const unitLevel = indicators.filter((i) => i.target!.kind === 'every-unit');
  const order = above.length ? [...above, ...regionList].sort((a, b) => regions.depth(a.code) - regions.depth(b.code)) : regionList;
  for (const year of years) {
    for (const region of order) {
      if (above.includes(region)) {
        for (const indicator of unitLevel) {
          const r = evaluateOne(run, indicator, region, year);
          if (r.status === 'not-met') results.push(r);
        }
        continue;
      }
      for (const indicator of indicators) results.push(evaluateOne(run, indicator, region, year));
    }
  }
  const summary = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const r of results) summary[r.status]++;
  const absentIndicators = indicators.filter((i) => !years.some((y) => cells.indicatorYears(i.id).has(y))).map((i) => i.id);
  return { plan: { id: plan.id, title: plan.title }, years, summary, results, absentIndicators, diagnostics };
}

const LINE_KINDS: ReadonlySet<Target['kind']> = new Set(['at-most', 'at-least', 'reach', 'about', 'change', 'yearly-change']);

/** What TargetContext.remember keeps, by target, then indicator, year, disaggregation and key. */
type Memo = Map<Target, Map<string, unknown>>;

/** What every verdict of one evaluation shares. */
interface Run {
  plan: Plan;
  regions: RegionIndex;
  cells: CellStore;
  memo: Memo;
  baseline: BaselineChoice;
}

/** The plan's regions above those listed that are not listed themselves (the city over some of its 市(区)). */
function regionsAbove(regions: RegionIndex, list: readonly Region[]): Region[] {
  const listed = new Set(list.map((r) => r.code));
  const out = new Map<string, Region>();
  for (const r of list) {
    for (let p = r.parent === undefined ? undefined : regions.get(r.parent); p && !listed.has(p.code) && !out.has(p.code); p = p.parent === undefined ? undefined : regions.get(p.parent)) out.set(p.code, p);
  }
  return [...out.values()];
}

function evaluateOne(run: Run, indicator: Indicator, region: Region, year: number): Result {
  const target = indicator.target!;
  const verdict = evaluateAt(run, indicator, year, target, { region, sex: 'total', residence: 'total' });
  // Only a figure judged against one line of its own (not a target over units or parts).
  const missEvents = LINE_KINDS.has(target.kind) ? missInEvents(indicator, run.cells.get(indicator.id, region.code, year, 'total', 'total'), verdict) : undefined;
  return {
    id: indicator.id,
    name: indicator.name,
    area: indicator.area,
    ...(indicator.main !== undefined ? { main: indicator.main } : {}),
    region: { code: region.code, name: region.name, level: region.level },
    year,
    unit: indicator.unit,
    target: { kind: target.kind, text: indicator.text, description: describeTarget(target, indicator) },
    ...verdict,
    ...(missEvents !== undefined ? { missEvents } : {}),
  };
}

function evaluateAt(run: Run, indicator: Indicator, year: number, target: Target, place: Place): Verdict {
  const { plan, regions, cells, memo } = run;
  const ctx: TargetContext = {
    plan,
    indicator,
    regions,
    year,
    cells,
    baseline: run.baseline,
    ...place,
    cell: () => cells.get(indicator.id, place.region.code, year, place.sex, place.residence),
    evaluateAt: (inner, where) => evaluateAt(run, indicator, year, inner, { ...place, ...where }),
    remember: <T>(target: Target, key: string, make: () => T): T => {
      let byKey = memo.get(target);
      if (!byKey) memo.set(target, (byKey = new Map()));
      const k = `${indicator.id}\u0000${year}\u0000${place.sex}\u0000${place.residence}\u0000${key}`;
      if (!byKey.has(k)) byKey.set(k, make());
      return byKey.get(k) as T;
    },
  };
  return kindOf(target).evaluate(target, ctx);
}

function yearsToEvaluate(cells: CellStore, year: number | 'all' | undefined): number[] {
  if (typeof year === 'number') return [year];
  const sorted = [...cells.yearsWithValue].sort((a, b) => a - b);
  if (year === 'all') return sorted;
  return sorted.length ? [sorted[sorted.length - 1]!] : [];
}
