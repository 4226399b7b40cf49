// ≤ / 以下 / 以内 / 不超过: the bound itself is met.
import type { AtMostTarget } from '../../plan/model.js';
import type { TargetKind } from './kind.js';
import { against, readNumber, singleValueSchema } from './shared.js';

export const atMostKind: TargetKind<AtMostTarget> = {
  kind: 'at-most',
  schema: singleValueSchema,
  evaluate(target, ctx) {
    const read = readNumber(ctx);
    return 'verdict' in read ? read.verdict : against(read.obs, read.value, target.value, 'max', undefined, read.interval);
  },
  describe: (target) => ({ code: 'target/at-most', params: { value: target.value } }),
};
