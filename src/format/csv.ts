// CSV that opens correctly in Excel (UTF-8 with BOM) and cannot carry a formula
// into a spreadsheet: text cells starting with = + - @ tab or CR are neutralised.
import { t } from '../i18n/index.js';
import type { Evaluation } from '../engine/evaluate.js';
import { resultRecord, type FormatContext } from './records.js';
import { formatGap, statusLabel } from './words.js';

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell, quoted as RFC 4180 wants and made inert for spreadsheets. */
export function csvText(s: string): string {
  const safe = FORMULA_START.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvNumber(x: number | null | boolean): string {
  if (x === null) return '';
  if (typeof x === 'boolean') return x ? 'true' : 'false';
  return String(x);
}

export function formatCsv(e: Evaluation, ctx: FormatContext): string {
  const { lang } = ctx;
  const header = ['col/id', 'col/indicator', 'col/area', 'col/main', 'col/region', 'col/year', 'col/target', 'col/value', 'col/unit', 'col/status', 'col/gap', 'col/derived', 'col/detail', 'col/notes']
    .map((k) => t(lang, k))
    .concat(['region_code', 'status_id', 'gap_value', 'interval_low', 'interval_high', 'interval_method', 'chance']);
  const lines = [header.map(csvText).join(',')];
  for (const r of e.results) {
    const rec = resultRecord(r, ctx);
    lines.push(
      [
        csvText(rec.id),
        csvText(rec.name),
        csvText(rec.areaName),
        rec.main === null ? '' : String(rec.main),
        csvText(rec.region.name),
        String(rec.year),
        csvText(rec.target.text),
        csvNumber(rec.value),
        csvText(rec.unit),
        csvText(statusLabel(rec.status, lang)),
        csvText(formatGap(r, lang)),
        rec.derived ? t(lang, 'word/yes') : t(lang, 'word/no'),
        csvText(rec.detail),
        csvText(rec.notes.join('；')),
        csvText(rec.region.code),
        rec.status,
        csvNumber(rec.gap),
        csvNumber(rec.interval_low),
        csvNumber(rec.interval_high),
        rec.interval_method ?? '',
        rec.chance ?? '',
      ].join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
