// The returns' notes (备注): every note of a row read (not derived) up to the stage year,
// once per indicator, region and wording, with the years it was given for.
import type { CellStore } from '../model/cells.js';
import type { RegionIndex } from '../plan/lookup.js';
import type { Indicator } from '../plan/model.js';
import type { NoteEntry } from './model.js';

export function notesOf(cells: CellStore, indicators: readonly Indicator[], regions: RegionIndex, lastYear: number): NoteEntry[] {
  const order = new Map(indicators.map((ind, i) => [ind.id, i] as const));
  const byKey = new Map<string, NoteEntry>();
  for (const o of cells.all()) {
    if (o.derived || o.year > lastYear || !order.has(o.indicatorId)) continue;
    for (const note of o.notes) {
      const key = `${o.indicatorId}\u0000${o.regionCode}\u0000${note}`;
      const entry = byKey.get(key);
      if (entry) {
        if (!entry.years.includes(o.year)) entry.years.push(o.year);
        continue;
      }
      const ind = indicators[order.get(o.indicatorId)!]!;
      const region = regions.get(o.regionCode);
      byKey.set(key, {
        id: ind.id,
        name: ind.name,
        region: { code: o.regionCode, name: region?.name ?? o.regionCode, level: region?.level ?? '' },
        years: [o.year],
        note,
      });
    }
  }
  const depth = (code: string) => (regions.get(code) ? regions.depth(code) : 99);
  return [...byKey.values()]
    .map((e) => ({ ...e, years: e.years.sort((a, b) => a - b) }))
    .sort((a, b) => order.get(a.id)! - order.get(b.id)! || depth(a.region.code) - depth(b.region.code) || a.region.code.localeCompare(b.region.code) || a.years[0]! - b.years[0]!);
}
