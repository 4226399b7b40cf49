// A smaller share of the hostile input thrown at the BUILT binary (node bin/plancheck,
// which loads dist/), as a user or a CI job meets it: the process exits 0, 1 or 2 and its
// standard error never shows a stack trace. Build first: node scripts/build.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ROOT, STACK_LINE, Tally, badOutcome, knownBug, csvLikeText, hostileBytes, mutate, mutateYaml, mutation, params, planFiles, realReturns, timeoutFor, yamlMutation,
} from './arbitraries.js';

const BIN = join(ROOT, 'bin', 'plancheck');
/** Spawning node costs some fifty in-process runs: the binary gets a tenth of the base number of cases, at least one. */
const WEIGHT = 0.1;

const tallies: Tally[] = [];
let tmp = '';
beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run `node scripts/build.mjs` before the fuzz tests');
  tmp = mkdtempSync(join(tmpdir(), 'plancheck-fuzz-'));
});
afterAll(() => {
  tallies.forEach((t) => t.report());
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

function binary(args: string[], cwd: string): { code: number | null; stderr: string; signal: NodeJS.Signals | null } {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  delete env.PLANCHECK_DEBUG;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env, input: '', maxBuffer: 64 * 1024 * 1024, timeout: 30_000 });
  return { code: r.status, stderr: r.stderr?.toString('utf8') ?? '', signal: r.signal };
}

let n = 0;
function caseDir(): string {
  const dir = join(tmp, `case-${n++}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

function expectSane(r: ReturnType<typeof binary>, t: Tally): void {
  const known = knownBug(r);
  if (known) return t.known(known);
  t.exit(r.signal ?? r.code);
  if (STACK_LINE.test(r.stderr)) t.stackTraces++;
  expect(r.signal, 'killed (a 30 s timeout?)').toBeNull();
  const bad = badOutcome(r);
  expect(bad, bad).toBeUndefined();
}

const returns = realReturns();
const testland = planFiles('tests/fixtures/plans/testland');
const FORMATS = ['table', 'json', 'csv', 'md', 'html', 'junit', 'github'];

describe('hostile input thrown at the built binary', () => {
  it(
    'hostile bytes, return-like text and mutated real returns: exit 0/1/2, no stack trace',
    () => {
      const t = tally('binary: hostile and mutated returns');
      const data = fc.oneof(
        hostileBytes,
        csvLikeText.map((s) => new Uint8Array(Buffer.from(s, 'utf8'))),
        fc.tuple(fc.constantFrom(...returns), fc.array(mutation, { minLength: 1, maxLength: 6 })).map(([r, m]) => mutate(r.bytes, m)),
      );
      fc.assert(
        fc.property(data, fc.constantFrom(...FORMATS), (bytes, format) => {
          const dir = caseDir();
          writeFileSync(join(dir, 'data.csv'), bytes);
          expectSane(binary(['evaluate', 'data.csv', '--format', format, '-o', `out.${format === 'junit' ? 'xml' : format === 'table' ? 'txt' : format === 'html' ? 'html' : 'json'}`], dir), t);
        }),
        params(WEIGHT),
      );
    },
    timeoutFor(WEIGHT, 1500),
  );

  it(
    'mutated rule files: validate and evaluate exit 0/1/2, no stack trace',
    () => {
      const t = tally('binary: mutated rule files');
      fc.assert(
        fc.property(fc.constantFrom(...Object.keys(testland)), fc.array(yamlMutation, { minLength: 1, maxLength: 5 }), fc.boolean(), (name, muts, validate) => {
          const dir = caseDir();
          mkdirSync(join(dir, 'plan'));
          for (const [file, text] of Object.entries(testland)) writeFileSync(join(dir, 'plan', file), file === name ? mutateYaml(text, muts) : text);
          writeFileSync(join(dir, 'data.csv'), 'indicator,region,year,value,numerator,denominator\nTap water coverage,North,2035,,960,1000\nPublic wells,South,2035,0,,\n');
          expectSane(binary(validate ? ['validate', '--plan', 'plan'] : ['evaluate', 'data.csv', '--plan', 'plan', '--format', 'junit'], dir), t);
        }),
        params(WEIGHT),
      );
    },
    timeoutFor(WEIGHT, 1500),
  );
});

function tally(name: string): Tally {
  const t = new Tally(name);
  tallies.push(t);
  return t;
}
