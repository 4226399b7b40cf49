// Finding and reading the plan's rule files: the bundled plan/ unless --plan says otherwise.
//
// The bundled plan is also compiled at build time into dist/plan-cache.json, with the
// rule files' names and sizes, and their bytes one after the other in
// dist/plan-cache.bytes. When the files still hold exactly those bytes (one native
// comparison), the run reads that JSON and never loads the YAML parser or the schema
// validator, which are most of a short run's start-up. Any edit to plan/ falls back to a
// full load.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diag, PlancheckError, type Diagnostic } from '../diagnostics.js';
import type { PlanFileText } from '../plan/load.js';
import type { Plan } from '../plan/model.js';
import type { Io } from './io.js';

export const PLAN_CACHE = 'plan-cache.json';
/** The rule files' bytes the cache was compiled from, concatenated in name order. */
export const PLAN_CACHE_BYTES = 'plan-cache.bytes';

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

interface PlanCache {
  /** The rule files compiled, in name order, with their sizes in bytes. */
  files: Array<{ name: string; size: number }>;
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
  const { names, diagnostics: unreadable } = ruleFileNames(io, dir, shown);
  if (unreadable.length) throw new PlancheckError('cli/invalid-plan', { dir: dirOption ?? dir }, unreadable);
  const raw = names.map((name) => {
    try {
      return { name, bytes: io.readFile(join(dir, name)) };
    } catch {
      throw new PlancheckError('cli/invalid-plan', { dir: dirOption ?? dir }, [diag('error', 'plan/rule-file-unreadable', {}, { file: shown(name) })]);
    }
  });

  if (bundled && !options.noCache) {
    const cached = readCache(raw);
    if (cached) {
      // Indicators share a few files: each file's name is made relative once.
      const names = new Map<string, string>();
      for (const ind of cached.plan.indicators) {
        const file = ind.origin.file;
        let name = names.get(file);
        if (name === undefined) names.set(file, (name = shown(file)));
        ind.origin.file = name;
      }
      return { plan: { ...cached.plan, dir }, diagnostics: cached.diagnostics };
    }
  }
  const decoded = raw.map((f) => decodeRuleFile(shown(f.name), f.bytes));
  const undecodable = decoded.flatMap((d) => d.diagnostics);
  if (undecodable.length) throw new PlancheckError('cli/invalid-plan', { dir: dirOption ?? dir }, undecodable);
  const files: PlanFileText[] = decoded.map((d) => ({ file: d.file, text: d.text }));
  const { loadPlan } = await import('../engine/load-plan.js');
  const loaded = loadPlan(dir, files);
  if (!loaded.plan) throw new PlancheckError('cli/invalid-plan', { dir: dirOption ?? dir }, loaded.diagnostics);
  return { plan: loaded.plan, diagnostics: loaded.diagnostics };
}

/** A rule file is far smaller: the largest bundled one is some 30 KB. */
export const MAX_RULE_FILE_BYTES = 1024 * 1024;

/** Names a rule file may have: *.yaml or *.yml, not hidden (an editor's lock file .#health.yaml, a .swp). */
export const isRuleFileName = (name: string): boolean => /\.ya?ml$/iu.test(name) && !name.startsWith('.');

/**
 * The rule files of a plan folder, in name order: regular files only. A folder, a FIFO, a
 * device, a dangling link or a file over MAX_RULE_FILE_BYTES named like one is an error at
 * its name, never opened (a FIFO would hang the run, a link to /dev/zero fill the memory).
 */
export function ruleFileNames(io: Io, dir: string, shown: (name: string) => string = (n) => join(dir, n)): { names: string[]; diagnostics: Diagnostic[] } {
  const names: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const name of io.listDir(dir).filter(isRuleFileName).sort()) {
    const what = io.fileKind?.(join(dir, name)) ?? { kind: 'file', size: 0 };
    if (what.kind === 'file' && what.size <= MAX_RULE_FILE_BYTES) names.push(name);
    else {
      const kind = what.kind === 'file' ? 'large' : what.kind;
      diagnostics.push(diag('error', `plan/rule-file-${kind}`, { limit: `${MAX_RULE_FILE_BYTES / 1024 / 1024} MiB` }, { file: shown(name) }));
    }
  }
  return { names, diagnostics };
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

/** The compiled plan, if `raw` are exactly the files and bytes it was compiled from. */
function readCache(raw: ReadonlyArray<{ name: string; bytes: Uint8Array }>): PlanCache | undefined {
  const dist = join(packageRoot(), 'dist');
  try {
    const cache = JSON.parse(readFileSync(join(dist, PLAN_CACHE), 'utf8')) as PlanCache;
    if (cache.files.length !== raw.length || cache.files.some((f, i) => f.name !== raw[i]!.name || f.size !== raw[i]!.bytes.length)) return undefined;
    const bytes = readFileSync(join(dist, PLAN_CACHE_BYTES));
    let at = 0;
    for (const f of raw) {
      if (bytes.compare(f.bytes, 0, f.bytes.length, at, at + f.bytes.length) !== 0) return undefined;
      at += f.bytes.length;
    }
    return at === bytes.length ? cache : undefined;
  } catch {
    return undefined;
  }
}

/** For the build: the cache entry of a plan folder, with origins relative to it, and the bytes it was compiled from (PLAN_CACHE_BYTES). */
export async function compilePlanCache(dir: string): Promise<{ cache: PlanCache; bytes: Uint8Array } | undefined> {
  const { readdirSync } = await import('node:fs');
  const raw = readdirSync(dir)
    .filter((n) => /\.ya?ml$/i.test(n))
    .sort()
    .map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
  const { loadPlan } = await import('../engine/load-plan.js');
  const loaded = loadPlan(dir, raw.map((f) => ({ file: f.name, text: f.bytes.toString('utf8') })));
  if (!loaded.plan) return undefined;
  for (const ind of loaded.plan.indicators) ind.origin.file = basename(ind.origin.file);
  return {
    cache: { files: raw.map((f) => ({ name: f.name, size: f.bytes.length })), plan: loaded.plan, diagnostics: loaded.diagnostics },
    bytes: Buffer.concat(raw.map((f) => f.bytes)),
  };
}
