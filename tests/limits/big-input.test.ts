// Returns no statistician writes but a broken export or a hostile upload can: a 100 MB
// cell or line, NUL bytes, UTF-8 and GBK mixed in one file. Each gets a clear, located
// error, in bounded time and memory. The limits themselves are src/ingest/limits.ts:
// a cell ≤ 128 KiB (Excel's 32,767 characters), a line ≤ 1 MiB, a row ≤ 1,000 cells.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_CELL_BYTES, MAX_CELLS_PER_ROW, MAX_LINE_BYTES, checkLimits, checkMixedEncoding } from '../../src/ingest/limits.js';
import { ROOT, STACK_LINE, runMem } from '../fuzz/arbitraries.js';
import { bounded, tempDir } from './helpers.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function dirWith(files: Record<string, Uint8Array | string>): string {
  const dir = tempDir();
  dirs.push(dir);
  for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
  return dir;
}

const HEADER = '指标,地区,年份,数值,备注\n';
const ROW = '新生儿死亡率,海陵区,2023,2,';
const MB100 = 100 * 1024 * 1024;

/** A return whose second row's 备注 is `size` bytes of `fill` (quoted when asked). */
function hugeCell(size: number, quoted = false, fill = 0x41): Buffer {
  const head = Buffer.from(`${HEADER}${ROW}${quoted ? '"' : ''}`, 'utf8');
  const tail = Buffer.from(`${quoted ? '"' : ''}\n新生儿死亡率,高港区,2023,2,\n`, 'utf8');
  const out = Buffer.alloc(head.length + size + tail.length, fill);
  head.copy(out, 0);
  tail.copy(out, head.length + size);
  return out;
}

const samples = ['samples/taizhou-2020-2025.csv', 'samples/taizhou-2025-gbk.csv', 'samples/townships.csv', 'tests/fixtures/cli/excel-gbk.csv', 'tests/fixtures/cli/excel-utf8-bom.csv', 'tests/fixtures/ingest/gb18030.csv', 'tests/fixtures/ingest/crlf.csv'];

