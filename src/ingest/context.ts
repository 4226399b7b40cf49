// What reading a return needs to know: the plan, and its indicators and regions indexed by
// every name a return may use for them. Its own file, so that the row readers
// (observation.ts, fast-rows.ts) both depend on it without depending on each other.
import type { Plan } from '../plan/model.js';
import type { IndicatorIndex, RegionIndex } from '../plan/lookup.js';

export interface ReturnsContext {
  plan: Plan;
  indicators: IndicatorIndex;
  regions: RegionIndex;
}
