// The baseline x_b of a series: the returns' baseline-year cell, else the plan's
// stated baseline (top region, totals only) — the same rule the engine's change
// targets use (CONTRACT §2, §6). A bad baseline cell is never replaced by the plan's figure.
import type { CellStore } from '../model/cells.js';
import type { ProgressBaseline } from '../engine/progress.js';
import type { RegionIndex } from '../plan/lookup.js';
import type { Indicator, Plan, Residence, Sex } from '../plan/model.js';

export function baselineFor(
  plan: Pick<Plan, 'baselineYear'>,
  regions: RegionIndex,
  cells: CellStore,
  indicator: Indicator,
  regionCode: string,
  sex: Sex = 'total',
  residence: Residence = 'total',
): ProgressBaseline | 'invalid' | null {
  const year = plan.baselineYear;
  const obs = cells.get(indicator.id, regionCode, year, sex, residence);
  if (obs?.invalid) return 'invalid';
  if (obs && typeof obs.value === 'number') return { year, value: obs.value, from: 'data' };
  const stated = indicator.baseline;
  if (stated && regionCode === regions.top.code && sex === 'total' && residence === 'total') return { year: stated.year, value: stated.value, from: 'plan' };
  return null;
}
