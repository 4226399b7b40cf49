// A return of townships alone (tests/fixtures/cli/townships-only.csv: 适龄儿童免疫规划疫苗接种率
// for the 18 乡镇/街道 of samples/townships.csv, a third named by code, with 分子/分母; and
// 普惠托育机构数 per township, none in 泰兴市's) evaluates as if it also had the 市(区) and city
// rows: the parents derived Σ/Σ (counts Σ), every “以乡(镇)为单位” target judged over the
// units given, the unit below 95 % (季市镇 942/1000 = 94.2 %) named, exit 1.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ROOT, STACK_LINE, TOWNSHIPS, fixture, parseEvaluation, plancheck, resultFor, tempDir, type JsonEvaluation } from './helpers.js';

vi.setConfig({ testTimeout: 60_000 });

const FILE = fixture('townships-only.csv');
const R = ['--regions', TOWNSHIPS];
const CITY = '321200';
const DISTRICTS = ['321202', '321203', '321204', '321281', '321282', '321283'];
const JINGJIANG = '321282';
const TAIXING = '321283';
const JISHI = '321282104';

/** The fixture's vaccination rows as [region as written, numerator, denominator]. */
const vaccination = readFileSync(join(ROOT, FILE), 'utf8')
  .split('\n')
  .filter((l) => l.startsWith('适龄儿童免疫规划疫苗接种率,'))
  .map((l) => l.split(','))
  .map((f) => [f[1]!, Number(f[4]), Number(f[5])] as const);
const townships = readFileSync(join(ROOT, TOWNSHIPS), 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split(','));
const parentOf = (nameOrCode: string) => townships.find((t) => t[0] === nameOrCode || t[1] === nameOrCode)![2]!;

function json(args: string[]): { code: number | null; e: JsonEvaluation; stderr: string } {
  const r = plancheck(['evaluate', ...args, '--format', 'json']);
  expect(r.stderr).not.toMatch(STACK_LINE);
  return { code: r.code, e: parseEvaluation(r.stdout), stderr: r.stderr };
}

