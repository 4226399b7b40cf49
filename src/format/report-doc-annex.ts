// The report's tables as document blocks (附表), for the Word document, numbered as the
// HTML and Markdown reports number them (annex/* in src/i18n/narrative.ts): 附表1 the
// results by area (and, mid-term, the targets at risk), 附表2 status by region, 附表3 each
// area's values by region and year with the parts, the 分性别 and 分城乡 values and the
// plan's own words, 附表4 the returns' notes and the data problems.
import { formatDiagnostic, t } from '../i18n/index.js';
import { PROGRESS_CLASSES } from '../engine/progress.js';
import { STATUSES } from '../engine/verdict.js';
import type { Counts, Report } from '../report/model.js';
import { heading, list, paragraph, type Block } from './report-doc.js';
import type { FormatContext } from './records.js';
import { areaName, classLabel, formatFigure, formatPace, formatRatio, indicatorName, methodNote, riskPlace, valueText, yearShown } from './report-words.js';
import { statusLabel, type Shown } from './words.js';

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

export function annexBlocks(report: Report, ctx: FormatContext): Block[] {
  const { lang } = ctx;
  const final = report.stage === 'final';
  const out: Block[] = [heading(1, t(lang, 'nar/part-annex'), 'annex')];
  // The final report judges achieved or not: no progress classes, no risk, no projection.
  const counts = (c: Counts) => [String(c.total), ...STATUSES.map((s) => String(c.byStatus[s])), ...(final ? [] : PROGRESS_CLASSES.map((k) => String(c.byClass[k])))];
  const countHead = [t(lang, 'col/area'), t(lang, 'report/col-total'), ...STATUSES.map((x) => statusLabel(x, lang)), ...(final ? [] : PROGRESS_CLASSES.map((k) => classLabel(k, lang)))];
  out.push(heading(2, t(lang, 'annex/summary')));
  out.push({
    kind: 'table',
    head: countHead,
    rows: [...report.summary.byArea.map((a) => [areaName(a.area, lang), ...counts(a)]), [t(lang, 'report/col-total'), ...counts(report.summary)]],
    numeric: range(1, countHead.length),
    wide: true,
  });

  if (!final) {
    const caption = t(lang, 'report/at-risk', { final: report.finalYear });
    if (report.atRisk.length === 0) out.push(paragraph(`${caption}：${t(lang, 'report/at-risk-none')}`));
    else {
      const head = [
        t(lang, 'col/no'), t(lang, 'col/indicator'), t(lang, 'col/region'), t(lang, 'report/col-progress'),
        t(lang, 'report/col-baseline', { year: report.baselineYear }), t(lang, 'col/value'), t(lang, 'col/target'),
        t(lang, 'report/col-required'), t(lang, 'report/col-actual'), t(lang, 'report/col-ratio'), t(lang, 'report/col-projected', { year: report.finalYear }),
      ];
      const rows = report.atRisk.map((x, i) => {
        const p = x.progress;
        return [String(i + 1), indicatorName(x, lang), riskPlace(x, lang), classLabel(p.class, lang), formatFigure(p.baseline, x, lang), formatFigure(p.current, x, lang), formatFigure(p.target, x, lang), formatPace(p.required, p, x, lang), formatPace(p.actual, p, x, lang), formatRatio(p.ratio), formatFigure(p.projected, x, lang)];
      });
      out.push({ kind: 'table', caption, head, rows, numeric: [0, ...range(4, head.length)], wide: true });
    }
  }

  out.push(heading(2, t(lang, 'annex/grid', { year: report.year })));
  out.push({
    kind: 'table',
    head: [t(lang, 'col/indicator'), ...report.regions.map((r) => r.name)],
    rows: report.areas.flatMap((a) => a.indicators.map((ind) => [indicatorName(ind, lang), ...report.regions.map((region) => {
      const rr = ind.regions.find((x) => x.region.code === region.code);
      return rr ? statusLabel(rr.status, lang) : '';
    })])),
    wide: true,
  });

  out.push(heading(2, t(lang, 'annex/areas')));
  const mark = (v: { value: number | null | boolean; derived: boolean }) => (v.derived && v.value !== null ? '*' : '');
  for (const a of report.areas) {
    const head = [t(lang, 'col/indicator'), t(lang, 'col/region'), ...report.years.map(String), t(lang, 'col/status'), ...(final ? [] : [t(lang, 'report/col-progress')])];
    const rows = a.indicators.flatMap((ind) => ind.regions.map((rr) => [indicatorName(ind, lang), rr.region.name, ...rr.values.map((v) => `${valueText(v.value, yearShown(v, rr, ind), lang)}${mark(v)}`), statusLabel(rr.status, lang), ...(final ? [] : [classLabel(rr.progress.class, lang)])]));
    out.push({ kind: 'table', caption: areaName(a.area, lang), head, rows, numeric: range(2, 2 + report.years.length), merge: true, wide: true });
  }
  const indicators = report.areas.flatMap((a) => a.indicators);
  const partRows = indicators.flatMap((ind) => ind.regions.flatMap((rr) => (rr.parts ?? []).map((p) => [indicatorName(ind, lang), rr.region.name, p.text, valueText(p.value, ind, lang), statusLabel(p.status, lang)])));
  if (partRows.length) out.push({ kind: 'table', caption: t(lang, 'report/parts'), head: [t(lang, 'col/indicator'), t(lang, 'col/region'), t(lang, 'report/col-part'), t(lang, 'col/value'), t(lang, 'col/status')], rows: partRows, numeric: [3], merge: true, wide: true });
  for (const by of ['sex', 'residence'] as const) {
    const rows = indicators.flatMap((ind) => ind.regions.flatMap((rr) => rr.breakdowns.filter((b) => b.by === by).flatMap((b) => b.parts.map((p) => [indicatorName(ind, lang), rr.region.name, t(lang, `part/${p.part}`), ...p.values.map((v) => `${valueText(v.value, ind, lang)}${mark(v)}`)]))));
    if (rows.length) out.push({ kind: 'table', caption: t(lang, `report/breakdown-${by}`), head: [t(lang, 'col/indicator'), t(lang, 'col/region'), t(lang, 'report/col-part'), ...report.years.map(String)], rows, numeric: range(3, 3 + report.years.length), merge: true, wide: true });
  }
  out.push({
    kind: 'table',
    caption: t(lang, 'annex/plan-text'),
    head: [t(lang, 'col/indicator'), t(lang, 'col/target'), t(lang, 'annex/col-source')],
    rows: indicators.map((ind) => [indicatorName(ind, lang), ind.text, ind.source]),
    wide: true,
  });
  out.push(paragraph(t(lang, 'report/derived-mark'), true));
  if (!final) out.push(paragraph(methodNote(report, lang), true));

  out.push(heading(2, t(lang, 'annex/notes')));
  if (report.notes.length === 0) out.push(paragraph(t(lang, 'report/notes-none')));
  else out.push({ kind: 'table', head: [t(lang, 'col/indicator'), t(lang, 'col/region'), t(lang, 'report/col-years'), t(lang, 'col/notes')], rows: report.notes.map((n) => [n.name, n.region.name, n.years.join('、'), n.note]), merge: true });
  const problems = report.diagnostics.filter((d) => d.severity !== 'info');
  if (problems.length) out.push(paragraph(t(lang, 'report/diagnostics')), list(problems.map((d) => formatDiagnostic(d, lang))));
  return out;
}
