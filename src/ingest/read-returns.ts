// Statistical returns → observations: each file decoded, split into rows, and
// every row checked against the plan. Bad input is a located diagnostic, never
// an exception, and every problem of a file is reported in the same run.
import { diag, type Diagnostic } from '../diagnostics.js';
import type { Indicator, Plan, Region } from '../plan/model.js';
import type { IndicatorIndex, RegionIndex } from '../plan/lookup.js';
import { normalizeName } from '../text/normalize.js';
import {
  CELL_UNIT_SCALE, parseBoolean, parseNumber, parseResidence, parseSex, parseUnitCell, parseYear,
  type CellNumber, type CellUnit,
} from './cells.js';
import { decode } from './decode.js';
import { mapReturnHeader, RETURN_COLUMNS, specOf, type ColumnIndex, type ReturnColumn } from './header.js';
import { cellKey, type Observation } from './observation.js';
import { readTable, type TableRow } from './table.js';

export interface ReturnFile {
  file: string;
  bytes: Uint8Array;
}

export interface ReturnsContext {
  plan: Plan;
  indicators: IndicatorIndex;
  regions: RegionIndex;
}

export interface ReturnsRead {
  observations: Observation[];
  diagnostics: Diagnostic[];
  /** Encoding detected for each file read. */
  encodings: Record<string, string>;
}

export function readReturns(files: ReturnFile[], ctx: ReturnsContext): ReturnsRead {
  const diagnostics: Diagnostic[] = [];
  const encodings: Record<string, string> = {};
  const book = new CellBook();
  for (const { file, bytes } of files) {
    const decoded = decode(bytes, file);
    diagnostics.push(...decoded.diagnostics);
    if (decoded.text === undefined) continue;
    encodings[file] = decoded.encoding;

    const read = readTable(decoded.text, file);
    diagnostics.push(...read.diagnostics);
    if (!read.table) continue;
    const { header, headerLine, rows } = read.table;
    const mapped = mapReturnHeader(header, { file, line: headerLine });
    diagnostics.push(...mapped.diagnostics);
    if (mapped.diagnostics.some((d) => d.severity === 'error')) continue;

    for (const row of rows) {
      const result = readRow(new RowCells(row, mapped.columns, header.length, file), ctx);
      diagnostics.push(...result.diagnostics);
      if (result.observation) book.add(result.observation, result.shown, diagnostics);
    }
  }
  return { observations: book.observations(), diagnostics, encodings };
}

interface Cell {
  text: string;
  column: number;
}

/** The cells of one row by column id, trimmed, with their 1-based field numbers. */
class RowCells {
  constructor(
    private readonly row: TableRow,
    private readonly columns: ColumnIndex<ReturnColumn>,
    readonly width: number,
    readonly file: string,
  ) {}

  get(id: ReturnColumn): Cell | undefined {
    const i = this.columns[id];
    return i === undefined ? undefined : { text: (this.row.cells[i] ?? '').trim(), column: i + 1 };
  }

  get line(): number {
    return this.row.line;
  }

  at(column: number): { file: string; line: number; column: number } {
    return { file: this.file, line: this.row.line, column };
  }

  /** The first non-empty cell beyond the header, which no column names. */
  extra(): Cell | undefined {
    const i = this.row.cells.findIndex((c, j) => j >= this.width && c.trim() !== '');
    return i < 0 ? undefined : { text: (this.row.cells[i] ?? '').trim(), column: i + 1 };
  }
}

interface RowResult {
  observation?: Observation;
  /** The value as a duplicate of this row shows it, and the cell it is reported on. */
  shown: Cell;
  diagnostics: Diagnostic[];
}

type Problem = (code: string, params: Diagnostic['params'], column: number, severity?: 'error' | 'warning') => void;

