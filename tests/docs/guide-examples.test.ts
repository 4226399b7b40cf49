// The guide's examples are what the tool prints (scripts/guide-examples.mjs fills them from
// real runs of the built binary): this fails when the tool's output and the guide drift apart.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../cli/helpers.js';
// @ts-expect-error a script of the repository, plain JavaScript without declarations
import { generate } from '../../scripts/guide-examples.mjs';

const GUIDE = join(ROOT, 'docs', 'guide.zh-CN.md');
const run = generate as (text: string) => { text: string; changed: string[] };

describe('docs/guide.zh-CN.md', () => {
  const text = readFileSync(GUIDE, 'utf8');

  it('shows what plancheck prints today in every marked example', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'guide-examples.mjs'), '--check'], { encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 120_000);

  it('marks its check, completeness and evaluate examples, and no stale wording is left', () => {
    const marked = [...text.matchAll(/<!-- example (\{.*?\}) -->/g)].map((m) => (JSON.parse(m[1]!) as { run: string }).run);
    expect(marked).toEqual(expect.arrayContaining(['check 报表.csv', 'check 报表2.csv', expect.stringMatching(/^evaluate 报表\.csv /)]));
    expect(text).not.toMatch(/超出 1\.5个千分点/);
    expect(text).not.toMatch(/npx plancheck check 报表/);
  });

  it('bite: an example edited by hand, or an input changed, is found', () => {
    const edited = text.replace('低于上限 1.50个千分点', '超出 1.50个千分点');
    expect(edited).not.toBe(text);
    expect(run(edited).changed).toEqual([expect.stringMatching(/^evaluate 报表\.csv/)]);
    const input = text.replace('婴儿死亡率,高港区,2025,1.20,3,2500,‰,', '婴儿死亡率,高港区,2025,2.13,4,1882,‰,');
    expect(run(input).changed).toEqual(expect.arrayContaining(['check 报表.csv']));
  }, 120_000);
});
