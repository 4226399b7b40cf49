// The evaluation report as one self-contained HTML file (html-page.ts), its charts inline SVG.
// Every string from the plan or the returns is escaped.
import { formatDiagnostic, t, type Lang } from '../i18n/index.js';
import { PROGRESS_CLASSES, type Progress } from '../engine/progress.js';
import { unitIn } from '../i18n/units.js';
import { STATUSES, type Status } from '../engine/verdict.js';
import type { AreaReport, Counts, IndicatorReport, RegionReport, Report } from '../report/model.js';
import { xml as h } from './junit.js';
import type { FormatContext } from './records.js';
import { chartLegend, chartNote, chartSvg } from './report-chart.js';
import { htmlPage } from './html-page.js';
import type { Block } from './report-doc.js';
import { narrativeBlocks } from './report-narrative.js';
import { areaName, classLabel, formatFigure, formatPace, formatRatio, indicatorName, methodParagraphs, noUnitDataText, noUnitHasData, noteLines, reasonLabel, reportMeta, reportTitle, riskPlace, targetWords, valueText } from './report-words.js';
import { statusLabel, type Shown } from './words.js';

export function formatReportHtml(report: Report, ctx: FormatContext): string {
  const { lang } = ctx;
  const title = reportTitle(report, lang);
  const body = [
    `<header><h1>${h(title)}</h1><p class="meta">${h(reportMeta(report, lang))}</p>`,
    `<p class="meta">${h(t(lang, 'col/region'))}：${report.regions.map((r) => h(r.name)).join('、')}</p></header>`,
    toc(report, lang),
    `<section id="narrative">${blocksHtml(narrativeBlocks(report, ctx))}</section>`,
    summary(report, lang),
    grid(report, lang),
    `<section id="areas"><h2>${h(t(lang, 'annex/areas'))}</h2>${report.areas.map((a) => area(a, report, ctx)).join('\n')}</section>`,
    notes(report, lang),
    `<section id="method"><h2>${h(t(lang, 'report/method'))}</h2>${methodParagraphs(report, lang).map((x) => `<p>${h(x)}</p>`).join('')}<p class="muted">${h(t(lang, 'report/derived-mark'))}</p></section>`,
  ];
  return htmlPage(title, lang, body);
}

/** The document's blocks (the narrative) as HTML; its level-1 headings are the report's <h2> sections. */
export function blocksHtml(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      if (b.kind === 'heading') return `<h${b.level + 1}${b.id ? ` id="${h(b.id)}"` : ''}>${h(b.text)}</h${b.level + 1}>`;
      if (b.kind === 'paragraph') return `<p class="${b.muted ? 'muted' : 'narrative'}">${h(b.text)}</p>`;
      if (b.kind === 'list') return `<ul class="narrative">${b.items.map((x) => `<li>${h(x)}</li>`).join('')}</ul>`;
      const cell = (x: string, i: number) => (b.numeric?.includes(i) ? `<td class="num">${h(x)}</td>` : `<td>${h(x)}</td>`);
      return `<table>${b.caption ? `<caption>${h(b.caption)}</caption>` : ''}<thead><tr>${b.head.map(th).join('')}</tr></thead><tbody>${b.rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('')}</tbody></table>`;
    })
    .join('\n');
}

const st = (s: Status, lang: Lang, extra = '') => `<td class="st st-${s}"${extra}>${h(statusLabel(s, lang))}</td>`;
const cl = (p: Progress, lang: Lang) => `<td class="cl cl-${p.class}" title="${h(reasonLabel(p, lang))}">${h(classLabel(p.class, lang))}</td>`;
const num = (s: string) => `<td class="num">${h(s)}</td>`;
const th = (s: string) => `<th>${h(s)}</th>`;
const areaId = (id: string) => `area-${id}`;
const indId = (id: string) => `ind-${id}`;

function toc(report: Report, lang: Lang): string {
  const links = [
    ...(['summary', 'areas', 'problems', 'next'] as const).map((p) => `<a href="#narrative-${p}">${h(t(lang, `nar/part-${p}`))}</a>`),
    `<a href="#narrative-work">${h(t(lang, 'sec/work-heading'))}</a>`,
    `<a href="#summary">${h(t(lang, 'annex/summary'))}</a>`,
    `<a href="#grid">${h(t(lang, 'annex/grid', { year: report.year }))}</a>`,
    ...report.areas.map((a) => `<a href="#${h(areaId(a.area.id))}">${h(areaName(a.area, lang))}</a>`),
    `<a href="#notes">${h(t(lang, 'annex/notes'))}</a>`,
  ];
  return `<nav class="toc">${links.join('')}</nav>`;
}

