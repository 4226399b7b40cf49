// --diagnostics FILE: every finding of the run, one per row, in a .csv or .json file,
// checked before any work is done, written as the findings come (through a temporary file,
// so it is still whole or not at all), while the run keeps FINDINGS_KEPT of each kind.
import { resolve } from 'node:path';
import { Findings, PlancheckError, type Diagnostic } from '../diagnostics.js';
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

/** A run's findings: bounded in memory, each written to the --diagnostics file (if any) as it comes. */
export interface RunFindings {
  findings: Findings;
  /** The file finished: `extra` findings (the file's only, never shown) written after the run's, then its counts. */
  finish(extra?: Iterable<Diagnostic>): void;
  /** The run failed: no file is left behind (nor the temporary one). */
  abandon(): void;
}

export async function openRunFindings(io: Io, file: DiagnosticsFile | undefined, lang: Lang): Promise<RunFindings> {
  if (!file) return { findings: new Findings(), finish: () => undefined, abandon: () => undefined };
  const { diagnosticsText } = await import('../format/diagnostics-file.js');
  const text = diagnosticsText(file.format, lang);
  const path = resolve(io.cwd, file.path);
  // Without a streaming Io (the offline page's files in memory) the pieces are gathered and written at the end.
  const pieces: string[] = [];
  const stream = io.openStream ? io.openStream(path) : { write: (s: string) => void pieces.push(s), done: () => (io.writeFilePieces ? io.writeFilePieces(path, pieces) : io.writeFileAtomic(path, pieces.join(''))), abandon: () => undefined };
  stream.write(text.head());
  let finished = false;
  return {
    findings: new Findings((d) => stream.write(text.item(d))),
    finish(extra = []) {
      if (finished) return;
      finished = true;
      for (const d of extra) stream.write(text.item(d));
      stream.write(text.tail());
      stream.done();
    },
    abandon() {
      if (finished) return;
      finished = true;
      stream.abandon();
    },
  };
}
