// Hostile input, in-process: arbitrary bytes, text made of a return's own pieces, mutated
// real returns and mutated rule files, thrown at main(argv, io) with an in-memory Io.
// Whatever comes in, the CLI returns 0, 1 or 2, never throws, never prints a stack trace,
// and an exit 2 says where (file:line:col) or what (plancheck: …). The API's readReturns
// and loadPlan never throw either, and every error they find is located.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexes, loadPlan, readReturns } from '../../src/index.js';
import {
  LOCATED, PROTOTYPE_NAMES, ROOT, Tally, badOutcome, knownBug, csvLikeText, errorLines, hostileBytes, mutate, mutateYaml, mutation, params, planFiles, realReturns, runMem,
  timeoutFor, yamlMutation, type MemRun, talliesOfFile,
} from './arbitraries.js';

const tally = talliesOfFile();

// Not the terminal table: unbundled (as vitest runs src/), cli-table3 re-measures a long cell
// once per character it drops, which the bundle patches out (scripts/build.mjs); an in-process
// table of a long hostile cell takes minutes. The built binary's fuzz covers the table.
const FORMATS = ['json', 'csv', 'md', 'html', 'junit', 'github'] as const;
/** Mostly data.csv; sometimes a name every object answers to. */
const fileName = fc.oneof({ weight: 4, arbitrary: fc.constant('data.csv') }, { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES) });
const command = fc.record({
  verb: fc.constantFrom('evaluate', 'evaluate', 'evaluate', 'check'),
  format: fc.constantFrom(...FORMATS),
  year: fc.option(fc.constantFrom('all', '2023', '2020'), { nil: undefined }),
  lang: fc.constantFrom('zh', 'en'),
});
type Command = { verb: string; format: string; year: string | undefined; lang: string };

function argv(c: Command, files: string[], extra: string[] = []): string[] {
  if (c.verb === 'check') return ['check', ...files, '--lang', c.lang, ...extra];
  return ['evaluate', ...files, '--format', c.format, '--lang', c.lang, ...(c.year ? ['--year', c.year] : []), ...extra];
}

/** The outcome is acceptable, and each error about the data file points into it. */
function expectSane(r: MemRun, t: Tally, dataFiles: string[] = ['data.csv']): void {
  const known = knownBug(r);
  if (known) return t.known(known);
  t.exit(r.code);
  if (/^\s{4}at /m.test(r.stderr)) t.stackTraces++;
  const bad = badOutcome(r);
  expect(bad, bad).toBeUndefined();
  for (const line of errorLines(r.stderr)) {
    if (dataFiles.some((f) => line.startsWith(`${f}:`))) expect(line, 'an error about a return names file:line').toMatch(LOCATED);
  }
  // Nothing reaches the prototype of every object.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expectNotSilent(r);
}

/** Nothing silent: a run that passes (exit 0 or 1) evaluated something; an empty one is exit 2 with its reason. */
function expectNotSilent(r: MemRun): void {
  if (r.code === 2) return;
  expect(r.stdout, 'a passing run with no results').not.toMatch(/"results": \[\]/);
  expect(r.stdout, 'a JUnit report of no test').not.toMatch(/<testsuites [^>]*tests="0"/);
}

const townships = new Uint8Array(readFileSync(join(ROOT, 'samples', 'townships.csv')));
const returns = realReturns();
const testland = planFiles('tests/fixtures/plans/testland');
const testlandData = readFileSync(join(ROOT, 'tests', 'fixtures', 'plans', 'testland-2035.csv'), 'utf8');
const bundled = planFiles('plan');

