// The layout of a return, long or wide, found from its header, and each row
// turned into the long rows it stands for.
//
// - long: one observation a row (指标, 地区, 年份, 数值 …), as CONTRACT §3 describes.
// - years: years as columns (`2020`, `2021年` …): a row per indicator (and region,
//   性别, 城乡), a value per year column.
// - regions: 市(区) as columns (`城东区`, `110101`, `全市` …), the shape of most
//   统计监测表: a row per indicator (and year), a value per region column.
//
// A wide column may hold a value, a numerator, a denominator, a 备注 or a 单位,
// written in the header as `2023年分子` / `城东区（分母）`, or as a second header
// row under a (merged) year or region: `2023年` over `数值 | 分子 | 分母`. Title rows
// above the header (a merged 统计监测表 title) are passed over: the header is the
// first row naming an indicator column. Footnote rows (注：…, 填报人：…) are passed
// over with a note. `--layout` forces a layout instead of detecting it.
import { diag, listParam, type Diagnostic, type Where } from '../diagnostics.js';
import type { Region } from '../plan/model.js';
import type { RegionIndex } from '../plan/lookup.js';
import { halfWidth } from '../text/normalize.js';
import { isMissing, parseYear } from './cells.js';
import { cellAt, locate, type Cell, type Grid, type GridRow } from './grid.js';
import {
  checkReturnColumns, CONTEXT_COLUMN_NAMES, headerKey, mapReturnHeader, RETURN_COLUMNS, specOf,
  type ColumnIndex, type HeaderPlace, type ReturnColumn,
} from './header.js';
import type { RowRef } from '../model/observation.js';

export type Layout = 'long' | 'years' | 'regions';
export type LayoutChoice = Layout | 'auto';
export const LAYOUTS: readonly Layout[] = ['long', 'years', 'regions'];

/** The cells of one observation, wherever they sit in the grid. */
export interface RowView {
  /** Line (row number) of the grid row it comes from. */
  line: number;
  cells: Partial<Record<ReturnColumn, Cell>>;
  /** A non-empty cell beyond the header, which no column names. */
  extra?: Cell;
  /** Value, numerator and denominator empty, and no 备注 of its own: a form cell not filled in. */
  blank: boolean;
  /** Problems of the cells it uses (an Excel error value …). */
  problems: Diagnostic[];
  ref: RowRef;
  /** The row's first cell, for a message about the row as a whole. */
  readonly rowAt: Where;
}

/** The layout of a return as read from its header: none when the header cannot be used (its diagnostics say why). */
export type LayoutRead = { layout?: undefined; diagnostics: Diagnostic[] } | LayoutFound;

export interface LayoutFound {
  layout: Layout;
  diagnostics: Diagnostic[];
  /**
   * The views of a data row (any row after the header, of the grid or of a later piece of the
   * file), with what the row itself says (a footnote passed over); undefined for an empty row.
   */
  viewsOf: (row: GridRow) => RowViews | undefined;
  /** Where each named column is (0-based), and how many columns the header has. */
  columns: ColumnIndex<ReturnColumn>;
  width: number;
  /** Index of the first data row in the grid. */
  firstData: number;
}

type Measure = 'value' | 'numerator' | 'denominator' | 'note' | 'unit';
const MEASURES: ReadonlySet<ReturnColumn> = new Set<ReturnColumn>(['value', 'numerator', 'denominator', 'note', 'unit']);
const isMeasure = (id: ReturnColumn): id is Measure => MEASURES.has(id);

type Label =
  | { kind: 'blank' }
  | { kind: 'column'; id: ReturnColumn }
  | { kind: 'context' }
  | { kind: 'key'; year?: number; region?: Region; measure?: Measure }
  | { kind: 'unknown' };

type Role =
  | { kind: 'blank' }
  | { kind: 'long'; id: ReturnColumn }
  | { kind: 'wide'; year?: number; region?: Region; measure: Measure; label: Cell }
  | { kind: 'context' }
  | { kind: 'unknown'; text: string };

const COLUMN_BY_KEY = new Map<string, ReturnColumn>();
for (const spec of RETURN_COLUMNS) for (const name of spec.names) COLUMN_BY_KEY.set(headerKey(name), spec.id);
const CONTEXT_KEYS = new Set(CONTEXT_COLUMN_NAMES.map(headerKey));

