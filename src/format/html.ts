// The compliance table as one self-contained HTML page (evaluate --format html, -o x.html):
// a table per region and year as on the terminal, statuses coloured, the 说明 with the
// returns' 备注, the run's findings after. Every string from the plan or the returns is escaped.
import { formatDiagnostic, t } from '../i18n/index.js';
import type { Evaluation, Result } from '../engine/evaluate.js';
import type { FormatContext } from './context.js';
import { detail, indicatorName, planTitle, targetText } from './detail.js';
import { absentIndicatorsLine, emptyRunMessages } from './empty-run.js';
import { htmlPage } from './html-page.js';
import { xml as h } from './junit.js';
import { sectionsOf } from './sections.js';
import { formatGap, formatValue, statusLabel, resultShown } from './words.js';

const HEAD = ['col/indicator', 'col/target', 'col/value', 'col/status', 'col/gap', 'col/detail'];

export function formatHtml(e: Evaluation, ctx: FormatContext): string {
  const { lang } = ctx;
  const title = planTitle(ctx);
  const body = [`<header><h1>${h(title)}</h1>`];
  if (e.results.length === 0) {
    // A run that evaluated nothing says why, not an empty table.
    body.push(...emptyRunMessages(e, ctx).map((m) => `<p class="st-invalid">${h(`${t(lang, 'severity/error')}: ${m.message} [${m.code}]`)}</p>`), '</header>');
    return htmlPage(title, lang, body);
  }
  const s = e.summary;
  body.push(`<p class="meta">${h(t(lang, 'table/summary', { total: e.results.length, met: s.met, notMet: s['not-met'], noData: s['no-data'], invalid: s.invalid, na: s['not-applicable'] }))}</p>`);
  const absent = absentIndicatorsLine(e, ctx);
  if (absent) body.push(`<p class="meta">${h(absent)}</p>`);
  body.push('</header>');
  for (const section of sectionsOf(e.results, ctx)) {
    body.push(`<section><h2>${h(t(lang, 'html/section', { region: section.region.name, year: section.year }))}</h2>`);
    body.push(`<table><thead><tr>${HEAD.map((k) => `<th>${h(t(lang, k))}</th>`).join('')}</tr></thead><tbody>`);
    for (const area of section.areas) {
      body.push(`<tr class="row-area"><th colspan="${HEAD.length}">${h(area.name)}</th></tr>`);
      body.push(...area.results.map((r) => row(r, ctx)));
    }
    body.push('</tbody></table></section>');
  }
  if (e.results.some((r) => r.derived)) body.push(`<p class="muted">${h(t(lang, 'table/derived-note'))}</p>`);
  if (e.diagnostics.length) {
    body.push(`<section><h2>${h(t(lang, 'report/diagnostics'))}</h2><ul class="notes">${e.diagnostics.map((d) => `<li>${h(formatDiagnostic(d, lang))}</li>`).join('')}</ul></section>`);
  }
  return htmlPage(title, lang, body);
}

function row(r: Result, ctx: FormatContext): string {
  const { lang } = ctx;
  const cells = [
    `<td class="name">${h(`${r.main !== undefined ? `★${r.main} ` : ''}${indicatorName(r, ctx)}`)}</td>`,
    `<td>${h(targetText(r, ctx))}</td>`,
    `<td class="num">${h(`${formatValue(r.value, resultShown(r), lang)}${r.derived ? '*' : ''}`)}</td>`,
    `<td class="st st-${r.status}">${h(statusLabel(r.status, lang))}</td>`,
    `<td>${h(formatGap(r, lang))}</td>`,
    `<td>${h([detail(r, ctx), ...(r.notes.length ? [t(lang, 'detail/notes', { notes: r.notes.join(lang === 'zh' ? '；' : '; ') })] : [])].filter(Boolean).join(lang === 'zh' ? '；' : '; '))}</td>`,
  ];
  return `<tr>${cells.join('')}</tr>`;
}
