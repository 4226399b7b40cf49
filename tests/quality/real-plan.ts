// The shipped plan (plan/*.yaml, with checks.yaml), loaded the way the CLI loads it,
// and the shipped samples, for tests that need the real indicators and rules.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readRegionsFile } from '../../src/ingest/regions-file.js';
import { loadPlan } from '../../src/engine/load-plan.js';
import type { PlanFileText } from '../../src/plan/load.js';
import { indexes } from '../../src/plan/lookup.js';
import type { Plan } from '../../src/plan/model.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function planFiles(dir = join(ROOT, 'plan')): PlanFileText[] {
  return readdirSync(dir)
    .filter((n) => /\.ya?ml$/u.test(n))
    .sort()
    .map((n) => ({ file: n, text: readFileSync(join(dir, n), 'utf8') }));
}

let cached: Plan | undefined;
export function realPlan(): Plan {
  if (!cached) {
    const loaded = loadPlan(join(ROOT, 'plan'), planFiles());
    if (!loaded.plan) throw new Error(`plan/ does not load: ${JSON.stringify(loaded.diagnostics.slice(0, 3))}`);
    cached = loaded.plan;
  }
  return cached;
}

/** The reading context of the real plan, with the sample townships when asked. */
export function realContext(townships = false) {
  const plan = realPlan();
  const extra = townships ? readRegionsFile({ file: 'townships.csv', bytes: readFileSync(join(ROOT, 'samples', 'townships.csv')) }, plan).regions : [];
  return { plan, ...indexes(plan, extra) };
}

export function bytesOf(...path: string[]): Uint8Array {
  return new Uint8Array(readFileSync(join(ROOT, ...path)));
}

export function text(s: string, file = 'inline.csv'): { file: string; bytes: Uint8Array } {
  return { file, bytes: new TextEncoder().encode(s) };
}
