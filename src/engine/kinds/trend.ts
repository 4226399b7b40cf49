// 明显下降 / 上升趋势得到控制: read over the years present from the baseline on.
// falling: below the baseline and no rise year on year; not-rising: no rise year on year.
// Needs at least two points; fewer is no data, never a guess.
import type { TrendTarget } from '../../plan/model.js';
import { rateInterval } from '../interval.js';
import { above, below } from '../numbers.js';
import type { TargetKind } from './kind.js';
import { baselineOf, emptyVerdict } from './shared.js';

export const trendKind: TargetKind<TrendTarget> = {
  kind: 'trend',
  schema: {
    properties: { kind: true, direction: { enum: ['falling', 'not-rising', 'rising', 'not-falling'] } },
    required: ['direction'],
    additionalProperties: false,
  },
  evaluate(target, ctx) {
    const { indicator, region, sex, residence } = ctx;
    const current = ctx.cell();
    if (current?.invalid) return emptyVerdict('invalid', { code: `reason/invalid-${current.invalid}`, params: {} }, current);
    const base = baselineOf(ctx);
    if (base === 'invalid') return emptyVerdict('invalid', { code: 'reason/invalid-baseline', params: { year: ctx.plan.baselineYear } }, current);
    const series: Array<{ year: number; value: number }> = [];
    const rows = [];
    for (const year of ctx.cells.years(indicator.id, region.code, sex, residence)) {
      if (year < ctx.plan.baselineYear || year > ctx.year) continue;
      const o = ctx.cells.get(indicator.id, region.code, year, sex, residence);
      if (o?.invalid) return emptyVerdict('invalid', { code: `reason/invalid-${o.invalid}`, params: { year } }, o);
      if (o && typeof o.value === 'number') {
        series.push({ year, value: o.value });
        rows.push(o);
      }
    }
    if (base?.from === 'plan' && !series.some((p) => p.year === base.year)) series.unshift({ year: base.year, value: base.value });
    if (!current || typeof current.value !== 'number') {
      return { ...emptyVerdict('no-data', { code: 'reason/no-value', params: { year: ctx.year } }, current), series };
    }
    if (series.length < 2) {
      return { ...emptyVerdict('no-data', { code: 'reason/too-few-points', params: { count: series.length } }, current), series };
    }
    const down = target.direction === 'falling' || target.direction === 'not-rising';
    const against = down ? above : below;
    const reversal = series.findIndex((p, i) => i > 0 && against(p.value, series[i - 1]!.value));
    const first = series[0]!;
    const last = series[series.length - 1]!;
    const strict = target.direction === 'falling' || target.direction === 'rising';
    const moved = !strict || (down ? below(last.value, first.value) : above(last.value, first.value));
    const met = reversal < 0 && moved;
    const reason =
      reversal >= 0
        ? { code: down ? 'reason/rose' : 'reason/fell', params: { from: series[reversal - 1]!.year, to: series[reversal]!.year } }
        : !moved
          ? { code: 'reason/not-moved', params: { from: first.year, to: last.year } }
          : { code: 'reason/trend-ok', params: { from: first.year, to: last.year } };
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
      ...(base ? { baseline: base } : {}),
    };
  },
  describe: (target) => ({ code: `target/trend-${target.direction}`, params: {} }),
};
