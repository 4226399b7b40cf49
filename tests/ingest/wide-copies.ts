// Wide and workbook copies of a long return, cell for cell, for the tests that prove
// the layouts read alike: the same raw text of each cell goes to the same place.
//
// - years: a row per 指标 × 地区 × 性别 × 城乡 × 单位, and per year the columns
//   `2023年数值 | 2023年分子 | 2023年分母 | 2023年备注`;
// - regions: a row per 指标 × 年份 × 性别 × 城乡 × 单位, and per region the columns
//   `海陵区数值 | 海陵区分子 | 海陵区分母 | 海陵区备注` (CSV) or the region merged over a second
//   header row `数值 | 分子 | 分母 | 备注` (workbook), under a merged title row.
// A long row that exists with nothing in it but a 备注 keeps its 备注, so it stays a
// "reported missing" cell; a cell the long file does not have stays empty.
import ExcelJS from 'exceljs';
import { readTable } from '../../src/ingest/table.js';
import { decode } from '../../src/ingest/decode.js';

export interface LongRow {
  indicator: string;
  region: string;
  year: string;
  value: string;
  numerator: string;
  denominator: string;
  sex: string;
  residence: string;
  unit: string;
  note: string;
}

const NAMES: Record<keyof LongRow, string[]> = {
  indicator: ['指标', '指标名称'],
  region: ['地区'],
  year: ['年份', '年度'],
  value: ['数值'],
  numerator: ['分子'],
  denominator: ['分母'],
  sex: ['性别'],
  residence: ['城乡'],
  unit: ['单位'],
  note: ['备注'],
};

/** The rows of a long sample, as raw cell texts. */
export function longRows(bytes: Uint8Array, file: string): LongRow[] {
  const text = decode(bytes, file).text!;
  const { table } = readTable(text, file);
  if (!table) throw new Error(`${file}: no table`);
  const index = Object.fromEntries(
    (Object.keys(NAMES) as Array<keyof LongRow>).map((k) => [k, table.header.findIndex((h) => NAMES[k].includes(h.trim()))]),
  ) as Record<keyof LongRow, number>;
  return table.rows.map((r) => Object.fromEntries((Object.keys(NAMES) as Array<keyof LongRow>).map((k) => [k, index[k] >= 0 ? (r.cells[index[k]] ?? '') : ''])) as unknown as LongRow);
}

const MEASURES = [['value', '数值'], ['numerator', '分子'], ['denominator', '分母'], ['note', '备注']] as const;

export interface WideTable {
  /** Header rows (one, or two with a merged upper row). */
  header: string[][];
  rows: string[][];
  /** Merged ranges of the header, as [row, fromColumn, toColumn] (0-based). */
  merges: Array<[number, number, number]>;
}

function byKey<T>(rows: LongRow[], key: (r: LongRow) => string, make: (r: LongRow) => T): Map<string, { head: T; rows: LongRow[] }> {
  const out = new Map<string, { head: T; rows: LongRow[] }>();
  for (const r of rows) {
    const k = key(r);
    if (!out.has(k)) out.set(k, { head: make(r), rows: [] });
    out.get(k)!.rows.push(r);
  }
  return out;
}

function halfWidthYear(s: string): string {
  return s.normalize('NFKC').trim().slice(0, 4);
}

function ordered(values: string[]): string[] {
  return [...new Set(values)];
}

/** Years as columns. `twoRows`: the year merged over 数值 | 分子 | 分母 | 备注 in a second header row. */
export function yearsTable(rows: LongRow[], twoRows = false): WideTable {
  // By the year it means (the GBK sample writes both 2025 and 2025年).
  const yearOf = (r: LongRow) => halfWidthYear(r.year);
  const years = ordered(rows.map(yearOf)).sort();
  const groups = byKey(rows, (r) => [r.indicator, r.region, r.sex, r.residence, r.unit].join('\u0000'), (r) => [r.indicator, r.region, r.sex, r.residence, r.unit]);
  const lead = ['指标', '地区', '性别', '城乡', '单位'];
  const header = twoRows
    ? [[...lead, ...years.flatMap((y) => MEASURES.map(() => y))], [...lead.map(() => ''), ...years.flatMap(() => MEASURES.map(([, w]) => w))]]
    : [[...lead, ...years.flatMap((y) => MEASURES.map(([, w]) => `${y}年${w}`))]];
  const merges = twoRows ? years.map((_, i) => [0, lead.length + i * 4, lead.length + i * 4 + 3] as [number, number, number]) : [];
  const out: string[][] = [];
  for (const { head, rows: list } of groups.values()) {
    const cells = [...head];
    for (const y of years) {
      const r = list.find((x) => yearOf(x) === y);
      for (const [m] of MEASURES) cells.push(r ? r[m] : '');
    }
    out.push(cells);
  }
  return { header, rows: out, merges };
}

