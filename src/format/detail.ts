// The one-line explanation behind a verdict (failing units, parts, baseline, reason)
// and the target in words, with the plan's level names filled in.
import { t } from '../i18n/index.js';
import type { Params } from '../diagnostics.js';
import type { Result } from '../engine/evaluate.js';
import type { Reason } from '../engine/verdict.js';
import type { FormatContext } from './context.js';
import { intervalNote, markChance } from './interval.js';
import { formatLine, formatNumber, formatValue, gapUnit, judgedShown, statusLabel } from './words.js';

/** A reason in words; level ids become the plan's names for them, units the words for a difference. */
export function say(reason: Reason, r: Pick<Result, 'unit'>, ctx: FormatContext): string {
  const params: Params = { ...reason.params };
  if (typeof params.level === 'string') {
    const level = ctx.plan.levels.find((l) => l.id === params.level);
    if (level) params.level = ctx.lang === 'en' ? (level.nameEn ?? level.name) : level.name;
  }
  if (typeof params.unit === 'string') params.unit = gapUnit(r.unit, ctx.lang);
  if (typeof params.indicator === 'string') {
    const ind = ctx.plan.indicators.find((i) => i.id === params.indicator);
    if (ind) params.indicator = ctx.lang === 'en' ? (ind.nameEn ?? ind.name) : ind.name;
  }
  if (reason.inner) params.inner = say(reason.inner, r, ctx);
  return t(ctx.lang, reason.code, params);
}

export function detail(r: Result, ctx: FormatContext): string {
  const { lang } = ctx;
  const bits: string[] = [];
  if (r.parts) {
    for (const p of r.parts) bits.push(markChance(t(lang, 'detail/part', { text: p.text, value: formatValue(p.value, judgedShown(p.value, r, p.threshold, p.status), lang), status: statusLabel(p.status, lang) }), p, r, lang));
  }
  if (r.failingUnits?.length) bits.push(t(lang, 'detail/failing-units', { units: listUnits(r.failingUnits, (u) => markChance(`${u.name} ${formatValue(u.value, judgedShown(u.value, r, r.threshold, u.status), lang)}`, u, r, lang), lang) }));
  if (r.missingUnits?.length) bits.push(t(lang, 'detail/missing-units', { units: listUnits(r.missingUnits, (u) => u.name, lang) }));
  if (r.baseline) bits.push(t(lang, 'detail/baseline', { value: formatValue(r.baseline.value, r, lang), year: r.baseline.year }));
  // A miss proven from a region's own value, and a conditional target's missing condition, are said
  // even beside the units they name (every-unit.ts, conditional.ts).
  if (r.reason && (!(r.failingUnits?.length || r.missingUnits?.length) || r.reason.code.startsWith('reason/units-proven') || r.reason.code === 'reason/condition-missing')) bits.push(say(r.reason, r, ctx));
  const band = aboutBand(r.target.description, r.unit, ctx);
  if (band && (r.status === 'met' || r.status === 'not-met')) bits.push(band);
  const interval = intervalNote(r, r, lang);
  if (interval) bits.push(interval);
  return bits.join(lang === 'zh' ? '；' : '; ');
}

/** A 左右 target and the band edge its verdict is judged at, said once: 0.85人左右，按不低于0.8075人判定. */
export function aboutBand(d: Reason, unit: string, ctx: FormatContext): string | undefined {
  const { value, line } = d.params;
  if ((d.code !== 'target/about-higher' && d.code !== 'target/about-lower') || typeof value !== 'number' || typeof line !== 'number') return undefined;
  return t(ctx.lang, d.code === 'target/about-higher' ? 'detail/about-higher' : 'detail/about-lower', { value: formatValue(value, unit, ctx.lang), line: formatLine(line, unit, ctx.lang) });
}

/** Units shown in a line of text; the rest are counted (JSON and CSV list them all). */
export const UNITS_SHOWN = 10;

function listUnits<U>(units: readonly U[], show: (u: U) => string, lang: FormatContext['lang']): string {
  const shown = units.slice(0, UNITS_SHOWN).map(show).join('、');
  return units.length <= UNITS_SHOWN ? shown : t(lang, 'detail/more-units', { units: shown, more: units.length - UNITS_SHOWN, total: units.length });
}

/** The indicator's name in the user's language: the plan's own words in Chinese, its English name with --lang en. */
export function indicatorName(r: Pick<Result, 'id' | 'name'>, ctx: FormatContext): string {
  if (ctx.lang === 'zh') return r.name;
  return ctx.plan.indicators.find((i) => i.id === r.id)?.nameEn ?? r.name;
}

/** The plan's title in the user's language. */
export function planTitle(ctx: FormatContext): string {
  return ctx.lang === 'en' ? (ctx.plan.titleEn ?? ctx.plan.title) : ctx.plan.title;
}

/** The target in symbols and words: ≥ 98, 0.85 左右（≥ 0.8075）, 每个乡镇（街道）均达标. */
export function describeTarget(r: Result, ctx: FormatContext): string {
  return say(r.target.description, r, ctx);
}

/**
 * The target as a column shows it, with its unit: ≤4‰, ≥95%, 每个乡镇（街道） ≥95%; other
 * kinds in the plan's wording when it is short enough to read in a column, else in symbols.
 */
export function targetText(r: Result, ctx: FormatContext): string {
  const d = r.target.description;
  const own = boundText(d, r.unit, ctx);
  if (own !== undefined) return own;
  const inner = d.inner && boundText(d.inner, r.unit, ctx);
  if (inner !== undefined) return say({ ...d, inner: { code: 'target/literal', params: { text: inner } } }, r, ctx);
  if (ctx.lang === 'en') return describeTarget(r, ctx);
  return [...r.target.text].length <= 10 ? r.target.text : describeTarget(r, ctx);
}

/** ≤4‰, ≥95% (and, in English, about 0.85人 (≥ 0.81人)): a bound with its unit; undefined for other kinds. */
function boundText(d: Reason, unit: string, ctx: FormatContext): string | undefined {
  const value = d.params.value;
  if (typeof value !== 'number') return undefined;
  if (d.code === 'target/at-most' || d.code === 'target/at-least') return `${d.code === 'target/at-most' ? '≤' : '≥'}${formatValue(value, unit, ctx.lang)}`;
  if (ctx.lang === 'en' && (d.code === 'target/about-higher' || d.code === 'target/about-lower') && typeof d.params.line === 'number') {
    return t(ctx.lang, d.code, { value: formatValue(value, unit, ctx.lang), line: formatValue(d.params.line, unit, ctx.lang) });
  }
  return undefined;
}
