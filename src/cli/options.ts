import { BASELINE_CHOICES, type BaselineChoice } from '../engine/baseline.js';
// Parsing and checking option values; a bad value is a usage error (exit 2).
import { listParam, PlancheckError } from '../diagnostics.js';
import type { Lang } from '../i18n/index.js';
import type { IndicatorIndex, RegionIndex } from '../plan/lookup.js';

export type FailOn = 'not-met' | 'no-data' | 'none';

export function parseLang(s: string | undefined, env: Record<string, string | undefined>): Lang {
  const v = s ?? env.PLANCHECK_LANG ?? 'zh';
  if (v === 'zh' || v === 'en') return v;
  throw new PlancheckError('cli/bad-option', { option: '--lang', value: v, allowed: 'zh, en' });
}

export function parseYear(s: string | undefined): number | 'all' | undefined {
  if (s === undefined) return undefined;
  if (s === 'all') return 'all';
  const y = /^\d{4}$/.test(s.normalize('NFKC').replace(/年$/, '')) ? Number(s.normalize('NFKC').replace(/年$/, '')) : NaN;
  if (!Number.isInteger(y)) throw new PlancheckError('cli/bad-option', { option: '--year', value: s, allowed: '2023, all' });
  return y;
}

export function parseFailOn(s: string | undefined): FailOn {
  const v = s ?? 'not-met';
  if (v === 'not-met' || v === 'no-data' || v === 'none') return v;
  throw new PlancheckError('cli/bad-option', { option: '--fail-on', value: v, allowed: 'not-met, no-data, none' });
}

/** `--baseline plan|returns`: whose figure is the top region's baseline where the plan states one. */
export function parseBaseline(s: string | undefined): BaselineChoice {
  const v = s ?? 'plan';
  if ((BASELINE_CHOICES as readonly string[]).includes(v)) return v as BaselineChoice;
  throw new PlancheckError('cli/bad-option', { option: '--baseline', value: v, allowed: BASELINE_CHOICES.join(', ') });
}

/** `--region 城东,城西 --region 110101`: every name given, however separated. */
function names(values: string[]): string[] {
  return values.flatMap((v) => v.split(/[,，、]/)).map((v) => v.trim()).filter(Boolean);
}

/** `--region 城东,城西 --region 110101` → region codes. */
export function resolveRegions(values: string[] | undefined, index: RegionIndex): string[] | undefined {
  if (!values?.length) return undefined;
  return names(values).map((name) => {
    const hit = index.find(name);
    if (hit.found) return hit.found.code;
    // No near name: say so, rather than "did you mean: —".
    if (hit.suggestion === undefined && hit.ambiguous === undefined) throw new PlancheckError('cli/unknown-region-no-suggestion', { name });
    throw new PlancheckError('cli/unknown-region', { name, ...(hit.suggestion !== undefined ? { suggestion: hit.suggestion } : listParam('suggestion', hit.ambiguous!)) });
  });
}

/** `--indicator 婴儿死亡率,infant-mortality` → indicator ids. */
export function resolveIndicators(values: string[] | undefined, index: IndicatorIndex): string[] | undefined {
  if (!values?.length) return undefined;
  return names(values).map((name) => {
    const hit = index.find(name);
    if (hit.found) return hit.found.id;
    if (hit.suggestion === undefined) throw new PlancheckError('cli/unknown-indicator-no-suggestion', { name });
    throw new PlancheckError('cli/unknown-indicator', { name, suggestion: hit.suggestion });
  });
}
