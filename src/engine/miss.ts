// The size of a miss in events: how many deaths, schools or children the figure is off its
// line by, where the return gives the numerator and the denominator. Pure.
//
// A final verdict is stated with it instead of a chance note (“相当于多1例死亡”, “尚差1所”):
// the plan judges the figure, and a reader needs to know how far it is from the line in
// things that can be counted, not whether chance could explain it.
import type { Observation } from '../model/observation.js';
import type { Indicator } from '../plan/model.js';
import type { Verdict } from './verdict.js';

/** Rounding slack: a numerator computed from a line (4‰ of 2,500 = 10) is not 10.000000000000002. */
const SLACK = 1e-9;

/**
 * Events beyond the line (direction lower: deaths more than the line allows) or short of it
 * (direction higher: schools or children still missing), ≥ 1; undefined for a verdict that
 * is not a miss against a line, a figure without its counts, or a survey's (its sample's
 * respondents say nothing countable about the population).
 */
export function missInEvents(
  indicator: Pick<Indicator, 'measure' | 'scale' | 'direction' | 'nature'>,
  obs: Pick<Observation, 'numerator' | 'denominator'> | undefined,
  verdict: Pick<Verdict, 'status' | 'threshold'>,
): { count: number; denominator: number } | undefined {
  if (verdict.status !== 'not-met' || verdict.threshold === null || indicator.measure !== 'rate' || indicator.nature === 'survey' || !obs) return undefined;
  const { numerator, denominator } = obs;
  if (numerator === undefined || denominator === undefined || !(denominator > 0) || !(numerator >= 0)) return undefined;
  // Only whole counts are events a reader can picture.
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator)) return undefined;
  const allowed = (verdict.threshold * denominator) / (indicator.scale ?? 1);
  const count = indicator.direction === 'lower' ? numerator - Math.floor(allowed + SLACK) : Math.ceil(allowed - SLACK) - numerator;
  return count >= 1 ? { count, denominator } : undefined;
}
