// The consistency rules of plan/checks.yaml on returns: each breach at its cell, with
// the rule's severity; the values on the line pass.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { readReturns } from '../../src/ingest/read-returns.js';
import type { PlanWithChecks } from '../../src/plan/load.js';
import { checkQuality } from '../../src/quality/index.js';
import { realContext, text } from './real-plan.js';

const ctx = realContext();
const HEAD = '指标,地区,年份,数值,分子,分母\n';

function findings(body: string, plan = ctx.plan) {
  const read = readReturns([text(HEAD + body, 'r.csv')], { ...ctx, plan });
  expect(read.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return checkQuality(plan, ctx.regions, read.observations, { where: { file: 'r.csv' } }).findings.filter((d) => !d.code.startsWith('quality/missing') && d.code !== 'quality/indicators-absent' && d.code !== 'quality/units-unknown');
}
const brief = (d: Diagnostic) => [d.severity, d.code, d.line, d.column, d.params.check];

describe('mortality order: 5岁以下儿童死亡率 ≥ 婴儿死亡率 ≥ 新生儿死亡率', () => {
  it('flags 5岁以下儿童死亡率 below 婴儿死亡率 at the first one\'s value, naming the other\'s place', () => {
    const found = findings('5岁以下儿童死亡率,海陵区,2023,1.2,,\n婴儿死亡率,海陵区,2023,2.5,,\n新生儿死亡率,海陵区,2023,1.0,,\n');
    expect(found.map(brief)).toEqual([['error', 'quality/order', 2, 4, 'mortality-order']]);
    expect(found[0]!.params).toMatchObject({ larger: '5岁以下儿童死亡率', largerValue: '1.2‰', smaller: '婴儿死亡率', smallerValue: '2.5‰', other: 'r.csv:3:4', cell: '海陵区 2023年' });
  });

  it('flags 婴儿死亡率 below 新生儿死亡率, and compares around a missing middle indicator', () => {
    // On different 活产数 (2157 and 2135), which the mortality-live-births rule flags too.
    expect(findings('婴儿死亡率,高港区,2022,1.85,4,2157\n新生儿死亡率,高港区,2022,1.87,4,2135\n').map(brief)).toEqual([
      ['error', 'quality/order', 2, 4, 'mortality-order'],
      ['warning', 'quality/denominators-differ', 2, 6, 'mortality-live-births'],
    ]);
    expect(findings('5岁以下儿童死亡率,高港区,2022,1.5,,\n新生儿死亡率,高港区,2022,1.6,,\n').map(brief)).toEqual([['error', 'quality/order', 2, 4, 'mortality-order']]);
  });

  it('passes equal rates (the bound is inclusive) and rates in order', () => {
    expect(findings('5岁以下儿童死亡率,海陵区,2023,2.5,,\n婴儿死亡率,海陵区,2023,2.5,,\n新生儿死亡率,海陵区,2023,2.5,,\n')).toEqual([]);
    expect(findings('5岁以下儿童死亡率,海陵区,2023,3.4,,\n婴儿死亡率,海陵区,2023,2.0,,\n新生儿死亡率,海陵区,2023,1.1,,\n')).toEqual([]);
  });

  it('compares only the same region and year', () => {
    expect(findings('5岁以下儿童死亡率,海陵区,2023,1.2,,\n婴儿死亡率,高港区,2023,2.5,,\n婴儿死亡率,海陵区,2022,2.5,,\n')).toEqual([]);
  });

  it('takes its severity from the rule', () => {
    const plan = { ...ctx.plan, checks: (ctx.plan as PlanWithChecks).checks!.map((c) => (c.id === 'mortality-order' ? { ...c, severity: 'warning' as const } : c)) };
    expect(findings('5岁以下儿童死亡率,海陵区,2023,1.2,,\n婴儿死亡率,海陵区,2023,2.5,,\n', plan).map((d) => d.severity)).toEqual(['warning']);
  });
});

describe('numerator within denominator', () => {
  it('flags a share whose numerator exceeds its denominator at the numerator cell, once (not also as out of range)', () => {
    const found = findings('0-6岁儿童眼保健和视力检查年覆盖率,靖江市,2023,,1050,1000\n');
    expect(found.map(brief)).toEqual([['error', 'quality/numerator-exceeds-denominator', 2, 5, 'share-numerator-within-denominator']]);
    expect(found[0]!.params).toMatchObject({ numerator: 1050, denominator: 1000, cell: '靖江市 2023年' });
  });

  it('passes a numerator equal to its denominator (100 %)', () => {
    expect(findings('0-6岁儿童眼保健和视力检查年覆盖率,靖江市,2023,,1000,1000\n')).toEqual([]);
  });

  it('leaves the gross enrolment ratios alone: they may pass 100 %', () => {
    expect(findings('学前教育毛入园率,海陵区,2023,,1020,1000\n高中阶段教育毛入学率,海陵区,2023,101.2,,\n')).toEqual([]);
  });

  it('only warns for 接种率 and 巩固率, which catch-up doses and in-migration can lift above 100 %', () => {
    expect(findings('义务教育巩固率,海陵区,2023,,1010,1000\n').map(brief)).toEqual([['warning', 'quality/numerator-exceeds-denominator', 2, 5, 'coverage-numerator-within-denominator']]);
  });
});

describe('ranges', () => {
  it('flags a % value above 100 and a ‰ value above 1000', () => {
    const found = findings('普惠性幼儿园覆盖率,海陵区,2023,982,,\n新生儿死亡率,海陵区,2023,1500,,\n');
    expect(found.map(brief)).toEqual([
      ['error', 'quality/out-of-range', 2, 4, 'percent-range'],
      ['error', 'quality/out-of-range', 3, 4, 'permille-range'],
    ]);
    expect(found[0]!.params).toMatchObject({ value: '982%', min: 0, max: 100, unit: '%' });
  });

  it('passes the bounds themselves', () => {
    expect(findings('普惠性幼儿园覆盖率,海陵区,2023,100,,\n普惠性幼儿园覆盖率,高港区,2023,0,,\n新生儿死亡率,海陵区,2023,1000,,\n')).toEqual([]);
  });

  it('only checks values given, not derived ones', () => {
    // The city derived from its 市(区) is never reported: a breach is reported where it was typed.
    const found = findings('普惠性幼儿园覆盖率,海陵区,2023,,101,100\n');
    expect(found.map((d) => d.line)).toEqual([2]);
  });
});