describe('checkLimits (src/ingest/limits.ts)', () => {
  it('passes every shipped return and fixture', () => {
    for (const f of samples) expect(checkLimits(readFileSync(join(ROOT, f)), f), f).toEqual([]);
  });

  it('a 100 MB unquoted cell: cell-too-long at its line and field, in well under a second', () => {
    const bytes = hugeCell(MB100);
    const started = performance.now();
    const ds = checkLimits(bytes, 'big.csv');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(ds).toEqual([expect.objectContaining({ severity: 'error', code: 'data/cell-too-long', file: 'big.csv', line: 2, column: 5 })]);
  });

  it('a quoted cell over 128 KiB spanning many lines: cell-too-long where the cell starts', () => {
    const lines = Buffer.from(Array.from({ length: 5000 }, () => 'x'.repeat(40)).join('\n'));
    const bytes = Buffer.concat([Buffer.from(`${HEADER}${ROW}"`), lines, Buffer.from('"\n')]);
    expect(checkLimits(bytes, 'q.csv')).toEqual([expect.objectContaining({ code: 'data/cell-too-long', line: 2, column: 5 })]);
  });

  it('a quote that never closes turns the rest of the file into one cell: reported when it passes the limit', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `${ROW}row ${i}`).join('\n');
    expect(checkLimits(Buffer.from(`${HEADER}${ROW}"open\n${rows}\n`), 'q.csv')).toEqual([expect.objectContaining({ code: 'data/cell-too-long', line: 2, column: 5 })]);
    // Below the limit it is left to the CSV reader, which names the unclosed quote.
    expect(checkLimits(Buffer.from(`${HEADER}${ROW}"open\n${ROW}x\n`), 'q.csv')).toEqual([]);
  });

  it('a cell exactly at the limit passes; one byte more does not', () => {
    expect(checkLimits(hugeCell(MAX_CELL_BYTES), 'a.csv')).toEqual([]);
    expect(checkLimits(hugeCell(MAX_CELL_BYTES + 1), 'a.csv')).toEqual([expect.objectContaining({ code: 'data/cell-too-long' })]);
  });

  it('a line over 1 MiB of short cells (but ≤ 1,000 of them): line-too-long', () => {
    const cell = 'y'.repeat(2000);
    const line = Array.from({ length: 600 }, () => cell).join(',');
    expect(line.length).toBeGreaterThan(MAX_LINE_BYTES);
    expect(checkLimits(Buffer.from(`${HEADER}${line}\n`), 'l.csv')).toEqual([expect.objectContaining({ code: 'data/line-too-long', line: 2 })]);
  });

  it('more than 1,000 cells in a row: too-many-cells, naming the field', () => {
    const line = ','.repeat(MAX_CELLS_PER_ROW);
    expect(checkLimits(Buffer.from(`${HEADER}${ROW}x\n${line}\n`), 'c.csv')).toEqual([expect.objectContaining({ code: 'data/too-many-cells', line: 3, column: MAX_CELLS_PER_ROW + 1 })]);
    expect(checkLimits(Buffer.from(`${HEADER}${','.repeat(MAX_CELLS_PER_ROW - 1)}\n`), 'c.csv')).toEqual([]);
  });

  it('tab-separated and UTF-16LE returns are measured the same way', () => {
    const tsv = Buffer.concat([Buffer.from('指标\t地区\t年份\t数值\n新生儿死亡率\t海陵区\t2023\t'), Buffer.alloc(MAX_CELL_BYTES + 10, 0x31), Buffer.from('\n')]);
    expect(checkLimits(tsv, 't.tsv')).toEqual([expect.objectContaining({ code: 'data/cell-too-long', line: 2, column: 4 })]);
    const text = `指标\t地区\t年份\t数值\t备注\n新生儿死亡率\t海陵区\t2023\t2\t${'长'.repeat(MAX_CELL_BYTES / 2 + 10)}\n`;
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(checkLimits(utf16, 'u.txt')).toEqual([expect.objectContaining({ code: 'data/cell-too-long', line: 2, column: 5 })]);
    const ok = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('指标\t地区\t年份\t数值\n新生儿死亡率\t海陵区\t2023\t2\n', 'utf16le')]);
    expect(checkLimits(ok, 'u.txt')).toEqual([]);
  });
});

describe('checkMixedEncoding (src/ingest/limits.ts)', () => {
  const utf8 = (s: string) => Buffer.from(s, 'utf8');
  const gbk = gbkBytes;

  it('finds GBK lines pasted into a UTF-8 return, and UTF-8 lines pasted into a GBK one, at the pasted line', () => {
    const a = Buffer.concat([utf8(`${HEADER}${ROW}UTF-8 行\n`), gbk(`新生儿死亡率,高港区,2023,2,GBK 行\n`)]);
    expect(checkMixedEncoding(a, 'a.csv')).toEqual([expect.objectContaining({ severity: 'error', code: 'data/mixed-encoding', line: 3, params: { utf8Line: 1, gbkLine: 3 } })]);
    const b = Buffer.concat([gbk(`${HEADER}${ROW}GBK 行\n新生儿死亡率,姜堰区,2023,2,GBK 行\n`), utf8('新生儿死亡率,高港区,2023,2,UTF-8 行\n')]);
    expect(checkMixedEncoding(b, 'b.csv')).toEqual([expect.objectContaining({ code: 'data/mixed-encoding', line: 4, params: { utf8Line: 4, gbkLine: 1 } })]);
  });

  it('never fires on a file in one encoding (the shipped GBK and GB18030 returns, pure UTF-8, ASCII)', () => {
    for (const f of samples) expect(checkMixedEncoding(readFileSync(join(ROOT, f)), f), f).toEqual([]);
    expect(checkMixedEncoding(utf8('indicator,region,year,value\nx,y,2023,1\n'), 'x.csv')).toEqual([]);
  });
});

