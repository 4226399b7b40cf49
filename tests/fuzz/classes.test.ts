// The classes of hostile input of issue 16, generated: region parents that loop, numbers
// that are not finite or under/overflow, workbooks declaring huge dimensions and strings,
// control characters in every text field of a return, and -o paths that are links, the
// same file twice, or a FIFO (in a temporary folder, never a real device). Whatever comes
// in: exit 0/1/2, no stack trace, located errors, and nothing raw or lost.
import { spawnSync } from 'node:child_process';
import { closeSync, constants, lstatSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { nodeIo } from '../../src/cli/io.js';
import { LOCATED, ROOT, Tally, badOutcome, errorLines, params, planFiles, runMem, timeoutFor, type MemRun, talliesOfFile } from './arbitraries.js';
import { hostileWorkbook, sheetWorkbook } from '../hostile/zip.js';

const tally = talliesOfFile();

function sane(r: MemRun, t: Tally): void {
  t.exit(r.code);
  if (/^\s{4}at /m.test(r.stderr)) t.stackTraces++;
  const bad = badOutcome(r);
  expect(bad, bad).toBeUndefined();
  for (const line of errorLines(r.stderr)) if (/^(?:data|plan)\b/u.test(line)) expect(line).toMatch(LOCATED);
}

const bundled = planFiles('plan');
const DISTRICTS = ['321202', '321203', '321204', '321281', '321282', '321283'];
const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u;

describe('issue 16 classes, in-process', () => {
  it(
    'region parents rewired at random (loops among them): validate and evaluate exit 2 at plan.yaml when there is a loop, never hang',
    async () => {
      const t = tally('classes: region-parent cycles');
      await fc.assert(
        fc.asyncProperty(fc.array(fc.constantFrom('321200', ...DISTRICTS), { minLength: 6, maxLength: 6 }), fc.constantFrom('validate', 'evaluate'), async (parents, verb) => {
          let yaml = bundled['plan.yaml']!;
          DISTRICTS.forEach((code, i) => {
            yaml = yaml.replace(new RegExp(`(code: "${code}".*?parent: )"\\d+"`, 'u'), `$1"${parents[i]}"`);
          });
          const files: Record<string, string> = { 'data.csv': '指标,地区,年份,数值\n新生儿死亡率,海陵区,2025,1.5\n' };
          for (const [n, text] of Object.entries(bundled)) files[`plan/${n}`] = n === 'plan.yaml' ? yaml : text;
          const r = await runMem(verb === 'validate' ? ['validate', '--plan', 'plan'] : ['evaluate', 'data.csv', '--plan', 'plan', '--format', 'json'], files);
          sane(r, t);
          // A loop: following parents from some district never reaches the top.
          const parentOf = new Map(DISTRICTS.map((c, i) => [c, parents[i]!]));
          const loops = DISTRICTS.some((c) => {
            let at: string | undefined = c;
            for (let k = 0; k < 10 && at !== undefined && at !== '321200'; k++) at = parentOf.get(at);
            return at !== '321200';
          });
          if (loops) {
            expect(r.code).toBe(2);
            expect(r.stderr).toMatch(/plan\/plan\.yaml:\d+:\d+: 错误: .*\[plan\/parent-cycle\]/u);
          } else expect(r.stderr).not.toContain('parent-cycle');
        }),
        params(1),
      );
    },
    timeoutFor(1, 150),
  );

  const hugeOrTiny = fc.oneof(
    fc.constantFrom('1e-320', '1.5e-400', '1e309', '-1e309', '4.9e-324', '1e100', '1e-100', '1e101', '1e-101', '0e999', '0.000'),
    fc.integer({ min: 90, max: 400 }).map((n) => `1${'0'.repeat(n)}`),
    fc.integer({ min: 90, max: 400 }).map((n) => `0.${'0'.repeat(n)}1`),
    fc.double({ noNaN: false }).map(String),
  );
  it(
    'non-finite, overflowing and underflowing values, numerators and denominators: never Infinity, never a silent 0',
    async () => {
      const t = tally('classes: non-finite numbers');
      await fc.assert(
        fc.asyncProperty(fc.constantFrom('value', 'numerator', 'denominator'), hugeOrTiny, fc.constantFrom('evaluate', 'check'), async (where, n, verb) => {
          const cells = { value: '', numerator: '1', denominator: '1000' };
          cells[where] = n;
          const csv = `指标,地区,年份,数值,分子,分母\n新生儿死亡率,海陵区,2025,${cells.value},${cells.numerator},${cells.denominator}\n`;
          const r = await runMem(verb === 'check' ? ['check', 'data.csv', '--format', 'json'] : ['evaluate', 'data.csv', '--format', 'json'], { 'data.csv': csv });
          sane(r, t);
          // No computed Infinity or NaN; a cell written as “Infinity” is quoted back in its error (and in check's params).
          expect(r.stdout.replaceAll(`“${n}”`, '').replaceAll(JSON.stringify(n), '')).not.toMatch(/Infinity|NaN/u);
          if (/Infinity|NaN/u.test(n)) expect(r.stderr).toMatch(/data\.csv:2:\d+: 错误: /u);
          const x = Number(n);
          // “Infinity” and “NaN” are words, not numbers: not-a-number, as the line above holds.
          const outOfRange = /^-?\d/u.test(n) && !(Math.abs(x) <= 1e100) || (Math.abs(x) < 1e-100 && /[1-9]/u.test(n.split(/e/iu)[0]!));
          if (outOfRange) expect(r.stderr).toMatch(/data\.csv:2:\d+: 错误: .*\[data\/number-out-of-range\]/u);
        }),
        params(1),
      );
    },
    timeoutFor(1, 60),
  );

  it(
    'workbooks declaring huge dimensions, many rows or huge shared strings: refused as 超出限制, at once',
    async () => {
      const t = tally('classes: .xlsx over the limits');
      const shape = fc.oneof(
        fc.record({ ref: fc.tuple(fc.constantFrom('B', 'Z', 'AA', 'XFD'), fc.integer({ min: 500_001, max: 1_048_576 })).map(([c, r]) => `A1:${c}${r}`) }),
        fc.record({ stringBytes: fc.integer({ min: 129, max: 160 }).map((m) => m * 1024 * 1024) }),
        fc.record({ declare: fc.integer({ min: 129 * 1024 * 1024, max: 0xfffffffe }) }),
      );
      await fc.assert(
        fc.asyncProperty(shape, async (s) => {
          const r = await runMem(['evaluate', 'book.xlsx'], { 'book.xlsx': hostileWorkbook(s) });
          sane(r, t);
          expect(r.code).toBe(2);
          expect(r.stderr).toContain('超出限制');
        }),
        params(0.25),
      );
    },
    timeoutFor(0.25, 800),
  );

  // A sheet of two rows (header, 海陵区 1.5) declaring any range: the reader must go by the cells
  // present, never by the range declared (a walk of a declared 10 M cells would time this out).
  const column = fc.integer({ min: 1, max: 16_384 });
  const letters = (n: number): string => (n > 26 ? letters(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));
  const range = fc
    .tuple(column, column, fc.integer({ min: 1, max: 1_048_576 }), fc.integer({ min: 1, max: 1_048_576 }), fc.integer({ min: 0, max: 3 }))
    .map(([c1, c2, r1, r2, spread]) => {
      // Rows past the limit, cells past it, or a range within both (most cases), in the order a sheet writes them.
      const [top, bottom] = spread === 0 ? [Math.min(r1, r2), Math.max(r1, r2)] : [Math.min(r1, r2), Math.min(r1, r2) + (Math.max(r1, r2) % 500_000)];
      const left = Math.min(c1, c2);
      const right = spread === 0 ? Math.max(c1, c2) : Math.min(Math.max(c1, c2), left + Math.floor(10_000_000 / (bottom - top + 1)) - 1);
      return { ref: `${letters(left)}${top}:${letters(right)}${Math.min(bottom, 1_048_576)}`, rows: Math.min(bottom, 1_048_576) - top + 1, cells: (Math.min(bottom, 1_048_576) - top + 1) * (right - left + 1) };
    });
  it(
    'a sheet of two rows declaring any range: read by its cells when the range is within the limits (quickly, whatever it declares), refused as 超出限制 past them',
    async () => {
      const t = tally('classes: .xlsx declared ranges');
      await fc.assert(
        fc.asyncProperty(range, async ({ ref, rows, cells }) => {
          const r = await runMem(['evaluate', 'book.xlsx', '--format', 'json'], { 'book.xlsx': sheetWorkbook({ dimension: ref }) });
          sane(r, t);
          if (rows > 500_000 || cells > 10_000_000) {
            expect(r.code, ref).toBe(2);
            expect(r.stderr).toContain('超出限制');
          } else {
            expect(r.code, `${ref}: ${r.stderr}`).not.toBe(2);
            const result = (JSON.parse(r.stdout) as { results: Array<{ name: string; region: { name: string }; value: unknown }> }).results.find((x) => x.name === '新生儿死亡率' && x.region.name === '海陵区');
            expect(result?.value, ref).toBe(1.5);
          }
        }),
        params(0.25),
      );
    },
    timeoutFor(0.25, 200),
  );

  const control = fc.constantFrom('\x1b[2J', '\x1b]0;pwn\x07', '\x01', '\x0b', '\x0c', '\x7f', '\x9b', '\x00', '\x1b[31m');
  const withControl = fc.tuple(fc.string({ maxLength: 4 }), control, fc.string({ maxLength: 4 })).map(([a, c, b]) => `${a}${c}${b}`.replace(/["\n\r]/gu, ''));
  it(
    'control characters in every text field of a return: nothing raw on stdout or stderr, in any format',
    async () => {
      const t = tally('classes: control characters');
      const fields = ['indicator', 'region', 'year', 'value', 'sex', 'area', 'unit', 'note', 'header'] as const;
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...fields), withControl, fc.constantFrom('json', 'csv', 'md', 'github', 'junit'), async (field, text, format) => {
          const row: Record<string, string> = { indicator: '新生儿死亡率', region: '海陵区', year: '2025', value: '1.5', sex: '', area: '', unit: '', note: '' };
          let header = '指标,地区,年份,数值,性别,城乡,单位,备注';
          if (field === 'header') header += `,"${text}"`;
          else row[field] = text;
          const csv = `${header}\n${Object.values(row).map((v) => `"${v}"`).join(',')}\n`;
          const r = await runMem(['evaluate', 'data.csv', '--format', format], { 'data.csv': csv });
          sane(r, t);
          // JSON escapes them itself (\u001b); every other output shows them as pictures.
          if (format !== 'json') expect(r.stdout).not.toMatch(RAW_CONTROL);
          expect(r.stderr).not.toMatch(RAW_CONTROL);
        }),
        params(1),
      );
    },
    timeoutFor(1, 60),
  );
});

describe('issue 16 classes, on disk in a temporary folder', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const DATA = readFileSync(join(ROOT, 'tests', 'fixtures', 'plans', 'testland-2035.csv'));
  const plan = join(ROOT, 'tests', 'fixtures', 'plans', 'testland');

  it(
    '-o through links (to the input, to an output, dangling, chained), twice by another spelling, or a FIFO: no input changed, no link or FIFO replaced',
    async () => {
      const t = tally('classes: -o links and devices');
      const target = fc.constantFrom('link-to-input', 'dangling', 'chain', 'same-twice', 'fifo', 'plain');
      await fc.assert(
        fc.asyncProperty(target, fc.constantFrom('json', 'csv', 'md'), async (kind, ext) => {
          const dir = mkdtempSync(join(tmpdir(), 'plancheck-fuzz-o-'));
          dirs.push(dir);
          writeFileSync(join(dir, 'data.csv'), DATA);
          let outputs = [`out.${ext}`];
          let reader: number | undefined;
          if (kind === 'link-to-input') symlinkSync('data.csv', join(dir, `out.${ext}`));
          if (kind === 'dangling') symlinkSync(`real.${ext}`, join(dir, `out.${ext}`));
          if (kind === 'chain') {
            symlinkSync('data.csv', join(dir, 'hop'));
            symlinkSync('hop', join(dir, `out.${ext}`));
          }
          if (kind === 'same-twice') outputs = [`out.${ext}`, `./out.${ext}`];
          if (kind === 'fifo') {
            spawnSync('mkfifo', [join(dir, `out.${ext}`)]);
            reader = openSync(join(dir, `out.${ext}`), constants.O_RDONLY | constants.O_NONBLOCK);
          }
          const out: string[] = [];
          const err: string[] = [];
          const io = { ...nodeIo(), cwd: dir, stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s), stdoutIsTTY: false, env: { NO_COLOR: '1' } };
          let code: number;
          try {
            code = await main(['evaluate', 'data.csv', '--plan', plan, '-q', ...outputs.flatMap((o) => ['-o', o])], io);
          } finally {
            if (reader !== undefined) {
              const buf = Buffer.alloc(1 << 20);
              try {
                readSync(reader, buf);
              } catch {
                // nothing written
              }
              closeSync(reader);
            }
          }
          sane({ code, stdout: out.join(''), stderr: err.join(''), written: new Map() }, t);
          expect(readFileSync(join(dir, 'data.csv'))).toEqual(DATA);
          if (kind === 'link-to-input' || kind === 'chain' || kind === 'same-twice') expect(code).toBe(2);
          if (kind === 'link-to-input' || kind === 'dangling' || kind === 'chain') expect(lstatSync(join(dir, `out.${ext}`)).isSymbolicLink()).toBe(true);
          if (kind === 'fifo') expect(lstatSync(join(dir, `out.${ext}`)).isFIFO()).toBe(true);
          if (kind === 'dangling') expect(readFileSync(join(dir, `real.${ext}`)).length).toBeGreaterThan(0);
        }),
        params(0.25),
      );
    },
    timeoutFor(0.25, 300),
  );
});
