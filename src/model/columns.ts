// The column entries of one block of a CellStore (src/model/cells.ts): the cells read from
// ordinary rows of a long return, by region, in typed arrays. A national return holds
// millions of them, so each takes as few bytes as its numbers allow, and every number
// comes back exactly as it was stored (the same double):
//
// - a numerator or denominator: 1 byte (Uint8) while every one of the block is a count below
//   256 (a 乡镇's deaths), 2 (Uint16) below 65,536 (its children are), 4 (Int32) while an
//   integer that fits, else 8;
// - a value: nothing when its ratio gives it back (computed from the ratio, or written and
//   equal to the ratio rounded to the decimals it was written with, give or take one in the
//   last digit: a flag says which); else 4 bytes (the digits as an integer, value = m / 10^d)
//   while that gives it back exactly, else 8;
// - the line of its row, as the store gives it (the line less the region's first line, so
//   that a return giving each 乡镇's rows together needs 1 or 2 bytes), in the narrowest
//   array that holds it as a numerator is; its flags (1 byte), the decimals its value was written with
//   (1 byte, kept only once one is not 0), and its source (the return it came from: one for
//   the block, 2 bytes each only once a second one appears).
//
// 5 to 14 bytes a cell of a rate with numerator and denominator, against 32 for three
// Float64 numbers, a line, a source, flags and decimals.

/** What a column entry says besides its numbers. */
export const CELL_PRESENT = 1;
/** Reported missing: the value is null. */
export const CELL_NULL = 2;
/** It has a numerator and a denominator. */
export const CELL_RATIO = 4;
/** Its value cell was written (not computed from the ratio). */
export const CELL_VALUE_GIVEN = 8;
// How the value is kept (internal): given back by the ratio, perhaps one up or down in the last digit.
const IMPLIED = 16;
const UP = 32;
const DOWN = 64;
const PUBLIC_FLAGS = CELL_PRESENT | CELL_NULL | CELL_RATIO | CELL_VALUE_GIVEN;

/** 10^d, exact as a double for d ≤ 22. */
const POW10 = Array.from({ length: 23 }, (_, d) => 10 ** d);
const INT32_MAX = 2 ** 31 - 1;

type Numbers = Uint8Array | Uint16Array | Int32Array | Float64Array;

/** Object.is for numbers: the same double, 0 and −0 apart, NaN itself. */
const same = (a: number, b: number): boolean => (a === b ? a !== 0 || 1 / a === 1 / b : a !== a && b !== b);

const fitsUint8 = (x: number): boolean => Number.isInteger(x) && x >= 0 && x <= 0xff && !Object.is(x, -0);

const fitsUint16 = (x: number): boolean => Number.isInteger(x) && x >= 0 && x <= 0xffff && !Object.is(x, -0);

const fitsInt32 = (x: number): boolean => Number.isInteger(x) && x >= -INT32_MAX && x <= INT32_MAX && !Object.is(x, -0);

function widen<T extends Numbers | Uint8Array | Uint16Array>(a: T, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}

export class Columns {
  flags: Uint8Array;
  /** Decimals the value was written with, to quote it back as written; none kept while every one is 0. */
  private decimals: Uint8Array | undefined;
  /** The line of each entry's row, as the store gives it. */
  private lines: Numbers | undefined;
  private sources: Uint16Array | undefined;
  private source = -1;
  /** Values not given back by their ratio: mantissas while `mantissas`, else the values. */
  private values: Numbers | undefined;
  private mantissas = true;
  private numerators: Numbers | undefined;
  private denominators: Numbers | undefined;
  private scratch: Float64Array | undefined;

  /** `scale`: the indicator's unit per whole (100 for %), which turns a ratio into its value. */
  constructor(
    capacity: number,
    readonly scale: number,
  ) {
    this.flags = new Uint8Array(capacity);
  }

  get capacity(): number {
    return this.flags.length;
  }

  /** Room for n regions. */
  grow(n: number): void {
    this.flags = widen(this.flags, n);
    if (this.decimals) this.decimals = widen(this.decimals, n);
    if (this.lines) this.lines = widen(this.lines, n);
    if (this.sources) this.sources = widen(this.sources, n);
    if (this.values) this.values = widen(this.values, n);
    if (this.numerators) this.numerators = widen(this.numerators, n);
    if (this.denominators) this.denominators = widen(this.denominators, n);
  }

  /**
   * Stores an entry. `flags`: CELL_RATIO and CELL_VALUE_GIVEN as they apply; a null value
   * is reported missing. Numerator and denominator count only with CELL_RATIO.
   */
  set(r: number, flags: number, value: number | null, numerator: number, denominator: number, decimals: number, source: number, line: number): void {
    const numbers = (this.scratch ??= new Float64Array(3));
    numbers[0] = value ?? 0;
    numbers[1] = numerator;
    numbers[2] = denominator;
    this.setNumbers(r, value === null ? flags | CELL_NULL : flags, numbers, decimals, source, line);
  }

