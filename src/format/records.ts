// The serialisable form of an evaluation, shared by the JSON, CSV, Markdown and
// JUnit formatters (see src/schema/results.schema.json).
import { omittedKinds } from '../diagnostics.js';
import { diagnosticMessage, t } from '../i18n/index.js';
import type { Evaluation, Result } from '../engine/evaluate.js';
import { describeTarget, detail } from './detail.js';
import { intervalFields, withIntervalFields } from './interval.js';
import type { FormatContext } from './context.js';

export type { FormatContext, RunInfo } from './context.js';

export function resultRecord(r: Result, ctx: FormatContext) {
  const area = ctx.plan.areas.find((a) => a.id === r.area);
  return {
    id: r.id,
    name: r.name,
    area: r.area,
    areaName: ctx.lang === 'en' ? (area?.nameEn ?? area?.name ?? r.area) : (area?.name ?? r.area),
    main: r.main ?? null,
    region: r.region,
    year: r.year,
    status: r.status,
    value: r.value,
    unit: r.unit,
    decimals: r.decimals ?? null,
    target: {
      kind: r.target.kind,
      text: r.target.text,
      description: describeTarget(r, ctx),
      threshold: r.threshold,
    },
    gap: r.gap,
    ...intervalFields(r),
    derived: r.derived,
    notes: r.notes,
    detail: detail(r, ctx),
    ...(r.parts ? { parts: r.parts.map(withIntervalFields) } : {}),
    ...(r.failingUnits
      ? {
          failingUnits: r.failingUnits.map(withIntervalFields),
          missingUnits: (r.missingUnits ?? []).map(withIntervalFields),
          missingUnitCount: r.missingUnitCount ?? r.missingUnits?.length ?? 0,
          unitCount: r.unitCount ?? 0,
        }
      : {}),
    ...(r.baseline ? { baseline: r.baseline } : {}),
    ...(r.change !== undefined ? { change: r.change } : {}),
    ...(r.series ? { series: r.series } : {}),
    ...(r.trend ? { trend: r.trend } : {}),
  };
}

export function evaluationRecord(e: Evaluation, ctx: FormatContext) {
  return {
    plan: { id: e.plan.id, title: e.plan.title },
    year: e.years.length === 1 ? e.years[0]! : null,
    years: e.years,
    summary: e.summary,
    results: e.results.map((r) => resultRecord(r, ctx)),
    absentIndicators: e.absentIndicators ?? [],
    diagnostics: e.diagnostics.map((d) => ({
      severity: d.severity,
      code: d.code,
      file: d.file ?? null,
      line: d.line ?? null,
      column: d.column ?? null,
      ...(d.sheet !== undefined ? { sheet: d.sheet } : {}),
      ...(d.cell !== undefined ? { cell: d.cell } : {}),
      message: diagnosticMessage(d, ctx.lang),
    })),
    // Kinds of findings kept in part (FINDINGS_KEPT of a kind): their exact counts.
    omittedFindings: omittedKinds(e.diagnostics),
  };
}
