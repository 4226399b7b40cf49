// Progress toward the final-year target (CONTRACT §6), with figures worked out by hand.
// b = 2020, T = 2025 throughout; y = 2023 unless said otherwise.
import { describe, expect, it } from 'vitest';
import { classify, progressOf, targetLine, type ProgressInput } from '../../src/engine/progress.js';
import type { Target } from '../../src/plan/model.js';

const lower = { direction: 'lower' as const, unit: '‰' };
const higher = { direction: 'higher' as const, unit: '%' };

function input(target: Target, base: number | null, current: number | boolean | null, over: Partial<ProgressInput> = {}): ProgressInput {
  return {
    indicator: target.kind === 'at-most' ? lower : higher,
    target,
    status: 'not-met',
    current,
    year: 2023,
    baseline: base === null ? null : { year: 2020, value: base, from: 'data' },
    finalYear: 2025,
    method: 'linear',
    ...over,
  };
}

/** Six significant digits of a hand calculation. */
const close = (actual: number | null, expected: number) => expect(actual).toBeCloseTo(expected, 6);

describe('linear pace (时间过半、任务过半)', () => {
  it('on track — China infant mortality 5.4‰ (2020) → 4.5‰ (2023) against ≤ 4‰', () => {
    // r = (4 − 5.4) / 5 = −0.28 a year; a = (4.5 − 5.4) / 3 = −0.30 a year; R = 0.30 / 0.28 = 1.0714;
    // projected 4.5 − 0.3 × 2 = 3.9.
    const p = progressOf(input({ kind: 'at-most', value: 4 }, 5.4, 4.5));
    expect(p.class).toBe('on-track');
    expect(p.reason).toBe('paced');
    close(p.required, -0.28);
    close(p.actual, -0.3);
    close(p.ratio, 1.0714285714);
    close(p.projected, 3.9);
    expect({ baseline: p.baseline, current: p.current, target: p.target, method: p.method, baselineYear: p.baselineYear, year: p.year, finalYear: p.finalYear })
      .toEqual({ baseline: 5.4, current: 4.5, target: 4, method: 'linear', baselineYear: 2020, year: 2023, finalYear: 2025 });
  });

  it('must speed up — 85 % → 90.4 % against ≥ 95 %', () => {
    // r = (95 − 85) / 5 = 2; a = 5.4 / 3 = 1.8; R = 0.9; projected 90.4 + 1.8 × 2 = 94.0.
    const p = progressOf(input({ kind: 'at-least', value: 95 }, 85, 90.4));
    expect(p.class).toBe('speed-up');
    close(p.required, 2);
    close(p.actual, 1.8);
    close(p.ratio, 0.9);
    close(p.projected, 94);
  });

  it('limited — 80 % → 83 % against 100 (a bare number on a higher-is-better rate)', () => {
    // r = 20 / 5 = 4; a = 3 / 3 = 1; R = 0.25; projected 83 + 2 = 85.
    const p = progressOf(input({ kind: 'reach', value: 100 }, 80, 83));
    expect(p.class).toBe('limited');
    close(p.required, 4);
    close(p.actual, 1);
    close(p.ratio, 0.25);
    close(p.projected, 85);
  });

  it('moving away — 7.5‰ → 8.1‰ against ≤ 5‰', () => {
    // r = (5 − 7.5) / 5 = −0.5; a = (8.1 − 7.5) / 3 = +0.2; R = −0.4; projected 8.1 + 0.4 = 8.5.
    const p = progressOf(input({ kind: 'at-most', value: 5 }, 7.5, 8.1));
    expect(p.class).toBe('moving-away');
    close(p.required, -0.5);
    close(p.actual, 0.2);
    close(p.ratio, -0.4);
    close(p.projected, 8.5);
  });

  it('achieved — the verdict is met: no pace is computed', () => {
    const p = progressOf(input({ kind: 'at-most', value: 4 }, 5.4, 3.8, { status: 'met' }));
    expect(p).toMatchObject({ class: 'achieved', reason: 'met', baseline: 5.4, current: 3.8, target: 4, required: null, actual: null, ratio: null, projected: null });
  });

  it('the band edges: R = 0.95 is on track, R = 0.60 must speed up, R = 0 is limited', () => {
    const at = (value: number) => progressOf(input({ kind: 'at-least', value: 100 }, 80, value));
    // r = 4 a year: a = 3.8 → R 0.95; a = 2.4 → R 0.60; a = 0 → R 0.
    expect(at(80 + 3.8 * 3).class).toBe('on-track');
    expect(at(80 + 3.8 * 3 - 0.003).class).toBe('speed-up');
    expect(at(80 + 2.4 * 3).class).toBe('speed-up');
    expect(at(80 + 2.4 * 3 - 0.003).class).toBe('limited');
    expect(at(80).class).toBe('limited');
    expect(at(79.99).class).toBe('moving-away');
    expect([classify(0.95), classify(0.6), classify(0), classify(-1e-6)]).toEqual(['on-track', 'speed-up', 'limited', 'moving-away']);
  });

  it('about (左右): the target is the band’s good-side edge — 0.85人左右 → 0.8075', () => {
    // r = (0.8075 − 0.6) / 5 = 0.0415; a = 0.1 / 3 = 0.033333; R = 0.803213; projected 0.7 + 0.066667 = 0.766667.
    const p = progressOf({ ...input({ kind: 'about', value: 0.85 }, 0.6, 0.7), indicator: { direction: 'higher', unit: '人' } });
    expect(p.class).toBe('speed-up');
    expect(p.target).toBe(0.8075);
    close(p.required, 0.0415);
    close(p.actual, 0.0333333333);
    close(p.ratio, 0.8032128514);
    close(p.projected, 0.7666666667);
  });

  it('change (下降20%): the target is 0.8 × the baseline — 14.45 → 12.81 per 100 000', () => {
    // t = 0.8 × 14.45 = 11.56; r = (11.56 − 14.45) / 5 = −0.578; a = (12.81 − 14.45) / 3 = −0.546667;
    // R = 0.945790 (just under 0.95); projected 12.81 − 1.093333 = 11.716667.
    const p = progressOf({ ...input({ kind: 'change', relative: -0.2 }, 14.45, 12.81), indicator: { direction: 'lower', unit: '1/10万' } });
    expect(p.target).toBe(11.56);
    expect(p.class).toBe('speed-up');
    close(p.required, -0.578);
    close(p.actual, -0.5466666667);
    close(p.ratio, 0.9457900807);
    close(p.projected, 11.7166666667);
  });

  it('yearly change (每年降低1个百分点): the target is the baseline less 1 pp a year to the final year', () => {
    // t = 56.2 − 1 × 5 = 51.2; r = −1; a = (54.57 − 56.2) / 3 = −0.543333; R = 0.543333; projected 53.483333.
    const p = progressOf({ ...input({ kind: 'yearly-change', perYear: -1 }, 56.2, 54.57), indicator: { direction: 'lower', unit: '%' } });
    expect(p.target).toBe(51.2);
    expect(p.class).toBe('limited');
    close(p.required, -1);
    close(p.actual, -0.5433333333);
    close(p.ratio, 0.5433333333);
    close(p.projected, 53.4833333333);
  });

  it('a baseline that met the line, fallen back over it since, is moving away — not “on track”', () => {
    // ≥ 78 %: 80.33 → 76.16 in the final year. Naively r = −0.466, a = −0.834, R = +1.79; but the
    // value has crossed the line the wrong way. The ratio is not given; y = T, so projected = x_y.
    const p = progressOf(input({ kind: 'at-least', value: 78 }, 80.33, 76.16, { year: 2025 }));
    expect(p.class).toBe('moving-away');
    expect(p.reason).toBe('fell-back');
    expect(p.ratio).toBeNull();
    close(p.required, -0.466);
    close(p.actual, -0.834);
    close(p.projected, 76.16);
  });
});

