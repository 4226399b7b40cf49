// The plan's units as a reader of each language reads them. In Chinese, the plan's own. In
// English, a counter (人, 个, 所 …) is left out, as it says nothing the number and the
// indicator's name do not (0.85 paediatricians per 1,000 children, not 0.85人), and a unit
// of measure is translated; a unit not listed here is shown as the plan writes it.
import type { Lang } from './catalog.js';

const EN: Readonly<Record<string, string>> = {
  人: '',
  名: '',
  个: '',
  所: '',
  处: '',
  家: '',
  张: '',
  次: '',
  小时: 'h',
  天: 'days',
  '1/10万': 'per 100,000',
  '1/万': 'per 10,000',
};

/** The unit as `lang` writes it; '' when a number needs none. */
export function unitIn(unit: string, lang: Lang): string {
  return lang === 'en' ? (EN[unit] ?? unit) : unit;
}

/**
 * What follows a number when `lang` translates the unit: spaced off (1.2 h, 9.78 per 100,000),
 * or nothing for a counter; undefined when the plan's own unit is kept.
 */
export function translatedSuffix(unit: string, lang: Lang): string | undefined {
  const own = unitIn(unit, lang);
  return own === unit ? undefined : own === '' ? '' : ` ${own}`;
}
