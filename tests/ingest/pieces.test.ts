// A large return is read in pieces (src/ingest/pieces.ts) and its ordinary rows go
// straight into the store's columns. Whatever the piece size, the result must be the
// one reading the file whole gives: the same cells, values, rows and messages.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readReturns, type ReturnsRead } from '../../src/ingest/read-returns.js';
import { lastRecordEnd, recordPieces } from '../../src/ingest/pieces.js';
import { FastRows } from '../../src/ingest/fast-rows.js';
import type { LayoutFound } from '../../src/ingest/layout.js';
import { CellBook } from '../../src/ingest/store.js';
import { bytesOf, realContext } from '../quality/real-plan.js';
import { reused } from './chunks.js';

const ctx = realContext(true);
const utf8 = (s: string) => new TextEncoder().encode(s);

/** The bytes in chunks of `chunk`, read in pieces of about `piece` bytes. */
function inPieces(file: string, bytes: Uint8Array, chunk: number, piece: number): ReturnsRead {
  return readReturns([{ file, chunks: reused(bytes, chunk) }], ctx, { pieceBytes: piece });
}

const whole = (file: string, bytes: Uint8Array) => readReturns([{ file, bytes }], ctx);

const seen = (r: ReturnsRead) => ({
  observations: r.observations.map((o) => [o.indicatorId, o.regionCode, o.year, o.sex, o.residence, o.value, o.numerator, o.denominator, o.invalid, o.notes, o.rows, o.at]),
  diagnostics: r.diagnostics.map((d) => `${d.severity} ${d.code} ${d.file}:${d.line}:${d.column}`),
  encodings: r.encodings,
});

