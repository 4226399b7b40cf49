// plancheck report <data…> --stage midterm|final: the mid-term or final evaluation report,
// as HTML, Markdown, JSON, Word and the annex tables as an Excel workbook (-o, repeatable); Markdown on stdout without -o.
// Exit 0 when written (a report is not a pass/fail check), 2 on bad usage or bad input,
// in which case nothing is written.
import { resolve } from 'node:path';
import { PlancheckError } from '../../diagnostics.js';
import type { ProgressMethod } from '../../engine/progress.js';
import { t, type Lang } from '../../i18n/index.js';
import { formatReportHtml } from '../../format/report-html.js';
import { formatReportJson } from '../../format/report-json.js';
import { formatReportMd } from '../../format/report-md.js';
import { formatReportXlsx } from '../../format/report-xlsx.js';
import { buildReport, stageYear } from '../../report/build.js';
import type { Report } from '../../report/model.js';
import type { FormatContext } from '../../format/index.js';
import type { Io } from '../io.js';
import { parseBaseline, parseYear, resolveRegions } from '../options.js';
import { baselineDifferences } from '../../quality/baseline.js';
import { describer } from '../../quality/describe.js';
import { printDiagnostics } from '../output.js';
import { openRunFindings, planDiagnosticsFile } from '../diagnostics-output.js';
import { readPlan } from '../plan-files.js';
import { chartRasterizer } from '../chart-png.js';
import { planReportOutputs, type ReportFormat } from '../report-output.js';
import type { LayoutChoice } from '../../ingest/layout.js';
import { reportEvaluatedSomething } from '../empty-run.js';
import { prepareInputs, readPrepared } from '../returns.js';
import { runInfo } from '../run-info.js';
import type { CommonOptions } from './common.js';
import { formatContext } from './common.js';

export interface ReportOptions extends CommonOptions {
  stage: 'midterm' | 'final';
  regions?: string;
  year?: string;
  region?: string[];
  method?: 'linear' | 'cagr';
  baseline?: string;
  output?: string[];
  sheet?: string;
  layout?: LayoutChoice;
  diagnostics?: string;
  issuer?: string;
  /** false with --no-placeholders. */
  placeholders?: boolean;
}

// A formatter may return bytes (a Word document, a workbook); docx and exceljs are loaded only when a run asks for them.
type ReportFormatter = (r: Report, ctx: FormatContext, io: Io) => string | Uint8Array | Promise<string | Uint8Array>;
const FORMATTERS: Record<ReportFormat, ReportFormatter> = {
  html: formatReportHtml,
  md: formatReportMd,
  json: formatReportJson,
  xlsx: formatReportXlsx,
  docx: async (r, ctx, io) => {
    const rasterize = chartRasterizer(io, ctx.lang);
    return (await import('../../format/report-docx.js')).formatReportDocx(r, ctx, { date: ctx.run?.date ?? today(io), ...(ctx.report?.issuer ? { issuer: ctx.report.issuer } : {}), ...(rasterize ? { rasterize } : {}) });
  },
};

/** The title page's date: today, or SOURCE_DATE_EPOCH's day for a reproducible file. */
function today(io: Io): string {
  const epoch = Number(io.env.SOURCE_DATE_EPOCH);
  return (io.env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? new Date(epoch * 1000) : new Date()).toISOString().slice(0, 10);
}

