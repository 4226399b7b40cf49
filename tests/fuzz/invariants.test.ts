// Properties of the verdicts, through the programmatic API (readReturns → evaluate) on
// small plans built in code and returns generated as CSV:
// - improving a value (in the indicator's good direction) never turns `met` into anything else;
// - the order of the rows never changes a verdict;
// - splitting a return into two files never changes a verdict;
// - a region derived from its sub-regions (or a total from its 男/女 parts) is Σ numerator / Σ denominator.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, indexes, readReturns, type Evaluation, type Result } from '../../src/index.js';
import type { Plan } from '../../src/plan/model.js';
import {
  CITY, csvOf, districts, fuzzIndicator, fuzzPlan, params, planAndRows, ratio, rowLine, HEADER, timeoutFor, type Row, talliesOfFile,
} from './arbitraries.js';

const tally = talliesOfFile();

function run(plan: Plan, files: Array<{ file: string; text: string }>, year?: number): Evaluation {
  const { indicators, regions } = indexes(plan, []);
  const read = readReturns(files.map((f) => ({ file: f.file, bytes: Buffer.from(f.text, 'utf8') })), { plan, indicators, regions });
  return evaluate(plan, regions, read.observations, year !== undefined ? { year } : {}, read.diagnostics);
}

const key = (r: Result) => `${r.id}|${r.region.code}|${r.year}`;

/** What a verdict is, for comparing two runs: never the rows' line numbers. */
function verdict(r: Result) {
  return {
    status: r.status,
    // A conflict keeps the first row's value on display; which row is first is no part of the verdict.
    value: r.status === 'invalid' ? undefined : r.value,
    gap: r.status === 'invalid' ? undefined : r.gap,
    threshold: r.threshold,
    derived: r.derived,
    notes: [...r.notes].sort(),
    failing: r.failingUnits?.map((u) => u.code).sort(),
  };
}

function verdicts(e: Evaluation): Record<string, ReturnType<typeof verdict>> {
  return Object.fromEntries(e.results.map((r) => [key(r), verdict(r)]));
}

function errorCodes(e: Evaluation): string[] {
  return [...new Set(e.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code))].sort();
}

/** Rows plus some repeats (same value: a harmless duplicate) and conflicts (another value). */
const withRepeats = planAndRows.chain(({ plan, rows }) =>
  fc
    .array(fc.record({ i: fc.nat(), conflict: fc.boolean() }), { maxLength: 3 })
    .map((picks) => {
      const extra = picks.map(({ i, conflict }) => {
        const r = rows[i % rows.length]!;
        if (!conflict) return { ...r };
        // A ratio one up on both sides: for large numbers a value that differs only in the 8th digit,
        // still another row, not a repeat.
        return r.value !== undefined ? { ...r, value: r.value + 1 } : { ...r, numerator: (r.numerator ?? 0) + 1, denominator: (r.denominator ?? 1) + 1 };
      });
      return { plan, rows: [...rows, ...extra] };
    }),
);

