// Year-on-year jumps that stand out from how the indicator usually moves.
//
// The rule (also in docs/guide.zh-CN.md):
//   For each indicator, take every year-on-year change Δ = x(y) − x(y−1) the return gives
//   (same region and 性别/城乡, consecutive years, values typed, not derived), pooled over
//   all regions. A change is flagged when
//     (1) its modified z-score |0.6745 · (Δ − median Δ) / MAD| exceeds 3.5 (Iglewicz and
//         Hoaglin's cut-off for outliers), where MAD is the median absolute deviation of the
//         changes; when MAD is 0 (most changes identical), 1.2533 × the mean absolute deviation
//         stands in for it, and when that is 0 too nothing is flagged; and
//     (2) it is material: |Δ − median Δ| is at least 5 % of the indicator's typical level
//         (the median |x| over the return), so a series that barely moves does not flag a
//         change of a few hundredths; and
//     (3) the indicator has at least 5 changes to learn from; and
//     (4) it is more than one unit of what is counted: a rate whose numerator moved by at
//         most 1 (8/9 → 9/9 schools, 0/1 → 1/1 institution) or a count that moved by at most
//         1 (0 → 1 centre) is how small numbers move, not an outlier.
// Why this rule: a fixed relative threshold (say, > 50 %) flags every small-count rate (a
// district with 3 neonatal deaths moves 30 % a year by chance) and misses a coverage rate that
// drops from 98 % to 85 %; judging each change against the indicator's own spread across
// regions and years adapts to both, and the median and MAD are not dragged by the outlier
// itself, as a mean and standard deviation would be. Pooling regions gives enough changes
// from a five-year return (6 市(区) × 5 changes = 30).
// A flagged change whose row carries a 备注 is reported as a note (the statistician has
// explained it), otherwise as a warning. Outliers never make a run fail.
import { diag, type Diagnostic } from '../diagnostics.js';
import type { SeriesKey, SeriesTable } from '../engine/cells.js';
import { clean } from '../engine/numbers.js';
import type { Observation } from '../ingest/observation.js';
import type { Plan } from '../plan/model.js';
import { whereOf } from './consistency.js';
import { describeCell, type Describe } from './describe.js';
import { cellsOfGiven, givenOf, seriesOfGiven, type Given } from './given.js';

export const OUTLIER_RULE = { zScore: 3.5, minChanges: 5, materiality: 0.05 } as const;


const median = (xs: readonly number[]): number => {
  // A typed array sorts numbers without a comparator call per comparison.
  const s = Float64Array.from(xs).sort();
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** The changes flagged by the rule, from a set of changes of one indicator and its values. */
export function flagged(deltas: readonly number[], levels: readonly number[], rule = OUTLIER_RULE): boolean[] {
  if (deltas.length < rule.minChanges) return deltas.map(() => false);
  const med = median(deltas);
  const deviations = deltas.map((d) => Math.abs(d - med));
  let scale = median(deviations) / 0.6745;
  if (scale === 0) scale = (1.2533 * deviations.reduce((s, d) => s + d, 0)) / deviations.length;
  if (!(scale > 0)) return deltas.map(() => false);
  const level = median(levels.map(Math.abs));
  return deviations.map((dev) => dev / scale > rule.zScore && dev >= rule.materiality * level);
}


export function checkOutliers(plan: Plan, cells: Given | Iterable<Observation>, describe: Describe): Diagnostic[] {
  const given = givenOf(cells);
  const out: Diagnostic[] = [];
  // Indicator by indicator, as series of numbers: an object is made only for a change flagged.
  for (const indicator of plan.indicators) {
    out.push(...outliersOf(indicator.id, indicator.measure, seriesOfGiven(given, indicator.id), cellsOfGiven(given, indicator.id), describe));
  }
  return out;
}

function outliersOf(
  indicatorId: string,
  measure: string,
  table: SeriesTable,
  cellAt: (k: SeriesKey, year: number) => Observation,
  describe: Describe,
): Diagnostic[] {
  const { years, keys, value, numerator } = table;
  const width = years.length;
  const levels: number[] = [];
  // Each change: its series, the index of the year it is from (to the next year with a number), and its size.
  const series: number[] = [];
  const fromYear: number[] = [];
  const deltas: number[] = [];
  for (let k = 0; k < keys.length; k++) {
    for (let y = 0; y < width; y++) {
      const v = value[k * width + y]!;
      if (Number.isNaN(v)) continue;
      levels.push(v);
      // The change from the last year with a number, when that is the year before.
      let p = y - 1;
      while (p >= 0 && Number.isNaN(value[k * width + p]!)) p--;
      if (p >= 0 && years[y] === years[p]! + 1) {
        series.push(k);
        fromYear.push(p);
        deltas.push(v - value[k * width + p]!);
      }
    }
  }
  if (deltas.length === 0) return [];
  const out: Diagnostic[] = [];
  const flags = flagged(deltas, levels);
  const typical = clean(median(deltas.map(Math.abs)));
  flags.forEach((flag, i) => {
    if (!flag) return;
    const c = { series: series[i]!, from: fromYear[i]!, delta: deltas[i]! };
    const at = c.series * width + c.from;
    // At most one counted unit: one death, one school, one centre.
    const fromNumerator = numerator[at]!;
    const toNumerator = numerator[at + 1]!;
    if (!Number.isNaN(fromNumerator) && !Number.isNaN(toNumerator) ? Math.abs(toNumerator - fromNumerator) <= 1 : measure === 'count' && Math.abs(c.delta) <= 1) return;
    const key = keys[c.series]!;
    const from = cellAt(key, years[c.from]!);
    const to = cellAt(key, years[c.from + 1]!);
    const explained = to.notes.length > 0;
    out.push(
      diag(explained ? 'info' : 'warning', explained ? 'quality/outlier-explained' : 'quality/outlier', {
        indicator: describe.indicator(indicatorId),
        cell: describeCell(describe, to),
        fromYear: from.year,
        fromValue: describe.value(from),
        toValue: describe.value(to),
        change: `${c.delta > 0 ? '+' : ''}${clean(c.delta)}`,
        typical,
        note: to.notes.join('；'),
      }, whereOf(to, 'value')),
    );
  });
  return out;
}
