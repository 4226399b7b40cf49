import { describe, expect, it } from 'vitest';
import { decode } from '../../src/ingest/decode.js';
import { detectDelimiter, readTable } from '../../src/ingest/table.js';
import { fixture } from './test-plan.js';

function tableOf(name: string) {
  const { bytes, file } = fixture(name);
  const decoded = decode(bytes, file);
  if (decoded.text === undefined) throw new Error(`cannot decode ${name}`);
  return readTable(decoded.text, file);
}

describe('readTable', () => {
  it('reads a tab-delimited file and keeps a comma inside a cell', () => {
    const { table, diagnostics } = tableOf('tab.tsv');
    expect(diagnostics).toEqual([]);
    expect(table?.delimiter).toBe('\t');
    expect(table?.rows).toEqual([{ line: 2, cells: ['新生儿死亡率', '海陵', '2023', '1.8', '含流动人口, 按户籍统计'] }]);
  });

  it('reads Excel "Unicode 文本" (UTF-16LE, tabs, CRLF)', () => {
    const { table } = tableOf('utf16le.txt');
    expect(table?.delimiter).toBe('\t');
    expect(table?.header).toEqual(['指标', '地区', '年份', '数值']);
    expect(table?.rows.map((r) => r.line)).toEqual([2, 3]);
  });

  it('reads CRLF line ends and gives a row after a two-line quoted cell its own line', () => {
    const { table } = tableOf('crlf.csv');
    expect(table?.rows).toEqual([
      { line: 2, cells: ['neonatal-mortality', '321202', '2023', '1.8', 'two\nline note'] },
      { line: 4, cells: ['special-schools', '321203', '2023', '2', ''] },
    ]);
  });

  it('counts lines past blank lines and rows of empty cells', () => {
    const { table } = readTable('a,b\n\n1,2\n,,\n3,4\n', 'x.csv');
    expect(table?.rows).toEqual([
      { line: 3, cells: ['1', '2'] },
      { line: 5, cells: ['3', '4'] },
    ]);
  });

  it('reports an unclosed quote where it opens, keeping the rows before it', () => {
    const { table, diagnostics } = tableOf('unclosed-quote.csv');
    expect(table?.rows.map((r) => r.line)).toEqual([2]);
    expect(diagnostics).toEqual([
      { severity: 'error', code: 'data/unclosed-quote', params: { endLine: 4 }, file: 'unclosed-quote.csv', line: 3, column: 2 },
    ]);
  });

  it('reports an empty file at line 1', () => {
    expect(readTable('\n\n', 'empty.csv').diagnostics.map((d) => [d.code, d.line])).toEqual([['data/empty-file', 1]]);
  });
});

describe('detectDelimiter', () => {
  it('takes a tab only when the header has no comma outside quotes', () => {
    expect(detectDelimiter('a\tb\n')).toBe('\t');
    expect(detectDelimiter('a,b\tc\n')).toBe(',');
    expect(detectDelimiter('"a,b"\tc\n')).toBe('\t');
    expect(detectDelimiter('\n\na\tb\n')).toBe('\t');
  });

  it('reads the first line that is not blank, and only that one', () => {
    expect(detectDelimiter(' \t \n\na\tb\nc,d\n')).toBe('\t');
    expect(detectDelimiter('\t\n   \na,b\nc\td')).toBe(',');
    expect(detectDelimiter('a\tb')).toBe('\t');
    expect(detectDelimiter('')).toBe(',');
    expect(detectDelimiter('\n \n')).toBe(',');
  });
});
