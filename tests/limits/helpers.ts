// Running the built binary with a bound on time and memory, for the limits tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../fuzz/arbitraries.js';

export const BIN = join(ROOT, 'bin', 'plancheck');

// Loaded before the CLI: on exit, the process's peak resident set size (KB) on stderr.
const RSS_PROBE = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\n@@rss '+process.resourceUsage().maxRSS+'\\n'))`;

export interface BoundedRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  seconds: number;
  /** Peak resident set size of the process, in MB (absent when it was killed). */
  rssMb?: number;
}

/**
 * node bin/plancheck ARGS in `cwd`, killed after `timeoutMs`, its V8 heap capped at
 * `heapMb` (a run that needs more dies of it: an exit other than 0, 1 or 2), given `stdin`
 * (nothing by default) on its standard input.
 */
export function bounded(args: string[], cwd: string, options: { timeoutMs?: number; heapMb?: number; stdin?: Uint8Array | string } = {}): BoundedRun {
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run `node scripts/build.mjs` first');
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  delete env.PLANCHECK_DEBUG;
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [`--max-old-space-size=${options.heapMb ?? 256}`, '--import', RSS_PROBE, BIN, ...args], {
    cwd,
    env,
    input: options.stdin ?? '',
    timeout: options.timeoutMs ?? 30_000,
    maxBuffer: 64 * 1024 * 1024,
    killSignal: 'SIGKILL',
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  let stderr = r.stderr?.toString('utf8') ?? '';
  let rssMb: number | undefined;
  const m = /\n@@rss (\d+)\n$/.exec(stderr);
  if (m) {
    rssMb = Number(m[1]) / 1024;
    stderr = stderr.slice(0, m.index);
  }
  return { code: r.status, signal: r.signal, stdout: r.stdout?.toString('utf8') ?? '', stderr, seconds, ...(rssMb !== undefined ? { rssMb } : {}) };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'plancheck-limits-'));
}
