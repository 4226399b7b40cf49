// ≥ / 以上 / 不低于: the bound itself is met.
import type { AtLeastTarget } from '../../plan/model.js';
import type { TargetKind } from './kind.js';
import { against, readNumber, singleValueSchema } from './shared.js';

export const atLeastKind: TargetKind<AtLeastTarget> = {
  kind: 'at-least',
  schema: singleValueSchema,
  evaluate(target, ctx) {
    const read = readNumber(ctx);
    return 'verdict' in read ? read.verdict : against(read.obs, read.value, target.value, 'min', undefined, read.interval);
  },
  describe: (target) => ({ code: 'target/at-least', params: { value: target.value } }),
};
