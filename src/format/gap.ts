// Which side of its line a target is on, read from the target's description: a ceiling
// (≤ 4‰), a floor (≥ 95%, a bare 100 read upward), a change to achieve (下降20%,
// 年均降低1个百分点) or a 左右 band.
// The gap then reads as a statistician says it: 低于上限 1.27个千分点 (met), 高于上限
// 0.33个千分点, 距目标还差 0.5个百分点, 在目标区间内, 距规划目标值还差 0.069人 (左右, to the
// plan's own number).
import type { Reason } from '../engine/verdict.js';
import { atLeast, atMost, difference } from '../engine/numbers.js';

export type LineSide = { side: 'ceiling' } | { side: 'floor' } | { side: 'pace' } | { side: 'band'; low: number; high: number; good: 'higher' | 'lower' };

const CEILING = new Set(['target/at-most', 'target/about-lower']);
const FLOOR = new Set(['target/at-least', 'target/about-higher']);
/** A change to achieve (下降20%, 年均降低1个百分点): its line is where the change takes the baseline, not a bound the plan states. */
const PACE = new Set(['target/change-down', 'target/change-up', 'target/yearly-down', 'target/yearly-up']);

/** The side of a target's line; a band for 左右 (its two edges); undefined where it has none or several. */
export function lineSide(description: Reason): LineSide | undefined {
  if (description.inner) return lineSide(description.inner);
  const { code, params } = description;
  if ((code === 'target/about-higher' || code === 'target/about-lower') && typeof params.value === 'number' && typeof params.line === 'number') {
    const half = Math.abs(params.value - params.line);
    return { side: 'band', low: params.value - half, high: params.value + half, good: code === 'target/about-higher' ? 'higher' : 'lower' };
  }
  if (CEILING.has(code)) return { side: 'ceiling' };
  if (FLOOR.has(code)) return { side: 'floor' };
  if (PACE.has(code)) return { side: 'pace' };
  return undefined;
}

/** The gap's message code and amount, or undefined to word it without a side. */
export function gapWords(gap: number, value: unknown, description: Reason | undefined): { code: string; amount?: number } | undefined {
  const found = description && lineSide(description);
  if (!found) return undefined;
  let line: LineSide = found;
  if (line.side === 'band') {
    if (typeof value === 'number') {
      if (atLeast(value, line.low) && atMost(value, line.high)) return { code: 'gap/in-band' };
      const above = value > line.high;
      // Beyond the band on the good side: met, said against the band's edge; on the bad side the
      // gap is the engine's, to the plan's own number (0.85, not the edge 0.8075).
      if (above === (line.good === 'higher')) return above ? { code: 'gap/above-band', amount: difference(value, line.high) } : { code: 'gap/below-band', amount: difference(line.low, value) };
      return { code: above ? 'gap/over-about' : 'gap/short-of-about', amount: Math.abs(gap) };
    }
    // Without the value (an every-unit target's gap is its worst unit's), the band's good edge is the line.
    line = { side: line.good === 'higher' ? 'floor' : 'ceiling' };
  }
  if (line.side === 'ceiling') return gap === 0 ? { code: 'gap/on-ceiling' } : { code: gap > 0 ? 'gap/over-ceiling' : 'gap/under-ceiling', amount: Math.abs(gap) };
  const beyond = line.side === 'pace' ? 'gap/beyond-target' : 'gap/above-target';
  return gap === 0 ? { code: 'gap/on-target' } : { code: gap > 0 ? 'gap/short-of-target' : beyond, amount: Math.abs(gap) };
}
