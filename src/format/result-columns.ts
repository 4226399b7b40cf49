// The columns of the compliance table, defined once: the CSV export writes them as text,
// the Excel workbook as typed cells. A column added here appears in both.
import { t, type Lang } from '../i18n/index.js';
import type { Result } from '../engine/evaluate.js';
import { resultRecord, type FormatContext } from './records.js';
import { formatGap, statusLabel } from './words.js';

export type ResultRecord = ReturnType<typeof resultRecord>;

/**
 * text: a string from the data, the plan or the catalogues; number: a plain number (year, ★);
 * measure: a number in the indicator's unit (a workbook shows it with the unit);
 * difference: a difference in that unit (shown in 个百分点 for %).
 */
export type ColumnKind = 'text' | 'number' | 'measure' | 'difference';

export interface ResultColumn {
  /** A name the workbook can find a column by (the status cell is coloured). */
  key: string;
  kind: ColumnKind;
  header(lang: Lang): string;
  value(rec: ResultRecord, r: Result, ctx: FormatContext): string | number | boolean | null;
}

const col = (key: string, kind: ColumnKind, value: ResultColumn['value']): ResultColumn => ({ key, kind, header: (lang) => t(lang, `col/${key}`), value });
/** A column for programs, named the same in every language. */
const raw = (key: string, kind: ColumnKind, value: ResultColumn['value']): ResultColumn => ({ key, kind, header: () => key, value });

export const RESULT_COLUMNS: readonly ResultColumn[] = [
  col('id', 'text', (rec) => rec.id),
  col('indicator', 'text', (rec) => rec.name),
  col('area', 'text', (rec) => rec.areaName),
  col('main', 'number', (rec) => rec.main),
  col('region', 'text', (rec) => rec.region.name),
  col('year', 'number', (rec) => rec.year),
  col('target', 'text', (rec) => rec.target.text),
  col('value', 'measure', (rec) => rec.value),
  col('unit', 'text', (rec) => rec.unit),
  col('status', 'text', (rec, _r, ctx) => statusLabel(rec.status, ctx.lang)),
  col('gap', 'text', (_rec, r, ctx) => formatGap(r, ctx.lang)),
  col('derived', 'text', (rec, _r, ctx) => t(ctx.lang, rec.derived ? 'word/yes' : 'word/no')),
  col('detail', 'text', (rec) => rec.detail),
  col('notes', 'text', (rec) => rec.notes.join('；')),
  raw('region_code', 'text', (rec) => rec.region.code),
  raw('status_id', 'text', (rec) => rec.status),
  raw('gap_value', 'difference', (rec) => rec.gap),
  raw('interval_low', 'measure', (rec) => rec.interval_low),
  raw('interval_high', 'measure', (rec) => rec.interval_high),
  raw('interval_method', 'text', (rec) => rec.interval_method),
  raw('chance', 'text', (rec) => rec.chance),
];

/** Every column's value for one result, in RESULT_COLUMNS' order. */
export function resultRow(r: Result, ctx: FormatContext): Array<string | number | boolean | null> {
  const rec = resultRecord(r, ctx);
  return RESULT_COLUMNS.map((c) => c.value(rec, r, ctx));
}
