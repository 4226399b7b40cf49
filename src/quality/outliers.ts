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
import { clean } from '../engine/numbers.js';
import type { Observation } from '../ingest/observation.js';
import type { Plan } from '../plan/model.js';
import { whereOf } from './consistency.js';
import { describeCell, type Describe } from './describe.js';
import { givenOf, type Given } from './given.js';

export const OUTLIER_RULE = { zScore: 3.5, minChanges: 5, materiality: 0.05 } as const;

interface Change {
  from: Observation;
  to: Observation;
  delta: number;
}

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

/** A change of at most one counted unit: one death, one school, one centre. */
function oneUnit(c: Change, measure: string | undefined): boolean {
  if (c.from.numerator !== undefined && c.to.numerator !== undefined) return Math.abs(c.to.numerator - c.from.numerator) <= 1;
  return measure === 'count' && Math.abs(c.delta) <= 1;
}

export function checkOutliers(plan: Plan, cells: Given | Iterable<Observation>, describe: Describe): Diagnostic[] {
  const given = givenOf(cells);
  const out: Diagnostic[] = [];
  // Indicator by indicator, so that only one indicator's series are held at a time.
  for (const indicator of plan.indicators) out.push(...outliersOf(plan, given.of(indicator.id), describe));
  return out;
}

function outliersOf(plan: Plan, given: Iterable<Observation>, describe: Describe): Diagnostic[] {
  const series = new Map<string, Observation[]>();
  for (const o of given) {
    if (typeof o.value !== 'number' || o.invalid) continue;
    const key = `${o.indicatorId}\u0000${o.regionCode}\u0000${o.sex}\u0000${o.residence}`;
    let list = series.get(key);
    if (!list) series.set(key, (list = []));
    list.push(o);
  }
  const changes = new Map<string, Change[]>();
  const levels = new Map<string, number[]>();
  for (const list of series.values()) {
    list.sort((a, b) => a.year - b.year);
    const id = list[0]!.indicatorId;
    if (!levels.has(id)) levels.set(id, []);
    levels.get(id)!.push(...list.map((o) => o.value as number));
    for (let i = 1; i < list.length; i++) {
      const from = list[i - 1]!;
      const to = list[i]!;
      if (to.year !== from.year + 1) continue;
      if (!changes.has(id)) changes.set(id, []);
      changes.get(id)!.push({ from, to, delta: (to.value as number) - (from.value as number) });
    }
  }
  const out: Diagnostic[] = [];
  const measures = new Map(plan.indicators.map((i) => [i.id, i.measure] as const));
  for (const [id, list] of changes) {
    if (!measures.has(id)) continue;
    const flags = flagged(list.map((c) => c.delta), levels.get(id) ?? []);
    const typical = clean(median(list.map((c) => Math.abs(c.delta))));
    list.forEach((c, i) => {
      if (!flags[i] || oneUnit(c, measures.get(id))) return;
      const explained = c.to.notes.length > 0;
      out.push(
        diag(explained ? 'info' : 'warning', explained ? 'quality/outlier-explained' : 'quality/outlier', {
          indicator: describe.indicator(id),
          cell: describeCell(describe, c.to),
          fromYear: c.from.year,
          fromValue: describe.value(c.from),
          toValue: describe.value(c.to),
          change: `${c.delta > 0 ? '+' : ''}${clean(c.delta)}`,
          typical,
          note: c.to.notes.join('；'),
        }, whereOf(c.to, 'value')),
      );
    });
  }
  return out;
}