describe('a return read in pieces reads as it does whole', () => {
  const sample = bytesOf('samples', 'taizhou-2020-2025.csv');
  const cases: Array<[string, Uint8Array]> = [
    ['the main sample (UTF-8 with BOM, CRLF, 备注, 城乡, aliases)', sample],
    ['the GBK sample (messy cells)', bytesOf('samples', 'taizhou-2025-gbk.csv')],
    ['quoted cells with commas and line ends', bytesOf('tests', 'fixtures', 'ingest', 'crlf.csv')],
    ['conflicting duplicates', bytesOf('tests', 'fixtures', 'ingest', 'conflict.csv')],
    ['several errors', bytesOf('tests', 'fixtures', 'ingest', 'several-errors.csv')],
    ['tab-separated', bytesOf('tests', 'fixtures', 'ingest', 'tab.tsv')],
  ];
  it.each(cases)('%s, in pieces of 1 KiB to 64 KiB', (_, bytes) => {
    const expected = seen(whole('r.csv', bytes));
    for (const [chunk, piece] of [[97, 1024], [4096, 4096], [65536, 65536]] as const) {
      const got = seen(inPieces('r.csv', bytes, chunk, piece));
      expect(got).toEqual(expected);
    }
  });

  it('chunks given as Buffers over reused memory (as an API caller may pass them) read the same', () => {
    const expected = seen(whole('r.csv', sample));
    function* asBuffers(chunks: Iterable<Uint8Array>): Generator<Uint8Array> {
      for (const b of chunks) yield Buffer.from(b.buffer, b.byteOffset, b.byteLength);
    }
    for (const [chunk, piece] of [[97, 1024], [4096, 4096]] as const) {
      expect(seen(readReturns([{ file: 'r.csv', chunks: asBuffers(reused(sample, chunk)) }], ctx, { pieceBytes: piece }))).toEqual(expected);
    }
  });

  it('the sample really is read in pieces: its rows are kept in columns, not one object a row', () => {
    const read = inPieces('r.csv', sample, 512, 2048);
    const cells = read.cells as unknown as { indicators: Map<string, Map<number, { entries: number }>> };
    let columns = 0;
    for (const blocks of cells.indicators.values()) for (const b of blocks.values()) columns += b.entries;
    // Most rows are ordinary; those with a 备注, a unit to convert or an error are objects.
    expect(columns).toBeGreaterThan(2000);
    expect(read.cells.size).toBe(whole('r.csv', sample).cells.size);
  });

  it('a quoted cell spanning a line end never splits a piece', () => {
    const body = '指标,地区,年份,数值,备注\n' + Array.from({ length: 40 }, (_, i) => `新生儿死亡率,海陵区,${2000 + i},1.5,"第一行\n第二行"\n`).join('');
    const bytes = utf8(body);
    expect(seen(inPieces('q.csv', bytes, 7, 64))).toEqual(seen(whole('q.csv', bytes)));
  });

  it('a repeated row in a later piece is a duplicate of the first, cited by its line', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `新生儿死亡率,海陵区,${1990 + i},1.5\n`).join('');
    const bytes = utf8(`指标,地区,年份,数值\n${rows}新生儿死亡率,海陵区,1990,1.50\n新生儿死亡率,海陵区,1991,1.6\n`);
    const read = inPieces('d.csv', bytes, 16, 128);
    expect(read.diagnostics.map((d) => `${d.severity} ${d.code} ${d.line} ${JSON.stringify(d.params)}`)).toEqual([
      'warning data/duplicate-row 32 {"first":"d.csv:2","firstValue":"1.5","value":"1.50"}',
      'error data/conflict 33 {"first":"d.csv:3","firstValue":"1.5","value":"1.6"}',
    ]);
    expect(read.observations.find((o) => o.year === 1991)?.invalid).toBe('conflict');
    expect(seen(read)).toEqual(seen(whole('d.csv', bytes)));
  });

  it('UTF-8 Chinese, then GBK lines further on: refused at the first GBK line', () => {
    const head = utf8('指标,地区,年份,数值\n' + Array.from({ length: 20 }, (_, i) => `新生儿死亡率,海陵区,${2000 + i},1.5\n`).join(''));
    const gbk = new Uint8Array([0xd0, 0xc2, 0xc9, 0xfa, 0x2c, 0x31, 0x0a]);
    const bytes = new Uint8Array([...head, ...gbk]);
    const read = inPieces('m.csv', bytes, 32, 64);
    expect(read.diagnostics.map((d) => `${d.code} ${d.line}`)).toEqual(['data/mixed-encoding 22']);
    // Refused (整个文件未读取): none of the rows before the GBK line is read, as in the file held whole.
    expect(read.observations).toEqual([]);
    expect(whole('m.csv', bytes).observations).toEqual([]);
  });

  it('an ASCII start then GBK reads as GB18030, as the whole file does', () => {
    const gbkName = new Uint8Array([0xd0, 0xc2, 0xc9, 0xfa, 0xb6, 0xf9, 0xcb, 0xc0, 0xcd, 0xf6, 0xc2, 0xca]); // 新生儿死亡率
    const ascii = utf8('indicator,region,year,value\n' + 'neonatal-mortality,321202,2020,1.5\n'.repeat(20));
    const bytes = new Uint8Array([...ascii, ...gbkName, ...utf8(',321202,2021,1.6\n')]);
    const read = inPieces('g.csv', bytes, 32, 64);
    expect(read.encodings).toEqual({ 'g.csv': 'gb18030' });
    expect(seen(read)).toEqual(seen(whole('g.csv', bytes)));
  });
});

