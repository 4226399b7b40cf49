// Which of the plan's own regions a run reports on by default: those the returns give, or
// imply. A return may name only the units below the plan's regions (乡镇/街道 from a regions
// file): its 市(区) are then judged from their units (every-unit targets) and, where the rows
// allow it, derived Σ numerator / Σ denominator — a return of townships alone must evaluate
// as one that also had the 市(区) and city rows. The rule is the completeness check's
// (src/quality/completeness.ts), so `check` and `evaluate` agree on what a return covers.
import type { RegionIndex } from '../plan/lookup.js';
import type { Plan, Region } from '../plan/model.js';

/**
 * The plan's regions, top first, that the returns give or imply:
 * - a region with a value (read or derived) for any indicator;
 * - a region without regions of the plan below it (a 市(区)), when a unit below it has one;
 * - a region above (the city), when every one of the plan's regions directly below it is
 *   given or implied.
 * `withData`: the codes of the regions with a value (CellStore.regionsWithData, after derivation).
 */
export function regionsGivenOrImplied(plan: Plan, regions: RegionIndex, withData: Iterable<string> & { has(code: string): boolean }): Region[] {
  const planCodes = new Set(plan.regions.map((r) => r.code));
  // Walked up from each unit with data: the plan's regions with data somewhere below them. A
  // region walked through once is not walked again (the next 乡镇 of a 市(区) stops at its
  // 市(区)), which also stops a loop of parents.
  const below = new Set<string>();
  const walked = new Set<string>();
  for (const code of withData) {
    if (planCodes.has(code)) continue;
    for (let r = regions.get(code); r?.parent !== undefined && !walked.has(r.parent); r = regions.get(r.parent)) {
      walked.add(r.parent);
      if (planCodes.has(r.parent)) below.add(r.parent);
    }
  }
  const planChildren = new Map<string, string[]>();
  for (const r of plan.regions) {
    if (r.parent === undefined || !planCodes.has(r.parent)) continue;
    const list = planChildren.get(r.parent) ?? [];
    list.push(r.code);
    planChildren.set(r.parent, list);
  }
  const memo = new Map<string, boolean>();
  const covered = (code: string, path: ReadonlySet<string>): boolean => {
    const known = memo.get(code);
    if (known !== undefined) return known;
    // A cycle in the parents (refused when the plan is loaded) implies nothing.
    if (path.has(code)) return false;
    const children = planChildren.get(code) ?? [];
    const next = new Set(path).add(code);
    const result = withData.has(code) || (children.length === 0 ? below.has(code) : children.every((c) => covered(c, next)));
    memo.set(code, result);
    return result;
  };
  return regions.all
    .filter((r) => planCodes.has(r.code) && covered(r.code, new Set()))
    .sort((a, b) => regions.depth(a.code) - regions.depth(b.code));
}