describe('a return naming only townships', () => {
  it('evaluates the city, every 市(区) and their units: exit 1, 季市镇 named', () => {
    const r = plancheck(['evaluate', FILE, ...R]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/共 0 项/);
    expect(r.stdout).toMatch(/泰州市 2025年/);
    expect(r.stdout).toMatch(/靖江市 2025年/);
    expect(r.stdout).toMatch(/未达标：季市镇 94\.20%/); // the plan's two decimals (issue 20 §9)
  });

  it('results for the city and each 市(区), derived Σ numerator / Σ denominator; the failing unit named where it lies', () => {
    const { code, e } = json([FILE, ...R, '--indicator', 'immunization-rate']);
    expect(code).toBe(1);
    expect(e.results.map((x) => x.region.code)).toEqual([CITY, ...DISTRICTS]);
    const sum = (rows: typeof vaccination) => (rows.reduce((s, x) => s + x[1], 0) / rows.reduce((s, x) => s + x[2], 0)) * 100;
    const city = resultFor(e, 'immunization-rate', CITY);
    expect(city.status).toBe('not-met');
    expect(city.derived).toBe(true);
    expect(city.value as number).toBeCloseTo(sum(vaccination), 10);
    expect(city.failingUnits!.map((u) => [u.code, u.name])).toEqual([[JISHI, '季市镇']]);
    for (const d of DISTRICTS) {
      const x = resultFor(e, 'immunization-rate', d);
      expect(x.value as number, d).toBeCloseTo(sum(vaccination.filter((v) => parentOf(v[0]) === d)), 10);
      expect(x.status, d).toBe(d === JINGJIANG ? 'not-met' : 'met');
      expect(x.failingUnits!.map((u) => u.code), d).toEqual(d === JINGJIANG ? [JISHI] : []);
    }
    // 靖江市: (2135 + 940 + 942) / (2174 + 958 + 1000) = 97.22 %, met as a rate, missed at 季市镇.
    expect(resultFor(e, 'immunization-rate', JINGJIANG).value as number).toBeCloseTo((4017 / 4132) * 100, 10);
  });

  it('counts: each 市(区) is Σ of its townships, the city Σ of them all; 泰兴市 with none is named', () => {
    const { e } = json([FILE, ...R, '--indicator', 'inclusive-childcare-institutions']);
    const taixing = resultFor(e, 'inclusive-childcare-institutions', TAIXING);
    expect(taixing).toMatchObject({ value: 0, derived: true, status: 'not-met' });
    expect(resultFor(e, 'inclusive-childcare-institutions', '321281')).toMatchObject({ value: 5, derived: true, status: 'met' });
    const city = resultFor(e, 'inclusive-childcare-institutions', CITY);
    expect(city).toMatchObject({ value: 15, derived: true, status: 'not-met' });
    expect(city.failingUnits!.map((u) => u.name)).toEqual(['泰兴市']);
  });

  it('gives the same verdicts and values as the same return with its 市(区) and city rows added', () => {
    const tmp = tempDir();
    const text = readFileSync(join(ROOT, FILE), 'utf8');
    const parents = [...DISTRICTS.map((d) => [d, vaccination.filter((v) => parentOf(v[0]) === d)] as const), [CITY, vaccination] as const].map(([code, rows]) => {
      const n = rows.reduce((s, x) => s + x[1], 0);
      const d = rows.reduce((s, x) => s + x[2], 0);
      return `适龄儿童免疫规划疫苗接种率,${code},2025,,${n},${d},`;
    });
    writeFileSync(join(tmp, 'with-parents.csv'), `${text}${parents.join('\n')}\n`);
    const strip = (e: JsonEvaluation) => e.results.map((x) => ({ region: x.region.code, status: x.status, value: Math.round((x.value as number) * 1e9), failing: x.failingUnits?.map((u) => u.code) }));
    const implied = json([FILE, ...R, '--indicator', 'immunization-rate']).e;
    const given = json([join(tmp, 'with-parents.csv'), ...R, '--indicator', 'immunization-rate']).e;
    expect(strip(implied)).toEqual(strip(given));
    expect(given.results.every((x) => !x.derived)).toBe(true);
  });

  it('values only (no 分子/分母): nothing to sum, yet every 市(区) and the city are judged over their units', () => {
    const tmp = tempDir();
    const lines = readFileSync(join(ROOT, FILE), 'utf8').split('\n');
    writeFileSync(join(tmp, 'values.csv'), lines.map((l, i) => (i === 0 ? l : l.replace(/^([^,]*,[^,]*,[^,]*,[^,]*),[^,]*,[^,]*,/, '$1,,,'))).join('\n'));
    const { code, e } = json([join(tmp, 'values.csv'), ...R, '--indicator', 'immunization-rate']);
    expect(code).toBe(1);
    expect(e.results.map((x) => [x.region.code, x.status, x.value])).toEqual([[CITY, 'not-met', null], ...DISTRICTS.map((d) => [d, d === JINGJIANG ? 'not-met' : 'met', null])]);
    expect(resultFor(e, 'immunization-rate', CITY).failingUnits!.map((u) => u.name)).toEqual(['季市镇']);
  });

  // Corrected (issue 20 item 6): the city is reported for its every-乡镇 target once some of its
  // 乡镇 have data — here 无数据, naming the 乡镇 of the other 市(区); a failing one would make it 未达标.
  it('the townships of one 市(区) only: that 市(区) is evaluated, and the city says which 乡镇 lack data', () => {
    const tmp = tempDir();
    const lines = readFileSync(join(ROOT, FILE), 'utf8').split('\n');
    writeFileSync(join(tmp, 'hailing.csv'), [lines[0], ...lines.filter((l) => /^适龄.*,(城东街道|城西街道|321202101),/.test(l))].join('\n'));
    const { code, e } = json([join(tmp, 'hailing.csv'), ...R, '--indicator', 'immunization-rate']);
    expect(code).toBe(0);
    expect(e.results.map((x) => [x.region.code, x.status])).toEqual([['321200', 'no-data'], ['321202', 'met']]);
    expect(resultFor(e, 'immunization-rate', '321200').missingUnits).toHaveLength(15);
  });
});

