// Values the returns do not give but imply: a region from all of its sub-regions,
// a total from its parts (男/女, 城市/农村). Rates are Σ numerator / Σ denominator,
// counts are Σ value; a rate is never averaged. Derived cells are marked derived.
import type { Indicator, Region, Residence, Sex } from '../plan/model.js';
import type { RegionIndex } from '../plan/lookup.js';
import type { Observation } from '../model/observation.js';
import { CellStore, residenceOfSlot, sexOfSlot, slot, SLOTS, type Slots, type Sum } from '../model/cells.js';
import { clean } from './numbers.js';

const SEXES: readonly Sex[] = ['total', 'male', 'female'];
const RESIDENCES: readonly Residence[] = ['total', 'urban', 'rural'];

/**
 * The cells of the returns with what they imply added. Takes the observations, or a
 * store of them (left as it is: the derived cells go into a copy).
 */
export function deriveCells(observations: Iterable<Observation> | CellStore, indicators: readonly Indicator[], regions: RegionIndex): CellStore {
  const store = observations instanceof CellStore ? observations.clone() : new CellStore(observations);
  // Every region after those below it: made only when a year has parts (男/女, 城市/农村), from
  // which any region, the thousands of 乡镇 too, may be derived.
  let everyRegion: Region[] | undefined;
  const bottomUp = () => (everyRegion ??= deepestFirst(regions, regions.all));
  // Only a region with sub-regions is summed from them; their codes, and their numbers in the store, are looked up once.
  const parents = deepestFirst(regions, regions.all.filter((r) => regions.children(r.code).length > 0));
  const childCodes = new Map(parents.map((r) => [r.code, regions.children(r.code).map((c) => c.code)] as const));
  const childKeys = new Map<string, Int32Array>();
  for (const indicator of indicators) {
    if (indicator.measure !== 'rate' && indicator.measure !== 'count') continue;
    const years = store.indicatorYears(indicator.id);
    for (const year of years) {
      // Most returns give totals only: parts are looked for only where the year has some.
      const parts = store.hasParts(indicator.id, year);
      for (const region of parts ? bottomUp() : parents) {
        const children = childCodes.get(region.code);
        if (children) {
          const keys = keysOf(store, children, childKeys.get(region.code));
          childKeys.set(region.code, keys);
          for (let i = 0; i < SLOTS; i++) {
            if (i > 0 && !parts) break;
            if (store.has(indicator.id, region.code, year, i)) continue;
            const derived = combineSum(indicator, store.sum(indicator.id, year, i, keys), { regionCode: region.code, year, sex: sexOfSlot(i), residence: residenceOfSlot(i) });
            if (derived) store.put(derived);
          }
        }
        if (!parts) continue;
        const own = store.slotsFor(indicator.id, region.code, year);
        if (own && own.some((o, i) => i > 0 && o !== undefined)) deriveTotals(store, own, indicator, region.code, year);
      }
    }
  }
  return store;
}

/** Regions ordered deepest first (a 乡镇 before its 市(区)), in their order otherwise. */
function deepestFirst(regions: RegionIndex, list: readonly Region[]): Region[] {
  const depth = new Map(list.map((r) => [r.code, regions.depth(r.code)] as const));
  return [...list].sort((a, b) => depth.get(b.code)! - depth.get(a.code)!);
}

/**
 * The store's numbers for some regions, -1 for one it has not seen: given the array made
 * before, only those are looked up again (a 市(区) derived since has a number now).
 */
function keysOf(store: CellStore, codes: readonly string[], before?: Int32Array): Int32Array {
  const keys = before ?? new Int32Array(codes.length).fill(-1);
  for (let i = 0; i < codes.length; i++) if (keys[i] === -1) keys[i] = store.regionKeyOf(codes[i]!) ?? -1;
  return keys;
}

/** A region from its sub-regions' sum, if every one is there and summable. */
function combineSum(indicator: Indicator, sum: Sum, at: { regionCode: string; year: number; sex: Sex; residence: Residence }): Observation | undefined {
  if (!sum.complete) return undefined;
  // Derived cells cite their first source row: a region summed from thousands of units would otherwise carry thousands.
  const base = { indicatorId: indicator.id, ...at, notes: sum.notes, derived: true, rows: sum.row ? [sum.row] : [] };
  if (sum.invalid) return { ...base, value: null, invalid: 'derived-from-invalid' };
  if (indicator.measure === 'count') return sum.allNumbers ? { ...base, value: clean(sum.value) } : undefined;
  if (!sum.allRatios || sum.denominator <= 0) return undefined;
  return { ...base, value: (sum.numerator / sum.denominator) * (indicator.scale ?? 1), numerator: sum.numerator, denominator: sum.denominator };
}

/** 合计 from 男+女 and from 城市+农村, until nothing more can be derived. */
function deriveTotals(store: CellStore, own: Slots, indicator: Indicator, regionCode: string, year: number): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const sex of SEXES) {
      if (own[slot(sex, 'total')]) continue;
      const d = combineCells(indicator, [own[slot(sex, 'urban')], own[slot(sex, 'rural')]], { regionCode, year, sex, residence: 'total' });
      if (d) {
        store.put(d);
        own[slot(sex, 'total')] = d;
        changed = true;
      }
    }
    for (const residence of RESIDENCES) {
      if (own[slot('total', residence)]) continue;
      const d = combineCells(indicator, [own[slot('male', residence)], own[slot('female', residence)]], { regionCode, year, sex: 'total', residence });
      if (d) {
        store.put(d);
        own[slot('total', residence)] = d;
        changed = true;
      }
    }
  }
}

/** The sum of parts, if every part is there and summable; undefined otherwise. */
export function combineCells(
  indicator: Indicator,
  parts: ReadonlyArray<Observation | undefined>,
  at: { regionCode: string; year: number; sex: Sex; residence: Residence },
): Observation | undefined {
  if (parts.length === 0 || parts.some((p) => p === undefined)) return undefined;
  const present = parts as Observation[];
  const base = {
    indicatorId: indicator.id,
    ...at,
    notes: [...new Set(present.flatMap((p) => p.notes))],
    derived: true,
    rows: present[0]!.rows.slice(0, 1),
  };
  if (present.some((p) => p.invalid)) return { ...base, value: null, invalid: 'derived-from-invalid' };
  if (indicator.measure === 'count') {
    if (!present.every((p) => typeof p.value === 'number')) return undefined;
    return { ...base, value: clean(present.reduce((s, p) => s + (p.value as number), 0)) };
  }
  if (!present.every((p) => p.numerator !== undefined && p.denominator !== undefined)) return undefined;
  const numerator = present.reduce((s, p) => s + p.numerator!, 0);
  const denominator = present.reduce((s, p) => s + p.denominator!, 0);
  if (denominator <= 0) return undefined;
  return { ...base, value: (numerator / denominator) * (indicator.scale ?? 1), numerator, denominator };
}
