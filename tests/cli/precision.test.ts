// Numbers as written (issue 20 §9), through the built binary: one precision per indicator,
// the plan's (`decimals`), in every output a reader sees, trailing zeros kept; the machine
// exports (JSON, CSV, xlsx cells) to 12 significant digits, never 4.1000000000000005.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ROOT, fixture, parseEvaluation, plancheck, resultFor, tempDir } from './helpers.js';

const FILE = fixture('precision.csv');

describe('machine exports: 12 significant digits', () => {
  it('JSON: 41 deaths in 10,000 births is 4.1, not 4.1000000000000005; its interval to 12 digits', () => {
    const r = plancheck(['evaluate', FILE, '--format', 'json', '--indicator', 'infant-mortality']);
    expect(r.stdout).not.toMatch(/\d\.\d{13,}/);
    const e = parseEvaluation(r.stdout);
    expect(resultFor(e, 'infant-mortality', '321200')).toMatchObject({ value: 4.1, gap: 0.1, interval_low: 2.94223078685 });
  });

  it('CSV: the value column reads 4.1; the 差距 column in the indicator’s decimals', () => {
    const lines = plancheck(['evaluate', FILE, '--format', 'csv', '--indicator', 'infant-mortality']).stdout.split('\r\n');
    const row = lines.find((l) => l.includes(',321200,'))!;
    expect(row).toMatch(/,4\.1,‰,未达标,高于上限 0\.10个千分点,/);
    expect(row).not.toMatch(/0000000/);
  });

  it('report JSON: no float noise', () => {
    const dir = tempDir();
    plancheck(['report', join(ROOT, FILE), '--stage', 'final', '-o', 'r.json'], { cwd: dir });
    expect(readFileSync(join(dir, 'r.json'), 'utf8')).not.toMatch(/\d\.\d*0000000\d|\d\.\d*9999999\d/);
  });
});

describe('reader outputs: the plan’s decimals for each indicator, trailing zeros kept', () => {
  it('table: 4.10‰ (not 4.1‰), 98.10% (not 98.1%), 0.78人 beside 0.76人 (not 0.781人), 0.0472%', () => {
    const flat = plancheck(['evaluate', FILE]).stdout.replace(/[│\s]+/g, ' ');
    expect(flat).toMatch(/婴儿死亡率 ≤4‰ 4\.10‰ 未达标 高于上限 0\.10个千分点/);
    expect(flat).toMatch(/ 98\.10% 达标/);
    expect(flat).toMatch(/ 0\.78人 /);
    expect(flat).toMatch(/ 0\.76人 /);
    expect(flat).not.toMatch(/0\.781人/);
    expect(flat).toMatch(/ 0\.0472% /);
    // The interval in the same decimals.
    expect(flat).toMatch(/95%置信区间 2\.94‰–5\.56‰/);
  });

  it('final report (Markdown, HTML): 4.10‰ and its change in two decimals; 犯罪比重 0.0472%, down 0.0128 points from 0.0600%', () => {
    const dir = tempDir();
    expect(plancheck(['report', join(ROOT, FILE), '--stage', 'final', '-o', 'r.md', '-o', 'r.html'], { cwd: dir }).code).toBe(0);
    for (const f of ['r.md', 'r.html']) {
      const text = readFileSync(join(dir, f), 'utf8');
      // The change in the same two decimals, whichever baseline and word the report uses.
      expect(text, f).toMatch(/婴儿死亡率为4\.10‰，比2020年\S{2}2\.\d\d个千分点/);
      expect(text, f).toMatch(/优良率为98\.10%/);
      expect(text, f).toMatch(/比重为0\.0472%，比2020年下降0\.0128个百分点/);
      expect(text, f).not.toMatch(/0\.781人|0\.05%/);
    }
  });

  it('xlsx: the value cell holds 4.1 with the format 0.00"‰"', async () => {
    const dir = tempDir();
    plancheck(['evaluate', join(ROOT, FILE), '--indicator', 'infant-mortality', '-o', 'r.xlsx'], { cwd: dir });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'r.xlsx'));
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const valueCol = header.indexOf('数值');
    let found = false;
    sheet.eachRow((row) => {
      const cell = row.getCell(valueCol);
      if (cell.value === 4.1) {
        found = true;
        expect(cell.numFmt).toBe('0.00"‰"');
      }
    });
    expect(found).toBe(true);
  });
});
