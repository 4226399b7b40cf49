// 以乡(镇)为单位达95%以上; 每个市(区)至少1个: every unit at the level meets the target,
// and the ones that do not are named.
import type { EveryUnitTarget, Region, Target } from '../../plan/model.js';
import type { TargetContext } from '../context.js';
import { rateInterval } from '../interval.js';
import { combine, type Status, type UnitVerdict, type Verdict } from '../verdict.js';
import type { TargetKind } from './kind.js';
import { kindOf } from './index.js';
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
  describe: (target, indicator) => ({
    code: 'target/every-unit',
    params: { level: target.level },
    inner: kindOf(target.target).describe(target.target, indicator),
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

  // Failing units are named; units without data are kept as the regions they are (and their
  // verdicts) until the end, where they are named unless none of the units has data: a
  // regions file of 74,000 乡镇 and a return without the indicator would otherwise name every
  // one of them, at the city and again at each 市(区).
  const failing: UnitVerdict[] = [];
  const missing: Region[] = [];
  const missingVerdicts: Array<Verdict | undefined> = [];
  const statuses = new Set<Status>();
  const notes: string[] = [];
  let judged = 0;
  let met = 0;
  let gap: number | null = null;
  let first: UnitVerdict | undefined;
  for (const unit of units) {
    const applicable = applies(unit);
    if (applicable === false) continue;
    judged++;
    if (applicable === undefined) {
      statuses.add('no-data');
      missing.push(unit);
      missingVerdicts.push(undefined);
      if (judged === 1) first = noDataUnit(unit);
      continue;
    }
    const v = ctx.evaluateAt(inner, { region: unit });
    notes.push(...v.notes);
    statuses.add(v.status);
    if (v.status === 'met') met++;
    if (v.gap !== null) gap = gap === null ? v.gap : Math.max(gap, v.gap);
    if (v.status === 'no-data') {
      missing.push(unit);
      missingVerdicts.push(v);
    } else if (v.status === 'not-met' || v.status === 'invalid') failing.push(unitVerdict(unit, v));
    if (judged === 1) first = unitVerdict(unit, v);
  }
  if (judged === 0) return emptyVerdict('not-applicable', { code: 'reason/no-unit-applies', params: { level } });

  const status = combine([...statuses]);
  const own = units.length === 1 && units[0]!.code === ctx.region.code ? first : undefined;
  // No unit has data: counted, not named (the names are every unit judged, kept for --diagnostics FILE).
  const noneHasData = !own && missing.length === judged;
  const missingUnits = noneHasData
    ? []
    : missing.map((unit, i) => {
        const v = missingVerdicts[i];
        return v ? unitVerdict(unit, v) : noDataUnit(unit);
      });
  const cell = ctx.cell();
  // A unit judged on its own keeps its interval and what it says; a region over its units
  // shows the interval of its own Σ/Σ rate, which the verdict is not judged on.
  const interval = own ? own.interval : cell && !cell.invalid && typeof cell.value === 'number' ? rateInterval(ctx.indicator, cell.numerator, cell.denominator) : undefined;
  return {
    status,
    value: own ? own.value : cell && !cell.invalid && cell.value !== null ? cell.value : null,
    ...(interval ? { interval } : {}),
    ...(own?.chance ? { chance: own.chance } : {}),
    gap,
    threshold: null,
    derived: own ? own.derived : (cell?.derived ?? false),
    notes: [...new Set([...(cell?.notes ?? []), ...notes])],
    failingUnits: failing,
    missingUnits,
    missingUnitCount: missing.length,
    ...(noneHasData ? { unitsWithoutData: missing } : {}),
    unitCount: judged,
    reason: noneHasData
      ? { code: 'reason/no-unit-data', params: { total: judged, level } }
      : { code: 'reason/units', params: { met, total: judged } },
  };
}

/** A unit the condition of a conditional target cannot be worked out for. */
function noDataUnit(unit: Region): UnitVerdict {
  return { code: unit.code, name: unit.name, status: 'no-data', value: null, gap: null, derived: false };
}

function unitVerdict(unit: Region, v: Verdict): UnitVerdict {
  return {
    code: unit.code, name: unit.name, status: v.status, value: v.value, gap: v.gap, derived: v.derived,
    ...(v.interval ? { interval: v.interval } : {}),
    ...(v.chance ? { chance: v.chance } : {}),
  };
}
