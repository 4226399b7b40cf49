// Where results go: stdout in the chosen format, and every -o file in the format
// its extension (or --format) names, each written whole or not at all.
import { resolve } from 'node:path';
import { countFindings, PlancheckError } from '../diagnostics.js';
import { t, type Lang } from '../i18n/index.js';
import { renderFindings } from '../format/findings.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Evaluation } from '../engine/evaluate.js';
import { FORMAT_NAMES, formatForPath, formatterFor, isBinaryFormat, isFormatName, type FormatContext, type FormatName } from '../format/index.js';
import type { Io } from './io.js';
import { checkOutputPaths } from './output-paths.js';

export function checkFormat(name: string | undefined): FormatName | undefined {
  if (name === undefined) return undefined;
  if (!isFormatName(name)) throw new PlancheckError('cli/bad-option', { option: '--format', value: name, allowed: FORMAT_NAMES.join(', ') });
  return name;
}

/** Plan the outputs before anything is computed, so a bad -o fails before work is done. */
export function planOutputs(io: Io, outputs: string[], format: FormatName | undefined, inputPaths: string[]): Array<{ path: string; format: FormatName }> {
  checkOutputPaths(io, outputs, inputPaths);
  return outputs.map((path) => {
    const f = format ?? formatForPath(path);
    if (!f) throw new PlancheckError('cli/unknown-extension', { path, allowed: '.json .csv .md .html .xml .txt .xlsx' });
    return { path, format: f };
  });
}

/** A binary format (a workbook) on standard output is refused when that is a terminal, before work is done. */
export function checkStdoutFormat(io: Io, format: FormatName | undefined, files: readonly unknown[]): void {
  if (format && isBinaryFormat(format) && files.length === 0 && (io.stdoutIsTTY || !io.stdoutBytes)) throw new PlancheckError('xlsx/not-to-terminal');
}

export async function writeOutputs(
  io: Io,
  evaluation: Evaluation,
  ctx: FormatContext,
  opts: { format: FormatName | undefined; files: Array<{ path: string; format: FormatName }>; quiet: boolean },
): Promise<void> {
  // Every file is formatted before the first is written: a failure leaves none behind half-done.
  // JSON of a national return runs to tens of MB: it is written in pieces where the Io can.
  const outputs: Array<{ path: string; data: string | Uint8Array | Iterable<string> }> = [];
  for (const f of opts.files) {
    const fileCtx = { ...ctx, color: false };
    if (f.format === 'json' && io.writeFilePieces) outputs.push({ path: f.path, data: (await import('../format/json.js')).formatJsonPieces(evaluation, fileCtx) });
    else outputs.push({ path: f.path, data: await (await formatterFor(f.format, false))(evaluation, fileCtx) });
  }
  for (const o of outputs) {
    const path = resolve(io.cwd, o.path);
    if (typeof o.data === 'string' || o.data instanceof Uint8Array) io.writeFileAtomic(path, o.data);
    else io.writeFilePieces!(path, o.data);
  }
  if (opts.quiet) return;
  const stdoutFormat = opts.files.length ? 'table' : (opts.format ?? 'table');
  const color = stdoutFormat === 'table' && ctx.color;
  if (stdoutFormat === 'json') {
    for (const piece of (await import('../format/json.js')).formatJsonPieces(evaluation, { ...ctx, color })) io.stdout(piece);
    return;
  }
  const out = await (await formatterFor(stdoutFormat, color))(evaluation, { ...ctx, color });
  if (typeof out === 'string') io.stdout(out);
  else io.stdoutBytes!(out);
}

export function printDiagnostics(io: Io, diagnostics: readonly Diagnostic[], lang: Lang, quiet: boolean): void {
  // Grouped: one kind of finding shows a few located examples, the count and the fix once.
  const lines = renderFindings(quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics, lang);
  if (lines.length) io.stderr(`${lines.join('\n')}\n`);
  // Counted whole: a kind kept in part counts the findings left out too.
  const errors = countFindings(diagnostics, 'error');
  const warnings = countFindings(diagnostics, 'warning');
  if (errors > 0) io.stderr(`plancheck: ${t(lang, 'cli/input-errors', { errors, warnings })}\n`);
}