/** GBK bytes of a string. Node has no GBK encoder; its GBK decoder, run over every two-byte code once, gives one. */
function gbkBytes(s: string): Buffer {
  const decoder = new TextDecoder('gbk');
  const out: number[] = [];
  for (const ch of s) {
    if (ch.charCodeAt(0) < 0x80) {
      out.push(ch.charCodeAt(0));
      continue;
    }
    const hit = GBK_TABLE.get(ch) ?? findGbk(decoder, ch);
    out.push(...hit);
  }
  return Buffer.from(out);
}
const GBK_TABLE = new Map<string, [number, number]>();
function findGbk(decoder: TextDecoder, ch: string): [number, number] {
  if (GBK_TABLE.size === 0) {
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const c = decoder.decode(Uint8Array.from([lead, trail]));
        if (c.length === 1 && !GBK_TABLE.has(c)) GBK_TABLE.set(c, [lead, trail]);
      }
    }
  }
  const hit = GBK_TABLE.get(ch);
  if (!hit) throw new Error(`no GBK code for ${ch}`);
  return hit;
}

describe('through the built binary: exit 2, located, bounded time and memory', () => {
  /** A return whose first data row's 指标 cell is `size` bytes. */
  function hugeIndicator(size: number): Buffer {
    return Buffer.concat([Buffer.from(HEADER), Buffer.alloc(size, 0x42), Buffer.from(',海陵区,2023,2,x\n')]);
  }

  function expectRefusedQuickly(r: ReturnType<typeof bounded>, at: RegExp): void {
    expect(r.signal, `still running after ${r.seconds.toFixed(1)} s`).toBeNull();
    expect(r.code, r.stderr.slice(0, 500)).toBe(2);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stderr).toMatch(at);
    expect(r.seconds).toBeLessThan(10);
    expect(r.rssMb ?? 0).toBeLessThan(400);
    // Nothing of the file is echoed: no 100 MB 备注 in the results.
    expect(r.stdout.length).toBeLessThan(1_000_000);
  }

  it('a 100 MB 备注 is refused with big.csv:2:5 in < 10 s and < 400 MB',
    () => {
      const r = bounded(['evaluate', 'big.csv', '--format', 'json'], dirWith({ 'big.csv': hugeCell(MB100) }), { timeoutMs: 20_000, heapMb: 512 });
      expectRefusedQuickly(r, /^big\.csv:2:5: 错误: /m);
    },
    30_000,
  );

  it('a 100 MB 指标 cell is refused with big.csv:2:1 in < 10 s and < 400 MB',
    () => {
      const r = bounded(['evaluate', 'big.csv', '--format', 'json'], dirWith({ 'big.csv': hugeIndicator(MB100) }), { timeoutMs: 20_000, heapMb: 512 });
      expectRefusedQuickly(r, /^big\.csv:2:1: 错误: /m);
    },
    30_000,
  );

  it('a row of 1,001 cells on line 2 of a 5 MiB return (read in pieces): refused at big.csv:2:1001 as in a small file, the file not read (it was read, exit 0)',
    () => {
      const wide = `${ROW}${',x'.repeat(MAX_CELLS_PER_ROW - 4)}\n`;
      const rows = Array.from({ length: 130_000 }, (_, i) => `新生儿死亡率,高港区,${2020 + (i % 6)},1.5,第${i}行\n`).join('');
      const dir = dirWith({ 'big.csv': `${HEADER}${wide}${rows}`, 'small.csv': `${HEADER}${wide}${rows.slice(0, 200)}` });
      const errors = (r: ReturnType<typeof bounded>, file: string) => r.stderr.split('\n').filter((l) => l.includes('错误')).map((l) => l.replace(file, 'FILE'));
      const small = bounded(['evaluate', 'small.csv', '--format', 'json'], dir);
      const big = bounded(['evaluate', 'big.csv', '--format', 'json'], dir, { timeoutMs: 60_000, heapMb: 512 });
      expect(small.code).toBe(2);
      expect(small.stderr).toMatch(/^small\.csv:2:1001: 错误: .*\[data\/too-many-cells\]/m);
      expect(big.code, big.stderr.slice(0, 500)).toBe(2);
      expect(big.stderr).not.toMatch(STACK_LINE);
      expect(errors(big, 'big.csv')).toEqual(errors(small, 'small.csv'));
    },
    90_000,
  );

  it('regression: a return read in pieces refused for a row of 1,001 cells after its first piece leaves none of its cells evaluated, as the same rows under 4 MiB do; another return of the run is evaluated (big.csv\'s earlier rows were evaluated)',
    () => {
      // 130,002 lines, some 6 MiB: 新生儿死亡率 of 高港区 for 2020–2025, then the wide row after the first 4 MiB piece.
      const rows = Array.from({ length: 130_000 }, (_, i) => `新生儿死亡率,高港区,${2020 + (i % 6)},1.5,第${i}行\n`).join('');
      const wide = `${ROW}${',x'.repeat(MAX_CELLS_PER_ROW - 4)}\n`;
      const big = `${HEADER}${rows}${wide}`;
      expect(Buffer.byteLength(big)).toBeGreaterThan(5 * 1024 * 1024);
      const other = `${HEADER}婴儿死亡率,泰州市,2025,2.5,\n`;
      const sixRows = rows.split('\n').slice(0, 6).join('\n');
      const dir = dirWith({ 'big.csv': big, 'small.csv': `${HEADER}${sixRows}\n${wide}`, 'other.csv': other });
      const evaluated = (r: ReturnType<typeof bounded>) => {
        expect(r.code, r.stderr.slice(-500)).toBe(2);
        expect(r.stderr).not.toMatch(STACK_LINE);
        const out = JSON.parse(r.stdout) as { years: number[]; results: Array<{ id: string; status: string; value: number | null }> };
        return { years: out.years, results: out.results.filter((x) => x.status !== 'no-data').map((x) => [x.id, x.status, x.value]) };
      };
      const onlyOther = { years: [2025], results: [['infant-mortality', 'met', 2.5]] };
      const file = bounded(['evaluate', 'big.csv', 'other.csv', '--format', 'json'], dir, { timeoutMs: 60_000, heapMb: 512 });
      expect(file.stderr).toMatch(/^big\.csv:130002:1001: 错误: .*整个文件未读取 \[data\/too-many-cells\]/m);
      expect(evaluated(file)).toEqual(onlyOther);
      // Standard input is read in pieces at any size.
      const piped = bounded(['evaluate', '-', 'other.csv', '--format', 'json'], dir, { timeoutMs: 60_000, heapMb: 512, stdin: big });
      expect(piped.stderr).toMatch(/:130002:1001: 错误: .*\[data\/too-many-cells\]/m);
      expect(evaluated(piped)).toEqual(onlyOther);
      // Under 4 MiB the file is refused before a row is read: the same results.
      const small = bounded(['evaluate', 'small.csv', 'other.csv', '--format', 'json'], dir);
      expect(small.stderr).toMatch(/^small\.csv:8:1001: 错误: .*\[data\/too-many-cells\]/m);
      expect(evaluated(small)).toEqual(onlyOther);
      // Read through, the same rows are evaluated: the test can see big.csv's cells.
      const through = bounded(['evaluate', 'through.csv', 'other.csv', '--format', 'json'], dirWith({ 'through.csv': `${HEADER}${rows}`, 'other.csv': other }), { timeoutMs: 60_000, heapMb: 512 });
      expect(through.code, through.stderr.slice(-500)).not.toBe(2);
      expect((JSON.parse(through.stdout) as { results: Array<{ id: string; status: string }> }).results.filter((x) => x.status !== 'no-data').map((x) => x.id).sort()).toEqual(['infant-mortality', 'neonatal-mortality']);
    },
    180_000,
  );

  it('NUL bytes in a UTF-8 return: exit 2, “binary content” at the line of the first NUL', () => {
    const dir = dirWith({ 'nul.csv': Buffer.from(`${HEADER}${ROW}ok\n${ROW}a\u0000b\n`, 'utf8') });
    const r = bounded(['evaluate', 'nul.csv'], dir);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stderr).toMatch(/^nul\.csv:3:1: 错误: .*\[data\/binary-file\]/m);
    expect(r.rssMb ?? 0).toBeLessThan(300);
  });

  it('a NUL character in a UTF-16 return (“Unicode 文本”): exit 2 at its line', () => {
    const text = `指标\t地区\t年份\t数值\n新生儿死亡率\t海陵区\t2023\t2\n新生儿死亡率\t高港区\t2023\t2\u0000\n`;
    const dir = dirWith({ 'u16.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) });
    const r = bounded(['check', 'u16.txt'], dir);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^u16\.txt:3:1: 错误: /m);
  });

  it('regression: a NUL byte inside a rule file (YAML 1.2 forbids it) is an error naming water.yaml, exit 2 (it was read into the plan, exit 0)', async () => {
    const files: Record<string, string> = {};
    for (const name of ['plan.yaml', 'water.yaml']) files[`plan/${name}`] = readFileSync(join(ROOT, 'tests', 'fixtures', 'plans', 'testland', name), 'utf8');
    files['plan/water.yaml'] = files['plan/water.yaml']!.replace('Tap water coverage', 'Tap\u0000water');
    const r = await runMem(['validate', '--plan', 'plan'], files);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/water\.yaml:\d+:\d+: 错误: /);
  });

  it('regression: a rule file with bytes that are not UTF-8 (saved as GBK, or mixed) is an error naming file and line, exit 2 (they were read as U+FFFD, exit 0)', async () => {
    const files: Record<string, Uint8Array> = {};
    for (const name of ['plan.yaml', 'water.yaml']) files[`plan/${name}`] = readFileSync(join(ROOT, 'tests', 'fixtures', 'plans', 'testland', name));
    const water = Buffer.from(files['plan/water.yaml']!);
    const at = water.indexOf('Tap water coverage reaches');
    files['plan/water.yaml'] = Buffer.concat([water.subarray(0, at), gbkBytes('自来水'), water.subarray(at)]);
    const r = await runMem(['validate', '--plan', 'plan'], files);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/water\.yaml:\d+:\d+: 错误: /);
  });

  it('a NUL byte or a non-UTF-8 byte in a rule file never crashes validate', async () => {
    for (const bad of [Buffer.from([0]), Buffer.from([0xff, 0xfe]), gbkBytes('自来水')]) {
      const files: Record<string, Uint8Array> = {};
      for (const name of ['plan.yaml', 'water.yaml']) files[`plan/${name}`] = readFileSync(join(ROOT, 'tests', 'fixtures', 'plans', 'testland', name));
      files['plan/water.yaml'] = Buffer.concat([bad, files['plan/water.yaml']!]);
      const r = await runMem(['validate', '--plan', 'plan'], files);
      expect([0, 2]).toContain(r.code);
      expect(r.thrown).toBeUndefined();
      expect(r.stderr).not.toMatch(STACK_LINE);
    }
  });

  it('a UTF-8 return with a GBK line pasted in: exit 2, an encoding message, nothing read from the mangled names evaluated', () => {
    const bytes = Buffer.concat([Buffer.from(`${HEADER}${ROW}UTF-8 行\n`, 'utf8'), gbkBytes('新生儿死亡率,高港区,2023,2,GBK 行\n')]);
    const r = bounded(['evaluate', 'mixed.csv', '--format', 'json'], dirWith({ 'mixed.csv': bytes }));
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stderr).toMatch(/UTF-8/);
    expect(r.stderr).toMatch(/GB18030|GBK/);
  });

  it('the same file’s error names line 3, the GBK line — not line 1, the good UTF-8 header', () => {
    const bytes = Buffer.concat([Buffer.from(`${HEADER}${ROW}UTF-8 行\n`, 'utf8'), gbkBytes('新生儿死亡率,高港区,2023,2,GBK 行\n')]);
    const r = bounded(['evaluate', 'mixed.csv', '--format', 'json'], dirWith({ 'mixed.csv': bytes }));
    expect(r.stderr).toMatch(/^mixed\.csv:3:1: 错误: /m);
    expect(r.stderr).not.toMatch(/^mixed\.csv:1:\d+: /m);
  });
});