describe('invariants (readReturns → evaluate)', () => {
  it(
    'improving a value in the indicator’s good direction never turns met into anything else, nor widens a gap',
    () => {
      const t = tally('invariant: improving a value');
      fc.assert(
        fc.property(planAndRows, fc.nat(), fc.integer({ min: 1, max: 50_000 }), ({ plan, rows }, pick, step) => {
          t.exit('n/a');
          // Only rows of the year evaluated: improving a baseline-year value moves the line of a change target.
          const year = Math.max(...rows.map((r) => r.year));
          const candidates = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.year === year);
          const { r, i } = candidates[pick % candidates.length]!;
          const direction = plan.indicators.find((ind) => ind.name === r.indicator)!.direction;
          const better: Row = { ...r };
          if (r.value !== undefined) {
            better.value = direction === 'higher' ? r.value + step / 1000 : Math.max(0, r.value - step / 1000);
          } else {
            const den = r.denominator!;
            const num = r.numerator!;
            better.numerator = direction === 'higher' ? Math.min(den, num + step) : Math.max(0, num - step);
          }
          const improved = rows.map((row, j) => (j === i ? better : row));
          const before = run(plan, [{ file: 'r.csv', text: csvOf(rows) }], year);
          const after = verdicts(run(plan, [{ file: 'r.csv', text: csvOf(improved) }], year));
          for (const res of before.results) {
            const now = after[key(res)];
            expect(now, key(res)).toBeDefined();
            if (res.status === 'met') expect(now!.status, `${key(res)} was met; ${rowLine(r)} → ${rowLine(better)}`).toBe('met');
            if (typeof res.gap === 'number' && typeof now!.gap === 'number' && now!.threshold === res.threshold) {
              expect(now!.gap, `gap of ${key(res)}; ${rowLine(r)} → ${rowLine(better)}`).toBeLessThanOrEqual(res.gap + 1e-9);
            }
          }
        }),
        params(2),
      );
    },
    timeoutFor(2, 3),
  );

  it(
    'the order of the rows never changes a verdict (nor which errors are found)',
    () => {
      const t = tally('invariant: row order');
      fc.assert(
        fc.property(
          withRepeats.chain(({ plan, rows }) => fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }).map((shuffled) => ({ plan, rows, shuffled }))),
          ({ plan, rows, shuffled }) => {
            t.exit('n/a');
            const a = run(plan, [{ file: 'r.csv', text: csvOf(rows) }]);
            const b = run(plan, [{ file: 'r.csv', text: csvOf(shuffled) }]);
            expect(verdicts(b)).toEqual(verdicts(a));
            expect(errorCodes(b)).toEqual(errorCodes(a));
          },
        ),
        params(2),
      );
    },
    timeoutFor(2, 3),
  );

  it(
    'splitting a return into two files never changes a verdict',
    () => {
      const t = tally('invariant: split into two files');
      fc.assert(
        fc.property(
          withRepeats.chain(({ plan, rows }) => fc.array(fc.boolean(), { minLength: rows.length, maxLength: rows.length }).map((side) => ({ plan, rows, side }))),
          fc.boolean(),
          ({ plan, rows, side }, tabInSecond) => {
            t.exit('n/a');
            const one = rows.filter((_, i) => side[i]);
            const two = rows.filter((_, i) => !side[i]);
            // The second file as Excel's "Unicode 文本" would be: tab-separated, with its own header.
            const second = tabInSecond
              ? `${[HEADER.join('\t'), ...two.map((r) => rowLine(r).replace(/,/g, '\t'))].join('\n')}\n`
              : csvOf(two);
            const whole = run(plan, [{ file: 'all.csv', text: csvOf(rows) }]);
            const split = run(plan, [
              { file: 'part-1.csv', text: csvOf(one) },
              { file: 'part-2.csv', text: second },
            ]);
            expect(verdicts(split)).toEqual(verdicts(whole));
            expect(errorCodes(split)).toEqual(errorCodes(whole));
          },
        ),
        params(2),
      );
    },
    timeoutFor(2, 3),
  );

  it(
    'a city without its own row is Σ numerator / Σ denominator of its districts, marked derived — never the mean of the rates',
    () => {
      const t = tally('invariant: derived = Σ/Σ (regions)');
      fc.assert(
        fc.property(
          fc.integer({ min: 2, max: 6 }).chain((n) => fc.tuple(fc.constant(n), fc.array(ratio, { minLength: n, maxLength: n }))),
          fc.constantFrom(100, 1000, 100_000),
          ([n, ratios], scale) => {
            t.exit('n/a');
            const plan = fuzzPlan([fuzzIndicator({ id: 'r', name: 'Rate', scale, unit: scale === 100 ? '%' : scale === 1000 ? '‰' : '1/10万', target: { kind: 'at-least', value: 0 } })], n);
            const rows = districts(n).map((d, i): Row => ({ indicator: 'Rate', region: d.code, year: 2023, ...ratios[i]! }));
            const e = run(plan, [{ file: 'r.csv', text: csvOf(rows) }], 2023);
            const city = e.results.find((r) => r.region.code === CITY.code);
            expect(city, 'the city is derived and evaluated').toBeDefined();
            const num = ratios.reduce((s, x) => s + x.numerator, 0);
            const den = ratios.reduce((s, x) => s + x.denominator, 0);
            expect(city!.derived).toBe(true);
            expect(city!.value as number).toBeCloseTo((num / den) * scale, 9);
          },
        ),
        params(1),
      );
    },
    timeoutFor(1, 2),
  );

  it(
    'a total without its own row is Σ/Σ of its 男 and 女 rows; a count is Σ of its districts',
    () => {
      const t = tally('invariant: derived = Σ/Σ (parts, counts)');
      fc.assert(
        fc.property(ratio, ratio, fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 2, maxLength: 6 }), (male, female, counts) => {
          t.exit('n/a');
          const n = counts.length;
          const plan = fuzzPlan(
            [
              fuzzIndicator({ id: 'r', name: 'Rate', target: { kind: 'at-least', value: 0 } }),
              fuzzIndicator({ id: 'c', name: 'Count', unit: '所', scale: undefined, measure: 'count', target: { kind: 'at-least', value: 0 } }),
            ],
            n,
          );
          const rows: Row[] = [
            { indicator: 'Rate', region: CITY.name, year: 2023, sex: '男', ...male },
            { indicator: 'Rate', region: CITY.name, year: 2023, sex: '女', ...female },
            ...districts(n).map((d, i): Row => ({ indicator: 'Count', region: d.name, year: 2023, value: counts[i]! })),
          ];
          const e = run(plan, [{ file: 'r.csv', text: csvOf(rows) }], 2023);
          const rate = e.results.find((r) => r.id === 'r' && r.region.code === CITY.code)!;
          expect(rate.derived).toBe(true);
          expect(rate.value as number).toBeCloseTo(((male.numerator + female.numerator) / (male.denominator + female.denominator)) * 100, 9);
          const count = e.results.find((r) => r.id === 'c' && r.region.code === CITY.code)!;
          expect(count.derived).toBe(true);
          expect(count.value).toBe(counts.reduce((s, x) => s + x, 0));
        }),
        params(1),
      );
    },
    timeoutFor(1, 2),
  );

  it('the generators reach every status and both ways of giving a value (a property that only sees `met` proves little)', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(planAndRows, ({ plan, rows }) => {
        for (const r of run(plan, [{ file: 'r.csv', text: csvOf(rows) }]).results) seen.add(r.status);
        for (const r of rows) seen.add(r.value !== undefined ? 'by value' : 'by ratio');
      }),
      { seed: 1, numRuns: 300 },
    );
    expect([...seen].sort()).toEqual(expect.arrayContaining(['by ratio', 'by value', 'met', 'no-data', 'not-met']));
  });

  it('regression: an every-unit result does not present its region’s own conflicting value (which would depend on row order)', () => {
    // Fuzzton's own rows conflict (10 vs 11); its districts meet ≥ 5 each. The result for
    // Fuzzton judges the districts and must not present either conflicting figure as its value.
    const plan = fuzzPlan([fuzzIndicator({ id: 'u', name: 'Unit rate', target: { kind: 'every-unit', level: 'district', target: { kind: 'at-least', value: 5 } } })], 2);
    const rows: Row[] = [
      { indicator: 'Unit rate', region: 'Fuzzton', year: 2023, value: 10 },
      { indicator: 'Unit rate', region: 'Fuzzton', year: 2023, value: 11 },
      { indicator: 'Unit rate', region: 'District A', year: 2023, value: 50 },
      { indicator: 'Unit rate', region: 'District B', year: 2023, value: 60 },
    ];
    const city = (rs: Row[]) => run(plan, [{ file: 'r.csv', text: csvOf(rs) }], 2023).results.find((r) => r.region.code === CITY.code)!;
    const a = city(rows);
    const b = city([rows[1]!, rows[0]!, rows[2]!, rows[3]!]);
    expect(a.value).toBe(b.value);
    expect(a.value).toBeNull();
  });

  it('regression: two rows for one cell with different numerators and denominators (99990/99994 vs 99991/99995, values 4e-8 apart) are a conflict, not a duplicate, whatever their order', () => {
    const plan = fuzzPlan([fuzzIndicator({ id: 'r', name: 'Rate', target: { kind: 'at-least', value: 99.995998 } })], 2);
    const a: Row = { indicator: 'Rate', region: 'Fuzzton', year: 2023, numerator: 99_990, denominator: 99_994 };
    const b: Row = { indicator: 'Rate', region: 'Fuzzton', year: 2023, numerator: 99_991, denominator: 99_995 };
    const city = (rows: Row[]) => run(plan, [{ file: 'r.csv', text: csvOf(rows) }], 2023);
    const ab = city([a, b]);
    const ba = city([b, a]);
    // Two different rows for one cell are a conflict: an error, and an invalid verdict, whatever the order.
    expect(ab.diagnostics.map((d) => d.code)).toContain('data/conflict');
    expect(ab.results[0]!.status).toBe('invalid');
    expect(ba.results[0]!.status).toBe('invalid');
  });
});
