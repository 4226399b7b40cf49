// The programmatic API: `import { loadPlan, readReturns, evaluate } from 'plancheck'`.
// The same pipeline as the CLI, from the sources (with their types) and from the built
// package entry (dist/index.js, what `import … from 'plancheck'` loads), on the shipped
// sample; and the declarations a TypeScript user gets, emitted and used by a consumer.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, expectTypeOf, it, vi } from 'vitest';
import * as api from '../../src/index.js';
import { evaluate, formatters, indexes, loadPlan, readRegionsFile, readReturns, type Evaluation, type LoadedPlan, type Plan, type Result } from '../../src/index.js';
import { ROOT, SAMPLE, TOWNSHIPS, parseEvaluation, plancheck } from '../cli/helpers.js';

vi.setConfig({ testTimeout: 120_000 });

const SUMMARY = { met: 377, 'not-met': 19, 'no-data': 2, invalid: 0, 'not-applicable': 1 };

function planFiles(): Array<{ file: string; text: string }> {
  const dir = join(ROOT, 'plan');
  return readdirSync(dir)
    .filter((n) => n.endsWith('.yaml'))
    .sort()
    .map((n) => ({ file: `plan/${n}`, text: readFileSync(join(dir, n), 'utf8') }));
}

/** The README's example, line for line, against whichever module provides the API. */
function pipeline(m: Pick<typeof api, 'loadPlan' | 'readReturns' | 'readRegionsFile' | 'indexes' | 'evaluate'>) {
  const { plan, diagnostics } = m.loadPlan(join(ROOT, 'plan'), planFiles());
  if (!plan) throw new Error(`the plan did not load: ${JSON.stringify(diagnostics)}`);
  const townships = m.readRegionsFile({ file: TOWNSHIPS, bytes: readFileSync(join(ROOT, TOWNSHIPS)) }, plan);
  const { indicators, regions } = m.indexes(plan, townships.regions);
  const read = m.readReturns([{ file: SAMPLE, bytes: readFileSync(join(ROOT, SAMPLE)) }], { plan, indicators, regions });
  const evaluation = m.evaluate(plan, regions, read.cells, {}, [...diagnostics, ...townships.diagnostics, ...read.diagnostics]);
  return { plan, evaluation, read };
}

describe('the API from the sources', () => {
  it('loadPlan → readReturns → evaluate on the shipped sample gives the CLI’s verdicts', () => {
    const { evaluation, read } = pipeline(api);
    expect(read.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(read.observations.length).toBeGreaterThan(2000);
    expect(evaluation.summary).toEqual(SUMMARY);
    expect(evaluation.years).toEqual([2025]);
    const cli = parseEvaluation(plancheck(['evaluate', SAMPLE, '--regions', TOWNSHIPS, '--format', 'json']).stdout);
    expect(evaluation.results.map((r) => [r.id, r.region.code, r.year, r.status])).toEqual(cli.results.map((r) => [r.id, r.region.code, r.year, r.status]));
  });

  it('the formatters are pure functions of the evaluation: json, csv, md, junit and github by name', async () => {
    const { plan, evaluation } = pipeline(api);
    const ctx = { plan, lang: 'zh' as const, color: false };
    const json = JSON.parse((await formatters.json())(evaluation, ctx)) as { summary: unknown };
    expect(json.summary).toEqual(SUMMARY);
    expect((await formatters.csv())(evaluation, ctx)).toMatch(/^\uFEFF/);
    expect((await formatters.md())(evaluation, ctx)).toMatch(/^# /);
    expect((await formatters.junit())(evaluation, ctx)).toMatch(/^<\?xml/);
    const github = (await formatters.github())(evaluation, ctx);
    expect(github.split('\n').filter((l) => l.startsWith('::error ') && l.includes('title=未达标'))).toHaveLength(SUMMARY['not-met']);
  });

  it('options narrow the evaluation: one year, some regions, some indicators', () => {
    const { plan } = pipeline(api);
    const { evaluation } = pipeline({
      ...api,
      evaluate: (p: Plan, r, o, _opts, d) => api.evaluate(p, r, o, { year: 2023, regions: ['321281'], indicators: ['infant-mortality'] }, d),
    });
    expect(evaluation.results).toHaveLength(1);
    expect(evaluation.results[0]).toMatchObject({ id: 'infant-mortality', year: 2023, region: { code: '321281' } });
    expect(plan.indicators.length).toBeGreaterThan(50);
  });

  it('bad input is diagnostics, never an exception', () => {
    const { plan } = pipeline(api);
    const ctx = { plan, ...indexes(plan, []) };
    const read = readReturns([{ file: 'bad.csv', bytes: Buffer.from('指标,地区,年份,数值\n婴儿死忘率,海陵区,2023,abc\n') }], ctx);
    expect(read.observations).toEqual([]);
    expect(read.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.file, d.line, d.column])).toEqual([
      ['bad.csv', 2, 1],
      ['bad.csv', 2, 4],
    ]);
    const loaded: LoadedPlan = loadPlan('/nowhere', [{ file: 'plan.yaml', text: 'id: [' }]);
    expect(loaded.plan).toBeUndefined();
    expect(loaded.diagnostics[0]).toMatchObject({ severity: 'error', file: 'plan.yaml' });
  });

  it('types: what the functions take and give', () => {
    expectTypeOf(evaluate).returns.toEqualTypeOf<Evaluation>();
    expectTypeOf(loadPlan).returns.toEqualTypeOf<LoadedPlan>();
    expectTypeOf<Evaluation['results'][number]>().toEqualTypeOf<Result>();
    expectTypeOf<Result['status']>().toEqualTypeOf<'met' | 'not-met' | 'no-data' | 'invalid' | 'not-applicable'>();
    expectTypeOf(readReturns).parameter(0).toEqualTypeOf<Array<{ file: string; bytes: Uint8Array } | { file: string; chunks: Iterable<Uint8Array> }>>();
    expectTypeOf(formatters.github).returns.resolves.toBeFunction();
  });
});

