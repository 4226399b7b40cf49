// What an output says for a run that evaluated nothing: the errors that say why (see
// src/engine/nothing-evaluated.ts), never an empty table that reads as a pass.
import type { Evaluation } from '../engine/evaluate.js';
import { t } from '../i18n/index.js';
import type { FormatContext } from './records.js';

/** The errors of the run, in the user's language; a plain “nothing was evaluated” when it has none. */
export function emptyRunMessages(e: Evaluation, ctx: FormatContext): Array<{ code: string; message: string }> {
  const errors = e.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return [{ code: 'run/nothing', message: t(ctx.lang, 'run/nothing') }];
  return errors.map((d) => ({ code: d.code, message: t(ctx.lang, d.code, d.params) }));
}

/** The names of the indicators the returns give nothing for, as one line; undefined when there are none. */
export function absentIndicatorsLine(e: Evaluation, ctx: FormatContext): string | undefined {
  const ids = e.absentIndicators ?? [];
  if (ids.length === 0) return undefined;
  const names = ids.map((id) => {
    const ind = ctx.plan.indicators.find((i) => i.id === id);
    return (ctx.lang === 'en' ? ind?.nameEn : undefined) ?? ind?.name ?? id;
  });
  return t(ctx.lang, 'run/absent-indicators', { count: ids.length, indicators: names.join(ctx.lang === 'en' ? ', ' : '、') });
}
