// A --regions file: units below the plan's regions (乡镇/街道 for the
// every-township targets), read with the same decoding and table code as returns.
import { diag, listParam, type Diagnostic } from '../diagnostics.js';
import { mergeRegions, RegionIndex } from '../plan/lookup.js';
import type { Level, Plan, Region } from '../plan/model.js';
import { normalizeName } from '../text/normalize.js';
import { escapeControls } from '../text/controls.js';
import { parseNumber } from './cells.js';
import { decode } from './decode.js';
import { Big5Cells, mayHoldBig5 } from './decode-big5.js';
import { mapHeader, missingColumn, specOf, type ColumnSpec } from './header.js';
import { streamTable, type TableRow } from './table.js';

type RegionColumn = 'code' | 'name' | 'parent' | 'population' | 'level' | 'aliases';

const REGION_COLUMNS: readonly ColumnSpec<RegionColumn>[] = [
  { id: 'code', label: '代码', names: ['code', '代码', '行政区划代码', '区划代码'] },
  { id: 'name', label: '名称', names: ['name', '名称', '地区名称', '单位名称'] },
  { id: 'parent', label: '上级', names: ['parent', '上级', '上级代码', '上级地区'] },
  { id: 'population', label: '人口', names: ['population', '人口', '常住人口', '户籍人口'] },
  { id: 'level', label: '层级', names: ['level', '层级', '级别'] },
  // Short names people write for a unit (城东 for 城东街道), separated by 、 ; or |.
  { id: 'aliases', label: '简称', names: ['aliases', '简称', '别名'] },
];

const CODE = /^\d{6,12}$/u;

/** Whether a table's header is a regions file's (code, name and parent columns, in any of their names), not a return's. */
export function isRegionsHeader(header: readonly string[]): boolean {
  const { columns } = mapHeader([...header], REGION_COLUMNS, { file: '', line: 1 });
  return columns.code !== undefined && columns.name !== undefined && columns.parent !== undefined;
}

