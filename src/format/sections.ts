// The compliance table's order, shared by the terminal table and the HTML page: a section per
// year and region, in it the plan's areas, each with its results, as the evaluation lists them.
import type { Result } from '../engine/evaluate.js';
import type { FormatContext } from './context.js';

export interface AreaSection {
  /** The area's name in the user's language. */
  name: string;
  results: Result[];
}

export interface Section {
  region: Result['region'];
  year: number;
  areas: AreaSection[];
}

export function sectionsOf(results: readonly Result[], ctx: FormatContext): Section[] {
  return groupBy(results, (r) => `${r.year}\u0000${r.region.code}`).map((section) => ({
    region: section[0]!.region,
    year: section[0]!.year,
    areas: groupBy(section, (r) => r.area).map((list) => {
      const area = ctx.plan.areas.find((a) => a.id === list[0]!.area);
      return { name: (ctx.lang === 'en' ? area?.nameEn : area?.name) ?? list[0]!.area, results: list };
    }),
  }));
}

/** Results sharing a key, in first-seen order. */
function groupBy(results: readonly Result[], key: (r: Result) => string): Result[][] {
  const m = new Map<string, Result[]>();
  for (const r of results) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return [...m.values()];
}
