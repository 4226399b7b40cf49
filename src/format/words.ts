// How numbers, units, statuses and gaps read, in Chinese or English.
import { t, type Lang } from '../i18n/index.js';
import { translatedSuffix } from '../i18n/units.js';
import type { Status } from '../engine/verdict.js';
import type { Result } from '../engine/evaluate.js';
import { gapWords } from './gap.js';

/** Two decimals; three for small values of other units (0.867 人), where two say too little. */
export function formatNumber(x: number, unit?: string): string {
  if (!Number.isFinite(x)) return String(x);
  const digits = unit !== '%' && unit !== '‰' && x !== 0 && Math.abs(x) < 1 ? 3 : 2;
  return String(Number(x.toFixed(digits)));
}

/**
 * A unit as written after a number: “1/10万” reads “12.1/10万”, not “12.11/10万”; in English a
 * unit the language translates is spaced off (1.2 h, 9.78 per 100,000) or, a counter, left out.
 */
export function unitSuffix(unit: string, lang: Lang = 'zh'): string {
  return translatedSuffix(unit, lang) ?? (/^1\//.test(unit) ? unit.slice(1) : unit);
}

/** 98.6%, 2.1‰, 0.82人, 12.1/10万, 是 */
export function formatValue(value: number | boolean | null, unit: string, lang: Lang): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return t(lang, value ? 'word/yes' : 'word/no');
  if (unit === '是/否') return formatNumber(value);
  return `${formatNumber(value, unit)}${unitSuffix(unit, lang)}`;
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
export function formatGap(result: Pick<Result, 'gap' | 'unit'> & Partial<Pick<Result, 'value' | 'target'>>, lang: Lang): string {
  const { gap, unit } = result;
  if (gap === null) return '';
  const words = gapWords(gap, result.value, result.target?.description);
  const amountOf = (x: number) => `${formatNumber(Math.abs(x), unit)}${gapUnit(unit, lang)}`;
  if (words) return t(lang, words.code, words.amount === undefined ? {} : { amount: amountOf(words.amount) });
  if (gap === 0) return t(lang, 'gap/on-line');
  return t(lang, gap > 0 ? 'gap/short' : 'gap/ahead', { amount: amountOf(gap) });
}

export function statusLabel(status: Status, lang: Lang): string {
  return t(lang, `status/${status}`);
}
