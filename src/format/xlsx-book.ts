// What the Excel workbooks share: exceljs (loaded only when a workbook is written), the
// header row (bold, frozen, with an autofilter), status and progress colours, cells that
// stay text, numbers shown in the indicator's unit, the 数据问题 and 说明 sheets, and a
// write that gives the same bytes for the same figures on the same day.
import type { Diagnostic } from '../diagnostics.js';
import type { ProgressClass } from '../engine/progress.js';
import type { Status } from '../engine/verdict.js';
import { cellReference, diagnosticMessage, t, type Lang } from '../i18n/index.js';
import type { RunInfo } from './records.js';
import { columnLetters } from '../text/column-letters.js';
import { displayWidth } from '../text/width.js';
import { significant } from '../text/significant.js';
import { formatNumber, gapUnit, unitOf, unitSuffix, type Shown } from './words.js';
import { stampZip } from './zip-time.js';

type ExcelJsModule = typeof import('exceljs');
export type Workbook = import('exceljs').Workbook;
export type Worksheet = import('exceljs').Worksheet;
type Cell = import('exceljs').Cell;
export type CellValue = string | number | boolean | null;

export async function newWorkbook(run: RunInfo | undefined): Promise<Workbook> {
  const mod = (await import('exceljs')) as ExcelJsModule & { default?: ExcelJsModule };
  const ExcelJS = mod.default ?? mod;
  const book = new ExcelJS.Workbook();
  // The run's day, not the clock: the same figures on the same day give the same file.
  // Without a run (the API), the zip format's first day, 1980-01-01.
  const day = new Date(`${run?.date ?? '1980-01-01'}T00:00:00Z`);
  book.created = day;
  book.modified = day;
  book.creator = 'plancheck';
  book.lastModifiedBy = 'plancheck';
  return book;
}

/** The workbook's bytes, every zip entry stamped with the run's day. */
export async function workbookBytes(book: Workbook, run: RunInfo | undefined): Promise<Uint8Array> {
  const buffer = await book.xlsx.writeBuffer();
  const bytes = new Uint8Array(buffer as ArrayBuffer);
  const [year, month, day] = (run?.date ?? '1980-01-01').split('-').map(Number) as [number, number, number];
  return stampZip(bytes, { year, month, day });
}

/** The most a cell holds (Excel refuses a longer one). */
const CELL_MAX = 32767;

/**
 * A string as a cell shows it. Always a string value, never a formula, whatever it starts
 * with; `_x0041_` is an escape in the file format, so a literal one is escaped itself.
 */
export function textCell(s: string): string {
  const escaped = s.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
  return escaped.length > CELL_MAX ? `${escaped.slice(0, CELL_MAX - 1)}…` : escaped;
}

/** Decimals as the tables show the number: the indicator's own where the plan gives them, else 98.6 → 1, 97.934 → 2, 0.867 人 → 3. */
function decimals(x: number, unit: Shown): number {
  const s = formatNumber(x, unit);
  const dot = s.indexOf('.');
  return dot < 0 || /e/i.test(s) ? 0 : s.length - dot - 1;
}

const quoted = (s: string) => (s ? `"${s.replace(/["\\]/g, '')}"` : '');
const digits = (n: number) => (n > 0 ? `0.${'0'.repeat(n)}` : '0');

/** A number format that shows a value as the tables do, with its unit: 98.6%, 2.09‰, 12.1/10万. */
export function valueFormat(x: number, shown: Shown, lang: Lang): string {
  const unit = unitOf(shown);
  return `${digits(decimals(x, shown))}${unit === '是/否' ? '' : quoted(unitSuffix(unit, lang))}`;
}

/** A difference in the indicator's unit: 0.4个百分点, -1.2‰ points. */
export function differenceFormat(x: number, shown: Shown, lang: Lang): string {
  const unit = unitOf(shown);
  return `${digits(decimals(x, shown))}${unit === '是/否' ? '' : quoted(gapUnit(unit, lang))}`;
}

/** Writes a value into a cell as its own type: a string stays a string, a number a number. */
export function setCell(cell: Cell, value: CellValue, numFmt?: string): void {
  // An empty string leaves the cell empty, as no value does.
  if (value === null || value === '') return;
  if (typeof value === 'string') cell.value = textCell(value);
  else if (typeof value === 'number' && !Number.isFinite(value)) cell.value = String(value);
  else {
    // A number to 12 significant digits, as the JSON and CSV carry it (no 4.1000000000000005).
    cell.value = typeof value === 'number' ? significant(value) : value;
    if (numFmt && typeof value === 'number') cell.numFmt = numFmt;
  }
}

// The HTML report's colours (src/format/report-style.ts), as ARGB.
const STATUS_COLOURS: Record<Status, { fill: string; font: string; bold?: boolean }> = {
  met: { fill: 'FFDAFBE1', font: 'FF116329' },
  'not-met': { fill: 'FFFFEBE9', font: 'FFA40E26', bold: true },
  'no-data': { fill: 'FFF6F8FA', font: 'FF6E7781' },
  invalid: { fill: 'FFFBEFFF', font: 'FF8250DF', bold: true },
  'not-applicable': { fill: 'FFFFFFFF', font: 'FF8C959F' },
};
const CLASS_COLOURS: Record<ProgressClass, { fill: string; font: string }> = {
  achieved: { fill: 'FF1A7F37', font: 'FFFFFFFF' },
  'on-track': { fill: 'FFACEEBB', font: 'FF0F3D1E' },
  'speed-up': { fill: 'FFFFF1B3', font: 'FF6B4B00' },
  limited: { fill: 'FFFFD8B5', font: 'FF7A2E00' },
  'moving-away': { fill: 'FFCF222E', font: 'FFFFFFFF' },
  unknown: { fill: 'FFEAEEF2', font: 'FF57606A' },
};

