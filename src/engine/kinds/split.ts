// 城市社区100 农村社区90: each part meets its own target; the whole only when every part does.
import type { SplitTarget } from '../../plan/model.js';
import { rateInterval } from '../interval.js';
import { combine, type PartVerdict } from '../verdict.js';
import type { TargetKind } from './kind.js';

export const splitKind: TargetKind<SplitTarget> = {
  kind: 'split',
  schema: {
    properties: {
      kind: true,
      by: { enum: ['sex', 'residence'] },
      parts: {
        type: 'array',
        minItems: 2,
        items: {
          type: 'object',
          properties: {
            part: { enum: ['male', 'female', 'urban', 'rural'] },
            text: { type: 'string', minLength: 1 },
            target: { $ref: '#' },
          },
          required: ['part', 'text', 'target'],
          additionalProperties: false,
        },
      },
    },
    required: ['by', 'parts'],
    additionalProperties: false,
  },
  evaluate(target, ctx) {
    const parts: PartVerdict[] = target.parts.map((p) => {
      const where = target.by === 'sex' ? { sex: p.part as 'male' | 'female' } : { residence: p.part as 'urban' | 'rural' };
      const v = ctx.evaluateAt(p.target, where);
      return {
        part: p.part, text: p.text, status: v.status, value: v.value, threshold: v.threshold, gap: v.gap, derived: v.derived,
        ...(v.interval ? { interval: v.interval } : {}),
        ...(v.chance ? { chance: v.chance } : {}),
      };
    });
    const total = ctx.cell();
    const status = combine(parts.map((p) => p.status));
    const gaps = parts.map((p) => p.gap).filter((g): g is number => g !== null);
    const notes = [...new Set([...(total?.notes ?? []), ...target.parts.flatMap((p) => {
      const o = ctx.cells.get(ctx.indicator.id, ctx.region.code, ctx.year,
        target.by === 'sex' ? (p.part as 'male' | 'female') : 'total',
        target.by === 'residence' ? (p.part as 'urban' | 'rural') : 'total');
      return o?.notes ?? [];
    })])];
    // The whole shows its total's interval; each part is judged, with its own, against its own line.
    const interval = total && !total.invalid && typeof total.value === 'number' ? rateInterval(ctx.indicator, total.numerator, total.denominator) : undefined;
    return {
      status,
      value: total && typeof total.value === 'number' ? total.value : null,
      ...(interval ? { interval } : {}),
      gap: gaps.length ? Math.max(...gaps) : null,
      threshold: null,
      derived: (total?.derived ?? false) || parts.some((p) => p.derived),
      notes,
      parts,
    };
  },
  describe: (target) => ({ code: 'target/split', params: { parts: target.parts.map((p) => p.text).join(' ') } }),
};
