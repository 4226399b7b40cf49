// 以乡(镇)为单位达95%以上; 每个市(区)至少1个: every unit at the level meets the target,
// and the ones that do not are named.
import type { EveryUnitTarget, Region, Target } from '../../plan/model.js';
import type { TargetContext } from '../context.js';
import { rateInterval } from '../interval.js';
import { clean } from '../numbers.js';
import { combine, STATUSES, type Status, type UnitVerdict, type Verdict } from '../verdict.js';
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
    const verdict = overUnits(ctx, target.level, target.target, () => true);
    if (verdict.status === 'met' || verdict.status === 'not-applicable') return verdict;
    // Every unit judged and one failing: the worst of them is the gap, known exactly.
    if (verdict.status === 'not-met' && !verdict.missingUnitCount) return verdict;
    // Units missing or without data: a miss may still be proven (provenMiss), and where units
    // fail, the proof may show a larger shortfall than theirs (a unit without data is further
    // off), which is then the gap: improving a unit's value never widens it.
    const proof = provenMiss(target, ctx);
    if (!proof) return verdict;
    if (verdict.status !== 'not-met') return { ...verdict, ...proof };
    return wider(proof.gap, verdict.gap) ? { ...verdict, gap: proof.gap!, reason: proof.reason! } : verdict;
  },
  describe: (target, _indicator, describeInner) => ({
    code: 'target/every-unit',
    params: { level: target.level },
    inner: describeInner(target.target),
  }),
};

/** Targets whose units' Σ/Σ value is a weighted mean of theirs: the region's own value below the line proves a unit below it. */
const LINE_KINDS: ReadonlySet<Target['kind']> = new Set(['at-least', 'at-most', 'reach', 'about']);

/**
 * A miss of an every-unit target that the figures prove whatever else is missing: a rate's
 * region value is Σ numerator / Σ denominator of its units, a weighted mean of theirs, so a
 * region value beyond the line (a 市(区) at 94 % against 95 % for every 乡镇) means at least one
 * of its units is beyond it too; and a region above is missed when one of its regions is. The
 * verdict is not-met, with the region's own value, and the reason names the region that proves
 * it; the gap is the proving region's (at least one unit is short by that much or more), and of
 * several proofs the one with the largest gap is kept.
 */
function provenMiss(target: EveryUnitTarget, ctx: TargetContext): Partial<Verdict> | undefined {
  if (ctx.indicator.measure !== 'rate' || !LINE_KINDS.has(target.target.kind) || ctx.region.level === target.level) return undefined;
  const levelDepth = ctx.plan.levels.findIndex((l) => l.id === target.level);
  const own = ctx.evaluateAt(target.target, {});
  // Of several proofs, the one proving the largest shortfall (the first of equals).
  let best = own.status === 'not-met' ? proof(ctx.region, own, target.level) : undefined;
  for (const child of ctx.regions.children(ctx.region.code)) {
    if (ctx.plan.levels.findIndex((l) => l.id === child.level) >= levelDepth) continue;
    const v = ctx.evaluateAt(target, { region: child });
    if (v.status === 'not-met' && (!best || wider(v.gap, best.gap))) {
      best = { status: 'not-met', gap: v.gap, reason: { code: 'reason/units-proven-below', params: { region: child.name, level: target.level } } };
    }
  }
  return best;
}

/** Whether gap `a` is a larger shortfall than `b` (a gap not known is none). */
const wider = (a: number | null | undefined, b: number | null | undefined): boolean => (a ?? -Infinity) > (b ?? -Infinity);

function proof(region: Region, v: Verdict, level: string): Partial<Verdict> {
  return {
    status: 'not-met',
    gap: v.gap,
    reason: { code: 'reason/units-proven', params: { region: region.name, value: clean(v.value as number), line: v.threshold ?? undefined, level } },
  };
}

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
  const own = ctx.region.level === level;
  const s = own ? ownUnit(ctx, inner, applies) : unitsBelow(ctx, ctx.region, level, inner, applies);
  if (s.units === 0) return emptyVerdict('no-data', { code: 'reason/no-units', params: { level } }, ctx.cell());
  if (s.judged === 0) return emptyVerdict('not-applicable', { code: 'reason/no-unit-applies', params: { level } });

  const status = combine(STATUSES.filter((x) => s.statuses.has(x)));
  const first = own ? (s.failing[0] ?? (s.missing.length ? missingUnit(s, 0) : s.first)) : undefined;
  // No unit has data: counted, not named (the names are every unit judged, kept for --diagnostics FILE).
  const noneHasData = !own && s.missing.length === s.judged;
  const cell = ctx.cell();
  // A unit judged on its own keeps its interval and what it says; a region over its units
  // shows the interval of its own Σ/Σ rate, which the verdict is not judged on.
  const interval = first ? first.interval : cell && !cell.invalid && typeof cell.value === 'number' ? rateInterval(ctx.indicator, cell.numerator, cell.denominator) : undefined;
  return {
    status,
    value: first ? first.value : cell && !cell.invalid && cell.value !== null ? cell.value : null,
    ...(interval ? { interval } : {}),
    ...(first?.chance ? { chance: first.chance } : {}),
    gap: s.gap,
    threshold: null,
    derived: first ? first.derived : (cell?.derived ?? false),
    notes: [...new Set([...(cell?.notes ?? []), ...s.notes])],
    failingUnits: s.failing,
    missingUnits: noneHasData ? [] : s.missing.map((_, i) => missingUnit(s, i)),
    missingUnitCount: s.missing.length,
    ...(noneHasData ? { unitsWithoutData: s.missing } : {}),
    unitCount: s.judged,
    reason: noneHasData
      ? { code: 'reason/no-unit-data', params: { total: s.judged, level } }
      : { code: 'reason/units', params: { met: s.met, total: s.judged } },
  };
}

