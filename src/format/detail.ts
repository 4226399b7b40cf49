// The one-line explanation behind a verdict: failing units, parts, baseline, reason.
import { t, type Lang } from '../i18n/index.js';
import type { Result } from '../engine/evaluate.js';
import { formatNumber, formatValue, statusLabel } from './words.js';

export function detail(r: Result, lang: Lang): string {
  const bits: string[] = [];
  if (r.parts) {
    for (const p of r.parts) bits.push(t(lang, 'detail/part', { text: p.text, value: formatValue(p.value, r.unit, lang), status: statusLabel(p.status, lang) }));
  }
  if (r.failingUnits?.length) bits.push(t(lang, 'detail/failing-units', { units: r.failingUnits.map((u) => `${u.name} ${formatValue(u.value, r.unit, lang)}`).join('、') }));
  if (r.missingUnits?.length) bits.push(t(lang, 'detail/missing-units', { units: r.missingUnits.map((u) => u.name).join('、') }));
  if (r.baseline) bits.push(t(lang, 'detail/baseline', { value: `${formatNumber(r.baseline.value)}${r.unit}`, year: r.baseline.year }));
  if (r.reason && !(r.failingUnits?.length || r.missingUnits?.length)) bits.push(t(lang, r.reason.code, r.reason.params));
  return bits.join(lang === 'zh' ? '；' : '; ');
}

export function targetText(r: Result, lang: Lang): string {
  const described = t(lang, r.target.description.code, r.target.description.params);
  return lang === 'zh' || described === r.target.text ? r.target.text : `${r.target.text} (${described})`;
}
