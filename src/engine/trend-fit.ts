// The fitted direction of a series for the trend targets (kinds/trend.ts). Pure.
//
// The slope is a least-squares line through the points (year, value). Where every point has
// its numerator and denominator, each is weighted by the inverse of its chance variance and the
// slope is a movement only when it is beyond chance: |slope| ≥ 1.96 × its standard error
// (a 95 % test for trend, the weighted-regression form of the test for a trend in proportions
// or rates). A point's variance: p̃(1 − p̃)/n for a proportion (Wilson-type indicators),
// (x + ½)/n² for a rare-event rate (Poisson), with p̃ = (x + ½)/(n + 1) so that 0 and n events
// keep a variance; × scale². Otherwise (counts unknown, or an indicator whose figure is not an
// estimate) the fit is unweighted and the slope is a movement only when the fitted change over
// the period is at least 1 % of the baseline.
import type { Indicator } from '../plan/model.js';
import { normalQuantile } from './distributions.js';
import { intervalMethod, LEVEL } from './interval.js';
import { clean } from './numbers.js';

/** A fitted change over the period smaller than this share of the baseline is no movement (counts unknown). */
export const FLAT_SHARE = 0.01;
/** 明显下降: a fitted fall of at least this share of the baseline a year (10 % over a five-year plan). */
export const MARKED_FALL_PER_YEAR = 0.02;
const Z = normalQuantile(1 - (1 - LEVEL) / 2);

export interface TrendPoint {
  year: number;
  value: number;
  /** The chance variance of the value, in its unit squared, where its counts are known. */
  variance?: number;
}

export interface TrendFit {
  /** Fitted change a year, in the indicator's unit. */
  slope: number;
  /** What the slope says once chance (or the 1 % band) is allowed for. */
  movement: 'rising' | 'falling' | 'flat';
  /** How a movement was told from none: a test against chance, or the 1 % band. */
  test: 'chance' | 'band';
}

/** The chance variance of numerator / denominator × scale, or undefined when its figure has none or the counts are missing. */
export function pointVariance(indicator: Pick<Indicator, 'measure' | 'unit' | 'scale' | 'nature'>, numerator: number | undefined, denominator: number | undefined): number | undefined {
  const method = intervalMethod(indicator);
  if (!method || numerator === undefined || denominator === undefined || !(denominator > 0) || !(numerator >= 0)) return undefined;
  const scale = indicator.scale ?? 1;
  if (method === 'wilson') {
    if (numerator > denominator) return undefined;
    const p = (numerator + 0.5) / (denominator + 1);
    return ((p * (1 - p)) / denominator) * scale * scale;
  }
  return ((numerator + 0.5) / (denominator * denominator)) * scale * scale;
}

/** The least-squares slope of at least two points of distinct years, and whether it is a movement. */
export function fitTrend(points: readonly TrendPoint[]): TrendFit {
  const weighted = points.every((p) => p.variance !== undefined && p.variance > 0);
  const w = points.map((p) => (weighted ? 1 / p.variance! : 1));
  const sw = w.reduce((a, b) => a + b, 0);
  const tBar = points.reduce((s, p, i) => s + w[i]! * p.year, 0) / sw;
  const vBar = points.reduce((s, p, i) => s + w[i]! * p.value, 0) / sw;
  let sxx = 0;
  let sxy = 0;
  points.forEach((p, i) => {
    sxx += w[i]! * (p.year - tBar) ** 2;
    sxy += w[i]! * (p.year - tBar) * (p.value - vBar);
  });
  const slope = sxx > 0 ? sxy / sxx : 0;
  const sign = slope > 0 ? 'rising' : 'falling';
  if (weighted) {
    const se = Math.sqrt(1 / sxx);
    return { slope: clean(slope), movement: Math.abs(slope) >= Z * se ? sign : 'flat', test: 'chance' };
  }
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const change = Math.abs(clean(slope * (last.year - first.year)));
  const band = FLAT_SHARE * Math.abs(first.value);
  const moved = band > 0 ? change >= band * (1 - 1e-9) : change > 0;
  return { slope: clean(slope), movement: moved ? sign : 'flat', test: 'band' };
}
