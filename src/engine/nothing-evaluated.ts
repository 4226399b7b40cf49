// A run that evaluates nothing is an error, never a quiet “共 0 项” or a page of 无数据:
// this says whether a run evaluated anything and, when not, why and what to do. Pure.
// The reasons, first match wins:
// - the returns hold no cell: no data rows (an empty or header-only file, rows without
//   indicator/region/year) or every row dropped for its errors;
// - every value is blank or marked missing (—);
// - the year asked is not in the data (naming the years it has);
// - the indicators asked have no target (context indicators), no value at all, or none in the
//   year(s) evaluated;
// - the regions asked (with the units below them) have no value in the year(s) evaluated;
// - otherwise nothing in the combination asked.
// Only an indicator absent from a return that evaluates something else is 无数据.
import { diag, type Diagnostic, type Where } from '../diagnostics.js';
import type { RegionIndex } from '../plan/lookup.js';
import type { Plan } from '../plan/model.js';
import { CellStore, SLOTS } from '../model/cells.js';
import type { Status } from './verdict.js';

export interface RunScope {
  /** The --year asked: a year, 'all', or undefined (the latest in the data). */
  year?: number | 'all';
  /** Region codes asked (--region); undefined for every region the returns give or imply. */
  regions?: readonly string[];
  /** Indicator ids asked (--indicator); undefined for every indicator with a target. */
  indicators?: readonly string[];
}

/** What a run produced: the years it evaluated and a status and value per result. */
export interface RunOutcome {
  years: readonly number[];
  results: ReadonlyArray<{ status: Status; value: unknown }>;
}

const SAID: ReadonlySet<Status> = new Set(['met', 'not-met', 'invalid']);

/**
 * Why the returns hold nothing to evaluate, whatever is asked: no cell at all, or no value
 * in any cell. Undefined when some cell has a value (or is invalid).
 */
export function whyReturnsEmpty(cells: CellStore, inputErrors: boolean, where: Where = {}): Diagnostic | undefined {
  if (cells.size === 0) return diag('error', inputErrors ? 'run/rows-dropped' : 'run/no-rows', {}, where);
  if (cells.yearsWithValue.size === 0 && cells.regionsWithData.size === 0) return diag('error', 'run/no-values', {}, where);
  return undefined;
}

/**
 * The error saying why a run evaluated nothing, or undefined when it evaluated something: a
 * verdict other than 无数据/不适用, a value shown, or a value in the returns for an indicator,
 * region (or a unit below it) and year asked.
 */
export function nothingEvaluated(
  plan: Plan,
  regions: RegionIndex,
  cells: CellStore,
  outcome: RunOutcome,
  scope: RunScope,
  inputErrors: boolean,
  where: Where = {},
): Diagnostic | undefined {
  if (outcome.results.some((r) => SAID.has(r.status) || (r.value !== null && r.value !== undefined))) return undefined;
  const empty = whyReturnsEmpty(cells, inputErrors, where);
  if (empty) return empty;

  const targeted = plan.indicators.filter((i) => i.target).map((i) => i.id);
  const indicatorIds = scope.indicators ? targeted.filter((id) => scope.indicators!.includes(id)) : targeted;
  const inScope = scope.regions ? regionsAndBelow(regions, scope.regions) : undefined;
  const years = outcome.years;
  if (hasValue(cells, indicatorIds, years, inScope)) return undefined;

  const dataYears = [...cells.yearsWithValue].sort((a, b) => a - b);
  if (typeof scope.year === 'number' && !cells.yearsWithValue.has(scope.year)) {
    return diag('error', 'run/year-absent', { year: scope.year, ...yearsParams(dataYears), latest: dataYears[dataYears.length - 1] }, where);
  }
  const yearsAsked = yearsParams(years.length ? [...years] : dataYears);
  if (scope.indicators && indicatorIds.length === 0) {
    // Context indicators (a population): read for a condition, never judged.
    return diag('error', 'run/indicators-without-target', namesOf(plan, scope.indicators), where);
  }
  if (scope.indicators) {
    const names = namesOf(plan, indicatorIds);
    const withCells = [...new Set(indicatorIds.flatMap((id) => [...cells.indicatorYears(id)]))].sort((a, b) => a - b);
    const theirYears = withCells.filter((y) => hasValue(cells, indicatorIds, [y], undefined));
    if (theirYears.length === 0) return diag('error', 'run/indicators-absent', { ...names }, where);
    if (!hasValue(cells, indicatorIds, years, undefined)) {
      return diag('error', 'run/indicators-not-in-year', { ...names, asked: yearsAsked.years, askedEn: yearsAsked.yearsEn, ...yearsParams(theirYears) }, where);
    }
  }
  if (scope.regions && !hasValue(cells, targeted, years, inScope)) {
    const list = scope.regions.map((c) => regions.get(c)?.name ?? c);
    return diag('error', 'run/regions-absent', { regions: list.join('、'), regionsEn: list.join(', '), ...yearsAsked }, where);
  }
  return diag('error', 'run/nothing-in-scope', { ...yearsAsked }, where);
}

/** The codes of these regions and of every unit below them. */
function regionsAndBelow(regions: RegionIndex, codes: readonly string[]): Set<string> {
  const out = new Set<string>();
  const stack = [...codes];
  while (stack.length > 0) {
    const code = stack.pop()!;
    if (out.has(code)) continue;
    out.add(code);
    for (const c of regions.children(code)) stack.push(c.code);
  }
  return out;
}

/** Whether the returns give a value (or an invalid cell) for one of these indicators, years and regions (all when undefined). */
function hasValue(cells: CellStore, indicatorIds: readonly string[], years: readonly number[], inScope: ReadonlySet<string> | undefined): boolean {
  const { present, null: isNull, invalid } = CellStore.STATE;
  const keys = inScope ? [...inScope].map((c) => cells.regionKeyOf(c)).filter((k): k is number => k !== undefined) : undefined;
  if (keys && keys.length === 0) return false;
  for (const id of indicatorIds) {
    const withCells = cells.indicatorYears(id);
    for (const year of years) {
      if (!withCells.has(year)) continue;
      for (let s = 0; s < SLOTS; s++) {
        const states = cells.cellStates(id, year, s);
        if (!states) continue;
        const said = (b: number) => (b & present) !== 0 && ((b & isNull) === 0 || (b & invalid) !== 0);
        if (keys ? keys.some((k) => k < states.length && said(states[k]!)) : states.some(said)) return true;
      }
    }
  }
  return false;
}

/** Years as people write them: runs of consecutive years as 2020–2025. */
function yearsParams(years: readonly number[]): { years: string; yearsEn: string } {
  const runs: string[] = [];
  for (let i = 0; i < years.length; ) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === years[j]! + 1) j++;
    runs.push(j > i ? `${years[i]}–${years[j]}` : `${years[i]}`);
    i = j + 1;
  }
  return { years: runs.join('、'), yearsEn: runs.join(', ') };
}

function namesOf(plan: Plan, ids: readonly string[]): { indicators: string; indicatorsEn: string } {
  const found = ids.map((id) => plan.indicators.find((i) => i.id === id)).filter((i) => i !== undefined);
  return { indicators: found.map((i) => i.name).join('、'), indicatorsEn: found.map((i) => i.nameEn ?? i.name).join(', ') };
}
