// The cells stage: one long row (a RowView of layout.ts) → an Observation, each of its
// cells read (cells.ts) and checked against the plan: the indicator, region and year
// named, the value in the indicator's unit (%, ‰, ‱ converted), numerator / denominator
// checked against the value. Every problem is a located diagnostic; the row has an
// observation only when nothing keeps it from being used.
import { diag, listParam, type Diagnostic, type Where } from '../diagnostics.js';
import type { Indicator, Region } from '../plan/model.js';
import type { IndicatorIndex, RegionIndex } from '../plan/lookup.js';
import {
  CELL_UNIT_SCALE, isCellUnit, isOwnUnit, parseBoolean, parseNumber, parseResidence, parseSex, parseUnitCell, parseYear, scaleOf, splitTypedUnit,
  unitKey, unitOfName,
  type CellNumber, type CellUnit,
} from './cells.js';
import type { Cell } from './grid.js';
import { RETURN_COLUMNS, specOf, type ReturnColumn } from './header.js';
import type { RowView } from './layout.js';
import type { Observation } from '../model/observation.js';
import { escapeControls } from '../text/controls.js';
import type { ReturnsContext } from './context.js';

/** A long row read: its observation, when it can be used, and what it says. */
export interface ObservationRead {
  observation?: Observation;
  /** The value as a duplicate of this row shows it, and the cell it is reported on. */
  shown: Cell;
  diagnostics: Diagnostic[];
  /** The indicator cell of a row whose indicator the plan does not have (and is not a typo of one of its). */
  notInPlan?: Cell;
}

type Problem = (code: string, params: Diagnostic['params'], at: Where, severity?: 'error' | 'warning' | 'info') => void;

export function readObservation(view: RowView, ctx: ReturnsContext): ObservationRead {
  const diagnostics: Diagnostic[] = [];
  const problem: Problem = (code, params, at, severity = 'error') => void diagnostics.push(diag(severity, code, params, at));
  const cells = view.cells;

  const indicator = readIndicator(cells.indicator, ctx.indicators, problem);
  // A 监测表 carries indicators the plan does not have (孕产妇死亡率 …): such a row is passed
  // over whole, its cells unread, and the reader lists the names once (row-reader.ts).
  if (!indicator && cells.indicator && cells.indicator.text !== '' && diagnostics.length === 0) {
    return { diagnostics: [], shown: { text: '', at: view.rowAt }, notInPlan: cells.indicator };
  }
  const region = readRegion(cells.region, ctx.regions, problem);
  const year = readYear(cells.year, problem);
  const sex = readDisaggregation(cells.sex, parseSex, 'data/bad-sex', problem);
  const residence = readDisaggregation(cells.residence, parseResidence, 'data/bad-residence', problem);
  const measured = readMeasure(indicator, view, problem, indicator && cells.indicator ? nameUnitCell(indicator, cells.indicator) : undefined);
  if (view.extra) problem('data/extra-cells', { value: view.extra.text }, view.extra.at, 'warning');

  const valueCell = cells.value ?? cells.numerator ?? { text: '', at: view.rowAt };
  // A value computed from its ratio has no text of its own to quote.
  const shown: Cell = { text: valueCell.text || (typeof measured?.value === 'number' ? String(round(measured.value, 6)) : ''), at: valueCell.at };
  // A ratio that disagrees with its value is kept, marked invalid, so the verdict says so.
  const unusable = diagnostics.some((d) => d.severity === 'error' && d.code !== 'data/ratio-mismatch') || view.problems.length > 0;
  if (unusable || !indicator || !region || year === undefined || !sex || !residence || !measured) return { diagnostics, shown };

  // Shown in every format and on the terminal: its control characters made visible (src/text/controls.ts).
  const note = escapeControls(cells.note?.text ?? '');
  const at: NonNullable<Observation['at']> = {};
  if (cells.value && cells.value.text !== '') at.value = cells.value.at;
  if (measured.numerator !== undefined && cells.numerator) at.numerator = cells.numerator.at;
  if (measured.denominator !== undefined && cells.denominator) at.denominator = cells.denominator.at;
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
    rows: [view.ref],
    ...(measured.invalid ? { invalid: measured.invalid } : {}),
    ...(measured.unit ? { unitGiven: measured.unit } : {}),
    at,
  };
  return { observation, shown, diagnostics };
}

/** The unit an indicator's name carries (新生儿死亡率（%）), as a 单位 cell at the name, when it is not the indicator's own. */
function nameUnitCell(indicator: Indicator, cell: Cell): Cell | undefined {
  const unit = unitOfName(cell.text, indicator);
  return unit === undefined ? undefined : { text: unit, at: cell.at };
}

function readIndicator(cell: Cell | undefined, indicators: IndicatorIndex, problem: Problem): Indicator | undefined {
  if (!cell) return undefined;
  if (cell.text === '') return void problem('data/missing-indicator', {}, cell.at);
  const hit = indicators.find(cell.text);
  if (hit.found) return hit.found;
  // A name close to one of the plan's is a typo: an error. Any other is an indicator the plan does not have.
  if (hit.suggestion !== undefined) problem('data/unknown-indicator-did-you-mean', { name: cell.text, suggestion: hit.suggestion }, cell.at);
  return undefined;
}