const MEASURE_WORDS: Record<string, Measure> = {
  '数值': 'value', '指标值': 'value', '值': 'value', 'value': 'value',
  '分子': 'numerator', 'numerator': 'numerator',
  '分母': 'denominator', 'denominator': 'denominator',
  '备注': 'note', 'note': 'note',
  '单位': 'unit', 'unit': 'unit',
};
// `2023年分子`, `2023 分母`, `城东区（数值）`, `110101-numerator`.
const MEASURE_SUFFIX = /^(.+?)[\s_\-—·:：/]*[(（【[]?\s*(数值|指标值|值|分子|分母|备注|单位|value|numerator|denominator|note|unit)\s*[)）】\]]?$/iu;

/** Footnotes under a 统计监测表: 注：…, 说明：…, 填报人：…, 审核人：… */
const FOOTNOTE = /^(注|说明|附注|填报|制表|审核|负责人|单位负责人|统计负责人|联系电话|note)/iu;

// The column of a 统计监测表 that sums its 市(区): the top region.
const TOTAL_COLUMN = new Set(['合计', '总计', '全市合计', '合计数']);

function yearOrRegion(text: string, regions: RegionIndex): { year?: number; region?: Region } | undefined {
  const year = parseYear(text.trim());
  if (year.value !== undefined) return { year: year.value };
  if (TOTAL_COLUMN.has(halfWidth(text).replace(/\s+/gu, ''))) return { region: regions.top };
  const region = regions.find(text.trim());
  if (region.found) return { region: region.found };
  return undefined;
}

function parseLabel(text: string, regions: RegionIndex): Label {
  const t = text.trim();
  if (t === '') return { kind: 'blank' };
  const key = headerKey(t);
  const column = COLUMN_BY_KEY.get(key);
  if (column) return { kind: 'column', id: column };
  if (CONTEXT_KEYS.has(key)) return { kind: 'context' };
  const plain = yearOrRegion(t, regions);
  if (plain) return { kind: 'key', ...plain };
  const m = MEASURE_SUFFIX.exec(halfWidth(t));
  if (m) {
    const prefix = yearOrRegion(m[1]!, regions);
    const measure = MEASURE_WORDS[m[2]!.toLowerCase()];
    if (prefix && measure) return { kind: 'key', ...prefix, measure };
  }
  return { kind: 'unknown' };
}

const measureOf = (l: Label): Measure | undefined =>
  l.kind === 'column' && isMeasure(l.id) ? l.id : l.kind === 'key' && l.year === undefined && l.region === undefined ? l.measure : undefined;

/** The role of a column from its header cell, and the cell below it in a two-row header. */
function roleOf(upper: Label, lower: Label | undefined, upperCell: Cell, lowerCell: Cell | undefined): Role {
  if (!lower || lower.kind === 'blank') {
    if (upper.kind === 'column') return { kind: 'long', id: upper.id };
    if (upper.kind === 'key') return { kind: 'wide', ...keyOf(upper), measure: upper.measure ?? 'value', label: upperCell };
    if (upper.kind === 'unknown') return { kind: 'unknown', text: upperCell.text };
    return upper;
  }
  // `数值` merged over region columns, or a region over `数值 | 分子 | 分母`.
  if (upper.kind === 'column' && isMeasure(upper.id) && lower.kind === 'key') {
    return { kind: 'wide', ...keyOf(lower), measure: lower.measure ?? upper.id, label: lowerCell! };
  }
  if (upper.kind === 'key' || lower.kind === 'key') {
    const u = upper.kind === 'key' ? upper : undefined;
    const l = lower.kind === 'key' ? lower : undefined;
    const year = u?.year ?? l?.year;
    const region = u?.region ?? l?.region;
    const measure = measureOf(lower) ?? l?.measure ?? u?.measure ?? 'value';
    if (year === undefined && region === undefined) return { kind: 'unknown', text: `${upperCell.text} ${lowerCell!.text}`.trim() };
    if (upper.kind !== 'key' && upper.kind !== 'blank') return { kind: 'unknown', text: upperCell.text };
    if (lower.kind !== 'key' && measureOf(lower) === undefined) return { kind: 'unknown', text: `${upperCell.text} ${lowerCell!.text}`.trim() };
    return { kind: 'wide', ...(year !== undefined ? { year } : {}), ...(region ? { region } : {}), measure, label: l && (l.year !== undefined || l.region) ? lowerCell! : upperCell };
  }
  // A header cell merged down over both rows (指标, 单位), or a name written in the second row.
  if (upper.kind === 'column') return { kind: 'long', id: upper.id };
  if (upper.kind === 'blank' && lower.kind === 'column') return { kind: 'long', id: lower.id };
  if (upper.kind === 'context' || lower.kind === 'context') return { kind: 'context' };
  return { kind: 'unknown', text: (upper.kind === 'blank' ? lowerCell!.text : upperCell.text) };
}

