// The data-quality report of a return, in the spirit of DHIS2's data-quality app
// and Frictionless' validation report: what is missing, what cannot be right, and
// what looks odd, each finding located at the cell it is about and saying what
// to do. Pure: plan + observations → findings.
//
// Checks:
// - completeness against the plan (completeness.ts): indicator × region × year cells missing;
// - consistency rules shipped as data in the plan's checks.yaml (consistency.ts): an order
//   between indicators, a numerator within its denominator, a value within a range;
// - unit mismatches (units.ts): values converted from another unit, values that look typed
//   in the wrong unit; values implausible for their unit against the plan's line (plausible.ts);
// - year-on-year outliers (outliers.ts, where the rule is documented).
// A value that disagrees with its numerator/denominator, duplicates and conflicts are found
// while reading (src/ingest) and reported with the same report.
import type { Diagnostic, Where } from '../diagnostics.js';
import type { Lang } from '../i18n/catalog.js';
import type { SeriesTable } from '../model/cells.js';
import type { ReturnCells } from '../engine/evaluate.js';
import type { Observation } from '../model/observation.js';
import type { PlanWithChecks } from '../plan/checks.js';
import type { RegionIndex } from '../plan/lookup.js';
import type { Plan } from '../plan/model.js';
import { checkCompleteness, type Completeness } from './completeness.js';
import { cellsOfGiven, givenOf, seriesOfGiven } from './given.js';
import { checkConsistency, ConsistencyCandidates } from './consistency.js';
import { describer } from './describe.js';
import { intervalMethod } from '../engine/interval.js';
import { outliersOf } from './outliers.js';
import { baselineDifferences } from './baseline.js';
import type { BaselineChoice } from '../engine/baseline.js';
import { countsWithDecimals, fractionsForPercent } from './plausible.js';
import { RateTests } from './rate-tests.js';
import { Scratch } from './select.js';
import { typicalOf, unitIndicators, unitsConverted, unitSuspects } from './units.js';

export type { Completeness, CellState, ExpectedCell } from './completeness.js';
export { OUTLIER_RULE } from './outliers.js';

export interface QualityReport {
  findings: Diagnostic[];
  completeness: Completeness;
}

export interface QualityOptions {
  /** Where findings about the return as a whole (missing cells) point: its file, and its sheet. */
  where?: Where;
  /** The years whose completeness to check (default: every year the returns give). */
  years?: readonly number[];
  /** The language of the names, years and units the findings quote (default Chinese). */
  lang?: Lang;
  /** Whose figure the top region's baseline is where the plan states one: said by the finding on a return's differing figure. */
  baseline?: BaselineChoice;
}

export function checkQuality(plan: Plan, regions: RegionIndex, observations: ReturnCells, options: QualityOptions = {}): QualityReport {
  const describe = describer(plan, regions, options.lang);
  const given = givenOf(observations);
  const { completeness, findings: missing } = checkCompleteness(plan, regions, given, describe, options.where ?? {}, options.years);
  // Each indicator's series are made once, for the unit check, the outlier check and the
  // consistency rules' first pass, and dropped before the next indicator's; the findings keep
  // the order of one check after the other.
  const scratch = new Scratch();
  const checks = (plan as PlanWithChecks).checks ?? [];
  const candidates = new ConsistencyCandidates(plan, checks, given);
  const units = new Map(unitIndicators(plan).map((i) => [i.id, i] as const));
  const suspects: Diagnostic[] = [];
  const implausible: Diagnostic[] = [];
  const outliers: Diagnostic[] = [];
  // The year-on-year tests of rates, adjusted for their number over the whole return.
  const tests = new RateTests();
  let table: SeriesTable | undefined;
  for (const indicator of plan.indicators) {
    table = seriesOfGiven(given, indicator.id, table);
    const cellAt = cellsOfGiven(given, indicator.id);
    candidates.scan(indicator.id, table);
    implausible.push(...fractionsForPercent(indicator, table, cellAt, describe), ...countsWithDecimals(indicator, table, cellAt, describe));
    const rate = units.get(indicator.id);
    let level: number | undefined;
    if (rate && units.delete(indicator.id)) {
      const typical = typicalOf(table, scratch);
      suspects.push(...unitSuspects(rate, table, cellAt, describe, scratch, typical));
      // With every value positive, the median of the positive values is the outlier rule's median |x|.
      if (typical.allPositive) level = typical.level;
    }
    outliers.push(...outliersOf(indicator.id, indicator.measure, table, cellAt, describe, scratch, level, intervalMethod(indicator), tests));
  }
  outliers.push(...tests.flagged());
  const findings = [
    ...checkConsistency(plan, checks, given, describe, candidates),
    ...unitsConverted(given, describe),
    ...baselineDifferences(plan, regions, given.store, describe, options.baseline),
    ...implausible,
    ...suspects,
    ...outliers,
    ...missing,
  ];
  return { findings: sortFindings(findings), completeness };
}

/** By file and position, so a report reads top to bottom like the return; whole-file findings last. */
function sortFindings(ds: Diagnostic[]): Diagnostic[] {
  const rank = (d: Diagnostic) => (d.line === undefined ? 1 : 0);
  // Plain comparison: localeCompare would load the collator, which costs more than the checks.
  const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return [...ds].sort((a, b) => rank(a) - rank(b) || byText(a.file ?? '', b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
