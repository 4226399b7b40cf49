// A run writes nothing under the package folder (no code cache, no plan cache made at run
// time, no temporary file): the installed package may be read-only or shared. Each run goes
// to a copy of the built package, whose every file's size and modification time are compared
// before and after; the runs' own output goes to a folder outside it.
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { baseEnv, ROOT, SAMPLE, tempDir, TOWNSHIPS } from './helpers.js';

const pkg = tempDir('plancheck-no-writes-');
const out = tempDir('plancheck-no-writes-out-');
for (const part of ['bin', 'dist', 'plan', 'package.json']) cpSync(join(ROOT, part), join(pkg, part), { recursive: true });

afterAll(() => {
  rmSync(pkg, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

/** Every file and folder under dir, with its size and modification time. */
function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => {
      const s = statSync(join(dir, f));
      return `${f} ${s.isDirectory() ? 'dir' : s.size} ${s.mtimeMs}`;
    })
    .sort();
}

function run(args: string[]) {
  const r = spawnSync(process.execPath, [join(pkg, 'bin', 'plancheck'), ...args], { cwd: out, env: baseEnv({ NODE_COMPILE_CACHE: undefined }), encoding: 'utf8', timeout: 60_000 });
  return r.status;
}

describe('a run of the installed package', () => {
  it('writes nothing under the package folder, whatever the command', () => {
    const before = listing(pkg);
    expect(before.some((f) => f.startsWith('dist/main.cjs '))).toBe(true);
    const sample = join(ROOT, SAMPLE);
    const regions = join(ROOT, TOWNSHIPS);
    expect(run(['evaluate', sample, '--regions', regions])).toBe(1);
    expect(run(['evaluate', sample, '--regions', regions, '--format', 'json'])).toBe(1);
    expect(run(['evaluate', sample, '--regions', regions, '-o', join(out, 'r.json')])).toBe(1);
    expect(run(['check', sample, '--regions', regions])).not.toBe(2);
    expect(run(['validate'])).toBe(0);
    expect(run(['--help'])).toBe(0);
    expect(run(['--version'])).toBe(0);
    expect(listing(pkg)).toEqual(before);
    // The -o file went where it was asked to, so the runs did write.
    expect(readdirSync(out)).toContain('r.json');
  }, 120_000);
});
