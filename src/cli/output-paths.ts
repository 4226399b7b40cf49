// Which files a run may write: never an input (also when the -o is a link to one, or the
// same file by another spelling), and never one file twice.
import { resolve } from 'node:path';
import { PlancheckError } from '../diagnostics.js';
import type { Io } from './io.js';

/** Where a path names, by the Io's resolution of links: for telling one file named twice. */
export function realTarget(io: Io, path: string): string {
  const abs = resolve(io.cwd, path);
  return io.realPath ? io.realPath(abs) : abs;
}

/** Throws for an output that is an input, or that another output names already. */
export function checkOutputPaths(io: Io, outputs: readonly string[], inputPaths: readonly string[]): void {
  const real = (p: string) => (io.realPath ? io.realPath(p) : p);
  const inputs = new Set(inputPaths.flatMap((p) => [p, real(p)]));
  const seen = new Map<string, string>();
  for (const path of outputs) {
    const abs = resolve(io.cwd, path);
    const target = real(abs);
    if (inputs.has(abs) || inputs.has(target)) throw new PlancheckError('cli/output-is-input', { path });
    const other = seen.get(target);
    if (other !== undefined) throw new PlancheckError('cli/output-twice', { path, other });
    seen.set(target, path);
  }
}
