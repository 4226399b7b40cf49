// The report's summary: counts by status and by progress class, overall and by area,
// and the indicators at risk of missing the final-year target, worst first.
import { paces, PROGRESS_CLASSES, PROGRESS_SEVERITY, targetLine, type ProgressClass } from '../engine/progress.js';
import { atLeast, atMost, clean } from '../engine/numbers.js';
import { STATUSES } from '../engine/verdict.js';
import { identityOf } from './identity.js';
import type { Progress } from '../engine/progress.js';
import type { Target } from '../plan/model.js';
import type { AreaReport, AtRisk, ClassCounts, Counts, EarlyWarning, IndicatorReport, RegionRef, Report, StatusCounts } from './model.js';

export function countsOf(areas: readonly AreaReport[]): Counts {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;
  const byClass = Object.fromEntries(PROGRESS_CLASSES.map((c) => [c, 0])) as ClassCounts;
  let total = 0;
  for (const a of areas)
    for (const ind of a.indicators)
      for (const r of ind.regions) {
        total++;
        byStatus[r.status]++;
        byClass[r.progress.class]++;
      }
  return { total, byStatus, byClass };
}

export function summaryOf(areas: readonly AreaReport[]): Report['summary'] {
  return { ...countsOf(areas), byArea: areas.map((a) => ({ area: a.area, ...countsOf([a]) })) };
}


/**
 * Not achieved and not on track: moving away, limited, must speed up — by ratio, lowest
 * first (a value that has fallen back over a line its baseline met comes first) — then
 * the targets not met whose progress cannot be paced (every unit, trend, no baseline).
 */
export function atRiskOf(areas: readonly AreaReport[]): AtRisk[] {
  const out: AtRisk[] = [];
  for (const a of areas)
    for (const ind of a.indicators)
      for (const r of ind.regions) {
        const c = r.progress.class;
        const paced = c === 'moving-away' || c === 'limited' || c === 'speed-up';
        if (!paced && !(c === 'unknown' && r.status === 'not-met')) continue;
        out.push({
          ...identityOf(ind),
          region: r.region,
          status: r.status,
          progress: r.progress,
        });
      }
  const ratio = (x: AtRisk) => x.progress.ratio ?? -Infinity;
  return out
    .map((x, i) => ({ x, i }))
    .sort((p, q) => PROGRESS_SEVERITY[p.x.progress.class] - PROGRESS_SEVERITY[q.x.progress.class] || ratio(p.x) - ratio(q.x) || p.i - q.i)
    .map((p) => p.x);
}

/**
 * The early warnings of a year before the final one: a value that meets its target now but has
 * moved toward the line since the baseline, so that at the same yearly pace (the report's
 * method) it misses in the final year — 海陵区 80.87 → 78.90 against ≥78, 77.6 by 2025. Most
 * projected shortfall first.
 */
export function warningsOf(areas: readonly AreaReport[], top?: string): EarlyWarning[] {
  const out: Array<{ w: EarlyWarning; by: number }> = [];
  const seen = new Set<string>();
  for (const a of areas)
    for (const ind of a.indicators) {
      const add = (region: RegionRef, target: Target, p: Progress, within?: RegionRef) => {
        const key = `${ind.id}\u0000${region.code}`;
        const found = seen.has(key) ? undefined : fallingShort(ind, target, p);
        if (!found) return;
        seen.add(key);
        out.push({ w: { ...identityOf(ind), region, ...(within ? { within } : {}), progress: found.progress }, by: found.by });
      };
      for (const r of ind.regions) add(r.region, ind.target, r.progress);
      // A unit is named under its own 市（区） before the whole city's list.
      const t = ind.target;
      if (t.kind !== 'every-unit' && t.kind !== 'conditional') continue;
      const regions = [...ind.regions.filter((r) => r.region.code !== top), ...ind.regions.filter((r) => r.region.code === top)];
      for (const r of regions) for (const u of r.metUnits ?? []) add(u.region, t.target, u.progress, r.region);
    }
  return out.sort((x, y) => y.by - x.by).map((x) => x.w);
}

/** A value achieved now whose projection at the same yearly pace misses the line: the progress with `actual` and `projected`, and by how much. */
function fallingShort(ind: Pick<IndicatorReport, 'direction' | 'unit'>, target: Target, p: Progress): { progress: Progress; by: number } | undefined {
  if (p.class !== 'achieved' || p.baseline === null || p.baselineYear === null || p.current === null || p.year <= p.baselineYear || p.year >= p.finalYear) return undefined;
  const line = targetLine(target, ind, { year: p.baselineYear, value: p.baseline, from: p.baselineFrom ?? 'data' }, p.finalYear);
  if (!line) return undefined;
  const pace = paces(p.method, { year: p.baselineYear, value: p.baseline }, { year: p.year, value: p.current }, line.line, p.finalYear);
  if (!pace) return undefined;
  const misses = line.bound === 'min' ? !atLeast(pace.projected, line.line) : !atMost(pace.projected, line.line);
  return misses ? { progress: { ...p, actual: clean(pace.actual), projected: clean(pace.projected) }, by: Math.abs(pace.projected - line.line) } : undefined;
}