describe('the lines of a later piece, read from their bytes, read as the whole file does', () => {
  // Everything after the first piece (64 bytes here) goes through src/ingest/fast-rows.ts's
  // byte reader; each line it cannot store goes to the general row reader as text.
  const header = '指标,地区,年份,数值,分子,分母,单位,备注\n';
  const filler = Array.from({ length: 4 }, (_, i) => `新生儿死亡率,海陵区,${1990 + i},1.5,,,,\n`).join('');
  const check = (body: string) => {
    const bytes = utf8(header + filler + body);
    const got = seen(inPieces('b.csv', bytes, 16, 64));
    expect(got).toEqual(seen(whole('b.csv', bytes)));
    return got;
  };

  it.each([
    ['plain numbers', '适龄儿童免疫规划疫苗接种率,泰兴市,2021,96.03,1113,1159,,\n'],
    ['a value off its ratio', '适龄儿童免疫规划疫苗接种率,泰兴市,2021,96.10,1113,1159,,\n'],
    ['a value exactly half a last digit off', '适龄儿童免疫规划疫苗接种率,泰兴市,2021,50.5,100,199,,\n'],
    ['15, 16 and 17 digits', '新生儿死亡率,泰兴市,2021,1.23456789012345,,,,\n新生儿死亡率,泰兴市,2022,1.234567890123456,,,,\n新生儿死亡率,泰兴市,2023,4.6024035456257387,,,,\n'],
    ['.5, 5., 0.50 and 007', '新生儿死亡率,泰兴市,2021,.5,,,,\n新生儿死亡率,泰兴市,2022,5.,,,,\n新生儿死亡率,泰兴市,2023,0.50,,,,\n新生儿死亡率,泰兴市,2024,007,,,,\n'],
    ['signs, spaces, %, full-width digits', '新生儿死亡率,泰兴市,2021,-1,,,,\n新生儿死亡率,泰兴市,2022, 1.5,,,,\n新生儿死亡率,泰兴市,2023,0.2%,,,,\n新生儿死亡率,泰兴市,2024,１.５,,,,\n'],
    ['a note, a blank note, a full-width space', '新生儿死亡率,泰兴市,2021,1.5,,,,口径调整\n新生儿死亡率,泰兴市,2022,1.5,,,,  \n新生儿死亡率,泰兴市,2023,1.5,,,,\u3000\n'],
    ['short rows and extra cells', '新生儿死亡率,泰兴市,2021,1.5\n新生儿死亡率,泰兴市,2022,1.5,,,,,,\n新生儿死亡率,泰兴市,2023,1.5,,,,,x\n'],
    ['units', '新生儿死亡率,泰兴市,2021,1.5,,,‰,\n新生儿死亡率,泰兴市,2022,0.15,,,%,\n新生儿死亡率,泰兴市,2023,1.5,,,斤,\n'],
    ['unknown names, empty cells, a BOM inside the file', '新生儿死亡率x,泰兴市,2021,1.5,,,,\n新生儿死亡率,泰兴,2021,1.5,,,,\n,泰兴市,2021,1.5,,,,\n新生儿死亡率,,2021,1.5,,,,\n\ufeff新生儿死亡率,泰兴市,2024,1.5,,,,\n'],
    ['half a ratio, a zero denominator, a ratio on a non-rate', '适龄儿童免疫规划疫苗接种率,泰兴市,2021,,1113,,,\n适龄儿童免疫规划疫苗接种率,泰兴市,2022,,1,0,,\n新生儿死亡率,泰兴市,2021,,1,1000,,\n'],
    ['repeats and conflicts across pieces', '新生儿死亡率,海陵区,1990,1.50,,,,\n新生儿死亡率,海陵区,1991,1.6,,,,\n'],
    ['CRLF, blank lines', '新生儿死亡率,泰兴市,2021,1.5,,,,\r\n\r\n\n,,,,,,,\n新生儿死亡率,泰兴市,2022,1.4,,,,\r\n'],
  ])('%s', (_, body) => {
    check(body.repeat(2).replace(/2021|2022|2023|2024/gu, (y) => y));
  });

  it('a row of plain cells is stored without a message, and 1.005 is the double Number() reads', () => {
    const got = check('新生儿死亡率,泰兴市,2021,1.005,,,,\n');
    expect(got.diagnostics).toEqual([]);
    expect(got.observations.find((o) => o[2] === 2021)?.[5]).toBe(Number('1.005'));
  });

  it('a cell remembered from one piece is not taken for what the reused memory holds in the next', () => {
    const book = new CellBook(ctx.regions);
    const cells = book.cells;
    const layout = { columns: { indicator: 0, region: 1, year: 2, value: 3 }, width: 4 } as unknown as LayoutFound;
    const other: number[] = [];
    const rows = FastRows.of(book, 'r.csv', layout, ctx, { readRow: (row) => other.push(row.line) })!;
    const buffer = utf8('婴儿死亡率,泰兴市,2021,1.5\n');
    rows.readBytes({ bytes: buffer, lineOffset: 1 }, ',');
    // The same memory, read again for the next piece: another indicator of as many bytes.
    buffer.set(utf8('儿童肥胖率,泰兴市,2022,1.5\n'));
    rows.readBytes({ bytes: buffer, lineOffset: 2 }, ',');
    expect(other).toEqual([]);
    expect(cells.get('infant-mortality', '321283', 2022)).toBeUndefined();
    expect([...cells.all()].map((o) => [o.indicatorId, o.year])).toEqual([
      ['infant-mortality', 2021],
      ['child-obesity', 2022],
    ]);
  });

  it("a later piece is held to the size limits with the file's delimiter, as the whole file is", () => {
    const rows = Array.from({ length: 30 }, (_, i) => `新生儿死亡率,海陵区,${1990 + i},1.5\n`).join('');
    // 1,001 cells: exactly 1,000 delimiters, one more cell than a row may have.
    const wide = utf8(`指标,地区,年份,数值\n${rows}${','.repeat(1000)}\n`);
    const refused = seen(inPieces('w.csv', wide, 64, 256)).diagnostics;
    expect(refused).toEqual(seen(whole('w.csv', wide)).diagnostics);
    expect(refused.some((d) => d.includes('error') && d.includes(':32:'))).toBe(true);
    // Tab-separated, with a 备注 of 1,200 commas: one row of five cells, not of 1,201.
    const tabRows = Array.from({ length: 30 }, (_, i) => `新生儿死亡率\t海陵区\t${1990 + i}\t1.5\t\n`).join('');
    const tab = utf8(`指标\t地区\t年份\t数值\t备注\n${tabRows}新生儿死亡率\t海陵区\t2020\t1.5\t${','.repeat(1200)}\n`);
    expect(seen(inPieces('t.tsv', tab, 64, 256))).toEqual(seen(whole('t.tsv', tab)));
    expect(seen(inPieces('t.tsv', tab, 64, 256)).diagnostics.filter((d) => d.startsWith('error'))).toEqual([]);
  });

  it('a return refused part way (a later piece past a limit) leaves none of its cells in the store, as the file held whole would; the returns around it are read as without it', () => {
    const a = { file: 'a.csv', bytes: utf8('指标,地区,年份,数值\n新生儿死亡率,海陵区,2020,1.5\n') };
    const c = { file: 'c.csv', bytes: utf8('指标,地区,年份,数值\n新生儿死亡率,姜堰区,2021,1.7\n') };
    // A repeat of a.csv's cell, a cell with a 备注 (an object), 30 cells of 男 (parts, in columns), then 1,001 cells.
    const parts = Array.from({ length: 30 }, (_, i) => `新生儿死亡率,泰兴市,${1990 + i},1.5,男,\n`).join('');
    const b = utf8(`指标,地区,年份,数值,性别,备注\n新生儿死亡率,海陵区,2020,1.5,,\n新生儿死亡率,高港区,2021,1.5,,有备注\n${parts}${','.repeat(1000)}\n`);
    const read = readReturns([a, { file: 'b.csv', chunks: reused(b, 64) }, c], ctx, { pieceBytes: 256 });
    expect(read.diagnostics.map((d) => `${d.code} ${d.file}:${d.line}`)).toEqual(['data/duplicate-row b.csv:2', 'data/too-many-cells b.csv:34']);
    const without = readReturns([a, c], ctx);
    expect(seen(read).observations).toEqual(seen(without).observations);
    expect(read.observations.find((o) => o.regionCode === '321202')?.rows).toEqual([{ file: 'a.csv', line: 2 }]);
    expect(read.cells.size).toBe(2);
    expect([...read.cells.regionsWithData].sort()).toEqual([...without.cells.regionsWithData].sort());
    expect([...read.cells.yearsWithValue].sort()).toEqual([2020, 2021]);
    expect(read.cells.hasParts('neonatal-mortality', 1990)).toBe(false);
    expect(read.cells.indicatorYears('neonatal-mortality')).toEqual(new Set([2020, 2021]));
    expect(Object.keys(read.encodings)).toEqual(['a.csv', 'c.csv']);
    expect(Object.keys(read.layouts)).toEqual(['a.csv', 'c.csv']);
    // Held whole, the same bytes are refused before a row is read: the same cells.
    expect(seen(readReturns([a, { file: 'b.csv', bytes: b }, c], ctx)).observations).toEqual(seen(without).observations);
  });

  it('any mix of plain and messy cells (property)', () => {
    const cell = fc.oneof(
      fc.constantFrom('', ' ', '1', '1.5', '0.50', '100', '.5', '5.', '-1', '1e2', '１', '%', '12%', '0.2‰', '1,5', '999999999999999', '1234567890123456'),
      fc.stringMatching(/^[0-9]{1,17}(\.[0-9]{1,17})?$/u),
    );
    const name = fc.constantFrom('新生儿死亡率', '适龄儿童免疫规划疫苗接种率', '婴儿死亡率', 'x', '');
    const region = fc.constantFrom('泰兴市', '海陵区', '靖江市', '泰州', '', '321283');
    const year = fc.constantFrom('2020', '2021', '2025', '２０２２', '', '20x');
    const row = fc.tuple(name, region, year, cell, cell, cell, fc.constantFrom('', '‰', '%'), fc.constantFrom('', '说明', ' ')).map((cells) => cells.join(','));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), (rows) => {
        const bytes = utf8(header + filler + rows.join('\n') + '\n');
        expect(seen(inPieces('p.csv', bytes, 16, 64))).toEqual(seen(whole('p.csv', bytes)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('record boundaries', () => {
  it('a line end inside quotes is not one; a stray quote inside a cell opens nothing', () => {
    const b = utf8('a,"x\ny",c\nd,12"寸,e\nf');
    expect(lastRecordEnd(b, 0x2c)).toBe(b.length - 1);
    expect(lastRecordEnd(utf8('a,"x\ny'), 0x2c)).toBe(0);
  });

  it('pieces cover the bytes exactly, with their line offsets', () => {
    const b = utf8('h\n1\n2\n3\n4\n5\n6');
    const pieces = [...recordPieces([b.slice(0, 3), b.slice(3, 8), b.slice(8)], 0x2c, 4)];
    expect(pieces.map((p) => new TextDecoder().decode(p.bytes)).join('')).toBe('h\n1\n2\n3\n4\n5\n6');
    expect(pieces.map((p) => p.lineOffset)).toEqual(pieces.map((_, i) => pieces.slice(0, i).reduce((n, p) => n + [...p.bytes].filter((x) => x === 10).length, 0)));
  });
  it('chunks as large as a piece are cut where they are, and still end at record boundaries (property)', () => {
    const line = fc.oneof(fc.constantFrom('a,b', '"x\ny",z', '12"寸,w', '', '长长的一行,'.repeat(5), '"q""q",1'), fc.string({ maxLength: 12 }).map((t) => t.replace(/[\n"]/gu, '')));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }), (lines, chunk, size) => {
        const b = utf8(lines.join('\n'));
        // A piece is copied as it comes: it may lie in a chunk's memory, which is reused.
        const pieces: Array<{ bytes: Uint8Array; lineOffset: number }> = [];
        for (const p of recordPieces(reused(b, chunk), 0x2c, Math.min(size, chunk))) pieces.push({ ...p, bytes: p.bytes.slice() });
        expect(Buffer.concat(pieces.map((p) => p.bytes)).equals(Buffer.from(b))).toBe(true);
        pieces.slice(0, -1).forEach((p) => expect(lastRecordEnd(p.bytes, 0x2c)).toBe(p.bytes.length));
        let lines2 = 0;
        for (const p of pieces) {
          expect(p.lineOffset).toBe(lines2);
          lines2 += p.bytes.filter((x) => x === 10).length;
        }
      }),
      { numRuns: 500 },
    );
  });
});

