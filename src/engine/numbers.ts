// Comparisons that never flip on floating-point error: 4900/5000 × 100 meets ≥ 98.
import { significant } from '../text/significant.js';

const RELATIVE_EPSILON = 1e-9;

function tolerance(a: number, b: number): number {
  return RELATIVE_EPSILON * Math.max(1, Math.abs(a), Math.abs(b));
}

/** a ≤ b, forgiving representation error. */
export const atMost = (a: number, b: number): boolean => a <= b + tolerance(a, b);
/** a ≥ b, forgiving representation error. */
export const atLeast = (a: number, b: number): boolean => a >= b - tolerance(a, b);
/** a < b by more than representation error. */
export const below = (a: number, b: number): boolean => a < b - tolerance(a, b);
/** a > b by more than representation error. */
export const above = (a: number, b: number): boolean => a > b + tolerance(a, b);

/** Round away binary noise (0.10000000000000142 → 0.1) before a number is shown or exported. */
export function clean(x: number): number {
  return significant(x);
}

/**
 * a − b without the operands' representation error: 0 when the comparisons above
 * call them equal, otherwise rounded to 12 significant digits of the larger operand.
 */
export function difference(a: number, b: number): number {
  const d = a - b;
  if (Math.abs(d) <= tolerance(a, b)) return 0;
  const magnitude = Math.max(1, Math.abs(a), Math.abs(b));
  const decimals = Math.min(20, Math.max(0, 12 - Math.ceil(Math.log10(magnitude))));
  return Number(d.toFixed(decimals));
}
