// Progress toward the final-year target, for the mid-term and final reports.
// Pure: a verdict, a baseline and a target in, a class and every figure behind it out.
//
//   required r = (t − x_b) / (T − b)      actual a = (x_y − x_b) / (y − b)      R = a / r
//   cagr:   r = (t / x_b)^(1/(T−b)) − 1     a = (x_y / x_b)^(1/(y−b)) − 1
//   R ≥ 0.95 on-track · 0.60 ≤ R < 0.95 speed-up · 0 ≤ R < 0.60 limited · R < 0 moving-away
//
// Without a baseline, a current value or a numeric line the class is `unknown`, never guessed.
import type { Indicator, Part, Target } from '../plan/model.js';
import { aboutLine } from './kinds/about.js';
import { atLeast, atMost, clean } from './numbers.js';
import type { Status } from './verdict.js';

export type ProgressClass = 'achieved' | 'on-track' | 'speed-up' | 'limited' | 'moving-away' | 'unknown';
export type ProgressMethod = 'linear' | 'cagr';

export const PROGRESS_CLASSES: readonly ProgressClass[] = ['achieved', 'on-track', 'speed-up', 'limited', 'moving-away', 'unknown'];

/** How bad a class is, worst first (a target not met that cannot be paced sits between the paced ones); a paced class sorts by its ratio within. */
export const PROGRESS_SEVERITY: Readonly<Record<ProgressClass, number>> = { 'moving-away': 0, limited: 1, 'speed-up': 2, unknown: 3, 'on-track': 4, achieved: 5 };

/** The Open SDG / Eurostat bands on R = actual / required. */
export const ON_TRACK = 0.95;
export const SPEED_UP = 0.6;

/** Why a class is what it is (a message code's last part: `progress/<reason>`). */
export type ProgressReason =
  | 'met'
  | 'paced'
  | 'fell-back'
  | 'no-value'
  | 'no-baseline'
  | 'invalid'
  | 'not-applicable'
  | 'at-baseline'
  | 'no-line'
  | 'by-part'
  | 'zero-pace'
  | 'not-positive';

export interface ProgressBaseline {
  year: number;
  value: number;
  from: 'data' | 'plan';
}

export interface Progress {
  class: ProgressClass;
  method: ProgressMethod;
  /** x_b, its year b and where it came from (the returns' baseline-year cell, else the plan). */
  baseline: number | null;
  baselineYear: number | null;
  baselineFrom: 'data' | 'plan' | null;
  /** x_y and y. */
  current: number | null;
  year: number;
  /** t: the number the value must reach by the final year T. */
  target: number | null;
  finalYear: number;
  /** r, a and R = a / r; per year (linear, in the indicator's unit) or as a yearly growth rate (cagr). */
  required: number | null;
  actual: number | null;
  ratio: number | null;
  /** The value in the final year if the actual pace holds. */
  projected: number | null;
  reason: ProgressReason;
  /** A split target's (reason `by-part`, or the part's own figures in the report's at-risk list): the part furthest behind, whose class is the target's. */
  part?: Part;
}

export interface ProgressInput {
  indicator: Pick<Indicator, 'direction' | 'unit'>;
  target: Target;
  /** The engine's verdict for the year: `met` is achieved. */
  status: Status;
  current: number | boolean | null;
  year: number;
  baseline: ProgressBaseline | null;
  finalYear: number;
  method: ProgressMethod;
}

export type Bound = 'min' | 'max';

/**
 * The line t the final-year value must reach, and which side of it is good; undefined
 * for targets with no single numeric line (split, every-unit, conditional, trend, yes/no)
 * and for change targets without a baseline.
 */
export function targetLine(
  target: Target,
  indicator: Pick<Indicator, 'direction' | 'unit'>,
  baseline: ProgressBaseline | null,
  finalYear: number,
): { line: number; bound: Bound } | undefined {
  const good: Bound = indicator.direction === 'higher' ? 'min' : 'max';
  switch (target.kind) {
    case 'at-most':
      return { line: target.value, bound: 'max' };
    case 'at-least':
      return { line: target.value, bound: 'min' };
    case 'reach':
      return { line: target.value, bound: good };
    case 'about':
      return { line: aboutLine(target, indicator as Indicator), bound: good };
    case 'change':
      return baseline ? { line: clean(baseline.value * (1 + target.relative)), bound: target.relative < 0 ? 'max' : 'min' } : undefined;
    case 'yearly-change':
      return baseline
        ? { line: clean(baseline.value + target.perYear * (finalYear - baseline.year)), bound: target.perYear < 0 ? 'max' : 'min' }
        : undefined;
    default:
      return undefined;
  }
}

