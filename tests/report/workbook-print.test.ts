// The workbooks as colleagues use them (issue 21 §3): every table sheet of `evaluate -o
// table.xlsx` and `report -o annex.xlsx` on A4 landscape, its columns fitted to the page's width,
// its header row frozen and repeated on every printed page; the columns people read first, in
// Chinese (English with --lang en), the ids and codes for programs last and off the printed page;
// one row per result. Through the BUILT binary.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import { plancheck, tempDir } from '../cli/helpers.js';

vi.setConfig({ testTimeout: 120_000 });

async function sheets(path: string) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book.worksheets;
}

describe('the workbooks’ print setup', () => {
  for (const [what, args] of [
    ['evaluate -o table.xlsx', ['evaluate', 'samples/taizhou-2020-2025.csv', '--regions', 'samples/townships.csv', '--year', '2023']],
    ['report -o annex.xlsx', ['report', 'samples/taizhou-2020-2025.csv', '--regions', 'samples/townships.csv', '--stage', 'midterm']],
  ] as const) {
    it(`${what}: landscape A4, fitted to the width, header row on every page`, async () => {
      const out = join(tempDir(), 'book.xlsx');
      const r = plancheck([...args, '-o', out]);
      expect([0, 1], r.stderr).toContain(r.code);
      const list = await sheets(out);
      expect(list.length).toBeGreaterThanOrEqual(3);
      for (const s of list) {
        expect(s.pageSetup.orientation, s.name).toBe('landscape');
        expect(s.pageSetup.paperSize, s.name).toBe(9);
        expect(s.pageSetup.fitToPage, s.name).toBe(true);
        expect(s.pageSetup.fitToWidth, s.name).toBe(1);
        expect(s.pageSetup.fitToHeight, s.name).toBe(0);
        expect(s.pageSetup.printTitlesRow, s.name).toBe('1:1');
      }
    });
  }
});

const letters = (n: number) => String.fromCharCode(64 + n);
const headerOf = (s: ExcelJS.Worksheet) => (s.getRow(1).values as unknown[]).slice(1) as string[];

/** The print area covers the columns for people, every row; the header is frozen and printed on every page. */
function expectPrinted(s: ExcelJS.Worksheet, people: number) {
  expect(s.views[0], s.name).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(s.pageSetup.printTitlesRow, s.name).toBe('1:1');
  expect(s.pageSetup.orientation, s.name).toBe('landscape');
  expect(s.pageSetup.fitToWidth, s.name).toBe(1);
  expect(s.pageSetup.printArea, s.name).toBe(`A1:${letters(people)}${s.rowCount}`);
}

