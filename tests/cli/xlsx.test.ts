// `evaluate -o table.xlsx` and `report -o annex.xlsx` through the built binary, read back
// with exceljs: the sheets, a frozen header with an autofilter, numbers as numbers, one row
// per result (as many as the JSON output has), both languages; the same bytes twice on one
// day; a workbook to a terminal refused; an -o naming an input refused.
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { VERSION } from '../../src/cli/version.js';
import { nodeIo } from '../../src/cli/io.js';
import { ROOT, SAMPLE, STACK_LINE, TOWNSHIPS, parseEvaluation, plancheck, tempDir } from './helpers.js';

vi.setConfig({ testTimeout: 120_000 });

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function workspace(): string {
  const dir = tempDir('plancheck-xlsx-');
  dirs.push(dir);
  cpSync(join(ROOT, SAMPLE), join(dir, 'sample.csv'));
  cpSync(join(ROOT, TOWNSHIPS), join(dir, 'townships.csv'));
  return dir;
}

async function readBook(path: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book;
}

const headerOf = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1);
/** The autofilter as the range it covers, whatever form exceljs reads it back in. */
const filterRange = (sheet: ExcelJS.Worksheet) => (typeof sheet.autoFilter === 'string' ? sheet.autoFilter : JSON.stringify(sheet.autoFilter));

function expectTable(sheet: ExcelJS.Worksheet, rows: number, columns: number) {
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(filterRange(sheet)).toBe(`A1:${String.fromCharCode(64 + columns)}${rows + 1}`);
  expect(sheet.rowCount).toBe(rows + 1);
}

/** The status colours of the HTML report (src/format/report-style.ts). */
const STATUS_FILL: Record<string, string> = { met: 'FFDAFBE1', 'not-met': 'FFFFEBE9', 'no-data': 'FFF6F8FA', invalid: 'FFFBEFFF', 'not-applicable': 'FFFFFFFF' };

const SHEETS = { zh: ['评估结果', '数据问题', '说明'], en: ['Results', 'Data problems', 'About'] } as const;

