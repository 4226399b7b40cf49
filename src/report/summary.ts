// The report's summary: counts by status and by progress class, overall and by area,
// and the indicators at risk of missing the final-year target, worst first.
import { PROGRESS_CLASSES, PROGRESS_SEVERITY, type ProgressClass } from '../engine/progress.js';
import { STATUSES } from '../engine/verdict.js';
import { identityOf } from './identity.js';
import type { AreaReport, AtRisk, ClassCounts, Counts, Report, StatusCounts } from './model.js';

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
