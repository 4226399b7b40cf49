// Big5 read as GBK (src/ingest/decode-big5.ts): which cells are said, and which are not.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { Big5Cells, mayHoldBig5 } from '../../src/ingest/decode-big5.js';

/** GBK text as decode.ts would give it for bytes. */
const gbk = (bytes: number[]) => new TextDecoder('gb18030').decode(Uint8Array.from(bytes));
const BIG5_HAILING = [0xae, 0xfc, 0xb3, 0xae, 0xb0, 0xcf]; // 海陵區 in Big5

function found(rows: string[][], note?: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  new Big5Cells({ file: 'r.csv' }, out, (i) => i === note).check(rows.map((texts, i) => ({ line: i + 1, texts })));
  return out;
}

describe('Big5 text read as GBK', () => {
  it('a Big5 cell is found with both readings; in the note column a warning, elsewhere an error', () => {
    const text = gbk(BIG5_HAILING);
    expect(mayHoldBig5(text)).toBe(true);
    const [d] = found([['a', 'b'], ['x', text]]);
    expect(d).toMatchObject({ severity: 'error', code: 'data/big5-text', line: 2, column: 2, params: { big5: '海陵區', count: 1, lines: '2' } });
    expect(found([['a', 'b'], ['x', text]], 1)[0]).toMatchObject({ severity: 'warning' });
  });

  it('GBK text with a Greek letter or a unit sign is no Big5 (the control)', () => {
    for (const text of ['新生儿死亡率', 'PM2.5 35μg/m³', '海陵区（α 组）', '第一季度']) {
      expect(found([[text]])).toEqual([]);
    }
  });

  it('a private-use character that is not Big5 is said as such', () => {
    // 0xAA 0xA1 is GBK's user-defined area (U+E000); Big5 has nothing at 0xAA 0xA1 followed by 0xFF.
    const d = found([[`${gbk([0xaa, 0xa1])}\uFFFF`]]);
    expect(d.map((x) => x.code)).toEqual(['data/private-use-text']);
    expect(String(d[0]!.params.gbk)).toContain('\\ue000');
  });

  it('counts a column\'s cells in one finding and lists their lines (at most ten)', () => {
    const rows = [['h'], ...Array.from({ length: 12 }, () => [gbk(BIG5_HAILING)])];
    const d = found(rows);
    expect(d).toHaveLength(1);
    expect(d[0]!.params).toMatchObject({ count: 12, lines: '2、3、4、5、6、7、8、9、10、11' });
  });
});
