// Progress for one indicator in one region at the stage year, through the target's kind:
// a numeric line is paced; a split is paced part by part, and as a whole takes the class of
// its part furthest behind; an every-unit or conditional target is paced unit by unit (the
// units that fail or lack data); the whole of any other target with no single line is
// achieved when met and unknown otherwise.
import type { CellStore } from '../model/cells.js';
import type { Result } from '../engine/evaluate.js';
import { officialBaseline, type BaselineChoice } from '../engine/baseline.js';
import { PROGRESS_SEVERITY, progressOf, type Progress, type ProgressMethod } from '../engine/progress.js';
import type { Status } from '../engine/verdict.js';
import type { RegionIndex } from '../plan/lookup.js';
import type { Indicator, Plan, Region, Residence, Sex, Target } from '../plan/model.js';
import type { PartProgress, UnitProgress } from './model.js';

export interface ProgressScope {
  plan: Plan;
  regions: RegionIndex;
  cells: CellStore;
  method: ProgressMethod;
  baseline: BaselineChoice;
}

interface Place {
  region: string;
  sex?: Sex;
  residence?: Residence;
}

/** Progress of `target` at a place whose verdict for the year is `status` with `value`. */
export function progressFor(
  scope: ProgressScope,
  indicator: Indicator,
  target: Target,
  at: Place & { year: number; status: Status; value: number | boolean | null },
  given?: Result['baseline'],
): Progress {
  const found = given ?? officialBaseline(scope.plan, scope.regions, scope.cells, indicator, at.region, at.sex, at.residence, scope.baseline) ?? null;
  const invalid = found === 'invalid';
  return progressOf({
    indicator,
    target,
    status: invalid && at.status !== 'met' ? 'invalid' : at.status,
    current: at.value,
    year: at.year,
    baseline: invalid ? null : found,
    finalYear: scope.plan.finalYear,
    method: scope.method,
  });
}

export interface ResultProgress {
  progress: Progress;
  parts?: PartProgress[];
  units?: UnitProgress[];
  /** Before the final year, the units that meet the target now, each paced (for early warnings). */
  metUnits?: UnitProgress[];
}

export function resultProgress(scope: ProgressScope, indicator: Indicator, r: Result): ResultProgress {
  const target = indicator.target!;
  const here = { region: r.region.code, year: r.year, status: r.status, value: r.value };
  if (target.kind === 'split') {
    const parts = target.parts.map((p): PartProgress => {
      const v = r.parts?.find((x) => x.part === p.part);
      const where = target.by === 'sex' ? { sex: p.part as Sex } : { residence: p.part as Residence };
      const status = v?.status ?? 'no-data';
      const value = v?.value ?? null;
      return { part: p.part, text: p.text, status, value, progress: progressFor(scope, indicator, p.target, { ...here, ...where, status, value }) };
    });
    return { progress: byParts(progressFor(scope, indicator, target, here), parts), parts };
  }
  if (target.kind === 'every-unit' || target.kind === 'conditional') {
    // A region at the target's own level is its single unit: pace it against the inner target.
    if (r.region.level === target.level) return { progress: progressFor(scope, indicator, target.target, here) };
    const units = [...(r.failingUnits ?? []), ...(r.missingUnits ?? [])].map((u): UnitProgress => {
      const unit: Region | undefined = scope.regions.get(u.code);
      return {
        region: { code: u.code, name: u.name, level: unit?.level ?? target.level },
        status: u.status,
        value: u.value,
        progress: progressFor(scope, indicator, target.target, { region: u.code, year: r.year, status: u.status, value: u.value }),
      };
    });
    return { progress: progressFor(scope, indicator, target, here), units, ...metUnits(scope, indicator, target, r, units) };
  }
  return { progress: progressFor(scope, indicator, target, here, r.baseline) };
}

/**
 * A split target is met when every part meets its own (CONTRACT §2), so its progress, which no
 * single line paces, is its parts': the class of the part furthest behind (the lower ratio
 * within a class), named in `part`. Unknown while a part cannot be paced; a target met, without
 * a value or invalid keeps what the whole says.
 */
function byParts(whole: Progress, parts: readonly PartProgress[]): Progress {
  if (whole.reason !== 'no-line' || parts.length === 0 || parts.some((p) => p.progress.class === 'unknown')) return whole;
  const ratio = (p: PartProgress) => p.progress.ratio ?? -Infinity;
  const behind = parts.reduce((a, b) => (PROGRESS_SEVERITY[b.progress.class] - PROGRESS_SEVERITY[a.progress.class] || ratio(b) - ratio(a)) < 0 ? b : a);
  return { ...whole, class: behind.progress.class, reason: 'by-part', part: behind.part };
}

/**
 * The units of an every-unit target that meet it in a year before the final one, paced against
 * the inner target: 季市镇 96.77 → 95.58 meets ≥95 in 2023 but falls toward it.
 */
function metUnits(scope: ProgressScope, indicator: Indicator, target: Extract<Target, { kind: 'every-unit' | 'conditional' }>, r: Result, listed: readonly UnitProgress[]): { metUnits?: UnitProgress[] } {
  // A conditional target's units include those the condition leaves out: only every-unit ones are watched.
  if (r.year >= scope.plan.finalYear || target.kind !== 'every-unit') return {};
  const skip = new Set(listed.map((u) => u.region.code));
  const out: UnitProgress[] = [];
  for (const unit of scope.regions.unitsAt(r.region.code, target.level)) {
    if (skip.has(unit.code) || unit.code === r.region.code) continue;
    const value = scope.cells.get(indicator.id, unit.code, r.year, 'total', 'total')?.value;
    if (typeof value !== 'number') continue;
    const progress = progressFor(scope, indicator, target.target, { region: unit.code, year: r.year, status: 'met', value });
    if (progress.class !== 'achieved') continue;
    out.push({ region: { code: unit.code, name: unit.name, level: unit.level }, status: 'met', value, progress });
  }
  return out.length ? { metUnits: out } : {};
}
