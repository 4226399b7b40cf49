// Pure parsers for the cells of a return: what a statistician types in Excel
// (full-width digits, 2023年, 0.32%, —) read as typed values. Each returns a
// value or a problem code; the caller turns a problem into a located diagnostic.
import type { Indicator, Residence, Sex } from '../plan/model.js';
import { halfWidth, normalizeName } from '../text/normalize.js';

export type Parsed<T, P extends string> = { value: T; problem?: undefined } | { value?: undefined; problem: P };

/** A unit a number may carry in its cell, with how many of it make one whole. */
export type CellUnit = '%' | '‰' | '‱';
export const CELL_UNIT_SCALE: Record<CellUnit, number> = { '%': 100, '‰': 1000, '‱': 10000 };

const UNIT_KEYS = new Map<string, string>();
/** A unit compared as a name (width, spaces); remembered, as every row asks. */
export function unitKey(unit: string): string {
  let key = UNIT_KEYS.get(unit);
  if (key === undefined) {
    key = normalizeName(unit);
    UNIT_KEYS.set(unit, key);
  }
  return key;
}

/** How many of the indicator's unit make one whole: 100 for %, 1000 for ‰, 100000 for 1/10万. */
export function scaleOf(indicator: Indicator): number {
  return indicator.scale ?? (isCellUnit(indicator.unit) ? CELL_UNIT_SCALE[indicator.unit] : 1);
}

export function isCellUnit(unit: string): unit is CellUnit {
  return Object.hasOwn(CELL_UNIT_SCALE, unit);
}

// What returns write for "not available". NFKC has already turned ／ into /,
// － into - and … into ...; dashes are kept as they are.
const MISSING = new Set(['', '-', '--', '—', '——', '–', '––', '/', '\\', '...', '......', 'n/a', 'na', '无']);

/** NFKC (full-width digits, ％, ．, ，), trimmed, with the minus sign pasted from Word made a hyphen. */
function clean(raw: string): string {
  return halfWidth(raw).trim().replace(/\u2212/gu, '-');
}

export function isMissing(raw: string): boolean {
  return MISSING.has(clean(raw).toLowerCase());
}

export type NumberProblem = 'not-a-number' | 'bad-thousands' | 'number-out-of-range';
export interface CellNumber {
  /** null = reported missing. */
  number: number | null;
  /** A %, ‰ or ‱ written in the cell. */
  unit?: CellUnit;
  /** Digits after the decimal point as written, for "agrees within rounding". */
  decimals: number;
}

const PLAIN = /^\d+(?:\.\d+)?(?:e[+-]?\d+)?$/iu;
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/u;

const SIMPLE = /^\d+(?:\.(\d+))?$/u;

/**
 * The largest magnitude a number of a return may have, and 1 / it the smallest one not
 * zero: far beyond any real figure, and where every sum, ratio, gap and pace computed
 * from such numbers stays finite (1e-320 as a denominator would make a rate Infinity,
 * 1.5e-400 would silently be 0). Outside them a number is out of range, never rounded.
 */
export const NUMBER_LIMIT = 1e100;

/** Whether the number `n`, read from `written` (its digits before any exponent), is within NUMBER_LIMIT. */
export function inNumberRange(n: number, written: string): boolean {
  const size = Math.abs(n);
  if (!(size <= NUMBER_LIMIT)) return false;
  // Zero is fine when it was written as zero; not when non-zero digits underflowed to it.
  return size >= 1 / NUMBER_LIMIT || (size === 0 && !/[1-9]/u.test(written));
}

