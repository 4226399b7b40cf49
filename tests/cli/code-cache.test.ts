// dist/main.cjs runs from V8's code cache (src/cli/bin.ts, loadMain): a cache is used only
// for the main.cjs it was made from, and a run without a valid one makes one. Each test
// works on a copy of the built package, so that the tests running beside it keep theirs.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { baseEnv, BIN, ROOT, SAMPLE, tempDir, TOWNSHIPS } from './helpers.js';

/** The cache of short runs (inputs up to 1 MiB), as the sample's. */
const CACHE = 'main.cjs.short.v8-cache';
const LONG_CACHE = 'main.cjs.long.v8-cache';
const ARGS = ['evaluate', join(ROOT, SAMPLE), '--regions', join(ROOT, TOWNSHIPS), '--format', 'json'];
const copies: string[] = [];

afterEach(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * bin/, dist/ (without its types and its code caches) and plan/, in a temporary folder. A
 * copied cache would not be used anyway: the copy of main.cjs is newer than its key says.
 */
function copyPackage(): string {
  const dir = tempDir('plancheck-code-cache-');
  copies.push(dir);
  for (const part of ['bin', 'plan', 'package.json']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  cpSync(join(ROOT, 'dist'), join(dir, 'dist'), {
    recursive: true,
    filter: (src) => !src.startsWith(join(ROOT, 'dist', 'types')) && !src.endsWith('.v8-cache'),
  });
  return dir;
}

function run(bin: string, args = ARGS) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: ROOT, env: baseEnv(), encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The line before V8's data: the key's fields, then the command that made it. */
function header(cache: string): string[] {
  const bytes = readFileSync(cache);
  return bytes.subarray(0, bytes.indexOf(0x0a)).toString('latin1').trim().split(' ');
}

describe('the code cache of dist/main.cjs', () => {
  it('is made by the build, with an evaluation', () => {
    expect(existsSync(join(ROOT, 'dist', CACHE))).toBe(true);
    expect(header(join(ROOT, 'dist', CACHE)).at(-1)).toBe('evaluate');
  });

  it('is made by a run that finds none, and then used as it is: the output is the same either way', () => {
    const expected = run(BIN);
    const dir = copyPackage();
    const cache = join(dir, 'dist', CACHE);
    expect(existsSync(cache)).toBe(false);
    expect(run(join(dir, 'bin', 'plancheck'))).toEqual(expected);
    const made = readFileSync(cache);
    expect(made.length).toBeGreaterThan(10_000);
    expect(run(join(dir, 'bin', 'plancheck'))).toEqual(expected);
    expect(readFileSync(cache).equals(made)).toBe(true);
    // No temporary file is left behind.
    expect(readdirSync(join(dir, 'dist')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);

  it('is not used for a main.cjs that changed since it was made, and is made again', () => {
    const expected = run(BIN);
    const dir = copyPackage();
    const cache = join(dir, 'dist', CACHE);
    expect(run(join(dir, 'bin', 'plancheck'))).toEqual(expected);
    const before = readFileSync(cache);
    // An edit by hand that keeps the size (which V8 alone would not notice): a comment.
    const main = join(dir, 'dist', 'main.cjs');
    const source = readFileSync(main, 'latin1');
    expect(source).toMatch(/sourceMappingURL=main\.cjs\.map\s*$/);
    writeFileSync(main, source.replace(/main\.cjs\.map(\s*)$/, 'main.cjs.MAP$1'), 'latin1');
    expect(statSync(main).size).toBe(source.length);
    expect(run(join(dir, 'bin', 'plancheck'))).toEqual(expected);
    const after = readFileSync(cache);
    expect(after.equals(before)).toBe(false);
    expect(Number(header(cache)[2])).toBe(statSync(main).mtimeMs);
  }, 60_000);

  it('is not read when its key is another one', () => {
    const expected = run(BIN);
    const dir = copyPackage();
    const cache = join(dir, 'dist', CACHE);
    expect(run(join(dir, 'bin', 'plancheck'))).toEqual(expected);
    const bytes = readFileSync(cache);
    // Another build's hash in the key: the data must not be used, and is replaced.
    const other = Buffer.from(bytes);
    other.write('0000000000000000', 0, 'latin1');
    rmSync(cache);
    appendFileSync(cache, other);
    expect(run(join(dir, 'bin', 'plancheck'))).toEqual(expected);
    // Made again, with this main.cjs's key.
    expect(readFileSync(cache).subarray(0, 80).toString('latin1')).toBe(bytes.subarray(0, 80).toString('latin1'));
  }, 60_000);

  it('made by another command, is made again by the first evaluation, and then kept', () => {
    const dir = copyPackage();
    const bin = join(dir, 'bin', 'plancheck');
    const cache = join(dir, 'dist', CACHE);
    expect(run(bin, ['indicators']).code).toBe(0);
    expect(header(cache).at(-1)).toBe('other');
    const expected = run(BIN);
    expect(run(bin)).toEqual(expected);
    expect(header(cache).at(-1)).toBe('evaluate');
    const made = readFileSync(cache);
    expect(run(bin, ['indicators']).code).toBe(0);
    expect(readFileSync(cache).equals(made)).toBe(true);
  }, 60_000);

  it('is one for short runs and one for runs over large inputs, each kept by the other kind', () => {
    const dir = copyPackage();
    const bin = join(dir, 'bin', 'plancheck');
    expect(run(bin).code).toBe(1);
    const short = readFileSync(join(dir, 'dist', CACHE));
    expect(existsSync(join(dir, 'dist', LONG_CACHE))).toBe(false);
    // The sample eight times over: more than 1 MiB of input (and every cell given eight times).
    const long = ['evaluate', ...Array<string>(8).fill(join(ROOT, SAMPLE)), '--format', 'json'];
    expect(run(bin, long).code).toBeLessThanOrEqual(2);
    const made = readFileSync(join(dir, 'dist', LONG_CACHE));
    expect(run(bin).code).toBe(1);
    expect(run(bin, long).code).toBeLessThanOrEqual(2);
    expect(readFileSync(join(dir, 'dist', CACHE)).equals(short)).toBe(true);
    expect(readFileSync(join(dir, 'dist', LONG_CACHE)).equals(made)).toBe(true);
  }, 60_000);
});