export async function runReport(io: Io, data: string[], opts: ReportOptions): Promise<number> {
  if (opts.stage !== 'midterm' && opts.stage !== 'final') throw new PlancheckError('cli/bad-option', { option: '--stage', value: String(opts.stage), allowed: 'midterm, final' });
  const method = parseMethod(opts.method);
  const baseline = parseBaseline(opts.baseline);
  const yearOption = parseYear(opts.year);
  const run = runInfo(io, data, opts.regions);
  if (yearOption === 'all') throw new PlancheckError('cli/bad-option', { option: '--year', value: 'all', allowed: 'YYYY' });
  const { plan, diagnostics: planDiagnostics } = await readPlan(io, opts.plan);
  const prepared = prepareInputs(io, plan, data, opts.regions, {
    ...(opts.sheet !== undefined ? { sheet: opts.sheet } : {}),
    ...(opts.layout !== undefined ? { layout: opts.layout } : {}),
    ...(typeof yearOption === 'number' ? { year: yearOption } : {}),
  });
  const files = planReportOutputs(io, opts.output ?? [], prepared.inputPaths);
  const diagnosticsFile = planDiagnosticsFile(io, opts.diagnostics, prepared.inputPaths, opts.output);
  const ctx = { ...formatContext(io, plan, opts), color: false, run, report: { placeholders: opts.placeholders !== false, ...(opts.issuer?.trim() ? { issuer: opts.issuer.trim() } : {}) } };
  // Findings are bounded in memory and go to the --diagnostics file as they come, from the reading on.
  const found = await openRunFindings(io, diagnosticsFile, ctx.lang);
  const { findings } = found;
  let report: Report | undefined;
  let evaluated: boolean;
  try {
    findings.push(...planDiagnostics);
    const inputs = await readPrepared(plan, prepared, findings);
    const regions = resolveRegions(opts.region, inputs.regions);
    findings.push(...baselineDifferences(plan, inputs.regions, inputs.cells, describer(plan, inputs.regions, ctx.lang), baseline));
    const diagnostics = findings.list;
    report = findings.hasErrors ? undefined : buildReport(plan, inputs.regions, inputs.cells, {
      stage: opts.stage,
      year: yearOption ?? stageYear(plan, opts.stage),
      method,
      baseline,
      ...(regions ? { regions } : {}),
    }, diagnostics);
    // A report on nothing is an error, and nothing is written.
    evaluated = report !== undefined && reportEvaluatedSomething(plan, inputs, report, regions, findings);
    printDiagnostics(io, diagnostics, ctx.lang, opts.quiet === true);
    // The file also names every unit a unit-level target found without data, which the report may only count.
    found.finish(diagnosticsFile && report ? report.unitsWithoutData : []);
  } catch (e) {
    found.abandon();
    throw e;
  }
  if (!report || !evaluated || findings.hasErrors) return 2;
  // Every file is formatted before the first is written: a failure leaves none behind half-done.
  const texts: Array<{ path: string; text: string | Uint8Array }> = [];
  for (const f of files) texts.push({ path: f.path, text: await FORMATTERS[f.format](report, ctx, io) });
  for (const f of texts) io.writeFileAtomic(resolve(io.cwd, f.path), f.text);
  if (files.length === 0) io.stdout(formatReportMd(report, ctx));
  else if (!opts.quiet) {
    io.stdout(`${stdoutSummary(report, ctx.lang)}\n`);
    for (const f of files) io.stderr(`${t(ctx.lang, 'report/wrote', { path: f.path })}\n`);
  }
  return 0;
}

/** The line a written report leaves on stdout: the mid-term's progress classes, or the final's achieved or not. */
function stdoutSummary(report: Report, lang: Lang): string {
  const stage = t(lang, `report/stage-${report.stage}`);
  const s = report.summary.byStatus;
  if (report.stage === 'final') {
    const na = s['not-applicable'] > 0 ? t(lang, 'report/stdout-summary-not-applicable', { n: s['not-applicable'] }) : '';
    return `${t(lang, 'report/stdout-summary-final', { stage, year: report.year, total: report.summary.total, met: s.met, notMet: s['not-met'], unknown: s['no-data'] + s.invalid })}${na}`;
  }
  const c = report.summary.byClass;
  return t(lang, 'report/stdout-summary', {
    stage,
    year: report.year,
    total: report.summary.total,
    achieved: c.achieved,
    onTrack: c['on-track'],
    speedUp: c['speed-up'],
    limited: c.limited,
    movingAway: c['moving-away'],
    unknown: c.unknown,
  });
}

function parseMethod(s: string | undefined): ProgressMethod {
  const v = s ?? 'linear';
  if (v === 'linear' || v === 'cagr') return v;
  throw new PlancheckError('cli/bad-option', { option: '--method', value: v, allowed: 'linear, cagr' });
}
