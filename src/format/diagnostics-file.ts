// Every finding of a run, whole: one row (CSV) or object (JSON) per finding, with its
// place, severity, code and message; the JSON keeps the finding's parameters at full
// precision. Pure: findings in, text out, a piece a finding, so that --diagnostics FILE is
// written as the findings come (a storm of a million is never held), its counts at the end.
import type { Diagnostic, Severity } from '../diagnostics.js';
import { diagnosticMessage, type Lang } from '../i18n/index.js';
import { csvText } from './csv.js';

export type DiagnosticsFormat = 'csv' | 'json';

const COLUMNS = ['file', 'line', 'column', 'severity', 'code', 'message', 'sheet', 'cell'] as const;

/** The text of a --diagnostics file in pieces: `head()`, then `item(d)` for each finding, then `tail()`. */
export interface DiagnosticsText {
  head(): string;
  item(d: Diagnostic): string;
  tail(): string;
}

/** UTF-8 with BOM for Excel, formula-leading cells neutralised, as the results CSV. */
function csvPieces(lang: Lang): DiagnosticsText {
  return {
    head: () => `\uFEFF${COLUMNS.join(',')}\r\n`,
    item: (d) =>
      `${[
        csvText(d.file ?? ''),
        d.line === undefined ? '' : String(d.line),
        d.column === undefined ? '' : String(d.column),
        d.severity,
        csvText(d.code),
        csvText(diagnosticMessage(d, lang)),
        csvText(d.sheet ?? ''),
        csvText(d.cell ?? ''),
      ].join(',')}\r\n`,
    tail: () => '',
  };
}

/**
 * `{"diagnostics": [...], "summary": {...}}`, indented as JSON.stringify(…, null, 2) would,
 * the summary last: it counts what was written before it.
 */
function jsonPieces(lang: Lang): DiagnosticsText {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let total = 0;
  return {
    head: () => '{\n  "diagnostics": [',
    item: (d) => {
      counts[d.severity]++;
      const record = {
        file: d.file ?? null,
        line: d.line ?? null,
        column: d.column ?? null,
        severity: d.severity,
        code: d.code,
        message: diagnosticMessage(d, lang),
        ...(d.sheet !== undefined ? { sheet: d.sheet } : {}),
        ...(d.cell !== undefined ? { cell: d.cell } : {}),
        params: d.params,
      };
      return `${total++ === 0 ? '\n' : ',\n'}    ${JSON.stringify(record, null, 2).replace(/\n/g, '\n    ')}`;
    },
    tail: () => {
      const summary = { total, errors: counts.error, warnings: counts.warning, infos: counts.info };
      return `${total ? '\n  ' : ''}],\n  "summary": ${JSON.stringify(summary, null, 2).replace(/\n/g, '\n  ')}\n}\n`;
    },
  };
}

export function diagnosticsText(format: DiagnosticsFormat, lang: Lang): DiagnosticsText {
  return format === 'csv' ? csvPieces(lang) : jsonPieces(lang);
}

/** The whole file at once, for findings already in hand. */
export function formatDiagnosticsFile(format: DiagnosticsFormat, ds: readonly Diagnostic[], lang: Lang): string {
  const text = diagnosticsText(format, lang);
  return text.head() + ds.map((d) => text.item(d)).join('') + text.tail();
}
