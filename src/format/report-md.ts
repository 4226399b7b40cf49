// The evaluation report as Markdown tables: the same content as the HTML report (the
// charts' figures are in the tables), for a CI job's step summary or a Word document.
import { formatDiagnostic, t, type Lang } from '../i18n/index.js';
import { PROGRESS_CLASSES, type Progress } from '../engine/progress.js';
import { unitIn } from '../i18n/units.js';
import { STATUSES } from '../engine/verdict.js';
import type { Counts, IndicatorReport, RegionReport, Report } from '../report/model.js';
import { mdCell } from './markdown.js';
import type { Block } from './report-doc.js';
import { narrativeBlocks } from './report-narrative.js';
import type { FormatContext } from './records.js';
import { areaName, classLabel, formatFigure, formatPace, formatRatio, indicatorName, methodParagraphs, noUnitDataText, noUnitHasData, noteLines, reportMeta, reportTitle, riskPlace, targetWords, valueText, yearShown } from './report-words.js';
import { statusLabel, type Shown } from './words.js';

/** The document's blocks (the narrative) as Markdown; its level-1 headings are the report's ## sections. */
export function blocksMd(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading') out.push(`${'#'.repeat(b.level + 1)} ${mdCell(b.text)}`, '');
    else if (b.kind === 'paragraph') out.push(mdCell(b.text), '');
    else if (b.kind === 'list') out.push(...b.items.map((x) => `- ${mdCell(x)}`), '');
    else {
      if (b.caption) out.push(`**${mdCell(b.caption)}**`, '');
      out.push(...table(b.head, b.rows, (i) => b.numeric?.includes(i) ?? false), '');
    }
  }
  return out;
}

const row = (cells: readonly string[]) => `| ${cells.map(mdCell).join(' | ')} |`;

function table(head: readonly string[], rows: ReadonlyArray<readonly string[]>, numeric: (i: number) => boolean = () => false): string[] {
  return [row(head), `|${head.map((_, i) => (numeric(i) ? '---:' : '---')).join('|')}|`, ...rows.map(row)];
}

