// Wide layouts of a CSV return: detected from the header and announced, or forced
// with --layout; each wide cell read as the long row it stands for, at its own place.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { readReturns } from '../../src/ingest/read-returns.js';
import { csv, ctx } from './test-plan.js';

const where = (d: Diagnostic) => [d.severity, d.code, d.line, d.column];
const obs = (text: string, layout?: 'long' | 'years' | 'regions') => readReturns([csv(text)], ctx, layout ? { layout } : {});
const values = (text: string, layout?: 'long' | 'years' | 'regions') =>
  obs(text, layout).observations.map((o) => [o.indicatorId, o.regionCode, o.year, o.value]);

describe('years as columns', () => {
  it('reads 2022 and 2023年 columns and announces the layout at the header', () => {
    const read = obs('指标,地区,2022,2023年\n新生儿死亡率,海陵区,1.9,1.8\n普惠性幼儿园覆盖率,高港,90.5,92\n');
    expect(read.layouts).toEqual({ 'inline.csv': 'years' });
    expect(read.diagnostics.map(where)).toEqual([['info', 'data/layout-years', 1, 1]]);
    expect(read.diagnostics[0]!.params).toMatchObject({ count: 2, years: '2022、2023' });
    expect(read.observations.map((o) => [o.indicatorId, o.regionCode, o.year, o.value, o.rows])).toEqual([
      ['neonatal-mortality', '321202', 2022, 1.9, [{ file: 'inline.csv', line: 2, column: 3 }]],
      ['neonatal-mortality', '321202', 2023, 1.8, [{ file: 'inline.csv', line: 2, column: 4 }]],
      ['kindergarten-coverage', '321203', 2022, 90.5, [{ file: 'inline.csv', line: 3, column: 3 }]],
      ['kindergarten-coverage', '321203', 2023, 92, [{ file: 'inline.csv', line: 3, column: 4 }]],
    ]);
  });

  it('reads numerator and denominator columns per year, and computes the value', () => {
    expect(values('指标,地区,2023年分子,2023年分母,2023年数值\n新生儿死亡率,海陵,9,5000,\n')).toEqual([['neonatal-mortality', '321202', 2023, 1.8]]);
  });

  it('reads a two-row header: the year over 数值 | 分子 | 分母, its text in the first cell only (a merged cell saved as CSV)', () => {
    const text = '指标,地区,2022年,,,2023年,,\n,,数值,分子,分母,数值,分子,分母\n新生儿死亡率,海陵,1.9,,,,9,5000\n';
    expect(values(text)).toEqual([
      ['neonatal-mortality', '321202', 2022, 1.9],
      ['neonatal-mortality', '321202', 2023, 1.8],
    ]);
  });

  it('an empty cell is no observation; — is a value reported missing', () => {
    expect(values('指标,地区,2022,2023\n新生儿死亡率,海陵,,—\n')).toEqual([['neonatal-mortality', '321202', 2023, null]]);
  });

  it('says a row\'s own problem once, not once per year', () => {
    const read = obs('指标,地区,2021,2022,2023\n新生儿死忘率,海陵,1,2,3\n');
    expect(read.diagnostics.filter((d) => d.severity !== 'info').map(where)).toEqual([['error', 'data/unknown-indicator-did-you-mean', 2, 1]]);
  });

  it('points at the cell of a bad value', () => {
    const read = obs('指标,地区,2022,2023\n新生儿死亡率,海陵,1.9,abc\n');
    expect(read.diagnostics.filter((d) => d.severity !== 'info').map(where)).toEqual([['error', 'data/not-a-number', 2, 4]]);
    expect(read.observations.map((o) => o.year)).toEqual([2022]);
  });

  it('a conflict between a wide copy and a long file cites the cell', () => {
    const read = readReturns([csv('指标,地区,2023\n新生儿死亡率,海陵,1.9\n', 'a.csv'), csv('指标,地区,年份,数值\n新生儿死亡率,海陵,2023,1.8\n', 'b.csv')], ctx);
    expect(read.diagnostics.filter((d) => d.severity !== 'info').map((d) => [d.code, d.file, d.line, d.params.first])).toEqual([['data/conflict', 'b.csv', 2, 'a.csv:2:3']]);
  });

  it('a header with years and a 年份 column is an error at the 年份 column', () => {
    expect(obs('指标,地区,年份,2023\n新生儿死亡率,海陵,2023,1.9\n').diagnostics.map(where)).toEqual([['error', 'data/layout-mixed', 1, 3]]);
  });

  it('a header with years and a 数值 column is an error at the 数值 column', () => {
    expect(obs('指标,地区,数值,2023\n新生儿死亡率,海陵,1,1.9\n').diagnostics.map(where)).toEqual([['error', 'data/layout-mixed', 1, 3]]);
  });

  it('a year column that cannot be read is an error, not a dropped column', () => {
    expect(obs('指标,地区,2022,2O23年\n新生儿死亡率,海陵,1.9,1.8\n').diagnostics.filter((d) => d.severity !== 'info').map(where)).toEqual([['error', 'data/bad-year-column', 1, 4]]);
  });
});

