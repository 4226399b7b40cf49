// A workbook (.xlsx) → a grid of the text its cells show, through exceljs.
// exceljs is loaded only here and only when a return is a workbook, so a CSV
// run never pays for it.
//
// What a cell "shows", as a statistician reads it:
// - a number with a percent format is stored as a fraction (98.2 % as 0.982):
//   it is read as `98.2%`, which the row reader converts to the indicator's unit;
// - a number keeps its full stored precision, written with at least the decimals
//   its format shows (1.5 formatted 0.00 reads `1.50`), so "agrees within rounding"
//   uses the rounding the user sees;
// - a formula reads as its saved (cached) result; an error value (#DIV/0!) or a
//   formula without a saved result is a problem of that cell, reported at Sheet!Cell
//   if the cell is used;
// - a cell inside a merged range reads as the range's text (the visible text);
// - numbers stored as text, rich text and hyperlinks read as their text.
import type { Diagnostic, Where } from '../diagnostics.js';
import { diag, listParam } from '../diagnostics.js';
import type { CellMark, Grid, GridRow } from './grid.js';
import { checkWorkbookLimits } from './xlsx-limits.js';
import { checkWorkbookTruth } from './xlsx-truth.js';

type ExcelJsModule = typeof import('exceljs');
type Worksheet = import('exceljs').Worksheet;
type ExcelCell = import('exceljs').Cell;

export interface WorkbookRead {
  grid?: Grid;
  /** Names of every sheet, in order. */
  sheets: string[];
  diagnostics: Diagnostic[];
}

async function loadExcelJs(): Promise<ExcelJsModule> {
  const mod = (await import('exceljs')) as ExcelJsModule & { default?: ExcelJsModule };
  return mod.default ?? mod;
}

/**
 * Reads one sheet of a workbook: `sheet` is its name or 1-based number, the
 * first sheet by default.
 */
export async function readWorkbook(bytes: Uint8Array, file: string, sheet?: string): Promise<WorkbookRead> {
  const at1 = { file, line: 1, column: 1 };
  // Before exceljs builds anything: a workbook over the limits is refused as such, not read for minutes.
  const limits = checkWorkbookLimits(bytes, file);
  if (limits.length) return { sheets: [], diagnostics: limits };
  // Cells and rows exceljs would misread in silence: refused at their place.
  const lies = checkWorkbookTruth(bytes, file);
  if (lies.length) return { sheets: [], diagnostics: lies };
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (e) {
    return { sheets: [], diagnostics: [unreadable(e, at1)] };
  }
  const sheets = workbook.worksheets.map((w) => w.name);
  if (sheets.length === 0) return { sheets, diagnostics: [diag('error', 'data/xlsx-no-sheets', {}, at1)] };
  const chosen = pickSheet(workbook.worksheets, sheet);
  if (!chosen) {
    const list = sheets.map((n, i) => `${i + 1}. ${n}`);
    return { sheets, diagnostics: [diag('error', 'data/xlsx-no-such-sheet', { sheet: sheet ?? '', ...listParam('sheets', list) }, at1)] };
  }
  const others = sheets.filter((n) => n !== chosen.name);
  // Which sheet was read, when there were others to choose from.
  const diagnostics = sheets.length > 1 ? [diag('info', 'data/xlsx-sheet', { sheet: chosen.name, count: sheets.length, ...listParam('others', others) }, { file, sheet: chosen.name })] : [];
  try {
    return { sheets, grid: gridOfSheet(chosen, file), diagnostics };
  } catch (e) {
    return { sheets, diagnostics: [unreadable(e, { file, sheet: chosen.name })] };
  }
}

/**
 * A workbook exceljs could not read, in the catalog's words, never the library's (“Corrupted
 * zip: can't find end of central directory”, in English whatever the language) nor those of a
 * JavaScript error inside it (“Cannot read properties of undefined (reading 'richText')”,
 * “Maximum call stack size exceeded”), which say nothing to a statistician: the zip itself is
 * damaged, or the workbook inside it has a broken structure.
 */
function unreadable(e: unknown, at: Where): Diagnostic {
  const internal = e instanceof TypeError || e instanceof RangeError || e instanceof ReferenceError || e instanceof SyntaxError;
  return diag('error', internal ? 'data/xlsx-broken-structure' : 'data/xlsx-unreadable', {}, at);
}

function pickSheet(worksheets: Worksheet[], wanted: string | undefined): Worksheet | undefined {
  if (wanted === undefined || wanted === '') return worksheets[0];
  const byName = worksheets.find((w) => w.name === wanted) ?? worksheets.find((w) => w.name.trim().toLowerCase() === wanted.trim().toLowerCase());
  if (byName) return byName;
  if (/^\d+$/u.test(wanted.trim())) return worksheets[Number(wanted.trim()) - 1];
  return undefined;
}