/**
 * What the units below a region say, in the order regions.unitsAt lists them. Failing units
 * are named; a unit without data is kept as the region it is (with its verdict only when that
 * says more than “no data”), so that a region with 74,000 乡镇 and no township rows holds
 * references, not a verdict each.
 */
interface Units {
  /** Units at the level (applicable or not), and those judged (the target applies or may). */
  units: number;
  judged: number;
  met: number;
  gap: number | null;
  statuses: Set<Status>;
  /** The units' notes, each once, in the order met. */
  notes: Set<string>;
  failing: UnitVerdict[];
  missing: Region[];
  /** By position in `missing`: the unit's verdict where it has more than “no data” to say (a value, an interval). */
  missingVerdicts: Map<number, UnitVerdict>;
  /** The first unit judged that neither fails nor lacks data (a region at the level judged on itself). */
  first?: UnitVerdict;
}

const none = (): Units => ({ units: 0, judged: 0, met: 0, gap: null, statuses: new Set(), notes: new Set(), failing: [], missing: [], missingVerdicts: new Map() });

function missingUnit(s: Units, i: number): UnitVerdict {
  return s.missingVerdicts.get(i) ?? noDataUnit(s.missing[i]!);
}

/**
 * The units of a region above the level, from its sub-regions', each worked out once and
 * kept: a 市(区)'s, worked out for the city, serve again for the 市(区)'s own result.
 */
function unitsBelow(ctx: TargetContext, region: Region, level: string, inner: Target, applies: (unit: Region) => boolean | undefined): Units {
  return ctx.remember(inner, `units\u0000${level}\u0000${region.code}`, () => {
    const out = none();
    for (const child of ctx.regions.children(region.code)) {
      if (child.level === level) addUnit(out, ctx, child, inner, applies);
      else addUnits(out, unitsBelow(ctx, child, level, inner, applies));
    }
    return out;
  });
}

/** A region at the level, judged on itself. */
function ownUnit(ctx: TargetContext, inner: Target, applies: (unit: Region) => boolean | undefined): Units {
  const out = none();
  addUnit(out, ctx, ctx.region, inner, applies);
  return out;
}

/** A sub-region's units after those of `out`. */
function addUnits(out: Units, s: Units): void {
  out.units += s.units;
  out.judged += s.judged;
  out.met += s.met;
  if (s.gap !== null) out.gap = out.gap === null ? s.gap : Math.max(out.gap, s.gap);
  for (const x of s.statuses) out.statuses.add(x);
  for (const n of s.notes) out.notes.add(n);
  for (const u of s.failing) out.failing.push(u);
  for (const [i, v] of s.missingVerdicts) out.missingVerdicts.set(out.missing.length + i, v);
  for (const u of s.missing) out.missing.push(u);
}

/** One unit at the level after those of `out`, judged if the target applies to it. */
function addUnit(out: Units, ctx: TargetContext, unit: Region, inner: Target, applies: (unit: Region) => boolean | undefined): void {
  out.units++;
  const applicable = applies(unit);
  if (applicable === false) return;
  out.judged++;
  if (applicable === undefined) {
    out.statuses.add('no-data');
    out.missing.push(unit);
    return;
  }
  const v = ctx.evaluateAt(inner, { region: unit });
  for (const n of v.notes) out.notes.add(n);
  out.statuses.add(v.status);
  if (v.status === 'met') out.met++;
  if (v.gap !== null) out.gap = out.gap === null ? v.gap : Math.max(out.gap, v.gap);
  if (v.status === 'no-data') {
    // Most units without data have nothing more to say: kept as the region alone.
    if (v.value !== null || v.gap !== null || v.derived || v.interval || v.chance) out.missingVerdicts.set(out.missing.length, unitVerdict(unit, v));
    out.missing.push(unit);
  } else if (v.status === 'not-met' || v.status === 'invalid') out.failing.push(unitVerdict(unit, v));
  else out.first ??= unitVerdict(unit, v);
}

/** A unit without data, and nothing more to say about it. */
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
