// Completeness against the plan, as DHIS2's data-quality app reports it: for every
// year the return covers, every indicator with a target and every unit the target
// needs, is the cell there?
//
// Expected cells:
// - years: each year the returns give any value for (a 2025 return is not incomplete for lacking
//   2021);
// - regions: the regions of the plan itself (市 and 市(区)) that the return covers — a 市(区) when
//   the return gives anything for it or a unit below it, a region above when the return gives
//   anything for it or covers all of its 市(区) (a 区's own return is not incomplete for lacking
//   the other 区); for a target set for every unit of a level (以乡(镇)为单位 …, 每个市(区)) or for
//   the units meeting a condition, every unit at that level below the regions covered, from the
//   plan or the --regions file;
// - parts: the 城市/农村 or 男/女 parts a split target judges, instead of the total.
// A cell is present when the return gives it or it can be derived (a city from all of its
// 市(区), a total from its parts), reported missing when the return says so (— or empty with
// a 备注), invalid when its rows conflict, and missing otherwise.
import { diag, type Diagnostic, type Where } from '../diagnostics.js';
import type { Observation } from '../ingest/observation.js';
import type { RegionIndex } from '../plan/lookup.js';
import type { Indicator, Part, Plan, Region, Residence, Sex, Target } from '../plan/model.js';
import { partText, type Describe } from './describe.js';
import { givenOf, type Given } from './given.js';
import { CellStore } from '../engine/cells.js';

export type CellState = 'given' | 'derived' | 'reported-missing' | 'invalid' | 'missing';
export const CELL_STATES: readonly CellState[] = ['given', 'derived', 'reported-missing', 'invalid', 'missing'];

export interface ExpectedCell {
  indicator: string;
  region: string;
  year: number;
  /** The part of a split target (城市/农村, 男/女); absent for the total. */
  part?: Part;
  state: CellState;
  /** The region of the plan whose column of the grid shows this cell (a township's 市(区)). */
  column: string;
}

export interface Completeness {
  years: number[];
  /** Columns of the grid: the plan's own regions. */
  regions: Array<{ code: string; name: string }>;
  /** Rows of the grid: the indicators with a target. */
  indicators: Array<{ id: string; name: string }>;
  /** Indicators the returns give nothing for (no value, derived or reported missing). */
  absent: string[];
  counts: Record<CellState, number> & { expected: number };
  /** Present (given or derived) out of expected, 0–1; 1 when nothing is expected. */
  rate: number;
  cells: ExpectedCell[];
}

export { presence };

