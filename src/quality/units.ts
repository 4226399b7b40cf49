// Unit mismatches the row reader cannot see on its own:
// - a value written in another unit and converted (`0.15%` for a ‰ indicator read as 1.5‰):
//   a note, so that a slip of the % sign does not pass unseen;
// - a value that looks typed in the wrong unit: a rate (%, ‰, 1/10万) off from the indicator's
//   typical level by a power of ten that brings it back in line (0.982 among values around 98:
//   a fraction typed for a percent; 16.2 among values around 1.6‰: a % typed for a ‰).
//   Values computed from a numerator and denominator are not suspected: they have no unit to get
//   wrong.
import { diag, type Diagnostic } from '../diagnostics.js';
import { clean } from '../engine/numbers.js';
import type { SeriesKey, SeriesTable } from '../model/cells.js';
import type { Observation } from '../model/observation.js';
import type { Indicator, Plan } from '../plan/model.js';
import { whereOf } from './consistency.js';
import { describeCell, unitSuffix, type Describe } from './describe.js';
import { cellsOfGiven, givenOf, seriesOfGiven, type Given } from './given.js';
import { medianInPlace, Scratch } from './select.js';

/** A value at least this many times off the typical level is suspect … */
const FAR = 5;
/** … when a power of ten brings it within this factor of the typical level. */
const NEAR = 1.5;
const MIN_VALUES = 3;

export function checkUnits(plan: Plan, cells: Given | Iterable<Observation>, describe: Describe): Diagnostic[] {
  const given = givenOf(cells);
  const scratch = new Scratch();
  const out = unitsConverted(given, describe);
  let table: SeriesTable | undefined;
  for (const indicator of unitIndicators(plan)) {
    table = seriesOfGiven(given, indicator.id, table);
    out.push(...unitSuspects(indicator, table, cellsOfGiven(given, indicator.id), describe, scratch));
  }
  return out;
}

/** The indicators whose values may look typed in the wrong unit: rates with a scale, each once. */
export function unitIndicators(plan: Plan): Indicator[] {
  return [...new Map(plan.indicators.filter((i) => i.measure === 'rate' && i.scale !== undefined).map((i) => [i.id, i] as const)).values()];
}

/** Values written in another unit and converted. */
export function unitsConverted(given: Given, describe: Describe): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const o of given.objects()) {
    if (o.unitGiven !== undefined && typeof o.value === 'number') {
      out.push(
        diag('info', 'quality/unit-converted', {
          indicator: describe.indicator(o.indicatorId),
          cell: describeCell(describe, o),
          given: o.unitGiven,
          value: describe.value(o),
          unit: describe.unit(o.indicatorId),
        }, whereOf(o, 'value')),
      );
    }
  }
  return out;
}

/** One rate indicator's values that look typed in the wrong unit, from its series (values as series of numbers; objects only for what a finding names). */
/** An indicator's typical level, the median of its positive values (undefined for too few), and whether all its values are positive. */
export interface Typical {
  level: number | undefined;
  allPositive: boolean;
}

export function typicalOf(table: SeriesTable, scratch: Scratch): Typical {
  const values = table.value;
  // Scratch buffer 0: the one the outlier check takes its medians in, free again by then.
  const positive = scratch.f64(0, values.length);
  let n = 0;
  let numbers = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v > 0) positive[n++] = v;
    else if (!Number.isNaN(v)) numbers++;
  }
  // Positive numbers are not NaN.
  return { level: n < MIN_VALUES ? undefined : medianInPlace(positive, n, true), allPositive: numbers === 0 };
}

export function unitSuspects(
  indicator: Indicator,
  table: SeriesTable,
  cellAt: (k: SeriesKey, year: number) => Observation,
  describe: Describe,
  scratch: Scratch,
  typical: Typical = typicalOf(table, scratch),
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const values = table.value;
  const { level } = typical;
  if (level === undefined) return out;
  const width = table.years.length;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    // A value given with its numerator and denominator is what they say.
    if (!(v > 0) || !Number.isNaN(table.numerator[i]!)) continue;
    const quick = level / v;
    if (quick < FAR && quick > 1 / FAR) continue;
    const o = cellAt(table.key(Math.floor(i / width)), table.years[i % width]!);
    if (o.indicatorId !== indicator.id || typeof o.value !== 'number' || o.value <= 0 || o.invalid) continue;
    if (o.numerator !== undefined || o.unitGiven !== undefined) continue;
    const ratio = level / o.value;
    if (ratio < FAR && ratio > 1 / FAR) continue;
    const factor = [10, 100, 1000, 0.1, 0.01, 0.001].find((k) => {
      const r = (o.value as number) * k / level;
      return r <= NEAR && r >= 1 / NEAR;
    });
    if (factor === undefined) continue;
    const unit = describe.unit(o.indicatorId);
    out.push(
      diag('warning', 'quality/unit-suspect', {
        indicator: describe.indicator(o.indicatorId),
        cell: describeCell(describe, o),
        value: describe.value(o),
        typical: `${clean(level)}${unitSuffix(unit, describe.lang)}`,
        suggestion: `${clean((o.value as number) * factor)}${unitSuffix(unit, describe.lang)}`,
        unit,
      }, whereOf(o, 'value')),
    );
  }
  return out;
}
