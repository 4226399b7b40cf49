// The workbooks print as colleagues print them (issue 21 §3): every table sheet of
// `evaluate -o table.xlsx` and `report -o annex.xlsx` on A4 landscape, its columns fitted to
// the page's width, its header row repeated on every printed page. Through the BUILT binary.
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
