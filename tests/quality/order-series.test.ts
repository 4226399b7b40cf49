// The mortality-order rule compares the indicators' series tables (src/quality/consistency.ts):
// the same cell is the same region, year and disaggregation, found by position in each table.
import { describe, expect, it } from 'vitest';
import { readReturns } from '../../src/ingest/read-returns.js';
import { checkQuality } from '../../src/quality/index.js';
import { realContext, text } from './real-plan.js';

const ctx = realContext();
const HEAD = '指标,地区,年份,性别,数值\n';

function orderFindings(body: string) {
  const read = readReturns([text(HEAD + body, 'r.csv')], ctx);
  expect(read.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return checkQuality(ctx.plan, ctx.regions, read.observations, { where: { file: 'r.csv' } })
    .findings.filter((d) => d.code === 'quality/order')
    .map((d) => [d.line, d.params.cell, d.params.other]);
}

describe('mortality order over series', () => {
  it('compares each sex with the same sex only, in each region and year', () => {
    const body = [
      '5岁以下儿童死亡率,海陵区,2023,男,1.2',
      '5岁以下儿童死亡率,海陵区,2023,女,3.0',
      '婴儿死亡率,海陵区,2023,男,2.5',
      '婴儿死亡率,海陵区,2023,女,2.5',
      // Another region and year with the values the other way round: no breach there.
      '5岁以下儿童死亡率,高港区,2022,男,2.5',
      '婴儿死亡率,高港区,2022,男,1.2',
    ].join('\n');
    const found = orderFindings(`${body}\n`);
    expect(found).toHaveLength(1);
    expect(found[0]![0]).toBe(2);
    expect(found[0]![2]).toBe('r.csv:4:5');
  });

  it('skips a middle indicator whose cell has no number, and compares with the next one', () => {
    // 婴儿死亡率 given as “—” (no number): 5岁以下 is compared with 新生儿.
    const found = orderFindings('5岁以下儿童死亡率,海陵区,2023,合计,1.0\n婴儿死亡率,海陵区,2023,合计,—\n新生儿死亡率,海陵区,2023,合计,1.1\n');
    expect(found.map((f) => [f[0], f[2]])).toEqual([[2, 'r.csv:4:5']]);
    // One step either side of the bound: 1.0 against 1.0 passes.
    expect(orderFindings('5岁以下儿童死亡率,海陵区,2023,合计,1.0\n婴儿死亡率,海陵区,2023,合计,—\n新生儿死亡率,海陵区,2023,合计,1.0\n')).toEqual([]);
  });
});
