// The Excel workbook of an evaluation, read back with exceljs: the CSV's columns as typed
// cells, text that stays text whatever it starts with, numbers shown in their unit, and the
// same bytes for the same figures on the same day.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { formatters, type FormatContext } from '../../src/format/index.js';
import { RESULT_COLUMNS, WORKBOOK_COLUMNS } from '../../src/format/result-columns.js';
import { differenceFormat, textCell, valueFormat } from '../../src/format/xlsx-book.js';
import { stampZip } from '../../src/format/zip-time.js';
import { NORTH, SOUTH, indicator, makePlan, obs, run } from '../engine/helpers.js';

const HOSTILE = ['=HYPERLINK("http://x","点我")', '+cmd|/C calc', '-1+1', '@SUM(A1)', '_x0041_ literal'];

function evaluation() {
  const plan = makePlan([
    indicator({ id: 'cover', name: '=1+1 覆盖率', target: { kind: 'at-least', value: 98 }, text: '≥98' }),
    indicator({ id: 'deaths', name: '死亡率', unit: '‰', scale: 1000, direction: 'lower', target: { kind: 'at-most', value: 3 }, text: '≤3' }),
  ]);
  const observations = [
    obs({ indicatorId: 'cover', regionCode: NORTH, value: 97.9, numerator: 979, denominator: 1000, notes: HOSTILE }),
    obs({ indicatorId: 'cover', regionCode: SOUTH, value: 99, numerator: 990, denominator: 1000 }),
    obs({ indicatorId: 'deaths', regionCode: NORTH, value: 2.5 }),
  ];
  const e = run(plan, observations, { year: 2023 });
  const ctx: FormatContext = { plan, lang: 'zh', color: false, run: { date: '2026-03-04', version: '9.9.9', data: ['data.csv'] } };
  return { e, ctx };
}

async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return book;
}

