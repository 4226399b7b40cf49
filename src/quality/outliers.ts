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
import type { SeriesKey, SeriesTable } from '../model/cells.js';
import { clean } from '../engine/numbers.js';
import type { Observation } from '../model/observation.js';
import type { Plan } from '../plan/model.js';
import { whereOf } from './consistency.js';
import { describeCell, type Describe } from './describe.js';
import { cellsOfGiven, givenOf, seriesOfGiven, type Given } from './given.js';
import { intervalMethod, type IntervalMethod } from '../engine/interval.js';
import { adjustedP, changeZ, dispersion, RATE_TEST, RateTests, Z_FLOOR } from './rate-tests.js';
import { medianInPlace, Scratch } from './select.js';

export const OUTLIER_RULE = { zScore: 3.5, minChanges: 5, materiality: 0.05 } as const;

type Rule = { readonly zScore: number; readonly minChanges: number; readonly materiality: number };

/** What the rule judges each change of an indicator against. */
class Yardstick {
  private level: number | undefined;

  constructor(
    /** The median change. */
    readonly median: number,
    /** MAD / 0.6745, or its stand-in. */
    readonly scale: number,
    /** The typical level, the median |x| of the indicator's values: asked for once, when needed. */
    private readonly levelOf: () => number,
    private readonly rule: Rule,
  ) {}

  /** Whether the rule flags a change. */
  flags(delta: number): boolean {
    const dev = Math.abs(delta - this.median);
    if (!(dev / this.scale > this.rule.zScore)) return false;
    // The typical level is worked out when a change first stands out.
    this.level ??= this.levelOf();
    return dev >= this.rule.materiality * this.level;
  }
}

/**
 * The rule's yardstick for n changes (deltas[0 … n−1]), the typical level coming from levelOf:
 * undefined when too few changes or no spread, so that nothing is flagged.
 */
function yardstick(deltas: Float64Array, n: number, levelOf: () => number, scratch: Scratch, rule: Rule, noNaN = false): Yardstick | undefined {
  if (n < rule.minChanges) return undefined;
  const work = scratch.f64(WORK, n);
  work.set(deltas.subarray(0, n));
  const med = medianInPlace(work, n, noNaN);
  for (let i = 0; i < n; i++) work[i] = Math.abs(deltas[i]! - med);
  // |Δ − median| is NaN only with a NaN Δ, or with an infinite median and a Δ as infinite.
  let scale = medianInPlace(work, n, noNaN && Number.isFinite(med)) / 0.6745;
  if (scale === 0) {
    // The mean absolute deviation, summed in the order of the changes as before.
    let sum = 0;
    for (let i = 0; i < n; i++) sum += Math.abs(deltas[i]! - med);
    scale = (1.2533 * sum) / n;
  }
  if (!(scale > 0)) return undefined;
  return new Yardstick(med, scale, levelOf, rule);
}

/** The changes flagged by the rule, from a set of changes of one indicator and its values. */
export function flagged(deltas: ArrayLike<number>, levels: ArrayLike<number>, rule: Rule = OUTLIER_RULE): boolean[] {
  const d = Float64Array.from(deltas);
  const l = Float64Array.from(levels, Math.abs);
  const y = yardstick(d, d.length, () => medianInPlace(l, l.length), new Scratch(), rule);
  return Array.from(d, (delta) => (y ? y.flags(delta) : false));
}

// Scratch buffers: one to take medians in (the unit check's too; the squared z-scores the
// overdispersion is taken from), and the changes. Memory touched for the first time costs a
// page fault a page, and a national return's indicator has millions of changes: the fewer
// buffers, the better.
const WORK = 0;
/** The changes, written only when some are not tested against chance (the rule's yardstick pools them all). */
const DELTAS = 1;
/** Each change's z-score (NaN: not tested). */
const ZS = 2;

