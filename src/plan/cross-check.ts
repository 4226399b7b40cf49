// Checks the schema cannot make: the plan's files against each other.
import { diag, listParam, type Diagnostic, type Where } from '../diagnostics.js';
import { YEAR_RANGE } from '../model/years.js';
import { normalizeName } from '../text/normalize.js';
import type { ConsistencyCheck } from './checks.js';
import type { Indicator, Plan, Target } from './model.js';
import { locate, type YamlSource } from './yaml-source.js';

export function crossCheck(plan: Plan, head: YamlSource, areaSources: YamlSource[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (source: YamlSource, path: Array<string | number>, key?: string) => ({ file: source.file, ...locate(source, path, key) });

  const levelIds = new Set(plan.levels.map((l) => l.id));
  const areaIds = new Set(plan.areas.map((a) => a.id));

  // Regions: unique codes and names, known parents and levels, one top region.
  const codes = new Set<string>();
  plan.regions.forEach((r, i) => {
    if (codes.has(r.code)) out.push(diag('error', 'plan/duplicate-region', { code: r.code }, at(head, ['regions', i], 'code')));
    codes.add(r.code);
    if (!levelIds.has(r.level)) out.push(diag('error', 'plan/unknown-level', { level: r.level }, at(head, ['regions', i], 'level')));
  });
  plan.regions.forEach((r, i) => {
    if (r.parent !== undefined && !codes.has(r.parent)) {
      out.push(diag('error', 'plan/unknown-parent', { code: r.parent }, at(head, ['regions', i], 'parent')));
    }
  });
  regionCycles(plan.regions).forEach((i) => {
    const r = plan.regions[i]!;
    out.push(diag('error', 'plan/parent-cycle', { name: r.name, code: r.code, parent: r.parent ?? '' }, at(head, ['regions', i], 'parent')));
  });
  // A name, code or alias of two regions: the later would silently take the rows of the other.
  const regionNames = new Map<string, string>();
  plan.regions.forEach((r, i) => {
    for (const name of new Set([r.code, r.name, ...r.aliases])) {
      const key = normalizeName(name);
      const owner = regionNames.get(key);
      if (owner !== undefined && owner !== r.code) {
        const key2 = r.aliases.includes(name) ? 'aliases' : name === r.code ? 'code' : 'name';
        out.push(diag('error', 'plan/ambiguous-region-name', { name, code: r.code, other: owner }, at(head, ['regions', i], key2)));
      }
      regionNames.set(key, r.code);
    }
  });
  out.push(...yearProblems(plan, (key) => at(head, key === 'start' || key === 'end' ? ['period'] : [], key)));
  const tops = plan.regions.filter((r) => r.parent === undefined);
  if (tops.length !== 1) out.push(diag('error', 'plan/top-region', { count: tops.length }, at(head, ['regions'])));

  // Indicators: unique ids, unambiguous names, known areas, sound targets.
  const byId = new Map<string, Indicator>();
  const names = new Map<string, string>();
  const mains = new Map<number, string>();
  const areaFiles = new Map<string, string>();
  for (const source of areaSources) {
    const area = (source.value as { area: string }).area;
    if (!areaIds.has(area)) out.push(diag('error', 'plan/unknown-area', { area }, at(source, [], 'area')));
    // Two files of one area would each look complete on its own: the second one is a mistake.
    const first = areaFiles.get(area);
    if (first !== undefined) out.push(diag('error', 'plan/duplicate-area', { area, first }, at(source, [], 'area')));
    else areaFiles.set(area, source.file);
  }
  for (const ind of plan.indicators) {
    const source = areaSources.find((s) => s.file === ind.origin.file);
    if (!source) continue;
    const index = (source.value as { indicators: Array<{ id: string }> }).indicators.findIndex((x) => x.id === ind.id);
    const where = (key?: string) => at(source, ['indicators', index], key);
    if (byId.has(ind.id)) out.push(diag('error', 'plan/duplicate-indicator', { id: ind.id }, where('id')));
    byId.set(ind.id, ind);
    for (const name of [ind.id, ind.name, ...ind.aliases]) {
      const key = normalizeName(name);
      const owner = names.get(key);
      if (owner !== undefined && owner !== ind.id) {
        out.push(diag('error', 'plan/ambiguous-name', { name, id: ind.id, other: owner }, where('aliases')));
      }
      names.set(key, ind.id);
    }
    if (ind.main !== undefined) {
      const other = mains.get(ind.main);
      if (other) out.push(diag('error', 'plan/duplicate-main', { main: ind.main, id: ind.id, other }, where('main')));
      mains.set(ind.main, ind.id);
    }
    if (ind.baseline && ind.baseline.year !== plan.baselineYear) {
      out.push(diag('warning', 'plan/baseline-year', { id: ind.id, year: ind.baseline.year, expected: plan.baselineYear }, where('baseline')));
    }
    if (ind.target) {
      for (const problem of targetProblems(ind, ind.target, levelIds, plan)) out.push(diag('error', problem.code, problem.params, where('target')));
    }
  }
  if (plan.populationIndicator !== undefined && !plan.indicators.some((i) => i.id === plan.populationIndicator)) {
    out.push(diag('error', 'plan/unknown-indicator-ref', { id: plan.populationIndicator }, at(head, [], 'populationIndicator')));
  }
  return out;
}

/**
 * The plan's years, each within YEAR_RANGE (a baselineYear of 99999 would be reported as
 * “以99999年为基线年”), a period that ends no earlier than it starts, a baseline no later than
 * the period's start, and the mid-term and final years inside the period.
 */
function yearProblems(plan: Plan, where: (key: string) => Where): Diagnostic[] {
  const out: Diagnostic[] = [];
  const years: Array<[string, number]> = [
    ['start', plan.period.start],
    ['end', plan.period.end],
    ['baselineYear', plan.baselineYear],
    ['midtermYear', plan.midtermYear],
    ['finalYear', plan.finalYear],
  ];
  const bad = new Set<string>();
  for (const [key, year] of years) {
    if (year < YEAR_RANGE.min || year > YEAR_RANGE.max) {
      bad.add(key);
      out.push(diag('error', 'plan/year-out-of-range', { key, year, min: YEAR_RANGE.min, max: YEAR_RANGE.max }, where(key)));
    }
  }
  if (bad.size) return out;
  const { start, end } = plan.period;
  if (end < start) return [diag('error', 'plan/period-reversed', { start, end }, where('end'))];
  if (plan.baselineYear > start) out.push(diag('error', 'plan/baseline-after-start', { year: plan.baselineYear, start }, where('baselineYear')));
  for (const key of ['midtermYear', 'finalYear'] as const) {
    if (plan[key] < start || plan[key] > end) out.push(diag('error', 'plan/year-outside-period', { key, year: plan[key], start, end }, where(key)));
  }
  return out;
}

/**
 * The regions (by index) whose chain of parents comes back to itself, each cycle reported
 * once, at its first region: a cycle would make every walk up the tree endless.
 */
export function regionCycles(regions: ReadonlyArray<{ code: string; parent?: string }>): number[] {
  const index = new Map(regions.map((r, i) => [r.code, i] as const));
  // 0 unseen, 1 on the walk being made, 2 known to end at the top (or at an unknown parent).
  const state = new Uint8Array(regions.length);
  const found: number[] = [];
  for (let start = 0; start < regions.length; start++) {
    const walk: number[] = [];
    let i: number | undefined = start;
    while (i !== undefined && state[i] === 0) {
      state[i] = 1;
      walk.push(i);
      const parent: string | undefined = regions[i]!.parent;
      i = parent === undefined ? undefined : index.get(parent);
    }
    if (i !== undefined && state[i] === 1) found.push(Math.min(...walk.slice(walk.indexOf(i))));
    for (const w of walk) state[w] = 2;
  }
  return found.sort((a, b) => a - b);
}

function targetProblems(
  ind: Indicator,
  target: Target,
  levels: Set<string>,
  plan: Plan,
): Array<{ code: string; params: Record<string, string> }> {
  const out: Array<{ code: string; params: Record<string, string> }> = [];
  const walk = (t: Target): void => {
    if (t.kind === 'yes-no' && ind.measure !== 'boolean') out.push({ code: 'plan/yes-no-measure', params: { id: ind.id } });
    if (t.kind !== 'yes-no' && ind.measure === 'boolean' && t.kind !== 'every-unit' && t.kind !== 'conditional') {
      out.push({ code: 'plan/boolean-target', params: { id: ind.id, kind: t.kind } });
    }
    if (t.kind === 'every-unit' || t.kind === 'conditional') {
      if (!levels.has(t.level)) out.push({ code: 'plan/unknown-level', params: { level: t.level } });
      walk(t.target);
    }
    if (t.kind === 'conditional' && !plan.indicators.some((i) => i.id === t.when.indicator)) {
      out.push({ code: 'plan/unknown-indicator-ref', params: { id: t.when.indicator } });
    }
    if (t.kind === 'split') {
      const seen = new Set<string>();
      for (const p of t.parts) {
        const expected = t.by === 'sex' ? ['male', 'female'] : ['urban', 'rural'];
        if (!expected.includes(p.part)) out.push({ code: 'plan/split-part', params: { id: ind.id, part: p.part, by: t.by } });
        if (seen.has(p.part)) out.push({ code: 'plan/split-part', params: { id: ind.id, part: p.part, by: t.by } });
        seen.add(p.part);
        walk(p.target);
      }
    }
  };
  walk(target);
  return out;
}

/**
 * plan/checks.yaml against the indicators: unique rule ids, known indicator ids,
 * a numerator rule only on rates, and an order between indicators in one unit.
 */
export function crossCheckChecks(plan: Plan, checks: readonly ConsistencyCheck[], source: YamlSource): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byId = new Map(plan.indicators.map((i) => [i.id, i] as const));
  const seen = new Set<string>();
  checks.forEach((c, i) => {
    const at = (key?: string) => ({ file: source.file, ...locate(source, ['checks', i], key) });
    if (seen.has(c.id)) out.push(diag('error', 'checks/duplicate-id', { id: c.id }, at('id')));
    seen.add(c.id);
    const cited = [...(c.kind === 'range' ? [...(c.indicators ?? []), ...(c.except ?? [])] : c.indicators)];
    for (const id of cited) if (!byId.has(id)) out.push(diag('error', 'checks/unknown-indicator', { check: c.id, id }, at(c.kind === 'range' && c.except?.includes(id) ? 'except' : 'indicators')));
    if (c.kind === 'numerator-within-denominator' || c.kind === 'same-denominator' || c.kind === 'sum-of-sub-regions') {
      for (const id of c.indicators) {
        const ind = byId.get(id);
        if (ind && ind.measure !== 'rate') out.push(diag('error', 'checks/not-a-rate', { check: c.id, id, measure: ind.measure }, at('indicators')));
      }
    }
    if (c.kind === 'order') {
      const units = new Set(c.indicators.map((id) => byId.get(id)?.unit).filter((u): u is string => u !== undefined));
      if (units.size > 1) out.push(diag('error', 'checks/order-units', { check: c.id, ...listParam('units', [...units]) }, at('indicators')));
    }
    if (c.kind === 'range') {
      if ((c.indicators === undefined) === (c.unit === undefined)) out.push(diag('error', 'checks/range-selection', { check: c.id }, at()));
      if (c.min === undefined && c.max === undefined) out.push(diag('error', 'checks/range-bounds', { check: c.id }, at()));
      if (c.except && c.unit === undefined) out.push(diag('error', 'checks/except-without-unit', { check: c.id }, at('except')));
      if (c.min !== undefined && c.max !== undefined && c.min > c.max) out.push(diag('error', 'checks/empty-range', { check: c.id, min: c.min, max: c.max }, at('min')));
      if (c.unit !== undefined && !plan.indicators.some((ind) => ind.unit === c.unit)) {
        out.push(diag('warning', 'checks/unit-unused', { check: c.id, unit: c.unit }, at('unit')));
      }
    }
  });
  return out;
}
