// plancheck template: the blank form, and the round trip — a form filled in evaluates
// with no edits, as CSV in-process and as .xlsx through the built binary.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { formCsv, parseYears } from '../../src/cli/commands/template.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { buildForm, FORM_COLUMNS, FORM_HEADER } from '../../src/ingest/form.js';
import { readReturnsAsync } from '../../src/ingest/read-returns.js';
import { readTable } from '../../src/ingest/table.js';
import { checkQuality } from '../../src/quality/index.js';
import { realContext, realPlan, ROOT } from '../quality/real-plan.js';
import { fill } from './fill.js';

const plan = realPlan();

describe('parseYears', () => {
  it.each([
    [undefined, [2025]],
    ['2023', [2023]],
    ['2023年', [2023]],
    ['２０２３', [2023]],
    ['2020,2025', [2020, 2025]],
    ['2025，2020', [2020, 2025]],
    ['2020-2022', [2020, 2021, 2022]],
    ['2022-2022', [2022]],
  ])('%s → %j', (s, years) => expect(parseYears(s, plan)).toEqual(years));

  it.each(['20x3', '2025-2020', '', '2020-2099'])('rejects %j', (s) => expect(() => parseYears(s, plan)).toThrow());
});

describe('the form', () => {
  const ctx = realContext(true);
  const rows = buildForm(plan, ctx, { years: [2025] });
  const of = (id: string) => rows.filter((r) => r.indicator.id === id);

  it('has a row per indicator with a target and plan region', () => {
    const neonatal = of('neonatal-mortality');
    expect(neonatal.map((r) => r.region.name)).toEqual(['泰州市', '海陵区', '高港区', '姜堰区', '兴化市', '靖江市', '泰兴市']);
    expect(neonatal[0]!.hints).toContain('derivable');
    expect(neonatal[1]!.hints).not.toContain('derivable');
    expect(neonatal.every((r) => r.ratio && r.targetText === '≤3')).toBe(true);
  });

  it('gives a split target its parts, not the total', () => {
    const parents = of('parent-school-rate');
    expect(parents.filter((r) => r.region.name === '海陵区').map((r) => [r.part, r.targetText])).toEqual([
      ['urban', '城市社区100'],
      ['rural', '农村社区90'],
    ]);
  });

  it('gives an every-township target a row per township of the regions file, and nothing for the plan regions', () => {
    const immunization = of('immunization-rate');
    expect(immunization).toHaveLength(18);
    expect(immunization.every((r) => r.region.level === 'township')).toBe(true);
  });

  it('falls back to the plan regions, with a hint, when the townships are not known', () => {
    const bare = buildForm(plan, realContext(false), { years: [2025] }).filter((r) => r.indicator.id === 'immunization-rate');
    expect(bare).toHaveLength(7);
    expect(bare[0]!.hints).toContain('units-unknown');
  });

  it('adds the population a conditional target reads, for the units it applies to', () => {
    expect(of('resident-population').map((r) => r.region.level)).toEqual(Array(6).fill('district'));
    expect(of('special-schools').map((r) => r.region.level)).toEqual(Array(6).fill('district'));
  });

  it('does not offer numerator and denominator for a count, a value or a yes/no', () => {
    expect(of('special-schools').every((r) => !r.ratio)).toBe(true);
    expect(of('children-council').every((r) => !r.ratio && r.hints.includes('boolean'))).toBe(true);
    // The city's 议事会 cannot be summed from its 市(区): it must be filled in.
    expect(of('children-council')[0]!.hints).not.toContain('derivable');
  });

  it('asks for the baseline year where a target compares with it', () => {
    expect(of('injury-mortality')[0]!.hints).toContain('baseline');
    expect(buildForm(plan, ctx, { years: [2020, 2025] }).find((r) => r.indicator.id === 'injury-mortality')!.hints).not.toContain('baseline');
  });

  it('limits the form to the regions asked for', () => {
    const one = buildForm(plan, ctx, { years: [2025], regions: ['321202'] });
    expect(new Set(one.filter((r) => r.indicator.id === 'neonatal-mortality').map((r) => r.region.name))).toEqual(new Set(['海陵区']));
    // Every-township targets: the townships of that 市(区) only.
    expect(one.filter((r) => r.indicator.id === 'immunization-rate')).toHaveLength(3);
  });

  it('writes a CSV whose header the reader knows, UTF-8 with BOM and CRLF', () => {
    const csv = formCsv(rows, plan, 'zh');
    expect(csv.startsWith('\uFEFF指标,地区,年份,性别,城乡,数值,分子,分母,单位,规划目标,填报说明,备注\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(rows.length + 2);
  });
});

/** A filled-in copy of a CSV form: every row given a value (or ratio) that meets its target. */
function fillCsv(csv: string, leaveCityBlank: boolean): string {
  const table = readTable(csv, 'form.csv').table!;
  const col = (name: string) => table.header.indexOf(name);
  const lines = [table.header];
  table.rows.forEach((r, i) => {
    const cells = [...r.cells];
    const indicator = plan.indicators.find((x) => x.name === cells[col('指标')])!;
    const part = cells[col('城乡')] === '城市' ? 'urban' : cells[col('城乡')] === '农村' ? 'rural' : undefined;
    const derivable = cells[col('填报说明')]!.includes('可不填');
    if (!(leaveCityBlank && derivable)) {
      // A city is summed from its 市(区) only when every one gives numerator and denominator.
      const f = fill(indicator, part, Number(cells[col('年份')]), plan, i, leaveCityBlank);
      if (f.value !== undefined) cells[col('数值')] = String(f.value);
      if (f.numerator !== undefined) {
        cells[col('分子')] = String(f.numerator);
        cells[col('分母')] = String(f.denominator);
      }
    }
    lines.push(cells);
  });
  return `\uFEFF${lines.map((l) => l.map((c) => (/[",\r\n]/u.test(c) ? `"${c.replace(/"/gu, '""')}"` : c)).join(',')).join('\r\n')}\r\n`;
}

