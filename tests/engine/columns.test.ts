// Column entries (src/model/columns.ts) keep each number in as few bytes as it allows:
// whatever the numbers, every one must come back as the same double.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CELL_NULL, CELL_PRESENT, CELL_RATIO, CELL_VALUE_GIVEN, Columns } from '../../src/model/columns.js';

interface Entry {
  value: number | null;
  numerator: number;
  denominator: number;
  decimals: number;
  ratio: boolean;
  given: boolean;
  source: number;
  line: number;
}

/** A value as a return writes it: digits with `decimals` decimals, read as Number() reads them. */
const written = (digits: number, decimals: number) => Number((digits / 10 ** decimals).toFixed(decimals));

const entry = (scale: number): fc.Arbitrary<Entry> =>
  fc
    .record({
      numerator: fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.double({ min: 0, max: 1e12, noNaN: true }), fc.constant(2 ** 31), fc.constant(2 ** 31 - 1)),
      denominator: fc.oneof(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 1e-3, max: 1e12, noNaN: true }), fc.constant(2 ** 40)),
      decimals: fc.integer({ min: 0, max: 17 }),
      digits: fc.oneof(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 0, max: 2 ** 31 + 5 })),
      shape: fc.constantFrom('ratio only', 'ratio and its value', 'ratio and another value', 'value only', 'missing'),
      nudge: fc.constantFrom(-1, 0, 1),
      source: fc.constantFrom(0, 0, 0, 1, 2),
      line: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    })
    .map(({ numerator, denominator, decimals, digits, shape, nudge, source, line }) => {
      const ratio = shape.startsWith('ratio');
      const given = shape !== 'ratio only';
      const rounded = Math.round(((numerator / denominator) * scale) * 10 ** Math.min(decimals, 15)) + nudge;
      const value =
        shape === 'missing' ? null
        : shape === 'ratio only' ? (numerator / denominator) * scale
        : shape === 'ratio and its value' ? written(rounded, Math.min(decimals, 15))
        : written(digits, decimals);
      return { value, numerator, denominator, decimals: shape === 'ratio and its value' ? Math.min(decimals, 15) : decimals, ratio, given, source, line };
    });

function store(c: Columns, entries: Entry[]): void {
  entries.forEach((e, r) => c.set(r, (e.ratio ? CELL_RATIO : 0) | (e.given ? CELL_VALUE_GIVEN : 0), e.value, e.numerator, e.denominator, e.decimals, e.source, e.line));
}

function readBack(c: Columns, entries: Entry[]) {
  return entries.map((e, r) => ({
    value: c.flagsOf(r) & CELL_NULL ? null : c.value(r),
    numerator: e.ratio ? c.numerator(r) : e.numerator,
    denominator: e.ratio ? c.denominator(r) : e.denominator,
    decimals: c.decimalsOf(r),
    ratio: (c.flagsOf(r) & CELL_RATIO) !== 0,
    given: (c.flagsOf(r) & CELL_VALUE_GIVEN) !== 0,
    source: c.sourceOf(r),
    line: c.lineOf(r),
  }));
}

