// Long and wide copies of the same data give identical verdicts, for every shipped sample:
// each sample is copied cell for cell to years-as-columns and regions-as-columns CSV, and
// to workbooks (long, years and regions, under a merged title and two-row merged headers),
// and every copy must give the same observations and the same evaluation, year by year.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import { readReturnsAsync } from '../../src/ingest/read-returns.js';
import type { Observation } from '../../src/model/observation.js';
import { bytesOf, realContext, ROOT } from '../quality/real-plan.js';
import { longRows, longTable, regionsTable, toCsv, toXlsx, yearsTable } from './wide-copies.js';

/** Every sample return: a CSV of samples/ whose header names an indicator column (not the regions file). */
const samples = readdirSync(join(ROOT, 'samples'))
  .filter((n) => n.endsWith('.csv'))
  .filter((n) => !/^\uFEFF?(code|代码)/u.test(new TextDecoder().decode(bytesOf('samples', n)).slice(0, 10)));

const comparable = (os: Observation[]) =>
  os
    .map((o) => ({ id: o.indicatorId, region: o.regionCode, year: o.year, sex: o.sex, residence: o.residence, value: o.value, numerator: o.numerator, denominator: o.denominator, notes: o.notes, invalid: o.invalid }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe('long and wide copies of every shipped sample', () => {
  it('finds the samples', () => {
    expect(samples).toContain('taizhou-2020-2025.csv');
    expect(samples).toContain('taizhou-2025-gbk.csv');
    expect(samples).not.toContain('townships.csv');
  });

  describe.each(samples)('%s', (name) => {
    const ctx = realContext(true);
    const bytes = bytesOf('samples', name);
    const rows = longRows(bytes, name);

    it.each([
      ['years CSV', 'years', async () => toCsv(yearsTable(rows))],
      ['years CSV, two-row header', 'years', async () => toCsv(yearsTable(rows, true))],
      ['regions CSV', 'regions', async () => toCsv(regionsTable(rows))],
      ['regions CSV, two-row header', 'regions', async () => toCsv(regionsTable(rows, true))],
      ['long workbook', 'long', async () => toXlsx(longTable(rows))],
      ['years workbook, merged headers', 'years', async () => toXlsx(yearsTable(rows, true), '统计监测表')],
      ['regions workbook, merged headers', 'regions', async () => toXlsx(regionsTable(rows, true), '统计监测表')],
    ] as const)('%s gives the same verdicts', async (_label, layout, make) => {
      const long = await readReturnsAsync([{ file: name, bytes }], ctx);
      const copy = await readReturnsAsync([{ file: `copy-of-${name}`, bytes: await make() }], ctx);
      expect(long.observations.length).toBeGreaterThan(300);
      expect(Object.values(copy.layouts)).toEqual([layout]);
      expect(copy.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code)).toEqual(long.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code));
      expect(comparable(copy.observations)).toEqual(comparable(long.observations));
      const a = evaluate(ctx.plan, ctx.regions, long.observations, { year: 'all' });
      const b = evaluate(ctx.plan, ctx.regions, copy.observations, { year: 'all' });
      expect(b.summary).toEqual(a.summary);
      expect(b.results).toEqual(a.results);
    });
  });
});

describe('the committed wide fixtures (tests/fixtures/wide: an extract of the main sample, long and wide)', () => {
  const ctx = realContext(true);
  const read = (name: string) => readReturnsAsync([{ file: name, bytes: bytesOf('tests', 'fixtures', 'wide', name) }], ctx);

  it.each([
    ['years.csv', 'years'],
    ['regions.csv', 'regions'],
  ])('%s reads as %s and gives the verdicts of long.csv', async (name, layout) => {
    const long = await read('long.csv');
    const wide = await read(name);
    expect(long.observations).toHaveLength(45);
    expect(wide.layouts).toEqual({ [name]: layout });
    expect(wide.diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual([`info data/layout-${layout}`]);
    expect(comparable(wide.observations)).toEqual(comparable(long.observations));
    for (const year of [2020, 2021, 2025]) {
      expect(evaluate(ctx.plan, ctx.regions, wide.observations, { year }).results).toEqual(evaluate(ctx.plan, ctx.regions, long.observations, { year }).results);
    }
  });
});
