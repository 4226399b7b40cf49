// The cells the quality checks look at: those the returns give (not derived), in a
// store. A list of observations is put into one first. Cells are made into objects
// only as a check asks for them, indicator by indicator or by a test on their numbers,
// so that a national return is checked without holding a million objects.
import { CellStore, type SeriesKey, type SeriesTable } from '../model/cells.js';
import type { Observation } from '../model/observation.js';

export interface Given extends Iterable<Observation> {
  /** The store they are in: a check may look cells up in it. */
  store: CellStore;
  /** The cells of one indicator. */
  of(indicatorId: string): Iterable<Observation>;
  /** Years and regions with any cell. */
  years(): Set<number>;
  regions(): Set<string>;
  /** The cells of one indicator whose numbers pass `test` (NaN where a number is missing). */
  where(indicatorId: string, test: (value: number, numerator: number, denominator: number) => boolean): Iterable<Observation>;
  /** The cells with more to say than a number (a converted unit, a 备注 …). */
  objects(): Iterable<Observation>;
  /**
   * The numbers `where` tests, of every cell of one indicator (see CellStore.cellNumbers): valid
   * until the next call, as they are written into the same array each time.
   */
  numbers(indicatorId: string): { count: number; numbers: Float64Array };
}

export function givenOf(cells: CellStore | Iterable<Observation> | Given): Given {
  if (isGiven(cells)) return cells;
  // A store as read holds no derived cell; any other source is sorted into a store of its own.
  const store =
    cells instanceof CellStore && ![...cells.objectCells()].some((o) => o.derived)
      ? cells
      : new CellStore([...(cells instanceof CellStore ? cells.all() : cells)].filter((o) => !o.derived));
  let scratch: Float64Array | undefined;
  let last: { id: string; count: number; numbers: Float64Array } | undefined;
  return {
    store,
    [Symbol.iterator]: () => store.all(),
    of: (id) => store.allOf(id),
    years: () => new Set(store.indicatorIds().flatMap((id) => [...store.indicatorYears(id)])),
    regions: () => store.regionsWithCells(),
    objects: () => ({ [Symbol.iterator]: () => store.objectCells() }),
    where: (id, test) => store.cellsWhere(id, test),
    numbers: (id) => {
      // The last indicator's are kept: the checks of checks.yaml ask for one indicator after another, some twice.
      if (last?.id !== id) {
        const got = store.cellNumbers(id, scratch);
        scratch = got.numbers;
        last = { id, ...got };
      }
      return last;
    },
  };
}

/** One indicator's cells as series of numbers; made in the arrays of `reuse`, a table no longer needed, when given. */
export const seriesOfGiven = (given: Given, indicatorId: string, reuse?: SeriesTable): SeriesTable => given.store.seriesOf(indicatorId, reuse);

/** A cell of a series, as an object, for a finding about it. */
export function cellsOfGiven(given: Given, indicatorId: string): (k: SeriesKey, year: number) => Observation {
  return (k, year) => given.store.get(indicatorId, k.regionCode, year, k.sex, k.residence)!;
}

function isGiven(x: unknown): x is Given {
  return typeof x === 'object' && x !== null && 'store' in x && 'of' in x && 'where' in x;
}
