// 下降/降低, 明显下降, 上升趋势得到有效控制: judged over the whole series from the baseline year
// to the year evaluated (at least two points), never step by step, so one year's blip does not
// decide it (CONTRACT §2, the trend row). The series' direction is its fitted least-squares
// slope (src/engine/trend-fit.ts); a slope that is no clear movement — within chance where every point has
// its counts, else a fitted change of less than 1 % of the baseline over the period — is
// neither a rise nor a fall.
//
//   falling (下降/降低)           the series falls, and the value is below the baseline
//   falling-markedly (明显下降)   as falling, and the fitted fall is at least 2 % of the baseline
//                                a year (10 % over a five-year plan)
//   not-rising (上升趋势得到控制)  the series does not rise
//   rising / not-falling          the same, the other way up
//
// A missed trend says why (reason codes `reason/trend-*`): it rose overall (and from which
// year, “2022年起回升”), it did not move clearly, it is not below the baseline, or its fall is
// too slow to be marked.
import type { TrendTarget } from '../../plan/model.js';
import type { Observation } from '../../model/observation.js';
import { rateInterval } from '../interval.js';
import { above, atLeast, atMost, below } from '../numbers.js';
import type { Reason } from '../verdict.js';
import type { TargetKind } from './kind.js';
import { baselineOf, emptyVerdict } from './shared.js';
import { fitTrend, MARKED_FALL_PER_YEAR, pointVariance, type TrendFit, type TrendPoint } from '../trend-fit.js';

export const trendKind: TargetKind<TrendTarget> = {
  kind: 'trend',
  schema: {
    properties: { kind: true, direction: { enum: ['falling', 'falling-markedly', 'not-rising', 'rising', 'not-falling'] } },
    required: ['direction'],
    additionalProperties: false,
  },
  evaluate(target, ctx) {
    const { indicator, region, sex, residence } = ctx;
    const current = ctx.cell();
    if (current?.invalid) return emptyVerdict('invalid', { code: `reason/invalid-${current.invalid}`, params: {} }, current);
    const base = baselineOf(ctx);
    if (base === 'invalid') return emptyVerdict('invalid', { code: 'reason/invalid-baseline', params: { year: ctx.plan.baselineYear } }, current);
    const points: TrendPoint[] = [];
    const rows: Observation[] = [];
    for (const year of ctx.cells.years(indicator.id, region.code, sex, residence)) {
      if (year < ctx.plan.baselineYear || year > ctx.year) continue;
      const o = ctx.cells.get(indicator.id, region.code, year, sex, residence);
      if (o?.invalid) return emptyVerdict('invalid', { code: `reason/invalid-${o.invalid}`, params: { year } }, o);
      if (o && typeof o.value === 'number') {
        // The plan's stated baseline replaces the row of its year; the row's counts still say how
        // much chance there is in a figure of that size.
        const value = base?.from === 'plan' && year === base.year ? base.value : o.value;
        const variance = pointVariance(indicator, o.numerator, o.denominator);
        points.push({ year, value, ...(variance !== undefined ? { variance } : {}) });
        rows.push(o);
      }
    }
    if (base?.from === 'plan' && !points.some((p) => p.year === base.year)) points.unshift({ year: base.year, value: base.value });
    const series = points.map((p) => ({ year: p.year, value: p.value }));
    if (!current || typeof current.value !== 'number') {
      return { ...emptyVerdict('no-data', { code: 'reason/no-value', params: { year: ctx.year } }, current), series };
    }
    if (points.length < 2) {
      return { ...emptyVerdict('no-data', { code: 'reason/too-few-points', params: { count: points.length } }, current), series };
    }
    const fit = fitTrend(points);
    const { met, reason } = judge(target.direction, points, fit);
    // The current rate's interval is shown; a trend is not judged against a line.
    const interval = rateInterval(indicator, current.numerator, current.denominator);
    return {
      status: met ? 'met' : 'not-met',
      value: current.value,
      ...(interval ? { interval } : {}),
      gap: null,
      threshold: null,
      derived: current.derived,
      notes: [...new Set(rows.flatMap((o) => o.notes))],
      reason,
      series,
      trend: { slope: fit.slope, movement: fit.movement, test: fit.test },
      ...(base ? { baseline: base } : {}),
    };
  },
  describe: (target) => ({ code: `target/trend-${target.direction}`, params: {} }),
};

/** The verdict of a trend target on a fitted series, and why. */
export function judge(direction: TrendTarget['direction'], points: readonly TrendPoint[], fit: TrendFit): { met: boolean; reason: Reason } {
  const down = direction === 'falling' || direction === 'falling-markedly' || direction === 'not-rising';
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const span = { from: first.year, to: last.year };
  const good = down ? 'falling' : 'rising';
  const bad = down ? 'rising' : 'falling';
  // The year the series turned back after its best point, if it has since (2022年起回升).
  // The best point (the latest of equals): the series turned back after it if it is not the last.
  const best = points.reduce((b, p, i) => ((down ? atMost(p.value, points[b]!.value) : atLeast(p.value, points[b]!.value)) ? i : b), 0);
  const since = best < points.length - 1 && best > 0 ? points[best + 1]!.year : undefined;
  const withSince = (code: string, params: Reason['params']): Reason => (since === undefined ? { code, params } : { code: `${code}-since`, params: { ...params, since } });
  const perYear = { amount: round3(Math.abs(fit.slope)), unit: 'unit' };

  if (fit.movement === bad) return { met: false, reason: withSince(`reason/trend-${bad === 'rising' ? 'rose' : 'fell'}`, { ...span, ...perYear }) };
  if (direction === 'not-rising' || direction === 'not-falling') return { met: true, reason: { code: fit.movement === 'flat' ? 'reason/trend-flat-ok' : 'reason/trend-ok', params: span } };
  if (fit.movement !== good) return { met: false, reason: { code: fit.test === 'chance' ? 'reason/trend-within-chance' : 'reason/trend-flat', params: span } };
  const beyond = down ? below(last.value, first.value) : above(last.value, first.value);
  if (!beyond) return { met: false, reason: withSince(`reason/trend-not-${down ? 'below' : 'above'}-baseline`, span) };
  if (direction === 'falling-markedly') {
    const perYearShare = first.value > 0 ? -fit.slope / first.value : 0;
    if (perYearShare < MARKED_FALL_PER_YEAR - 1e-12) {
      return { met: false, reason: { code: 'reason/trend-too-slow', params: { ...span, percent: round3(perYearShare * 100), required: MARKED_FALL_PER_YEAR * 100 } } };
    }
  }
  return { met: true, reason: { code: 'reason/trend-ok', params: span } };
}

/** Three significant digits: a slope as a sentence quotes it. */
function round3(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(3));
}
