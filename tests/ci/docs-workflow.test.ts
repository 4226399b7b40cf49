// The example workflow of docs/ci.md runs: its YAML parses, and every plancheck command in
// its `run:` steps succeeds on the shipped samples (with the built binary standing in for
// `npx plancheck`), writing the annotations, the step summary and the reports it promises.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { BIN, ROOT, STACK_LINE, baseEnv, parseEvaluation, tempDir } from '../cli/helpers.js';

vi.setConfig({ testTimeout: 60_000 });

const doc = readFileSync(join(ROOT, 'docs', 'ci.md'), 'utf8');
const block = /```yaml\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, { 'runs-on': string; steps: Step[] }>;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('docs/ci.md: the example workflow', () => {
  const workflow = parse(block) as Workflow;
  const steps = Object.values(workflow.jobs ?? {}).flatMap((j) => j.steps);

  it('is a workflow that runs on every push, with npm ci before plancheck', () => {
    expect(block).not.toBe('');
    expect(Object.keys(workflow.on)).toContain('push');
    const runs = steps.map((s) => s.run ?? '');
    expect(runs.findIndex((r) => r.includes('npm ci'))).toBeLessThan(runs.findIndex((r) => r.includes('plancheck')));
    expect(block).toMatch(/--format github/);
    expect(block).toMatch(/-o results\.xml/);
    expect(block).toMatch(/GITHUB_STEP_SUMMARY/);
  });

  it('every plancheck step runs on the samples: exit 0, annotations on stdout, a summary, the reports', () => {
    const dir = tempDir('plancheck-workflow-');
    dirs.push(dir);
    cpSync(join(ROOT, 'samples'), join(dir, 'samples'), { recursive: true });
    const summary = join(dir, 'step-summary.md');
    let annotations = '';
    for (const step of steps.filter((s) => s.run?.includes('npx plancheck'))) {
      const script = step.run!.replace(/npx plancheck/g, `"${process.execPath}" "${BIN}"`);
      const r = spawnSync('/bin/sh', ['-e', '-c', script], { cwd: dir, env: baseEnv({ GITHUB_STEP_SUMMARY: summary }), encoding: 'utf8', timeout: 60_000 });
      expect(r.status, `${step.name}: ${r.stderr}`).toBe(0);
      expect(r.stderr).not.toMatch(STACK_LINE);
      if (script.includes('--format github')) annotations += r.stdout;
    }
    const lines = annotations.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toMatch(/^::(error|warning|notice)( [^:]*)?::/);
    expect(lines.some((l) => l.startsWith('::error ') && l.includes('title=未达标'))).toBe(true);
    expect(readFileSync(summary, 'utf8')).toMatch(/^\| 地区 \|/m);
    expect(existsSync(join(dir, 'results.xml'))).toBe(true);
    expect(readFileSync(join(dir, 'results.xml'), 'utf8')).toMatch(/<testsuites /);
    expect(parseEvaluation(readFileSync(join(dir, 'results.json'), 'utf8')).results.length).toBeGreaterThan(300);
  });
});