function paint(cell: Cell, c: { fill: string; font: string; bold?: boolean }): void {
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.fill } };
  cell.font = { color: { argb: c.font }, ...(c.bold ? { bold: true } : {}) };
}

export const paintStatus = (cell: Cell, status: Status) => paint(cell, STATUS_COLOURS[status]);
export const paintClass = (cell: Cell, cls: ProgressClass) => paint(cell, CLASS_COLOURS[cls]);

/** A cell to write: a value, or a value with its number format, colour or italics (a derived figure). */
export type CellSpec = CellValue | { v: CellValue; fmt?: string; status?: Status; cls?: ProgressClass; italic?: boolean };

/**
 * A sheet of one table: the header in bold, frozen, with an autofilter over every row;
 * columns as wide as their text (within bounds); every value written as its own type.
 * `printed`: how many columns, from the first, are for people; the rest (ids and codes for
 * programs) get a grey header and stay off the printed page.
 */
export function tableSheet(book: Workbook, name: string, header: readonly string[], rows: ReadonlyArray<readonly CellSpec[]>, options: { printed?: number } = {}): Worksheet {
  const printed = options.printed !== undefined && options.printed < header.length ? options.printed : undefined;
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  const widths = header.map((h) => displayWidth(h));
  const head = sheet.getRow(1);
  header.forEach((h, c) => {
    const cell = head.getCell(c + 1);
    cell.value = textCell(h);
    const forPrograms = printed !== undefined && c >= printed;
    cell.font = forPrograms ? { bold: true, color: { argb: 'FF6E7781' } } : { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: forPrograms ? 'FFF6F8FA' : 'FFEAEEF2' } };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF8C959F' } } };
  });
  rows.forEach((specs, r) => {
    const row = sheet.getRow(r + 2);
    specs.forEach((spec, c) => {
      const cell = row.getCell(c + 1);
      const s = spec !== null && typeof spec === 'object' ? spec : { v: spec };
      setCell(cell, s.v, s.fmt);
      if (s.status) paintStatus(cell, s.status);
      if (s.cls) paintClass(cell, s.cls);
      if (s.italic && s.v !== null) cell.font = { ...cell.font, italic: true };
      if (s.v !== null) widths[c] = Math.max(widths[c] ?? 0, displayWidth(String(s.v)));
    });
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: Math.max(1, header.length) } };
  // Printed on A4 landscape, the columns for people on the page's width, the header row on every page.
  sheet.pageSetup = {
    paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1',
    ...(printed !== undefined ? { printArea: `A$1:${columnLetters(printed)}$${rows.length + 1}` } : {}),
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  widths.forEach((w, c) => (sheet.getColumn(c + 1).width = Math.min(Math.max(w + 2, 6), 60)));
  return sheet;
}

/** 数据问题: every finding of the run, where it is, how grave, its code and its words. */
export function findingsSheet(book: Workbook, diagnostics: readonly Diagnostic[], lang: Lang): Worksheet {
  const header = ['xlsx/col-file', 'xlsx/col-line', 'xlsx/col-column', 'xlsx/col-cell', 'xlsx/col-severity', 'xlsx/col-code', 'xlsx/col-message'].map((k) => t(lang, k));
  const rows = diagnostics.map((d) => [
    d.file ?? null,
    d.line ?? null,
    d.column ?? null,
    d.sheet !== undefined ? (d.cell !== undefined ? cellReference(d.sheet, d.cell) : d.sheet) : null,
    t(lang, `severity/${d.severity}`),
    d.code,
    diagnosticMessage(d, lang),
  ]);
  return tableSheet(book, t(lang, 'xlsx/sheet-findings'), header, rows);
}

/** 说明: what the workbook is of, two columns (item, content); the run's files, day and version when known. */
export function aboutSheet(book: Workbook, items: ReadonlyArray<readonly [string, CellValue]>, run: RunInfo | undefined, lang: Lang): Worksheet {
  const rows: Array<readonly [string, CellValue]> = [];
  const [first, ...rest] = items;
  if (first) rows.push(first);
  if (run) {
    run.data.forEach((f, i) => rows.push([i === 0 ? t(lang, 'xlsx/about-data') : '', f]));
    if (run.regions !== undefined) rows.push([t(lang, 'xlsx/about-regions'), run.regions]);
  }
  rows.push(...rest);
  if (run) rows.push([t(lang, 'xlsx/about-date'), run.date], [t(lang, 'xlsx/about-version'), run.version]);
  const sheet = tableSheet(book, t(lang, 'xlsx/sheet-about'), [t(lang, 'xlsx/col-item'), t(lang, 'xlsx/col-content')], rows.map(([k, v]) => [k || null, v]));
  sheet.getColumn(1).font = { bold: true };
  return sheet;
}
