import { describe, expect, it } from 'vitest';
import { readRegionsFile } from '../../src/ingest/regions-file.js';
import { csv, fixture, plan } from './test-plan.js';

describe('readRegionsFile', () => {
  it('reads townships under districts named by name, short name or code', () => {
    const { regions, diagnostics } = readRegionsFile(fixture('regions.csv'), plan);
    expect(diagnostics).toEqual([]);
    expect(regions).toEqual([
      { code: '321202001', name: '城东街道', aliases: [], level: 'township', parent: '321202', population: 52000 },
      { code: '321202002', name: '城西街道', aliases: [], level: 'township', parent: '321202', population: 46000 },
      { code: '321203100', name: '口岸街道', aliases: [], level: 'township', parent: '321203' },
    ]);
  });

  it('accepts Chinese headers, an explicit level, aliases and a parent from an earlier row', () => {
    const { regions, diagnostics } = readRegionsFile(
      csv('行政区划代码,名称,上级,层级,简称\n321202001,城东街道,海陵区,乡镇（街道）,城东\n321202001001,东风社区,城东街道,,\n'),
      plan,
    );
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['regions/no-level-below', 3, 3]]);
    expect(regions).toEqual([{ code: '321202001', name: '城东街道', aliases: ['城东'], level: 'township', parent: '321202' }]);
  });

  it('lets a row give a plan region its population without restating its parent', () => {
    const { regions, diagnostics } = readRegionsFile(csv('code,name,parent,population\n321200,泰州市,,4512700\n'), plan);
    expect(diagnostics).toEqual([]);
    expect(regions).toEqual([{ code: '321200', name: '泰州市', aliases: [], level: 'city', population: 4512700 }]);
  });

  it('reports every bad row with its line and column', () => {
    const { regions, diagnostics } = readRegionsFile(fixture('regions-bad.csv'), plan);
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ['regions/bad-code', 3, 1],
      ['regions/duplicate-code', 4, 1],
      ['regions/unknown-parent', 5, 3],
      ['regions/bad-population', 6, 4],
      ['regions/no-level-below', 7, 3],
    ]);
    expect(diagnostics[1]?.params.first).toBe(2);
    expect(regions.map((r) => r.code)).toEqual(['321202001']);
  });

  it('names the columns a regions file needs', () => {
    const { diagnostics } = readRegionsFile(csv('code,名称\n321202001,城东街道\n'), plan);
    expect(diagnostics.map((d) => [d.code, d.params.field, d.line])).toEqual([['data/missing-column', 'parent', 1]]);
  });
});
