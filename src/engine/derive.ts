// Values the returns do not give but imply: a region from all of its sub-regions,
// a total from its parts (男/女, 城市/农村). Rates are Σ numerator / Σ denominator,
// counts are Σ value; a rate is never averaged. Derived cells are marked derived.
import type { Indicator, Residence, Sex } from '../plan/model.js';
import type { RegionIndex } from '../plan/lookup.js';
import type { Observation } from '../ingest/observation.js';
import { CellStore, slot, SLOTS, type Slots } from './cells.js';
import { clean } from './numbers.js';

const SEXES: readonly Sex[] = ['total', 'male', 'female'];
const RESIDENCES: readonly Residence[] = ['total', 'urban', 'rural'];
const DISAGGREGATIONS = SEXES.flatMap((sex) => RESIDENCES.map((residence) => ({ sex, residence })));

export function deriveCells(observations: Iterable<Observation>, indicators: readonly Indicator[], regions: RegionIndex): CellStore {
  const store = new CellStore(observations);
  const depth = new Map(regions.all.map((r) => [r.code, regions.depth(r.code)] as const));
  const bottomUp = [...regions.all].sort((a, b) => depth.get(b.code)! - depth.get(a.code)!);
  for (const indicator of indicators) {
    if (indicator.measure !== 'rate' && indicator.measure !== 'count') continue;
    const years = store.indicatorYears(indicator.id);
    for (const year of years) {
      for (const region of bottomUp) {
        const children = regions.children(region.code);
        const childSlots = children.map((c) => store.slotsFor(indicator.id, c.code, year));
        if (children.length > 0 && childSlots.every((s) => s !== undefined)) {
          for (let i = 0; i < SLOTS; i++) {
            if (store.slotsFor(indicator.id, region.code, year)?.[i]) continue;
            const { sex, residence } = DISAGGREGATIONS[i]!;
            const derived = combineCells(indicator, childSlots.map((s) => s![i]), { regionCode: region.code, year, sex, residence });
            if (derived) store.put(derived);
          }
        }
        const own = store.slotsFor(indicator.id, region.code, year);
        // Most cells are totals only; parts are rare enough to look for first.
        if (own && own.some((o, i) => i > 0 && o !== undefined)) deriveTotals(store, own, indicator, region.code, year);
      }
    }
  }
  return store;
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
        changed = true;
      }
    }
    for (const residence of RESIDENCES) {
      if (own[slot('total', residence)]) continue;
      const d = combineCells(indicator, [own[slot('male', residence)], own[slot('female', residence)]], { regionCode, year, sex: 'total', residence });
      if (d) {
        store.put(d);
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
    rows: present.flatMap((p) => p.rows),
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
