// A number as a machine reads it: rounded to 12 significant digits, so that the
// representation error of a computation (41 / 10000 × 1000 = 4.1000000000000005) never
// reaches an export, while every digit a return or a plan can carry survives. −0 reads 0.

export const SIGNIFICANT_DIGITS = 12;

export function significant(x: number): number {
  if (!Number.isFinite(x)) return x;
  const r = Number(x.toPrecision(SIGNIFICANT_DIGITS));
  return Object.is(r, -0) ? 0 : r;
}

/** A JSON.stringify replacer that writes every number to 12 significant digits. */
export function significantNumbers(_key: string, value: unknown): unknown {
  return typeof value === 'number' ? significant(value) : value;
}
