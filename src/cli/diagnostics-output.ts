// --diagnostics FILE: every finding of the run, one per row, in a .csv or .json file,
// checked before any work is done and written whole or not at all.
import { resolve } from 'node:path';
import { PlancheckError, type Diagnostic } from '../diagnostics.js';
import type { Lang } from '../i18n/index.js';
import type { DiagnosticsFormat } from '../format/diagnostics-file.js';
import type { Io } from './io.js';

export interface DiagnosticsFile {
  path: string;
  format: DiagnosticsFormat;
}

/** The file --diagnostics names, refused when it is an input or not .csv/.json. */
export function planDiagnosticsFile(io: Io, path: string | undefined, inputPaths: readonly string[]): DiagnosticsFile | undefined {
  if (path === undefined) return undefined;
  if (inputPaths.includes(resolve(io.cwd, path))) throw new PlancheckError('findings/diagnostics-is-input', { path });
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  if (ext !== 'csv' && ext !== 'json') throw new PlancheckError('findings/diagnostics-extension', { path });
  return { path, format: ext };
}

export async function writeDiagnosticsFile(io: Io, file: DiagnosticsFile | undefined, diagnostics: readonly Diagnostic[], lang: Lang): Promise<void> {
  if (!file) return;
  const { formatDiagnosticsFile } = await import('../format/diagnostics-file.js');
  io.writeFileAtomic(resolve(io.cwd, file.path), formatDiagnosticsFile(file.format, diagnostics, lang));
}