export function checkCompleteness(
  plan: Plan,
  regions: RegionIndex,
  observations: Given,
  describe: Describe,
  where: Where,
  onlyYears?: readonly number[],
): { completeness: Completeness; findings: Diagnostic[] } {
  const stateAt = presence(observations, plan.indicators, regions);
  const inData = observations.years();
  const years = [...inData].filter((y) => !onlyYears || onlyYears.includes(y)).sort((a, b) => a - b);
  const planCodes = new Set(plan.regions.map((r) => r.code));
  const covered = coverage(plan, regions, observations);
  const columns = plan.regions.filter((r) => regions.get(r.code) && covered.has(r.code)).map((r) => ({ code: r.code, name: r.name }));
  const columnOf = (code: string): string => {
    for (let r = regions.get(code); r; r = r.parent !== undefined ? regions.get(r.parent) : undefined) if (planCodes.has(r.code)) return r.code;
    return regions.top.code;
  };
  const indicators = plan.indicators.filter((i) => i.target);
  const cells: ExpectedCell[] = [];
  const findings: Diagnostic[] = [];
  const unknownUnits: string[] = [];

  for (const indicator of indicators) {
    const units = unitsFor(indicator.target!, plan, regions).filter((u) => covered.has(columnOf(u.code)));
    if (units.length === 0) {
      unknownUnits.push(indicator.name);
      continue;
    }
    const parts = partsFor(indicator.target!);
    for (const year of years) {
      for (const region of units) {
        for (const part of parts) {
          const [sex, residence] = disaggregation(part);
          const state = stateAt(indicator.id, region.code, year, sex, residence);
          cells.push({ indicator: indicator.id, region: region.code, year, ...(part ? { part } : {}), state, column: columnOf(region.code) });
        }
      }
    }
  }

  // A region missing only because a unit below it is missing or reported missing cannot be
  // derived: the gap is the unit's, reported there (or explained by its 备注), not again here.
  const expectedKey = (indicator: string, region: string, year: number, part: Part | undefined) => `${indicator}\u0000${region}\u0000${year}\u0000${part ?? ''}`;
  const stateOf = new Map(cells.map((c) => [expectedKey(c.indicator, c.region, c.year, c.part), c.state] as const));
  const blockedByUnit = (c: ExpectedCell) =>
    regions.children(c.region).some((child) => {
      const s = stateOf.get(expectedKey(c.indicator, child.code, c.year, c.part));
      return s === 'missing' || s === 'reported-missing' || s === 'invalid';
    });

  // An indicator the return says nothing about is one note (a return may cover one
  // department's indicators); gaps in the indicators it does give are warnings.
  const reported = new Set(cells.filter((c) => c.state !== 'missing').map((c) => c.indicator));
  const absent = indicators.filter((i) => !reported.has(i.id) && !unknownUnits.includes(i.name));
  if (absent.length > 0 && years.length > 0) {
    findings.push(diag('info', 'quality/indicators-absent', { count: absent.length, indicators: absent.map((i) => i.name).join('、') }, where));
  }

  // One finding per indicator, region and part, naming the years missing.
  const missing = new Map<string, ExpectedCell[]>();
  for (const c of cells) {
    if (c.state !== 'missing' || !reported.has(c.indicator) || blockedByUnit(c)) continue;
    const key = `${c.indicator}\u0000${c.region}\u0000${c.part ?? ''}`;
    if (!missing.has(key)) missing.set(key, []);
    missing.get(key)!.push(c);
  }
  for (const list of missing.values()) {
    const c = list[0]!;
    const [sex, residence] = disaggregation(c.part);
    findings.push(
      diag('warning', 'quality/missing-cells', {
        indicator: describe.indicator(c.indicator),
        region: `${describe.region(c.region)}${partText(sex, residence)}`,
        years: list.map((x) => x.year).join('、'),
        count: list.length,
      }, where),
    );
  }
  if (unknownUnits.length > 0 && years.length > 0) findings.push(diag('info', 'quality/units-unknown', { indicators: unknownUnits.join('、') }, where));

  const counts = Object.fromEntries(CELL_STATES.map((s) => [s, 0])) as Record<CellState, number>;
  for (const c of cells) counts[c.state]++;
  const present = counts.given + counts.derived;
  return {
    completeness: {
      years,
      regions: columns,
      indicators: indicators.map((i) => ({ id: i.id, name: i.name })),
      absent: absent.map((i) => i.id),
      counts: { ...counts, expected: cells.length },
      rate: cells.length === 0 ? 1 : present / cells.length,
      cells,
    },
    findings,
  };
}

type Usable = { state: CellState; summable: boolean };

/**
 * The state of any cell, as the engine would find it (src/engine/derive.ts): given; or
 * derived, for a rate from sub-regions or parts that all give numerator and denominator
 * (Σ/Σ), for a count from sub-regions or parts that all give a value (Σ); invalid when
 * derived from an invalid cell; else missing. Worked out only for the cells asked about,
 * so a check does not derive the whole return a second time.
 */
const SEX_INDEX: Record<Sex, number> = { total: 0, male: 1, female: 2 };
const RESIDENCE_INDEX: Record<Residence, number> = { total: 0, urban: 1, rural: 2 };

