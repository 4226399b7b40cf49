// 下降20%: (value − base) / base ≤ −20 %, base from the baseline-year row, else the plan.
import type { ChangeTarget } from '../../plan/model.js';
import { clean } from '../numbers.js';
import type { TargetKind } from './kind.js';
import { against, emptyVerdict, readAgainstBaseline } from './shared.js';

export const changeKind: TargetKind<ChangeTarget> = {
  kind: 'change',
  schema: {
    properties: { kind: true, relative: { type: 'number', minimum: -1 } },
    required: ['relative'],
    additionalProperties: false,
  },
  evaluate(target, ctx) {
    const read = readAgainstBaseline(ctx);
    if ('verdict' in read) return read.verdict;
    const { base } = read;
    if (base.value === 0) return emptyVerdict('no-data', { code: 'reason/zero-baseline', params: {} }, read.obs);
    const line = base.value * (1 + target.relative);
    const verdict = against(read.obs, read.value, line, target.relative < 0 ? 'max' : 'min');
    // The rate's interval is shown, but not held against the line: the line comes from a
    // baseline with an error of its own, which a one-sample interval does not account for.
    return { ...verdict, ...(read.interval ? { interval: read.interval } : {}), baseline: base, change: clean((read.value - base.value) / base.value) };
  },
  describe: (target) => ({
    code: target.relative < 0 ? 'target/change-down' : 'target/change-up',
    params: { percent: clean(Math.abs(target.relative) * 100) },
  }),
};
