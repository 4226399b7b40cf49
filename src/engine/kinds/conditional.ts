// 30万人口以上的市（区）至少一所特殊教育学校: the target applies only to the units
// meeting the condition, read from another indicator of the same region and year.
import type { ConditionalTarget, Region } from '../../plan/model.js';
import { listParam } from '../../diagnostics.js';
import type { TargetContext } from '../context.js';
import type { Verdict } from '../verdict.js';
import { atLeast, atMost } from '../numbers.js';
import type { TargetKind } from './kind.js';
import { overUnits } from './every-unit.js';

export const conditionalKind: TargetKind<ConditionalTarget> = {
  kind: 'conditional',
  schema: {
    properties: {
      kind: true,
      when: {
        type: 'object',
        properties: {
          indicator: { type: 'string', minLength: 1 },
          atLeast: { type: 'number' },
          atMost: { type: 'number' },
        },
        required: ['indicator'],
        minProperties: 2,
        additionalProperties: false,
      },
      level: { type: 'string', minLength: 1 },
      target: { $ref: '#' },
    },
    required: ['when', 'level', 'target'],
    additionalProperties: false,
  },
  evaluate(target, ctx) {
    return withConditionMissing(target, ctx, overUnits(ctx, target.level, target.target, (unit) => conditionHolds(target, ctx, unit)));
  },
  describe: (target, _indicator, describeInner) => ({
    code: target.when.atLeast !== undefined ? 'target/conditional-at-least' : 'target/conditional-at-most',
    params: { indicator: target.when.indicator, value: target.when.atLeast ?? target.when.atMost ?? '', level: target.level },
    inner: describeInner(target.target),
  }),
};

/** true / false, or undefined when the condition's value is unknown for the unit. */
function conditionHolds(target: ConditionalTarget, ctx: TargetContext, unit: Region): boolean | undefined {
  // The condition's value for the year, else the latest year before it (population
  // is often counted less often than the indicators it conditions).
  const years = ctx.cells.years(target.when.indicator, unit.code).filter((y) => y <= ctx.year);
  let value: number | undefined;
  for (const year of years.reverse()) {
    const obs = ctx.cells.get(target.when.indicator, unit.code, year);
    if (typeof obs?.value === 'number' && !obs.invalid) {
      value = obs.value;
      break;
    }
  }
  if (value === undefined && target.when.indicator === ctx.plan.populationIndicator) value = unit.population;
  if (value === undefined) return undefined;
  if (target.when.atLeast !== undefined && !atLeast(value, target.when.atLeast)) return false;
  if (target.when.atMost !== undefined && !atMost(value, target.when.atMost)) return false;
  return true;
}

/**
 * The units that cannot be judged because the condition's value is missing (特殊教育学校数
 * given, no 人口): not “no data” like a unit without the indicator. The reason names the
 * condition's indicator and those units, and a unit judged on itself shows its value.
 */
function withConditionMissing(target: ConditionalTarget, ctx: TargetContext, v: Verdict): Verdict {
  const missing = v.missingUnits ?? [];
  const own = ctx.region.level === target.level;
  // Only a unit that gives the indicator lacks just its condition; one without either lacks data.
  const given = (unit: Region) => {
    const cell = ctx.cells.get(ctx.indicator.id, unit.code, ctx.year);
    return cell !== undefined && cell.value !== null;
  };
  const unknown = own
    ? (given(ctx.region) && conditionHolds(target, ctx, ctx.region) === undefined ? [ctx.region] : [])
    : missing.flatMap((u) => {
        const unit = ctx.regions.get(u.code);
        return unit && given(unit) && conditionHolds(target, ctx, unit) === undefined ? [unit] : [];
      });
  if (unknown.length === 0) return v;
  const codes = new Set(unknown.map((u) => u.code));
  const cell = own ? ctx.cell() : undefined;
  const value = own ? (cell && !cell.invalid && cell.value !== null ? cell.value : null) : v.value;
  return {
    ...v,
    value,
    missingUnits: missing.filter((u) => !codes.has(u.code)),
    reason: {
      code: 'reason/condition-missing',
      params: { indicator: target.when.indicator, count: unknown.length, ...listParam('units', unknown.map((u) => u.name)) },
    },
  };
}
