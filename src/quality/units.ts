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
import type { Observation } from '../ingest/observation.js';
import type { Plan } from '../plan/model.js';
import { whereOf } from './consistency.js';
import { describeCell, unitSuffix, type Describe } from './describe.js';
import { cellsOfGiven, givenOf, seriesOfGiven, type Given } from './given.js';

/** A value at least this many times off the typical level is suspect … */
const FAR = 5;
/** … when a power of ten brings it within this factor of the typical level. */
const NEAR = 1.5;
const MIN_VALUES = 3;

export function checkUnits(plan: Plan, cells: Given | Iterable<Observation>, describe: Describe): Diagnostic[] {
  const given = givenOf(cells);
  const out: Diagnostic[] = [];
  const rates = new Map(plan.indicators.filter((i) => i.measure === 'rate' && i.scale !== undefined).map((i) => [i.id, i] as const));
  // Values as series of numbers; objects are made only for what a finding names.
  const tables = new Map([...rates.keys()].map((id) => [id, seriesOfGiven(given, id)] as const));
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
  const typical = new Map<string, number>();
  for (const [id, table] of tables) {
    const positive = Float64Array.from(table.value.filter((v) => v > 0)).sort();
    if (positive.length < MIN_VALUES) continue;
    const m = positive.length >> 1;
    typical.set(id, positive.length % 2 ? positive[m]! : (positive[m - 1]! + positive[m]!) / 2);
  }
  const suspects = function* (id: string): Generator<Observation> {
    const level = typical.get(id)!;
    const table = tables.get(id)!;
    const cellAt = cellsOfGiven(given, id);
    const width = table.years.length;
    for (let i = 0; i < table.value.length; i++) {
      const v = table.value[i]!;
      // A value given with its numerator and denominator is what they say.
      if (!(v > 0) || !Number.isNaN(table.numerator[i]!)) continue;
      const ratio = level / v;
      if (ratio < FAR && ratio > 1 / FAR) continue;
      yield cellAt(table.keys[Math.floor(i / width)]!, table.years[i % width]!);
    }
  };
  for (const id of typical.keys()) for (const o of suspects(id)) {
    const indicator = rates.get(o.indicatorId);
    const level = typical.get(o.indicatorId);
    if (!indicator || level === undefined || typeof o.value !== 'number' || o.value <= 0 || o.invalid) continue;
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
        typical: `${clean(level)}${unitSuffix(unit)}`,
        suggestion: `${clean((o.value as number) * factor)}${unitSuffix(unit)}`,
        unit,
      }, whereOf(o, 'value')),
    );
  }
  return out;
}
