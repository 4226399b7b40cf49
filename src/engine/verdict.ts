// What the engine says about one indicator, for one region and year.
import type { Params } from '../diagnostics.js';
import type { Part, Region } from '../plan/model.js';
import type { Chance, Interval } from './interval.js';

export type Status = 'met' | 'not-met' | 'no-data' | 'invalid' | 'not-applicable';

export const STATUSES: readonly Status[] = ['met', 'not-met', 'no-data', 'invalid', 'not-applicable'];

/** Why a verdict is what it is, as a message code for the formatters to word. */
export interface Reason {
  code: string;
  params: Params;
  /** A nested target's description (every unit …, each unit meeting a condition …). */
  inner?: Reason;
}

export interface UnitVerdict {
  code: string;
  name: string;
  status: Status;
  value: number | boolean | null;
  gap: number | null;
  derived: boolean;
  /** The unit's own interval and what it says, where its value is a rate with numerator and denominator. */
  interval?: Interval;
  chance?: Chance;
}

export interface PartVerdict {
  part: Part;
  text: string;
  status: Status;
  value: number | boolean | null;
  /** The line the part is compared against. */
  threshold: number | null;
  gap: number | null;
  derived: boolean;
  /** The part's own interval and what it says, where its value is a rate with numerator and denominator. */
  interval?: Interval;
  chance?: Chance;
}

export interface Verdict {
  status: Status;
  /** The value evaluated, in the indicator's unit. */
  value: number | boolean | null;
  /**
   * Distance to the line in the indicator's unit, measured in the good direction:
   * positive = still short by that much, negative = beyond the line by that much,
   * null where no line applies (trend, yes/no, no data).
   */
  gap: number | null;
  /** The number the value is compared against, after tolerance and baseline are applied. */
  threshold: number | null;
  derived: boolean;
  /** 备注 of the rows behind the value. */
  notes: string[];
  /** 95 % interval of a rate computed from a numerator and a denominator (src/engine/interval.ts). */
  interval?: Interval;
  /** What the interval says about the verdict; absent when it says nothing. */
  chance?: Chance;
  reason?: Reason;
  parts?: PartVerdict[];
  /**
   * every-unit and conditional targets: the units that fail, and those without data. The units
   * without data are named unless none of the units judged has data (missingUnitCount =
   * unitCount, a region over its units): then missingUnits is empty, and unitsWithoutData holds
   * them for --diagnostics FILE.
   */
  failingUnits?: UnitVerdict[];
  missingUnits?: UnitVerdict[];
  missingUnitCount?: number;
  unitCount?: number;
  /** The units judged, when none of them has data (not written by the formats: they count them). */
  unitsWithoutData?: readonly Region[];
  /** change and yearly-change targets: the baseline used. */
  baseline?: { year: number; value: number; from: 'data' | 'plan' };
  /** change targets: relative change; yearly-change: change per year. */
  change?: number;
  /** trend targets: the points read. */
  series?: Array<{ year: number; value: number }>;
  /** trend targets: the fitted slope a year and what it says (src/engine/trend-fit.ts). */
  trend?: { slope: number; movement: 'rising' | 'falling' | 'flat'; test: 'chance' | 'band' };
}

/** How several verdicts combine (split parts, every unit): one failure fails the whole. */
export function combine(statuses: readonly Status[]): Status {
  const relevant = statuses.filter((s) => s !== 'not-applicable');
  if (relevant.length === 0) return 'not-applicable';
  if (relevant.includes('not-met')) return 'not-met';
  if (relevant.includes('invalid')) return 'invalid';
  if (relevant.includes('no-data')) return 'no-data';
  return 'met';
}
