// How the reports word and number things: class labels, paces, ratios, names in the
// report's language. Shared by the HTML and Markdown reports.
import { t, type Lang } from '../i18n/index.js';
import type { Progress, ProgressClass } from '../engine/progress.js';
import { clean } from '../engine/numbers.js';
import { FLAT_SHARE, MARKED_FALL_PER_YEAR } from '../engine/trend-fit.js';
import type { AreaRef, IndicatorReport, NoteEntry, RegionReport, Report } from '../report/model.js';
import type { Target } from '../plan/model.js';
import { say } from './detail.js';
import type { FormatContext } from './records.js';
import { formatNumber, formatValue, gapUnit, unitOf, unitSuffix, type Shown } from './words.js';
import { unitIn } from '../i18n/units.js';

export const classLabel = (c: ProgressClass, lang: Lang): string => t(lang, `progress-class/${c}`);

export const reasonLabel = (p: Progress, lang: Lang): string => t(lang, `progress/${p.reason}`);

export function reportTitle(report: Report, lang: Lang): string {
  const plan = lang === 'en' ? (report.plan.titleEn ?? report.plan.title) : report.plan.title;
  return t(lang, 'report/title', { plan, stage: t(lang, `report/stage-${report.stage}`), year: report.year });
}

export function reportMeta(report: Report, lang: Lang): string {
  return t(lang, 'report/meta', { year: report.year, frame: reportFrame(report, lang) });
}

/** 基线年 2020 年（规划所述基线） · 目标年 2025 年 · 进度测算：线性 · 趋势：…: reportMeta without the year evaluated. */
export function reportFrame(report: Report, lang: Lang): string {
  return t(lang, 'report/frame', {
    baseline: report.baselineYear,
    source: t(lang, `report/baseline-${report.baseline}`),
    final: report.finalYear,
    method: t(lang, `report/method-${report.method}`),
    trend: t(lang, 'report/trend-rule'),
  });
}

/**
 * How progress is paced (the final report: that the value is compared with the target, no pace),
 * which baseline is used and how trends are judged (the report's method section).
 */
export function methodNote(report: Report, lang: Lang): string {
  const years = { year: report.year, baseline: report.baselineYear, final: report.finalYear };
  const marked = clean(MARKED_FALL_PER_YEAR * 100);
  return [
    report.stage === 'final' ? t(lang, 'sec/work-progress-final', years) : t(lang, `report/method-note-${report.method}`, years),
    t(lang, `report/baseline-note-${report.baseline}`, years),
    t(lang, 'report/trend-note', { ...years, marked, span: report.finalYear - report.baselineYear, markedSpan: clean(marked * (report.finalYear - report.baselineYear)), flat: clean(FLAT_SHARE * 100) }),
  ].join(lang === 'en' ? ' ' : '');
}

/** How progress was judged, as the report's method section says it: the pace and its bands (mid-term), or the direct comparison (final). */
export function methodParagraphs(report: Report, lang: Lang): string[] {
  if (report.stage === 'final') return [t(lang, 'sec/work-progress-final', { year: report.year })];
  return [methodNote(report, lang), t(lang, 'report/unknown-note')];
}

export const areaName = (a: AreaRef, lang: Lang): string => (lang === 'en' ? (a.nameEn ?? a.name) : a.name);

export function indicatorName(ind: Pick<IndicatorReport, 'name' | 'nameEn' | 'main'>, lang: Lang, star = true): string {
  const name = lang === 'en' ? (ind.nameEn ?? ind.name) : ind.name;
  return star && ind.main !== undefined ? `★${ind.main} ${name}` : name;
}

/** A region none of whose units has data: its units are counted, not listed (RegionReport.missingUnitCount). */
export const noUnitHasData = (rr: RegionReport): boolean => rr.units !== undefined && (rr.unitCount ?? 0) > 0 && rr.missingUnitCount === rr.unitCount;

/** What stands for the units of such a region: 18519 个乡镇（街道）均缺数据. */
export function noUnitDataText(ind: IndicatorReport, rr: RegionReport, report: Report, lang: Lang): string {
  const id = ind.target.kind === 'every-unit' || ind.target.kind === 'conditional' ? ind.target.level : '';
  const level = report.levels.find((l) => l.id === id);
  const name = level ? (lang === 'en' ? (level.nameEn ?? level.name) : level.name) : id;
  return t(lang, 'reason/no-unit-data', { total: rr.unitCount ?? 0, level: name });
}

