// Medians of large sets of numbers without sorting them: the checks take the median of
// every change of an indicator (about 100,000 at a township-level return), several times
// over, and sorting each set was most of their time.

/** A growing Float64Array to work in, reused from one median to the next. */
export class Scratch {
  private buffers: Float64Array[] = [];

  /** Working buffer number `which`, at least n long; its content is whatever was left in it. */
  f64(which: number, n: number): Float64Array {
    let b = this.buffers[which];
    if (!b || b.length < n) {
      b = new Float64Array(Math.max(n, b ? Math.min(b.length * 2, n * 2) : 64));
      this.buffers[which] = b;
    }
    return b;
  }
}

/**
 * The median of a[0 … n−1] (n > 0), the mean of the two middle values for an even n:
 * the same number sorting would give. Reorders a[0 … n−1]. `noNaN`: the caller knows there
 * is no NaN among them, which saves a pass.
 */
export function medianInPlace(a: Float64Array, n: number, noNaN = false): number {
  for (let i = 0; i < n && !noNaN; i++) {
    // NaN has no place in an order: do exactly what a typed array's sort does with it.
    if (Number.isNaN(a[i]!)) return sortedMedian(a.subarray(0, n).sort(), n);
  }
  const m = n >> 1;
  let upper = select(a, n, m);
  let lower = upper;
  if (n % 2 === 0) {
    // The lower middle value is the largest of those left of m.
    lower = a[0]!;
    for (let i = 1; i < m; i++) if (a[i]! > lower) lower = a[i]!;
  }
  if (upper === 0 || lower === 0) {
    // −0 and 0 compare equal: give the zero a sort would put there (−0 before 0).
    let below = 0;
    for (let i = 0; i < n; i++) {
      const x = a[i]!;
      if (x < 0 || (x === 0 && 1 / x < 0)) below++;
    }
    if (upper === 0) upper = m < below ? -0 : 0;
    if (lower === 0) lower = m - 1 < below ? -0 : 0;
  }
  return n % 2 ? upper : (lower + upper) / 2;
}

function sortedMedian(s: Float64Array, n: number): number {
  const m = n >> 1;
  return n % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * The k-th smallest of a[0 … n−1] (0-based), leaving a[0 … k−1] ≤ a[k] ≤ a[k+1 … n−1]:
 * Floyd and Rivest's SELECT (1975), which first narrows the range to where a sample says
 * the k-th value lies, and so needs about 1.5 n comparisons for a median.
 */
function select(a: Float64Array, n: number, k: number): number {
  narrow(a, k, 0, n - 1);
  return a[k]!;
}

function narrow(a: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    if (right - left > 600) {
      // Recurse on a sample-sized range around k, so that a[k] is a good pivot below.
      const n = right - left + 1;
      const i = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (i - n / 2 < 0 ? -1 : 1);
      narrow(a, k, Math.max(left, Math.floor(k - (i * s) / n + sd)), Math.min(right, Math.floor(k + ((n - i) * s) / n + sd)));
    }
    const t = a[k]!;
    let i = left;
    let j = right;
    swap(a, left, k);
    if (a[right]! > t) swap(a, left, right);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while (a[i]! < t) i++;
      while (a[j]! > t) j--;
    }
    if (a[left] === t) swap(a, left, j);
    else {
      j++;
      swap(a, j, right);
    }
    // Now a[j] = t, with nothing larger before it and nothing smaller after it.
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}