function presence(source: Given | Iterable<Observation> | CellStore, indicators: readonly Indicator[], regions: RegionIndex) {
  const { store } = givenOf(source);
  // Cells by indicator, year and region, each with its nine 性别 × 城乡 slots, looked up in the
  // store where they are asked for; one indicator's at a time, as the checks ask indicator by indicator.
  let cells = new Map<string, { given: Array<Observation | undefined>; known: Array<Usable | undefined> }>();
  let loaded: string | undefined;
  const measure = new Map(indicators.map((i) => [i.id, i.measure] as const));
  const MISSING: Usable = { state: 'missing', summable: false };
  const DERIVED: Usable = { state: 'derived', summable: true };
  const INVALID: Usable = { state: 'invalid', summable: false };

  /** Derived from every part, in the engine's order: all there, then any invalid, then all summable. */
  const from = (parts: Array<() => Usable>): Usable | undefined => {
    if (parts.length === 0) return undefined;
    const got: Usable[] = [];
    for (const part of parts) {
      const p = part();
      if (p.state === 'missing') return undefined;
      got.push(p);
    }
    if (got.some((p) => p.state === 'invalid')) return INVALID;
    return got.every((p) => p.summable) ? DERIVED : undefined;
  };

  let storeYears = new Set<number>();
  const entryOf = (indicatorId: string, regionCode: string, year: number) => {
    if (loaded !== indicatorId) {
      loaded = indicatorId;
      cells = new Map();
      storeYears = store.indicatorYears(indicatorId);
    }
    // A year without any cell of the indicator derives nothing: not searched.
    if (!storeYears.has(year)) return undefined;
    const key = `${indicatorId}\u0000${year}\u0000${regionCode}`;
    let e = cells.get(key);
    if (!e) {
      const given = store.slotsFor(indicatorId, regionCode, year) ?? new Array<Observation | undefined>(9).fill(undefined);
      cells.set(key, (e = { given, known: new Array<Usable | undefined>(9) }));
    }
    return e;
  };
  const usable = (indicatorId: string, regionCode: string, year: number, sex: Sex, residence: Residence): Usable => {
    const e = entryOf(indicatorId, regionCode, year);
    if (!e) return MISSING;
    const slot = SEX_INDEX[sex] * 3 + RESIDENCE_INDEX[residence];
    const known = e.known[slot];
    if (known) return known;
    e.known[slot] = MISSING; // a cycle cannot derive anything
    const m = measure.get(indicatorId);
    const o = e.given[slot];
    let result: Usable = MISSING;
    if (o) {
      const state: CellState = o.invalid ? 'invalid' : o.value === null ? 'reported-missing' : 'given';
      result = { state, summable: !o.invalid && (m === 'rate' ? o.numerator !== undefined && o.denominator !== undefined : m === 'count' && typeof o.value === 'number') };
    } else if (m === 'rate' || m === 'count') {
      result =
        from(regions.children(regionCode).map((c) => () => usable(indicatorId, c.code, year, sex, residence))) ??
        (residence === 'total' ? from((['urban', 'rural'] as const).map((r) => () => usable(indicatorId, regionCode, year, sex, r))) : undefined) ??
        (sex === 'total' ? from((['male', 'female'] as const).map((x) => () => usable(indicatorId, regionCode, year, x, residence))) : undefined) ??
        MISSING;
    }
    e.known[slot] = result;
    return result;
  };
  return (indicatorId: string, regionCode: string, year: number, sex: Sex, residence: Residence): CellState => usable(indicatorId, regionCode, year, sex, residence).state;
}

/** The plan's own regions the returns cover (see the header of this file). */
function coverage(plan: Plan, regions: RegionIndex, observations: Given): Set<string> {
  const own = observations.regions();
  const below = new Set<string>();
  for (const code of own) for (let r = regions.get(code); r && !below.has(r.code); r = r.parent !== undefined ? regions.get(r.parent) : undefined) below.add(r.code);
  const covered = new Set<string>();
  const memo = new Map<string, boolean>();
  const covers = (code: string): boolean => {
    const known = memo.get(code);
    if (known !== undefined) return known;
    const children = plan.regions.filter((r) => r.parent === code);
    const result = children.length === 0 ? below.has(code) : own.has(code) || children.every((c) => covers(c.code));
    memo.set(code, result);
    if (result) covered.add(code);
    return result;
  };
  for (const r of plan.regions) covers(r.code);
  return covered;
}

/** The units a target is judged on: every unit of its level, or the plan's own regions. */
function unitsFor(target: Target, plan: Plan, regions: RegionIndex): Region[] {
  if (target.kind === 'every-unit' || target.kind === 'conditional') return regions.unitsAt(regions.top.code, target.level);
  return plan.regions.map((r) => regions.get(r.code)).filter((r): r is Region => r !== undefined);
}

/** The parts a split target judges; the total otherwise. */
function partsFor(target: Target): Array<Part | undefined> {
  if (target.kind === 'split') return target.parts.map((p) => p.part);
  if (target.kind === 'every-unit' || target.kind === 'conditional') return partsFor(target.target);
  return [undefined];
}

function disaggregation(part: Part | undefined): [Sex, Residence] {
  if (part === 'male' || part === 'female') return [part, 'total'];
  if (part === 'urban' || part === 'rural') return ['total', part];
  return ['total', 'total'];
}
