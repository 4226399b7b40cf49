import { describe, expect, it } from 'vitest';
import { mapReturnHeader } from '../../src/ingest/header.js';

const where = { file: 'h.csv', line: 1 };
const codes = (header: string[]) => mapReturnHeader(header, where).diagnostics.map((d) => [d.severity, d.code, d.column]);

describe('mapReturnHeader', () => {
  it('matches English and Chinese names after NFKC, case folding and a bracketed unit', () => {
    const { columns, diagnostics } = mapReturnHeader(
      [' 指标名称 ', 'REGION', '年度（年）', '指标值(%)', '分子', 'Denominator', '性别', 'Residence', '计量单位', 'Notes', ''],
      where,
    );
    expect(diagnostics).toEqual([]);
    expect(columns).toEqual({
      indicator: 0, region: 1, year: 2, value: 3, numerator: 4, denominator: 5, sex: 6, residence: 7, unit: 8, note: 9,
    });
  });

  it('accepts numerator and denominator in place of a value', () => {
    expect(codes(['指标', '年份', '分子', '分母'])).toEqual([]);
  });

  it('names each missing column, with the header names it accepts', () => {
    const { diagnostics } = mapReturnHeader(['地区', '备注'], where);
    expect(diagnostics.map((d) => [d.code, d.params.field, d.line, d.column])).toEqual([
      ['data/missing-column', 'indicator', 1, 1],
      ['data/missing-column', 'year', 1, 1],
      ['data/missing-value-column', undefined, 1, 1],
    ]);
    expect(diagnostics[0]?.params.accepted).toBe('指标、指标名称、指标代码、indicator、indicator id、indicator name');
  });

  it('needs the other half of a ratio when there is no value column', () => {
    expect(codes(['指标', '年份', '分子'])).toEqual([['error', 'data/missing-column', 1]]);
  });

  it('ignores a lone half of a ratio beside a value column, with a warning', () => {
    const { columns, diagnostics } = mapReturnHeader(['指标', '年份', '数值', '分母'], where);
    expect(columns.denominator).toBeUndefined();
    expect(diagnostics.map((d) => [d.severity, d.code, d.column])).toEqual([['warning', 'data/lone-ratio-column', 4]]);
  });

  it('warns about an unknown column and rejects a duplicate one', () => {
    expect(codes(['指标', '年份', '数值', '填报人', '值'])).toEqual([
      ['warning', 'data/unknown-column', 4],
      ['error', 'data/duplicate-column', 5],
    ]);
  });
});
