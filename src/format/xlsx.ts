// The compliance table as an Excel workbook: 评估结果 (one row per result, the CSV's columns
// as typed cells in the order people read them, the ids for programs last and not printed, the
// status coloured), 数据问题 (the findings) and 说明 (plan, files, year,
// day, version). English sheet names and headers with --lang en.
import { countFindings } from '../diagnostics.js';
import type { Evaluation } from '../engine/evaluate.js';
import { t } from '../i18n/index.js';
import type { FormatContext } from './records.js';
import { resultRow, WORKBOOK_COLUMNS, WORKBOOK_PEOPLE_COLUMNS } from './result-columns.js';
import { aboutSheet, differenceFormat, findingsSheet, newWorkbook, tableSheet, valueFormat, workbookBytes, type CellSpec } from './xlsx-book.js';

export async function formatXlsx(e: Evaluation, ctx: FormatContext): Promise<Uint8Array> {
  const { lang } = ctx;
  const book = await newWorkbook(ctx.run);
  const status = WORKBOOK_COLUMNS.findIndex((c) => c.key === 'status');
  const rows = e.results.map((r) =>
    resultRow(r, ctx, WORKBOOK_COLUMNS).map((v, c): CellSpec => {
      const kind = WORKBOOK_COLUMNS[c]!.kind;
      if (c === status) return { v, status: r.status };
      if (typeof v !== 'number') return v;
      if (kind === 'measure') return { v, fmt: valueFormat(v, r, lang) };
      return kind === 'difference' ? { v, fmt: differenceFormat(v, r, lang) } : v;
    }),
  );
  tableSheet(book, t(lang, 'xlsx/sheet-results'), WORKBOOK_COLUMNS.map((c) => c.header(lang)), rows, { printed: WORKBOOK_PEOPLE_COLUMNS });
  findingsSheet(book, e.diagnostics, lang);
  const plan = ctx.plan.title;
  aboutSheet(
    book,
    [
      [t(lang, 'xlsx/about-plan'), lang === 'en' ? (ctx.plan.titleEn ?? plan) : plan],
      [t(lang, 'xlsx/about-year'), e.years.join('、')],
      [t(lang, 'xlsx/about-results'), e.results.length],
      [t(lang, 'xlsx/about-findings'), countFindings(e.diagnostics)],
      [t(lang, 'xlsx/about-columns'), t(lang, 'xlsx/about-columns-text', { first: WORKBOOK_COLUMNS[WORKBOOK_PEOPLE_COLUMNS]!.header(lang) })],
    ],
    ctx.run,
    lang,
  );
  return workbookBytes(book, ctx.run);
}
