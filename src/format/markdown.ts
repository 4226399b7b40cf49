// Markdown tables, fit for a CI step summary or pasting into a document.
// Pipes and line breaks from data or plan are escaped.
import { t } from '../i18n/index.js';
import type { Evaluation } from '../engine/evaluate.js';
import { detail, indicatorName, planTitle, targetText } from './detail.js';
import { absentIndicatorsLine, emptyRunMessages } from './empty-run.js';
import type { FormatContext } from './records.js';
import { formatGap, formatValue, statusLabel, resultShown } from './words.js';

/**
 * Text as Markdown shows it, never as markup: a note's `![t](http://…)` would make a viewer
 * fetch the image, `[x](javascript:…)` a link, `*bold*` and backticks restyle the report. Every
 * character that makes inline markup (emphasis, code, links, images, strike-through) is
 * escaped with a backslash, as is a # or > that would start a heading or a quote; `<` is an
 * entity (no HTML), pipes cannot end a table cell, and a line break is a <br>.
 */
export function mdCell(s: string): string {
  // Markup first, so the <br> that stands for a line break survives.
  return s
    .replace(/[\\`*_[\]~|]/g, '\\$&')
    .replace(/^[#>]/, '\\$&')
    .replace(/</g, '&lt;')
    .replace(/\r?\n|\r/g, '<br>');
}

export function formatMarkdown(e: Evaluation, ctx: FormatContext): string {
  const { lang } = ctx;
  const out: string[] = [`# ${mdCell(planTitle(ctx))}`, ''];
  // A run that evaluated nothing says why, not an empty table.
  if (e.results.length === 0) return `${[...out, ...emptyRunMessages(e, ctx).map((m) => `**${t(lang, 'severity/error')}**: ${mdCell(m.message)} [${m.code}]`)].join('\n')}\n`;
  const s = e.summary;
  out.push(t(lang, 'table/summary', { total: e.results.length, met: s.met, notMet: s['not-met'], noData: s['no-data'], invalid: s.invalid, na: s['not-applicable'] }), '');
  const cols = ['col/region', 'col/year', 'col/indicator', 'col/target', 'col/value', 'col/status', 'col/gap', 'col/detail'].map((k) => t(lang, k));
  out.push(`| ${cols.join(' | ')} |`, `|${cols.map(() => '---').join('|')}|`);
  for (const r of e.results) {
    out.push(
      `| ${[
        r.region.name,
        String(r.year),
        `${r.main !== undefined ? `★${r.main} ` : ''}${indicatorName(r, ctx)}`,
        targetText(r, ctx),
        `${formatValue(r.value, resultShown(r), lang)}${r.derived ? '*' : ''}`,
        statusLabel(r.status, lang),
        formatGap(r, lang),
        detail(r, ctx),
      ]
        .map(mdCell)
        .join(' | ')} |`,
    );
  }
  if (e.results.some((r) => r.derived)) out.push('', t(lang, 'table/derived-note'));
  const absent = absentIndicatorsLine(e, ctx);
  if (absent) out.push('', mdCell(absent));
  return `${out.join('\n')}\n`;
}