describe('the API from the built package entry (dist/index.js: what `import … from "plancheck"` loads)', () => {
  it('package.json points "." at dist/index.js, and that module has the same exports as src/index.ts', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: { '.': { default: string; types: string } } };
    expect(pkg.exports['.'].default).toBe('./dist/index.js');
    const built = (await import(pathToFileURL(join(ROOT, 'dist', 'index.js')).href)) as typeof api;
    expect(Object.keys(built).sort()).toEqual(Object.keys(api).sort());
  });

  it('loadPlan → readReturns → evaluate from dist gives the same verdicts as from the sources', async () => {
    const built = (await import(pathToFileURL(join(ROOT, 'dist', 'index.js')).href)) as typeof api;
    const fromDist = pipeline(built).evaluation;
    const fromSrc = pipeline(api).evaluation;
    expect(fromDist.summary).toEqual(SUMMARY);
    expect(fromDist.results).toEqual(fromSrc.results);
    const ctx = { plan: pipeline(built).plan, lang: 'en' as const, color: false };
    expect((await built.formatters.table())(fromDist, ctx)).toMatch(/★1 Neonatal/);
  });
});

describe('type declarations', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plancheck-types-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const base = ['--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--target', 'ES2022', '--strict', '--skipLibCheck', '--resolveJsonModule', '--types', 'node', '--typeRoots', join(ROOT, 'node_modules', '@types')];

  it('src/index.ts emits declarations (tsc --emitDeclarationOnly), and a consumer type-checks against them — wrong calls do not', () => {
    const out = join(dir, 'types');
    const emit = spawnSync(process.execPath, [tsc, ...base, '--declaration', '--emitDeclarationOnly', '--rootDir', join(ROOT, 'src'), '--outDir', out, join(ROOT, 'src', 'index.ts')], { cwd: ROOT, encoding: 'utf8' });
    expect(emit.status, emit.stdout + emit.stderr).toBe(0);
    const dts = readFileSync(join(out, 'index.d.ts'), 'utf8');
    for (const name of ['loadPlan', 'readReturns', 'evaluate', 'indexes', 'formatters', 'Evaluation', 'Result']) expect(dts).toContain(name);
    writeFileSync(
      join(dir, 'consumer.ts'),
      [
        "import { loadPlan, readReturns, evaluate, indexes, type Evaluation } from './types/index.js';",
        "const { plan } = loadPlan('plan', [{ file: 'plan.yaml', text: '' }]);",
        'if (plan) {',
        '  const { indicators, regions } = indexes(plan, []);',
        "  const read = readReturns([{ file: 'r.csv', bytes: new Uint8Array() }], { plan, indicators, regions });",
        '  const e: Evaluation = evaluate(plan, regions, read.observations, { year: 2023 });',
        "  const s: 'met' | 'not-met' | 'no-data' | 'invalid' | 'not-applicable' = e.results[0]!.status;",
        '  // @ts-expect-error a year is a number',
        "  evaluate(plan, regions, read.observations, { year: '2023' });",
        '  // @ts-expect-error the files are bytes',
        "  readReturns([{ file: 'r.csv', text: '' }], { plan, indicators, regions });",
        '  void s;',
        '}',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }');
    const check = spawnSync(process.execPath, [tsc, ...base, '--noEmit', join(dir, 'consumer.ts')], { cwd: dir, encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
  });

  it('the build writes the declarations package.json names ("types": "dist/types/index.d.ts"), with the API in them', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { types: string; exports: { '.': { types: string } } };
    expect(pkg.exports['.'].types).toBe('./dist/types/index.d.ts');
    expect(existsSync(join(ROOT, pkg.types))).toBe(true);
    const dts = readFileSync(join(ROOT, pkg.types), 'utf8');
    for (const name of ['loadPlan', 'readReturns', 'evaluate']) expect(dts).toContain(name);
  });
});