function countCells(c: Counts, final: boolean): string {
  return [num(String(c.total)), ...STATUSES.map((s) => num(String(c.byStatus[s]))), ...(final ? [] : PROGRESS_CLASSES.map((k) => num(String(c.byClass[k]))))].join('');
}

function summary(report: Report, lang: Lang): string {
  const s = report.summary;
  const out: string[] = [`<section id="summary"><h2>${h(t(lang, 'annex/summary'))}</h2>`];
  out.push(
    `<p>${h(t(lang, 'report/summary-text', { year: report.year, total: s.total, met: s.byStatus.met, notMet: s.byStatus['not-met'], noData: s.byStatus['no-data'], invalid: s.byStatus.invalid, na: s.byStatus['not-applicable'] }))}</p>`,
  );
  out.push('<div class="counts">');
  out.push(`<table><caption>${h(t(lang, 'report/by-status'))}</caption><tbody>${STATUSES.map((x) => `<tr>${st(x, lang)}${num(String(s.byStatus[x]))}</tr>`).join('')}</tbody></table>`);
  if (report.stage !== 'final') out.push(
    `<table><caption>${h(t(lang, 'report/by-class', { final: report.finalYear }))}</caption><tbody>${PROGRESS_CLASSES.map((k) => `<tr><td class="cl cl-${k}">${h(classLabel(k, lang))}</td>${num(String(s.byClass[k]))}</tr>`).join('')}</tbody></table>`,
  );
  out.push('</div>');
  const final = report.stage === 'final';
  const head = [t(lang, 'col/area'), t(lang, 'report/col-total'), ...STATUSES.map((x) => statusLabel(x, lang)), ...(final ? [] : PROGRESS_CLASSES.map((k) => classLabel(k, lang)))];
  out.push(`<table class="by-area"><caption>${h(t(lang, 'report/by-area'))}</caption><thead><tr>${head.map(th).join('')}</tr></thead><tbody>`);
  for (const a of s.byArea) out.push(`<tr><td><a href="#${h(areaId(a.area.id))}">${h(areaName(a.area, lang))}</a></td>${countCells(a, final)}</tr>`);
  out.push(`<tr><th>${h(t(lang, 'report/col-total'))}</th>${countCells(s, final)}</tr></tbody></table>`);
  // The final report has no risk: a target is achieved or not (三、存在的问题 lists those not).
  out.push(final ? '' : atRisk(report, lang), '</section>');
  return out.join('\n');
}

