// Observations indexed by indicator × region × year × sex × residence.
import type { Residence, Sex } from '../plan/model.js';
import { cellKey, type Observation } from '../ingest/observation.js';

export class CellStore {
  private readonly byKey = new Map<string, Observation>();
  private readonly yearsOf = new Map<string, Set<number>>();

  constructor(observations: Iterable<Observation> = []) {
    for (const o of observations) this.put(o);
  }

  put(o: Observation): void {
    this.byKey.set(cellKey(o), o);
    const k = seriesKey(o.indicatorId, o.regionCode, o.sex, o.residence);
    const years = this.yearsOf.get(k) ?? new Set<number>();
    years.add(o.year);
    this.yearsOf.set(k, years);
  }

  get(indicatorId: string, regionCode: string, year: number, sex: Sex = 'total', residence: Residence = 'total'): Observation | undefined {
    return this.byKey.get(cellKey({ indicatorId, regionCode, year, sex, residence }));
  }

  /** Years with a cell for this series, ascending. */
  years(indicatorId: string, regionCode: string, sex: Sex = 'total', residence: Residence = 'total'): number[] {
    return [...(this.yearsOf.get(seriesKey(indicatorId, regionCode, sex, residence)) ?? [])].sort((a, b) => a - b);
  }

  all(): IterableIterator<Observation> {
    return this.byKey.values();
  }
}

function seriesKey(indicatorId: string, regionCode: string, sex: Sex, residence: Residence): string {
  return `${indicatorId}\u0000${regionCode}\u0000${sex}\u0000${residence}`;
}