function keyOf(l: { year?: number; region?: Region }): { year?: number; region?: Region } {
  return { ...(l.year !== undefined ? { year: l.year } : {}), ...(l.region ? { region: l.region } : {}) };
}

/** The header row: the first row (of the first 20) naming an indicator column, else the first row. */
function findHeader(grid: Grid): number {
  const limit = Math.min(grid.rows.length, 20);
  for (let r = 0; r < limit; r++) {
    if (grid.rows[r]!.texts.some((t) => t !== undefined && COLUMN_BY_KEY.get(headerKey(t)) === 'indicator')) return r;
  }
  return 0;
}

const isMerged = (row: GridRow, i: number): boolean => row.marks?.get(i)?.merged === true;
const NONE: Diagnostic[] = [];

interface Group {
  year?: number;
  region?: Region;
  label: Cell;
  columns: Partial<Record<Measure, number>>;
}

/** What the command line says about the returns beyond their layout: --year, for a return whose year is only in its title. */
export interface LayoutGiven {
  year?: number;
}

export function readLayout(grid: Grid, regions: RegionIndex, choice: LayoutChoice = 'auto', given: LayoutGiven = {}): LayoutRead {
  const diagnostics: Diagnostic[] = [];
  const none = (): LayoutRead => ({ diagnostics });
  if (grid.rows.length === 0) {
    diagnostics.push(diag('error', 'data/empty-file', {}, locate(grid, 1, 1)));
    return none();
  }
  const h = findHeader(grid);
  const headerRow = grid.rows[h]!;
  const place: HeaderPlace = { file: grid.file, line: headerRow.line, ...(grid.sheet !== undefined ? { sheet: grid.sheet } : {}) };
  const upperTexts = headerRow.texts.map((t) => t ?? '');
  const uppers = upperTexts.map((t) => parseLabel(t, regions));

  // A second header row: its indicator cell is empty (or merged from above) and it names years, regions or 数值/分子/分母.
  const indicatorColumn = uppers.findIndex((l) => l.kind === 'column' && l.id === 'indicator');
  const next = grid.rows[h + 1];
  let lowerRow: GridRow | undefined;
  const indicatorCell = next && indicatorColumn >= 0 ? (next.texts[indicatorColumn] ?? '').trim() : undefined;
  // A data row names its indicator: only a row that does not is read as a header.
  if (choice !== 'long' && next && indicatorCell !== undefined && next.line === headerRow.line + 1 && (indicatorCell === '' || isMerged(next, indicatorColumn))) {
    const lowers = next.texts.map((t) => parseLabel(t ?? '', regions));
    // …and some column needs it: under an empty, merged, year or region cell, or a 数值 over regions.
    const needed = lowers.some((l, i) => {
      if (l.kind === 'blank' || l.kind === 'unknown') return false;
      const u = uppers[i] ?? { kind: 'blank' };
      if (u.kind === 'blank' || u.kind === 'key' || isMerged(headerRow, i)) return l.kind === 'key' || measureOf(l) !== undefined;
      return u.kind === 'column' && isMeasure(u.id) && l.kind === 'key';
    });
    if (needed) lowerRow = next;
  }
  const firstData = h + (lowerRow ? 2 : 1);

  const width = Math.max(upperTexts.length, lowerRow?.texts.length ?? 0);
  const roles: Role[] = [];
  let leftKey: { text: string; label: Label } | undefined;
  for (let i = 0; i < width; i++) {
    const upperCell = cellAt(grid, headerRow, i);
    let upper = uppers[i] ?? { kind: 'blank' as const };
    const lowerCell = lowerRow ? cellAt(grid, lowerRow, i) : undefined;
    const lower = lowerCell ? parseLabel(lowerCell.text, regions) : undefined;
    // A merged year or region exported to CSV keeps its text in the first cell only.
    if (lowerRow && upper.kind === 'blank' && lower && lower.kind !== 'blank' && leftKey) {
      upper = leftKey.label;
      upperCell.text = leftKey.text;
    }
    if (upper.kind === 'key') leftKey = { text: upperCell.text, label: upper };
    else if (upper.kind !== 'blank') leftKey = undefined;
    roles.push(roleOf(upper, lower, upperCell, lowerCell));
  }

  // What may be in columns: everything when detecting, one dimension when forced.
  for (let i = 0; i < roles.length; i++) {
    const r = roles[i]!;
    if (r.kind !== 'wide') continue;
    const allowed = choice === 'auto' || (choice === 'years' && r.year !== undefined) || (choice === 'regions' && r.region !== undefined);
    if (!allowed) roles[i] = { kind: 'unknown', text: r.label.text };
  }
  const wide = roles.filter((r): r is Extract<Role, { kind: 'wide' }> => r.kind === 'wide');
  const layout: Layout = wide.length === 0 ? 'long' : choice === 'years' || choice === 'regions' ? choice : wide.some((r) => r.region) ? 'regions' : 'years';
  if ((choice === 'years' || choice === 'regions') && wide.length === 0) {
    diagnostics.push(diag('error', 'data/layout-not-found', { layout: choice }, locate(place, place.line, 1)));
    return none();
  }

  // A 统计监测表 gives its year in the title (泰州市2023年儿童发展监测表), not in a column.
  const yearInColumns = roles.some((r) => r.kind === 'wide' && r.year !== undefined);
  const hasYearColumn = roles.some((r) => r.kind === 'long' && r.id === 'year');
  const fixedYear = yearInColumns || hasYearColumn ? undefined : yearOfTitle(grid, h) ?? (given.year !== undefined ? { year: given.year } : undefined);

  let columns: ColumnIndex<ReturnColumn>;
  let groups: Group[] = [];
  if (layout === 'long' && !lowerRow) {
    const mapped = mapReturnHeader(upperTexts, place, { year: fixedYear !== undefined });
    diagnostics.push(...mapped.diagnostics);
    columns = mapped.columns;
  } else {
    const read = wideColumns(roles, layout, place, regions, diagnostics, fixedYear !== undefined);
    columns = read.columns;
    groups = read.groups;
  }
  if (layout !== 'regions' && columns.region === undefined) regionsInIgnoredColumns(grid, firstData, width, columns, groups, regions, place, diagnostics);
  if (diagnostics.some((d) => d.severity === 'error')) return none();
  if (layout !== 'long') diagnostics.push(announce(layout, groups, place));
  // Without a region column every row is the plan's top region: said once, never silently.
  if (layout !== 'regions' && columns.region === undefined) diagnostics.push(diag('info', 'data/no-region-column', { region: regions.top.name }, locate(place, place.line, 1)));
  if (fixedYear) {
    const at = fixedYear.at ?? locate(place, place.line, 1);
    diagnostics.push(fixedYear.title !== undefined
      ? diag('info', 'data/year-from-title', { year: fixedYear.year, title: fixedYear.title }, at)
      : diag('info', 'data/year-from-option', { year: fixedYear.year }, at));
  }

  const viewsOf = rowViews(grid, width, columns, groups, layout, fixedYear && { text: String(fixedYear.year), at: fixedYear.at ?? locate(place, place.line, 1) });
  return { layout, diagnostics, viewsOf, columns, width, firstData };
}

