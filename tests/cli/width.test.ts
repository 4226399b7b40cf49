// Every terminal output fits the width it is given (COLUMNS, or the terminal's): evaluate in
// Chinese and English, check, indicators, template's message, help and usage errors, at 60, 80
// and 120 columns, a Chinese character counting two (src/text/width.ts). And what a Windows
// console needs that can be tried here: Windows paths, CRLF in and out, no colour codes
// where the terminal has no colour.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, win32 } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import { formatForPath } from '../../src/format/index.js';
import { displayWidth } from '../../src/text/width.js';
import { ROOT, SAMPLE, TOWNSHIPS, parseEvaluation, plancheck, tempDir } from './helpers.js';

// Some forty runs of the binary, on a machine that may be busy.
vi.setConfig({ testTimeout: 60_000 });

const dir = tempDir('plancheck-width-');
const RUNS: Array<[string, string[]]> = [
  ['evaluate (zh)', ['evaluate', SAMPLE, '--regions', TOWNSHIPS]],
  ['evaluate (en)', ['evaluate', SAMPLE, '--regions', TOWNSHIPS, '--lang', 'en']],
  ['evaluate, one region (zh)', ['evaluate', SAMPLE, '--region', '海陵区']],
  ['check (zh)', ['check', SAMPLE]],
  ['check (en)', ['check', SAMPLE, '--lang', 'en']],
  ['check, townships', ['check', SAMPLE, '--regions', TOWNSHIPS]],
  ['indicators (zh)', ['indicators']],
  ['indicators (en)', ['indicators', '--lang', 'en']],
  ['template', ['template', '--year', '2020,2025', '-o', join(dir, 'form.xlsx')]],
  ['template (en)', ['template', '--lang', 'en', '-o', join(dir, 'form-en.xlsx')]],
  ['help', ['evaluate', '--help']],
  ['help (en)', ['report', '--help', '--lang', 'en']],
  ['a usage error', ['evalute', SAMPLE]],
];

describe.each([60, 80, 120])('at COLUMNS=%i', (columns) => {
  it.each(RUNS)('%s: no line wider than the terminal', (_, args) => {
    const r = plancheck(args, { env: { COLUMNS: String(columns) } });
    expect(r.stdout + r.stderr).not.toBe('');
    const wide = [...r.stdout.split('\n'), ...r.stderr.split('\n')].filter((line) => displayWidth(line) > columns);
    expect(wide).toEqual([]);
  });

  it('English words are never cut: every word drawn is a word of the same run on one line a result (--wide)', () => {
    const args = ['evaluate', SAMPLE, '--regions', TOWNSHIPS, '--lang', 'en'];
    const text = plancheck(args, { env: { COLUMNS: String(columns) } }).stdout;
    const whole = new Set(plancheck([...args, '--wide']).stdout.match(/[A-Za-z]+/g));
    expect(text).toMatch(/Paediatricians/);
    // Paediatricia|ns: a piece of a word is no word of the unwrapped output
    expect((text.match(/[A-Za-z]+/g) ?? []).filter((w) => !whole.has(w))).toEqual([]);
  });
});

describe('a terminal without colour, Windows paths, CRLF', () => {
  /** An in-process run whose standard output is a terminal `columns` wide, with this environment. */
  async function onTerminal(argv: string[], env: Record<string, string>): Promise<string> {
    const out: string[] = [];
    const io: Io = {
      stdout: (s) => void out.push(s),
      stderr: () => undefined,
      stdoutIsTTY: true,
      stdoutColumns: 100,
      env,
      cwd: ROOT,
      readFile: (p) => readFileSync(p),
      readStdin: () => new Uint8Array(),
      listDir: (p) => readdirSync(p),
      isDir: (p) => statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false,
      writeFileAtomic: () => undefined,
    };
    expect(await main(argv, io)).toBe(1);
    return out.join('');
  }

  it('colour on a terminal that has it, none on TERM=dumb or under NO_COLOR', async () => {
    const args = ['evaluate', SAMPLE, '--regions', TOWNSHIPS, '--region', '海陵区'];
    expect(await onTerminal(args, { TERM: 'xterm-256color' })).toMatch(/\u001b\[/);
    expect(await onTerminal(args, { TERM: 'dumb' })).not.toMatch(/\u001b/);
    expect(await onTerminal(args, { TERM: 'xterm-256color', NO_COLOR: '1' })).not.toMatch(/\u001b/);
    // a pipe: never
    expect(plancheck(args, { env: { NO_COLOR: undefined, FORCE_COLOR: undefined } }).stdout).not.toMatch(/\u001b/);
  });

  it('a return saved with CRLF evaluates as with LF, and CSV output ends its lines with CRLF', () => {
    const lf = readFileSync(join(ROOT, SAMPLE), 'utf8').replace(/\r\n/g, '\n');
    writeFileSync(join(dir, 'lf.csv'), lf);
    writeFileSync(join(dir, 'crlf.csv'), lf.replace(/\n/g, '\r\n'));
    const a = parseEvaluation(plancheck(['evaluate', 'lf.csv', '--format', 'json'], { cwd: dir }).stdout);
    const b = parseEvaluation(plancheck(['evaluate', 'crlf.csv', '--format', 'json'], { cwd: dir }).stdout);
    expect(b.results).toEqual(a.results);
    const csv = plancheck(['evaluate', 'crlf.csv', '--format', 'csv'], { cwd: dir }).stdout;
    expect(csv.split('\r\n').length).toBeGreaterThan(10);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n(?![^"]*"(?:[^"]*"[^"]*")*[^"]*$)/);
  });

  it('a Windows path names its output format and its place in messages as written', () => {
    const out = win32.join('C:\\Users\\统计科\\结果', '2025年评估.XLSX');
    expect(out).toBe('C:\\Users\\统计科\\结果\\2025年评估.XLSX');
    expect(formatForPath(out)).toBe('xlsx');
    expect(formatForPath(win32.join('D:\\', 'a.b', '结果.Json'))).toBe('json');
    expect(formatForPath('D:\\数据.csv\\结果')).toBeUndefined();
  });
});
