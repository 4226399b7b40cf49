// Observations indexed indicator → region → year → disaggregation. Nested maps and a
// nine-slot array (sex × residence) keep look-ups free of string building, which
// matters once a return has millions of rows.
import type { Residence, Sex } from '../plan/model.js';
import type { Observation } from '../ingest/observation.js';

const SEX_INDEX: Record<Sex, number> = { total: 0, male: 1, female: 2 };
const RESIDENCE_INDEX: Record<Residence, number> = { total: 0, urban: 1, rural: 2 };

/** Position of a disaggregation in a cell's slot array. */
export const slot = (sex: Sex, residence: Residence): number => SEX_INDEX[sex] * 3 + RESIDENCE_INDEX[residence];
export const SLOTS = 9;

export type Slots = Array<Observation | undefined>;
type ByYear = Map<number, Slots>;
type ByRegion = Map<string, ByYear>;

export class CellStore {
  private readonly data = new Map<string, ByRegion>();
  /** Regions and years with a value (or a cell marked invalid), kept as cells arrive. */
  readonly regionsWithData = new Set<string>();
  readonly yearsWithValue = new Set<number>();

  constructor(observations: Iterable<Observation> = []) {
    for (const o of observations) this.put(o);
  }

  put(o: Observation): void {
    this.slotsFor(o.indicatorId, o.regionCode, o.year, true)[slot(o.sex, o.residence)] = o;
    if (o.value !== null) this.yearsWithValue.add(o.year);
    if (o.value !== null || o.invalid) this.regionsWithData.add(o.regionCode);
  }

  get(indicatorId: string, regionCode: string, year: number, sex: Sex = 'total', residence: Residence = 'total'): Observation | undefined {
    return this.data.get(indicatorId)?.get(regionCode)?.get(year)?.[slot(sex, residence)];
  }

  /** The nine disaggregations of one indicator, region and year (created on demand when `create`). */
  slotsFor(indicatorId: string, regionCode: string, year: number, create: true): Slots;
  slotsFor(indicatorId: string, regionCode: string, year: number, create?: false): Slots | undefined;
  slotsFor(indicatorId: string, regionCode: string, year: number, create = false): Slots | undefined {
    let byRegion = this.data.get(indicatorId);
    if (!byRegion) {
      if (!create) return undefined;
      byRegion = new Map();
      this.data.set(indicatorId, byRegion);
    }
    let byYear = byRegion.get(regionCode);
    if (!byYear) {
      if (!create) return undefined;
      byYear = new Map();
      byRegion.set(regionCode, byYear);
    }
    let slots = byYear.get(year);
    if (!slots && create) {
      slots = new Array<Observation | undefined>(SLOTS).fill(undefined);
      byYear.set(year, slots);
    }
    return slots;
  }

  /** Years with a cell for this series, ascending. */
  years(indicatorId: string, regionCode: string, sex: Sex = 'total', residence: Residence = 'total'): number[] {
    const byYear = this.data.get(indicatorId)?.get(regionCode);
    if (!byYear) return [];
    const i = slot(sex, residence);
    return [...byYear].filter(([, s]) => s[i] !== undefined).map(([y]) => y).sort((a, b) => a - b);
  }

  /** Every year any region has for this indicator. */
  indicatorYears(indicatorId: string): Set<number> {
    const years = new Set<number>();
    for (const byYear of this.data.get(indicatorId)?.values() ?? []) for (const y of byYear.keys()) years.add(y);
    return years;
  }

  *all(): IterableIterator<Observation> {
    for (const byRegion of this.data.values())
      for (const byYear of byRegion.values())
        for (const slots of byYear.values())
          for (const o of slots) if (o) yield o;
  }
}
