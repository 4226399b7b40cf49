// The JSON report is written in pieces (src/format/json.ts): the pieces must make exactly the
// text JSON.stringify(record, null, 2) would, whatever the record holds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatJson, formatJsonPieces } from '../../src/format/json.js';
import * as records from '../../src/format/records.js';
import { vi } from 'vitest';

describe('formatJsonPieces', () => {
  it('joins to JSON.stringify(record, null, 2) plus a newline, for any JSON-like record', () => {
    const member = fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.constant(() => 1), fc.date({ noInvalidDate: true }));
    const record = fc.dictionary(fc.string(), fc.oneof(member, fc.array(member), fc.dictionary(fc.string(), fc.oneof(member, fc.array(fc.dictionary(fc.string(), member))))));
    fc.assert(
      fc.property(record, (r) => {
        const spy = vi.spyOn(records, 'evaluationRecord').mockReturnValue(r as never);
        try {
          const pieces = [...formatJsonPieces({} as never, {} as never)];
          expect(pieces.join('')).toBe(`${JSON.stringify(r, null, 2)}\n`);
          expect(formatJson({} as never, {} as never)).toBe(`${JSON.stringify(r, null, 2)}\n`);
        } finally {
          spy.mockRestore();
        }
      }),
      { numRuns: 300 },
    );
  });
});
