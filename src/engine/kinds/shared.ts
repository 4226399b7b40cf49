// Pieces every numeric kind needs: read the cell, compare with a line, measure the gap.
import type { Observation } from '../../model/observation.js';
import type { TargetContext } from '../context.js';
import { chanceOf, rateInterval, type Interval } from '../interval.js';
import { atLeast, atMost, clean, difference } from '../numbers.js';
import type { Reason, Status, Verdict } from '../verdict.js';
import { officialBaseline, type BaselineValue } from '../baseline.js';

export type Bound = 'min' | 'max';

export function emptyVerdict(status: Status, reason: Reason, obs?: Observation): Verdict {
  return {
    status,
    value: obs && typeof obs.value !== 'object' ? obs.value : null,
    gap: null,
    threshold: null,
    derived: obs?.derived ?? false,
    notes: obs?.notes ?? [],
    reason,
  };
}

/** The cell's number (with its interval, for a rate from a numerator and a denominator), or the verdict that says why there is none. */
export function readNumber(ctx: TargetContext): { obs: Observation; value: number; interval?: Interval } | { verdict: Verdict } {
  const obs = ctx.cell();
  // Invalid first: a cell derived from bad rows has no value, but it is bad data, not missing data.
  if (obs?.invalid) return { verdict: emptyVerdict('invalid', { code: `reason/invalid-${obs.invalid}`, params: {} }, obs) };
  if (!obs || obs.value === null) return { verdict: emptyVerdict('no-data', { code: 'reason/no-value', params: { year: ctx.year } }, obs) };
  if (typeof obs.value !== 'number') return { verdict: emptyVerdict('invalid', { code: 'reason/not-a-number', params: {} }, obs) };
  const interval = rateInterval(ctx.indicator, obs.numerator, obs.denominator);
  return interval ? { obs, value: obs.value, interval } : { obs, value: obs.value };
}

/**
 * Met when value is on the good side of line (the line itself included). With the value's
 * interval, the verdict carries it and what it says about the line (the status stays the
 * figure's: the plan judges the figure).
 */
export function against(obs: Observation, value: number, line: number, bound: Bound, reason?: Reason, interval?: Interval): Verdict {
  const met = bound === 'min' ? atLeast(value, line) : atMost(value, line);
  const gap = bound === 'min' ? difference(line, value) : difference(value, line);
  const chance = interval && chanceOf(interval, clean(line), bound, met);
  return {
    status: met ? 'met' : 'not-met',
    value,
    gap: met && gap > 0 ? 0 : gap,
    threshold: clean(line),
    derived: obs.derived,
    notes: obs.notes,
    ...(interval ? { interval } : {}),
    ...(chance ? { chance } : {}),
    ...(reason ? { reason } : {}),
  };
}

/** The baseline: the plan's stated figure for the region it describes, else the baseline-year row (src/engine/baseline.ts). */
export function baselineOf(ctx: TargetContext): BaselineValue | 'invalid' | undefined {
  return officialBaseline(ctx.plan, ctx.regions, ctx.cells, ctx.indicator, ctx.region.code, ctx.sex, ctx.residence, ctx.baseline);
}

/** Fields of a target that is one number (at-most, at-least, reach). */
export const singleValueSchema = {
  properties: { kind: true, value: { type: 'number' } },
  required: ['value'],
  additionalProperties: false,
};

/**
 * The value and the baseline it is measured from (change, yearly-change), or the verdict
 * that says why there is none: no value, a bad baseline row, no baseline, the baseline year itself.
 */
export function readAgainstBaseline(
  ctx: TargetContext,
): { obs: Observation; value: number; interval?: Interval; base: BaselineValue } | { verdict: Verdict } {
  const read = readNumber(ctx);
  if ('verdict' in read) return read;
  const base = baselineOf(ctx);
  if (base === 'invalid') return { verdict: emptyVerdict('invalid', { code: 'reason/invalid-baseline', params: { year: ctx.plan.baselineYear } }, read.obs) };
  if (!base) return { verdict: emptyVerdict('no-data', { code: 'reason/no-baseline', params: { year: ctx.plan.baselineYear } }, read.obs) };
  if (ctx.year <= base.year) return { verdict: emptyVerdict('no-data', { code: 'reason/at-baseline', params: { year: base.year } }, read.obs) };
  return { ...read, base };
}
