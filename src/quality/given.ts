// The cells the quality checks look at: those the returns give (not derived), as a
// list or straight from the store. From the store they are made into objects one at
// a time and dropped, indicator by indicator where a check groups them, so that a
// national return is checked without holding a million objects.
import { CellStore, type SeriesKey, type SeriesTable } from '../engine/cells.js';
import type { Observation } from '../ingest/observation.js';

export interface Given extends Iterable<Observation> {
  /** The cells of one indicator. */
  of(indicatorId: string): Iterable<Observation>;
  /** Years and regions with any cell. */
  years(): Set<number>;
  regions(): Set<string>;
  /** The cells of one indicator whose numbers pass `test` (NaN where a number is missing). */
  where(indicatorId: string, test: (value: number, numerator: number, denominator: number) => boolean): Iterable<Observation>;
  /** The cells that are objects: all of a list; in a store, those with more to say than a number (a converted unit, a 备注 …). */
  objects(): Iterable<Observation>;
  /** The store they come from, when they do: a check may look cells up in it. */
  store?: CellStore;
}

export function givenOf(cells: CellStore | Iterable<Observation> | Given): Given {
  if (isGiven(cells)) return cells;
  if (cells instanceof CellStore) {
    const store = cells;
    const own = function* (list: Iterable<Observation>) {
      for (const o of list) if (!o.derived) yield o;
    };
    return {
      store,
      [Symbol.iterator]: () => own(store.all()),
      of: (id) => ({ [Symbol.iterator]: () => own(store.allOf(id)) }),
      // A store of the returns as read holds no derived cell: its own indexes answer.
      years: () => new Set(store.indicatorIds().flatMap((id) => [...store.indicatorYears(id)])),
      regions: () => store.regionsWithCells(),
      objects: () => ({ [Symbol.iterator]: () => own(store.objectCells()) }),
      where: (id, test) => ({ [Symbol.iterator]: () => own(store.cellsWhere(id, test)) }),
    };
  }
  const list = [...cells].filter((o) => !o.derived);
  let byIndicator: Map<string, Observation[]> | undefined;
  return {
    [Symbol.iterator]: () => list[Symbol.iterator](),
    of: (id) => {
      if (!byIndicator) {
        byIndicator = new Map();
        for (const o of list) {
          let l = byIndicator.get(o.indicatorId);
          if (!l) byIndicator.set(o.indicatorId, (l = []));
          l.push(o);
        }
      }
      return byIndicator.get(id) ?? [];
    },
    years: () => new Set(list.map((o) => o.year)),
    regions: () => new Set(list.map((o) => o.regionCode)),
    objects: () => list,
    where(id, test) {
      return [...this.of(id)].filter((o) => test(typeof o.value === 'number' ? o.value : NaN, o.numerator ?? NaN, o.denominator ?? NaN));
    },
  };
}

/** One indicator's cells as series of numbers (from the store's columns when there is one). */
export function seriesOfGiven(given: Given, indicatorId: string): SeriesTable {
  return given.store ? given.store.seriesOf(indicatorId) : seriesOfList(given.of(indicatorId));
}

/** A cell of a series, as an object, for a finding about it. */
export function cellsOfGiven(given: Given, indicatorId: string): (k: SeriesKey, year: number) => Observation {
  const store = given.store;
  if (store) return (k, year) => store.get(indicatorId, k.regionCode, year, k.sex, k.residence)!;
  return listCells(given.of(indicatorId));
}

/** The series of a list of observations, as the store gives them (src/engine/cells.ts). */
function seriesOfList(list: Iterable<Observation>): SeriesTable {
  const usable = [...list].filter((o) => typeof o.value === 'number' && !o.invalid);
  const years = [...new Set(usable.map((o) => o.year))].sort((a, b) => a - b);
  const keyOf = (o: Observation) => `${o.regionCode}\u0000${o.sex}\u0000${o.residence}`;
  const index = new Map<string, number>();
  const keys: SeriesKey[] = [];
  for (const o of usable) {
    if (index.has(keyOf(o))) continue;
    index.set(keyOf(o), keys.length);
    keys.push({ regionCode: o.regionCode, sex: o.sex, residence: o.residence });
  }
  const value = new Float64Array(keys.length * years.length).fill(NaN);
  const numerator = new Float64Array(keys.length * years.length).fill(NaN);
  const denominator = new Float64Array(keys.length * years.length).fill(NaN);
  for (const o of usable) {
    const at = index.get(keyOf(o))! * years.length + years.indexOf(o.year);
    value[at] = o.value as number;
    numerator[at] = o.numerator ?? NaN;
    denominator[at] = o.denominator ?? NaN;
  }
  return { years, keys, value, numerator, denominator };
}

function listCells(list: Iterable<Observation>): (k: SeriesKey, year: number) => Observation {
  const byKey = new Map<string, Observation>();
  for (const o of list) byKey.set(`${o.regionCode}\u0000${o.sex}\u0000${o.residence}\u0000${o.year}`, o);
  return (k, year) => byKey.get(`${k.regionCode}\u0000${k.sex}\u0000${k.residence}\u0000${year}`)!;
}

function isGiven(x: unknown): x is Given {
  return typeof x === 'object' && x !== null && 'of' in x && 'years' in x && 'regions' in x;
}