function atRisk(report: Report, lang: Lang): string {
  const caption = `<h3>${h(t(lang, 'report/at-risk', { final: report.finalYear }))}</h3>`;
  if (report.atRisk.length === 0) return `${caption}<p>${h(t(lang, 'report/at-risk-none'))}</p>`;
  const head = [
    t(lang, 'col/no'), t(lang, 'col/indicator'), t(lang, 'col/region'), t(lang, 'col/status'), t(lang, 'report/col-progress'),
    t(lang, 'report/col-baseline', { year: report.baselineYear }), t(lang, 'col/value'), t(lang, 'col/target'),
    t(lang, 'report/col-required'), t(lang, 'report/col-actual'), t(lang, 'report/col-ratio'), t(lang, 'report/col-projected', { year: report.finalYear }),
  ];
  const rows = report.atRisk.map((x, i) => {
    const p = x.progress;
    return `<tr>${num(String(i + 1))}<td class="name"><a href="#${h(indId(x.id))}">${h(indicatorName(x, lang))}</a></td><td class="region">${h(riskPlace(x, lang))}</td>${st(x.status, lang)}${cl(p, lang)}${num(formatFigure(p.baseline, x, lang))}${num(formatFigure(p.current, x, lang))}${num(formatFigure(p.target, x, lang))}${num(formatPace(p.required, p, x, lang))}${num(formatPace(p.actual, p, x, lang))}${num(formatRatio(p.ratio))}${num(formatFigure(p.projected, x, lang))}</tr>`;
  });
  return `${caption}<table class="at-risk"><thead><tr>${head.map(th).join('')}</tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

function grid(report: Report, lang: Lang): string {
  const out = [`<section id="grid"><h2>${h(t(lang, 'annex/grid', { year: report.year }))}</h2>`];
  out.push(`<table class="grid"><thead><tr>${th(t(lang, 'col/indicator'))}${report.regions.map((r) => th(r.name)).join('')}</tr></thead><tbody>`);
  for (const a of report.areas) {
    out.push(`<tr class="row-area"><th colspan="${report.regions.length + 1}">${h(areaName(a.area, lang))}</th></tr>`);
    for (const ind of a.indicators) {
      const cells = report.regions.map((region) => {
        const rr = ind.regions.find((x) => x.region.code === region.code);
        if (!rr) return '<td></td>';
        const tip = report.stage === 'final' ? valueText(rr.value, ind, lang) : `${valueText(rr.value, ind, lang)} · ${classLabel(rr.progress.class, lang)}`;
        return st(rr.status, lang, ` title="${h(tip)}"`);
      });
      out.push(`<tr><td class="name"><a href="#${h(indId(ind.id))}">${h(indicatorName(ind, lang))}</a></td>${cells.join('')}</tr>`);
    }
  }
  out.push('</tbody></table></section>');
  return out.join('\n');
}

function area(a: AreaReport, report: Report, ctx: FormatContext): string {
  return `<section class="area" id="${h(areaId(a.area.id))}"><h3>${h(areaName(a.area, ctx.lang))}</h3>\n${a.indicators.map((ind) => indicator(ind, report, ctx)).join('\n')}</section>`;
}

function indicator(ind: IndicatorReport, report: Report, ctx: FormatContext): string {
  const { lang } = ctx;
  const words = targetWords(ind, ctx);
  const out: string[] = [`<article class="indicator" id="${h(indId(ind.id))}">`];
  out.push(`<h4>${h(indicatorName(ind, lang))} <small>${h(unitIn(ind.unit, lang))}</small></h4>`);
  const bits = [t(lang, 'report/target', { final: report.finalYear, text: words.text })];
  if (words.rule !== words.text) bits.push(t(lang, 'report/rule', { rule: words.rule }));
  if (ind.planBaseline) bits.push(t(lang, 'report/plan-baseline', { value: valueText(ind.planBaseline.value, ind, lang), year: ind.planBaseline.year }));
  out.push(`<p class="target">${bits.map(h).join('　')}</p>`);
  const charted = ind.regions.find((r) => r.region.code === report.chartRegion) ?? ind.regions[0];
  if (charted) {
    const title = t(lang, 'report/chart-title', { indicator: indicatorName(ind, lang, false), region: charted.region.name });
    const svg = chartSvg(charted, ind, report, title, lang);
    const note = chartNote(charted, ind, report, lang);
    out.push(svg ? `<figure class="chart">${svg}<figcaption>${h(title)}　${chartLegend(lang, report.stage === 'final')}${note ? `<span class="key baseline-note">${h(note)}</span>` : ''}</figcaption></figure>` : `<p class="muted">${h(t(lang, 'report/no-chart'))}</p>`);
  }
  out.push(series(ind, report, lang));
  out.push(parts(ind, report, ctx), units(ind, report, lang), breakdowns(ind, report, lang), indicatorNotes(ind, report, lang));
  out.push(`<p class="source">${h(t(lang, 'report/source', { source: ind.source }))}</p>`, '</article>');
  return out.filter(Boolean).join('\n');
}

/** The progress columns; none in the final report, which judges achieved or not (no pace, no projection). */
function progressCells(p: Progress, unit: Shown, lang: Lang, final: boolean): string {
  if (final) return '';
  return `${cl(p, lang)}${num(formatPace(p.required, p, unit, lang))}${num(formatPace(p.actual, p, unit, lang))}${num(formatRatio(p.ratio))}${num(formatFigure(p.projected, unit, lang))}`;
}

const progressHead = (report: Report, lang: Lang) => report.stage === 'final' ? [] :
  [t(lang, 'report/col-progress'), t(lang, 'report/col-required'), t(lang, 'report/col-actual'), t(lang, 'report/col-ratio'), t(lang, 'report/col-projected', { year: report.finalYear })];

function baselineCell(rr: RegionReport, unit: Shown, lang: Lang): string {
  const p = rr.progress;
  const first = rr.values[0];
  if (p.baseline !== null) return num(`${valueText(p.baseline, unit, lang)}${p.baselineFrom === 'plan' ? t(lang, 'report/from-plan') : first?.derived ? '*' : ''}`);
  return num(first ? `${valueText(first.value, unit, lang)}${first.derived ? '*' : ''}` : '—');
}

function series(ind: IndicatorReport, report: Report, lang: Lang): string {
  const later = report.years.slice(1);
  const head = [t(lang, 'col/region'), t(lang, 'report/col-baseline', { year: report.baselineYear }), ...later.map(String), t(lang, 'col/status'), ...progressHead(report, lang)];
  const rows = ind.regions.map((rr) => {
    const values = rr.values.slice(1).map((v) => num(`${valueText(v.value, ind, lang)}${v.derived && v.value !== null ? '*' : ''}`));
    return `<tr><td class="region">${h(rr.region.name)}</td>${baselineCell(rr, ind, lang)}${values.join('')}${st(rr.status, lang)}${progressCells(rr.progress, ind, lang, report.stage === 'final')}</tr>`;
  });
  return `<table class="series"><thead><tr>${head.map(th).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function parts(ind: IndicatorReport, report: Report, ctx: FormatContext): string {
  const { lang } = ctx;
  const rows = ind.regions.flatMap((rr) =>
    (rr.parts ?? []).map((p) => `<tr><td class="region">${h(rr.region.name)}</td><td>${h(p.text)}</td>${num(formatFigure(p.progress.baseline, ind, lang))}${num(valueText(p.value, ind, lang))}${st(p.status, lang)}${progressCells(p.progress, ind, lang, report.stage === 'final')}</tr>`),
  );
  if (!rows.length) return '';
  const head = [t(lang, 'col/region'), t(lang, 'report/col-part'), t(lang, 'report/col-baseline', { year: report.baselineYear }), t(lang, 'col/value'), t(lang, 'col/status'), ...progressHead(report, lang)];
  return `<table class="parts"><caption>${h(t(lang, 'report/parts'))}</caption><thead><tr>${head.map(th).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function units(ind: IndicatorReport, report: Report, lang: Lang): string {
  const withUnits = ind.regions.filter((rr) => rr.units?.length || noUnitHasData(rr));
  if (!withUnits.length) return '';
  const head = [t(lang, 'col/region'), t(lang, 'col/unit'), t(lang, 'report/col-baseline', { year: report.baselineYear }), t(lang, 'col/value'), t(lang, 'col/status'), ...progressHead(report, lang)];
  return withUnits
    .map((rr) => {
      if (noUnitHasData(rr)) return `<p class="units">${h(rr.region.name)} — ${h(noUnitDataText(ind, rr, report, lang))}</p>`;
      const rows = rr.units!.map((u) => `<tr><td class="region">${h(rr.region.name)}</td><td>${h(u.region.name)}</td>${num(formatFigure(u.progress.baseline, ind, lang))}${num(valueText(u.value, ind, lang))}${st(u.status, lang)}${progressCells(u.progress, ind, lang, report.stage === 'final')}</tr>`);
      return `<table class="units"><caption>${h(rr.region.name)} — ${h(t(lang, 'report/units', { count: rr.unitCount ?? 0 }))}</caption><thead><tr>${head.map(th).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
    })
    .join('\n');
}

function breakdowns(ind: IndicatorReport, report: Report, lang: Lang): string {
  const out: string[] = [];
  for (const by of ['sex', 'residence'] as const) {
    const rows = ind.regions.flatMap((rr) =>
      rr.breakdowns
        .filter((b) => b.by === by)
        .flatMap((b) => b.parts.map((p) => `<tr><td class="region">${h(rr.region.name)}</td><td>${h(t(lang, `part/${p.part}`))}</td>${p.values.map((v) => num(`${valueText(v.value, ind, lang)}${v.derived && v.value !== null ? '*' : ''}`)).join('')}</tr>`)),
    );
    if (!rows.length) continue;
    const head = [t(lang, 'col/region'), t(lang, 'report/col-part'), ...report.years.map(String)];
    out.push(`<table class="breakdown"><caption>${h(t(lang, `report/breakdown-${by}`))}</caption><thead><tr>${head.map(th).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`);
  }
  return out.join('\n');
}

function indicatorNotes(ind: IndicatorReport, report: Report, lang: Lang): string {
  const mine = report.notes.filter((n) => n.id === ind.id);
  if (!mine.length) return '';
  return `<ul class="notes">${noteLines(mine, lang).map((line) => `<li>${h(line)}</li>`).join('')}</ul>`;
}

function notes(report: Report, lang: Lang): string {
  const out = [`<section id="notes"><h2>${h(t(lang, 'annex/notes'))}</h2>`];
  if (report.notes.length === 0) out.push(`<p>${h(t(lang, 'report/notes-none'))}</p>`);
  else {
    const head = [t(lang, 'col/indicator'), t(lang, 'col/region'), t(lang, 'report/col-years'), t(lang, 'col/notes')];
    out.push(`<table class="notes"><thead><tr>${head.map(th).join('')}</tr></thead><tbody>`);
    for (const n of report.notes) out.push(`<tr><td><a href="#${h(indId(n.id))}">${h(n.name)}</a></td><td class="region">${h(n.region.name)}</td><td>${h(n.years.join('、'))}</td><td>${h(n.note)}</td></tr>`);
    out.push('</tbody></table>');
  }
  const problems = report.diagnostics.filter((d) => d.severity !== 'info');
  if (problems.length) out.push(`<h3>${h(t(lang, 'report/diagnostics'))}</h3><ul class="notes">${problems.map((d) => `<li>${h(formatDiagnostic(d, lang))}</li>`).join('')}</ul>`);
  out.push('</section>');
  return out.join('\n');
}
