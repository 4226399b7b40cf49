// The JSON report is written in pieces (src/format/json.ts): the pieces must make exactly the
// text JSON.stringify(record, significantNumbers, 2) would, whatever the record holds (numbers
// to 12 significant digits, issue 20 §9: corrected from JSON.stringify(record, null, 2)).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatJson, formatJsonPieces } from '../../src/format/json.js';
import * as records from '../../src/format/records.js';
import { JsonList, jsonTextPieces } from '../../src/text/json-pieces.js';
import { vi } from 'vitest';
import { significantNumbers } from '../../src/text/significant.js';

describe('formatJsonPieces', () => {
  it('joins to JSON.stringify(record, significantNumbers, 2) plus a newline, for any JSON-like record', () => {
    const member = fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.constant(() => 1), fc.date({ noInvalidDate: true }));
    const record = fc.dictionary(fc.string(), fc.oneof(member, fc.array(member), fc.dictionary(fc.string(), fc.oneof(member, fc.array(fc.dictionary(fc.string(), member))))));
    fc.assert(
      fc.property(record, (r) => {
        const spy = vi.spyOn(records, 'evaluationRecord').mockReturnValue(r as never);
        try {
          const pieces = [...formatJsonPieces({} as never, {} as never)];
          expect(pieces.join('')).toBe(`${JSON.stringify(r, significantNumbers, 2)}\n`);
          expect(formatJson({} as never, {} as never)).toBe(`${JSON.stringify(r, significantNumbers, 2)}\n`);
        } finally {
          spy.mockRestore();
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('jsonTextPieces with a JsonList', () => {
  it('a number is written to 12 significant digits: 41 / 10000 × 1000 is 4.1', () => {
    expect([...jsonTextPieces({ v: (41 / 10000) * 1000, w: [0.1 + 0.2], n: -0 })].join('')).toBe('{\n  "v": 4.1,\n  "w": [\n    0.3\n  ],\n  "n": 0\n}\n');
  });

  it('writes the list as JSON.stringify writes the array of its members', () => {
    const record = fc.dictionary(fc.string(), fc.oneof(fc.jsonValue(), fc.array(fc.jsonValue())));
    fc.assert(
      fc.property(record, fc.array(fc.oneof(fc.jsonValue(), fc.constant(undefined))), fc.nat(3), (r, members, depth) => {
        // The list at the top, as a member, or deeper than the depth written member by member.
        let lazy: unknown = new JsonList(() => members);
        let plain: unknown = members;
        for (let d = 0; d < depth; d++) [lazy, plain] = [{ ...r, list: lazy }, { ...r, list: plain }];
        expect([...jsonTextPieces(lazy)].join('')).toBe(`${JSON.stringify(plain, significantNumbers, 2)}\n`);
      }),
      { numRuns: 300 },
    );
  });

  it('makes its members as they are written: the first piece is out before most of a long list is made', () => {
    let made = 0;
    const list = new JsonList(function* () {
      for (let i = 0; i < 100_000; i++) {
        made++;
        yield { indicator: 'immunization-rate', region: `321282${String(i).padStart(6, '0')}`, year: 2025, part: null, state: 'given' };
      }
    });
    const pieces = jsonTextPieces({ completeness: { cells: list } });
    expect(pieces.next().value!.length).toBeGreaterThanOrEqual(64 * 1024);
    expect(made).toBeLessThan(1_000);
    let rest = 0;
    for (const p of pieces) rest += p.length;
    expect(made).toBe(100_000);
    expect(rest).toBeGreaterThan(10_000_000);
  });
});