export function parseNumber(raw: string): Parsed<CellNumber, NumberProblem> {
  // Most cells are plain ASCII numbers: read them without normalising (a short one is in range).
  const simple = raw.length <= 20 ? SIMPLE.exec(raw) : null;
  if (simple) return { value: { number: Number(raw), decimals: simple[1]?.length ?? 0 } };
  if (isMissing(raw)) return { value: { number: null, decimals: 0 } };
  let s = clean(raw);
  let unit: CellUnit | undefined;
  const u = /\s*([%‰‱])$/u.exec(s);
  if (u) {
    unit = u[1] as CellUnit;
    s = s.slice(0, u.index);
  }
  let sign = 1;
  if (s.startsWith('+') || s.startsWith('-')) {
    sign = s.startsWith('-') ? -1 : 1;
    s = s.slice(1);
  }
  // A comma is a thousands separator only in whole groups of three: "1,23" is
  // more likely a decimal comma or a typo than one hundred and twenty-three.
  if (s.includes(',')) {
    if (!GROUPED.test(s)) return { problem: /^[\d,]+(?:\.\d+)?$/u.test(s) ? 'bad-thousands' : 'not-a-number' };
    s = s.replace(/,/gu, '');
  }
  if (!PLAIN.test(s)) return { problem: 'not-a-number' };
  const n = Number(s);
  const mantissa = s.split(/e/iu)[0] ?? '';
  if (!inNumberRange(n, mantissa)) return { problem: 'number-out-of-range' };
  const fraction = /\.(\d+)/u.exec(mantissa);
  const exponent = /e([+-]?\d+)$/iu.exec(s);
  const decimals = Math.max(0, (fraction?.[1]?.length ?? 0) - Number(exponent?.[1] ?? 0));
  return { value: { number: sign * n + 0, decimals, ...(unit ? { unit } : {}) } };
}

export type YearProblem = 'not-a-year' | 'year-out-of-range';
export { YEAR_RANGE } from '../model/years.js';
import { YEAR_RANGE } from '../model/years.js';

export function parseYear(raw: string): Parsed<number, YearProblem> {
  if (/^\d{4}$/u.test(raw)) {
    const year = Number(raw);
    return year < YEAR_RANGE.min || year > YEAR_RANGE.max ? { problem: 'year-out-of-range' } : { value: year };
  }
  // "2023年度" and "2023.0" (a year column Excel formatted as a number) are the same year.
  const m = /^(\d{4})(?:\.0+)?(?:年度?)?$/u.exec(clean(raw).replace(/\s+/gu, ''));
  if (!m) return { problem: 'not-a-year' };
  const year = Number(m[1]);
  if (year < YEAR_RANGE.min || year > YEAR_RANGE.max) return { problem: 'year-out-of-range' };
  return { value: year };
}

