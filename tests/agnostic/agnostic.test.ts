// The engine is plan-agnostic: a made-up plan in tests/fixtures runs through the
// built binary, and no name or code of the Taizhou plan is written into src/.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const fixtures = join(root, 'tests', 'fixtures', 'plans');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'plancheck'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('another plan', () => {
  it('validates', () => {
    const r = run(['validate', '--plan', join(fixtures, 'testland'), '--lang', 'en']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Testland Water Plan, 2 targets/);
  });

  it('evaluates: the province derived Σ/Σ from its counties, the county without a well named', () => {
    const r = run(['evaluate', join(fixtures, 'testland-2035.csv'), '--plan', join(fixtures, 'testland'), '--format', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { plan: { id: string }; results: Array<Record<string, any>> };
    expect(out.plan.id).toBe('testland-water-2031-2035');
    const province = (id: string) => out.results.find((x) => x.id === id && x.region.code === '900000')!;
    // (960 + 180) / (1000 + 200) = 95 %, not the mean of 96 % and 90 %.
    expect(province('tap-water-coverage').value).toBeCloseTo(95, 10);
    expect(province('tap-water-coverage').derived).toBe(true);
    expect(province('tap-water-coverage').status).toBe('met');
    expect(province('wells').status).toBe('not-met');
    expect(province('wells').failingUnits.map((u: { name: string }) => u.name)).toEqual(['South County']);
  });
});

describe('src/ holds no plan', () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|cjs|mjs|js|json)$/.test(name)) files.push(p);
    }
  };
  walk(join(root, 'src'));

  it.each(['泰州', '海陵', '高港', '姜堰', '兴化', '靖江', '泰兴', '3212', '十四五', 'taizhou'])('no "%s" in src/', (word) => {
    const hits = files.filter((f) => readFileSync(f, 'utf8').toLowerCase().includes(word.toLowerCase()));
    expect(hits).toEqual([]);
  });
});
