// Outputs are written whole or not at all: a temporary file beside the target, then a
// rename. An -o that names an input is refused; a run that fails before it has a result
// writes nothing; a write that fails (or a process killed in the middle of one) never
// leaves half a file at the target path. tests/cli covers -o naming the data or regions
// file by the same and by an absolute path; these are the other ways in.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { nodeIo } from '../../src/cli/io.js';
import { BIN, ROOT, SAMPLE, STACK_LINE, TOWNSHIPS, baseEnv, parseEvaluation, plancheck, tempDir } from '../cli/helpers.js';

vi.setConfig({ testTimeout: 60_000 });

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A temporary folder with the small test plan (plan/), its return (data.csv) and the main sample. */
function workspace(): string {
  const dir = tempDir('plancheck-writes-');
  dirs.push(dir);
  cpSync(join(ROOT, 'tests', 'fixtures', 'plans', 'testland'), join(dir, 'plan'), { recursive: true });
  cpSync(join(ROOT, 'tests', 'fixtures', 'plans', 'testland-2035.csv'), join(dir, 'data.csv'));
  cpSync(join(ROOT, SAMPLE), join(dir, 'sample.csv'));
  cpSync(join(ROOT, TOWNSHIPS), join(dir, 'townships.csv'));
  return dir;
}