/** An absent region column, or an empty cell in it, means the plan's top region (全市). */
function readRegion(cell: Cell | undefined, regions: RegionIndex, problem: Problem): Region | undefined {
  if (!cell || cell.text === '') return regions.top;
  const hit = regions.find(cell.text);
  if (hit.found) return hit.found;
  if (hit.codeOf !== undefined) problem('data/ambiguous-region-code', { name: cell.text, ...listParam('candidates', hit.ambiguous ?? []) }, cell.at);
  else if (hit.ambiguous) problem('data/ambiguous-region', { name: cell.text, ...listParam('candidates', hit.ambiguous) }, cell.at);
  else if (hit.suggestion !== undefined) problem('data/unknown-region-did-you-mean', { name: cell.text, suggestion: hit.suggestion }, cell.at);
  else problem('data/unknown-region', { name: cell.text }, cell.at);
  return undefined;
}

function readYear(cell: Cell | undefined, problem: Problem): number | undefined {
  if (!cell) return undefined;
  if (cell.text === '') return void problem('data/missing-year', {}, cell.at);
  const year = parseYear(cell.text);
  if (year.problem) return void problem(`data/${year.problem}`, { value: cell.text }, cell.at);
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
  if (parsed.value === undefined && cell) problem(code, { value: cell.text }, cell.at);
  return parsed.value;
}

interface Measured {
  value: number | boolean | null;
  numerator?: number;
  denominator?: number;
  invalid?: 'ratio-mismatch';
  /** The unit the value was given in, when it differs from the indicator's and was converted. */
  unit?: CellUnit;
}

/**
 * The value of a row in the indicator's own unit: read from the value cell
 * (converting %, ‰, ‱), computed from numerator / denominator, or both and checked
 * against each other. Without a known indicator only the cells' syntax is checked.
 */
function readMeasure(indicator: Indicator | undefined, view: RowView, problem: Problem, nameUnit?: Cell): Measured | undefined {
  const cells = view.cells;
  const valueCell = cells.value;
  // A unit in the indicator's name is a 单位 column's; both, and different, cannot both be right.
  let unitCell = cells.unit;
  if (nameUnit) {
    if (unitCell && unitCell.text !== '' && unitKey(unitCell.text) !== unitKey(nameUnit.text)) {
      return void problem('data/name-unit-conflict', { name: cells.indicator?.text ?? '', unit: unitCell.text }, unitCell.at);
    }
    unitCell = nameUnit;
  }
  if (indicator?.measure === 'boolean') {
    if (cells.numerator?.text || cells.denominator?.text) {
      problem('data/ratio-not-rate', { indicator: indicator.name }, (cells.numerator?.text ? cells.numerator : cells.denominator)?.at ?? view.rowAt);
    }
    return readBoolean(valueCell, problem);
  }
  if (!indicator && valueCell && parseBoolean(valueCell.text).value !== undefined) return undefined;

  const given = valueCell ? readValueNumber(indicator, valueCell, problem) : { number: null, decimals: 0 };
  const ratio = readRatio(indicator, cells, given?.number ?? null, problem);
  if (!indicator || !given || ratio === 'unusable') return undefined;

  const converted = valueCell ? convertUnit(indicator, valueCell, given, unitCell, problem) : { value: null, tolerance: 0 };
  if (!converted) return undefined;
  if (converted.value !== null && converted.value < 0 && (indicator.measure === 'rate' || indicator.measure === 'count')) {
    return void problem('data/negative-value', { value: valueCell?.text ?? '', indicator: indicator.name }, valueCell?.at ?? view.rowAt);
  }
  const unit = converted.unit ? { unit: converted.unit } : {};
  if (!ratio) return { value: converted.value, ...unit };

  // Whether a numerator may exceed its denominator depends on the indicator (a gross
  // enrolment ratio may pass 100 %): that is a consistency rule of the plan (plan/checks.yaml).
  const { numerator, denominator } = ratio;
  const computed = (numerator / denominator) * scaleOf(indicator);
  if (converted.value === null) return { value: computed, numerator, denominator };
  // A given value agrees when it is the computed one rounded to the decimals it was written with.
  if (Math.abs(converted.value - computed) > converted.tolerance + 1e-9) {
    problem('data/ratio-mismatch', { value: valueCell?.text ?? '', computed: round(computed, 4), numerator, denominator }, valueCell?.at ?? view.rowAt);
    return { value: converted.value, numerator, denominator, invalid: 'ratio-mismatch', ...unit };
  }
  return { value: converted.value, numerator, denominator, ...unit };
}

function readBoolean(cell: Cell | undefined, problem: Problem): Measured | undefined {
  if (!cell) return { value: null };
  // 无 is "no" here, so the yes/no words are read before the missing markers.
  const yes = parseBoolean(cell.text);
  if (yes.value !== undefined) return { value: yes.value };
  const missing = parseNumber(cell.text);
  if (missing.value?.number === null) return { value: null };
  return void problem('data/bad-boolean', { value: cell.text }, cell.at);
}

