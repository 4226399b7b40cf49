// Values implausible for their indicator's unit, judged from the plan's own numbers and all the
// values the returns give for the indicator (never from one value alone):
// - a fraction typed for a percent: every value of a % indicator is at most 1 while the plan's
//   line for it (target or baseline) is 50 % or more. 0.985 for 眼保健覆盖率 (≥98 %) is 98.5 %:
//   the fix is certain, so it is an error at each such cell. A % indicator that is small by
//   nature (犯罪比重 0.05 %, 贫血率) has a small line, and is never suspected;
// - a count with decimals (特殊教育学校数 1.5; 人口 35.2, most likely in 万人): counts are whole,
//   so it is a warning at the cell, the reading left to the user.
// A per-mille rate above 1,000 and a percent of a whole above 100 break the range rules of
// plan/checks.yaml (consistency.ts), which say so.
import { diag, type Diagnostic } from '../diagnostics.js';
import { clean } from '../engine/numbers.js';
import type { SeriesKey, SeriesTable } from '../model/cells.js';
import type { Observation } from '../model/observation.js';
import type { Indicator, Target } from '../plan/model.js';
import { whereOf } from './consistency.js';
import { describeCell, unitSuffix, type Describe } from './describe.js';

/** A % indicator whose plan line is at least this is never below 1 % in a real return. */
export const FRACTION_LINE = 50;

/** The highest number the plan sets for an indicator (its target's lines, its baseline); undefined when none. */
export function planLine(indicator: Indicator): number | undefined {
  const lines: number[] = [];
  const walk = (t: Target | undefined): void => {
    if (!t) return;
    if (t.kind === 'at-least' || t.kind === 'at-most' || t.kind === 'reach' || t.kind === 'about') lines.push(t.value);
    else if (t.kind === 'every-unit' || t.kind === 'conditional') walk(t.target);
    else if (t.kind === 'split') for (const p of t.parts) walk(p.target);
  };
  walk(indicator.target);
  if (indicator.baseline) lines.push(indicator.baseline.value);
  return lines.length ? Math.max(...lines) : undefined;
}

/** The cells of a % indicator typed as fractions (every value ≤ 1 against a plan line ≥ 50 %): an error each, with the reading ×100. */
export function fractionsForPercent(indicator: Indicator, table: SeriesTable, cellAt: (k: SeriesKey, year: number) => Observation, describe: Describe): Diagnostic[] {
  if (indicator.measure !== 'rate' || indicator.unit !== '%') return [];
  const line = planLine(indicator);
  if (line === undefined || line < FRACTION_LINE) return [];
  const values = table.value;
  const fractions: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    // A value computed from its numerator and denominator has no unit to get wrong.
    if (Number.isNaN(v) || !Number.isNaN(table.numerator[i]!)) continue;
    if (v > 1) return [];
    if (v > 0) fractions.push(i);
  }
  const width = table.years.length;
  const unit = describe.unit(indicator.id);
  const out: Diagnostic[] = [];
  for (const i of fractions) {
    const o = cellAt(table.key(Math.floor(i / width)), table.years[i % width]!);
    if (typeof o.value !== 'number' || o.invalid || o.unitGiven !== undefined) continue;
    out.push(diag('error', 'quality/fraction-for-percent', {
      indicator: describe.indicator(indicator.id),
      cell: describeCell(describe, o),
      value: describe.value(o),
      line: `${clean(line)}${unitSuffix(unit, describe.lang)}`,
      suggestion: `${clean(o.value * 100)}${unitSuffix(unit, describe.lang)}`,
      written: clean(o.value),
    }, whereOf(o, 'value')));
  }
  return out;
}

/** The cells of a count with decimals: a warning each. */
export function countsWithDecimals(indicator: Indicator, table: SeriesTable, cellAt: (k: SeriesKey, year: number) => Observation, describe: Describe): Diagnostic[] {
  if (indicator.measure !== 'count') return [];
  const values = table.value;
  const width = table.years.length;
  const out: Diagnostic[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v) || Math.abs(v - Math.round(v)) < 1e-9) continue;
    const o = cellAt(table.key(Math.floor(i / width)), table.years[i % width]!);
    if (typeof o.value !== 'number' || o.invalid) continue;
    out.push(diag('warning', 'quality/count-decimals', {
      indicator: describe.indicator(indicator.id),
      cell: describeCell(describe, o),
      value: describe.value(o),
      unit: describe.unit(indicator.id),
    }, whereOf(o, 'value')));
  }
  return out;
}
