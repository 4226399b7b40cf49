// The baseline x_b a change, a pace or a trend is measured from (CONTRACT §2 “Baselines”, §6).
// The plan's stated figure is the official baseline of the region it describes (its top region,
// totals only): it is used even where a return's baseline-year row says otherwise, unless the
// analyst asks for the returns' figures (`--baseline returns`, a revised series). Every other
// region, and the top region without a stated figure, takes its baseline-year row. A bad
// baseline row is bad data: never quietly replaced by the plan's figure when the row is the one used.
import type { CellStore } from '../model/cells.js';
import type { RegionIndex } from '../plan/lookup.js';
import type { Indicator, Plan, Residence, Sex } from '../plan/model.js';

/** Which figure is the top region's baseline where the plan states one: the plan's (default) or the return's. */
export type BaselineChoice = 'plan' | 'returns';
export const BASELINE_CHOICES: readonly BaselineChoice[] = ['plan', 'returns'];

export interface BaselineValue {
  year: number;
  value: number;
  from: 'data' | 'plan';
}

export function officialBaseline(
  plan: Pick<Plan, 'baselineYear'>,
  regions: RegionIndex,
  cells: CellStore,
  indicator: Pick<Indicator, 'id' | 'baseline'>,
  regionCode: string,
  sex: Sex = 'total',
  residence: Residence = 'total',
  choice: BaselineChoice = 'plan',
): BaselineValue | 'invalid' | undefined {
  const stated = indicator.baseline;
  const planFigure = stated && regionCode === regions.top.code && sex === 'total' && residence === 'total' ? { year: stated.year, value: stated.value, from: 'plan' as const } : undefined;
  if (planFigure && choice === 'plan') return planFigure;
  const obs = cells.get(indicator.id, regionCode, plan.baselineYear, sex, residence);
  if (obs?.invalid) return 'invalid';
  if (obs && typeof obs.value === 'number') return { year: plan.baselineYear, value: obs.value, from: 'data' };
  return planFigure;
}

/** Decimals of a figure as the plan writes it (1.94 → 2): the precision at which a return's figure is compared with it. */
export function decimalsOf(x: number): number {
  const s = String(x);
  if (/e/i.test(s)) return Math.max(0, -Math.floor(Math.log10(Math.abs(x))) + 1);
  return (s.split('.')[1] ?? '').length;
}

/** Whether a return's figure differs from the plan's beyond rounding at the plan figure's precision (2.02 vs 1.94: yes; 1.9412 vs 1.94: no). */
export function differsBeyondRounding(planValue: number, returnValue: number): boolean {
  const d = decimalsOf(planValue);
  const round = (x: number) => Math.round(Number(x.toFixed(Math.min(20, d + 6))) * 10 ** d);
  return round(returnValue) !== round(planValue);
}
