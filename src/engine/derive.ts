// Values the returns do not give but imply: a region from all of its sub-regions,
// a total from its parts (男/女, 城市/农村). Rates are Σ numerator / Σ denominator,
// counts are Σ value; a rate is never averaged. Derived cells are marked derived.
import type { Indicator, Residence, Sex } from '../plan/model.js';
import type { RegionIndex } from '../plan/lookup.js';
import type { Observation } from '../ingest/observation.js';
import { CellStore } from './cells.js';
import { clean } from './numbers.js';

const SEXES: readonly Sex[] = ['total', 'male', 'female'];
const RESIDENCES: readonly Residence[] = ['total', 'urban', 'rural'];

export function deriveCells(observations: readonly Observation[], indicators: readonly Indicator[], regions: RegionIndex): CellStore {
  const store = new CellStore(observations);
  const years = new Map<string, Set<number>>();
  for (const o of observations) {
    const set = years.get(o.indicatorId) ?? new Set<number>();
    set.add(o.year);
    years.set(o.indicatorId, set);
  }
  const bottomUp = [...regions.all].sort((a, b) => regions.depth(b.code) - regions.depth(a.code));
  for (const indicator of indicators) {
    if (indicator.measure !== 'rate' && indicator.measure !== 'count') continue;
    for (const year of years.get(indicator.id) ?? []) {
      for (const region of bottomUp) {
        const children = regions.children(region.code);
        if (children.length > 0) {
          for (const sex of SEXES) {
            for (const residence of RESIDENCES) {
              if (store.get(indicator.id, region.code, year, sex, residence)) continue;
              const parts = children.map((c) => store.get(indicator.id, c.code, year, sex, residence));
              const derived = combineCells(indicator, parts, { regionCode: region.code, year, sex, residence });
              if (derived) store.put(derived);
            }
          }
        }
        deriveTotals(store, indicator, region.code, year);
      }
    }
  }
  return store;
}

/** 合计 from 男+女 and from 城市+农村, until nothing more can be derived. */
function deriveTotals(store: CellStore, indicator: Indicator, regionCode: string, year: number): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const sex of SEXES) {
      if (store.get(indicator.id, regionCode, year, sex, 'total')) continue;
      const parts = (['urban', 'rural'] as const).map((r) => store.get(indicator.id, regionCode, year, sex, r));
      const d = combineCells(indicator, parts, { regionCode, year, sex, residence: 'total' });
      if (d) {
        store.put(d);
        changed = true;
      }
    }
    for (const residence of RESIDENCES) {
      if (store.get(indicator.id, regionCode, year, 'total', residence)) continue;
      const parts = (['male', 'female'] as const).map((s) => store.get(indicator.id, regionCode, year, s, residence));
      const d = combineCells(indicator, parts, { regionCode, year, sex: 'total', residence });
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