describe('column entries', () => {
  it('give back every number as the same double, whatever mix a block holds (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(1, 100, 1000, 100000), fc.integer({ min: 1, max: 40 }), (scale, n) => {
        fc.assert(
          fc.property(fc.array(entry(scale), { minLength: n, maxLength: n }), (entries) => {
            const c = new Columns(entries.length, scale);
            store(c, entries);
            const back = readBack(c, entries);
            entries.forEach((e, r) => {
              expect(Object.is(back[r]!.value, e.value)).toBe(true);
              expect(Object.is(back[r]!.numerator, e.numerator)).toBe(true);
              expect(Object.is(back[r]!.denominator, e.denominator)).toBe(true);
            });
            expect(back).toEqual(entries);
          }),
          { numRuns: 5 },
        );
      }),
      { numRuns: 60 },
    );
  });

  // The layout changed on branch memory: lines (as the store gives them, a distance from the
  // region's first line) and numbers in 2 bytes while they fit, decimals only once one is not 0.
  it('keep a rate given with numerator and denominator in 8 bytes a cell, 12 once they pass 65,535, 14 with a line past it', () => {
    const n = 1000;
    const c = new Columns(n, 100);
    for (let r = 0; r < n; r++) {
      const numerator = 900 + (r % 97);
      const denominator = 1000 + (r % 13);
      c.set(r, CELL_RATIO | CELL_VALUE_GIVEN, Number((((numerator / denominator) * 100)).toFixed(2)), numerator, denominator, 2, 0, r + 2);
    }
    expect(c.bytes).toBe(8 * n);
    expect(c.value(5)).toBe(Number(((905 / 1005) * 100).toFixed(2)));
    expect(c.flagsOf(5)).toBe(CELL_PRESENT | CELL_RATIO | CELL_VALUE_GIVEN);
    // A city's denominator in the same block: its integers move to Int32, every one kept.
    c.set(0, CELL_RATIO, null, 65535, 65536, 0, 0, 2);
    expect(c.bytes).toBe(10 * n);
    c.set(1, CELL_RATIO, null, 65536, 70000, 0, 0, 3);
    expect(c.bytes).toBe(12 * n);
    // A line past 65,535: the block's lines move to Int32, every one kept.
    c.set(2, CELL_RATIO, null, 1, 2, 0, 0, 70000);
    expect(c.bytes).toBe(14 * n);
    expect([c.lineOf(1), c.lineOf(2), c.lineOf(999)]).toEqual([3, 70000, 1001]);
    expect([c.numerator(0), c.denominator(0), c.numerator(1), c.denominator(1), c.numerator(7), c.denominator(7)]).toEqual([65535, 65536, 65536, 70000, 907, 1007]);
  });

  it('keep small counts and near lines in a byte each: deaths per 乡镇, rows given together', () => {
    const n = 200;
    const c = new Columns(n, 1000);
    for (let r = 0; r < n; r++) c.set(r, CELL_RATIO, null, r % 4, 200 + r, 0, 0, r % 54);
    // flags 1, line 1, numerator 1, denominator 2 (200-399).
    expect(c.bytes).toBe(5 * n);
    c.set(0, CELL_RATIO, null, 256, 1000, 0, 0, 300);
    expect(c.bytes).toBe(7 * n);
    expect([c.numerator(0), c.numerator(5), c.lineOf(0), c.lineOf(55), c.denominator(7)]).toEqual([256, 1, 300, 1, 207]);
  });

  it('widen a block to doubles when a number does not fit, keeping what it held', () => {
    const c = new Columns(4, 100);
    c.set(0, CELL_VALUE_GIVEN, 96.03, 0, 0, 2, 0, 2);
    c.set(1, CELL_RATIO, (1 / 3) * 100, 1, 3, 0, 0, 3);
    c.set(2, CELL_VALUE_GIVEN, 1e300, 0, 0, 0, 1, 4);
    c.set(3, CELL_RATIO | CELL_VALUE_GIVEN, 50.5, 0.5, 0.99, 1, 0, 5);
    expect([c.value(0), c.value(1), c.value(2), c.value(3)]).toEqual([96.03, (1 / 3) * 100, 1e300, 50.5]);
    expect([c.numerator(3), c.denominator(3), c.numerator(1)]).toEqual([0.5, 0.99, 1]);
    expect([0, 1, 2, 3].map((r) => c.sourceOf(r))).toEqual([0, 0, 1, 0]);
  });

  it('grow and keep their entries', () => {
    const c = new Columns(2, 100);
    c.set(1, CELL_RATIO | CELL_VALUE_GIVEN, 50, 1, 2, 0, 3, 9);
    c.grow(10);
    c.set(9, CELL_VALUE_GIVEN, 7.25, 0, 0, 2, 3, 10);
    expect([c.capacity, c.value(1), c.value(9), c.lineOf(1), c.sourceOf(9), c.flagsOf(0)]).toEqual([10, 50, 7.25, 9, 3, 0]);
  });
});