describe('compound annual growth rates (--method cagr)', () => {
  const cagr = { method: 'cagr' as const };

  it('on track — infant mortality 5.4‰ → 4.5‰ against ≤ 4‰', () => {
    // r = (4 / 5.4)^(1/5) − 1 = 0.740741^0.2 − 1 = −0.0582552; a = (4.5 / 5.4)^(1/3) − 1 = 0.833333^(1/3) − 1 = −0.0589640;
    // R = 1.012167; projected 4.5 × 0.941036² = 3.984970.
    const p = progressOf(input({ kind: 'at-most', value: 4 }, 5.4, 4.5, cagr));
    expect(p.class).toBe('on-track');
    expect(p.method).toBe('cagr');
    close(p.required, -0.0582551665);
    close(p.actual, -0.0589639711);
    close(p.ratio, 1.0121672404);
    close(p.projected, 3.9849696344);
  });

  it('must speed up — 85 → 90.4 against ≥ 95', () => {
    // r = (95/85)^(1/5) − 1 = 0.0224944; a = (90.4/85)^(1/3) − 1 = 0.0207432; R = 0.922150; projected 90.4 × 1.0207432² = 94.189271.
    const p = progressOf(input({ kind: 'at-least', value: 95 }, 85, 90.4, cagr));
    expect(p.class).toBe('speed-up');
    close(p.required, 0.0224943948);
    close(p.actual, 0.0207432145);
    close(p.ratio, 0.9221503724);
    close(p.projected, 94.1892705799);
  });

  it('limited — 80 → 83 against 100', () => {
    // r = 1.25^(1/5) − 1 = 0.0456396; a = 1.0375^(1/3) − 1 = 0.0123469; R = 0.270531.
    const p = progressOf(input({ kind: 'reach', value: 100 }, 80, 83, cagr));
    expect(p.class).toBe('limited');
    close(p.required, 0.0456395526);
    close(p.actual, 0.012346926);
    close(p.ratio, 0.2705312673);
    close(p.projected, 85.0622427827);
  });

  it('moving away — 7.5 → 8.1 against ≤ 5', () => {
    // r = (2/3)^(1/5) − 1 = −0.0778921; a = 1.08^(1/3) − 1 = +0.0259856; R = −0.333610.
    const p = progressOf(input({ kind: 'at-most', value: 5 }, 7.5, 8.1, cagr));
    expect(p.class).toBe('moving-away');
    close(p.required, -0.0778920885);
    close(p.actual, 0.025985568);
    close(p.ratio, -0.3336098505);
    close(p.projected, 8.5264357246);
  });

  it('unknown when a value is not positive: growth rates need positive values', () => {
    const p = progressOf(input({ kind: 'at-least', value: 95 }, 0, 50, cagr));
    expect(p).toMatchObject({ class: 'unknown', reason: 'not-positive', ratio: null, projected: null });
  });
});

