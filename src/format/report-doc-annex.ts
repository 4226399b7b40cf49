// The report's tables as document blocks (附表), for the Word document: results by area,
// the at-risk list, status by region, and each area's values by region and year.
// (The HTML and Markdown reports draw their own, richer annexes.)
import { t } from '../i18n/index.js';
import { PROGRESS_CLASSES } from '../engine/progress.js';
import { STATUSES } from '../engine/verdict.js';
import type { Counts, Report } from '../report/model.js';
import { heading, paragraph, type Block } from './report-doc.js';
import type { FormatContext } from './records.js';
import { areaName, classLabel, formatFigure, formatPace, formatRatio, indicatorName, methodNote, valueText } from './report-words.js';
import { statusLabel } from './words.js';

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

export function annexBlocks(report: Report, ctx: FormatContext): Block[] {
  const { lang } = ctx;
  const out: Block[] = [heading(1, t(lang, 'nar/part-annex'), 'annex')];
  const counts = (c: Counts) => [String(c.total), ...STATUSES.map((s) => String(c.byStatus[s])), ...PROGRESS_CLASSES.map((k) => String(c.byClass[k]))];
  const countHead = [t(lang, 'col/area'), t(lang, 'report/col-total'), ...STATUSES.map((x) => statusLabel(x, lang)), ...PROGRESS_CLASSES.map((k) => classLabel(k, lang))];
  out.push(heading(2, t(lang, 'docx/annex-summary')));
  out.push({
    kind: 'table',
    head: countHead,
    rows: [...report.summary.byArea.map((a) => [areaName(a.area, lang), ...counts(a)]), [t(lang, 'report/col-total'), ...counts(report.summary)]],
    numeric: range(1, countHead.length),
  });

  out.push(heading(2, t(lang, 'docx/annex-risk', { final: report.finalYear })));
  if (report.atRisk.length === 0) out.push(paragraph(t(lang, 'report/at-risk-none')));
  else {
    const head = [
      t(lang, 'col/no'), t(lang, 'col/indicator'), t(lang, 'col/region'), t(lang, 'report/col-progress'),
      t(lang, 'report/col-baseline', { year: report.baselineYear }), t(lang, 'col/value'), t(lang, 'col/target'),
      t(lang, 'report/col-required'), t(lang, 'report/col-actual'), t(lang, 'report/col-ratio'), t(lang, 'report/col-projected', { year: report.finalYear }),
    ];
    const rows = report.atRisk.map((x, i) => {
      const p = x.progress;
      return [String(i + 1), indicatorName(x, lang), x.region.name, classLabel(p.class, lang), formatFigure(p.baseline, x, lang), formatFigure(p.current, x, lang), formatFigure(p.target, x, lang), formatPace(p.required, p, x, lang), formatPace(p.actual, p, x, lang), formatRatio(p.ratio), formatFigure(p.projected, x, lang)];
    });
    out.push({ kind: 'table', head, rows, numeric: [0, ...range(4, head.length)] });
  }

  out.push(heading(2, t(lang, 'docx/annex-grid', { year: report.year })));
  out.push({
    kind: 'table',
    head: [t(lang, 'col/indicator'), ...report.regions.map((r) => r.name)],
    rows: report.areas.flatMap((a) => a.indicators.map((ind) => [indicatorName(ind, lang), ...report.regions.map((region) => {
      const rr = ind.regions.find((x) => x.region.code === region.code);
      return rr ? statusLabel(rr.status, lang) : '';
    })])),
  });

  out.push(heading(2, t(lang, 'docx/annex-series', { n: 4, from: report.baselineYear, to: report.year })));
  for (const a of report.areas) {
    const head = [t(lang, 'col/indicator'), t(lang, 'col/region'), ...report.years.map(String), t(lang, 'col/status'), t(lang, 'report/col-progress')];
    const rows = a.indicators.flatMap((ind) => ind.regions.map((rr) => [indicatorName(ind, lang), rr.region.name, ...rr.values.map((v) => `${valueText(v.value, ind, lang)}${v.derived && v.value !== null ? '*' : ''}`), statusLabel(rr.status, lang), classLabel(rr.progress.class, lang)]));
    out.push({ kind: 'table', caption: areaName(a.area, lang), head, rows, numeric: range(2, 2 + report.years.length) });
  }
  out.push(paragraph(t(lang, 'report/derived-mark'), true), paragraph(methodNote(report, lang), true));
  return out;
}
