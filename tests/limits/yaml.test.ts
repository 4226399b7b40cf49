// Hostile rule files: an alias bomb ("billion laughs"), nesting thousands deep. Each is
// refused with exit 2 and a message naming the file, in bounded time and memory, by the
// built binary (`plancheck validate --plan DIR` and `evaluate --plan DIR`) and by loadPlan.
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/index.js';
import { ROOT, STACK_LINE, planFiles } from '../fuzz/arbitraries.js';
import { bounded, tempDir } from './helpers.js';

const TESTLAND = join(ROOT, 'tests', 'fixtures', 'plans', 'testland');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the small test plan with water.yaml replaced by `text`; a return for it beside. */
function planWith(text: string): string {
  const dir = tempDir();
  dirs.push(dir);
  cpSync(TESTLAND, join(dir, 'plan'), { recursive: true });
  writeFileSync(join(dir, 'plan', 'water.yaml'), text);
  writeFileSync(join(dir, 'data.csv'), 'indicator,region,year,value\nPublic wells,North,2035,1\n');
  return dir;
}

/** Nine levels of ten aliases each: 10⁹ strings once expanded (or 10⁹ merges). */
function billionLaughs(where: 'indicators' | 'key' | 'merge'): string {
  if (where === 'merge') {
    const lines = ['area: water', 'm0: &m0 { a: 1, b: 2 }'];
    for (let i = 1; i <= 9; i++) lines.push(`m${i}: &m${i} { ${Array.from({ length: 10 }, (_, k) => `k${k}: *m${i - 1}`).join(', ')} }`);
    lines.push('indicators:', '  - <<: *m9');
    return `${lines.join('\n')}\n`;
  }
  const lines = ['area: water', 'lol0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i <= 9; i++) lines.push(`lol${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
  if (where === 'indicators') lines.push('indicators: *a9');
  else lines.push('indicators:', '  - id: bomb', '    name: *a9');
  return `${lines.join('\n')}\n`;
}

function expectRefused(r: ReturnType<typeof bounded>, file: RegExp, words: RegExp): void {
  expect(r.signal, `killed after ${r.seconds.toFixed(1)} s`).toBeNull();
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).not.toMatch(STACK_LINE);
  expect(r.stderr).toMatch(file);
  expect(r.stderr).toMatch(words);
  expect(r.seconds, 'seconds').toBeLessThan(10);
  if (r.rssMb !== undefined) expect(r.rssMb, 'peak RSS in MB').toBeLessThan(300);
}

describe('a YAML alias bomb in a rule file', () => {
  for (const where of ['indicators', 'key', 'merge'] as const) {
    it(`as ${where === 'key' ? 'a value inside an indicator' : where === 'merge' ? 'merge keys (<<)' : 'the list of indicators'}: validate → exit 2, “excessive alias count” named in water.yaml, < 10 s, < 300 MB`, () => {
      const dir = planWith(billionLaughs(where));
      expectRefused(bounded(['validate', '--plan', 'plan'], dir), /water\.yaml:\d+:\d+: 错误/, /alias|别名/i);
    });
  }

  it('evaluate --plan on the same plan is refused the same way before any data is read', () => {
    const dir = planWith(billionLaughs('indicators'));
    const r = bounded(['evaluate', 'data.csv', '--plan', 'plan'], dir);
    expectRefused(r, /water\.yaml:\d+:\d+: 错误/, /alias|别名/i);
    expect(r.stdout).toBe('');
  });

  it('loadPlan (the API) returns the error instead of expanding the aliases', () => {
    const files = Object.entries(planFiles('tests/fixtures/plans/testland')).map(([file, text]) => ({ file, text: file === 'water.yaml' ? billionLaughs('indicators') : text }));
    const started = performance.now();
    const loaded = loadPlan('/plan', files);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(loaded.plan).toBeUndefined();
    expect(loaded.diagnostics.some((d) => d.severity === 'error' && d.file === 'water.yaml')).toBe(true);
  });

  it('an honest anchor and alias (far under the limit) is still read: exit 0', () => {
    const water = planFiles('tests/fixtures/plans/testland')['water.yaml']!;
    const text = water.replace('    direction: higher\n', '    direction: &good higher\n').replace(/(- id: wells[\s\S]*?)    direction: higher\n/, '$1    direction: *good\n');
    expect(text.match(/\*good/g)).toHaveLength(1);
    const r = bounded(['validate', '--plan', 'plan'], planWith(text));
    expect(r.code, r.stderr).toBe(0);
  });
});

describe('nesting thousands deep in a rule file', () => {
  const cases: Array<[string, string]> = [
    ['10,000 nested [', `area: water\nindicators: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`],
    ['100,000 nested [ never closed', `area: water\nindicators: ${'['.repeat(100_000)}\n`],
    ['10,000 nested {a: …}', `area: water\nindicators: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`],
    ['5,000 levels of block indentation', `area: water\nx:\n${Array.from({ length: 5000 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')} 1\n`],
    ['5,000 nested block sequences', `area: water\nindicators:\n${Array.from({ length: 5000 }, (_, i) => `${'  '.repeat(i)}-`).join('\n')} 1\n`],
  ];
  for (const [name, text] of cases) {
    it(`${name}: validate → exit 2 with an error in water.yaml, no stack trace, < 10 s, < 300 MB`, () => {
      // Over the 1 MiB a rule file may hold (issue 22): refused by its size before it is parsed.
      const where = Buffer.byteLength(text) > 1024 * 1024 ? /water\.yaml: 错误: .*\[plan\/rule-file-large\]/ : /water\.yaml:\d+:\d+: 错误/;
      expectRefused(bounded(['validate', '--plan', 'plan'], planWith(text)), where, /water\.yaml/);
    });
  }
});
