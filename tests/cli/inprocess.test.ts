// The CLI without a subprocess: main(argv, io) from src/cli/main.ts with a fake Io that
// captures stdout/stderr and -o files and reads the real files. Its exit codes must equal
// the built binary's for the same arguments.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import { ROOT, SAMPLE, STACK_LINE, TOWNSHIPS, fixture, parseEvaluation, plancheck } from './helpers.js';

// Each case starts the CLI (a process, or the engine in-process) on a 2 238-row return.
vi.setConfig({ testTimeout: 60_000 });

interface FakeRun {
  code: number;
  stdout: string;
  stderr: string;
  written: Map<string, string>;
}

function fakeIo(stdin: Uint8Array = new Uint8Array()): { io: Io; out: string[]; err: string[]; written: Map<string, string> } {
  const out: string[] = [];
  const err: string[] = [];
  const written = new Map<string, string>();
  const io: Io = {
    stdout: (s) => void out.push(s),
    stderr: (s) => void err.push(s),
    stdoutIsTTY: false,
    env: { NO_COLOR: '1' },
    cwd: ROOT,
    readFile: (p) => readFileSync(p),
    readStdin: () => stdin,
    listDir: (p) => readdirSync(p),
    isDir: (p) => {
      try {
        return statSync(p).isDirectory();
      } catch {
        return false;
      }
    },
    writeFileAtomic: (p, data) => void written.set(resolve(p), typeof data === "string" ? data : Buffer.from(data).toString("utf8")),
  };
  return { io, out, err, written };
}

async function inProcess(argv: string[], stdin?: Uint8Array): Promise<FakeRun> {
  const { io, out, err, written } = fakeIo(stdin);
  const code = await main(argv, io);
  return { code, stdout: out.join(''), stderr: err.join(''), written };
}

const S = [SAMPLE, '--regions', TOWNSHIPS];
const sampleBytes = readFileSync(join(ROOT, SAMPLE));

const cases: Array<{ name: string; args: string[]; stdin?: Uint8Array; exitCode: number }> = [
  { name: '--version', args: ['--version'], exitCode: 0 },
  { name: '--help', args: ['--help'], exitCode: 0 },
  { name: 'an unknown command', args: ['frobnicate'], exitCode: 2 },
  { name: 'a bad --format', args: ['evaluate', ...S, '--format', 'xls'], exitCode: 2 },
  { name: 'an unknown --region', args: ['evaluate', ...S, '--region', '兴花'], exitCode: 2 },
  { name: 'a missing data file', args: ['evaluate', 'no-such-return.csv'], exitCode: 2 },
  { name: 'the main sample: not met', args: ['evaluate', ...S], exitCode: 1 },
  { name: '--fail-on none', args: ['evaluate', ...S, '--fail-on', 'none'], exitCode: 0 },
  { name: '--fail-on no-data', args: ['evaluate', fixture('sex-parts.csv'), '--fail-on', 'no-data'], exitCode: 1 },
  { name: "'-' from standard input", args: ['evaluate', '-', '--regions', TOWNSHIPS], stdin: sampleBytes, exitCode: 1 },
  { name: 'validate', args: ['validate'], exitCode: 0 },
  { name: 'indicators', args: ['indicators', '--format', 'json'], exitCode: 0 },
  { name: 'check the main sample', args: ['check', ...S], exitCode: 0 },
  { name: 'check a return with errors', args: ['check', fixture('several-errors.csv')], exitCode: 2 },
];

describe('main(argv, io) in-process', () => {
  for (const c of cases) it(`${c.name}: exit ${c.exitCode}, as the binary`, async () => {
    const inproc = await inProcess(c.args, c.stdin);
    const binary = plancheck(c.args, c.stdin ? { stdin: Buffer.from(c.stdin) } : {});
    expect(inproc.code, inproc.stderr).toBe(c.exitCode);
    expect(binary.code, binary.stderr).toBe(c.exitCode);
    expect(inproc.stderr).not.toMatch(STACK_LINE);
    if (c.exitCode === 2) expect(inproc.stderr.trim()).not.toBe('');
  });

  it('--version writes the version through io.stdout', async () => {
    expect((await inProcess(['--version'])).stdout.trim()).toBe(readFileSync(join(ROOT, 'package.json'), 'utf8').match(/"version": "([^"]+)"/)?.[1]);
  });

  it('--format json gives the same summary in-process and from the binary', async () => {
    const args = ['evaluate', ...S, '--format', 'json'];
    const inproc = parseEvaluation((await inProcess(args)).stdout);
    const binary = parseEvaluation(plancheck(args).stdout);
    expect(inproc.summary).toEqual(binary.summary);
    expect(inproc.summary).toEqual({ met: 377, 'not-met': 19, 'no-data': 2, invalid: 0, 'not-applicable': 1 });
  });

  it('-o goes through io.writeFileAtomic (nothing touches the disk) and the table still goes to stdout', async () => {
    const r = await inProcess(['evaluate', ...S, '-o', 'out-inprocess.json', '-o', 'out-inprocess.csv']);
    expect(r.code).toBe(1);
    expect([...r.written.keys()].sort()).toEqual([join(ROOT, 'out-inprocess.csv'), join(ROOT, 'out-inprocess.json')]);
    expect(parseEvaluation(r.written.get(join(ROOT, 'out-inprocess.json'))!).results).toHaveLength(399);
    expect(r.written.get(join(ROOT, 'out-inprocess.csv'))).toMatch(/^\uFEFF/);
    expect(r.stdout).toMatch(/┌/);
  });

  it('-o naming an input is refused before anything is written', async () => {
    const r = await inProcess(['evaluate', ...S, '-o', SAMPLE]);
    expect(r.code).toBe(2);
    expect(r.written.size).toBe(0);
    expect(r.stderr).toMatch(/taizhou-2020-2025\.csv/);
  });

  it('colour only on a terminal: a TTY without NO_COLOR gets ANSI colour, NO_COLOR turns it off', async () => {
    const run = async (env: Record<string, string | undefined>, tty: boolean) => {
      const { io, out } = fakeIo();
      const code = await main(['evaluate', ...S, '--region', '兴化'], { ...io, env, stdoutIsTTY: tty });
      return { code, stdout: out.join('') };
    };
    expect((await run({ NO_COLOR: '1' }, true)).stdout).not.toMatch(/\u001b\[/);
    expect((await run({}, false)).stdout).not.toMatch(/\u001b\[/);
    const tty = await run({}, true);
    expect(tty.code).toBe(1);
    expect(tty.stdout).toMatch(/\u001b\[/);
  });
});
