// Finding and reading the plan's rule files: the bundled plan/ unless --plan says otherwise.
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PlancheckError } from '../diagnostics.js';
import { loadPlan } from '../plan/load.js';
import type { Plan } from '../plan/model.js';
import type { Io } from './io.js';
import type { Diagnostic } from '../diagnostics.js';

/** The plan/ folder shipped with plancheck, found from wherever this module was bundled to. */
export function bundledPlanDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'plan', 'plan.yaml'))) return join(dir, 'plan');
    dir = dirname(dir);
  }
  throw new PlancheckError('cli/no-bundled-plan');
}

export function readPlan(io: Io, dirOption: string | undefined): { plan: Plan; diagnostics: Diagnostic[] } {
  const dir = dirOption !== undefined ? resolve(io.cwd, dirOption) : bundledPlanDir();
  if (!io.isDir(dir)) throw new PlancheckError('plan/no-dir', { dir: dirOption ?? dir });
  const shown = (name: string) => {
    const rel = relative(io.cwd, join(dir, name));
    return rel.startsWith('..') ? join(dir, name) : rel;
  };
  const files = io
    .listDir(dir)
    .filter((n) => /\.ya?ml$/i.test(n))
    .sort()
    .map((name) => ({ file: shown(name), text: new TextDecoder().decode(io.readFile(join(dir, name))) }));
  const loaded = loadPlan(dir, files);
  if (!loaded.plan) throw new PlancheckError('cli/invalid-plan', { dir: dirOption ?? dir }, loaded.diagnostics);
  return { plan: loaded.plan, diagnostics: loaded.diagnostics };
}