/** The target as the plan words it and, when it says more, the rule in symbols. */
export function targetWords(ind: IndicatorReport, ctx: FormatContext): { text: string; rule: string } {
  return { text: ind.text, rule: say(ind.description, ind, ctx) };
}

const signed = (x: number, digits: number): string => {
  const s = String(Number(x.toFixed(digits)));
  return x > 0 && s !== '0' ? `+${s}` : s;
};

/** A pace: +0.3 个百分点/年 (linear, in the indicator's unit), −5.83%/年 (cagr). */
export function formatPace(x: number | null, p: Pick<Progress, 'method'>, shown: Shown, lang: Lang): string {
  const unit = unitOf(shown);
  if (x === null) return '—';
  const perYear = t(lang, 'report/per-year');
  if (p.method === 'cagr') return `${signed(x * 100, 2)}%${perYear}`;
  const u = unit === '是/否' ? '' : unit === '%' || unit === '‰' || lang !== 'zh' ? gapUnit(unit, lang) : !/^\d/.test(unit) ? unit : ` ${unit}`;
  return `${signed(x, 3)}${u}${perYear}`;
}

/** R to three decimals, rounded down so that a ratio never reads as the band above its own (0.9496 → 0.949, not 0.950). */
export const formatRatio = (r: number | null): string => (r === null ? '—' : (Math.floor(clean(r) * 1000 + 1e-9) / 1000).toFixed(3));

/** A value with its unit; a unit that starts with a digit (1/10万) is set apart: 12.14 1/10万. */
export function valueText(value: number | boolean | null, shown: Shown, lang: Lang): string {
  const unit = unitOf(shown);
  const s = formatValue(value, shown, lang);
  const own = unitIn(unit, lang);
  return typeof value === 'number' && /^\d/.test(own) ? `${s.slice(0, s.length - unitSuffix(unit, lang).length)} ${own}` : s;
}

export const formatFigure = (x: number | null, unit: Shown, lang: Lang): string => (x === null ? '—' : valueText(x, unit, lang));

/** The numbers a target states as the plan writes them (100 in 100%, 90 in 农村社区90), nested targets' too. */
function planNumbers(target: Target): number[] {
  switch (target.kind) {
    case 'at-most':
    case 'at-least':
    case 'reach':
    case 'about':
      return [target.value];
    case 'split':
      return target.parts.flatMap((p) => planNumbers(p.target));
    case 'every-unit':
    case 'conditional':
      return planNumbers(target.target);
    default:
      return [];
  }
}

/**
 * A target's line: where it is the plan's own number, as the plan writes it (100%, 1小时, not
 * 100.00%); a line worked out from a baseline (0.8 × the 2020 value) at the indicator's decimals.
 */
export function targetFigure(x: number | null, ind: Pick<IndicatorReport, 'target' | 'unit' | 'decimals'>, lang: Lang): string {
  if (x !== null && planNumbers(ind.target).includes(x)) return valueText(x, ind.unit, lang);
  return formatFigure(x, ind, lang);
}

export { formatNumber };

/** An indicator's notes, one line per wording and years: the regions that gave it, together. */
export function noteLines(notes: readonly NoteEntry[], lang: Lang): string[] {
  const byText = new Map<string, { regions: string[]; years: number[]; note: string }>();
  for (const n of notes) {
    const key = `${n.note}\u0000${n.years.join(',')}`;
    const entry = byText.get(key);
    if (entry) entry.regions.push(n.region.name);
    else byText.set(key, { regions: [n.region.name], years: n.years, note: n.note });
  }
  return [...byText.values()].map((e) => `${e.regions.join('、')} ${e.years.join('、')}${lang === 'en' ? ': ' : '：'}${e.note}`);
}

/** The place an at-risk row is about: the region, and the part of a split whose figures it carries (A区（城市）). */
export function riskPlace(x: { region: { name: string }; progress: { part?: string } }, lang: Lang): string {
  return x.progress.part === undefined ? x.region.name : t(lang, 'report/region-part', { region: x.region.name, part: t(lang, `part/${x.progress.part}`) });
}
