// 分性别 and 城市/农村 breakdowns: the parts' values by year, where the returns give
// (or imply) them. Totals derived from parts are shown beside them, marked derived.
import type { CellStore } from '../model/cells.js';
import type { Residence, Sex } from '../plan/model.js';
import type { Breakdown } from './model.js';

const DIMENSIONS = [
  { by: 'sex', parts: ['male', 'female'] },
  { by: 'residence', parts: ['urban', 'rural'] },
] as const;

export function breakdownsFor(cells: CellStore, indicatorId: string, regionCode: string, years: readonly number[]): Breakdown[] {
  const out: Breakdown[] = [];
  for (const d of DIMENSIONS) {
    const at = (part: 'total' | Sex | Residence, year: number) => {
      const sex = d.by === 'sex' ? (part as Sex) : 'total';
      const residence = d.by === 'residence' ? (part as Residence) : 'total';
      const o = cells.get(indicatorId, regionCode, year, sex, residence);
      return { year, value: o && typeof o.value === 'number' && !o.invalid ? o.value : null, derived: o?.derived ?? false };
    };
    const has = d.parts.some((p) => years.some((y) => at(p, y).value !== null));
    if (!has) continue;
    out.push({ by: d.by, parts: (['total', ...d.parts] as const).map((part) => ({ part, values: years.map((y) => at(part, y)) })) });
  }
  return out;
}
