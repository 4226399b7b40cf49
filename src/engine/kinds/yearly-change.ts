// 平均每年降低1个百分点以上: (value − base) / (year − baseline year) ≤ −1.
import type { YearlyChangeTarget } from '../../plan/model.js';
import { clean } from '../numbers.js';
import type { TargetKind } from './kind.js';
import { against, readAgainstBaseline } from './shared.js';

export const yearlyChangeKind: TargetKind<YearlyChangeTarget> = {
  kind: 'yearly-change',
  schema: {
    properties: { kind: true, perYear: { type: 'number' } },
    required: ['perYear'],
    additionalProperties: false,
  },
  evaluate(target, ctx) {
    const read = readAgainstBaseline(ctx);
    if ('verdict' in read) return read.verdict;
    const { base } = read;
    const years = ctx.year - base.year;
    // Compare the value with where the required pace would have taken it: the same
    // test as pace ≤ perYear, but the gap comes out in the indicator's own unit.
    const line = base.value + target.perYear * years;
    const verdict = against(read.obs, read.value, line, target.perYear < 0 ? 'max' : 'min');
    // The rate's interval is shown, but not held against the line: the line comes from a
    // baseline with an error of its own, which a one-sample interval does not account for.
    return { ...verdict, ...(read.interval ? { interval: read.interval } : {}), baseline: base, change: clean((read.value - base.value) / years) };
  },
  describe: (target, indicator) => ({
    code: target.perYear < 0 ? 'target/yearly-down' : 'target/yearly-up',
    params: { amount: Math.abs(target.perYear), unit: indicator.unit },
  }),
};
