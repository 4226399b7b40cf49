// 成立儿童议事会: the value is yes (是/有/1/true).
import type { YesNoTarget } from '../../plan/model.js';
import type { TargetKind } from './kind.js';
import { emptyVerdict } from './shared.js';

export const yesNoKind: TargetKind<YesNoTarget> = {
  kind: 'yes-no',
  schema: {
    properties: { kind: true, expected: { type: 'boolean' } },
    additionalProperties: false,
  },
  evaluate(target, ctx) {
    const obs = ctx.cell();
    if (obs?.invalid) return emptyVerdict('invalid', { code: `reason/invalid-${obs.invalid}`, params: {} }, obs);
    if (!obs || obs.value === null) return emptyVerdict('no-data', { code: 'reason/no-value', params: { year: ctx.year } }, obs);
    if (typeof obs.value !== 'boolean') return emptyVerdict('invalid', { code: 'reason/not-yes-no', params: {} }, obs);
    const expected = target.expected ?? true;
    return {
      status: obs.value === expected ? 'met' : 'not-met',
      value: obs.value,
      gap: null,
      threshold: null,
      derived: obs.derived,
      notes: obs.notes,
    };
  },
  describe: (target) => ({ code: (target.expected ?? true) ? 'target/yes' : 'target/no', params: {} }),
};