function readRow(cells: RowCells, ctx: ReturnsContext): RowResult {
  const diagnostics: Diagnostic[] = [];
  const problem: Problem = (code, params, column, severity = 'error') => void diagnostics.push(diag(severity, code, params, cells.at(column)));

  const indicator = readIndicator(cells.get('indicator'), ctx.indicators, problem);
  const region = readRegion(cells.get('region'), ctx.regions, problem);
  const year = readYear(cells.get('year'), problem);
  const sex = readDisaggregation(cells.get('sex'), parseSex, 'data/bad-sex', problem);
  const residence = readDisaggregation(cells.get('residence'), parseResidence, 'data/bad-residence', problem);
  const measured = readMeasure(indicator, cells, problem);
  const extra = cells.extra();
  if (extra) problem('data/extra-cells', { value: extra.text }, extra.column, 'warning');

  const valueCell = cells.get('value') ?? cells.get('numerator') ?? { text: '', column: 1 };
  // A value computed from its ratio has no text of its own to quote.
  const shown = { ...valueCell, text: valueCell.text || (typeof measured?.value === 'number' ? String(round(measured.value, 6)) : '') };
  // A ratio that disagrees with its value is kept, marked invalid, so the verdict says so.
  const unusable = diagnostics.some((d) => d.severity === 'error' && d.code !== 'data/ratio-mismatch');
  if (unusable || !indicator || !region || year === undefined || !sex || !residence || !measured) return { diagnostics, shown };

  const note = cells.get('note')?.text ?? '';
  const observation: Observation = {
    indicatorId: indicator.id,
    regionCode: region.code,
    year,
    sex,
    residence,
    value: measured.value,
    ...(measured.numerator !== undefined ? { numerator: measured.numerator } : {}),
    ...(measured.denominator !== undefined ? { denominator: measured.denominator } : {}),
    notes: note === '' ? [] : [note],
    derived: false,
    rows: [{ file: cells.file, line: cells.line }],
    ...(measured.invalid ? { invalid: measured.invalid } : {}),
  };
  return { observation, shown, diagnostics };
}

function readIndicator(cell: Cell | undefined, indicators: IndicatorIndex, problem: Problem): Indicator | undefined {
  if (!cell) return undefined;
  if (cell.text === '') return void problem('data/missing-indicator', {}, cell.column);
  const hit = indicators.find(cell.text);
  if (hit.found) return hit.found;
  if (hit.suggestion !== undefined) problem('data/unknown-indicator-did-you-mean', { name: cell.text, suggestion: hit.suggestion }, cell.column);
  else problem('data/unknown-indicator', { name: cell.text }, cell.column);
  return undefined;
}

/** An absent region column, or an empty cell in it, means the plan's top region (全市). */
function readRegion(cell: Cell | undefined, regions: RegionIndex, problem: Problem): Region | undefined {
  if (!cell || cell.text === '') return regions.top;
  const hit = regions.find(cell.text);
  if (hit.found) return hit.found;
  if (hit.ambiguous) problem('data/ambiguous-region', { name: cell.text, candidates: hit.ambiguous.join('、') }, cell.column);
  else if (hit.suggestion !== undefined) problem('data/unknown-region-did-you-mean', { name: cell.text, suggestion: hit.suggestion }, cell.column);
  else problem('data/unknown-region', { name: cell.text }, cell.column);
  return undefined;
}

function readYear(cell: Cell | undefined, problem: Problem): number | undefined {
  if (!cell) return undefined;
  if (cell.text === '') return void problem('data/missing-year', {}, cell.column);
  const year = parseYear(cell.text);
  if (year.problem) return void problem(`data/${year.problem}`, { value: cell.text }, cell.column);
  return year.value;
}

function readDisaggregation<T extends string>(
  cell: Cell | undefined,
  parse: (raw: string) => { value?: T; problem?: string },
  code: string,
  problem: Problem,
): T | undefined {
  // parse('') is the total, which is what an absent column means.
  const parsed = parse(cell?.text ?? '');
  if (parsed.value === undefined && cell) problem(code, { value: cell.text }, cell.column);
  return parsed.value;
}

interface Measured {
  value: number | boolean | null;
  numerator?: number;
  denominator?: number;
  invalid?: 'ratio-mismatch';
}

/**
 * The value of a row in the indicator's own unit: read from the value cell
 * (converting %, ‰, ‱), computed from numerator / denominator, or both and checked
 * against each other. Without a known indicator only the cells' syntax is checked.
 */
