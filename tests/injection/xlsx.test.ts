// The hostile text of tests/injection/exports.test.ts (a 备注 per region, an indicator's
// name, nameEn and aliases in a copy of plan/) traced into the Excel workbooks of the built
// binary: every cell that holds it is a string, no cell of any sheet is a formula, and the
// text reads back exactly as the JSON output gives it.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { STACK_LINE, parseEvaluation, plancheck, tempDir } from '../cli/helpers.js';
import { ALIASES, NAME, NAME_2, NAME_EN, NOTES, csvCell, writeHostilePlan } from './hostile-plan.js';

vi.setConfig({ testTimeout: 60_000 });

let dir = '';
beforeAll(() => {
  dir = tempDir('plancheck-injection-xlsx-');
  writeHostilePlan(dir);
  // 2020 rows too, so that the report has a baseline and its annex a row per region.
  const rows = Object.entries(NOTES).flatMap(([region, note], i) => [
    [ALIASES[i % ALIASES.length]!, region, '2023', '4', note],
    ['婴儿死亡率', region, '2023', '5', note],
    ['婴儿死亡率', region, '2020', '5.5', ''],
  ]);
  writeFileSync(join(dir, 'data.csv'), `\uFEFF指标,地区,年份,数值,备注\n${rows.map((r) => r.map(csvCell).join(',')).join('\n')}\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cellsOf(path: string): Promise<ExcelJS.Cell[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const cells: ExcelJS.Cell[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void cells.push(cell))));
  return cells;
}

/** No cell a formula; every cell that starts like one is a plain string. */
function expectInert(cells: readonly ExcelJS.Cell[]): void {
  expect(cells.length).toBeGreaterThan(20);
  for (const cell of cells) {
    expect(cell.type, `${cell.worksheet.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
    expect(cell.formula, `${cell.worksheet.name}!${cell.address}`).toBeUndefined();
    if (typeof cell.value === 'string' && /^[=+\-@\t\r]/.test(cell.value)) expect(cell.type).toBe(ExcelJS.ValueType.String);
    else if (cell.value !== null && typeof cell.value === 'object' && !(cell.value instanceof Date)) throw new Error(`${cell.worksheet.name}!${cell.address} holds an object: ${JSON.stringify(cell.value)}`);
  }
}

describe('xlsx: no cell that Excel would run', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`evaluate --lang ${lang}: no formula anywhere; the notes and names are there verbatim, as strings`, async () => {
      const r = plancheck(['evaluate', 'data.csv', '--plan', 'plan', '--lang', lang, '-o', `table-${lang}.xlsx`, '-o', `results-${lang}.json`], { cwd: dir });
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(r.code, r.stderr).toBe(1);
      const cells = await cellsOf(join(dir, `table-${lang}.xlsx`));
      expectInert(cells);
      const strings = cells.filter((c) => c.type === ExcelJS.ValueType.String).map((c) => c.value as string);
      const json = parseEvaluation(readFileSync(join(dir, `results-${lang}.json`), 'utf8'));
      // The notes column joins a result's notes as the CSV does; each is there whole.
      for (const res of json.results) if (res.notes.length) expect(strings).toContain(res.notes.join('；'));
      for (const note of Object.values(NOTES)) expect(strings.some((s) => s.includes(note.trim())), note).toBe(true);
      expect(strings).toContain(NAME);
      expect(strings).toContain(NAME_2);
    });

    it(`report --lang ${lang}: the annex holds the names and notes as strings, no formula anywhere`, async () => {
      const r = plancheck(['report', 'data.csv', '--plan', 'plan', '--stage', 'midterm', '--lang', lang, '-o', `annex-${lang}.xlsx`], { cwd: dir });
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(r.code, r.stderr).toBe(0);
      const cells = await cellsOf(join(dir, `annex-${lang}.xlsx`));
      expectInert(cells);
      const strings = cells.filter((c) => c.type === ExcelJS.ValueType.String).map((c) => c.value as string);
      expect(strings).toContain(lang === 'zh' ? NAME : NAME_EN);
      for (const note of Object.values(NOTES)) expect(strings.some((s) => s.includes(note.trim())), note).toBe(true);
    });
  }
});
