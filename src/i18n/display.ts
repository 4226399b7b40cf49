// Numbers in messages, rounded for display: a finding keeps its parameters whole (JSON,
// --diagnostics params), but a person reads 13.95‰, not 13.9534883721‰. The plan writes
// no number with more than two decimals, so two decimals are its precision (three below 1
// for units other than % and ‰, where two say too little: 0.867 人), as in the table.
import type { Params } from '../diagnostics.js';

/** 13.9534883721 → 13.95; 0.86749 → 0.867 (not % or ‰); whole numbers as they are. */
export function displayNumber(x: number, unit = ''): string {
  if (!Number.isFinite(x) || Number.isInteger(x)) return String(x);
  const digits = unit !== '%' && unit !== '‰' && Math.abs(x) < 1 ? 3 : 2;
  const r = Number(x.toFixed(digits));
  return String(Object.is(r, -0) ? 0 : r);
}

// A parameter that is a number written with its sign and unit ("+13.9534883721",
// "13.9534883721‰", "0.8675 人"): what the checks put in their messages.
const NUMBER_WITH_UNIT = /^([+\-−]?)(\d+\.\d+)(\s?[^\d\s.]{0,6})$/u;

function roundText(s: string): string {
  const m = NUMBER_WITH_UNIT.exec(s);
  if (!m) return s;
  const [, sign, digits, suffix] = m as unknown as [string, string, string, string];
  return `${sign}${displayNumber(Number(digits), suffix.trim())}${suffix}`;
}

/**
 * The parameters of a finding as a message shows them. Numbers are rounded; so are texts
 * that are one number with its unit, except in findings about the cells of a return
 * (data/*, regions/*), whose texts quote what the user wrote, digit for digit.
 */
export function displayParams(code: string, params: Params): Params {
  const quotesInput = code.startsWith('data/') || code.startsWith('regions/');
  let out: Params | undefined;
  for (const key in params) {
    const v = params[key];
    const shown = typeof v === 'number' ? displayNumber(v) : typeof v === 'string' && !quotesInput ? roundText(v) : v;
    if (shown !== v && shown !== String(v)) (out ??= { ...params })[key] = shown;
  }
  return out ?? params;
}