/** Regions as columns, the shape of a 统计监测表. */
export function regionsTable(rows: LongRow[], twoRows = false): WideTable {
  const regions = ordered(rows.map((r) => r.region));
  const groups = byKey(rows, (r) => [r.indicator, r.year, r.sex, r.residence, r.unit].join('\u0000'), (r) => [r.indicator, r.year, r.sex, r.residence, r.unit]);
  const lead = ['指标', '年份', '性别', '城乡', '单位'];
  const header = twoRows
    ? [[...lead, ...regions.flatMap((g) => MEASURES.map(() => g))], [...lead.map(() => ''), ...regions.flatMap(() => MEASURES.map(([, w]) => w))]]
    : [[...lead, ...regions.flatMap((g) => MEASURES.map(([, w]) => `${g}${w}`))]];
  const merges = twoRows ? regions.map((_, i) => [0, lead.length + i * 4, lead.length + i * 4 + 3] as [number, number, number]) : [];
  const out: string[][] = [];
  for (const { head, rows: list } of groups.values()) {
    const cells = [...head];
    for (const g of regions) {
      const r = list.find((x) => x.region === g);
      for (const [m] of MEASURES) cells.push(r ? r[m] : '');
    }
    out.push(cells);
  }
  return { header, rows: out, merges };
}

/** The long rows as a table of their own. */
export function longTable(rows: LongRow[]): WideTable {
  const keys = Object.keys(NAMES) as Array<keyof LongRow>;
  return { header: [keys.map((k) => NAMES[k][0]!)], rows: rows.map((r) => keys.map((k) => r[k])), merges: [] };
}

function csvCell(s: string): string {
  return /[",\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
}

export function toCsv(t: WideTable): Uint8Array {
  // A two-row header exported to CSV keeps a merged cell's text in its first cell only.
  const header = t.header.map((row, r) => row.map((cell, c) => (t.merges.some(([mr, from, to]) => mr === r && c > from && c <= to) ? '' : cell)));
  const text = [...header, ...t.rows].map((row) => row.map(csvCell).join(',')).join('\r\n');
  return new TextEncoder().encode(`\uFEFF${text}\r\n`);
}

/**
 * The table as a workbook, typed as people type in Excel: plain numbers as numbers (with
 * the decimals shown by the format), `98.5%` as 0.985 in a percent format, `1,234` as a
 * number with a thousands format, anything else (2025年, full-width digits, —) as text.
 */
export async function toXlsx(t: WideTable, title?: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('报表');
  let offset = 0;
  const width = Math.max(...t.header.map((h) => h.length));
  if (title) {
    ws.getCell(1, 1).value = title;
    ws.mergeCells(1, 1, 1, width);
    offset = 1;
  }
  t.header.forEach((row, r) => row.forEach((cell, c) => {
    if (cell !== '') ws.getCell(offset + r + 1, c + 1).value = cell;
  }));
  for (const [r, from, to] of t.merges) ws.mergeCells(offset + r + 1, from + 1, offset + r + 1, to + 1);
  // A lead column's name merged down over both header rows.
  if (t.header.length === 2) t.header[0]!.forEach((cell, c) => {
    if (t.header[1]![c] === '' && cell !== '') ws.mergeCells(offset + 1, c + 1, offset + 2, c + 1);
  });
  const start = offset + t.header.length + 1;
  t.rows.forEach((row, r) => row.forEach((text, c) => {
    const cell = ws.getCell(start + r, c + 1);
    const typed = typedValue(text);
    if (typed === undefined) return;
    cell.value = typed.value;
    if (typed.numFmt) cell.numFmt = typed.numFmt;
  }));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function typedValue(text: string): { value: string | number; numFmt?: string } | undefined {
  if (text === '') return undefined;
  let m = /^(\d+)(?:\.(\d+))?$/u.exec(text);
  if (m) return { value: Number(text), ...(m[2] ? { numFmt: `0.${'0'.repeat(m[2].length)}` } : {}) };
  m = /^(\d+)(?:\.(\d+))?%$/u.exec(text);
  if (m) return { value: Number((Number(text.slice(0, -1)) / 100).toPrecision(15)), numFmt: `0${m[2] ? `.${'0'.repeat(m[2].length)}` : ''}%` };
  m = /^\d{1,3}(?:,\d{3})+$/u.exec(text);
  if (m) return { value: Number(text.replace(/,/gu, '')), numFmt: '#,##0' };
  return { value: text };
}