/** The year a title row above the header names (泰州市2023年儿童发展监测表), with the title and its cell. */
function yearOfTitle(grid: Grid, header: number): { year: number; title?: string; at?: Where } | undefined {
  for (let r = 0; r < header; r++) {
    const row = grid.rows[r]!;
    for (let i = 0; i < row.texts.length; i++) {
      const text = row.texts[i];
      if (text === undefined) continue;
      const m = /(?<!\d)((?:19|20)\d{2})\s*年(?!\s*[-—~至到]\s*\d)/u.exec(halfWidth(text));
      if (!m) continue;
      const year = parseYear(m[1]!).value;
      if (year !== undefined) return { year, title: text.trim(), at: cellAt(grid, row, i).at };
    }
  }
  return undefined;
}

/** How many data rows are looked at to tell whether an ignored column holds region names. */
const REGION_SAMPLE_ROWS = 200;

/**
 * A column plancheck does not read (an unknown or blank header) whose values are region
 * names, in a return without a region column: read without it, every row would be the
 * plan's top region, and a district's figures the city's. An error naming the column.
 */
function regionsInIgnoredColumns(
  grid: Grid,
  firstData: number,
  width: number,
  columns: ColumnIndex<ReturnColumn>,
  groups: Group[],
  regions: RegionIndex,
  place: HeaderPlace,
  diagnostics: Diagnostic[],
): void {
  const used = new Set<number>([...Object.values(columns), ...groups.flatMap((g) => Object.values(g.columns))]);
  const end = Math.min(grid.rows.length, firstData + REGION_SAMPLE_ROWS);
  for (let i = 0; i < width; i++) {
    if (used.has(i)) continue;
    const names: string[] = [];
    let filled = 0;
    let regionCells = 0;
    for (let r = firstData; r < end; r++) {
      const text = (grid.rows[r]!.texts[i] ?? '').trim();
      if (text === '' || isMissing(text)) continue;
      filled++;
      const found = regions.find(text).found;
      if (!found) continue;
      regionCells++;
      if (!names.includes(found.name)) names.push(found.name);
    }
    // Most of its filled cells name a region: a region column under a header not known.
    if (filled === 0 || regionCells * 2 < filled) continue;
    const header = (grid.rows.find((row) => row.line === place.line)?.texts[i] ?? '').trim();
    const at = locate(place, place.line, i + 1);
    // The warning that the column is ignored says less than this error: it goes.
    for (let k = diagnostics.length - 1; k >= 0; k--) {
      const d = diagnostics[k]!;
      if (d.code === 'data/unknown-column' && d.line === at.line && d.column === at.column && d.sheet === at.sheet) diagnostics.splice(k, 1);
    }
    const accepted = specOf(RETURN_COLUMNS, 'region').names;
    diagnostics.push(diag('error', header === '' ? 'data/region-column-unnamed' : 'data/region-column-ignored', {
      name: header, column: i + 1, ...listParam('regions', names.slice(0, 5)), ...listParam('accepted', accepted),
    }, at));
  }
}