const LABELS: Partial<Record<ReturnColumn, string>> = {};
function labelOf(id: ReturnColumn): string {
  return (LABELS[id] ??= specOf(RETURN_COLUMNS, id).label);
}

function readNumber(cell: Cell, column: ReturnColumn, problem: Problem): CellNumber | undefined {
  const parsed = parseNumber(cell.text);
  if (parsed.problem) return void problem(`data/${parsed.problem}`, { value: cell.text, label: labelOf(column), field: column }, cell.at);
  return parsed.value;
}

/**
 * A value cell's number. A unit typed after it (0.86人, 10.8/10万) that is the indicator's own
 * is read, and said (an info the row reader says once for the file); any other is an error
 * telling to remove or convert it, never “not a number”.
 */
function readValueNumber(indicator: Indicator | undefined, cell: Cell, problem: Problem): CellNumber | undefined {
  const parsed = parseNumber(cell.text);
  if (parsed.problem !== 'not-a-number') return parsed.problem ? readNumber(cell, 'value', problem) : parsed.value;
  const typed = splitTypedUnit(cell.text);
  if (!typed) return readNumber(cell, 'value', problem);
  // A row whose indicator is not known is refused for that; its value is only a number.
  if (!indicator) return typed.number;
  if (indicator.measure !== 'boolean' && isOwnUnit(typed.unit, indicator)) {
    problem('data/unit-in-cell-read', { indicator: indicator.name, unit: typed.unit, count: 1 }, cell.at, 'info');
    return typed.number;
  }
  return void problem('data/unit-in-cell', { value: cell.text, unit: typed.unit, expected: indicator.unit, indicator: indicator.name }, cell.at);
}

/**
 * Numerator and denominator, when the row gives them: undefined when it gives
 * neither, 'unusable' when they cannot be used and there is no value to fall back on.
 */
function readRatio(
  indicator: Indicator | undefined,
  cells: RowView['cells'],
  given: number | null,
  problem: Problem,
): { numerator: number; denominator: number } | 'unusable' | undefined {
  const numCell = cells.numerator;
  const denCell = cells.denominator;
  if (!numCell || !denCell) return undefined;
  const fail = (code: string, params: Diagnostic['params'], at: Where): 'unusable' => {
    problem(code, params, at);
    return 'unusable';
  };
  const num = readNumber(numCell, 'numerator', problem);
  const den = readNumber(denCell, 'denominator', problem);
  if (!num || !den) return 'unusable';
  if (num.number === null && den.number === null) return undefined;
  if (num.unit) return fail('data/ratio-with-unit', { value: numCell.text }, numCell.at);
  if (den.unit) return fail('data/ratio-with-unit', { value: denCell.text }, denCell.at);
  if (indicator && indicator.measure !== 'rate') return fail('data/ratio-not-rate', { indicator: indicator.name }, numCell.at);
  if (num.number === null || den.number === null) {
    const blank = num.number === null ? numCell : denCell;
    const field: ReturnColumn = num.number === null ? 'numerator' : 'denominator';
    const params = { label: labelOf(field), field };
    // With a value the row is still usable; without one it says nothing.
    if (given === null) return fail('data/ratio-incomplete', params, blank.at);
    problem('data/ratio-incomplete', params, blank.at, 'warning');
    return undefined;
  }
  if (num.number < 0) return fail('data/negative-numerator', { value: numCell.text }, numCell.at);
  if (den.number <= 0) return fail('data/bad-denominator', { value: denCell.text }, denCell.at);
  return { numerator: num.number, denominator: den.number };
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
): { value: number | null; tolerance: number; unit?: CellUnit } | undefined {
  const own = unitKey(indicator.unit);
  let columnUnit: CellUnit | undefined;
  if (unitCell && unitCell.text !== '' && unitKey(unitCell.text) !== own) {
    const named = parseUnitCell(unitCell.text);
    if (!named.unit) return void problem('data/unknown-unit', { unit: unitCell.text, expected: indicator.unit, indicator: indicator.name }, unitCell.at);
    columnUnit = named.unit;
  }
  if (given.unit && unitCell && unitCell.text !== '' && (columnUnit ?? indicator.unit) !== given.unit) {
    return void problem('data/unit-conflict', { value: valueCell.text, unit: unitCell.text }, valueCell.at);
  }
  const unit = given.unit ?? columnUnit;
  const rounding = 0.5 * 10 ** -given.decimals;
  if (given.number === null || unit === undefined || unitKey(unit) === own) return { value: given.number, tolerance: rounding };
  if (indicator.scale === undefined && !isCellUnit(indicator.unit)) {
    return void problem('data/unit-mismatch', { value: valueCell.text, unit, expected: indicator.unit, indicator: indicator.name }, valueCell.at);
  }
  const factor = scaleOf(indicator) / CELL_UNIT_SCALE[unit];
  return { value: round(given.number * factor, 15), tolerance: rounding * factor, unit };
}

/** Drops the float noise of a conversion (0.32 × 10 = 3.2000000000000003). */
function round(x: number, significant: number): number {
  return Number(x.toPrecision(significant));
}
