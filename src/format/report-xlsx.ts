// The report's annex tables as an Excel workbook, in the style of the compliance table's, the
// columns people read first and the ids for programs last (not printed):
// 指标进展 (each indicator in each region: baseline, values by year, status, progress — the
// final report's without progress),
// 分组与单位 (the parts of split targets, the units failing or without data),
// 分性别与城乡 (the values by sex and by residence), 数据问题 and 说明.
import { clean } from '../engine/numbers.js';
import type { Progress } from '../engine/progress.js';
import { t, type Lang } from '../i18n/index.js';
import type { IndicatorReport, Report } from '../report/model.js';
import type { FormatContext } from './records.js';
import { areaName, classLabel, indicatorName, methodNote, noUnitDataText, noUnitHasData } from './report-words.js';
import { gapUnit, statusLabel, unitOf, type Shown } from './words.js';
import { aboutSheet, findingsSheet, newWorkbook, tableSheet, valueFormat, workbookBytes, type CellSpec } from './xlsx-book.js';

export async function formatReportXlsx(report: Report, ctx: FormatContext): Promise<Uint8Array> {
  const { lang } = ctx;
  const book = await newWorkbook(ctx.run);
  const later = report.years.slice(1);
  const indicators = report.areas.flatMap((a) => a.indicators.map((ind) => ({ area: areaName(a.area, lang), ind })));
  // The final report judges achieved or not: no progress class, pace or projection (as its 附表).
  const final = report.stage === 'final';
  const progressHead = final ? [] : progressHeads(report, lang);
  const progress = (p: Progress, ind: IndicatorReport): CellSpec[] => (final ? [] : progressCells(p, ind, lang));
  const baselineHead = t(lang, 'report/col-baseline', { year: report.baselineYear });

  // Each sheet as the report's 附表 reads: 领域, 指标, 地区, the figures, 状态 first; what else
  // people read next; the indicator id (and region code) for programs last, not printed.
  const after = (ind: IndicatorReport): CellSpec[] => [ind.main ?? null, ind.unit];
  const afterHead = [t(lang, 'col/main'), t(lang, 'col/unit')];

  const progressPeople = [t(lang, 'col/area'), t(lang, 'col/indicator'), t(lang, 'col/region'), baselineHead, ...later.map(String), t(lang, 'col/target'), t(lang, 'col/status'), ...progressHead, t(lang, 'col/notes'), ...afterHead, t(lang, 'xlsx/col-baseline-from')];
  tableSheet(
    book,
    t(lang, 'xlsx/sheet-progress'),
    [...progressPeople, t(lang, 'col/id'), t(lang, 'xlsx/col-region-code')],
    indicators.flatMap(({ area, ind }) =>
      ind.regions.map((rr): CellSpec[] => {
        const first = rr.values[0];
        const fromData = rr.progress.baseline === null && first !== undefined && first.value !== null;
        const baseline = rr.progress.baseline ?? (fromData ? first.value : null);
        const from = rr.progress.baselineFrom ?? (fromData ? 'data' : null);
        return [
          area,
          indicatorName(ind, lang, false),
          rr.region.name,
          figure(baseline, ind, lang, from === 'data' && first?.derived === true),
          ...rr.values.slice(1).map((v) => figure(v.value, ind, lang, v.derived)),
          ind.text,
          { v: statusLabel(rr.status, lang), status: rr.status },
          ...progress(rr.progress, ind),
          rr.notes.join('；'),
          ...after(ind),
          from === null ? null : t(lang, `xlsx/from-${from}`),
          ind.id,
          rr.region.code,
        ];
      }),
    ),
    { printed: progressPeople.length },
  );

  const partsPeople = [t(lang, 'col/area'), t(lang, 'col/indicator'), t(lang, 'col/region'), t(lang, 'xlsx/col-kind'), t(lang, 'xlsx/col-part-or-unit'), baselineHead, t(lang, 'col/value'), t(lang, 'col/status'), ...progressHead, ...afterHead];
  const noPace: CellSpec[] = progressHead.map(() => null);
  tableSheet(
    book,
    t(lang, 'xlsx/sheet-parts'),
    [...partsPeople, t(lang, 'col/id')],
    indicators.flatMap(({ area, ind }) =>
      ind.regions.flatMap((rr) => [
        ...(rr.parts ?? []).map((p): CellSpec[] => [area, indicatorName(ind, lang, false), rr.region.name, t(lang, 'xlsx/kind-part'), p.text, figure(p.progress.baseline, ind, lang), figure(p.value, ind, lang), { v: statusLabel(p.status, lang), status: p.status }, ...progress(p.progress, ind), ...after(ind), ind.id]),
        ...(noUnitHasData(rr) ? [[area, indicatorName(ind, lang, false), rr.region.name, t(lang, 'xlsx/kind-unit'), noUnitDataText(ind, rr, report, lang), null, null, { v: statusLabel('no-data', lang), status: 'no-data' }, ...noPace, ...after(ind), ind.id] as CellSpec[]] : []),
        ...(rr.units ?? []).map((u): CellSpec[] => [area, indicatorName(ind, lang, false), rr.region.name, t(lang, 'xlsx/kind-unit'), u.region.name, figure(u.progress.baseline, ind, lang), figure(u.value, ind, lang), { v: statusLabel(u.status, lang), status: u.status }, ...progress(u.progress, ind), ...after(ind), ind.id]),
      ]),
    ),
    { printed: partsPeople.length },
  );

  const breakdownPeople = [t(lang, 'col/area'), t(lang, 'col/indicator'), t(lang, 'col/region'), t(lang, 'xlsx/col-kind'), t(lang, 'report/col-part'), ...report.years.map(String), ...afterHead];
  tableSheet(
    book,
    t(lang, 'xlsx/sheet-breakdowns'),
    [...breakdownPeople, t(lang, 'col/id')],
    indicators.flatMap(({ area, ind }) =>
      ind.regions.flatMap((rr) =>
        rr.breakdowns.flatMap((b) => b.parts.map((p): CellSpec[] => [area, indicatorName(ind, lang, false), rr.region.name, t(lang, `report/breakdown-${b.by}`), t(lang, `part/${p.part}`), ...p.values.map((v) => figure(v.value, ind, lang, v.derived)), ...after(ind), ind.id])),
      ),
    ),
    { printed: breakdownPeople.length },
  );

  findingsSheet(book, report.diagnostics, lang);
  aboutSheet(
    book,
    [
      [t(lang, 'xlsx/about-plan'), lang === 'en' ? (report.plan.titleEn ?? report.plan.title) : report.plan.title],
      [t(lang, 'xlsx/about-stage'), t(lang, `report/stage-${report.stage}`)],
      [t(lang, 'xlsx/about-year'), report.year],
      [t(lang, final ? 'xlsx/about-method-final' : 'xlsx/about-method'), methodNote(report, lang)],
      [t(lang, 'col/derived'), t(lang, 'xlsx/about-derived')],
      [t(lang, 'xlsx/about-columns'), t(lang, 'xlsx/about-columns-text', { first: t(lang, 'col/id') })],
    ],
    ctx.run,
    lang,
  );
  return workbookBytes(book, ctx.run);
}