describe('the indicators a return does not give', () => {
  it('are one short line with the count on standard error, and their ids in JSON absentIndicators', () => {
    const { e, stderr } = json([FILE, ...R]);
    const lines = stderr.split('\n').filter((l) => l.includes('[quality/indicators-absent]'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/本报表没有 55 项规划指标的数据/);
    expect(lines[0]!.length).toBeLessThan(160);
    expect(lines[0]).not.toMatch(/新生儿死亡率/);
    expect(e.absentIndicators).toHaveLength(55);
    expect(e.absentIndicators).toContain('neonatal-mortality');
    expect(e.absentIndicators).not.toContain('immunization-rate');
    expect(e.absentIndicators).not.toContain('inclusive-childcare-institutions');
    // Their results are 无数据, as before.
    expect(e.results.filter((x) => x.id === 'neonatal-mortality').every((x) => x.status === 'no-data')).toBe(true);
  });

  it('in English too', () => {
    const r = plancheck(['evaluate', FILE, ...R, '--lang', 'en']);
    expect(r.stderr).toMatch(/the return gives nothing for 55 of the plan's indicators \(--format json lists them\)/);
  });

  it('are not mentioned when --indicator chose the indicators', () => {
    const r = plancheck(['evaluate', FILE, ...R, '--indicator', 'immunization-rate']);
    expect(r.stderr).not.toMatch(/quality\/indicators-absent/);
    const { e } = json([FILE, ...R, '--indicator', 'immunization-rate']);
    expect(e.absentIndicators).toEqual([]);
  });

  it('are left out of the terminal table in one line, so that the results the return gives are what it shows', () => {
    const r = plancheck(['evaluate', FILE, ...R]);
    expect(r.code).toBe(1);
    const { e } = json([FILE, ...R]);
    const shownIds = new Set(e.results.filter((x) => !e.absentIndicators.includes(x.id)).map((x) => x.id));
    expect([...shownIds].sort()).toEqual(['immunization-rate', 'inclusive-childcare-institutions']);
    // No row of an absent indicator; 季市镇 still named; one line counts what was left out.
    expect(r.stdout).not.toMatch(/新生儿死亡率/);
    expect(r.stdout).toMatch(/未达标：季市镇 94\.20%/); // the plan's two decimals (issue 20 §9)
    const left = e.results.filter((x) => e.absentIndicators.includes(x.id)).length;
    expect(left).toBeGreaterThan(300);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('另有 55 项规划指标本报表没有数据'))).toEqual([
      `另有 55 项规划指标本报表没有数据（${left} 项结果均为无数据），表中未列出；--format json 或 csv 列出全部`,
    ]);
    // The summary still counts every result, as the JSON does.
    expect(r.stdout).toContain(`共 ${e.results.length} 项`);
    // A table a fraction of the length it was: 1,168 lines with a 无数据 row per indicator and region.
    expect(r.stdout.split('\n').length).toBeLessThan(200);
    const en = plancheck(['evaluate', FILE, ...R, '--lang', 'en']);
    // (the line wraps at the table's width, 100 columns in a pipe)
    expect(en.stdout.replace(/\n/g, ' ')).toContain(`left out of this table: 55 of the plan's indicators, with no data in the returns (${left} results, all no data)`);
  });

  it('named with --indicator, an absent indicator keeps its 无数据 rows in the table', () => {
    const r = plancheck(['evaluate', FILE, ...R, '--indicator', 'immunization-rate,neonatal-mortality', '--region', '海陵区']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/新生儿死亡率[^\n]*无数据/);
    expect(r.stdout).not.toMatch(/另有 \d+ 项规划指标/);
  });

  it('are named in a Markdown -o output', () => {
    const tmp = tempDir();
    const r = plancheck(['evaluate', FILE, ...R, '-o', join(tmp, 'out.md')]);
    expect(r.code).toBe(1);
    const md = readFileSync(join(tmp, 'out.md'), 'utf8');
    expect(md).toMatch(/本报表未涉及的规划指标（55 项）：.*新生儿死亡率/);
  });

  it('an indicator asked for and absent from a return that gives others is 无数据, exit 0', () => {
    const { code, e } = json([FILE, ...R, '--indicator', 'immunization-rate,neonatal-mortality', '--region', '海陵区']);
    expect(code).toBe(0);
    expect(e.results.map((x) => [x.id, x.status])).toEqual([['neonatal-mortality', 'no-data'], ['immunization-rate', 'met']]);
    expect(e.absentIndicators).toEqual(['neonatal-mortality']);
  });
});
