// Names and numbers for the parameters of quality findings, as a statistician
// reads them in the return: the plan's indicator name, the region's name, the
// value with its unit, the row's part (男, 农村).
import { clean } from '../engine/numbers.js';
import { placeText } from '../diagnostics.js';
import type { Observation } from '../model/observation.js';
import type { RegionIndex } from '../plan/lookup.js';
import type { Plan, Residence, Sex } from '../plan/model.js';

export interface Describe {
  indicator(id: string): string;
  unit(id: string): string;
  region(code: string): string;
  value(o: Pick<Observation, 'indicatorId' | 'value'>): string;
}

export function describer(plan: Plan, regions: RegionIndex): Describe {
  const byId = new Map(plan.indicators.map((i) => [i.id, i] as const));
  const unit = (id: string) => byId.get(id)?.unit ?? '';
  return {
    indicator: (id) => byId.get(id)?.name ?? id,
    unit,
    region: (code) => regions.get(code)?.name ?? code,
    value: (o) => (typeof o.value === 'number' ? `${clean(o.value)}${unitSuffix(unit(o.indicatorId))}` : String(o.value ?? '—')),
  };
}

/** % and ‰ stick to the number; a word unit (人, 个) is spaced off. */
export function unitSuffix(unit: string): string {
  return /^[%‰‱]$/u.test(unit) ? unit : unit === '' ? '' : ` ${unit}`;
}

const PART: Record<Exclude<Sex | Residence, 'total'>, string> = { male: '男', female: '女', urban: '城市', rural: '农村' };

/** `城东区 2023年`, `新华市 2025年 农村`: one cell of the return, in its own words. */
export function describeCell(describe: Describe, o: Pick<Observation, 'regionCode' | 'year' | 'sex' | 'residence'>): string {
  return `${describe.region(o.regionCode)} ${o.year}年${partText(o.sex, o.residence)}`;
}

export function partText(sex: Sex, residence: Residence): string {
  const parts = [sex, residence].filter((p) => p !== 'total').map((p) => PART[p as keyof typeof PART]);
  return parts.length ? ` ${parts.join('')}` : '';
}

/** Where an observation's value was written, as a message quotes it. */
export function placeOf(o: Observation): string {
  const at = o.at?.value ?? o.at?.numerator;
  if (at) return placeText(at);
  const row = o.rows[0];
  return row ? placeText(row.sheet !== undefined && row.cell !== undefined ? { file: row.file, sheet: row.sheet, cell: row.cell } : { file: row.file, line: row.line }) : '';
}