describe('a filled-in form evaluates with no edits (CSV, in-process)', () => {
  const ctx = realContext(true);
  it.each([
    ['every row filled', false],
    ['city rows left empty, derived from the 市(区) (which give numerators and denominators)', true],
  ])('%s', async (_label, leaveCityBlank) => {
    const form = formCsv(buildForm(plan, ctx, { years: [2020, 2025] }), plan, 'zh');
    const filled = fillCsv(form, leaveCityBlank);
    const read = await readReturnsAsync([{ file: 'form.csv', bytes: new TextEncoder().encode(filled) }], ctx);
    expect(read.diagnostics).toEqual([]);
    const quality = checkQuality(plan, ctx.regions, read.observations, { where: { file: 'form.csv' } });
    expect(quality.findings.filter((d) => d.severity !== "info").map((d) => `${d.code} ${JSON.stringify(d.params)}`)).toEqual([]);
    expect(quality.completeness.counts.missing).toBe(0);
    const e = evaluate(plan, ctx.regions, read.observations);
    expect(e.years).toEqual([2025]);
    expect(e.results.filter((r) => r.status !== 'met').map((r) => `${r.id} ${r.region.name} ${r.status}`)).toEqual([]);
    expect(e.summary.met).toBe(57 * 7);
  });

  it('an empty form reads as nothing filled in: no errors, no observations', async () => {
    const form = formCsv(buildForm(plan, ctx, { years: [2025] }), plan, 'zh');
    const read = await readReturnsAsync([{ file: 'form.csv', bytes: new TextEncoder().encode(form) }], ctx);
    expect(read.diagnostics).toEqual([]);
    expect(read.observations).toEqual([]);
  });
});

describe('a filled-in .xlsx form evaluates with no edits (built binary)', () => {
  const bin = join(ROOT, 'bin', 'plancheck');
  const run = (args: string[], cwd: string) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it('template -o form.xlsx, filled in with Excel-typed cells, then check and evaluate', async () => {
    expect(existsSync(join(ROOT, 'dist', 'cli.js')), 'run node scripts/build.mjs first').toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'plancheck-template-'));
    const townships = join(ROOT, 'samples', 'townships.csv');
    const made = run(['template', '--year', '2020,2025', '--regions', townships, '-o', 'form.xlsx'], dir);
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    expect(made.stdout).toMatch(/form\.xlsx/u);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(dir, "form.xlsx")) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
    expect(header).toEqual(FORM_COLUMNS.map((c) => FORM_HEADER[c]));
    const at = (name: string) => header.indexOf(name) + 1;
    for (let r = 2; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const indicator = plan.indicators.find((x) => x.name === row.getCell(at('指标')).value)!;
      const area = row.getCell(at('城乡')).value;
      const f = fill(indicator, area === '城市' ? 'urban' : area === '农村' ? 'rural' : undefined, Number(row.getCell(at('年份')).value), plan, r);
      const value = row.getCell(at('数值'));
      if (typeof f.value === 'number' && indicator.unit === '%' && r % 4 === 0) {
        // Typed as 98% in Excel: a fraction in a percent format.
        value.value = f.value / 100;
        value.numFmt = '0%';
      } else if (f.value !== undefined) value.value = f.value;
      if (f.numerator !== undefined) {
        row.getCell(at('分子')).value = f.numerator;
        row.getCell(at('分母')).value = f.denominator!;
      }
    }
    writeFileSync(join(dir, 'form.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));

    const checked = run(['check', 'form.xlsx', '--regions', townships, '--format', 'json'], dir);
    expect(checked.status, checked.stderr).toBe(0);
    const report = JSON.parse(checked.stdout) as { valid: boolean; summary: { errors: number; warnings: number }; completeness: { missing: number } };
    expect(report.valid).toBe(true);
    expect(report.summary).toMatchObject({ errors: 0, warnings: 0 });
    expect(report.completeness.missing).toBe(0);

    const evaluated = run(['evaluate', 'form.xlsx', '--regions', townships, '--format', 'json'], dir);
    expect(evaluated.status, evaluated.stderr).toBe(0);
    const e = JSON.parse(evaluated.stdout) as { year: number; summary: Record<string, number> };
    expect(e.year).toBe(2025);
    expect(e.summary).toEqual({ met: 57 * 7, 'not-met': 0, 'no-data': 0, invalid: 0, 'not-applicable': 0 });
  }, 60_000);

  it('refuses an output that is not .csv or .xlsx, and never overwrites the regions file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plancheck-template-'));
    const bad = run(['template', '-o', 'form.json'], dir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/\.csv 或 \.xlsx/u);
    writeFileSync(join(dir, 'units.csv'), readFileSync(join(ROOT, 'samples', 'townships.csv')));
    const same = run(['template', '--regions', 'units.csv', '-o', 'units.csv'], dir);
    expect(same.status).toBe(2);
    expect(readFileSync(join(dir, 'units.csv'))).toEqual(readFileSync(join(ROOT, 'samples', 'townships.csv')));
  });
});
