// Every finding of a run, whole: one row (CSV) or object (JSON) per finding, with its
// place, severity, code and message; the JSON keeps the finding's parameters at full
// precision. Pure: findings in, text out. Written by --diagnostics FILE.
import type { Diagnostic } from '../diagnostics.js';
import { diagnosticMessage, type Lang } from '../i18n/index.js';
import { csvText } from './csv.js';

export type DiagnosticsFormat = 'csv' | 'json';

const COLUMNS = ['file', 'line', 'column', 'severity', 'code', 'message', 'sheet', 'cell'] as const;

/** UTF-8 with BOM for Excel, formula-leading cells neutralised, as the results CSV. */
export function formatDiagnosticsCsv(ds: readonly Diagnostic[], lang: Lang): string {
  const lines = [COLUMNS.join(',')];
  for (const d of ds) {
    lines.push(
      [
        csvText(d.file ?? ''),
        d.line === undefined ? '' : String(d.line),
        d.column === undefined ? '' : String(d.column),
        d.severity,
        csvText(d.code),
        csvText(diagnosticMessage(d, lang)),
        csvText(d.sheet ?? ''),
        csvText(d.cell ?? ''),
      ].join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function formatDiagnosticsJson(ds: readonly Diagnostic[], lang: Lang): string {
  const count = (s: Diagnostic['severity']) => ds.filter((d) => d.severity === s).length;
  const record = {
    summary: { total: ds.length, errors: count('error'), warnings: count('warning'), infos: count('info') },
    diagnostics: ds.map((d) => ({
      file: d.file ?? null,
      line: d.line ?? null,
      column: d.column ?? null,
      severity: d.severity,
      code: d.code,
      message: diagnosticMessage(d, lang),
      ...(d.sheet !== undefined ? { sheet: d.sheet } : {}),
      ...(d.cell !== undefined ? { cell: d.cell } : {}),
      params: d.params,
    })),
  };
  return `${JSON.stringify(record, null, 2)}\n`;
}

export function formatDiagnosticsFile(format: DiagnosticsFormat, ds: readonly Diagnostic[], lang: Lang): string {
  return format === 'csv' ? formatDiagnosticsCsv(ds, lang) : formatDiagnosticsJson(ds, lang);
}
