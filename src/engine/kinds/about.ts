// 左右: within ± tolerance of the target, or beyond it on the good side.
// Default tolerance: 1 percentage point for a % target, 5 % of the target otherwise.
// The verdict is judged at the band's good-side edge (the threshold), but the gap is
// measured to the plan's own number (0.85, not 0.8075: CONTRACT §2): a value inside the
// band, short of the number, is met with a positive gap.
import type { AboutTarget, Indicator } from '../../plan/model.js';
import { clean } from '../numbers.js';
import type { TargetKind } from './kind.js';
import { difference } from '../numbers.js';
import { against, readNumber } from './shared.js';

export const DEFAULT_PERCENT_TOLERANCE = 1;
export const DEFAULT_RELATIVE_TOLERANCE = 0.05;

export function aboutTolerance(target: AboutTarget, indicator: Indicator): number {
  if (target.tolerance?.absolute !== undefined) return target.tolerance.absolute;
  if (target.tolerance?.relative !== undefined) return target.tolerance.relative * Math.abs(target.value);
  return indicator.unit === '%' ? DEFAULT_PERCENT_TOLERANCE : DEFAULT_RELATIVE_TOLERANCE * Math.abs(target.value);
}

/** The good-side edge of the band: what the value must reach. */
export function aboutLine(target: AboutTarget, indicator: Indicator): number {
  const tol = aboutTolerance(target, indicator);
  return clean(indicator.direction === 'higher' ? target.value - tol : target.value + tol);
}

export const aboutKind: TargetKind<AboutTarget> = {
  kind: 'about',
  schema: {
    properties: {
      kind: true,
      value: { type: 'number' },
      tolerance: {
        type: 'object',
        properties: {
          absolute: { type: 'number', exclusiveMinimum: 0 },
          relative: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
        },
        minProperties: 1,
        maxProperties: 1,
        additionalProperties: false,
      },
    },
    required: ['value'],
    additionalProperties: false,
  },
  evaluate(target, ctx) {
    const read = readNumber(ctx);
    if ('verdict' in read) return read.verdict;
    const bound = ctx.indicator.direction === 'higher' ? 'min' : 'max';
    const verdict = against(read.obs, read.value, aboutLine(target, ctx.indicator), bound, undefined, read.interval);
    return { ...verdict, gap: bound === 'min' ? difference(target.value, read.value) : difference(read.value, target.value) };
  },
  describe: (target, indicator) => ({
    code: indicator.direction === 'higher' ? 'target/about-higher' : 'target/about-lower',
    params: { value: target.value, line: aboutLine(target, indicator) },
  }),
};
