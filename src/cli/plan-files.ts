// Finding and reading the plan's rule files: the bundled plan/ unless --plan says otherwise.
//
// The bundled plan is also compiled at build time into dist/plan-cache.json, keyed by a
// hash of the rule files' names and bytes. When the files still hash the same, the run
// reads that JSON and never loads the YAML parser or the schema validator, which are most
// of a short run's start-up. Any edit to plan/ changes the hash and falls back to a full load.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diag, PlancheckError, type Diagnostic } from '../diagnostics.js';
import type { PlanFileText } from '../plan/load.js';
import type { Plan } from '../plan/model.js';
import type { Io } from './io.js';

export const PLAN_CACHE = 'plan-cache.json';

/** The folder holding plan/ and dist/, found from wherever this module was bundled to. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'plan', 'plan.yaml'))) return dir;
    dir = dirname(dir);
  }
  throw new PlancheckError('cli/no-bundled-plan');
}

export function bundledPlanDir(): string {
  return join(packageRoot(), 'plan');
}

/**
 * A 53-bit hash (cyrb53) of the files' names and bytes: enough to notice any edit,
 * and cheaper than loading node:crypto, which would cost more than the rest of the check.
 */
export function planHash(files: ReadonlyArray<{ name: string; bytes: Uint8Array }>): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const mix = (b: number) => {
    h1 = Math.imul(h1 ^ b, 2654435761);
    h2 = Math.imul(h2 ^ b, 1597334677);
  };
  for (const f of files) {
    for (let i = 0; i < f.name.length; i++) mix(f.name.charCodeAt(i));
    mix(0);
    for (let i = 0; i < f.bytes.length; i++) mix(f.bytes[i]!);
    mix(0);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}

interface PlanCache {
  hash: string;
  plan: Plan;
  diagnostics: Diagnostic[];
}

export interface ReadPlanOptions {
  /** Always parse and validate the YAML (plancheck validate). */
  noCache?: boolean;
}

export async function readPlan(io: Io, dirOption: string | undefined, options: ReadPlanOptions = {}): Promise<{ plan: Plan; diagnostics: Diagnostic[] }> {
  const bundled = dirOption === undefined;
  const dir = bundled ? bundledPlanDir() : resolve(io.cwd, dirOption);
  if (!io.isDir(dir)) throw new PlancheckError('plan/no-dir', { dir: dirOption ?? dir });
  const shown = (name: string) => {
    const rel = relative(io.cwd, join(dir, name));
    return rel.startsWith('..') ? join(dir, name) : rel;
  };
  const raw = io
    .listDir(dir)
    .filter((n) => /\.ya?ml$/i.test(n))
    .sort()
    .map((name) => ({ name, bytes: io.readFile(join(dir, name)) }));

  if (bundled && !options.noCache) {
    const cached = readCache(planHash(raw));
    if (cached) {
      for (const ind of cached.plan.indicators) ind.origin.file = shown(ind.origin.file);
      return { plan: { ...cached.plan, dir }, diagnostics: cached.diagnostics };
    }
  }
  const decoded = raw.map((f) => decodeRuleFile(shown(f.name), f.bytes));
  const undecodable = decoded.flatMap((d) => d.diagnostics);
  if (undecodable.length) throw new PlancheckError('cli/invalid-plan', { dir: dirOption ?? dir }, undecodable);
  const files: PlanFileText[] = decoded.map((d) => ({ file: d.file, text: d.text }));
  const { loadPlan } = await import('../plan/load.js');
  const loaded = loadPlan(dir, files);
  if (!loaded.plan) throw new PlancheckError('cli/invalid-plan', { dir: dirOption ?? dir }, loaded.diagnostics);
  return { plan: loaded.plan, diagnostics: loaded.diagnostics };
}

/** Rule files are UTF-8 (YAML 1.2) and hold no NUL: anything else is refused at its line, never read as U+FFFD. */
function decodeRuleFile(file: string, bytes: Uint8Array): { file: string; text: string; diagnostics: Diagnostic[] } {
  const lineAt = (offset: number) => 1 + bytes.subarray(0, offset).filter((b) => b === 0x0a).length;
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { file, text: '', diagnostics: [diag('error', 'plan/bad-bytes', { what: 'NUL' }, { file, line: lineAt(nul), column: 1 })] };
  const text = new TextDecoder('utf-8').decode(bytes);
  const bad = text.indexOf('\uFFFD');
  if (bad < 0) return { file, text, diagnostics: [] };
  const line = text.slice(0, bad).split('\n').length;
  return { file, text: '', diagnostics: [diag('error', 'plan/bad-bytes', { what: 'UTF-8' }, { file, line, column: 1 })] };
}

function readCache(hash: string): PlanCache | undefined {
  const path = join(packageRoot(), 'dist', PLAN_CACHE);
  try {
    const cache = JSON.parse(readFileSync(path, 'utf8')) as PlanCache;
    return cache.hash === hash ? cache : undefined;
  } catch {
    return undefined;
  }
}

/** For the build: the cache entry of a plan folder, with origins relative to it. */
export async function compilePlanCache(dir: string): Promise<PlanCache | undefined> {
  const { readdirSync } = await import('node:fs');
  const raw = readdirSync(dir)
    .filter((n) => /\.ya?ml$/i.test(n))
    .sort()
    .map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
  const { loadPlan } = await import('../plan/load.js');
  const loaded = loadPlan(dir, raw.map((f) => ({ file: f.name, text: f.bytes.toString('utf8') })));
  if (!loaded.plan) return undefined;
  for (const ind of loaded.plan.indicators) ind.origin.file = basename(ind.origin.file);
  return { hash: planHash(raw), plan: loaded.plan, diagnostics: loaded.diagnostics };
}