export function formatReportMd(report: Report, ctx: FormatContext): string {
  const { lang } = ctx;
  const out: string[] = [`# ${mdCell(reportTitle(report, lang))}`, '', mdCell(reportMeta(report, lang)), ''];
  out.push(`${mdCell(t(lang, 'col/region'))}：${mdCell(report.regions.map((r) => r.name).join('、'))}`, '');
  out.push(...blocksMd(narrativeBlocks(report, ctx)));
  out.push(...summary(report, lang));
  out.push(...grid(report, lang));
  out.push(`## ${mdCell(t(lang, 'annex/areas'))}`, '');
  for (const a of report.areas) {
    out.push(`### ${mdCell(areaName(a.area, lang))}`, '');
    for (const ind of a.indicators) out.push(...indicator(ind, report, ctx));
  }
  out.push(...notes(report, lang));
  out.push(`## ${mdCell(t(lang, 'report/method'))}`, '', ...methodParagraphs(report, lang).flatMap((x) => [mdCell(x), '']), mdCell(t(lang, 'report/derived-mark')), '');
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

const countCells = (c: Counts, final: boolean) => [String(c.total), ...STATUSES.map((s) => String(c.byStatus[s])), ...(final ? [] : PROGRESS_CLASSES.map((k) => String(c.byClass[k])))];

function summary(report: Report, lang: Lang): string[] {
  const s = report.summary;
  const out = [`## ${mdCell(t(lang, 'annex/summary'))}`, ''];
  out.push(mdCell(t(lang, 'report/summary-text', { year: report.year, total: s.total, met: s.byStatus.met, notMet: s.byStatus['not-met'], noData: s.byStatus['no-data'], invalid: s.byStatus.invalid, na: s.byStatus['not-applicable'] })), '');
  out.push(...table([t(lang, 'report/by-status'), t(lang, 'report/col-count')], STATUSES.map((x) => [statusLabel(x, lang), String(s.byStatus[x])]), (i) => i === 1), '');
  // The final report judges achieved or not: no progress classes, no risk, no projection.
  const final = report.stage === 'final';
  if (!final) out.push(...table([t(lang, 'report/by-class', { final: report.finalYear }), t(lang, 'report/col-count')], PROGRESS_CLASSES.map((k) => [classLabel(k, lang), String(s.byClass[k])]), (i) => i === 1), '');
  out.push(`### ${mdCell(t(lang, 'report/by-area'))}`, '');
  const head = [t(lang, 'col/area'), t(lang, 'report/col-total'), ...STATUSES.map((x) => statusLabel(x, lang)), ...(final ? [] : PROGRESS_CLASSES.map((k) => classLabel(k, lang)))];
  const rows = [...s.byArea.map((a) => [areaName(a.area, lang), ...countCells(a, final)]), [t(lang, 'report/col-total'), ...countCells(s, final)]];
  out.push(...table(head, rows, (i) => i > 0), '');
  if (final) return out;
  out.push(`### ${mdCell(t(lang, 'report/at-risk', { final: report.finalYear }))}`, '');
  if (report.atRisk.length === 0) out.push(mdCell(t(lang, 'report/at-risk-none')), '');
  else {
    const riskHead = [
      t(lang, 'col/no'), t(lang, 'col/indicator'), t(lang, 'col/region'), t(lang, 'col/status'), t(lang, 'report/col-progress'),
      t(lang, 'report/col-baseline', { year: report.baselineYear }), t(lang, 'col/value'), t(lang, 'col/target'),
      t(lang, 'report/col-required'), t(lang, 'report/col-actual'), t(lang, 'report/col-ratio'), t(lang, 'report/col-projected', { year: report.finalYear }),
    ];
    const riskRows = report.atRisk.map((x, i) => {
      const p = x.progress;
      return [String(i + 1), indicatorName(x, lang), riskPlace(x, lang), statusLabel(x.status, lang), classLabel(p.class, lang), formatFigure(p.baseline, x, lang), formatFigure(p.current, x, lang), formatFigure(p.target, x, lang), ...paceCells(p, x, lang)];
    });
    out.push(...table(riskHead, riskRows, (i) => i === 0 || i >= 5), '');
  }
  return out;
}

function grid(report: Report, lang: Lang): string[] {
  const out = [`## ${mdCell(t(lang, 'annex/grid', { year: report.year }))}`, ''];
  const rows: string[][] = [];
  for (const a of report.areas) {
    rows.push([`**${areaName(a.area, lang)}**`, ...report.regions.map(() => '')]);
    for (const ind of a.indicators) {
      rows.push([indicatorName(ind, lang), ...report.regions.map((region) => {
        const rr = ind.regions.find((x) => x.region.code === region.code);
        return rr ? statusLabel(rr.status, lang) : '';
      })]);
    }
  }
  out.push(...table([t(lang, 'col/indicator'), ...report.regions.map((r) => r.name)], rows), '');
  return out;
}

const paceCells = (p: Progress, unit: Shown, lang: Lang) => [formatPace(p.required, p, unit, lang), formatPace(p.actual, p, unit, lang), formatRatio(p.ratio), formatFigure(p.projected, unit, lang)];

/** The progress columns (class, paces, ratio, projection); none in the final report. */
const progressCells = (report: Report, p: Progress, unit: Shown, lang: Lang) => (report.stage === 'final' ? [] : [classLabel(p.class, lang), ...paceCells(p, unit, lang)]);

const progressHead = (report: Report, lang: Lang) => report.stage === 'final' ? [] : [
  t(lang, 'report/col-progress'), t(lang, 'report/col-required'), t(lang, 'report/col-actual'), t(lang, 'report/col-ratio'), t(lang, 'report/col-projected', { year: report.finalYear }),
];

function baselineText(rr: RegionReport, unit: Shown, lang: Lang): string {
  const p = rr.progress;
  const first = rr.values[0];
  if (p.baseline !== null) return `${valueText(p.baseline, unit, lang)}${p.baselineFrom === 'plan' ? t(lang, 'report/from-plan') : first?.derived ? '*' : ''}`;
  return first ? `${valueText(first.value, unit, lang)}${first.derived && first.value !== null ? '*' : ''}` : '—';
}

function indicator(ind: IndicatorReport, report: Report, ctx: FormatContext): string[] {
  const { lang } = ctx;
  const words = targetWords(ind, ctx);
  const unit = unitIn(ind.unit, lang);
  const out = [`#### ${mdCell(indicatorName(ind, lang))}${unit ? `（${mdCell(unit)}）` : ''}`, ''];
  const bits = [t(lang, 'report/target', { final: report.finalYear, text: words.text })];
  if (words.rule !== words.text) bits.push(t(lang, 'report/rule', { rule: words.rule }));
  if (ind.planBaseline) bits.push(t(lang, 'report/plan-baseline', { value: valueText(ind.planBaseline.value, ind, lang), year: ind.planBaseline.year }));
  out.push(bits.map(mdCell).join('；'), '');

  const later = report.years.slice(1);
  const head = [t(lang, 'col/region'), t(lang, 'report/col-baseline', { year: report.baselineYear }), ...later.map(String), t(lang, 'col/status'), ...progressHead(report, lang)];
  const rows = ind.regions.map((rr) => [
    rr.region.name,
    baselineText(rr, ind, lang),
    ...rr.values.slice(1).map((v) => `${valueText(v.value, yearShown(v, rr, ind), lang)}${v.derived && v.value !== null ? '*' : ''}`),
    statusLabel(rr.status, lang),
    ...progressCells(report, rr.progress, ind, lang),
  ]);
  const numeric = (i: number) => i >= 1 && i <= later.length + 1 ? true : i > later.length + 3;
  out.push(...table(head, rows, numeric), '');

  const partRows = ind.regions.flatMap((rr) =>
    (rr.parts ?? []).map((p) => [rr.region.name, p.text, formatFigure(p.progress.baseline, ind, lang), valueText(p.value, ind, lang), statusLabel(p.status, lang), ...progressCells(report, p.progress, ind, lang)]),
  );
  if (partRows.length) {
    out.push(`**${mdCell(t(lang, 'report/parts'))}**`, '');
    out.push(...table([t(lang, 'col/region'), t(lang, 'report/col-part'), t(lang, 'report/col-baseline', { year: report.baselineYear }), t(lang, 'col/value'), t(lang, 'col/status'), ...progressHead(report, lang)], partRows), '');
  }
  for (const rr of ind.regions.filter((x) => x.units?.length || noUnitHasData(x))) {
    if (noUnitHasData(rr)) {
      out.push(`**${mdCell(rr.region.name)} — ${mdCell(noUnitDataText(ind, rr, report, lang))}**`, '');
      continue;
    }
    out.push(`**${mdCell(rr.region.name)} — ${mdCell(t(lang, 'report/units', { count: rr.unitCount ?? 0 }))}**`, '');
    const unitRows = rr.units!.map((u) => [u.region.name, formatFigure(u.progress.baseline, ind, lang), valueText(u.value, ind, lang), statusLabel(u.status, lang), ...progressCells(report, u.progress, ind, lang)]);
    out.push(...table([t(lang, 'col/unit'), t(lang, 'report/col-baseline', { year: report.baselineYear }), t(lang, 'col/value'), t(lang, 'col/status'), ...progressHead(report, lang)], unitRows), '');
  }
  for (const by of ['sex', 'residence'] as const) {
    const bRows = ind.regions.flatMap((rr) =>
      rr.breakdowns.filter((b) => b.by === by).flatMap((b) => b.parts.map((p) => [rr.region.name, t(lang, `part/${p.part}`), ...p.values.map((v) => `${valueText(v.value, ind, lang)}${v.derived && v.value !== null ? '*' : ''}`)])),
    );
    if (!bRows.length) continue;
    out.push(`**${mdCell(t(lang, `report/breakdown-${by}`))}**`, '');
    out.push(...table([t(lang, 'col/region'), t(lang, 'report/col-part'), ...report.years.map(String)], bRows, (i) => i >= 2), '');
  }
  const mine = report.notes.filter((n) => n.id === ind.id);
  for (const line of noteLines(mine, lang)) out.push(`- ${mdCell(line)}`);
  if (mine.length) out.push('');
  out.push(mdCell(t(lang, 'report/source', { source: ind.source })), '');
  return out;
}

function notes(report: Report, lang: Lang): string[] {
  const out = [`## ${mdCell(t(lang, 'annex/notes'))}`, ''];
  if (report.notes.length === 0) out.push(mdCell(t(lang, 'report/notes-none')), '');
  else out.push(...table([t(lang, 'col/indicator'), t(lang, 'col/region'), t(lang, 'report/col-years'), t(lang, 'col/notes')], report.notes.map((n) => [n.name, n.region.name, n.years.join('、'), n.note])), '');
  const problems = report.diagnostics.filter((d) => d.severity !== 'info');
  if (problems.length) {
    out.push(`### ${mdCell(t(lang, 'report/diagnostics'))}`, '');
    for (const d of problems) out.push(`- ${mdCell(formatDiagnostic(d, lang))}`);
    out.push('');
  }
  return out;
}