function lookupWord<T>(table: Record<string, T>, raw: string): T | undefined {
  if (Object.hasOwn(table, raw)) return table[raw];
  const key = clean(raw).toLowerCase().replace(/\s+/gu, '');
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

// An empty disaggregation cell means the total, as in Open SDG data.
const SEX: Record<string, Sex> = {
  '男': 'male', '男性': 'male', '男童': 'male', '男孩': 'male', 'male': 'male', 'm': 'male', 'boys': 'male',
  '女': 'female', '女性': 'female', '女童': 'female', '女孩': 'female', 'female': 'female', 'f': 'female', 'girls': 'female',
  '合计': 'total', '总计': 'total', '全部': 'total', 'total': 'total', 'all': 'total', '': 'total',
};

export function parseSex(raw: string): Parsed<Sex, 'bad-sex'> {
  const v = lookupWord(SEX, raw);
  return v ? { value: v } : { problem: 'bad-sex' };
}

const RESIDENCE: Record<string, Residence> = {
  '城市': 'urban', '城镇': 'urban', '城区': 'urban', 'urban': 'urban',
  '农村': 'rural', '乡村': 'rural', 'rural': 'rural',
  '合计': 'total', '总计': 'total', '全部': 'total', 'total': 'total', 'all': 'total', '': 'total',
};

export function parseResidence(raw: string): Parsed<Residence, 'bad-residence'> {
  const v = lookupWord(RESIDENCE, raw);
  return v ? { value: v } : { problem: 'bad-residence' };
}

const BOOLEAN: Record<string, boolean> = {
  '是': true, '有': true, '已成立': true, '已建立': true, '已设立': true, '1': true, 'true': true, 'yes': true, 'y': true, '√': true, '✓': true, '✔': true,
  '否': false, '无': false, '未成立': false, '未建立': false, '未设立': false, '0': false, 'false': false, 'no': false, 'n': false, '×': false, '✗': false, 'x': false,
};

/** For yes/no indicators. 无 here means "no", not "missing". */
export function parseBoolean(raw: string): Parsed<boolean, 'bad-boolean'> {
  const v = lookupWord(BOOLEAN, raw);
  return v !== undefined ? { value: v } : { problem: 'bad-boolean' };
}

/** A 单位 cell: a convertible sign (%, ‰, ‱ or their Chinese names), or the text as written. */
export function parseUnitCell(raw: string): { unit?: CellUnit; text: string } {
  const text = clean(raw);
  const named: Record<string, CellUnit> = { '%': '%', '百分比': '%', '百分率': '%', '‰': '‰', '千分比': '‰', '千分率': '‰', '‱': '‱', '万分比': '‱', '万分率': '‱' };
  const unit = Object.hasOwn(named, text) ? named[text] : undefined;
  return unit ? { unit, text } : { text };
}

// A unit typed after the number in a value cell: 0.86人, 4.6个, 10.8/10万, 70分钟. Only units
// a return may mean (counts, time, per 10万 / per 千); anything else stays not a number.
const TYPED_UNIT = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*(1?\/(?:10万|十万|万|千)|(?:万人|人|个|所|处|家|名|例|次|天|日|小时|分钟|岁|元|张|床)(?:\/(?:千人|千名儿童|万人|10万))?|h|hrs?|hours?|mins?|minutes?)$/iu;

/** A number with a unit typed after it in its cell: the number and the unit; undefined for anything else. */
export function splitTypedUnit(raw: string): { number: CellNumber; unit: string } | undefined {
  const m = TYPED_UNIT.exec(clean(raw));
  if (!m) return undefined;
  const parsed = parseNumber(m[1]!);
  if (!parsed.value || parsed.value.number === null) return undefined;
  return { number: parsed.value, unit: m[2]! };
}

/** A unit as compared: 1/10万 and /10万 and 1/十万 are one unit. */
function typedUnitKey(unit: string): string {
  const key = unitKey(unit).replace(/十万/gu, '10万');
  return key.startsWith('/') ? `1${key}` : key;
}

/**
 * Whether a unit typed in a cell is the indicator's own: the same unit, or its unit per
 * thousand for a 每千… indicator (4.6个/千人 for 每千人口拥有…托位数, whose unit is 个).
 */
export function isOwnUnit(unit: string, indicator: Indicator): boolean {
  const key = typedUnitKey(unit);
  const own = typedUnitKey(indicator.unit);
  if (key === own) return true;
  return halfWidth(indicator.name).startsWith('每千') && key.startsWith(`${own}/千`);
}

// A unit in brackets at the end of an indicator's name: 新生儿死亡率（%）, 覆盖率[‰].
const NAME_UNIT = /[(（[【]\s*([^()（）[\]【】]*?)\s*[)）\]】]$/u;

/**
 * The unit an indicator's name carries in brackets (新生儿死亡率（%）) when it is a rate's unit
 * (%, ‰, ‱, 1/10万 or their Chinese names) other than the indicator's own: the value is in
 * that unit, and is converted as a 单位 column's would be. Undefined when the name carries no
 * such unit, or the indicator's own.
 */
export function unitOfName(name: string, indicator: Indicator): string | undefined {
  const m = NAME_UNIT.exec(clean(name));
  if (!m) return undefined;
  const unit = m[1]!;
  const rateUnit = parseUnitCell(unit).unit !== undefined || typedUnitKey(unit) === '1/10万';
  if (!rateUnit || unitKey(unit) === unitKey(indicator.unit) || typedUnitKey(unit) === typedUnitKey(indicator.unit)) return undefined;
  return unit;
}