function readMeasure(indicator: Indicator | undefined, cells: RowCells, problem: Problem): Measured | undefined {
  const valueCell = cells.get('value');
  if (indicator?.measure === 'boolean') {
    if (cells.get('numerator')?.text || cells.get('denominator')?.text) {
      problem('data/ratio-not-rate', { indicator: indicator.name }, cells.get('numerator')?.column ?? 1);
    }
    return readBoolean(valueCell, problem);
  }
  if (!indicator && valueCell && parseBoolean(valueCell.text).value !== undefined) return undefined;

  const given = valueCell ? readNumber(valueCell, 'value', problem) : { number: null, decimals: 0 };
  const ratio = readRatio(indicator, cells, given?.number ?? null, problem);
  if (!indicator || !given || ratio === 'unusable') return undefined;

  const converted = valueCell ? convertUnit(indicator, valueCell, given, cells.get('unit'), problem) : { value: null, tolerance: 0 };
  if (!converted) return undefined;
  if (converted.value !== null && converted.value < 0 && (indicator.measure === 'rate' || indicator.measure === 'count')) {
    return void problem('data/negative-value', { value: valueCell?.text ?? '', indicator: indicator.name }, valueCell?.column ?? 1);
  }
  if (!ratio) return { value: converted.value };

  const { numerator, denominator } = ratio;
  const computed = (numerator / denominator) * scaleOf(indicator);
  if (numerator > denominator && indicator.unit === '%') {
    problem('data/numerator-exceeds-denominator', { numerator, denominator }, cells.get('numerator')?.column ?? 1, 'warning');
  }
  if (converted.value === null) return { value: computed, numerator, denominator };
  // A given value agrees when it is the computed one rounded to the decimals it was written with.
  if (Math.abs(converted.value - computed) > converted.tolerance + 1e-9) {
    problem('data/ratio-mismatch', { value: valueCell?.text ?? '', computed: round(computed, 4), numerator, denominator }, valueCell?.column ?? 1);
    return { value: converted.value, numerator, denominator, invalid: 'ratio-mismatch' };
  }
  return { value: converted.value, numerator, denominator };
}

function readBoolean(cell: Cell | undefined, problem: Problem): Measured | undefined {
  if (!cell) return { value: null };
  // 无 is "no" here, so the yes/no words are read before the missing markers.
  const yes = parseBoolean(cell.text);
  if (yes.value !== undefined) return { value: yes.value };
  const missing = parseNumber(cell.text);
  if (missing.value?.number === null) return { value: null };
  return void problem('data/bad-boolean', { value: cell.text }, cell.column);
}

const LABELS: Partial<Record<ReturnColumn, string>> = {};
function labelOf(id: ReturnColumn): string {
  return (LABELS[id] ??= specOf(RETURN_COLUMNS, id).label);
}

function readNumber(cell: Cell, column: ReturnColumn, problem: Problem): CellNumber | undefined {
  const parsed = parseNumber(cell.text);
  if (parsed.problem) return void problem(`data/${parsed.problem}`, { value: cell.text, label: labelOf(column), field: column }, cell.column);
  return parsed.value;
}

/**
 * Numerator and denominator, when the row gives them: undefined when it gives
 * neither, 'unusable' when they cannot be used and there is no value to fall back on.
 */
function readRatio(
  indicator: Indicator | undefined,
  cells: RowCells,
  given: number | null,
  problem: Problem,
): { numerator: number; denominator: number } | 'unusable' | undefined {
  const numCell = cells.get('numerator');
  const denCell = cells.get('denominator');
  if (!numCell || !denCell) return undefined;
  const fail = (code: string, params: Diagnostic['params'], column: number): 'unusable' => {
    problem(code, params, column);
    return 'unusable';
  };
  const num = readNumber(numCell, 'numerator', problem);
  const den = readNumber(denCell, 'denominator', problem);
  if (!num || !den) return 'unusable';
  if (num.number === null && den.number === null) return undefined;
  if (num.unit) return fail('data/ratio-with-unit', { value: numCell.text }, numCell.column);
  if (den.unit) return fail('data/ratio-with-unit', { value: denCell.text }, denCell.column);
  if (indicator && indicator.measure !== 'rate') return fail('data/ratio-not-rate', { indicator: indicator.name }, numCell.column);
  if (num.number === null || den.number === null) {
    const blank = num.number === null ? numCell : denCell;
    const field: ReturnColumn = num.number === null ? 'numerator' : 'denominator';
    const params = { label: labelOf(field), field };
    // With a value the row is still usable; without one it says nothing.
    if (given === null) return fail('data/ratio-incomplete', params, blank.column);
    problem('data/ratio-incomplete', params, blank.column, 'warning');
    return undefined;
  }
  if (num.number < 0) return fail('data/negative-numerator', { value: numCell.text }, numCell.column);
  if (den.number <= 0) return fail('data/bad-denominator', { value: denCell.text }, denCell.column);
  return { numerator: num.number, denominator: den.number };
}