function announce(layout: Layout, groups: Group[], place: HeaderPlace): Diagnostic {
  const at = locate(place, place.line, 1);
  if (layout === 'years') {
    const years = [...new Set(groups.map((g) => g.year!))].sort((a, b) => a - b);
    return diag('info', 'data/layout-years', { count: years.length, ...listParam('years', years) }, at);
  }
  const names = [...new Set(groups.map((g) => g.region!.name))];
  return diag('info', 'data/layout-regions', { count: names.length, ...listParam('regions', names) }, at);
}

function wideColumns(
  roles: Role[],
  layout: Layout,
  place: HeaderPlace,
  regions: RegionIndex,
  diagnostics: Diagnostic[],
  fixedYear = false,
): { columns: ColumnIndex<ReturnColumn>; groups: Group[] } {
  const columns: ColumnIndex<ReturnColumn> = {};
  const byKey = new Map<string, Group>();
  const at = (i: number) => locate(place, place.line, i + 1);
  const label = (id: ReturnColumn) => specOf(RETURN_COLUMNS, id).label;
  roles.forEach((r, i) => {
    if (r.kind === 'long') {
      const first = columns[r.id];
      if (first !== undefined) diagnostics.push(diag('error', 'data/duplicate-column', { name: label(r.id), label: label(r.id), field: r.id, first: first + 1 }, at(i)));
      else columns[r.id] = i;
    } else if (r.kind === 'wide') {
      const key = `${r.year ?? ''}\u0000${r.region?.code ?? ''}`;
      let g = byKey.get(key);
      if (!g) byKey.set(key, (g = { ...keyOf(r), label: r.label, columns: {} }));
      const first = g.columns[r.measure];
      if (first !== undefined) diagnostics.push(diag('error', 'data/duplicate-column', { name: r.label.text, label: label(r.measure), field: r.measure, first: first + 1 }, at(i)));
      else g.columns[r.measure] = i;
    } else if (r.kind === 'unknown') {
      diagnostics.push(unknownColumn(r.text, layout, regions, at(i)));
    }
  });
  const groups = [...byKey.values()];
  const inColumns = { year: groups.length > 0 && groups.every((g) => g.year !== undefined), region: groups.some((g) => g.region !== undefined) };
  // A dimension is in the rows or in the columns, not both; and values are in the wide columns.
  const mixed = (id: ReturnColumn) => {
    const i = columns[id];
    if (i !== undefined) diagnostics.push(diag('error', 'data/layout-mixed', { label: label(id), field: id, layout }, at(i)));
  };
  if (groups.length > 0) {
    if (inColumns.year) mixed('year');
    if (inColumns.region) mixed('region');
    for (const id of ['value', 'numerator', 'denominator'] as const) mixed(id);
  }
  for (const g of groups) {
    const hasNumerator = g.columns.numerator !== undefined;
    if (hasNumerator !== (g.columns.denominator !== undefined)) {
      const lone = hasNumerator ? 'numerator' : 'denominator';
      const other = hasNumerator ? 'denominator' : 'numerator';
      diagnostics.push(diag('warning', 'data/lone-ratio-column', { label: label(lone), field: lone, other: label(other), otherField: other }, at(g.columns[lone]!)));
      delete g.columns[lone];
    }
  }
  diagnostics.push(...checkReturnColumns(columns, place, { year: inColumns.year || fixedYear, value: groups.length > 0 }));
  return { columns, groups: groups.filter((g) => g.columns.value !== undefined || g.columns.numerator !== undefined) };
}

