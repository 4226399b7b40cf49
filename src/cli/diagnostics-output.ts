// --diagnostics FILE: every finding of the run, one per row, in a .csv or .json file,
// checked before any work is done and written whole or not at all.
import { resolve } from 'node:path';
import { PlancheckError, type Diagnostic } from '../diagnostics.js';
import type { Lang } from '../i18n/index.js';
import type { DiagnosticsFormat } from '../format/diagnostics-file.js';
import type { Io } from './io.js';
import { realTarget } from './output-paths.js';

export interface DiagnosticsFile {
  path: string;
  format: DiagnosticsFormat;
}

/**
 * The file --diagnostics names, refused when it is an input, when it is a file an -o names
 * (by another spelling, or through a link, too: one of the two would be lost), or when it
 * is not .csv/.json.
 */
export function planDiagnosticsFile(io: Io, path: string | undefined, inputPaths: readonly string[], outputs: readonly string[] = []): DiagnosticsFile | undefined {
  if (path === undefined) return undefined;
  const target = realTarget(io, path);
  if (inputPaths.some((p) => p === resolve(io.cwd, path) || realTarget(io, p) === target)) throw new PlancheckError('findings/diagnostics-is-input', { path });
  const output = outputs.find((o) => realTarget(io, o) === target);
  if (output !== undefined) throw new PlancheckError('cli/diagnostics-is-output', { path, other: output });
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  if (ext !== 'csv' && ext !== 'json') throw new PlancheckError('findings/diagnostics-extension', { path });
  return { path, format: ext };
}

export async function writeDiagnosticsFile(io: Io, file: DiagnosticsFile | undefined, diagnostics: readonly Diagnostic[], lang: Lang): Promise<void> {
  if (!file) return;
  const { formatDiagnosticsFile } = await import('../format/diagnostics-file.js');
  io.writeFileAtomic(resolve(io.cwd, file.path), formatDiagnosticsFile(file.format, diagnostics, lang));
}