/** A figure in the indicator's unit; in italics when derived from sub-regions or parts. */
function figure(x: number | boolean | null, unit: Shown, lang: Lang, derived = false): CellSpec {
  return { v: x, ...(typeof x === 'number' ? { fmt: valueFormat(x, unit, lang) } : {}), ...(derived ? { italic: true } : {}) };
}

const progressHeads = (report: Report, lang: Lang) => [
  t(lang, 'report/col-progress'), t(lang, 'report/col-required'), t(lang, 'report/col-actual'), t(lang, 'report/col-ratio'), t(lang, 'report/col-projected', { year: report.finalYear }),
];

/** Class, required and actual pace, R and the projection, as the report's tables give them. */
function progressCells(p: Progress, unit: Shown, lang: Lang): CellSpec[] {
  return [
    { v: classLabel(p.class, lang), cls: p.class },
    pace(p.required, p, unit, lang),
    pace(p.actual, p, unit, lang),
    // Rounded down as the report prints it, so that R never reads as the band above its own.
    p.ratio === null ? null : { v: Math.floor(clean(p.ratio) * 1000 + 1e-9) / 1000, fmt: '0.000' },
    figure(p.projected, unit, lang),
  ];
}

/** A pace per year: in the unit (linear), or a yearly growth rate held as a fraction and shown in % (cagr). */
function pace(x: number | null, p: Pick<Progress, 'method'>, shown: Shown, lang: Lang): CellSpec {
  const unit = unitOf(shown);
  if (x === null) return null;
  const perYear = t(lang, 'report/per-year').replace(/["\\]/g, '');
  if (p.method === 'cagr') return { v: x, fmt: `+0.00%"${perYear}";-0.00%"${perYear}";0.00%"${perYear}"` };
  const u = (unit === '是/否' ? '' : gapUnit(unit, lang)).replace(/["\\]/g, '');
  const d = String(Number(Math.abs(x).toFixed(3))).split('.')[1]?.length ?? 0;
  const n = d > 0 ? `0.${'0'.repeat(d)}` : '0';
  return { v: x, fmt: `+${n}"${u}${perYear}";-${n}"${u}${perYear}";0"${u}${perYear}"` };
}
