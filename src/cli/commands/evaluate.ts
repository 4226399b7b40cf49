// plancheck evaluate <data…>: the compliance of every indicator, region and year.
import { evaluate, type Evaluation } from '../../engine/evaluate.js';
import { unitsWithoutData } from '../../engine/units-without-data.js';
import type { CellStore } from '../../model/cells.js';
import { checkQuality } from '../../quality/index.js';
import type { Io } from '../io.js';
import { parseBaseline, parseFailOn, parseYear, resolveIndicators, resolveRegions, type FailOn } from '../options.js';
import { checkFormat, checkStdoutFormat, planOutputs, printDiagnostics, writeOutputs } from '../output.js';
import { openRunFindings, planDiagnosticsFile } from '../diagnostics-output.js';
import { runInfo } from '../run-info.js';
import { readPlan } from '../plan-files.js';
import { refuseEmptyRun, scopedFindings } from '../empty-run.js';
import { prepareInputs, readPrepared, returnPlace } from '../returns.js';
import type { CommonOptions } from './common.js';
import { formatContext } from './common.js';

export interface EvaluateOptions extends CommonOptions {
  regions?: string;
  year?: string;
  region?: string[];
  indicator?: string[];
  format?: string;
  output?: string[];
  failOn?: string;
  sheet?: string;
  layout?: string;
  diagnostics?: string;
  wide?: boolean;
  baseline?: string;
}

export async function runEvaluate(io: Io, data: string[], opts: EvaluateOptions): Promise<number> {
  const format = checkFormat(opts.format);
  checkStdoutFormat(io, format, opts.output ?? []);
  const run = runInfo(io, data, opts.regions);
  const failOn = parseFailOn(opts.failOn);
  const year = parseYear(opts.year);
  const baseline = parseBaseline(opts.baseline);
  const { plan, diagnostics: planDiagnostics } = await readPlan(io, opts.plan);
  const prepared = prepareInputs(io, plan, data, opts.regions, {
    ...(opts.sheet !== undefined ? { sheet: opts.sheet } : {}),
    ...(opts.layout !== undefined ? { layout: opts.layout } : {}),
    ...(typeof year === 'number' ? { year: year } : {}),
  });
  const files = planOutputs(io, opts.output ?? [], format, prepared.inputPaths);
  const diagnosticsFile = planDiagnosticsFile(io, opts.diagnostics, prepared.inputPaths, opts.output);
  const ctx0 = formatContext(io, plan, opts);
  // Findings are bounded in memory and go to the --diagnostics file as they come, from the reading on.
  const found = await openRunFindings(io, diagnosticsFile, ctx0.lang);
  try {
    const { findings } = found;
    findings.push(...planDiagnostics);
    const inputs = await readPrepared(plan, prepared, findings);
    const regions = resolveRegions(opts.region, inputs.regions);
    const indicators = resolveIndicators(opts.indicator, inputs.indicators);
    // The same data-quality checks as `plancheck check`, their errors failing the run as input errors
    // do; completeness for the years evaluated (check reports every year).
    // Only the findings are kept: the completeness grid (a cell per 乡镇 of an every-unit target) is check's.
    const ctx = { ...ctx0, run, ...(indicators ? { indicatorsNamed: true } : {}) };
    const quality = checkQuality(plan, inputs.regions, inputs.cells, { where: returnPlace(inputs), years: evaluatedYears(inputs.cells, year), lang: ctx.lang, baseline });
    findings.push(...scopedFindings(quality.findings, indicators));
    const diagnostics = findings.list;
    const scope = { year, baseline, ...(regions ? { regions } : {}), ...(indicators ? { indicators } : {}) };
    const evaluation = refuseEmptyRun(plan, inputs, evaluate(plan, inputs.regions, inputs.cells, scope, diagnostics), scope, findings);

    printDiagnostics(io, diagnostics, ctx.lang, opts.quiet === true);
    // The file also names every unit a unit-level target found without data, which the results may only count.
    found.finish(diagnosticsFile ? unitsWithoutData(evaluation.results) : []);
    // An empty run's error is on standard error already: a table on standard output would only repeat it.
    const tableOut = files.length > 0 || (format ?? 'table') === 'table';
    await writeOutputs(io, evaluation, ctx, { format, files, quiet: opts.quiet === true || (evaluation.results.length === 0 && tableOut) });
    if (findings.hasErrors) return 2;
    return failed(evaluation, failOn) ? 1 : 0;
  } catch (e) {
    found.abandon();
    throw e;
  }
}

export function failed(e: Evaluation, failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  if (e.summary['not-met'] > 0 || e.summary.invalid > 0) return true;
  return failOn === 'no-data' && e.summary['no-data'] > 0;
}

/** The years evaluate looks at, as the engine picks them: the one asked, all, or the latest with a value. */
function evaluatedYears(cells: CellStore, year: number | 'all' | undefined): number[] | undefined {
  if (year === 'all') return undefined;
  if (typeof year === 'number') return [year];
  const withValue = [...cells.yearsWithValue];
  return withValue.length ? [Math.max(...withValue)] : [];
}