export function readRegionsFile(file: { file: string; bytes: Uint8Array }, plan: Plan): { regions: Region[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const decoded = decode(file.bytes, file.file);
  diagnostics.push(...decoded.diagnostics);
  if (decoded.text === undefined) return { regions: [], diagnostics };
  // Row by row, none kept: a file of 74,000 乡镇 is read once, into the regions alone.
  const text = decoded.text;
  const read = streamTable(text, file.file);
  diagnostics.push(...read.diagnostics);
  if (!read.table) return { regions: [], diagnostics };
  // Big5 names read as GBK would be other names: said at their cells (decode-big5.ts), every one an error.
  if (decoded.encoding === 'gb18030' && mayHoldBig5(text)) {
    const rows = streamTable(text, file.file).table?.rows ?? [];
    new Big5Cells({ file: file.file }, diagnostics).check([{ line: read.table.headerLine, texts: read.table.header }, ...[...rows].map((r) => ({ line: r.line, texts: r.cells }))]);
  }

  const where = { file: file.file, line: read.table.headerLine };
  const { columns, diagnostics: headerProblems } = mapHeader(read.table.header, REGION_COLUMNS, where);
  diagnostics.push(...headerProblems);
  for (const id of ['code', 'name', 'parent'] as const) {
    if (columns[id] === undefined) diagnostics.push(missingColumn(specOf(REGION_COLUMNS, id), where));
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { regions: [], diagnostics };

  const cellOf = (row: TableRow, id: RegionColumn): { text: string; column: number } | undefined => {
    const i = columns[id];
    return i === undefined ? undefined : { text: (row.cells[i] ?? '').trim(), column: i + 1 };
  };
  // A parent named by name rather than code needs every row's names: the file is read again for them.
  const known = new KnownRegions(plan.regions, () => [...(streamTable(text, file.file).table?.rows ?? [])].map((row) => nameOnly(row, cellOf, plan.regions)));
  const regions: Region[] = [];
  for (const row of read.table.rows) {
    const cell = (id: RegionColumn) => cellOf(row, id);
    const before = diagnostics.length;
    const problem = (code: string, params: Diagnostic['params'], column: number): void =>
      void diagnostics.push(diag('error', code, params, { file: file.file, line: row.line, column }));

    const code = cell('code')!;
    const name = cell('name')!;
    const parentCell = cell('parent')!;
    if (code.text === '') problem('regions/missing-code', {}, code.column);
    else if (!CODE.test(code.text)) problem('regions/bad-code', { value: code.text }, code.column);
    else if (known.lineOf(code.text) !== undefined) problem('regions/duplicate-code', { value: code.text, first: known.lineOf(code.text) }, code.column);
    if (name.text === '') problem('regions/missing-name', {}, name.column);

    // A row for one of the plan's own regions (to give its population) may leave its place as the plan has it.
    const planRegion = plan.regions.find((r) => r.code === code.text);
    const keepsPlace = planRegion !== undefined && parentCell.text === '';
    const parent = keepsPlace ? (planRegion.parent !== undefined ? known.find(planRegion.parent).found : undefined) : findParent(parentCell, known, code.text, problem);
    const level = keepsPlace ? plan.levels.find((l) => l.id === planRegion.level) : readLevel(cell('level'), parent, parentCell.column, plan.levels, problem);
    const population = readPopulation(cell('population'), problem);
    // A plan region placed under one of its own units would close a loop of parents.
    if (parent && known.isBelow(parent.code, code.text)) problem('regions/parent-cycle', { value: parentCell.text, name: name.text }, parentCell.column);
    if (diagnostics.length > before || (!parent && !keepsPlace) || !level) continue;

    const aliases = aliasesOf(cell('aliases'));
    const region: Region = {
      code: code.text,
      name: escapeControls(name.text),
      // Most rows give none: one empty list serves them all (nothing adds to a region's aliases; a merge makes a new list).
      aliases: aliases.length ? aliases.map(escapeControls) : NO_ALIASES,
      level: level.id,
      ...(parent ? { parent: parent.code } : {}),
      ...(population !== undefined ? { population } : {}),
    };
    regions.push(region);
    known.add(region, row.line);
  }
  diagnostics.push(...codeClashes(plan.regions, regions, (code) => known.lineOf(code) ?? read.table!.headerLine, columns, file.file));
  return { regions, diagnostics };
}

/**
 * A name or alias of a row that is another region's code (a township aliased 110105, the code
 * of 朝阳区): a return writing 110105 would mean either. An error at the row's cell, naming
 * both regions.
 */
function codeClashes(
  planRegions: readonly Region[],
  rows: readonly Region[],
  lineOf: (code: string) => number,
  columns: Partial<Record<RegionColumn, number>>,
  file: string,
): Diagnostic[] {
  const index = new RegionIndex(mergeRegions(planRegions, rows));
  const fromFile = new Set(rows.map((r) => r.code));
  const out: Diagnostic[] = [];
  for (const [code, named] of index.clashes()) {
    const owner = index.get(code)!;
    for (const r of named) {
      // A plan region's own clash is the plan's error (plancheck validate); a row of this file is said here.
      const row = fromFile.has(r.code) ? r : fromFile.has(owner.code) ? owner : undefined;
      if (!row) continue;
      const inName = row === r && normalizeName(r.name) === code;
      const column = row !== r ? columns.code : inName ? columns.name : columns.aliases;
      out.push(diag('error', 'regions/name-is-code', { value: code, owner: `${owner.name}（${owner.code}）`, other: `${r.name}（${r.code}）` }, { file, line: lineOf(row.code), column: (column ?? 0) + 1 }));
    }
  }
  return out;
}

const NO_ALIASES: string[] = [];

function aliasesOf(cell: { text: string } | undefined): string[] {
  if (!cell || cell.text === '') return [];
  return cell.text.split(/[、;；|,，]/u).map((a) => a.trim()).filter((a) => a !== '');
}

/**
 * A row as far as a name lookup needs it. Its place in the tree is unknown
 * before the row is checked; a placeholder parent keeps it from looking like a top region.
 */
function nameOnly(row: TableRow, cellOf: (row: TableRow, id: RegionColumn) => { text: string } | undefined, planRegions: readonly Region[]): Region {
  const code = cellOf(row, 'code')?.text ?? '';
  const planRegion = planRegions.find((r) => r.code === code);
  return { code, name: cellOf(row, 'name')?.text ?? '', aliases: aliasesOf(cellOf(row, 'aliases')), level: '', parent: planRegion ? planRegion.parent : '' };
}

type Problem = (code: string, params: Diagnostic['params'], column: number) => void;

function findParent(cell: { text: string; column: number }, known: KnownRegions, code: string, problem: Problem): Region | undefined {
  if (cell.text === '') return void problem('regions/missing-parent', {}, cell.column);
  if (cell.text === code) return void problem('regions/self-parent', { value: cell.text }, cell.column);
  const hit = known.find(cell.text);
  if (hit.found) return hit.found;
  if (hit.ambiguous) problem('regions/ambiguous-parent', { value: cell.text, ...listParam('candidates', hit.ambiguous) }, cell.column);
  else problem('regions/unknown-parent', { value: cell.text }, cell.column);
  return undefined;
}

/** The level written, else the one below the parent's in the plan's levels (township under a district). */
function readLevel(
  cell: { text: string; column: number } | undefined,
  parent: Region | undefined,
  parentColumn: number,
  levels: readonly Level[],
  problem: Problem,
): Level | undefined {
  if (cell && cell.text !== '') {
    const key = normalizeName(cell.text);
    const level = levels.find((l) => [l.id, l.name, l.nameEn ?? ''].some((n) => normalizeName(n) === key));
    if (!level) problem('regions/unknown-level', { value: cell.text, allowed: levels.map((l) => `${l.id}（${l.name}）`).join('、'), allowedEn: levels.map((l) => `${l.id} (${l.nameEn ?? l.name})`).join(', ') }, cell.column);
    return level;
  }
  if (!parent) return undefined;
  const below = levels[levels.findIndex((l) => l.id === parent.level) + 1];
  if (!below) problem('regions/no-level-below', { parent: parent.name, level: parent.level }, parentColumn);
  return below;
}

/** A head count: digits, thousands separators, or 万 (45.6万 = 456000). */
function readPopulation(cell: { text: string; column: number } | undefined, problem: Problem): number | undefined {
  if (!cell || cell.text === '') return undefined;
  // Plain digits, as most files give them.
  if (/^\d{1,15}$/u.test(cell.text)) return Number(cell.text);
  const wan = /万人?$/u.test(cell.text);
  const parsed = parseNumber(cell.text.replace(/万?人?$/u, ''));
  const n = parsed.value?.number;
  if (n === undefined || n === null || parsed.value?.unit || n < 0) return void problem('regions/bad-population', { value: cell.text }, cell.column);
  return wan ? Math.round(n * 10000) : n;
}

/**
 * Regions a parent may name: the plan's, and rows of this file accepted before
 * the current one. A parent named by code is found among them directly; for one
 * named otherwise, one name index over the plan and every row of the file is built
 * (once, when first needed), so a file of thousands of townships stays fast; a hit
 * on a row not yet accepted (a later or a bad one) is not a parent.
 */
class KnownRegions {
  private index: RegionIndex | undefined;
  private readonly accepted = new Map<string, Region>();
  private readonly lines = new Map<string, number>();

  constructor(
    private readonly planRegions: readonly Region[],
    private readonly rows: () => readonly Region[],
  ) {
    for (const r of planRegions) this.accepted.set(r.code, r);
  }

  private get names(): RegionIndex {
    if (!this.index) {
      // The first row of a code is the one a later row may name (a repeat is an error).
      const firsts = new Map<string, Region>();
      for (const r of this.rows()) if (!firsts.has(r.code)) firsts.set(r.code, r);
      this.index = new RegionIndex(mergeRegions(this.planRegions, [...firsts.values()]));
    }
    return this.index;
  }

  add(region: Region, line: number): void {
    // A row with a plan region's code replaces it, keeping its aliases, as mergeRegions will.
    const replaced = this.accepted.get(region.code);
    this.accepted.set(region.code, replaced ? { ...replaced, ...region, aliases: [...replaced.aliases, ...region.aliases] } : region);
    this.lines.set(region.code, line);
  }

  /** Whether `code` is `ancestor` or lies below it, among the regions accepted so far. */
  isBelow(code: string, ancestor: string): boolean {
    // Bounded by the count of regions: what is accepted has no loop, but a walk never trusts that.
    let r = this.accepted.get(code);
    for (let steps = 0; r && steps <= this.accepted.size; steps++) {
      if (r.code === ancestor) return true;
      r = r.parent === undefined ? undefined : this.accepted.get(r.parent);
    }
    return false;
  }

  lineOf(code: string): number | undefined {
    return this.lines.get(code);
  }

  find(text: string): ReturnType<RegionIndex['find']> {
    const byCode = this.accepted.get(text);
    if (byCode) return { found: byCode };
    const hit = this.names.find(text);
    if (!hit.found) return hit;
    const accepted = this.accepted.get(hit.found.code);
    return accepted ? { found: accepted } : {};
  }
}