  /**
   * set() with the numbers in an array, [value, numerator, denominator], and CELL_NULL in
   * `flags` for a value reported missing: a reader of millions of rows passes its numbers
   * in one array it reuses, where numbers passed one by one would each be a new object.
   */
  setNumbers(r: number, flags: number, numbers: Float64Array, decimals: number, source: number, line: number): void {
    // Numbers stay in locals and typed arrays: a double passed to a call or kept beside null
    // would be boxed, an object per row.
    const f = (flags & (CELL_RATIO | CELL_VALUE_GIVEN)) | CELL_PRESENT;
    if (decimals !== 0 || this.decimals) (this.decimals ??= new Uint8Array(this.capacity))[r] = decimals;
    this.lines = this.put(this.lines, r, line);
    this.setSource(r, source);
    if (f & CELL_RATIO) {
      this.numerators = this.put(this.numerators, r, numbers[1]!);
      this.denominators = this.put(this.denominators, r, numbers[2]!);
    }
    if (flags & CELL_NULL) {
      this.flags[r] = f | CELL_NULL;
      return;
    }
    const value = numbers[0]!;
    if (f & CELL_RATIO) {
      // Read back from the stored numbers, as value() will.
      const q = (this.numerators![r]! / this.denominators![r]!) * this.scale;
      if (!(f & CELL_VALUE_GIVEN)) {
        if (same(q, value)) {
          this.flags[r] = f | IMPLIED;
          return;
        }
      } else if (decimals < POW10.length) {
        const p = POW10[decimals]!;
        const m = Math.round(q * p);
        const bits = same(m / p, value) ? IMPLIED : same((m + 1) / p, value) ? IMPLIED | UP : same((m - 1) / p, value) ? IMPLIED | DOWN : 0;
        if (bits) {
          this.flags[r] = f | bits;
          return;
        }
      }
    }
    this.flags[r] = f;
    this.storeValue(r, numbers, decimals);
  }

  /** The value of a present entry that is not null. */
  value(r: number): number {
    const f = this.flags[r]!;
    if (f & IMPLIED) {
      const q = (this.numerators![r]! / this.denominators![r]!) * this.scale;
      if (!(f & CELL_VALUE_GIVEN)) return q;
      const d = this.decimalsOf(r);
      return (Math.round(q * POW10[d]!) + (f & UP ? 1 : f & DOWN ? -1 : 0)) / POW10[d]!;
    }
    const v = this.values![r]!;
    return this.mantissas ? v / POW10[this.decimalsOf(r)]! : v;
  }

  /** The decimals an entry's value was written with. */
  decimalsOf(r: number): number {
    return this.decimals ? this.decimals[r]! : 0;
  }

  /** The line of an entry's row, as it was given. */
  lineOf(r: number): number {
    return this.lines![r]!;
  }

  /** Numerator and denominator of an entry with CELL_RATIO. */
  numerator(r: number): number {
    return this.numerators![r]!;
  }

  denominator(r: number): number {
    return this.denominators![r]!;
  }

  /** The entry's CELL_* flags (0: no entry). */
  flagsOf(r: number): number {
    return this.flags[r]! & PUBLIC_FLAGS;
  }

  sourceOf(r: number): number {
    return this.sources ? this.sources[r]! : this.source;
  }

  private setSource(r: number, source: number): void {
    if (this.source === -1) this.source = source;
    if (!this.sources && source !== this.source) {
      this.sources = new Uint16Array(this.capacity).fill(this.source);
    }
    if (this.sources) this.sources[r] = source;
  }

  /**
   * x into the narrowest array that holds it and what the block holds already: small
   * counts in Uint8 (below 256) or Uint16 (below 65,536: a 乡镇's children), other integers in
   * Int32, else doubles.
   */
  private put(a: Numbers | undefined, r: number, x: number): Numbers {
    let out = a ?? new Uint8Array(this.capacity);
    if (out instanceof Uint8Array && !fitsUint8(x)) out = fitsUint16(x) ? Uint16Array.from(out) : fitsInt32(x) ? Int32Array.from(out) : Float64Array.from(out);
    else if (out instanceof Uint16Array && !fitsUint16(x)) out = fitsInt32(x) ? Int32Array.from(out) : Float64Array.from(out);
    else if (out instanceof Int32Array && !fitsInt32(x)) out = Float64Array.from(out);
    out[r] = x;
    return out;
  }

  /** numbers[0], the value, into the values kept. */
  private storeValue(r: number, numbers: Float64Array, decimals: number): void {
    const value = numbers[0]!;
    if (this.mantissas) {
      const m = decimals < POW10.length ? Math.round(value * POW10[decimals]!) : NaN;
      if (fitsInt32(m) && same(m / POW10[decimals]!, value)) {
        (this.values ??= new Int32Array(this.capacity))[r] = m;
        return;
      }
      // From here on the block keeps values as they are.
      const values = new Float64Array(this.capacity);
      if (this.values) {
        for (let i = 0; i < this.capacity; i++) {
          if (this.flags[i]! & CELL_PRESENT && !(this.flags[i]! & (IMPLIED | CELL_NULL)) && i !== r) values[i] = this.values[i]! / POW10[this.decimalsOf(i)]!;
        }
      }
      this.values = values;
      this.mantissas = false;
    }
    this.values![r] = value;
  }

  /** Bytes held, for the benchmark's account of memory. */
  get bytes(): number {
    const of = (a: { byteLength: number } | undefined) => a?.byteLength ?? 0;
    return of(this.flags) + of(this.decimals) + of(this.lines) + of(this.sources) + of(this.values) + of(this.numerators) + of(this.denominators);
  }
}