describe('regions as columns', () => {
  it('reads region names, short names, codes and 合计 as columns', () => {
    const read = obs('指标,年份,合计,海陵区,高港,321203分母\n新生儿死亡率,2023,2,1.8,,\n');
    // 321203分母 without its 分子 is unusable: warned and dropped.
    expect(read.diagnostics.map(where)).toEqual([
      ['warning', 'data/lone-ratio-column', 1, 6],
      ['info', 'data/layout-regions', 1, 1],
    ]);
    expect(read.observations.map((o) => [o.regionCode, o.value])).toEqual([
      ['321200', 2],
      ['321202', 1.8],
    ]);
  });

  it('reads 分子/分母 columns per region, under a title row', () => {
    const text = '泰州市儿童发展规划统计监测表,,,,\n指标,年份,海陵区分子,海陵区分母,高港区数值\n新生儿死亡率,2023年,9,5000,2.5\n';
    const read = obs(text);
    expect(read.observations.map((o) => [o.regionCode, o.year, o.value, o.rows[0]!.line])).toEqual([
      ['321202', 2023, 1.8, 3],
      ['321203', 2023, 2.5, 3],
    ]);
  });

  it('a misspelt region column is an error with a suggestion, not a dropped column', () => {
    const read = obs('指标,年份,海陵区,高巷区\n新生儿死亡率,2023,1.8,2\n');
    expect(read.diagnostics.filter((d) => d.severity !== 'info').map((d) => [d.code, d.column, d.params.suggestion])).toEqual([['data/unknown-region-column', 4, '高港区']]);
  });

  it('needs a year from a column when the header gives none', () => {
    expect(obs('指标,海陵区\n新生儿死亡率,1.8\n').diagnostics.map(where)).toEqual([['error', 'data/missing-column', 1, 1]]);
  });

  it('passes a footnote under the table over, with a note', () => {
    const read = obs('指标,年份,海陵区\n新生儿死亡率,2023,1.8\n注：数据为快报数\n');
    expect(read.diagnostics.map(where)).toEqual([
      ['info', 'data/layout-regions', 1, 1],
      ['info', 'data/footnote-skipped', 3, 1],
    ]);
  });
});

describe('--layout', () => {
  it('long: year-like headers are unknown columns, and the missing year is said', () => {
    const read = obs('指标,地区,2023\n新生儿死亡率,海陵,1.8\n', 'long');
    expect(read.diagnostics.map(where)).toEqual([
      ['warning', 'data/unknown-column', 1, 3],
      ['error', 'data/missing-column', 1, 1],
      ['error', 'data/missing-value-column', 1, 1],
    ]);
  });

  it('years on a long return: no year columns is an error at the header', () => {
    expect(obs('指标,地区,年份,数值\n新生儿死亡率,海陵,2023,1.8\n', 'years').diagnostics.map(where)).toEqual([['error', 'data/layout-not-found', 1, 1]]);
  });

  it('regions on a years table: the year columns are not regions', () => {
    expect(obs('指标,地区,2023\n新生儿死亡率,海陵,1.8\n', 'regions').diagnostics.map((d) => d.code)).toEqual(['data/layout-not-found']);
  });

  it('years on a table with both: the region columns are unknown', () => {
    const read = obs('指标,地区,2023,海陵区\n新生儿死亡率,高港,1.8,2\n', 'years');
    expect(read.diagnostics.map(where)).toEqual([
      ['warning', 'data/unknown-column', 1, 4],
      ['info', 'data/layout-years', 1, 1],
    ]);
    expect(read.observations.map((o) => [o.regionCode, o.value])).toEqual([['321203', 1.8]]);
  });
});

describe('long returns, as before', () => {
  it('a row left empty (a form not filled in) is no observation; one with only a 备注 is a value reported missing', () => {
    const read = obs('指标,地区,年份,数值,分子,分母,备注\n新生儿死亡率,海陵,2023,,,,\n新生儿死亡率,高港,2023,,,,未开展调查\n');
    expect(read.diagnostics).toEqual([]);
    expect(read.observations.map((o) => [o.regionCode, o.value, o.notes])).toEqual([['321203', null, ['未开展调查']]]);
  });

  it('an empty row still has its other cells checked', () => {
    expect(obs('指标,地区,年份,数值\n新生儿死忘率,海陵,2023,\n').diagnostics.map((d) => d.code)).toEqual(['data/unknown-indicator-did-you-mean']);
  });

  it('passes the form\'s context columns (规划目标, 填报说明, 序号) over silently', () => {
    const read = obs('序号,指标,地区,年份,数值,规划目标,填报说明\n1,新生儿死亡率,海陵,2023,1.8,≤3,填数值\n');
    expect(read.diagnostics).toEqual([]);
    expect(read.observations.map((o) => o.value)).toEqual([1.8]);
  });

  it('a title row above the header is passed over; the header is the row naming the indicator column', () => {
    const read = obs('2023年统计报表,,,\n指标,地区,年份,数值\n新生儿死亡率,海陵,2023,1.8\n');
    expect(read.diagnostics).toEqual([]);
    expect(read.observations.map((o) => [o.value, o.rows])).toEqual([[1.8, [{ file: 'inline.csv', line: 3 }]]]);
  });
});
