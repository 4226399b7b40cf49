// The cells the quality checks look at: those the returns give (not derived), as a
// list or straight from the store. From the store they are made into objects one at
// a time and dropped, indicator by indicator where a check groups them, so that a
// national return is checked without holding a million objects.
import { CellStore } from '../engine/cells.js';
import type { Observation } from '../ingest/observation.js';

export interface Given extends Iterable<Observation> {
  /** The cells of one indicator. */
  of(indicatorId: string): Iterable<Observation>;
  /** Years and regions with any cell. */
  years(): Set<number>;
  regions(): Set<string>;
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
  };
}

function isGiven(x: unknown): x is Given {
  return typeof x === 'object' && x !== null && 'of' in x && 'years' in x && 'regions' in x;
}
