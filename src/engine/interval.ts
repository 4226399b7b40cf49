// The 95 % interval of a rate computed from a numerator and a denominator, and what it
// says about a verdict. Pure.
//
// - % indicators are proportions (vaccinated of the children due): the Wilson score
//   interval (Wilson 1927), which keeps inside 0–100 % and behaves at 0 and at n events,
//   where the textbook p ± 1.96·SE interval collapses (Newcombe 1998).
// - ‰ and 1/10万 indicators are rates of rare events (deaths per live births, per
//   children): the numerator is a Poisson count and the denominator the exposure, so the
//   exact (Garwood 1936) interval on the count, scaled by scale / denominator.
//   Deaths among live births are also a proportion of the births (no birth dies twice): when
//   the events are not rare (1 death in 3 births), Poisson's upper limit passes the whole
//   denominator (1,857‰); the exact binomial (Clopper–Pearson 1934) interval is then used,
//   which never leaves 0–1000‰ and agrees with Garwood's where events are rare.
// - Only figures that estimate an underlying rate carry one: the plan files declare each
//   indicator's nature (events or survey); a complete count (census: institutions, schools,
//   days, every pupil) has nothing random in it and carries none. Other rates (人 or 个 per
//   1,000) count resources: none either.
import type { Indicator } from '../plan/model.js';
import { clean } from './numbers.js';
import { betaQuantile, gammaQuantile, normalQuantile } from './distributions.js';

export type IntervalMethod = 'wilson' | 'garwood' | 'clopper-pearson';

/** 95 % interval of a rate computed from a numerator and a denominator, in the indicator's unit. */
export interface Interval {
  low: number;
  high: number;
  method: IntervalMethod;
  level: 0.95;
}

/** What the interval says about the verdict; absent when it says nothing. */
export type Chance = 'within-chance' | 'met-uncertain';

export const LEVEL = 0.95;
/** Φ⁻¹(0.975) = 1.959963984540054. */
const Z = normalQuantile(1 - (1 - LEVEL) / 2);

/** Wilson's score interval of a proportion: x of n, 0 ≤ x ≤ n, n > 0. */
export function wilson(x: number, n: number, z = Z): { low: number; high: number } {
  const p = x / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At 0 and at n events the limit is the bound itself, not a rounding error away from it.
  return { low: x === 0 ? 0 : Math.max(0, centre - half), high: x === n ? 1 : Math.min(1, centre + half) };
}

/** Garwood's exact interval of a Poisson mean, from x ≥ 0 events: ½χ²(α/2; 2x) to ½χ²(1−α/2; 2x+2). */
export function garwood(x: number, level = LEVEL): { low: number; high: number } {
  const alpha = 1 - level;
  return { low: x === 0 ? 0 : gammaQuantile(alpha / 2, x), high: gammaQuantile(1 - alpha / 2, x + 1) };
}

/** Clopper–Pearson's exact binomial interval of a proportion: x of n, 0 ≤ x ≤ n, n > 0. */
export function clopperPearson(x: number, n: number, level = LEVEL): { low: number; high: number } {
  const alpha = 1 - level;
  return {
    low: x === 0 ? 0 : betaQuantile(alpha / 2, x, n - x + 1),
    high: x === n ? 1 : betaQuantile(1 - alpha / 2, x + 1, n - x),
  };
}

/**
 * The interval an indicator's rates take, if any: its family (Wilson for a proportion,
 * Garwood for rare events, turning to Clopper–Pearson per figure, see rateInterval), or none
 * for a complete count. Year-on-year changes follow it (src/quality/rate-tests.ts).
 */
export function intervalMethod(indicator: Pick<Indicator, 'measure' | 'unit' | 'nature'>): Exclude<IntervalMethod, 'clopper-pearson'> | undefined {
  if (indicator.measure !== 'rate' || indicator.nature === 'census') return undefined;
  if (indicator.unit === '%') return 'wilson';
  if (indicator.unit === '‰' || /^1\/\d*万$/.test(indicator.unit)) return 'garwood';
  return undefined;
}

/**
 * The interval of numerator / denominator × scale, or undefined when the numbers do not
 * make one: no interval for the indicator, no denominator, a negative count, or (for a
 * proportion) more events than the denominator, as a gross enrolment rate may have.
 */
export function rateInterval(
  indicator: Pick<Indicator, 'measure' | 'unit' | 'scale' | 'nature'>,
  numerator: number | undefined,
  denominator: number | undefined,
): Interval | undefined {
  const method = intervalMethod(indicator);
  if (!method || numerator === undefined || denominator === undefined) return undefined;
  if (!(denominator > 0) || !(numerator >= 0) || !Number.isFinite(numerator) || !Number.isFinite(denominator)) return undefined;
  const scale = indicator.scale ?? 1;
  if (method === 'wilson') {
    if (numerator > denominator) return undefined;
    const { low, high } = wilson(numerator, denominator);
    return { low: clean(low * scale), high: clean(high * scale), method, level: LEVEL };
  }
  const poisson = garwood(numerator);
  // More events than the denominator holds: not rare, so the exact binomial keeps in the range.
  if (poisson.high > denominator && numerator <= denominator) {
    const { low, high } = clopperPearson(numerator, denominator);
    return { low: clean(low * scale), high: clean(high * scale), method: 'clopper-pearson', level: LEVEL };
  }
  const { low, high } = poisson;
  return { low: clean((low * scale) / denominator), high: clean((high * scale) / denominator), method, level: LEVEL };
}

/**
 * What the interval says about a verdict against `line` (bound 'max': the value must be at
 * most the line; 'min': at least): a miss whose interval reaches the line is within chance,
 * a met value whose interval reaches beyond the line is met without confidence.
 */
export function chanceOf(interval: Interval, line: number, bound: 'min' | 'max', met: boolean): Chance | undefined {
  const reaches = bound === 'max' ? interval.low <= line : interval.high >= line;
  const crosses = bound === 'max' ? interval.high > line : interval.low < line;
  if (!met) return reaches ? 'within-chance' : undefined;
  return crosses ? 'met-uncertain' : undefined;
}
