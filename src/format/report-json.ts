// The report's data as JSON (src/schema/report.schema.json): per indicator and region the
// status, the values by year and `progress` with every figure behind its class.
import { significantNumbers } from '../text/significant.js';
import { omittedKinds } from '../diagnostics.js';
import { diagnosticMessage, t } from '../i18n/index.js';
import type { Progress } from '../engine/progress.js';
import type { Report } from '../report/model.js';
import type { FormatContext } from './records.js';
import { areaName, targetWords } from './report-words.js';
import { say } from './detail.js';

const progressRecord = (p: Progress) => ({
  class: p.class,
  method: p.method,
  ratio: p.ratio,
  required: p.required,
  actual: p.actual,
  projected: p.projected,
  baseline: p.baseline,
  baselineYear: p.baselineYear,
  baselineFrom: p.baselineFrom,
  current: p.current,
  year: p.year,
  target: p.target,
  finalYear: p.finalYear,
  reason: p.reason,
});

export function reportRecord(report: Report, ctx: FormatContext) {
  const { lang } = ctx;
  return {
    plan: report.plan,
    stage: report.stage,
    year: report.year,
    baselineYear: report.baselineYear,
    finalYear: report.finalYear,
    method: report.method,
    baseline: report.baseline,
    years: report.years,
    regions: report.regions,
    summary: {
      total: report.summary.total,
      byStatus: report.summary.byStatus,
      byClass: report.summary.byClass,
      byArea: report.summary.byArea.map((a) => ({ area: a.area.id, name: areaName(a.area, lang), total: a.total, byStatus: a.byStatus, byClass: a.byClass })),
    },
    atRisk: report.atRisk.map((x) => ({ id: x.id, name: x.name, area: x.area, region: x.region, status: x.status, progress: progressRecord(x.progress) })),
    warnings: (report.warnings ?? []).map((x) => ({ id: x.id, name: x.name, area: x.area, region: x.region, progress: progressRecord(x.progress) })),
    indicators: report.areas.flatMap((a) =>
      a.indicators.map((ind) => ({
        id: ind.id,
        name: ind.name,
        area: ind.area,
        areaName: areaName(a.area, lang),
        main: ind.main ?? null,
        unit: ind.unit,
        direction: ind.direction,
        target: { kind: ind.target.kind, text: ind.text, description: targetWords(ind, ctx).rule },
        planBaseline: ind.planBaseline ? { year: ind.planBaseline.year, value: ind.planBaseline.value } : null,
        results: ind.regions.map((rr) => ({
          region: rr.region,
          status: rr.status,
          value: rr.value,
          gap: rr.gap,
          threshold: rr.threshold,
          derived: rr.derived,
          values: rr.values,
          progress: progressRecord(rr.progress),
          ...(rr.parts ? { parts: rr.parts.map((p) => ({ part: p.part, text: p.text, status: p.status, value: p.value, progress: progressRecord(p.progress) })) } : {}),
          ...(rr.units ? { units: rr.units.map((u) => ({ region: u.region, status: u.status, value: u.value, progress: progressRecord(u.progress) })), unitCount: rr.unitCount ?? 0, missingUnitCount: rr.missingUnitCount ?? 0 } : {}),
          breakdowns: rr.breakdowns,
          notes: rr.notes,
          ...(rr.reason ? { reason: { code: rr.reason.code, text: say(rr.reason, ind, ctx) } } : {}),
        })),
      })),
    ),
    notes: report.notes,
    diagnostics: report.diagnostics.map((d) => ({
      severity: d.severity,
      code: d.code,
      file: d.file ?? null,
      line: d.line ?? null,
      column: d.column ?? null,
      message: diagnosticMessage(d, lang),
    })),
    // Kinds of findings kept in part (FINDINGS_KEPT of a kind): their exact counts.
    omittedFindings: omittedKinds(report.diagnostics),
  };
}

export const formatReportJson = (report: Report, ctx: FormatContext): string => `${JSON.stringify(reportRecord(report, ctx), significantNumbers, 2)}\n`;
