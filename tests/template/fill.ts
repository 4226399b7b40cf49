// Filling in a return form the way a statistician would: a value that meets each
// target (on the bound itself where the target has one, which is the hardest case),
// a numerator and denominator instead of the value for every other rate row; in the baseline
// year, the plan's stated baseline where it states one.
import type { Indicator, Part, Plan, Target } from '../../src/plan/model.js';

export interface Filled {
  value?: string | number;
  numerator?: number;
  denominator?: number;
}

/** The value meeting a target in the final year; `base` in the baseline year. */
function meeting(t: Target, part: Part | undefined, year: number, plan: Plan): number | boolean {
  const base = year === plan.baselineYear;
  switch (t.kind) {
    case 'at-most':
    case 'at-least':
    case 'reach':
    case 'about':
      return t.value;
    case 'split':
      return meeting(t.parts.find((p) => p.part === part)!.target, part, year, plan);
    case 'every-unit':
    case 'conditional':
      return meeting(t.target, part, year, plan);
    case 'change':
      return base ? 10 : 10 * (1 + t.relative);
    case 'yearly-change':
      return base ? 50 : 50 + t.perYear * (year - plan.baselineYear);
    case 'trend':
      // 10 → 8 over the plan: a fall of 4 % of the baseline a year, enough for 明显下降 too.
      return base ? 10 : t.direction === 'falling' || t.direction === 'falling-markedly' ? 8 : 10;
    case 'yes-no':
      return t.expected ?? true;
  }
}

/** `row` odd (or `ratios`): a rate is given as numerator and denominator instead of its value. */
export function fill(indicator: Indicator, part: Part | undefined, year: number, plan: Plan, row: number, ratios = false): Filled {
  if (!indicator.target) return { value: 500000 }; // context: the population of a conditional target
  // The baseline year as the plan states it, where it does: a return agreeing with the plan (no
  // finding). 新生儿死亡率, for which it states none, below its 婴儿死亡率 1.94‰ that year (mortality-order).
  const stated = year !== plan.baselineYear || part !== undefined ? undefined : indicator.baseline?.value ?? (indicator.id === 'neonatal-mortality' ? 1.5 : undefined);
  const v = stated ?? meeting(indicator.target, part, year, plan);
  if (typeof v === 'boolean') return { value: v ? '是' : '否' };
  if (indicator.measure === 'rate' && (ratios || row % 2 === 1) && indicator.scale !== undefined) {
    // v = numerator / denominator × scale, exactly: 4 ‰ = 40 / 10000 × 1000.
    const denominator = 100000;
    return { numerator: Math.round((v * denominator) / indicator.scale), denominator };
  }
  return { value: v };
}
