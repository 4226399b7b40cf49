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

/**
 * The workbook's columns (`evaluate -o table.xlsx`), for the colleagues who read and print it:
 * first what the terminal table and the report's 附表 show, in their order (领域, 指标, 地区, 年份,
 * 数值, 目标, 状态, 差距, 说明), then the rest people read; last the columns for programs (the
 * indicator id, the region code, the status id, the gap and interval as numbers), on the same
 * sheet so that a row sorted or filtered keeps its ids. The CSV keeps RESULT_COLUMNS' order:
 * scripts read it by name and position.
 */
const FOR_PEOPLE = ['area', 'indicator', 'region', 'year', 'value', 'target', 'status', 'gap', 'detail', 'notes', 'main', 'unit', 'derived'];
const FOR_PROGRAMS = ['id', 'region_code', 'status_id', 'gap_value', 'interval_low', 'interval_high', 'interval_method', 'chance'];
const byKey = (key: string) => RESULT_COLUMNS.find((c) => c.key === key)!;
export const WORKBOOK_COLUMNS: readonly ResultColumn[] = [...FOR_PEOPLE, ...FOR_PROGRAMS].map(byKey);
/** How many of WORKBOOK_COLUMNS, from the first, are for people: the printed ones. */
export const WORKBOOK_PEOPLE_COLUMNS = FOR_PEOPLE.length;

/** Every column's value for one result, in the order of the columns given (RESULT_COLUMNS', the CSV's, unless told). */
export function resultRow(r: Result, ctx: FormatContext, columns: readonly ResultColumn[] = RESULT_COLUMNS): Array<string | number | boolean | null> {
  const rec = resultRecord(r, ctx);
  return columns.map((c) => c.value(rec, r, ctx));
}
