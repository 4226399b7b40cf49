// 以乡(镇)为单位达95%以上; 每个市(区)至少1个: every unit at the level meets the target,
// and the ones that do not are named.
import type { EveryUnitTarget, Region, Target } from '../../plan/model.js';
import type { TargetContext } from '../context.js';
import { rateInterval } from '../interval.js';
import { combine, type UnitVerdict, type Verdict } from '../verdict.js';
import type { TargetKind } from './kind.js';
import { emptyVerdict } from './shared.js';

export const everyUnitKind: TargetKind<EveryUnitTarget> = {
  kind: 'every-unit',
  schema: {
    properties: { kind: true, level: { type: 'string', minLength: 1 }, target: { $ref: '#' } },
    required: ['level', 'target'],
    additionalProperties: false,
  },
  evaluate(target, ctx) {
    return overUnits(ctx, target.level, target.target, () => true);
  },
  describe: (target, _indicator, describeInner) => ({
    code: 'target/every-unit',
    params: { level: target.level },
    inner: describeInner(target.target),
  }),
};

/**
 * Evaluate `inner` for each unit at `level` under the context's region that `applies` to.
 * A region at the level is its own single unit; a region below it is not applicable.
 */
export function overUnits(
  ctx: TargetContext,
  level: string,
  inner: Target,
  applies: (unit: Region) => boolean | undefined,
): Verdict {
  const levelDepth = ctx.plan.levels.findIndex((l) => l.id === level);
  const regionDepth = ctx.plan.levels.findIndex((l) => l.id === ctx.region.level);
  if (regionDepth > levelDepth) return emptyVerdict('not-applicable', { code: 'reason/below-level', params: { level } });
  const units = ctx.regions.unitsAt(ctx.region.code, level);
  if (units.length === 0) return emptyVerdict('no-data', { code: 'reason/no-units', params: { level } }, ctx.cell());

  const verdicts: UnitVerdict[] = [];
  const notes: string[] = [];
  for (const unit of units) {
    const applicable = applies(unit);
    if (applicable === false) continue;
    if (applicable === undefined) {
      verdicts.push({ code: unit.code, name: unit.name, status: 'no-data', value: null, gap: null, derived: false });
      continue;
    }
    const v = ctx.evaluateAt(inner, { region: unit });
    notes.push(...v.notes);
    verdicts.push({
      code: unit.code, name: unit.name, status: v.status, value: v.value, gap: v.gap, derived: v.derived,
      ...(v.interval ? { interval: v.interval } : {}),
      ...(v.chance ? { chance: v.chance } : {}),
    });
  }
  if (verdicts.length === 0) return emptyVerdict('not-applicable', { code: 'reason/no-unit-applies', params: { level } });

  const status = combine(verdicts.map((u) => u.status));
  const failing = verdicts.filter((u) => u.status === 'not-met' || u.status === 'invalid');
  const missing = verdicts.filter((u) => u.status === 'no-data');
  const gaps = verdicts.map((u) => u.gap).filter((g): g is number => g !== null);
  const own = units.length === 1 && units[0]!.code === ctx.region.code ? verdicts[0] : undefined;
  const cell = ctx.cell();
  // A unit judged on its own keeps its interval and what it says; a region over its units
  // shows the interval of its own Σ/Σ rate, which the verdict is not judged on.
  const interval = own ? own.interval : cell && !cell.invalid && typeof cell.value === 'number' ? rateInterval(ctx.indicator, cell.numerator, cell.denominator) : undefined;
  return {
    status,
    value: own ? own.value : cell && !cell.invalid && cell.value !== null ? cell.value : null,
    ...(interval ? { interval } : {}),
    ...(own?.chance ? { chance: own.chance } : {}),
    gap: gaps.length ? Math.max(...gaps) : null,
    threshold: null,
    derived: own ? own.derived : (cell?.derived ?? false),
    notes: [...new Set([...(cell?.notes ?? []), ...notes])],
    failingUnits: failing,
    missingUnits: missing,
    unitCount: verdicts.length,
    reason: { code: 'reason/units', params: { met: verdicts.filter((u) => u.status === 'met').length, total: verdicts.length } },
  };
}