/** Every file under dir, with its bytes, to compare before and after a run. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (!e.isSymbolicLink()) out.set(p.slice(dir.length + 1), readFileSync(p).toString('base64'));
      else out.set(p.slice(dir.length + 1), 'symlink');
    }
  };
  walk(dir);
  return out;
}

const temps = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.tmp'));

describe('-o naming an input is refused, and the input is untouched', () => {
  it('a symlink to the data file: refused, or written beside it — the data file’s bytes never change', () => {
    const dir = workspace();
    symlinkSync(join(dir, 'data.csv'), join(dir, 'link.json'));
    const before = readFileSync(join(dir, 'data.csv'));
    const r = plancheck(['evaluate', 'data.csv', '--plan', 'plan', '-o', 'link.json'], { cwd: dir });
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect([1, 2]).toContain(r.code);
    expect(readFileSync(join(dir, 'data.csv'))).toEqual(before);
  });

  it('the same file spelt through ./ and ../: refused with exit 2, the file unchanged', () => {
    const dir = workspace();
    const before = readFileSync(join(dir, 'data.csv'));
    for (const spelling of ['./data.csv', `../${dir.split('/').pop()}/data.csv`, 'plan/../data.csv']) {
      const r = plancheck(['evaluate', 'data.csv', '--plan', 'plan', '--format', 'json', '-o', spelling], { cwd: dir });
      expect(r.code, spelling).toBe(2);
      expect(r.stderr).toMatch(/data\.csv/);
      expect(readFileSync(join(dir, 'data.csv'))).toEqual(before);
    }
  });

  it('standard input is not a file: -o beside a "-" input works, and refusing the others still holds', () => {
    const dir = workspace();
    const r = plancheck(['evaluate', '-', '--plan', 'plan', '-o', 'out.json'], { cwd: dir, stdin: readFileSync(join(dir, 'data.csv')) });
    expect(r.code).toBe(1);
    expect(parseEvaluation(readFileSync(join(dir, 'out.json'), 'utf8')).results.length).toBeGreaterThan(0);
  });

  it('report -o naming the return: refused with exit 2, the return unchanged, nothing written', () => {
    const dir = workspace();
    const before = snapshot(dir);
    const r = plancheck(['report', 'sample.csv', '--regions', 'townships.csv', '--stage', 'midterm', '-o', 'sample.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(snapshot(dir)).toEqual(before);
  });

  it('-o naming one of the plan’s rule files (--plan plan -o plan/water.yaml): refused with exit 2, the rule file unchanged', () => {
    const dir = workspace();
    const before = readFileSync(join(dir, 'plan', 'water.yaml'));
    const r = plancheck(['evaluate', 'data.csv', '--plan', 'plan', '--format', 'json', '-o', 'plan/water.yaml'], { cwd: dir });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/water\.yaml/);
    expect(readFileSync(join(dir, 'plan', 'water.yaml'))).toEqual(before);
  });

});

describe('a run that fails before it has a result writes nothing', () => {
  const cases: Array<{ name: string; args: string[]; setup?: (dir: string) => void }> = [
    { name: 'a missing data file', args: ['evaluate', 'no-such.csv', '--plan', 'plan', '-o', 'out.json', '-o', 'out.csv'] },
    { name: 'a missing regions file', args: ['evaluate', 'sample.csv', '--regions', 'no-such.csv', '-o', 'out.json'] },
    { name: 'a data "file" that is a folder', args: ['evaluate', 'plan', '--plan', 'plan', '-o', 'out.json'] },
    { name: 'an invalid plan', args: ['evaluate', 'data.csv', '--plan', 'plan', '-o', 'out.json'], setup: (d) => writeFileSync(join(d, 'plan', 'water.yaml'), 'area: water\nindicators: [\n') },
    { name: 'a plan folder that does not exist', args: ['evaluate', 'data.csv', '--plan', 'nowhere', '-o', 'out.json'] },
    { name: 'a bad --year', args: ['evaluate', 'data.csv', '--plan', 'plan', '--year', '20x5', '-o', 'out.json'] },
    { name: 'a bad --fail-on', args: ['evaluate', 'data.csv', '--plan', 'plan', '--fail-on', 'sometimes', '-o', 'out.json'] },
    { name: 'an unknown --region', args: ['evaluate', 'data.csv', '--plan', 'plan', '--region', 'Atlantis', '-o', 'out.json'] },
    { name: 'an unknown --indicator', args: ['evaluate', 'data.csv', '--plan', 'plan', '--indicator', 'nothing-like-it', '-o', 'out.json'] },
    { name: 'a second -o with an unknown extension (the first is not written either)', args: ['evaluate', 'data.csv', '--plan', 'plan', '-o', 'out.json', '-o', 'out.xls'] },
    { name: 'report on a missing return', args: ['report', 'no-such.csv', '--stage', 'final', '-o', 'report.html', '-o', 'report.json'] },
    { name: 'report with an unknown extension', args: ['report', 'sample.csv', '--regions', 'townships.csv', '--stage', 'final', '-o', 'report.html', '-o', 'report.pdf'] },
  ];
  for (const c of cases) {
    it(`${c.name}: exit 2, a message, and the folder exactly as it was`, () => {
      const dir = workspace();
      c.setup?.(dir);
      const before = snapshot(dir);
      const r = plancheck(c.args, { cwd: dir });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(r.stderr.trim()).not.toBe('');
      expect(snapshot(dir)).toEqual(before);
    });
  }
});

describe('a write that fails leaves neither half a file nor a temporary one', () => {
  it('nodeIo().writeFileAtomic onto a folder: throws, the folder unchanged, no temporary file beside it', () => {
    const dir = workspace();
    mkdirSync(join(dir, 'out.json'));
    writeFileSync(join(dir, 'out.json', 'keep.txt'), 'keep');
    expect(() => nodeIo().writeFileAtomic(join(dir, 'out.json'), 'x'.repeat(1_000_000))).toThrow();
    expect(readdirSync(join(dir, 'out.json'))).toEqual(['keep.txt']);
    expect(temps(dir)).toEqual([]);
  });

  it('nodeIo().writeFileAtomic into a folder that does not exist: throws, nothing created', () => {
    const dir = workspace();
    const before = snapshot(dir);
    expect(() => nodeIo().writeFileAtomic(join(dir, 'missing', 'out.json'), '{}')).toThrow();
    expect(snapshot(dir)).toEqual(before);
  });

  it('main(argv, nodeIo()) with -o naming a folder: exit 2 with a message, no stack trace, no temporary file, and the earlier -o is whole', async () => {
    const dir = workspace();
    mkdirSync(join(dir, 'results.json'));
    const err: string[] = [];
    const io = { ...nodeIo(), cwd: dir, stdout: () => {}, stderr: (s: string) => void err.push(s), env: { NO_COLOR: '1' } };
    const code = await main(['evaluate', 'data.csv', '--plan', 'plan', '-o', 'first.csv', '-o', 'results.json', '--format', 'json'], io);
    expect(code).toBe(2);
    expect(err.join('')).toMatch(/results\.json/);
    expect(err.join('')).not.toMatch(STACK_LINE);
    expect(temps(dir)).toEqual([]);
    expect(readdirSync(join(dir, 'results.json'))).toEqual([]);
    // Each file is whole or absent: the first, written before the failure, is complete JSON.
    if (existsSync(join(dir, 'first.csv'))) parseEvaluation(readFileSync(join(dir, 'first.csv'), 'utf8'));
  });

  it('the built binary with -o naming a folder: exit 2, no temporary file', () => {
    const dir = workspace();
    mkdirSync(join(dir, 'out.json'));
    const r = plancheck(['evaluate', 'data.csv', '--plan', 'plan', '-o', 'out.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(temps(dir)).toEqual([]);
  });
});

describe('a process killed in the middle of a write never leaves half a file at the target', () => {
  // Loaded before the CLI: the first write of a temporary file writes half its data and
  // then the process kills itself (SIGKILL: no handler, no cleanup), as a power cut would.
  const CRASH = `data:text/javascript,${encodeURIComponent(`
    import fs from 'node:fs';
    import { syncBuiltinESMExports } from 'node:module';
    const write = fs.writeFileSync;
    fs.writeFileSync = function (path, data, ...rest) {
      if (typeof path === 'string' && path.endsWith('.tmp')) {
        write.call(fs, path, String(data).slice(0, Math.floor(String(data).length / 2)));
        process.kill(process.pid, 'SIGKILL');
      }
      return write.call(fs, path, data, ...rest);
    };
    syncBuiltinESMExports();
  `)}`;

  function crashRun(dir: string, args: string[]) {
    return spawnSync(process.execPath, ['--import', CRASH, BIN, ...args], { cwd: dir, env: baseEnv(), input: '', timeout: 60_000 });
  }

  it('killed while writing out.json: no out.json at all (the half is only in a hidden .tmp beside it)', () => {
    const dir = workspace();
    const r = crashRun(dir, ['evaluate', 'sample.csv', '--regions', 'townships.csv', '--year', 'all', '-o', 'out.json']);
    expect(r.signal).toBe('SIGKILL');
    expect(existsSync(join(dir, 'out.json'))).toBe(false);
    // The crash came between the temporary file and the rename: the half-file is there,
    // hidden beside the target (a SIGKILL leaves no chance to remove it), never at the target.
    const left = temps(dir);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/^\.out\.json\..+\.tmp$/);
    expect(() => JSON.parse(readFileSync(join(dir, left[0]!), 'utf8'))).toThrow();
  });

  it('killed while replacing an earlier out.json: the earlier file is still there, whole and unchanged', () => {
    const dir = workspace();
    const first = plancheck(['evaluate', 'sample.csv', '--regions', 'townships.csv', '-o', 'out.json'], { cwd: dir });
    expect(first.code).toBe(1);
    const before = readFileSync(join(dir, 'out.json'));
    const r = crashRun(dir, ['evaluate', 'sample.csv', '--regions', 'townships.csv', '--year', 'all', '-o', 'out.json']);
    expect(r.signal).toBe('SIGKILL');
    expect(readFileSync(join(dir, 'out.json'))).toEqual(before);
    parseEvaluation(before.toString('utf8'));
  });

  it('killed at arbitrary moments of a large run: out.json is absent or complete, never partial', () => {
    const dir = workspace();
    for (const delay of [50, 150, 300, 450, 600, 800]) {
      rmSync(join(dir, 'out.json'), { force: true });
      const r = spawnSync('/bin/sh', ['-c', `"${process.execPath}" "${BIN}" evaluate sample.csv --regions townships.csv --year all -o out.json -o out.csv -o out.md & pid=$!; sleep ${delay / 1000}; kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null; true`], {
        cwd: dir,
        env: baseEnv(),
        timeout: 60_000,
      });
      expect(r.error).toBeUndefined();
      if (existsSync(join(dir, 'out.json'))) expect(parseEvaluation(readFileSync(join(dir, 'out.json'), 'utf8')).results.length, `after ${delay} ms`).toBeGreaterThan(0);
      if (existsSync(join(dir, 'out.csv'))) expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toMatch(/\r\n$/);
    }
  });
});
