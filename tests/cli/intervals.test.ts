// Rates judged with their uncertainty, through the built binary: the 95 % interval and
// what it says, in the table, JSON and CSV (issue 12 §3).
import { describe, expect, it } from 'vitest';
import { fixture, parseEvaluation, plancheck, resultFor } from './helpers.js';

const FILE = fixture('intervals.csv');
const args = ['evaluate', FILE, '--indicator', 'infant-mortality'];

describe('13 infant deaths in 3,000 births against ≤4‰: a miss within chance; 40 in 5,000 is not', () => {
  it('table: the 说明 says so, status stays 未达标, exit 1', () => {
    const r = plancheck(args);
    expect(r.code).toBe(1);
    const flat = r.stdout.replace(/[│\s]+/g, ' ');
    expect(flat).toMatch(/4\.33‰ 未达标 .*差异无统计学意义（95%置信区间 2\.31‰–7\.41‰）/);
    // The plan's two decimals (issue 20 §9): 8.00‰.
    expect(flat).toMatch(/8\.00‰ 未达标 .*95%置信区间 5\.72‰–10\.89‰/);
    expect(flat.match(/差异无统计学意义/g)).toHaveLength(1);
  });

  it('table in English', () => {
    const flat = plancheck([...args, '--lang', 'en']).stdout.replace(/[│\s]+/g, ' ');
    expect(flat).toMatch(/within chance \(95 % interval 2\.31‰–7\.41‰\)/);
  });

  it('JSON: interval_low, interval_high, interval_method, chance', () => {
    const r = plancheck([...args, '--format', 'json']);
    expect(r.code).toBe(1);
    const e = parseEvaluation(r.stdout);
    const hailing = resultFor(e, 'infant-mortality', '321202') as unknown as Record<string, unknown>;
    expect(hailing).toMatchObject({ status: 'not-met', interval_method: 'garwood', chance: 'within-chance' });
    expect(hailing.interval_low).toBeCloseTo(2.3073, 4);
    expect(hailing.interval_high).toBeCloseTo(7.4101, 4);
    const gaogang = resultFor(e, 'infant-mortality', '321203') as unknown as Record<string, unknown>;
    expect(gaogang).toMatchObject({ status: 'not-met', interval_method: 'garwood', chance: null });
    expect(gaogang.interval_low).toBeCloseTo(5.7153, 4);
  });

  it('CSV: the four columns at the end, empty where absent', () => {
    const r = plancheck([...args, '--format', 'csv']);
    const lines = r.stdout.replace(/^\uFEFF/, '').split('\r\n');
    const header = lines[0]!.split(',');
    expect(header.slice(-4)).toEqual(['interval_low', 'interval_high', 'interval_method', 'chance']);
    const row = (code: string) => lines.find((l) => l.includes(`,${code},`))!.split(',').slice(-4);
    expect(row('321202')).toEqual(['2.307317497', '7.41013197272', 'garwood', 'within-chance']);
    expect(row('321203')).toEqual(['5.71531728836', '10.8937293928', 'garwood', '']);
  });
});
