// The plan model: what a development plan says, as data.
// Loaded from YAML rule files (see plan/ and src/schema/), never hard-coded.
import type { Residence, Sex } from '../model/disaggregation.js';

/** Which way a value should move for the plan to be met. */
export type Direction = 'higher' | 'lower';

/**
 * How an indicator's value is built and aggregated.
 * - rate: numerator / denominator × scale; a parent region is Σ numerator / Σ denominator
 * - count: additive; a parent region is Σ value
 * - value: a measurement that cannot be aggregated (hours a day, an index)
 * - boolean: yes / no
 */
export type Measure = 'rate' | 'count' | 'value' | 'boolean';

/**
 * What an indicator's figure is, as the plan files declare it (CONTRACT §2 “Statistical nature”).
 * - events: rare events or cases counted in a population (deaths per live births, cases among
 *   children screened): the figure estimates an underlying rate, so it carries an interval
 * - survey: an estimate from a sample survey (知晓率, 普及率 from 抽样调查): an interval too
 * - census: a complete count (institutions, schools, facilities, days, every pupil): no interval,
 *   no chance note — nothing in it is random
 */
export type Nature = 'events' | 'survey' | 'census';

export type { Residence, Sex } from '../model/disaggregation.js';
export type Part = Exclude<Sex, 'total'> | Exclude<Residence, 'total'>;
export type SplitDimension = 'sex' | 'residence';

export interface Tolerance {
  /** ± in the indicator's own unit (percentage points for a % indicator). */
  absolute?: number;
  /** ± as a fraction of the target value (0.05 = 5 %). */
  relative?: number;
}

export interface AtMostTarget { kind: 'at-most'; value: number }
export interface AtLeastTarget { kind: 'at-least'; value: number }
/** A bare number ("100", "75"): read in the indicator's good direction. */
export interface ReachTarget { kind: 'reach'; value: number }
export interface AboutTarget { kind: 'about'; value: number; tolerance?: Tolerance }
export interface SplitTarget {
  kind: 'split';
  by: SplitDimension;
  parts: Array<{ part: Part; text: string; target: Target }>;
}
export interface EveryUnitTarget { kind: 'every-unit'; level: string; target: Target }
/** Relative change from the baseline year: −0.2 = "下降20%". */
export interface ChangeTarget { kind: 'change'; relative: number }
/** Average change per year since the baseline, in the indicator's unit: −1 = "每年降低1个百分点以上". */
export interface YearlyChangeTarget { kind: 'yearly-change'; perYear: number }
export interface TrendTarget { kind: 'trend'; direction: 'falling' | 'falling-markedly' | 'not-rising' | 'rising' | 'not-falling' }
export interface ConditionalTarget {
  kind: 'conditional';
  /** The condition reads another indicator of the same region and year (e.g. population). */
  when: { indicator: string; atLeast?: number; atMost?: number };
  level: string;
  target: Target;
}
export interface YesNoTarget { kind: 'yes-no'; expected?: boolean }

export type Target =
  | AtMostTarget
  | AtLeastTarget
  | ReachTarget
  | AboutTarget
  | SplitTarget
  | EveryUnitTarget
  | ChangeTarget
  | YearlyChangeTarget
  | TrendTarget
  | ConditionalTarget
  | YesNoTarget;

export type TargetKind = Target['kind'];

export interface Baseline {
  year: number;
  value: number;
  /** The plan's sentence that states it. */
  source: string;
}

export interface Indicator {
  id: string;
  /** The measured quantity exactly as the plan writes it. */
  name: string;
  nameEn?: string;
  /** Other spellings a return may use. */
  aliases: string[];
  area: string;
  /** Number in the plan's table of main indicators, if it is one. */
  main?: number;
  /** Display unit: %, ‰, 1/10万, 人, 个, 所, … */
  unit: string;
  /** value = numerator / denominator × scale (rates only). */
  scale?: number;
  measure: Measure;
  nature: Nature;
  /** Decimals the plan publishes the figure with; every reader-facing number of it uses them. */
  decimals?: number;
  direction: Direction;
  /** The target as the plan words it (≤3, 0.85人左右, 城市社区100 农村社区90). */
  text: string;
  /** The plan sentence the target comes from. */
  source: string;
  /** Absent for context indicators (population), which are read but not evaluated. */
  target?: Target;
  baseline?: Baseline;
  /** Where the rule was read from, for located messages. */
  origin: { file: string; line: number };
}

export interface Area {
  id: string;
  name: string;
  nameEn?: string;
}

export interface Region {
  code: string;
  name: string;
  aliases: string[];
  level: string;
  parent?: string;
  population?: number;
}

export interface Level {
  id: string;
  name: string;
  nameEn?: string;
}

export interface Plan {
  id: string;
  title: string;
  titleEn?: string;
  period: { start: number; end: number };
  baselineYear: number;
  midtermYear: number;
  finalYear: number;
  levels: Level[];
  regions: Region[];
  areas: Area[];
  indicators: Indicator[];
  /** Indicator whose data (or the regions file's population column) gives a region's population. */
  populationIndicator?: string;
  /** The folder the plan was read from. */
  dir: string;
}