describe('evaluate -o table.xlsx', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`--lang ${lang}: three sheets; one row per result, as many as the JSON has; frozen header, autofilter, numeric values`, async () => {
      const dir = workspace();
      const r = plancheck(['evaluate', 'sample.csv', '--regions', 'townships.csv', '--lang', lang, '-o', 'table.xlsx', '-o', 'results.json', '-o', 'results.csv'], { cwd: dir });
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(r.code, r.stderr).toBe(1);
      const json = parseEvaluation(readFileSync(join(dir, 'results.json'), 'utf8'));
      const book = await readBook(join(dir, 'table.xlsx'));
      expect(book.worksheets.map((w) => w.name)).toEqual([...SHEETS[lang]]);

      const results = book.getWorksheet(SHEETS[lang][0])!;
      // The CSV's columns (the CSV keeps its order for scripts), the ones people read first (issue 21 §3).
      const csvHeader = readFileSync(join(dir, 'results.csv'), 'utf8').replace(/^\uFEFF/, '').split('\r\n')[0]!.split(',');
      const header = headerOf(results) as string[];
      expect([...header].sort()).toEqual([...csvHeader].sort());
      expect(header.slice(0, 9)).toEqual(lang === 'zh' ? ['领域', '指标', '地区', '年份', '数值', '目标', '状态', '差距', '说明'] : ['Area', 'Indicator', 'Region', 'Year', 'Value', 'Target', 'Status', 'Gap', 'Detail']);
      expectTable(results, json.results.length, csvHeader.length);
      expect(json.results.length).toBeGreaterThan(100);

      // Row by row the same results as the JSON, values as numbers (booleans for yes/no).
      const col = (key: string) => header.indexOf(key) + 1;
      const value = header.indexOf(lang === 'zh' ? '数值' : 'Value') + 1;
      let numbers = 0;
      json.results.forEach((res, i) => {
        const row = results.getRow(i + 2);
        expect(row.getCell(col('status_id')).value).toBe(res.status);
        expect((row.getCell(col(lang === 'zh' ? '状态' : 'Status')).fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe(STATUS_FILL[res.status]);
        expect(row.getCell(col('region_code')).value).toBe(res.region.code);
        const v = row.getCell(value);
        if (res.value === null) expect(v.value ?? null).toBeNull();
        else {
          expect(v.value).toBe(res.value);
          if (typeof res.value === 'number') {
            expect(v.type).toBe(ExcelJS.ValueType.Number);
            numbers++;
          }
        }
      });
      expect(numbers).toBeGreaterThan(100);

      // The sample with its townships has no findings but six 2020 city figures (Σ/Σ of the 市(区))
      // that are not the plan's stated baselines (issue 20 item 4; its 2025 jump in 兴化市 is within
      // chance): the sheet has those six rows. The next test fills it with others.
      expect(json.diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(Array(6).fill('info quality/baseline-differs-plan'));
      expectTable(book.getWorksheet(SHEETS[lang][1])!, 6, 7);

      const about = (book.getWorksheet(SHEETS[lang][2])!.getSheetValues() as unknown[][]).filter(Boolean).map((x) => x.slice(1));
      expect(about.flat()).toEqual(expect.arrayContaining(['sample.csv', 'townships.csv', VERSION, String(json.year)]));
    });
  }

  it('the 数据问题 sheet has one located row per finding, in the JSON\'s order', async () => {
    const dir = workspace();
    cpSync(join(ROOT, 'tests', 'fixtures', 'cli', 'excel-utf8-bom.csv'), join(dir, 'percent.csv'));
    const r = plancheck(['evaluate', 'percent.csv', '-q', '-o', 'table.xlsx', '-o', 'results.json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(1);
    const json = parseEvaluation(readFileSync(join(dir, 'results.json'), 'utf8'));
    expect(json.diagnostics.length).toBeGreaterThanOrEqual(3);
    const findings = (await readBook(join(dir, 'table.xlsx'))).getWorksheet('数据问题')!;
    expectTable(findings, json.diagnostics.length, 7);
    json.diagnostics.forEach((d, i) => {
      expect(findings.getCell(i + 2, 6).value).toBe(d.code);
      expect(findings.getCell(i + 2, 2).value ?? null).toBe(d.line);
      // The message as JSON and the terminal give it: numbers rounded for display.
      expect(findings.getCell(i + 2, 7).value).toBe(d.message);
    });
    expect(findings.getCell(2, 6).value).toBe('quality/unit-converted');
    expect(findings.getCell(2, 2).value).toBe(2);
  });

  it('two runs on one day give the same bytes; SOURCE_DATE_EPOCH sets the day', async () => {
    const dir = workspace();
    const args = ['evaluate', 'sample.csv', '--regions', 'townships.csv', '-q'];
    plancheck([...args, '-o', 'a.xlsx'], { cwd: dir });
    await new Promise((r) => setTimeout(r, 2100));
    plancheck([...args, '-o', 'b.xlsx'], { cwd: dir });
    expect(readFileSync(join(dir, 'a.xlsx')).equals(readFileSync(join(dir, 'b.xlsx')))).toBe(true);

    plancheck([...args, '-o', 'c.xlsx'], { cwd: dir, env: { SOURCE_DATE_EPOCH: '1700000000' } });
    const book = await readBook(join(dir, 'c.xlsx'));
    expect(book.created.toISOString()).toBe('2023-11-14T00:00:00.000Z');
    expect(book.modified.toISOString()).toBe('2023-11-14T00:00:00.000Z');
    const about = (book.getWorksheet('说明')!.getSheetValues() as unknown[][]).filter(Boolean).map((x) => x.slice(1));
    expect(about).toContainEqual(['生成日期', '2023-11-14']);

    const bad = plancheck([...args, '-o', 'd.xlsx'], { cwd: dir, env: { SOURCE_DATE_EPOCH: 'yesterday' } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('SOURCE_DATE_EPOCH');
    expect(existsSync(join(dir, 'd.xlsx'))).toBe(false);
  });

  it('--format xlsx to a pipe writes the same workbook as -o', () => {
    const dir = workspace();
    const env = { SOURCE_DATE_EPOCH: '1700000000' };
    plancheck(['evaluate', 'sample.csv', '--regions', 'townships.csv', '-q', '-o', 'a.xlsx'], { cwd: dir, env });
    const piped = plancheck(['evaluate', 'sample.csv', '--regions', 'townships.csv', '--format', 'xlsx'], { cwd: dir, env });
    expect(piped.code).toBe(1);
    expect(piped.stdoutBytes.equals(readFileSync(join(dir, 'a.xlsx')))).toBe(true);
  });

  it('--format xlsx to a terminal is refused before any work, with exit 2 and the way to write it', async () => {
    const err: string[] = [];
    const out: unknown[] = [];
    const io = { ...nodeIo(), cwd: ROOT, stdoutIsTTY: true, env: { NO_COLOR: '1' }, stdout: (s: string) => void out.push(s), stdoutBytes: (b: Uint8Array) => void out.push(b), stderr: (s: string) => void err.push(s) };
    expect(await main(['evaluate', SAMPLE, '--regions', TOWNSHIPS, '--format', 'xlsx'], io)).toBe(2);
    expect(err.join('')).toContain('-o 文件名.xlsx');
    expect(out).toEqual([]);
    expect(await main(['evaluate', SAMPLE, '--regions', TOWNSHIPS, '--format', 'xlsx', '--lang', 'en'], io)).toBe(2);
    expect(err.join('')).toContain('write it with -o FILE.xlsx');
  });

  it('an -o naming an input workbook is refused, the input untouched; an unknown extension names .xlsx among the choices', () => {
    const dir = workspace();
    cpSync(join(ROOT, 'tests', 'fixtures', 'xlsx', 'features.xlsx'), join(dir, 'features.xlsx'));
    const before = readFileSync(join(dir, 'features.xlsx'));
    const r = plancheck(['evaluate', 'features.xlsx', '-o', './features.xlsx'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('features.xlsx');
    expect(readFileSync(join(dir, 'features.xlsx')).equals(before)).toBe(true);
    const unknown = plancheck(['evaluate', 'sample.csv', '-o', 'x.xls'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('.xlsx');
  });
});

describe('report -o annex.xlsx', () => {
  const SHEETS_REPORT = { zh: ['指标进展', '分组与单位', '分性别与城乡', '数据问题', '说明'], en: ['Progress', 'Parts and units', 'By sex and residence', 'Data problems', 'About'] } as const;

  for (const lang of ['zh', 'en'] as const) {
    it(`--lang ${lang}: one progress row per indicator and region of the report, baseline and yearly values as numbers, status and progress`, async () => {
      const dir = workspace();
      const r = plancheck(['report', 'sample.csv', '--regions', 'townships.csv', '--stage', 'midterm', '--lang', lang, '-o', 'annex.xlsx', '-o', 'report.json'], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as {
        years: number[];
        indicators: Array<{ id: string; results: Array<{ region: { code: string }; status: string; values: Array<{ value: unknown }> }> }>;
      };
      const expected = report.indicators.flatMap((i) => i.results.map((rr) => ({ id: i.id, ...rr })));
      const book = await readBook(join(dir, 'annex.xlsx'));
      expect(book.worksheets.map((w) => w.name)).toEqual([...SHEETS_REPORT[lang]]);
      const progress = book.getWorksheet(SHEETS_REPORT[lang][0])!;
      const header = headerOf(progress) as string[];
      expectTable(progress, expected.length, header.length);
      expect(header.slice(-2)).toEqual(lang === 'zh' ? ['指标代码', '地区代码'] : ['Indicator id', 'Region code']);
      // 2021 … 2023 after the baseline: a column per year.
      for (const y of report.years.slice(1)) expect(header).toContain(String(y));
      const yearCol = header.indexOf(String(report.years.at(-1))) + 1;
      const statusCol = header.indexOf(lang === 'zh' ? '状态' : 'Status') + 1;
      const fillOf = (c: ExcelJS.Cell) => (c.fill as { fgColor?: { argb?: string } }).fgColor?.argb;
      let numbers = 0;
      expected.forEach((x, i) => {
        const row = progress.getRow(i + 2);
        expect(fillOf(row.getCell(statusCol))).toBe(STATUS_FILL[x.status]);
        expect(row.getCell(statusCol + 1).fill).toMatchObject({ type: 'pattern' });
        // The ids for programs are the last two columns (issue 21 §3; they were the 2nd and 7th).
        expect(row.getCell(header.length - 1).value).toBe(x.id);
        expect(row.getCell(header.length).value).toBe(x.region.code);
        const last = x.values.at(-1)!.value;
        if (typeof last === 'number') {
          expect(row.getCell(yearCol).value).toBe(last);
          expect(row.getCell(yearCol).type).toBe(ExcelJS.ValueType.Number);
          numbers++;
        }
      });
      expect(numbers).toBeGreaterThan(100);
      for (const name of SHEETS_REPORT[lang]) expect(book.getWorksheet(name)!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    });
  }

  it('an unknown report extension names .xlsx among the choices', () => {
    const dir = workspace();
    const r = plancheck(['report', 'sample.csv', '--stage', 'midterm', '-o', 'annex.xls'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.xlsx');
  });
});