describe('hostile returns through main(argv, io) in-process', () => {
  it(
    'arbitrary bytes (behind a BOM, a zip or an OLE signature, or none): exit 0/1/2, no stack trace, errors located',
    async () => {
      const t = tally('in-process: arbitrary bytes');
      await fc.assert(
        fc.asyncProperty(hostileBytes, command, fileName, async (bytes, c, name) => {
          expectSane(await runMem(argv(c, [name]), { [name]: bytes }), t, [name]);
        }),
        params(2),
      );
    },
    timeoutFor(2, 60),
  );

  it(
    'returns with nothing to evaluate (header only, blank or — values, short rows, blank lines): exit 2 with the reason, in every format',
    async () => {
      const t = tally('in-process: empty returns');
      const header = fc.constantFrom('指标,地区,年份,数值', '\uFEFF指标,地区,年份,数值,分子,分母,备注', 'indicator,region,year,value', '指标\t地区\t年份\t数值');
      const row = fc.constantFrom('', ' ', '新生儿死亡率,海陵区,2025,', '新生儿死亡率,海陵区,2025,—', '婴儿死亡率,高港区,2024,-,,,未统计', '婴儿死亡率,321203,2025,N/A', '新生儿死亡率,海陵区,2025', '新生儿死亡率,海陵区', '新生儿死亡率');
      await fc.assert(
        fc.asyncProperty(header, fc.array(row, { maxLength: 6 }), fc.constantFrom('\n', '\r\n'), command, async (head, rows, eol, c) => {
          const text = [head, ...rows.map((r) => (head.includes('\t') ? r.replace(/,/g, '\t') : r))].join(eol);
          const r = await runMem(argv(c, ['data.csv']), { 'data.csv': text });
          expectSane(r, t);
          expect(r.code, r.stderr).toBe(2);
          expect(r.stderr).toMatch(/\[run\/(?:no-rows|no-values|rows-dropped)\]/);
        }),
        params(1),
      );
    },
    timeoutFor(1, 60),
  );

  it(
    'text made of a return’s own pieces (headers, names, numbers, quotes, delimiters, control characters)',
    async () => {
      const t = tally('in-process: return-like text');
      await fc.assert(
        fc.asyncProperty(csvLikeText, fc.constantFrom('', '\uFEFF', '指标,地区,年份,数值,备注\n', '指标\t地区\t年份\t数值\n'), command, async (text, prefix, c) => {
          expectSane(await runMem(argv(c, ['data.csv']), { 'data.csv': `${prefix}${text}` }), t);
        }),
        params(2),
      );
    },
    timeoutFor(2, 60),
  );

  it(
    'mutated real returns (bytes flipped, inserted, deleted, lines duplicated or swapped, truncated, GBK mixed into UTF-8), with a mutated regions file',
    async () => {
      const t = tally('in-process: mutated real returns');
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...returns),
          fc.array(mutation, { minLength: 1, maxLength: 4 }),
          fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }) }),
          command,
          fileName,
          async (ret, muts, regionMuts, c, name) => {
            const files = { [name]: mutate(ret.bytes, muts), 'townships.csv': regionMuts ? mutate(townships, regionMuts) : townships };
            expectSane(await runMem(argv(c, [name], ['--regions', 'townships.csv']), files), t, [name, 'townships.csv']);
          },
        ),
        params(3),
      );
    },
    timeoutFor(3, 80),
  );

  it(
    'a return split over several files and standard input, each mutated',
    async () => {
      const t = tally('in-process: several mutated files and stdin');
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...returns), fc.constantFrom(...returns), fc.array(mutation, { maxLength: 3 }), fc.array(mutation, { maxLength: 3 }), command, async (a, b, ma, mb, c) => {
          const r = await runMem(argv(c, ['a.csv', '-']), { 'a.csv': mutate(a.bytes, ma) }, { stdin: mutate(b.bytes, mb) });
          expectSane(r, t, ['a.csv', '<stdin>']);
        }),
        params(1),
      );
    },
    timeoutFor(1, 80),
  );
});

