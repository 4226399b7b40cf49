// How numbers, units, statuses and gaps read, in Chinese or English.
import { t, type Lang } from '../i18n/index.js';
import { translatedSuffix } from '../i18n/units.js';
import type { Status } from '../engine/verdict.js';
import type { Result } from '../engine/evaluate.js';
import { gapWords } from './gap.js';
import { clean } from '../engine/numbers.js';

/**
 * The unit a number is shown in: the unit alone, or with the decimals its indicator is
 * published with (the plan's `decimals`, carried by a Result or an IndicatorReport).
 */
export type Shown = string | { unit: string; decimals?: number };

export const unitOf = (shown: Shown): string => (typeof shown === 'string' ? shown : shown.unit);
const decimalsOf = (shown: Shown | undefined): number | undefined => (shown === undefined || typeof shown === 'string' ? undefined : shown.decimals);

/**
 * With the indicator's decimals, exactly that many, trailing zeros kept (2.00‰, 98.10%, 0.0472%),
 * so that an indicator reads with one precision everywhere. Without them (a plan that does not
 * declare its precision): two decimals, three for small values of other units (0.867 人), trailing
 * zeros dropped.
 */
export function formatNumber(x: number, unit?: Shown): string {
  if (!Number.isFinite(x)) return String(x);
  const places = decimalsOf(unit);
  if (places !== undefined) {
    const fixed = x.toFixed(places);
    // −0.001 to 2 decimals is 0.00, not −0.00.
    return /^-0(\.0*)?$/.test(fixed) ? fixed.slice(1) : fixed;
  }
  return String(Number(x.toFixed(defaultPlaces(x, unit))));
}

/** Decimals formatNumber writes a number with where the plan declares none. */
function defaultPlaces(x: number, unit: Shown | undefined): number {
  const u = unit === undefined ? undefined : unitOf(unit);
  return u !== '%' && u !== '‰' && x !== 0 && Math.abs(x) < 1 ? 3 : 2;
}

/** Decimals a figure may take past its declared ones to read true; beyond them it is shown as declared. */
const MOST_EXTRA = 6;

/**
 * The unit with the fewest extra decimals at which the rounded figure reads as the exact one
 * does (`reads`); the unit itself where the declared decimals already do.
 */
function sharpened(x: number, shown: Shown, reads: (rounded: number) => boolean): Shown {
  const from = decimalsOf(shown) ?? defaultPlaces(x, shown);
  for (let d = from; d <= from + MOST_EXTRA; d++) if (reads(Number(x.toFixed(d)))) return d === from ? shown : { unit: unitOf(shown), decimals: d };
  return shown;
}

/**
 * A value against the line it is judged at, with the decimals that keep its verdict readable:
 * a value that misses must not round onto the line or past it (0.98 against 1小时以上 reads
 * 0.98小时, not 1.0小时), a value that meets it not past it to the wrong side (0.8076 against
 * 0.8075 at two decimals). Rounding onto the line is fine for a met value.
 */
export function shownAgainst(x: number, shown: Shown, line: number | null | undefined, met: boolean): Shown {
  if (line === null || line === undefined) return shown;
  const side = Math.sign(clean(x - line));
  if (side === 0) return shown;
  return sharpened(x, shown, (r) => {
    const s = Math.sign(clean(r - line));
    return met ? s !== -side : s === side;
  });
}

/** A difference that is not zero with the decimals that show it: 尚差0.02小时, never 尚差0.0小时. */
export function shownNonZero(x: number, shown: Shown): Shown {
  if (clean(x) === 0) return shown;
  return sharpened(Math.abs(x), shown, (r) => r !== 0);
}

/** A value with its verdict and line, where it has them: the decimals that keep the verdict readable (shownAgainst). */
export function judgedShown(value: number | boolean | null, shown: Shown, line: number | null | undefined, status: Status): Shown {
  return typeof value === 'number' && (status === 'met' || status === 'not-met') ? shownAgainst(value, shown, line, status === 'met') : shown;
}

/** A result's value as a table shows it (judgedShown). */
export function resultShown(r: Pick<Result, 'value' | 'unit' | 'decimals' | 'threshold' | 'status'>): Shown {
  return judgedShown(r.value, { unit: r.unit, decimals: r.decimals }, r.threshold, r.status);
}

/**
 * A unit as written after a number: “1/10万” reads “12.1/10万”, not “12.11/10万”; in English a
 * unit the language translates is spaced off (1.2 h, 9.78 per 100,000) or, a counter, left out.
 */
export function unitSuffix(unit: string, lang: Lang = 'zh'): string {
  return translatedSuffix(unit, lang) ?? (/^1\//.test(unit) ? unit.slice(1) : unit);
}

/** 98.6%, 2.1‰, 0.82人, 12.1/10万, 是 */
export function formatValue(value: number | boolean | null, shown: Shown, lang: Lang): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return t(lang, value ? 'word/yes' : 'word/no');
  const unit = unitOf(shown);
  if (unit === '是/否') return formatNumber(value);
  return `${formatNumber(value, shown)}${unitSuffix(unit, lang)}`;
}

/**
 * The line a verdict is judged at, exactly (0.8075人, 98%): a band's edge is not rounded, or
 * a value that fails would read as on it.
 */
export function formatLine(value: number, unit: string, lang: Lang): string {
  return `${String(Number(value.toPrecision(12)))}${unit === '是/否' ? '' : unitSuffix(unit, lang)}`;
}

/** The unit a difference is spoken in: 个百分点 for %, 个千分点 for ‰. */
export function gapUnit(unit: string, lang: Lang): string {
  if (unit === '%') return t(lang, 'word/pp');
  if (unit === '‰') return t(lang, 'word/ppt');
  if (lang === 'zh') return unitSuffix(unit);
  const suffix = unitSuffix(unit, lang);
  return suffix === '' || suffix.startsWith(' ') ? suffix : ` ${suffix}`;
}

/**
 * 低于上限 1.27个千分点 / 距目标还差 0.1个百分点 / 在目标区间内, by the side of the target's
 * line (src/format/gap.ts); without the target, 差 0.1个百分点 / 超出 0.5个千分点.
 */
export function formatGap(result: Pick<Result, 'gap' | 'unit'> & Partial<Pick<Result, 'value' | 'target' | 'decimals'>>, lang: Lang): string {
  const { gap, unit } = result;
  if (gap === null) return '';
  const words = gapWords(gap, result.value, result.target?.description);
  // A gap that is not zero never reads 0.0 (shownNonZero).
  const amountOf = (x: number) => `${formatNumber(Math.abs(x), shownNonZero(x, result))}${gapUnit(unit, lang)}`;
  if (words) return t(lang, words.code, words.amount === undefined ? {} : { amount: amountOf(words.amount) });
  if (gap === 0) return t(lang, 'gap/on-line');
  return t(lang, gap > 0 ? 'gap/short' : 'gap/ahead', { amount: amountOf(gap) });
}

export function statusLabel(status: Status, lang: Lang): string {
  return t(lang, `status/${status}`);
}