/** The class a ratio R falls in. */
export function classify(ratio: number): Exclude<ProgressClass, 'achieved' | 'unknown'> {
  const r = clean(ratio);
  if (r >= ON_TRACK) return 'on-track';
  if (r >= SPEED_UP) return 'speed-up';
  if (r >= 0) return 'limited';
  return 'moving-away';
}

/** Required and actual pace, and the projection, by the chosen method; undefined when it cannot be computed. */
export function paces(
  method: ProgressMethod,
  base: { year: number; value: number },
  current: { year: number; value: number },
  line: number,
  finalYear: number,
): { required: number; actual: number; projected: number } | undefined {
  const span = finalYear - base.year;
  const elapsed = current.year - base.year;
  const ahead = Math.max(0, finalYear - current.year);
  if (method === 'linear') {
    const actual = (current.value - base.value) / elapsed;
    return { required: (line - base.value) / span, actual, projected: current.value + actual * ahead };
  }
  if (!(base.value > 0 && current.value > 0 && line > 0)) return undefined;
  const actual = (current.value / base.value) ** (1 / elapsed) - 1;
  return { required: (line / base.value) ** (1 / span) - 1, actual, projected: current.value * (1 + actual) ** ahead };
}

export function progressOf(input: ProgressInput): Progress {
  const { baseline, year, finalYear, method } = input;
  const current = typeof input.current === 'number' ? input.current : null;
  const line = targetLine(input.target, input.indicator, baseline, finalYear);
  const result = (cls: ProgressClass, reason: ProgressReason, figures: { required?: number; actual?: number; ratio?: number; projected?: number | undefined } = {}): Progress => ({
    class: cls,
    method,
    baseline: baseline ? clean(baseline.value) : null,
    baselineYear: baseline?.year ?? null,
    baselineFrom: baseline?.from ?? null,
    current: current === null ? null : clean(current),
    year,
    target: line ? clean(line.line) : null,
    finalYear,
    required: nullable(figures.required),
    actual: nullable(figures.actual),
    ratio: nullable(figures.ratio),
    projected: nullable(figures.projected),
    reason,
  });

  if (input.status === 'met') return result('achieved', 'met');
  if (input.status === 'not-applicable') return result('unknown', 'not-applicable');
  if (input.status === 'invalid') return result('unknown', 'invalid');
  if (input.current === null) return result('unknown', 'no-value');
  if (!line || current === null) return result('unknown', line || baseline || !needsBaseline(input.target) ? 'no-line' : 'no-baseline');
  if (!baseline) return result('unknown', 'no-baseline');
  if (year <= baseline.year) return result('unknown', 'at-baseline');

  const pace = paces(method, baseline, { year, value: current }, line.line, finalYear);
  if (!pace) return result('unknown', 'not-positive');
  const figures = { required: pace.required, actual: pace.actual, projected: year <= finalYear ? pace.projected : undefined };
  // The baseline already met the line and the value has since fallen back over it:
  // the required pace points the wrong way, so R would read as progress. It is not.
  const baselineMet = line.bound === 'min' ? atLeast(baseline.value, line.line) : atMost(baseline.value, line.line);
  if (baselineMet) return result('moving-away', 'fell-back', figures);
  if (clean(pace.required) === 0) return result('unknown', 'zero-pace', figures);
  const ratio = pace.actual / pace.required;
  return result(classify(ratio), 'paced', { ...figures, ratio });
}

function needsBaseline(target: Target): boolean {
  return target.kind === 'change' || target.kind === 'yearly-change';
}

function nullable(x: number | undefined): number | null {
  return x === undefined || !Number.isFinite(x) ? null : clean(x);
}
