// CSV that opens correctly in Excel (UTF-8 with BOM) and cannot carry a formula
// into a spreadsheet: text cells starting with = + - @ tab or CR are neutralised.
import { significant } from '../text/significant.js';
import type { Evaluation } from '../engine/evaluate.js';
import type { FormatContext } from './records.js';
import { RESULT_COLUMNS, resultRow } from './result-columns.js';

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell, quoted as RFC 4180 wants and made inert for spreadsheets. */
export function csvText(s: string): string {
  const safe = FORMULA_START.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvNumber(x: number | null | boolean): string {
  if (x === null) return '';
  if (typeof x === 'boolean') return x ? 'true' : 'false';
  return String(significant(x));
}

export function formatCsv(e: Evaluation, ctx: FormatContext): string {
  const lines = [RESULT_COLUMNS.map((c) => csvText(c.header(ctx.lang))).join(',')];
  for (const r of e.results) lines.push(resultRow(r, ctx).map((v, i) => (typeof v === 'string' || RESULT_COLUMNS[i]!.kind === 'text' ? csvText(v === null ? '' : String(v)) : csvNumber(v))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
