// An inline SVG line chart for one indicator in one region: the values by year, the
// target as a dashed line, the required path from the baseline to the final year as a
// dotted line, and the projection at the current pace. Drawn here, no library, no script.
import { t, type Lang } from '../i18n/index.js';
import { targetLine } from '../engine/progress.js';
import { atLeast, atMost } from '../engine/numbers.js';
import type { IndicatorReport, RegionReport, Report } from '../report/model.js';
import { xml } from './junit.js';
import { formatNumber, formatValue } from './words.js';

const W = 560;
const H = 210;
const M = { left: 52, right: 84, top: 16, bottom: 28 };

/** The chart's size in CSS pixels (the Word file draws it at twice that). */
export const CHART_SIZE = { width: W, height: H } as const;

export const CHART_COLORS = { values: '#0b5cad', target: '#b3261e', required: '#6e7781', projected: '#0b5cad' };

interface Point {
  year: number;
  value: number;
}

/** The chart's points and lines, or undefined when there is nothing numeric to draw. */
export function chartData(rr: RegionReport, ind: Pick<IndicatorReport, 'target' | 'direction' | 'unit'>, report: Pick<Report, 'baselineYear' | 'finalYear' | 'year'>) {
  const values: Point[] = rr.values.filter((v): v is typeof v & { value: number } => typeof v.value === 'number').map((v) => ({ year: v.year, value: v.value }));
  const p = rr.progress;
  const base = p.baseline !== null && p.baselineYear !== null ? { year: p.baselineYear, value: p.baseline } : undefined;
  // The baseline the text measures from is the one drawn: a baseline the plan states is the
  // series' first point, in place of the return's figure for that year (unless --baseline returns).
  let planBase: { year: number; value: number; returned: number | null } | undefined;
  if (base && p.baselineFrom === 'plan') {
    const at = values.findIndex((v) => v.year === base.year);
    // Marked (a ring, a caption note) where it is not also the return's figure.
    if (at < 0 || values[at]!.value !== base.value) planBase = { ...base, returned: at < 0 ? null : values[at]!.value };
    if (at < 0) values.unshift(base);
    else values[at] = base;
  } else if (base && !values.some((v) => v.year === base.year)) values.unshift(base);
  if (values.length === 0) return undefined;
  const target = p.target;
  const required: Point[] = [];
  // A baseline already on the good side of the line requires nothing: no path is drawn.
  const bound = base ? targetLine(ind.target, ind, { ...base, from: 'data' }, p.finalYear)?.bound : undefined;
  const baseMet = base && target !== null && (bound === 'min' ? atLeast(base.value, target) : bound === 'max' ? atMost(base.value, target) : false);
  if (base && target !== null && !baseMet && p.finalYear > base.year) {
    const span = p.finalYear - base.year;
    if (p.method === 'cagr' && base.value > 0 && target > 0) {
      for (let k = 0; k <= span; k++) required.push({ year: base.year + k, value: base.value * (target / base.value) ** (k / span) });
    } else {
      required.push(base, { year: p.finalYear, value: target });
    }
  }
  const projected: Point[] = p.projected !== null && p.current !== null && p.year < p.finalYear ? [{ year: p.year, value: p.current }, { year: p.finalYear, value: p.projected }] : [];
  return { values, target, required, projected, planBase, from: Math.min(report.baselineYear, values[0]!.year), to: Math.max(report.finalYear, report.year) };
}

/**
 * What a chart's caption says of its first point when the plan's stated baseline stands where
 * the returns give another figure, or none: the plan's figure, and the return's it replaces
 * (2020年为规划所述基线1.94‰（报表数2.03‰）). Nothing when the two agree.
 */
export function chartNote(rr: RegionReport, ind: Pick<IndicatorReport, 'target' | 'direction' | 'unit' | 'decimals'>, report: Pick<Report, 'baselineYear' | 'finalYear' | 'year'>, lang: Lang): string | undefined {
  const b = chartData(rr, ind, report)?.planBase;
  if (!b) return undefined;
  const value = formatValue(b.value, ind, lang);
  return b.returned === null ? t(lang, 'report/chart-plan-baseline', { year: b.year, value }) : t(lang, 'report/chart-plan-baseline-replaces', { year: b.year, value, returned: formatValue(b.returned, ind, lang) });
}

