// What a target kind sees when it evaluates: the plan, the indicator, where and
// when, and the cells of the returns (read and derived). Pure data, no I/O.
import type { Indicator, Plan, Region, Residence, Sex, Target } from '../plan/model.js';
import type { RegionIndex } from '../plan/lookup.js';
import type { Observation } from '../model/observation.js';
import type { CellStore } from '../model/cells.js';
import type { Verdict } from './verdict.js';
import type { BaselineChoice } from './baseline.js';

export interface Place {
  region: Region;
  sex: Sex;
  residence: Residence;
}

export interface TargetContext extends Place {
  plan: Plan;
  indicator: Indicator;
  regions: RegionIndex;
  year: number;
  cells: CellStore;
  /** Whose figure is the top region's baseline where the plan states one (src/engine/baseline.ts). */
  baseline: BaselineChoice;
  /** The cell this context looks at, if the returns have it. */
  cell(): Observation | undefined;
  /** Evaluate a nested target somewhere else (a part, a unit) for the same indicator and year. */
  evaluateAt(target: Target, place: Partial<Place>): Verdict;
  /**
   * A value worked out once per evaluation for a target, this indicator, year and
   * disaggregation, and a key: what a 市(区)'s units say is worked out for the city and kept
   * for the 市(区)'s own result.
   */
  remember<T>(target: Target, key: string, make: () => T): T;
}