export function checkOutliers(plan: Plan, cells: Given | Iterable<Observation>, describe: Describe): Diagnostic[] {
  const given = givenOf(cells);
  const out: Diagnostic[] = [];
  const scratch = new Scratch();
  // Indicator by indicator, as series of numbers: an object is made only for a change flagged.
  const tests = new RateTests();
  let table: SeriesTable | undefined;
  for (const indicator of plan.indicators) {
    table = seriesOfGiven(given, indicator.id, table);
    out.push(...outliersOf(indicator.id, indicator.measure, table, cellsOfGiven(given, indicator.id), describe, scratch, undefined, intervalMethod(indicator), tests));
  }
  return [...out, ...tests.flagged()];
}

export function outliersOf(
  indicatorId: string,
  measure: string,
  table: SeriesTable,
  cellAt: (k: SeriesKey, year: number) => Observation,
  describe: Describe,
  scratch: Scratch,
  /** The median |x| of the table's values, when known already (the unit check's level, when every value is positive). */
  level?: number,
  /** A rate with an interval method: its changes with numerator and denominator are tested against chance instead (rate-tests.ts). */
  method?: IntervalMethod,
  /** Where those tests are counted and their candidates kept, for Holm's adjustment over the run. */
  tests?: RateTests,
): Diagnostic[] {
  const { years, value, numerator, denominator } = table;
  const width = years.length;
  const cells = value.length;
  const testing = method !== undefined && tests !== undefined;
  const zs = testing ? scratch.f64(ZS, cells) : undefined;
  // The squared z-scores of the changes tested, for the overdispersion, taken before anything else uses WORK.
  const z2 = testing ? scratch.f64(WORK, cells) : undefined;
  let untested = 0;
  let informative = 0;
  // The changes, series by series and year by year: the change from the last year with a
  // number, when that is the year before. The same walk finds where a flagged one is, below.
  const changes = (each: (row: number, p: number, y: number, series: number) => void): void => {
    for (let k = 0; k < table.count; k++) {
      const row = k * width;
      for (let y = 0; y < width; y++) {
        if (Number.isNaN(value[row + y]!)) continue;
        let p = y - 1;
        while (p >= 0 && Number.isNaN(value[row + p]!)) p--;
        if (p >= 0 && years[y] === years[p]! + 1) each(row, p, y, k);
      }
    }
  };
  let n = 0;
  // A change of two numbers is NaN only from two infinities of one sign.
  let noNaN = true;
  changes((row, p, y) => {
    const d = value[row + y]! - value[row + p]!;
    if (d !== d) noNaN = false;
    if (zs) {
      const z = changeZ(method!, numerator[row + p]!, denominator[row + p]!, numerator[row + y]!, denominator[row + y]!);
      if (z === undefined) {
        zs[n] = NaN;
        untested++;
      } else if (Number.isNaN(z)) {
        // No events, or 0 % / 100 % both years: tested, and nothing to find.
        zs[n] = 0;
      } else {
        zs[n] = z;
        z2![informative++] = z * z;
      }
    } else untested++;
    n++;
  });
  if (n === 0) return [];
  const phi = informative > 0 ? dispersion(z2!, informative) : 1;
  // The changes themselves, for the rule's yardstick, only when some are not tested against chance.
  const deltas = untested > 0 ? scratch.f64(DELTAS, n) : undefined;
  if (deltas) {
    let i = 0;
    changes((row, p, y) => void (deltas[i++] = value[row + y]! - value[row + p]!));
  }
  const rule = OUTLIER_RULE;
  const levelOf = () => {
    if (level !== undefined) return level;
    const levels = scratch.f64(WORK, cells);
    let m = 0;
    for (let i = 0; i < cells; i++) if (!Number.isNaN(value[i]!)) levels[m++] = Math.abs(value[i]!);
    return medianInPlace(levels, m, true);
  };
  const yard = deltas ? yardstick(deltas, n, levelOf, scratch, rule, noNaN) : undefined;
  if (!yard && informative === 0) return [];
  /** Tested changes material and beyond chance before adjustment: candidates for Holm's procedure. */
  let candidates = 0;
  let material: number | undefined;
  const out: Diagnostic[] = [];
  let typical: number | undefined;
  let i = 0;
  changes((row, p, y, series) => {
    const z = zs ? zs[i]! : NaN;
    i++;
    const delta = value[row + y]! - value[row + p]!;
    const from = row + p;
    const fromYear = p;
    if (!Number.isNaN(z)) {
      // Tested: a candidate when beyond chance at α before any adjustment, and material.
      if (!(Math.abs(z) / Math.sqrt(phi) >= Z_FLOOR)) return;
      material ??= rule.materiality * levelOf();
      if (!(Math.abs(delta) >= material)) return;
      const adjusted = adjustedP(z, phi);
      if (adjusted < RATE_TEST.alpha) candidates++;
      if (!tests!.mayFlag(adjusted)) return;
      // The table's arrays are the next indicator's once this one is done: what the finding needs is read now.
      const at = { key: table.key(series), fromYear: years[fromYear]!, toYear: years[fromYear + 1]!, fromCounts: counts(table, from), toCounts: counts(table, from + 1) };
      tests!.consider(adjusted, (pValue, count) => rateFinding(indicatorId, at, cellAt, describe, pValue, count));
      return;
    }
    if (!yard || !yard.flags(delta)) return;
    // At most one counted unit: one death, one school, one centre.
    const fromNumerator = numerator[from]!;
    const toNumerator = numerator[from + 1]!;
    if (!Number.isNaN(fromNumerator) && !Number.isNaN(toNumerator) ? Math.abs(toNumerator - fromNumerator) <= 1 : measure === 'count' && Math.abs(delta) <= 1) return;
    if (typical === undefined) {
      // Only a change of the yardstick's gets here: the changes are there.
      const work = scratch.f64(WORK, n);
      for (let j = 0; j < n; j++) work[j] = Math.abs(deltas![j]!);
      typical = clean(medianInPlace(work, n, noNaN));
    }
    const key = table.key(series);
    const fromCell = cellAt(key, years[fromYear]!);
    const to = cellAt(key, years[fromYear + 1]!);
    const explained = to.notes.length > 0;
    out.push(
      diag(explained ? 'info' : 'warning', explained ? 'quality/outlier-explained' : 'quality/outlier', {
        indicator: describe.indicator(indicatorId),
        cell: describeCell(describe, to),
        fromYear: fromCell.year,
        fromValue: describe.value(fromCell),
        toValue: describe.value(to),
        change: `${delta > 0 ? '+' : ''}${clean(delta)}`,
        typical,
        note: to.notes.join('；'),
      }, whereOf(to, 'value')),
    );
  });
  if (tests) tests.counted(informative, candidates);
  return out;
}

const counts = (table: SeriesTable, i: number) => `${clean(table.numerator[i]!)}/${clean(table.denominator[i]!)}`;

/** The finding of a change of a rate beyond chance. */
function rateFinding(
  indicatorId: string,
  at: { key: SeriesKey; fromYear: number; toYear: number; fromCounts: string; toCounts: string },
  cellAt: (k: SeriesKey, year: number) => Observation,
  describe: Describe,
  p: number,
  tests: number,
): Diagnostic {
  const fromCell = cellAt(at.key, at.fromYear);
  const to = cellAt(at.key, at.toYear);
  const explained = to.notes.length > 0;
  return diag(explained ? 'info' : 'warning', explained ? 'quality/outlier-rate-explained' : 'quality/outlier-rate', {
    indicator: describe.indicator(indicatorId),
    cell: describeCell(describe, to),
    fromYear: fromCell.year,
    fromValue: describe.value(fromCell),
    toValue: describe.value(to),
    fromCounts: at.fromCounts,
    toCounts: at.toCounts,
    p: Number(p.toPrecision(2)),
    tests,
    note: to.notes.join('；'),
  }, whereOf(to, 'value'));
}
