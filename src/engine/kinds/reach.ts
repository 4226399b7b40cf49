// A bare number ("心理教师配备率 100"): read in the indicator's good direction.
import type { ReachTarget } from '../../plan/model.js';
import type { TargetKind } from './kind.js';
import { against, readNumber, singleValueSchema } from './shared.js';

export const reachKind: TargetKind<ReachTarget> = {
  kind: 'reach',
  schema: singleValueSchema,
  evaluate(target, ctx) {
    const read = readNumber(ctx);
    if ('verdict' in read) return read.verdict;
    return against(read.obs, read.value, target.value, ctx.indicator.direction === 'higher' ? 'min' : 'max', undefined, read.interval);
  },
  describe: (target, indicator) => ({
    code: indicator.direction === 'higher' ? 'target/at-least' : 'target/at-most',
    params: { value: target.value },
  }),
};