/** How many of the indicator's unit make one whole: 100 for %, 1000 for ‰, 100000 for 1/10万. */
function scaleOf(indicator: Indicator): number {
  return indicator.scale ?? (isCellUnit(indicator.unit) ? CELL_UNIT_SCALE[indicator.unit] : 1);
}

function isCellUnit(unit: string): unit is CellUnit {
  return Object.hasOwn(CELL_UNIT_SCALE, unit);
}

/**
 * The given value in the indicator's unit, with the rounding it carries there.
 * "0.32%" for a ‰ indicator is 3.2‰; a % on a count cannot be converted.
 */
function convertUnit(
  indicator: Indicator,
  valueCell: Cell,
  given: CellNumber,
  unitCell: Cell | undefined,
  problem: Problem,
): { value: number | null; tolerance: number } | undefined {
  const own = unitKey(indicator.unit);
  let columnUnit: CellUnit | undefined;
  if (unitCell && unitCell.text !== '' && unitKey(unitCell.text) !== own) {
    const named = parseUnitCell(unitCell.text);
    if (!named.unit) return void problem('data/unknown-unit', { unit: unitCell.text, expected: indicator.unit, indicator: indicator.name }, unitCell.column);
    columnUnit = named.unit;
  }
  if (given.unit && unitCell && unitCell.text !== '' && (columnUnit ?? indicator.unit) !== given.unit) {
    return void problem('data/unit-conflict', { value: valueCell.text, unit: unitCell.text }, valueCell.column);
  }
  const unit = given.unit ?? columnUnit;
  const rounding = 0.5 * 10 ** -given.decimals;
  if (given.number === null || unit === undefined || unitKey(unit) === own) return { value: given.number, tolerance: rounding };
  if (indicator.scale === undefined && !isCellUnit(indicator.unit)) {
    return void problem('data/unit-mismatch', { value: valueCell.text, unit, expected: indicator.unit, indicator: indicator.name }, valueCell.column);
  }
  const factor = scaleOf(indicator) / CELL_UNIT_SCALE[unit];
  return { value: round(given.number * factor, 15), tolerance: rounding * factor };
}

const UNIT_KEYS = new Map<string, string>();
/** A unit compared as a name (width, spaces); remembered, as every row asks. */
function unitKey(unit: string): string {
  let key = UNIT_KEYS.get(unit);
  if (key === undefined) {
    key = normalizeName(unit);
    UNIT_KEYS.set(unit, key);
  }
  return key;
}

/** Drops the float noise of a conversion (0.32 × 10 = 3.2000000000000003). */
function round(x: number, significant: number): number {
  return Number(x.toPrecision(significant));
}

/**
 * Observations by cell. Two rows for one cell are a conflict when their values
 * differ (never "last one wins"), a harmless repeat when they agree.
 */
class CellBook {
  private readonly cells = new Map<string, { observation: Observation; text: string }>();

  add(observation: Observation, shown: Cell, diagnostics: Diagnostic[]): void {
    const key = cellKey(observation);
    const first = this.cells.get(key);
    if (!first) {
      this.cells.set(key, { observation, text: shown.text });
      return;
    }
    const row = observation.rows[0];
    const firstRow = first.observation.rows[0];
    if (!row || !firstRow) throw new Error('an observation read from a return has its row');
    const where = { file: row.file, line: row.line, column: shown.column };
    const params = { first: `${firstRow.file}:${firstRow.line}`, firstValue: first.text, value: shown.text };
    if (sameValue(first.observation.value, observation.value)) {
      diagnostics.push(diag('warning', 'data/duplicate-row', params, where));
    } else {
      diagnostics.push(diag('error', 'data/conflict', params, where));
      first.observation.invalid = 'conflict';
    }
    // Both rows stay cited, and no 备注 is lost.
    first.observation.rows.push(row);
    for (const note of observation.notes) if (!first.observation.notes.includes(note)) first.observation.notes.push(note);
  }

  observations(): Observation[] {
    return [...this.cells.values()].map((c) => c.observation);
  }
}

function sameValue(a: Observation['value'], b: Observation['value']): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return a === b;
}