/** An unknown header; in a wide table, a misspelt region or year is an error, not a column to drop. */
function unknownColumn(text: string, layout: Layout, regions: RegionIndex, at: Where): Diagnostic {
  if (layout === 'regions') {
    const hit = regions.find(text);
    if (!hit.found && (hit.suggestion !== undefined || hit.ambiguous)) {
      return diag('error', 'data/unknown-region-column', { name: text, ...(hit.suggestion !== undefined ? { suggestion: hit.suggestion } : listParam('suggestion', hit.ambiguous!)) }, at);
    }
  }
  // In a years table, a header that looks like a year (digits, or ending in 年) is one mistyped.
  if (layout === 'years' && /\d{4}|年度?$/u.test(halfWidth(text).trim())) return diag('error', 'data/bad-year-column', { name: text }, at);
  return diag('warning', 'data/unknown-column', { name: text, ...listParam('accepted', RETURN_COLUMNS.map((s) => s.names[0]!)) }, at);
}

/** The two halves of a number whose thousands separator split it into two cells: `1` and `234.5`. */
const SPLIT_HEAD = /^\s*[+-]?\d{1,3}\s*$/u;
const SPLIT_TAIL = /^\s*\d{3}(?:\.\d+)?\s*[%‰]?\s*$/u;

class View implements RowView {
  constructor(
    private readonly grid: Pick<Grid, 'file' | 'sheet'>,
    readonly line: number,
    readonly cells: Partial<Record<ReturnColumn, Cell>>,
    readonly extra: Cell | undefined,
    readonly blank: boolean,
    public problems: Diagnostic[],
    readonly ref: RowRef,
  ) {}

  /** Worked out only when a message needs it. */
  get rowAt(): Where {
    return locate(this.grid, this.line, 1);
  }
}

export type RowViews = { views: RowView[]; diagnostics: Diagnostic[] };

