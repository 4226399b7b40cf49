// The evaluation report as data: what the HTML, Markdown and JSON reports show.
// Language-neutral: ids, statuses, numbers and the plan's own wording; the formatters word it.
import type { Diagnostic } from '../diagnostics.js';
import type { Progress, ProgressClass, ProgressMethod } from '../engine/progress.js';
import type { BaselineChoice } from '../engine/baseline.js';
import type { Reason, Status } from '../engine/verdict.js';
import type { Direction, Part, Target } from '../plan/model.js';

export type Stage = 'midterm' | 'final';

export interface RegionRef {
  code: string;
  name: string;
  level: string;
}

export interface AreaRef {
  id: string;
  name: string;
  nameEn?: string;
}

/** One year of one series: the engine's verdict for it. */
export interface YearValue {
  year: number;
  value: number | boolean | null;
  status: Status;
  derived: boolean;
}

/** A split target's part (城市/农村, 男/女) and its own progress. */
export interface PartProgress {
  part: Part;
  text: string;
  status: Status;
  value: number | boolean | null;
  progress: Progress;
}

/** A sub-unit of an every-unit or conditional target that fails or lacks data, and its progress. */
export interface UnitProgress {
  region: RegionRef;
  status: Status;
  value: number | boolean | null;
  progress: Progress;
}

/** Values by year for the parts of one disaggregation (男/女/合计 or 城市/农村/合计). */
export interface Breakdown {
  by: 'sex' | 'residence';
  parts: Array<{ part: 'total' | Part; values: Array<{ year: number; value: number | null; derived: boolean }> }>;
}

/** One indicator in one region: the stage year's verdict, the series and the progress. */
export interface RegionReport {
  region: RegionRef;
  status: Status;
  value: number | boolean | null;
  gap: number | null;
  threshold: number | null;
  derived: boolean;
  /** Baseline-year to stage-year values. */
  values: YearValue[];
  progress: Progress;
  parts?: PartProgress[];
  /** The units failing or without data; the units without data are left out when none of them has data (missingUnitCount = unitCount). */
  units?: UnitProgress[];
  /** Before the final year: the units meeting the target, paced (their early warnings); not exported. */
  metUnits?: UnitProgress[];
  unitCount?: number;
  missingUnitCount?: number;
  breakdowns: Breakdown[];
  notes: string[];
  /** What the rate's 95 % interval says about the verdict, where the engine gives one; never at the final stage. */
  chance?: Chance;
  /** The engine's reason where the narrative words it: a trend target missed, a miss proven from a region's own value. */
  reason?: Reason;
  /** Final stage: a miss in events (deaths more, schools short), where the return gives the counts. */
  missEvents?: MissEvents;
}

/** A miss in events: how many more (or fewer) than the line allows, of how many. */
export interface MissEvents {
  count: number;
  denominator: number;
}

/** The engine's reading of a rate's interval (the Verdict field of the same name). */
export type Chance = 'within-chance' | 'met-uncertain';

/** The fields that name an indicator wherever the report lists it. */
export interface IndicatorIdentity {
  id: string;
  name: string;
  nameEn?: string;
  area: string;
  main?: number;
  unit: string;
}

export interface IndicatorReport extends IndicatorIdentity {
  direction: Direction;
  /** The target as the plan words it, and in symbols (a reason for the formatters to word). */
  text: string;
  target: Target;
  description: Reason;
  source: string;
  /** The plan's stated baseline, if it states one. */
  planBaseline?: { year: number; value: number; source: string };
  regions: RegionReport[];
}

export interface AreaReport {
  area: AreaRef;
  indicators: IndicatorReport[];
}

export type StatusCounts = Record<Status, number>;
export type ClassCounts = Record<ProgressClass, number>;

export interface Counts {
  total: number;
  byStatus: StatusCounts;
  byClass: ClassCounts;
}

/**
 * Mid-term only: an indicator met in a region whose value moves toward its line, so that at the
 * same yearly pace it misses the target in the final year (progress carries `actual` and `projected`).
 */
export interface EarlyWarning extends IndicatorIdentity {
  region: RegionRef;
  /** A unit's (every-unit target): the region it was read under (靖江市 for 季市镇). */
  within?: RegionRef;
  progress: Progress;
}

/** An indicator in a region not yet achieved: the at-risk list, worst first. */
export interface AtRisk extends IndicatorIdentity {
  region: RegionRef;
  status: Status;
  progress: Progress;
}

export interface NoteEntry {
  id: string;
  name: string;
  region: RegionRef;
  years: number[];
  note: string;
}

export interface Report {
  plan: { id: string; title: string; titleEn?: string };
  stage: Stage;
  /** The year looked at (y), the baseline year (b), the final year (T). */
  year: number;
  baselineYear: number;
  finalYear: number;
  method: ProgressMethod;
  /** Whose figure the top region's baseline is where the plan states one (src/engine/baseline.ts). */
  baseline: BaselineChoice;
  /** b … y, the columns of every series. */
  years: number[];
  regions: RegionRef[];
  /** The plan's region levels, to name them (6个市（区）中…). */
  levels: Array<{ id: string; name: string; nameEn?: string }>;
  /** The region the charts draw: the top region when reported, else the first. */
  chartRegion: string | null;
  summary: Counts & { byArea: Array<{ area: AreaRef } & Counts> };
  atRisk: AtRisk[];
  /** Met now, projected to miss in the final year (mid-term only). */
  warnings: EarlyWarning[];
  areas: AreaReport[];
  notes: NoteEntry[];
  diagnostics: Diagnostic[];
  /** The stage year's units without data of unit-level targets, one finding each, for --diagnostics FILE only (src/engine/units-without-data.ts). */
  unitsWithoutData: Diagnostic[];
}
