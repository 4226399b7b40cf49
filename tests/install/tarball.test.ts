// A release is the tarball `npm pack` makes: it carries what a run needs, built, and nothing
// a run does not need. Installed with `npm install -g` (here into a temporary prefix, from
// npm's cache only: `npm ci` or `npm install` filled it), its `plancheck` runs in any folder.
// `npm test` builds dist/ first; the tarball is packed from it without running the build
// again (--ignore-scripts), and a tarball's install never runs `prepare`, so what runs is
// what was packed.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { baseEnv, ROOT, SAMPLE, TOWNSHIPS, tempDir } from '../cli/helpers.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command: string, args: string[], cwd: string, env: Record<string, string | undefined> = {}) {
  const r = spawnSync(command, args, { cwd, env: baseEnv(env), encoding: 'utf8', timeout: 300_000, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return r;
}

describe('the packed tarball', () => {
  const out = tempDir('plancheck-pack-');
  const packed = run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', out], ROOT);
  const info = JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  const tarball = join(out, info[0]!.filename);
  const files = info[0]!.files.map((f) => f.path);

  it('holds the built CLI, the plan and the schemas, and no tests, samples, sources or source maps', () => {
    expect(packed.status, packed.stderr).toBe(0);
    expect(existsSync(tarball)).toBe(true);
    for (const needed of ['bin/plancheck', 'dist/cli.cjs', 'dist/main.cjs', 'dist/commands/evaluate.cjs', 'dist/index.js', 'dist/types/index.d.ts', 'plan/plan.yaml', 'plan/health.yaml', 'src/schema/results.schema.json', 'README.md', 'package.json', 'dist/plancheck.html', 'dist/vendor/resvg.wasm', 'dist/assets/fonts/chart-font.otf', 'dist/assets/fonts/OFL.txt']) {
      expect(files, needed).toContain(needed);
    }
    expect(files.filter((f) => /^(tests|samples|scripts|docs)\/|\.map$|^src\/(?!schema\/)|\.ts$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
  });

  it('installs with npm install -g into a prefix, evaluates a return from another folder and writes a Word report with its charts', async () => {
    const prefix = tempDir('plancheck-prefix-');
    const installed = run(npm, ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball], out);
    expect(installed.status, installed.stderr).toBe(0);
    const bin = process.platform === 'win32' ? join(prefix, 'plancheck.cmd') : join(prefix, 'bin', 'plancheck');
    expect(existsSync(bin)).toBe(true);
    // The package itself carries no tests nor fixtures, and no build was run on install.
    const lib = process.platform === 'win32' ? join(prefix, 'node_modules', 'plancheck') : join(prefix, 'lib', 'node_modules', 'plancheck');
    expect(readdirSync(lib).sort()).toEqual(['README.md', 'bin', 'dist', 'node_modules', 'package.json', 'plan', 'src'].filter((n) => n !== 'node_modules' || existsSync(join(lib, 'node_modules'))));

    // A statistician's folder: a return and a regions file, nothing of the repository.
    const work = tempDir('plancheck-work-');
    copyFileSync(join(ROOT, SAMPLE), join(work, '报表.csv'));
    copyFileSync(join(ROOT, TOWNSHIPS), join(work, '乡镇名单.csv'));
    const evaluated = run(bin, ['evaluate', '报表.csv', '--regions', '乡镇名单.csv', '--region', '海陵区'], work, { COLUMNS: '100' });
    // the sample misses some targets on purpose: exit 1, with its table
    expect(evaluated.status, evaluated.stderr).toBe(1);
    expect(evaluated.stdout).toMatch(/海陵区 2025年/u);
    expect(evaluated.stdout).toMatch(/共 \d+ 项：达标 \d+/u);
    // A Word report with its charts: the renderer (WebAssembly) and the font come in the tarball,
    // nothing fetched at install nor at run time, whatever fonts the machine has.
    const report = run(bin, ['report', '报表.csv', '--regions', '乡镇名单.csv', '--stage', 'final', '-o', '报告.docx'], work, { HOME: work });
    expect(report.status, report.stderr).toBe(0);
    expect(report.stderr).not.toMatch(/字体|渲染/u);
    const media = Object.keys((await JSZip.loadAsync(readFileSync(join(work, '报告.docx')))).files).filter((n) => /^word\/media\/.+\.png$/u.test(n));
    expect(media.length).toBeGreaterThanOrEqual(40);
    const help = run(bin, ['--help'], work);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^用法：plancheck/u);
    const version = run(bin, ['--version'], work);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    // and uninstalls
    const removed = run(npm, ['uninstall', '-g', '--prefix', prefix, '--offline', 'plancheck'], out);
    expect(removed.status, removed.stderr).toBe(0);
    expect(existsSync(bin)).toBe(false);
  }, 600_000);
});
