// The classes of hostile input of issue 22 §2, generated: plan folders holding FIFOs,
// folders, links and over-size files named *.yaml (in a temporary folder, never a real
// device); bidirectional controls and Markdown markup in every text field of a return, in
// every format and in the reports; workbooks with a missing string table, an index past it,
// or a row given twice; and standard input simulated in chunks: large, read as from a path,
// and huge (up to 4 GiB, made as it is read), refused at a line past a limit without reading
// on. Whatever comes in: exit 0/1/2, no stack trace, no hang, nothing raw in any output, and
// the lie refused at its place.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { nodeIo } from '../../src/cli/io.js';
import { sheetWorkbook } from '../hostile/zip.js';
import { ROOT, badOutcome, memIo, params, runMem, timeoutFor, talliesOfFile } from './arbitraries.js';

const tally = talliesOfFile();
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const RAW_BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];
const MARKUP = ['![t](http://x.invalid/a.png)', '[x](javascript:alert(1))', '*b*', '**b**', '_e_', '`c`', '~~s~~', '# h', '> q', '<img src=x>', '|', '\\'];

describe('issue 22 §2 classes', () => {
  it(
    'plan folders: FIFOs, folders, links to a FIFO, a folder or nothing, dot-files and over-size files named *.yaml',
    async () => {
      const t = tally('sweep2: plan folders');
      // A link to a FIFO in the temporary folder stands for one to /dev/zero (a file that is not a
      // regular one and never ends): the fuzz opens no real device.
      const entry = fc.constantFrom('fifo', 'folder', 'fifo-link', 'folder-link', 'dangling', 'dot-file', 'dot-fifo', 'large', 'plain');
      await fc.assert(
        fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 4 }), fc.constantFrom('validate', 'evaluate', 'indicators'), async (entries, command) => {
          const dir = mkdtempSync(join(tmpdir(), 'plancheck-fuzz-planfolder-'));
          dirs.push(dir);
          const plan = join(dir, 'plan');
          cpSync(join(ROOT, 'plan'), plan, { recursive: true });
          writeFileSync(join(dir, 'data.csv'), '指标,地区,年份,数值\n新生儿死亡率,海陵区,2025,1.5\n');
          entries.forEach((kind, i) => {
            const name = (ext: string) => join(plan, `${kind.startsWith('dot') ? '.#' : 'x'}${i}.${ext}`);
            if (kind === 'fifo' || kind === 'dot-fifo') execFileSync('mkfifo', [name('yaml')]);
            if (kind === 'folder') mkdirSync(name('yaml'));
            if (kind === 'fifo-link') {
              execFileSync('mkfifo', [join(dir, `pipe${i}`)]);
              symlinkSync(join(dir, `pipe${i}`), name('yaml'));
            }
            if (kind === 'folder-link') symlinkSync('/etc', name('yml'));
            if (kind === 'dangling') symlinkSync('nowhere', name('yaml'));
            if (kind === 'dot-file') writeFileSync(name('yaml'), 'not: [yaml');
            if (kind === 'large') writeFileSync(name('yaml'), `# ${'x'.repeat(1024 * 1024)}\n`);
          });
          const out: string[] = [];
          const err: string[] = [];
          const io = { ...nodeIo(), cwd: dir, stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s), stdoutIsTTY: false, env: { NO_COLOR: '1' } };
          const args = command === 'evaluate' ? ['evaluate', 'data.csv', '--plan', 'plan', '-q'] : [command, '--plan', 'plan'];
          const code = await main(args, io);
          const stderr = err.join('');
          t.exit(code);
          expect(badOutcome({ code, stderr })).toBeUndefined();
          expect(stderr).not.toMatch(/EISDIR|ENOENT|EACCES/u);
          const bad = entries.filter((k) => !k.startsWith('dot') && k !== 'plain');
          if (bad.length) {
            expect(code).toBe(2);
            expect(stderr.match(/\[plan\/rule-file-\w+\]/gu)?.length).toBe(bad.length);
          } else expect(code).toBeLessThan(2);
        }),
        params(0.25),
      );
    },
    timeoutFor(0.25, 600),
  );

  it(
    'bidi controls and Markdown markup in every text field: none raw in any format, nor in the reports; none live in Markdown',
    async () => {
      const t = tally('sweep2: bidi and markup in every field');
      const hostile = fc.array(fc.oneof(fc.constantFrom(...BIDI, ...MARKUP), fc.constantFrom('海陵区', '新生儿死亡率', '1.5', ' ', 'a')), { minLength: 1, maxLength: 6 }).map((xs) => xs.join(''));
      // Every column a return has, and its header line; each field's text after its honest value.
      const field = fc.constantFrom('indicator', 'region', 'year', 'value', 'sex', 'residence', 'unit', 'note', 'header');
      const output = fc.constantFrom('md', 'html', 'csv', 'json', 'github', 'table', 'junit', 'report.md', 'report.html');
      // 1.5‰ meets the target, 9.5‰ misses it: a miss quotes the row's 备注 in the report's 存在的问题.
      await fc.assert(
        fc.asyncProperty(hostile, field, output, fc.constantFrom('1.5', '9.5'), async (text, where, format, value) => {
          const q = (s: string) => `"${s.replace(/"/gu, '""')}"`;
          const cells: Record<string, string> = { indicator: '新生儿死亡率', region: '海陵区', year: '2025', value, sex: '', residence: '', unit: '‰', note: '' };
          if (where !== 'header') cells[where] = `${cells[where]}${text}`;
          const header = `指标,地区,年份,数值,性别,城乡,单位,备注${where === 'header' ? `,${q(text)}` : ''}`;
          const csv = `${header}\n${Object.values(cells).map(q).join(',')}${where === 'header' ? ',' : ''}\n`;
          const report = format.startsWith('report.');
          const r = await runMem(report ? ['report', 'r.csv', '--stage', 'final', '-o', format] : ['evaluate', 'r.csv', '--format', format], { 'r.csv': csv });
          t.exit(r.code);
          expect(badOutcome(r)).toBeUndefined();
          const shown = report ? (r.written.get(`/mem/${format}`) ?? '') : r.stdout;
          if (report && r.code !== 2) expect(shown, 'the report is written').not.toBe('');
          expect(shown).not.toMatch(RAW_BIDI);
          expect(r.stdout).not.toMatch(RAW_BIDI);
          expect(r.stderr).not.toMatch(RAW_BIDI);
          if (format.endsWith('md')) {
            // No image or link, and no inline HTML, that a Markdown viewer would render live.
            expect(shown).not.toMatch(/(?<!\\)!\\?\[[^\]]*(?<!\\)\]\(|(?<!\\)\]\(/u);
            expect(shown).not.toContain('<img');
          }
          if (format.endsWith('html')) expect(shown).not.toContain('<img src=x>');
        }),
        params(1),
      );
    },
    timeoutFor(1, 600),
  );

  it(
    'workbooks with no string table, an index past it, or a row given twice: refused at the cell, never read as the index',
    async () => {
      const t = tally('sweep2: workbooks that lie');
      const lie = fc.oneof(
        fc.record({ kind: fc.constant('no-table' as const), index: fc.nat(50) }),
        fc.record({ kind: fc.constant('past-end' as const), index: fc.nat(50), strings: fc.integer({ min: 1, max: 5 }) }),
        fc.record({ kind: fc.constant('row-twice' as const), back: fc.integer({ min: 0, max: 1 }) }),
        fc.record({ kind: fc.constant('honest' as const), index: fc.nat(4) }),
      );
      await fc.assert(
        fc.asyncProperty(lie, async (l) => {
          const row = (r: number, region: string) => `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>新生儿死亡率</t></is></c><c r="B${r}" t="inlineStr"><is><t>${region}</t></is></c><c r="C${r}"><v>2025</v></c><c r="D${r}"><v>1.5</v></c></row>`;
          let bytes: Buffer;
          let expected: string | undefined;
          if (l.kind === 'no-table') {
            bytes = sheetWorkbook({ valueCell: `<c r="D2" t="s"><v>${l.index}</v></c>` });
            expected = 'data/xlsx-no-string-table';
          } else if (l.kind === 'past-end') {
            bytes = sheetWorkbook({ valueCell: `<c r="D2" t="s"><v>${l.strings + l.index}</v></c>`, strings: Array.from({ length: l.strings }, () => '1.5') });
            expected = 'data/xlsx-string-index';
          } else if (l.kind === 'row-twice') {
            bytes = sheetWorkbook({ rows: l.back ? row(3, '海陵区') + row(2, '高港区') : row(2, '海陵区') + row(2, '高港区') });
            expected = 'data/xlsx-row-twice';
          } else bytes = sheetWorkbook({ valueCell: `<c r="D2" t="s"><v>${l.index}</v></c>`, strings: ['1.1', '1.2', '1.3', '1.4', '1.5'] });
          const r = await runMem(['evaluate', 'b.xlsx', '--format', 'json'], { 'b.xlsx': bytes });
          t.exit(r.code);
          expect(badOutcome(r)).toBeUndefined();
          if (expected) {
            expect(r.code).toBe(2);
            expect(r.stderr).toMatch(new RegExp(`b\\.xlsx:数据![A-Z]+\\d+: 错误: .*\\[${expected}\\]`, 'u'));
          } else {
            const hl = JSON.parse(r.stdout).results.find((x: { id: string; region: { name: string } }) => x.id === 'neonatal-mortality' && x.region.name === '海陵区');
            expect(hl.value).toBe(Number(`1.${(l.kind === 'honest' ? l.index : 0) + 1}`));
          }
        }),
        params(0.5),
      );
    },
    timeoutFor(0.5, 500),
  );

  it(
    'standard input of many MiB, in chunks of any size: read as the same bytes from a path are',
    async () => {
      const t = tally('sweep2: large standard input, simulated');
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 64 }), fc.boolean(), async (blocks, chunkKiB, quoted) => {
          const rows: string[] = ['指标,地区,年份,数值,备注\n'];
          const line = (i: number) => `新生儿死亡率,海陵区,${2020 + (i % 6)},${(1 + (i % 6) / 10).toFixed(1)},${quoted && i % 7 === 0 ? '"a,b"' : ''}\n`;
          // Each block about 4 MiB: 1 or 2 of them puts the return past the size read whole.
          for (let i = 0; i < blocks * 110_000; i++) rows.push(line(i));
          const bytes = Buffer.from(rows.join(''));
          const chunk = chunkKiB * 1024;
          function* chunks(): Generator<Uint8Array> {
            for (let at = 0; at < bytes.length; at += chunk) yield bytes.subarray(at, at + chunk);
          }
          const piped = memIo({});
          piped.io.readStdinChunks = chunks;
          const fromStdin = await main(['evaluate', '-', '--format', 'json'], piped.io);
          const path = await runMem(['evaluate', 'r.csv', '--format', 'json'], { 'r.csv': bytes });
          t.exit(fromStdin);
          expect(fromStdin).toBe(path.code);
          const results = (s: string) => JSON.parse(s).results.map((x: { id: string; region: { code: string }; year: number; value: unknown }) => [x.id, x.region.code, x.year, x.value]);
          expect(results(piped.out.join(''))).toEqual(results(path.stdout));
        }),
        params(0.01),
      );
    },
    timeoutFor(0.01, 60_000),
  );
  it(
    'standard input far past any return (up to 4 GiB, made as it is read) with a line past a limit: refused there with the path’s message, the rest never read',
    async () => {
      const t = tally('sweep2: huge standard input, simulated');
      const bad = fc.constantFrom('line', 'cell', 'cells');
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 20_000 }), bad, fc.integer({ min: 1, max: 256 }), fc.integer({ min: 1, max: 4 }), async (padded, before, kind, chunkKiB, gib) => {
          const header = '指标,地区,年份,数值,备注\n';
          const line = (i: number) => `新生儿死亡率,海陵区,${2020 + (i % 6)},1.5,第${i}行\n`;
          // Rows with a 100 KiB 备注, up to 6 MiB of them: the broken line lands in the first piece or in any later one.
          const pad = `新生儿死亡率,高港区,2020,1.5,${'y'.repeat(100 * 1024)}\n`.repeat(padded);
          const broken = kind === 'line' ? `新生儿死亡率,海陵区,2025,1.5,${'x'.repeat(1024 * 1024 + 1)}\n`
            : kind === 'cell' ? `新生儿死亡率,海陵区,2025,1.5,"${'x'.repeat(128 * 1024 + 1)}"\n`
            : `新生儿死亡率,海陵区,2025,1.5${',x'.repeat(1000)}\n`;
          const head = Buffer.from(header + pad + Array.from({ length: before }, (_, i) => line(i)).join('') + broken);
          const filler = Buffer.from(Array.from({ length: 4096 }, (_, i) => line(i)).join(''));
          const total = gib * 1024 ** 3;
          let read = 0;
          // The bytes as a producer writes them, in chunks of any size: the head, then rows made on demand up to `total`.
          function* chunks(): Generator<Uint8Array> {
            const chunk = chunkKiB * 1024;
            for (let at = 0; at < head.length; at += chunk) {
              const piece = head.subarray(at, at + chunk);
              read += piece.length;
              yield piece;
            }
            for (let at = head.length; at < total; at += chunk) {
              const piece = filler.subarray(0, Math.min(chunk, filler.length, total - at));
              read += piece.length;
              yield piece;
            }
          }
          const piped = memIo({});
          piped.io.readStdinChunks = chunks;
          const code = await main(['evaluate', '-', '--format', 'json'], piped.io);
          const stderr = piped.err.join('');
          t.exit(code);
          expect(badOutcome({ code, stderr })).toBeUndefined();
          expect(code).toBe(2);
          // Read up to the broken line and a bounded way past it, never on to the end.
          expect(read).toBeLessThan(head.length + 64 * 1024 * 1024);
          // The same bytes (and some rows after) from a path: the same error, at the same place.
          const path = await runMem(['evaluate', 'r.csv', '--format', 'json'], { 'r.csv': Buffer.concat([head, filler]) });
          const errors = (text: string, file: string) => text.split('\n').filter((l) => / 错误: /u.test(l)).map((l) => l.replaceAll(file, 'FILE'));
          expect(errors(stderr, '<stdin>')).toEqual(errors(path.stderr, 'r.csv'));
          expect(errors(stderr, '<stdin>').join('\n')).toMatch(/^FILE:\d+:\d+: 错误: .*\[data\/(?:line-too-long|cell-too-long|too-many-cells)\]/u);
          // Refused (整个文件未读取) wherever the line is: nothing of the return evaluated, from a path or piped.
          const evaluated = (out: string) => (out ? JSON.parse(out).results.filter((x: { status: string }) => x.status !== 'no-data') : []);
          expect(evaluated(piped.out.join(''))).toEqual([]);
          expect(evaluated(path.stdout)).toEqual([]);
        }),
        params(0.1),
      );
    },
    timeoutFor(0.1, 5000),
  );
});
