// A rate's 95 % interval as exported (flat fields, null when absent) and as read in a
// result's 说明 (the interval, or what it says about the verdict).
import { t, type Lang } from '../i18n/index.js';
import type { Chance, Interval } from '../engine/interval.js';
import { formatValue, type Shown } from './words.js';

interface WithInterval {
  interval?: Interval;
  chance?: Chance;
}

/** The interval fields of a JSON record and of the CSV columns. */
export function intervalFields(x: WithInterval) {
  return {
    interval_low: x.interval?.low ?? null,
    interval_high: x.interval?.high ?? null,
    interval_method: x.interval?.method ?? null,
    chance: x.chance ?? null,
  };
}

/** A part or a unit as exported: its interval as flat fields, as the result's own. */
export function withIntervalFields<T extends WithInterval>(x: T): Omit<T, 'interval' | 'chance'> & ReturnType<typeof intervalFields> {
  const { interval: _interval, chance: _chance, ...rest } = x;
  return { ...rest, ...intervalFields(x) };
}

function range(interval: Interval, unit: Shown, lang: Lang) {
  return { low: formatValue(interval.low, unit, lang), high: formatValue(interval.high, unit, lang) };
}

/** “95%置信区间 2.31‰–7.41‰”, or “差异无统计学意义（…）” / “达标但把握不足（…）”; '' without an interval. */
export function intervalNote(x: WithInterval, unit: Shown, lang: Lang): string {
  if (!x.interval) return '';
  return t(lang, x.chance ? `interval/${x.chance}` : 'interval/range', range(x.interval, unit, lang));
}

/** A failing unit or part as listed, marked when its own interval reaches the line. */
export function markChance(shown: string, x: WithInterval, unit: Shown, lang: Lang): string {
  if (x.chance !== 'within-chance' || !x.interval) return shown;
  return t(lang, 'interval/unit-within-chance', { unit: shown, ...range(x.interval, unit, lang) });
}