function gridOfSheet(ws: Worksheet, file: string): Grid {
  const rows: GridRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const texts: Array<string | undefined> = [];
    let marks: Map<number, CellMark> | undefined;
    let any = false;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const read = readCell(cell);
      const mark: CellMark = {};
      if (cell.isMerged && cell.master.address !== cell.address) mark.merged = true;
      if (read.problem) mark.problem = read.problem;
      if (mark.merged || mark.problem) (marks ??= new Map()).set(colNumber - 1, mark);
      texts[colNumber - 1] = read.text;
      if (read.text.trim() !== '' || read.problem) any = true;
    });
    if (any) rows.push({ line: rowNumber, texts, ...(marks ? { marks } : {}) });
  });
  return { file, sheet: ws.name, rows };
}

interface CellRead {
  text: string;
  problem?: CellMark['problem'];
}

/** ExcelJS.ValueType, without loading exceljs for its enum. */
const TYPE = { Null: 0, Merge: 1, Number: 2, String: 3, Date: 4, Hyperlink: 5, Formula: 6, SharedString: 7, RichText: 8, Boolean: 9, Error: 10 } as const;

function readCell(cell: ExcelCell): CellRead {
  // A merged cell other than the range's top-left one has the master's value.
  const source = cell.type === TYPE.Merge ? cell.master : cell;
  return readValue(source.value, source.numFmt ?? '', source.type === TYPE.Formula ? formulaOf(source.value) : undefined);
}

function formulaOf(value: unknown): string | undefined {
  if (value && typeof value === 'object') {
    const v = value as { formula?: string; sharedFormula?: string };
    return v.formula ?? v.sharedFormula;
  }
  return undefined;
}

function readValue(value: unknown, numFmt: string, formula: string | undefined): CellRead {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'number') return { text: numberText(value, numFmt) };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { text: dateText(value, numFmt) };
  if (typeof value === 'object') {
    const v = value as { result?: unknown; formula?: string; sharedFormula?: string; error?: string; richText?: Array<{ text: string }>; text?: unknown };
    if (v.error !== undefined) return { text: '', problem: { code: 'data/xlsx-error-value', params: { value: v.error } } };
    if ('formula' in v || 'sharedFormula' in v) {
      if (v.result === undefined || v.result === null) return { text: '', problem: { code: 'data/xlsx-formula-no-value', params: { formula: `=${formula ?? v.formula ?? v.sharedFormula ?? ''}` } } };
      const r = readValue(v.result, numFmt, formula);
      return r.problem ? { text: '', problem: { code: r.problem.code, params: { ...r.problem.params, formula: `=${formula ?? ''}` } } } : r;
    }
    if (Array.isArray(v.richText)) return { text: v.richText.map((p) => p.text).join('') };
    if (v.text !== undefined) return readValue(v.text, numFmt, formula);
  }
  return { text: String(value) };
}

/** The first section of a number format, without quoted text and escapes. */
function formatSection(numFmt: string): string {
  return (numFmt.split(';')[0] ?? '').replace(/"[^"]*"/gu, '').replace(/\\./gu, '').replace(/\[[^\]]*\]/gu, '');
}

function numberText(n: number, numFmt: string): string {
  const section = formatSection(numFmt);
  const percent = section.includes('%');
  const shown = /\.([0#?]+)/u.exec(section)?.[1]?.length ?? 0;
  const x = percent ? n * 100 : n;
  // 15 significant digits drop binary noise (0.982 × 100 = 98.19999999999999).
  let text = plain(Number(x.toPrecision(15)));
  const decimals = /\.(\d+)$/u.exec(text)?.[1]?.length ?? 0;
  if (!text.includes('e') && decimals < shown) text = `${text}${decimals === 0 ? '.' : ''}${'0'.repeat(shown - decimals)}`;
  return percent ? `${text}%` : text;
}

/** A number without an exponent where that is short enough (1e-7 stays as it is). */
function plain(x: number): string {
  const s = String(x);
  if (!s.includes('e')) return s;
  const fixed = x.toFixed(20).replace(/0+$/u, '').replace(/\.$/u, '');
  return fixed.length <= 24 ? fixed : s;
}

/** A date cell: its year when the format shows only the year (2023年), else the ISO date. */
function dateText(d: Date, numFmt: string): string {
  const section = formatSection(numFmt).toLowerCase();
  const year = String(d.getUTCFullYear());
  if (/y/u.test(section) && !/[dmhs]/u.test(section)) return year;
  return d.toISOString().slice(0, 10);
}