/** Round tick steps: 1, 2 or 5 × 10^k, about four of them. */
export function ticks(min: number, max: number): number[] {
  const raw = (max - min) / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((s) => s * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

export function chartSvg(rr: RegionReport, ind: Pick<IndicatorReport, 'target' | 'direction' | 'unit' | 'decimals'>, report: Pick<Report, 'baselineYear' | 'finalYear' | 'year'>, title: string, lang: Lang): string {
  const unit = ind.unit;
  const d = chartData(rr, ind, report);
  if (!d) return '';
  const numbers = [...d.values, ...d.required, ...d.projected].map((p) => p.value).concat(d.target === null ? [] : [d.target]);
  let lo = Math.min(...numbers);
  let hi = Math.max(...numbers);
  if (hi - lo < 1e-9) {
    const pad = Math.abs(hi) > 0 ? Math.abs(hi) * 0.1 : 1;
    lo -= pad;
    hi += pad;
  }
  const pad = (hi - lo) * 0.1;
  lo -= pad;
  hi += pad;
  if (lo < 0 && Math.min(...numbers) >= 0) lo = 0;
  const x = (year: number) => M.left + ((year - d.from) / Math.max(1, d.to - d.from)) * (W - M.left - M.right);
  const y = (v: number) => M.top + (1 - (v - lo) / (hi - lo)) * (H - M.top - M.bottom);
  const f = (n: number) => n.toFixed(1);
  const path = (pts: Point[]) => pts.map((p) => `${f(x(p.year))},${f(y(p.value))}`).join(' ');
  const num = (v: number) => xml(formatNumber(v, ind));

  const out: string[] = [];
  out.push(`<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${xml(title)}" font-size="11">`);
  out.push(`<title>${xml(title)}</title>`);
  // Axes and grid.
  for (const v of ticks(lo, hi)) {
    out.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${f(y(v))}" y2="${f(y(v))}" stroke="#e5e8eb" stroke-width="1"/>`);
    out.push(`<text x="${M.left - 6}" y="${f(y(v) + 4)}" text-anchor="end" fill="#57606a">${num(v)}</text>`);
  }
  for (let year = d.from; year <= d.to; year++) {
    out.push(`<line x1="${f(x(year))}" x2="${f(x(year))}" y1="${H - M.bottom}" y2="${H - M.bottom + 4}" stroke="#8c959f"/>`);
    out.push(`<text x="${f(x(year))}" y="${H - M.bottom + 16}" text-anchor="middle" fill="#57606a">${year}</text>`);
  }
  out.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${H - M.bottom}" y2="${H - M.bottom}" stroke="#8c959f"/>`);
  if (report.year >= d.from && report.year <= d.to) {
    out.push(`<line x1="${f(x(report.year))}" x2="${f(x(report.year))}" y1="${M.top}" y2="${H - M.bottom}" stroke="#d0d7de" stroke-dasharray="2 3"/>`);
  }
  // The target line, the required path, the projection, the values.
  if (d.target !== null) {
    out.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${f(y(d.target))}" y2="${f(y(d.target))}" stroke="${CHART_COLORS.target}" stroke-width="1.5" stroke-dasharray="6 4"/>`);
    out.push(`<text x="${W - M.right + 6}" y="${f(y(d.target) + 4)}" fill="${CHART_COLORS.target}">${xml(t(lang, 'report/chart-target'))} ${num(d.target)}</text>`);
  }
  if (d.required.length) out.push(`<polyline points="${path(d.required)}" fill="none" stroke="${CHART_COLORS.required}" stroke-width="1.5" stroke-dasharray="1.5 3" stroke-linecap="round"/>`);
  if (d.projected.length) {
    out.push(`<polyline points="${path(d.projected)}" fill="none" stroke="${CHART_COLORS.projected}" stroke-width="1.2" stroke-dasharray="4 3" opacity="0.6"/>`);
    const end = d.projected[1]!;
    out.push(`<circle cx="${f(x(end.year))}" cy="${f(y(end.value))}" r="3" fill="#fff" stroke="${CHART_COLORS.projected}" opacity="0.8"/>`);
    // Kept clear of the target's label when the two ends are close.
    const ty = d.target === null ? undefined : y(d.target);
    const py = ty !== undefined && Math.abs(y(end.value) - ty) < 13 ? ty + (y(end.value) >= ty ? 13 : -13) : y(end.value);
    out.push(`<text x="${W - M.right + 6}" y="${f(py + 4)}" fill="${CHART_COLORS.projected}">${num(end.value)}</text>`);
  }
  out.push(`<polyline points="${path(d.values)}" fill="none" stroke="${CHART_COLORS.values}" stroke-width="2"/>`);
  for (const p of d.values) {
    // The plan's stated baseline is drawn as a ring: a figure of the plan, not of the returns.
    const planned = d.planBase?.year === p.year;
    out.push(`<circle cx="${f(x(p.year))}" cy="${f(y(p.value))}" r="3.2" ${planned ? `fill="#fff" stroke="${CHART_COLORS.values}" stroke-width="1.5" data-baseline="plan"` : `fill="${CHART_COLORS.values}"`}/>`);
    // The first point sits on the value axis: its label goes right of it, clear of the ticks.
    const anchor = p.year === d.from ? 'start' : 'middle';
    out.push(`<text x="${f(x(p.year) + (anchor === 'start' ? 3 : 0))}" y="${f(y(p.value) - 7)}" text-anchor="${anchor}" fill="#24292f" font-size="10">${num(p.value)}</text>`);
  }
  out.push('</svg>');
  return out.join('');
}

/** The legend under a chart, as HTML; the final report's charts draw no projection, and say none. */
export function chartLegend(lang: Lang, final = false): string {
  const item = (svg: string, label: string) => `<span class="key"><svg width="26" height="10" viewBox="0 0 26 10" aria-hidden="true">${svg}</svg>${xml(t(lang, label))}</span>`;
  return [
    item(`<line x1="1" x2="25" y1="5" y2="5" stroke="${CHART_COLORS.values}" stroke-width="2"/><circle cx="13" cy="5" r="3" fill="${CHART_COLORS.values}"/>`, 'report/chart-values'),
    item(`<line x1="1" x2="25" y1="5" y2="5" stroke="${CHART_COLORS.target}" stroke-width="1.5" stroke-dasharray="6 4"/>`, 'report/chart-target'),
    item(`<line x1="1" x2="25" y1="5" y2="5" stroke="${CHART_COLORS.required}" stroke-width="1.5" stroke-dasharray="1.5 3" stroke-linecap="round"/>`, 'report/chart-required'),
    ...(final ? [] : [item(`<line x1="1" x2="25" y1="5" y2="5" stroke="${CHART_COLORS.projected}" stroke-width="1.2" stroke-dasharray="4 3" opacity="0.6"/>`, 'report/chart-projected')]),
  ].join(' ');
}