describe('hostile rule files through main(argv, io) in-process', () => {
  it(
    'a mutated copy of a small plan: validate and evaluate exit 0/1/2, no stack trace, no prototype pollution',
    async () => {
      const t = tally('in-process: mutated rule files (small plan)');
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...Object.keys(testland)), fc.array(yamlMutation, { minLength: 1, maxLength: 5 }), fc.boolean(), async (name, muts, validate) => {
          const files: Record<string, Uint8Array | string> = { 'data.csv': testlandData };
          for (const [n, text] of Object.entries(testland)) files[`plan/${n}`] = n === name ? mutateYaml(text, muts) : text;
          const args = validate ? ['validate', '--plan', 'plan'] : ['evaluate', 'data.csv', '--plan', 'plan', '--format', 'json'];
          expectSane(await runMem(args, files), t, []);
        }),
        params(2),
      );
    },
    timeoutFor(2, 40),
  );

  it(
    'a mutated copy of the bundled plan: validate exits 0/1/2 with located errors',
    async () => {
      const t = tally('in-process: mutated rule files (bundled plan)');
      await fc.assert(
        fc.asyncProperty(fc.constantFrom('plan.yaml', 'health.yaml', 'education.yaml', 'projects.yaml', 'checks.yaml'), fc.array(yamlMutation, { minLength: 1, maxLength: 4 }), async (name, muts) => {
          const files: Record<string, Uint8Array | string> = {};
          for (const [n, text] of Object.entries(bundled)) files[`plan/${n}`] = n === name ? mutateYaml(text, muts) : text;
          const r = await runMem(['validate', '--plan', 'plan'], files);
          expectSane(r, t, []);
          // A rule file's error names the file and a line in it.
          for (const line of errorLines(r.stderr)) if (line.startsWith('plan/')) expect(line).toMatch(LOCATED);
        }),
        params(1),
      );
    },
    timeoutFor(1, 150),
  );
});

describe('the API never throws on hostile input, and locates every error', () => {
  it(
    'readReturns on arbitrary and mutated bytes',
    () => {
      const t = tally('API: readReturns');
      const plan = loadPlan(join(ROOT, 'plan'), Object.entries(bundled).map(([file, text]) => ({ file, text }))).plan!;
      const ctx = { plan, ...indexes(plan, []) };
      fc.assert(
        fc.property(fc.oneof(hostileBytes, fc.tuple(fc.constantFrom(...returns), fc.array(mutation, { maxLength: 6 })).map(([r, m]) => mutate(r.bytes, m))), (bytes) => {
          let read: ReturnType<typeof readReturns>;
          try {
            read = readReturns([{ file: 'x.csv', bytes }], ctx);
          } catch (thrown) {
            const known = knownBug({ code: -1, stderr: '', thrown });
            if (known) return t.known(known);
            throw thrown;
          }
          t.exit('n/a');
          for (const d of read.diagnostics.filter((x) => x.severity === 'error')) {
            expect(d.file, d.code).toBe('x.csv');
            expect(d.line, d.code).toBeGreaterThanOrEqual(1);
          }
          for (const o of read.observations) expect(o.rows[0]?.file).toBe('x.csv');
        }),
        params(2),
      );
    },
    timeoutFor(2, 10),
  );

  it(
    'loadPlan on mutated rule files: a plan, or errors naming file and line',
    () => {
      const t = tally('API: loadPlan');
      fc.assert(
        fc.property(fc.constantFrom(...Object.keys(testland)), fc.array(yamlMutation, { minLength: 1, maxLength: 5 }), (name, muts) => {
          t.exit('n/a');
          const files = Object.entries(testland).map(([file, text]) => ({ file, text: file === name ? Buffer.from(mutateYaml(text, muts)).toString('utf8') : text }));
          const loaded = loadPlan('/mem/plan', files);
          const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
          if (!loaded.plan) expect(errors.length, 'no plan and no error').toBeGreaterThan(0);
          for (const d of errors) {
            if (d.file !== undefined) expect(d.line ?? 0, `${d.code} in ${d.file}`).toBeGreaterThanOrEqual(1);
          }
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        }),
        params(2),
      );
    },
    timeoutFor(2, 10),
  );
});