describe('the workbooks’ columns: people’s first, programs’ last', () => {
  const EVALUATE = {
    zh: { people: ['领域', '指标', '地区', '年份', '数值', '目标', '状态', '差距', '说明', '备注', '主要指标', '单位', '汇总推算'], programs: ['指标代码', 'region_code', 'status_id', 'gap_value', 'interval_low', 'interval_high', 'interval_method', 'chance'] },
    en: { people: ['Area', 'Indicator', 'Region', 'Year', 'Value', 'Target', 'Status', 'Gap', 'Detail', 'Notes', 'Main', 'Unit', 'Derived'], programs: ['Indicator id', 'region_code', 'status_id', 'gap_value', 'interval_low', 'interval_high', 'interval_method', 'chance'] },
  };
  for (const lang of ['zh', 'en'] as const) {
    it(`evaluate -o table.xlsx --lang ${lang}: 领域, 指标, 地区, 年份, 数值, 目标, 状态 … first; the ids last, not printed; the CSV keeps its order`, async () => {
      const dir = tempDir();
      const r = plancheck(['evaluate', 'samples/taizhou-2020-2025.csv', '--regions', 'samples/townships.csv', '--year', '2023', '--lang', lang, '-o', join(dir, 't.xlsx'), '-o', join(dir, 't.csv'), '-o', join(dir, 't.json')]);
      expect([0, 1], r.stderr).toContain(r.code);
      const [results] = await sheets(join(dir, 't.xlsx'));
      const { people, programs } = EVALUATE[lang];
      expect(headerOf(results!)).toEqual([...people, ...programs]);
      expectPrinted(results!, people.length);
      // One row per result, as the JSON has them.
      const json = JSON.parse(readFileSync(join(dir, 't.json'), 'utf8')) as { results: Array<{ id: string; name: string; region: { name: string; code: string }; status: string }> };
      expect(results!.rowCount).toBe(json.results.length + 1);
      json.results.forEach((x, i) => {
        const row = results!.getRow(i + 2);
        expect(row.getCell(3).value).toBe(x.region.name);
        expect(row.getCell(people.length + 1).value).toBe(x.id);
        expect(row.getCell(people.length + 2).value).toBe(x.region.code);
        expect(row.getCell(people.length + 3).value).toBe(x.status);
      });
      // The CSV, which scripts read by name and position, keeps its columns as they were.
      const csv = readFileSync(join(dir, 't.csv'), 'utf8').replace(/^\uFEFF/, '').split('\r\n')[0]!.split(',');
      expect(csv.slice(0, 3)).toEqual(lang === 'zh' ? ['指标代码', '指标', '领域'] : ['Indicator id', 'Indicator', 'Area']);
      expect(csv.slice(-7)).toEqual(programs.slice(1));
    });
  }

  for (const stage of ['midterm', 'final'] as const) {
    it(`report --stage ${stage} -o annex.xlsx: each sheet as the 附表 reads, the ids last and off the page${stage === 'final' ? ', no progress column' : ''}`, async () => {
      const dir = tempDir();
      const r = plancheck(['report', 'samples/taizhou-2020-2025.csv', '--regions', 'samples/townships.csv', '--stage', stage, '-o', join(dir, 'a.xlsx')]);
      expect(r.code, r.stderr).toBe(0);
      const [progress, parts, breakdowns] = await sheets(join(dir, 'a.xlsx'));
      const years = stage === 'midterm' ? ['2021', '2022', '2023'] : ['2021', '2022', '2023', '2024', '2025'];
      const pace = stage === 'midterm' ? ['进度', '要求年均', '实际年均', '比值 R', '2025年预计'] : [];
      const progressPeople = ['领域', '指标', '地区', '基线（2020）', ...years, '目标', '状态', ...pace, '备注', '主要指标', '单位', '基线来源'];
      expect(headerOf(progress!)).toEqual([...progressPeople, '指标代码', '地区代码']);
      expectPrinted(progress!, progressPeople.length);
      const partsPeople = ['领域', '指标', '地区', '类别', '分组/单位', '基线（2020）', '数值', '状态', ...pace, '主要指标', '单位'];
      expect(headerOf(parts!)).toEqual([...partsPeople, '指标代码']);
      expectPrinted(parts!, partsPeople.length);
      const byPeople = ['领域', '指标', '地区', '类别', '分组', '2020', ...years, '主要指标', '单位'];
      expect(headerOf(breakdowns!)).toEqual([...byPeople, '指标代码']);
      expectPrinted(breakdowns!, byPeople.length);
      // 婴儿死亡率 in 泰州市: the row reads 儿童与健康, the name, the place, the plan's baseline 1.94.
      const infant = progress!.getRows(2, progress!.rowCount - 1)!.find((row) => row.getCell(progressPeople.length + 1).value === 'infant-mortality' && row.getCell(progressPeople.length + 2).value === '321200')!;
      expect([1, 2, 3, 4].map((c) => infant.getCell(c).value)).toEqual(['儿童与健康', '婴儿死亡率', '泰州市', 1.94]);
      if (stage === 'final') {
        for (const s of [progress!, parts!]) expect(headerOf(s).join()).not.toMatch(/进度|预计|年均/);
        // Stage-true (issue 21 §1): no cell of the final workbook, 说明 included, speaks of pace or projection.
        const book = await sheets(join(dir, 'a.xlsx'));
        const cells = book.flatMap((s) => (s.getSheetValues() as unknown[][]).filter(Boolean).flatMap((row) => row.filter((v) => typeof v === 'string') as string[]));
        expect(cells.filter((c) => /预计|需加快进度|进度符合预期|进展有限|出现倒退|比值 R/.test(c))).toEqual([]);
        expect(cells).toContain('评估方法');
      }
    });
  }

  it('report --lang en: English headers, the ids last', async () => {
    const dir = tempDir();
    const r = plancheck(['report', 'samples/taizhou-2020-2025.csv', '--regions', 'samples/townships.csv', '--stage', 'midterm', '--lang', 'en', '-o', join(dir, 'a.xlsx')]);
    expect(r.code, r.stderr).toBe(0);
    const [progress] = await sheets(join(dir, 'a.xlsx'));
    const header = headerOf(progress!);
    expect(header.slice(0, 3)).toEqual(['Area', 'Indicator', 'Region']);
    expect(header.slice(-2)).toEqual(['Indicator id', 'Region code']);
    expect(header.join()).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
