// Where results go: stdout in the chosen format, and every -o file in the format
// its extension (or --format) names, each written whole or not at all.
import { resolve } from 'node:path';
import { PlancheckError } from '../diagnostics.js';
import { formatDiagnostic, t, type Lang } from '../i18n/index.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Evaluation } from '../engine/evaluate.js';
import { FORMAT_NAMES, formatForPath, formatterFor, isBinaryFormat, isFormatName, type FormatContext, type FormatName } from '../format/index.js';
import type { Io } from './io.js';

export function checkFormat(name: string | undefined): FormatName | undefined {
  if (name === undefined) return undefined;
  if (!isFormatName(name)) throw new PlancheckError('cli/bad-option', { option: '--format', value: name, allowed: FORMAT_NAMES.join(', ') });
  return name;
}

/** Plan the outputs before anything is computed, so a bad -o fails before work is done. */
export function planOutputs(io: Io, outputs: string[], format: FormatName | undefined, inputPaths: string[]): Array<{ path: string; format: FormatName }> {
  return outputs.map((path) => {
    const abs = resolve(io.cwd, path);
    if (inputPaths.includes(abs)) throw new PlancheckError('cli/output-is-input', { path });
    const f = format ?? formatForPath(path);
    if (!f) throw new PlancheckError('cli/unknown-extension', { path, allowed: '.json .csv .md .xml .txt .xlsx' });
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
  const outputs: Array<{ path: string; data: string | Uint8Array }> = [];
  for (const f of opts.files) outputs.push({ path: f.path, data: await (await formatterFor(f.format, false))(evaluation, { ...ctx, color: false }) });
  for (const o of outputs) io.writeFileAtomic(resolve(io.cwd, o.path), o.data);
  if (opts.quiet) return;
  const stdoutFormat = opts.files.length ? 'table' : (opts.format ?? 'table');
  const color = stdoutFormat === 'table' && ctx.color;
  const out = await (await formatterFor(stdoutFormat, color))(evaluation, { ...ctx, color });
  if (typeof out === 'string') io.stdout(out);
  else io.stdoutBytes!(out);
}

export function printDiagnostics(io: Io, diagnostics: readonly Diagnostic[], lang: Lang, quiet: boolean): void {
  for (const d of diagnostics) {
    if (quiet && d.severity !== 'error') continue;
    io.stderr(`${formatDiagnostic(d, lang)}\n`);
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (errors > 0) io.stderr(`plancheck: ${t(lang, 'cli/input-errors', { errors, warnings })}\n`);
}
