// Names and numbers for the parameters of quality findings, as a statistician
// reads them in the return: the plan's indicator name, the region's name, the
// value with its unit, the row's part (男, 农村) — in the run's language: in English the
// indicator's English name, 2023 for 2023年, English units (src/i18n/units.ts).
import { clean } from '../engine/numbers.js';
import { placeText } from '../diagnostics.js';
import type { Lang } from '../i18n/catalog.js';
import { translatedSuffix } from '../i18n/units.js';
import type { Observation } from '../model/observation.js';
import type { RegionIndex } from '../plan/lookup.js';
import type { Plan, Residence, Sex } from '../plan/model.js';

export interface Describe {
  /** The language the names, years and units are given in. */
  lang: Lang;
  indicator(id: string): string;
  unit(id: string): string;
  region(code: string): string;
  value(o: Pick<Observation, 'indicatorId' | 'value'>): string;
  /** Names or years as one list: 、 between them in Chinese, a comma in English. */
  list(items: ReadonlyArray<string | number>): string;
}

export function describer(plan: Plan, regions: RegionIndex, lang: Lang = 'zh'): Describe {
  const byId = new Map(plan.indicators.map((i) => [i.id, i] as const));
  const unit = (id: string) => byId.get(id)?.unit ?? '';
  return {
    lang,
    indicator: (id) => {
      const ind = byId.get(id);
      return (lang === 'en' ? ind?.nameEn : undefined) ?? ind?.name ?? id;
    },
    unit,
    region: (code) => regions.get(code)?.name ?? code,
    value: (o) => (typeof o.value === 'number' ? `${clean(o.value)}${unitSuffix(unit(o.indicatorId), lang)}` : String(o.value ?? '—')),
    list: (items) => items.join(lang === 'en' ? ', ' : '、'),
  };
}

/** % and ‰ stick to the number; a word unit (人, 个; h in English) is spaced off; a counter in English is left out. */
export function unitSuffix(unit: string, lang: Lang = 'zh'): string {
  return translatedSuffix(unit, lang) ?? (/^[%‰‱]$/u.test(unit) ? unit : unit === '' ? '' : ` ${unit}`);
}

const PART: Record<Lang, Record<Exclude<Sex | Residence, 'total'>, string>> = {
  zh: { male: '男', female: '女', urban: '城市', rural: '农村' },
  en: { male: 'male', female: 'female', urban: 'urban', rural: 'rural' },
};

/** `城东区 2023年`, `新华市 2025年 农村` (in English `新华市 2025 rural`): one cell of the return, in its own words. */
export function describeCell(describe: Describe, o: Pick<Observation, 'regionCode' | 'year' | 'sex' | 'residence'>): string {
  return `${describe.region(o.regionCode)} ${o.year}${describe.lang === 'en' ? '' : '年'}${partText(o.sex, o.residence, describe.lang)}`;
}

export function partText(sex: Sex, residence: Residence, lang: Lang = 'zh'): string {
  const parts = [sex, residence].filter((p) => p !== 'total').map((p) => PART[lang][p as keyof (typeof PART)['zh']]);
  return parts.length ? ` ${parts.join(lang === 'en' ? ' ' : '')}` : '';
}

/** Where an observation's value was written, as a message quotes it. */
export function placeOf(o: Observation): string {
  const at = o.at?.value ?? o.at?.numerator;
  if (at) return placeText(at);
  const row = o.rows[0];
  return row ? placeText(row.sheet !== undefined && row.cell !== undefined ? { file: row.file, sheet: row.sheet, cell: row.cell } : { file: row.file, line: row.line }) : '';
}
