// Nothing silent: a run that evaluates nothing is an error (exit 2) that says why and what
// to do, in every format (src/engine/nothing-evaluated.ts decides); and the list of the
// indicators a return does not give is one short line, or none when --indicator chose them.
// The error is about the run (the returns with the options given), not a line of a return:
// it names no file, as a located error would.
import type { Diagnostic, Findings } from '../diagnostics.js';
import type { Evaluation } from '../engine/evaluate.js';
import { nothingEvaluated, whyReturnsEmpty, type RunScope } from '../engine/nothing-evaluated.js';
import { STATUSES, type Status } from '../engine/verdict.js';
import type { Plan } from '../plan/model.js';
import type { Report } from '../report/model.js';
import type { Inputs } from './returns.js';

/**
 * The evaluation as the run reports it: unchanged when it evaluated something; else with no
 * results (nor indicators listed as absent: the error says why), and the error added to
 * `diagnostics` (the evaluation's own list too).
 */
export function refuseEmptyRun(plan: Plan, inputs: Inputs, evaluation: Evaluation, scope: RunScope, findings: Findings): Evaluation {
  const why = nothingEvaluated(plan, inputs.regions, inputs.cells, evaluation, scope, findings.hasErrors);
  if (!why) return evaluation;
  findings.push(why);
  const summary = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  return { ...evaluation, results: [], summary, absentIndicators: [], diagnostics: findings.list };
}

/** Whether a report evaluated something at its year; when not, the error saying why is added to `diagnostics`. */
export function reportEvaluatedSomething(plan: Plan, inputs: Inputs, report: Report, regions: readonly string[] | undefined, findings: Findings): boolean {
  const results = report.areas.flatMap((a) => a.indicators.flatMap((i) => i.regions));
  const scope: RunScope = { year: report.year, ...(regions ? { regions } : {}) };
  const why = nothingEvaluated(plan, inputs.regions, inputs.cells, { years: [report.year], results }, scope, findings.hasErrors);
  if (!why) return true;
  // A report's year is the stage's unless --year says otherwise: the fix names both.
  findings.push(why.code === 'run/year-absent' ? { ...why, code: 'run/report-year-absent', params: { ...why.params, midterm: plan.midtermYear, final: plan.finalYear } } : why);
  return false;
}

/** The error of returns with nothing to check or evaluate at all (for `check`), added to `diagnostics`. */
export function refuseEmptyReturns(inputs: Inputs, findings: Findings): void {
  const why = whyReturnsEmpty(inputs.cells, findings.hasErrors);
  if (why) findings.push(why);
}

/** The findings a run shows: without the list of indicators the returns lack when --indicator chose the indicators. */
export function scopedFindings(findings: readonly Diagnostic[], indicators: readonly string[] | undefined): Diagnostic[] {
  return indicators ? findings.filter((d) => d.code !== 'quality/indicators-absent') : [...findings];
}
