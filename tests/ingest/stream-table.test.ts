// streamTable (src/ingest/table.ts) reads a table's rows one by one, none kept, for a long
// file read once (a regions file of 74,000 乡镇): the same header, rows, lines and findings as
// readTable, for any text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTable, streamTable } from '../../src/ingest/table.js';

const whole = (text: string) => {
  const r = readTable(text, 'r.csv');
  return r.table ? { header: r.table.header, headerLine: r.table.headerLine, delimiter: r.table.delimiter, rows: r.table.rows, diagnostics: r.diagnostics } : { diagnostics: r.diagnostics };
};
const streamed = (text: string) => {
  const r = streamTable(text, 'r.csv');
  return r.table ? { header: r.table.header, headerLine: r.table.headerLine, delimiter: r.table.delimiter, rows: [...r.table.rows], diagnostics: r.diagnostics } : { diagnostics: r.diagnostics };
};

describe('streamTable', () => {
  it('gives readTable’s header, rows, lines and findings (property)', () => {
    const cell = fc.constantFrom('', ' ', '321202', '城东街道', 'a b', '"q"', '"a,b"', '\t');
    const line = fc.tuple(fc.array(cell, { minLength: 0, maxLength: 4 }), fc.constantFrom(',', '\t')).map(([cells, delimiter]) => cells.join(delimiter));
    const end = fc.constantFrom('\n', '\r\n', '\r');
    const text = fc.tuple(fc.boolean(), fc.array(fc.tuple(line, end), { maxLength: 8 })).map(([bom, lines]) => (bom ? '\uFEFF' : '') + lines.map(([l, e]) => l + e).join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(streamed(t)).toEqual(whole(t));
      }),
      { numRuns: 500 },
    );
  });

  it('reads rows as they are asked for: a file of many rows is one pass', () => {
    const text = `code,name,parent\n${Array.from({ length: 1000 }, (_, i) => `32120200${i},镇${i},321202`).join('\n')}\n`;
    const r = streamTable(text, 'r.csv');
    const lines: number[] = [];
    for (const row of r.table!.rows) lines.push(row.line);
    expect(lines).toEqual(Array.from({ length: 1000 }, (_, i) => i + 2));
    // Read once: the rows are not kept for a second pass.
    expect([...r.table!.rows]).toEqual([]);
  });
});