describe('the evaluation workbook', () => {
  // Issue 21 §3 moved the workbook's columns (people's first, programs' last); the CSV keeps its
  // order, which scripts read. The two hold the same columns.
  it('评估结果 holds one row per result under the CSV\'s columns, people\'s first and programs\' last; 数据问题 and 说明 follow', async () => {
    const { e, ctx } = evaluation();
    const book = await read(await (await formatters.xlsx())(e, ctx));
    expect(book.worksheets.map((w) => w.name)).toEqual(['评估结果', '数据问题', '说明']);
    const sheet = book.getWorksheet('评估结果')!;
    expect(sheet.rowCount).toBe(e.results.length + 1);
    const csvHeader = (await formatters.csv())(e, ctx).replace(/^\uFEFF/, '').split('\r\n')[0]!.split(',');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['领域', '指标', '地区', '年份', '数值', '目标', '状态', '差距', '说明', '备注', '主要指标', '单位', '汇总推算', '指标代码', 'region_code', 'status_id', 'gap_value', 'interval_low', 'interval_high', 'interval_method', 'chance']);
    expect([...header].sort()).toEqual([...csvHeader].sort());
    expect(sheet.columnCount).toBe(RESULT_COLUMNS.length);
    expect(WORKBOOK_COLUMNS.map((c) => c.key).sort()).toEqual(RESULT_COLUMNS.map((c) => c.key).sort());
    // Printed: the 13 columns for people, every row.
    expect(sheet.pageSetup.printArea).toBe(`A1:M${e.results.length + 1}`);
  });

  it('every text cell is a string, never a formula, and reads back as written (the 备注, the name)', async () => {
    const { e, ctx } = evaluation();
    const book = await read(await (await formatters.xlsx())(e, ctx));
    book.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type, `${sheet.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
          expect(cell.formula).toBeUndefined();
        }),
      ),
    );
    const sheet = book.getWorksheet('评估结果')!;
    const notes = WORKBOOK_COLUMNS.findIndex((c) => c.key === 'notes') + 1;
    const name = WORKBOOK_COLUMNS.findIndex((c) => c.key === 'indicator') + 1;
    const north = e.results.findIndex((r) => r.id === 'cover' && r.region.code === NORTH) + 2;
    expect(sheet.getCell(north, notes).type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell(north, notes).value).toBe(HOSTILE.join('；'));
    expect(sheet.getCell(north, name).value).toBe('=1+1 覆盖率');
  });

  it('a value is a number, shown in its unit; the status cell is coloured by status', async () => {
    const { e, ctx } = evaluation();
    const book = await read(await (await formatters.xlsx())(e, ctx));
    const sheet = book.getWorksheet('评估结果')!;
    const value = WORKBOOK_COLUMNS.findIndex((c) => c.key === 'value') + 1;
    const status = WORKBOOK_COLUMNS.findIndex((c) => c.key === 'status') + 1;
    const deaths = e.results.findIndex((r) => r.id === 'deaths' && r.region.code === NORTH) + 2;
    expect(sheet.getCell(deaths, value).value).toBe(2.5);
    expect(sheet.getCell(deaths, value).numFmt).toBe('0.0"‰"');
    const fills = new Map<string, string>();
    e.results.forEach((r, i) => {
      const fill = sheet.getCell(i + 2, status).fill as { fgColor?: { argb?: string } } | undefined;
      fills.set(r.status, fill?.fgColor?.argb ?? 'none');
    });
    expect(fills.get('met')).toBe('FFDAFBE1');
    expect(fills.get('not-met')).toBe('FFFFEBE9');
  });

  it('English sheet names and headers with --lang en', async () => {
    const { e, ctx } = evaluation();
    const book = await read(await (await formatters.xlsx())(e, { ...ctx, lang: 'en' }));
    expect(book.worksheets.map((w) => w.name)).toEqual(['Results', 'Data problems', 'About']);
    expect(book.getWorksheet('Results')!.getCell(1, 1).value).toBe('Area');
    expect(book.getWorksheet('Results')!.getCell(1, 14).value).toBe('Indicator id');
  });

  it('the same figures on the same day give the same bytes; the day is in the file', async () => {
    const { e, ctx } = evaluation();
    const a = await (await formatters.xlsx())(e, ctx);
    await new Promise((r) => setTimeout(r, 2100));
    const b = await (await formatters.xlsx())(e, ctx);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const book = await read(a);
    expect(book.created.toISOString()).toBe('2026-03-04T00:00:00.000Z');
    const about = book.getWorksheet('说明')!;
    const rows = (about.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(rows).toContainEqual(['生成日期', '2026-03-04']);
    expect(rows).toContainEqual(['plancheck 版本', '9.9.9']);
    expect(rows).toContainEqual(['数据文件', 'data.csv']);
  });
});

describe('cells', () => {
  it('textCell escapes the format\'s own _xHHHH_ escape, and keeps a cell within Excel\'s 32,767 characters', () => {
    expect(textCell('_x0041_')).toBe('_x005F_x0041_');
    expect(textCell('=1+1')).toBe('=1+1');
    expect(textCell('x'.repeat(40000))).toHaveLength(32767);
    expect(textCell('x'.repeat(32767))).toHaveLength(32767);
  });

  it('number formats show the decimals the tables show, with the unit', () => {
    const cases: Array<[number, string, 'zh' | 'en', string]> = [
      [98.6, '%', 'zh', '0.0"%"'],
      [97.934, '%', 'zh', '0.00"%"'],
      [98, '%', 'zh', '0"%"'],
      [0.867, '人', 'zh', '0.000"人"'],
      [12.14, '1/10万', 'zh', '0.00"/10万"'],
      [1, '是/否', 'zh', '0'],
      // In English a counter is left out and a unit of measure translated.
      [0.867, '人', 'en', '0.000'],
      [12.14, '1/10万', 'en', '0.00" per 100,000"'],
      [1.2, '小时', 'en', '0.0" h"'],
      [98.6, '%', 'en', '0.0"%"'],
      [2, 'a"b', 'zh', '0"ab"'],
    ];
    for (const [x, unit, lang, format] of cases) expect(valueFormat(x, unit, lang), `${x} ${unit} ${lang}`).toBe(format);
    expect(differenceFormat(0.4, '%', 'zh')).toBe('0.0"个百分点"');
  });
});

describe('stampZip', () => {
  it('sets every entry of a workbook to 00:00 on the day, and the workbook still reads', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('s').getCell('A1').value = 'x';
    const bytes = stampZip(new Uint8Array(await book.xlsx.writeBuffer()), { year: 2023, month: 11, day: 14 });
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let locals = 0;
    for (let at = 0; at + 4 <= bytes.length; at++) {
      if (view.getUint32(at, true) !== 0x04034b50) continue;
      locals++;
      expect(view.getUint16(at + 10, true)).toBe(0);
      expect(view.getUint16(at + 12, true)).toBe(((2023 - 1980) << 9) | (11 << 5) | 14);
    }
    expect(locals).toBeGreaterThan(3);
    expect((await read(bytes)).getWorksheet('s')!.getCell('A1').value).toBe('x');
  });

  it('refuses bytes that are not a zip archive', () => {
    expect(() => stampZip(new Uint8Array(100), { year: 2023, month: 1, day: 1 })).toThrow(/end of central directory/);
  });
});