describe('unknown, never guessed', () => {
  it('without a baseline', () => {
    expect(progressOf(input({ kind: 'at-most', value: 4 }, null, 4.5))).toMatchObject({ class: 'unknown', reason: 'no-baseline', baseline: null, current: 4.5, target: 4, ratio: null });
  });

  it('without a baseline a change target has no line either', () => {
    expect(progressOf(input({ kind: 'change', relative: -0.2 }, null, 12))).toMatchObject({ class: 'unknown', reason: 'no-baseline', target: null });
  });

  it('without a value for the year', () => {
    expect(progressOf(input({ kind: 'at-most', value: 4 }, 5.4, null, { status: 'no-data' }))).toMatchObject({ class: 'unknown', reason: 'no-value' });
  });

  it('in the baseline year itself (a single point)', () => {
    expect(progressOf(input({ kind: 'at-most', value: 4 }, 5.4, 5.4, { year: 2020 }))).toMatchObject({ class: 'unknown', reason: 'at-baseline', ratio: null });
  });

  it('for invalid data and targets that do not apply', () => {
    expect(progressOf(input({ kind: 'at-most', value: 4 }, 5.4, null, { status: 'invalid' })).class).toBe('unknown');
    expect(progressOf(input({ kind: 'at-most', value: 4 }, 5.4, null, { status: 'not-applicable' })).reason).toBe('not-applicable');
  });

  it('trend and yes/no targets: achieved when met, else unknown (no numeric pace)', () => {
    expect(progressOf(input({ kind: 'trend', direction: 'falling' }, 10, 9, { status: 'met' })).class).toBe('achieved');
    expect(progressOf(input({ kind: 'trend', direction: 'falling' }, 10, 10.5))).toMatchObject({ class: 'unknown', reason: 'no-line' });
    expect(progressOf(input({ kind: 'yes-no', expected: true }, null, false))).toMatchObject({ class: 'unknown', reason: 'no-line' });
    expect(progressOf(input({ kind: 'yes-no', expected: true }, null, true, { status: 'met' })).class).toBe('achieved');
  });

  it('split and every-unit targets as a whole: achieved when met, else unknown', () => {
    const split: Target = { kind: 'split', by: 'residence', parts: [{ part: 'urban', text: 'u', target: { kind: 'reach', value: 100 } }, { part: 'rural', text: 'r', target: { kind: 'reach', value: 90 } }] };
    expect(progressOf(input(split, 80, 85)).class).toBe('unknown');
    expect(progressOf(input(split, 80, 95, { status: 'met' })).class).toBe('achieved');
    expect(progressOf(input({ kind: 'every-unit', level: 'township', target: { kind: 'at-least', value: 95 } }, 96, 97, { status: 'met' })).class).toBe('achieved');
  });
});

describe('targetLine', () => {
  it('reads each kind’s bound and its good side', () => {
    const base = { year: 2020, value: 50, from: 'data' as const };
    expect(targetLine({ kind: 'at-most', value: 3 }, lower, null, 2025)).toEqual({ line: 3, bound: 'max' });
    expect(targetLine({ kind: 'at-least', value: 98 }, higher, null, 2025)).toEqual({ line: 98, bound: 'min' });
    expect(targetLine({ kind: 'reach', value: 100 }, higher, null, 2025)).toEqual({ line: 100, bound: 'min' });
    expect(targetLine({ kind: 'about', value: 99 }, higher, null, 2025)).toEqual({ line: 98, bound: 'min' });
    expect(targetLine({ kind: 'change', relative: -0.2 }, lower, base, 2025)).toEqual({ line: 40, bound: 'max' });
    expect(targetLine({ kind: 'yearly-change', perYear: -1 }, lower, base, 2025)).toEqual({ line: 45, bound: 'max' });
    expect(targetLine({ kind: 'trend', direction: 'falling' }, lower, base, 2025)).toBeUndefined();
  });
});