/** The views of one data row of the grid (or of a later piece of the same file), undefined for an empty row. */
function rowViews(
  grid: Pick<Grid, 'file' | 'sheet'>,
  width: number,
  columns: ColumnIndex<ReturnColumn>,
  groups: Group[],
  layout: Layout,
  fixedYear?: Cell,
): (row: GridRow) => RowViews | undefined {
  const longIds = Object.keys(columns) as ReturnColumn[];
  return (row) => {
    // The first two cells with something in them: none is an empty row, one may be a footnote.
    let first = -1;
    let second = -1;
    for (let i = 0; i < row.texts.length && second < 0; i++) {
      const t = row.texts[i];
      if (t === undefined || t === '' || t.trim() === '') continue;
      if (first < 0) first = i;
      else second = i;
    }
    if (first < 0) return undefined;
    if (second < 0 && FOOTNOTE.test(row.texts[first]!.trim())) {
      return { views: [], diagnostics: [diag('info', 'data/footnote-skipped', { text: row.texts[first]!.trim().slice(0, 40) }, locate(grid, row.line, first + 1))] };
    }
    let problems: Diagnostic[] = NONE;
    const take = (i: number, measure: boolean): Cell => {
      const cell = cellAt(grid, row, i);
      const mark = row.marks?.get(i);
      if (mark?.problem) {
        if (problems === NONE) problems = [];
        problems.push(diag('error', mark.problem.code, mark.problem.params, cell.at));
        cell.text = '';
      }
      // Only the top-left cell of a merged range holds a number; the others show it.
      if (measure && mark?.merged) cell.text = '';
      return cell;
    };
    const common: Partial<Record<ReturnColumn, Cell>> = {};
    for (const id of longIds) common[id] = take(columns[id]!, id === 'value' || id === 'numerator' || id === 'denominator');
    if (fixedYear) common.year = { ...fixedYear };
    let extraIndex = -1;
    for (let j = width; j < row.texts.length; j++) {
      const t = row.texts[j];
      if (t !== undefined && t.trim() !== '') {
        extraIndex = j;
        break;
      }
    }
    const extra = extraIndex < 0 ? undefined : take(extraIndex, false);
    if (extra && grid.sheet === undefined) {
      // `1,234.5` unquoted is two cells, 1 and 234.5, and the row one cell too long: which
      // number was meant cannot be told, so the number is an error, never read as 1.
      const measures = [columns.value, columns.numerator, columns.denominator, ...groups.flatMap((g) => [g.columns.value, g.columns.numerator, g.columns.denominator])];
      for (const i of measures) {
        if (i === undefined || !SPLIT_HEAD.test(row.texts[i] ?? '') || !SPLIT_TAIL.test(row.texts[i + 1] ?? '')) continue;
        if (problems === NONE) problems = [];
        problems.push(diag('error', 'data/split-number', { value: `${row.texts[i]!.trim()},${row.texts[i + 1]!.trim()}` }, cellAt(grid, row, i).at));
      }
    }
    const line = row.line;
    const refOf = (cell: Cell | undefined): RowRef => {
      if (!cell) return { file: grid.file, line };
      if (grid.sheet !== undefined) {
        const at = cell.at;
        return at.cell !== undefined ? { file: grid.file, line, sheet: grid.sheet, cell: at.cell } : { file: grid.file, line };
      }
      // A wide CSV row holds several values: the column says which.
      return layout !== 'long' ? { file: grid.file, line, column: cell.at.column! } : { file: grid.file, line };
    };
    const empty = (c: Cell | undefined) => !c || c.text === '';

    if (layout === 'long') {
      const blank = empty(common.value) && empty(common.numerator) && empty(common.denominator) && empty(common.note);
      return { views: [new View(grid, line, common, extra, blank, problems, refOf(common.value ?? common.numerator))], diagnostics: NONE };
    }
    const views: RowView[] = [];
    for (const g of groups) {
      const cells: Partial<Record<ReturnColumn, Cell>> = { ...common };
      for (const [m, i] of Object.entries(g.columns) as Array<[Measure, number]>) {
        const cell = take(i, m === 'value' || m === 'numerator' || m === 'denominator');
        // A group's own 备注 or 单位 replaces the row's, when it says something.
        if ((m === 'note' || m === 'unit') && cell.text === '') continue;
        cells[m] = cell;
      }
      if (g.year !== undefined) cells.year = { text: String(g.year), at: g.label.at };
      if (g.region) cells.region = { text: g.region.code, at: g.label.at };
      const ownNote = g.columns.note !== undefined ? cells.note : undefined;
      const blank = empty(cells.value) && empty(cells.numerator) && empty(cells.denominator) && empty(ownNote);
      views.push(new View(grid, line, cells, extra, blank, NONE, refOf(cells.value ?? cells.numerator)));
    }
    // A row's cell problems are reported once, not once per year or region.
    if (views[0]) views[0].problems = problems;
    return { views, diagnostics: views[0] ? NONE : problems };
  };
}
