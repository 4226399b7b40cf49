// The year-on-year outlier rule (src/quality/outliers.ts) and the unit checks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readReturns } from '../../src/ingest/read-returns.js';
import { checkQuality } from '../../src/quality/index.js';
import { flagged, OUTLIER_RULE } from '../../src/quality/outliers.js';
import { realContext, text } from './real-plan.js';

const ctx = realContext();

describe('flagged(): modified z-score over the changes, with a materiality floor', () => {
  it('needs at least 5 changes', () => {
    expect(flagged([0.1, 0.1, 0.1, 5], [1, 1, 1, 1])).toEqual([false, false, false, false]);
    expect(flagged([0.1, 0.12, 0.08, 0.11, 5], [1, 1, 1, 1, 1])).toEqual([false, false, false, false, true]);
  });

  it('flags at a z-score above 3.5, not at 3.5 itself', () => {
    // Changes 0, ±1 (MAD = 1): z = 0.6745 · d; the limit is d = 3.5 / 0.6745 ≈ 5.19.
    const base = [0, 1, -1, 1, -1, 0, 0];
    const z = (d: number) => flagged([...base, d], Array(8).fill(10))[7];
    expect(z(5.1)).toBe(false);
    expect(z(3.5 / 0.6745)).toBe(false);
    expect(z(5.3)).toBe(true);
    expect(z(-5.3)).toBe(true);
  });

  it('judges a change against the usual change, not against zero: a steady climb is not an outlier', () => {
    expect(flagged([5, 5.2, 4.8, 5.1, 4.9, 5], Array(6).fill(50))).toEqual(Array(6).fill(false));
  });

  it('falls back on the mean absolute deviation when most changes are equal', () => {
    expect(flagged([0, 0, 0, 0, 0, 0, 20], Array(7).fill(95))).toEqual([false, false, false, false, false, false, true]);
    expect(flagged([0, 0, 0, 0, 0, 0], Array(6).fill(95))).toEqual(Array(6).fill(false));
  });

  it('ignores a change below 5 % of the typical level, however unusual', () => {
    // z is huge, but 0.5 on a level of 98 is not worth a look.
    expect(flagged([0.01, 0.01, 0.02, 0.01, 0.01, 0.5], Array(6).fill(98))).toEqual(Array(6).fill(false));
    expect(OUTLIER_RULE).toEqual({ zScore: 3.5, minChanges: 5, materiality: 0.05 });
  });

  it('never flags more than half of the changes (the median and MAD are robust)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 5, maxLength: 40 }), (deltas) => {
        const flags = flagged(deltas, deltas.map(() => 50));
        expect(flags.filter(Boolean).length).toBeLessThanOrEqual(deltas.length / 2);
      }),
    );
  });
});

/** A return of 6 市(区) × 2020–2025 for one indicator, values from a function. */
function series(indicator: string, value: (district: number, year: number) => string, note?: (d: number, y: number) => string): string {
  const districts = ['海陵区', '高港区', '姜堰区', '兴化市', '靖江市', '泰兴市'];
  const rows = ['指标,地区,年份,数值,分子,分母,备注'];
  districts.forEach((d, i) => {
    for (let y = 2020; y <= 2025; y++) rows.push(`${indicator},${d},${y},${value(i, y)},${note?.(i, y) ?? ''}`);
  });
  return `${rows.join('\n')}\n`;
}

function outliers(body: string) {
  const read = readReturns([text(body, 's.csv')], ctx);
  expect(read.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return checkQuality(ctx.plan, ctx.regions, read.observations).findings.filter((d) => d.code.startsWith('quality/outlier'));
}

describe('outliers in a return', () => {
  const steady = (i: number, y: number) => (90 + i * 0.5 + (y - 2020) * 1.1 + ((i * 7 + y) % 3) * 0.2).toFixed(2);

  it('flags one jump at the later year\'s value cell, naming both years', () => {
    const found = outliers(series('普惠性幼儿园覆盖率', (i, y) => (i === 3 && y === 2024 ? '60.00' : steady(i, y)) + ',,'));
    // 兴化市 (the 4th, lines 20–25 for 2020–2025) drops in 2024 and comes back in 2025: both changes stand out.
    expect(found.map((d) => [d.severity, d.code, d.line, d.column, d.params.fromYear])).toEqual([
      ['warning', 'quality/outlier', 24, 4, 2023],
      ['warning', 'quality/outlier', 25, 4, 2024],
    ]);
    expect(found[0]!.params.cell).toBe('兴化市 2024年');
  });

  it('flags nothing in a steady return', () => {
    expect(outliers(series('普惠性幼儿园覆盖率', (i, y) => `${steady(i, y)},,`))).toEqual([]);
  });

  it('makes an explained jump a note, quoting the 备注', () => {
    const found = outliers(series('普惠性幼儿园覆盖率', (i, y) => (i === 3 && y === 2025 ? '60.00' : steady(i, y)) + ',,', (i, y) => (i === 3 && y === 2025 ? '口径调整' : '')));
    expect(found.map((d) => [d.severity, d.code, d.params.note])).toEqual([['info', 'quality/outlier-explained', '口径调整']]);
  });

  it('does not flag a change of one counted unit: 8/9 → 9/9 schools, 0 → 1 centre', () => {
    const schools = series('中小学智慧校园达标率', (i, y) => (i === 0 && y >= 2023 ? ',9,9' : `,${i === 0 ? 8 : 90 + y - 2020},${i === 0 ? 9 : 100}`));
    expect(outliers(schools)).toEqual([]);
    const centres = series('儿童心理关爱指导服务中心数', (i, y) => `${y >= 2023 ? 1 : 0},,`);
    expect(outliers(centres)).toEqual([]);
  });
});

describe('units', () => {
  const unitFindings = (body: string) =>
    checkQuality(ctx.plan, ctx.regions, readReturns([text(body, 'u.csv')], ctx).observations).findings.filter((d) => d.code === 'quality/unit-suspect' || d.code === 'quality/unit-converted');

  it('suspects a fraction typed for a percent, and a % typed for a ‰', () => {
    const found = unitFindings('指标,地区,年份,数值\n普惠性幼儿园覆盖率,海陵区,2023,92.5\n普惠性幼儿园覆盖率,高港区,2023,0.91\n普惠性幼儿园覆盖率,姜堰区,2023,93\n新生儿死亡率,海陵区,2023,1.6\n新生儿死亡率,高港区,2023,1.5\n新生儿死亡率,姜堰区,2023,16.2\n');
    expect(found.map((d) => [d.code, d.line, d.column, d.params.suggestion])).toEqual([
      ['quality/unit-suspect', 3, 4, '91%'],
      ['quality/unit-suspect', 7, 4, '1.62‰'],
    ]);
  });

  it('does not suspect values within a factor of 5 of the usual level, nor values computed from a ratio', () => {
    expect(unitFindings('指标,地区,年份,数值,分子,分母\n新生儿死亡率,海陵区,2023,1.6,,\n新生儿死亡率,高港区,2023,1.5,,\n新生儿死亡率,姜堰区,2023,0.4,,\n新生儿死亡率,兴化市,2023,,1,10000\n')).toEqual([]);
  });

  it('notes a value converted from the unit it was written in', () => {
    const found = unitFindings('指标,地区,年份,数值,单位\n新生儿死亡率,姜堰区,2025,0.15%,%\n');
    expect(found.map((d) => [d.severity, d.code, d.params.given, d.params.value])).toEqual([['info', 'quality/unit-converted', '%', '1.5‰']]);
  });
});
