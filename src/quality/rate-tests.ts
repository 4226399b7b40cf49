// Is a year-on-year change of a rate beyond chance, given both years' denominators?
//
// - ‰ and 1/10万 rates (deaths per births): the exact conditional test of two Poisson
//   counts (Przyborowski and Wilenski 1940): given x1 + x2 events, x2 is binomial with
//   p0 = d2 / (d1 + d2) under equal rates; two-sided p = twice the smaller tail.
// - % rates (proportions): the two-proportion z-test with the pooled proportion.
// Each change's p is read as a z-score; an indicator whose changes vary more than chance
// allows (the median z² above that of χ²₁, 0.4549) has its z-scores divided by √φ, φ that
// ratio (multiplicative overdispersion, as in Spiegelhalter's funnel plots, 2005), so that
// a coverage rate that moves a few points every year everywhere is not all flagged. A
// change is flagged when its p stays below 0.1 % after Holm's step-down adjustment over
// every test of the run (Holm 1979).
import type { Diagnostic } from '../diagnostics.js';
import { betaI, normalQuantile, normalUpperTail } from '../engine/distributions.js';
import type { IntervalMethod } from '../engine/interval.js';
import { medianInPlace } from './select.js';

export const RATE_TEST = { alpha: 0.001, minChanges: 5 } as const;

/** The median of χ²₁: the median z² of changes that vary by chance alone. */
const CHI2_1_MEDIAN = 0.454936423119572;

/** Up to this many events the test sums the binomial probabilities itself. */
const SMALL = 200;

/** Two-sided p of the exact conditional test of x1 events in exposure d1 against x2 in d2; NaN when there are no events. */
export function poissonTest(x1: number, d1: number, x2: number, d2: number): number {
  const n = x1 + x2;
  if (!(n > 0)) return NaN;
  const p0 = d2 / (d1 + d2);
  // Most tests are of a few deaths: the binomial probabilities summed directly, which is
  // exact and far cheaper than the incomplete beta function.
  if (n <= SMALL && Number.isInteger(x1) && Number.isInteger(x2)) {
    const first = (1 - p0) ** n;
    if (first > 1e-250) {
      const ratio = p0 / (1 - p0);
      let pmf = first;
      let lowerSum = 0;
      let upperSum = 0;
      for (let k = 0; k <= n; k++) {
        if (k <= x2) lowerSum += pmf;
        if (k >= x2) upperSum += pmf;
        pmf *= ((n - k) / (k + 1)) * ratio;
      }
      return Math.min(1, 2 * Math.min(lowerSum, upperSum));
    }
  }
  // P(X ≥ x2) = I_p0(x2, n − x2 + 1); P(X ≤ x2) = I_(1−p0)(n − x2, x2 + 1).
  const upper = x2 > 0 ? betaI(p0, x2, n - x2 + 1) : 1;
  const lower = x2 < n ? betaI(1 - p0, n - x2, x2 + 1) : 1;
  return Math.min(1, 2 * Math.min(upper, lower));
}

/** z of the two-proportion test of x1/n1 against x2/n2; NaN when the pooled proportion is 0 or 1 (nothing to test). */
export function proportionZ(x1: number, n1: number, x2: number, n2: number): number {
  const pooled = (x1 + x2) / (n1 + n2);
  if (!(pooled > 0 && pooled < 1)) return NaN;
  return (x2 / n2 - x1 / n1) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
}

/**
 * The signed z-score of a change from x1/d1 to x2/d2, NaN when the numbers give no test
 * (no events; a proportion of 0 or 1 both years), undefined when they are not counts the
 * method can test (a missing or non-positive denominator, a proportion above 1).
 */
export function changeZ(method: IntervalMethod, x1: number, d1: number, x2: number, d2: number): number | undefined {
  if (!(d1 > 0 && d2 > 0 && x1 >= 0 && x2 >= 0)) return undefined;
  if (method === 'wilson') return x1 > d1 || x2 > d2 ? undefined : proportionZ(x1, d1, x2, d2);
  const p = poissonTest(x1, d1, x2, d2);
  if (Number.isNaN(p)) return NaN;
  if (p >= 1) return 0;
  const z = -normalQuantile(Math.max(p, Number.MIN_VALUE) / 2);
  return x2 / d2 >= x1 / d1 ? z : -z;
}

/** φ from z[0 … n−1] (reordered): 1 unless the changes vary more than chance, and there are enough of them to tell. */
export function dispersion(z2: Float64Array, n: number): number {
  if (n < RATE_TEST.minChanges) return 1;
  return Math.max(1, medianInPlace(z2, n, true) / CHI2_1_MEDIAN);
}

/** Two-sided p of a z-score after overdispersion φ. */
export const adjustedP = (z: number, phi: number): number => 2 * normalUpperTail(Math.abs(z) / Math.sqrt(phi));

/** The |z| below which a change can never be flagged, whatever the number of tests: p ≥ α. */
export const Z_FLOOR = -normalQuantile(RATE_TEST.alpha / 2);

/**
 * The tests of a run, collected indicator by indicator: their number, and the few changes
 * that may be flagged (p < α), each with the finding it makes. Holm's procedure needs the
 * number of tests before it can judge any of them, so the findings are made at the end.
 */
export class RateTests {
  count = 0;
  /**
   * Tests counted that are not candidates (p not below α, or a change too small to matter).
   * Holm's procedure compares the k-th smallest of the C candidates' p with α / (count − k),
   * which is never above α / (count − C + 1) = α / (passed + 1); passed only grows as tests are
   * counted, so a p above α / (passed + 1) now can never be flagged, and is not kept: on a
   * national return, with millions of tests, next to none is.
   */
  private passed = 0;
  private candidates: Array<{ p: number; finding: (p: number, tests: number) => Diagnostic }> = [];

  /** Whether a test's p may yet be flagged (and its finding is worth making ready). */
  mayFlag(p: number): boolean {
    return p < RATE_TEST.alpha && p <= RATE_TEST.alpha / (this.passed + 1);
  }

  consider(p: number, finding: (p: number, tests: number) => Diagnostic): void {
    if (this.mayFlag(p)) this.candidates.push({ p, finding });
  }

  /**
   * One indicator's tests counted: `tests` in all, `candidates` of them material with p below α
   * (each given to consider, or found by mayFlag not worth it). Candidates kept that can no
   * longer be flagged are dropped.
   */
  counted(tests: number, candidates: number): void {
    this.count += tests;
    this.passed += tests - candidates;
    const bound = RATE_TEST.alpha / (this.passed + 1);
    if (this.candidates.some((c) => c.p > bound)) this.candidates = this.candidates.filter((c) => c.p <= bound);
  }

  /** The findings Holm's step-down procedure keeps at level α: the k-th smallest p against α / (m − k). */
  flagged(): Diagnostic[] {
    const m = this.count;
    const sorted = [...this.candidates].sort((a, b) => a.p - b.p);
    const out: Diagnostic[] = [];
    for (let k = 0; k < sorted.length; k++) {
      if (!(sorted[k]!.p <= RATE_TEST.alpha / (m - k))) break;
      out.push(sorted[k]!.finding(sorted[k]!.p, m));
    }
    return out;
  }
}
