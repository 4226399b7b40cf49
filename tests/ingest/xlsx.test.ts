// Reading .xlsx returns: what each cell shows, and errors at Sheet!Cell.
// Fixtures: tests/fixtures/xlsx (written by make.mjs there).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { formatDiagnostic } from '../../src/i18n/index.js';
import { readReturns, readReturnsAsync } from '../../src/ingest/read-returns.js';
import { readWorkbook } from '../../src/ingest/xlsx.js';
import { bytesOf, realContext } from '../quality/real-plan.js';

const ctx = realContext();
const book = (name: string) => ({ file: name, bytes: bytesOf('tests', 'fixtures', 'xlsx', name) });
const at = (d: Diagnostic) => `${d.severity} ${d.code} ${d.sheet ?? ''}!${d.cell ?? ''}`;
const value = (os: Awaited<ReturnType<typeof readReturnsAsync>>['observations'], id: string, region: string) =>
  os.find((o) => o.indicatorId === id && o.regionCode === region);

async function workbook(build: (ws: ExcelJS.Worksheet) => void, sheet = 'Sheet1'): Promise<{ file: string; bytes: Uint8Array }> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet(sheet));
  return { file: 'book.xlsx', bytes: new Uint8Array(await wb.xlsx.writeBuffer()) };
}

describe('features.xlsx: a long return under a merged title', () => {
  it('reads a percent cell as the percent shown, a formula as its saved result, a number stored as text as the number', async () => {
    const read = await readReturnsAsync([book('features.xlsx')], ctx);
    expect(read.layouts).toEqual({ 'features.xlsx': 'long' });
    expect(read.sheets).toEqual({ 'features.xlsx': '监测表' });
    expect(value(read.observations, 'inclusive-kindergarten-coverage', '321202')?.value).toBe(98.2);
    const neonatal = value(read.observations, 'neonatal-mortality', '321203');
    expect([neonatal?.value, neonatal?.numerator, neonatal?.denominator, neonatal?.invalid]).toEqual([1.5, 3, 2000, undefined]);
    expect([value(read.observations, 'special-schools', '321204')?.value, value(read.observations, 'special-schools', '321204')?.year]).toEqual([2, 2023]);
    // Where the observations were read: the row number of the sheet and the value's cell.
    expect(value(read.observations, 'inclusive-kindergarten-coverage', '321202')?.rows).toEqual([{ file: 'features.xlsx', line: 3, sheet: '监测表', cell: 'D3' }]);
  });

  it('reports an Excel error value at its cell, notes the other sheet and the footnote, and leaves the row out', async () => {
    const read = await readReturnsAsync([book('features.xlsx')], ctx);
    expect(read.diagnostics.map(at)).toEqual([
      'info data/xlsx-sheet 监测表!',
      'error data/xlsx-error-value 监测表!D9',
      'info data/footnote-skipped 监测表!A11',
    ]);
    expect(value(read.observations, 'preschool-gross-enrolment', '321283')).toBeUndefined();
    const error = read.diagnostics.find((d) => d.code === 'data/xlsx-error-value')!;
    expect(formatDiagnostic(error, 'zh')).toBe('features.xlsx:监测表!D9: 错误: 单元格是 Excel 错误值 #DIV/0!；请修正公式或数据，没有数据时请填“—” [data/xlsx-error-value]');
    expect(formatDiagnostic(error, 'en')).toMatch(/^features\.xlsx:监测表!D9: error: the cell holds the Excel error #DIV\/0!/u);
    // Row and column numbers too, for a consumer that reads only line and column.
    expect([error.line, error.column]).toEqual([9, 4]);
  });
});

describe('wide workbooks', () => {
  it('reads a 统计监测表 with 市(区) merged over 数值 | 分子 | 分母 and 指标/单位/年份 merged down', async () => {
    const read = await readReturnsAsync([book('wide-regions.xlsx')], ctx);
    expect(read.layouts).toEqual({ 'wide-regions.xlsx': 'regions' });
    expect(read.diagnostics.map(at)).toEqual(['info data/layout-regions 统计监测表!A2']);
    const obs = read.observations.map((o) => [o.indicatorId, o.regionCode, o.year, o.value, o.numerator ?? null]);
    expect(obs).toEqual([
      ['neonatal-mortality', '321202', 2023, 1.8, 9],
      ['neonatal-mortality', '321203', 2023, 2, 4],
      ['inclusive-kindergarten-coverage', '321202', 2023, 92.5, null],
      ['inclusive-kindergarten-coverage', '321203', 2023, 90, null],
      ['special-schools', '321202', 2023, 1, null],
      // — : reported missing, kept as a missing value.
      ['special-schools', '321203', 2023, null, null],
    ]);
    expect(read.observations[1]!.rows).toEqual([{ file: 'wide-regions.xlsx', line: 4, sheet: '统计监测表', cell: 'G4' }]);
  });

  it('reads years as columns, with percent cells; an empty cell is no observation', async () => {
    const read = await readReturnsAsync([book('wide-years.xlsx')], ctx);
    expect(read.layouts).toEqual({ 'wide-years.xlsx': 'years' });
    expect(read.observations.map((o) => [o.regionCode, o.year, o.value])).toEqual([
      ['321202', 2022, 90],
      ['321202', 2023, 92.5],
      ['321203', 2022, 88],
    ]);
  });

  it('--layout long reads the same workbook as long: the year columns are unknown and there is no year', async () => {
    const read = await readReturnsAsync([book('wide-years.xlsx')], ctx, { layout: 'long' });
    expect(read.diagnostics.map(at)).toEqual([
      'warning data/unknown-column Sheet1!C1',
      'warning data/unknown-column Sheet1!D1',
      'error data/missing-column Sheet1!A1',
      'error data/missing-value-column Sheet1!A1',
    ]);
  });
});

describe('sheets', () => {
  it('reads the first sheet by default', async () => {
    const read = await readReturnsAsync([book('sheets.xlsx')], ctx);
    expect(read.sheets).toEqual({ 'sheets.xlsx': '封面' });
    expect(read.diagnostics.some((d) => d.code === 'data/missing-column' && d.sheet === '封面' && d.cell === 'A1')).toBe(true);
  });

  it.each([['数据'], ['2'], [' 数据 ']])('--sheet %j picks the data sheet', async (sheet) => {
    const read = await readReturnsAsync([book('sheets.xlsx')], ctx, { sheet });
    expect(read.sheets).toEqual({ 'sheets.xlsx': '数据' });
    expect(read.observations.map((o) => [o.indicatorId, o.value])).toEqual([['special-schools', 2]]);
  });

  it.each([['数据表'], ['3'], ['0']])('--sheet %j that does not exist lists the sheets', async (sheet) => {
    const read = await readReturnsAsync([book('sheets.xlsx')], ctx, { sheet });
    expect(read.diagnostics.map((d) => [d.code, d.params.sheets])).toEqual([['data/xlsx-no-such-sheet', '1. 封面、2. 数据']]);
    expect(read.observations).toEqual([]);
  });
});

describe('cells that cannot be read', () => {
  it('a formula without a saved result is an error at its cell', async () => {
    const read = await readReturnsAsync([book('no-cache.xlsx')], ctx);
    expect(read.diagnostics.map(at)).toEqual(['error data/xlsx-formula-no-value Sheet1!D2']);
    expect(read.diagnostics[0]!.params.formula).toBe('=E2/F2*100');
  });

  it('a file that is not a workbook inside, an old .xls, and a workbook given to the CSV-only reader', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]);
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const read = await readReturnsAsync([{ file: 'broken.xlsx', bytes: zip }, { file: 'old.xls', bytes: ole }], ctx);
    expect(read.diagnostics.map((d) => [d.file, d.code, d.line, d.column])).toEqual([
      ['broken.xlsx', 'data/xlsx-unreadable', 1, 1],
      ['old.xls', 'data/xls-workbook', 1, 1],
    ]);
    expect(readReturns([book('features.xlsx')], ctx).diagnostics.map((d) => d.code)).toEqual(['data/excel-workbook']);
  });

  it('every problem of a sheet in one run, each at its own cell', async () => {
    const file = await workbook((ws) => {
      ws.getRow(1).values = ['指标', '地区', '年份', '数值'];
      ws.getRow(2).values = ['婴儿死忘率', '海陵区', 2023, 1.5];
      ws.getRow(3).values = ['新生儿死亡率', '浦东新区', 2023, 1.2];
      ws.getRow(4).values = ['新生儿死亡率', '高港区', 2023, '9 8'];
      ws.getRow(5).values = ['新生儿死亡率', '姜堰区', '二〇二三', 1.1];
      ws.getRow(6).values = ['新生儿死亡率', '兴化市', 2023, { formula: 'NA()', result: { error: '#N/A' } }];
    });
    const read = await readReturnsAsync([file], ctx);
    expect(read.diagnostics.map((d) => `${d.code} ${d.cell}`)).toEqual([
      'data/unknown-indicator-did-you-mean A2',
      'data/unknown-region B3',
      'data/not-a-number D4',
      'data/not-a-year C5',
      'data/xlsx-error-value D6',
    ]);
  });
});

describe('what a cell shows', () => {
  const cells = async (values: Array<[unknown, string?]>) => {
    const file = await workbook((ws) => {
      ws.getRow(1).values = ['指标', '地区', '年份', '数值'];
      values.forEach(([v, fmt], i) => {
        const row = ws.getRow(i + 2);
        row.values = ['新生儿死亡率', '海陵区', 2020 + i, v as ExcelJS.CellValue];
        if (fmt) row.getCell(4).numFmt = fmt;
      });
    });
    const read = await readWorkbook(file.bytes, file.file);
    return read.grid!.rows.slice(1).map((r) => r.texts[3]);
  };

  it.each([
    [0.982, '0.0%', '98.2%'],
    [0.9, '0.00%', '90.00%'],
    [0.0015, '0.00%', '0.15%'],
    [1, '0%', '100%'],
    [1.5, '0.00', '1.50'],
    [1.757, '0.00', '1.757'],
    [0.1 + 0.2, undefined, '0.3'],
    [1234.5, '#,##0.0', '1234.5'],
    [2023, 'General', '2023'],
    [-0.5, '0.0', '-0.5'],
    ['98.2', undefined, '98.2'],
    [true, undefined, 'TRUE'],
  ] as Array<[unknown, string | undefined, string]>)('%j in %s reads %j', async (v, fmt, shown) => {
    expect(await cells([[v, fmt]])).toEqual([shown]);
  });

  it('a date formatted as a year reads as the year; another date as its ISO date', async () => {
    expect(await cells([[new Date(Date.UTC(2023, 0, 1)), 'yyyy"年"'], [new Date(Date.UTC(2023, 4, 6)), 'yyyy-mm-dd']])).toEqual(['2023', '2023-05-06']);
  });

  it('rich text reads as its text', async () => {
    expect(await cells([[{ richText: [{ text: '1.' }, { text: '8' }] }]])).toEqual(['1.8']);
  });

  it('a percent cell converts to a ‰ indicator: 0.15 % is 1.5 ‰', async () => {
    const file = await workbook((ws) => {
      ws.getRow(1).values = ['指标', '地区', '年份', '数值'];
      ws.getRow(2).values = ['新生儿死亡率', '姜堰区', 2025, 0.0015];
      ws.getCell('D2').numFmt = '0.00%';
    });
    const read = await readReturnsAsync([file], ctx);
    expect(read.observations.map((o) => [o.value, o.unitGiven])).toEqual([[1.5, '%']]);
  });

  it('only the top-left cell of a merged range holds a number; a merged label fills its range', async () => {
    const file = await workbook((ws) => {
      ws.getRow(1).values = ['指标', '地区', '年份', '数值', '性别'];
      ws.getRow(2).values = ['５岁以下儿童贫血率', '海陵区', 2025, 3.2, '男'];
      ws.getRow(3).values = [null, '海陵区', 2025, 3.0, '女'];
      ws.mergeCells('A2:A3');
      ws.getRow(4).values = ['特殊教育学校数', '高港区', 2025, 1];
      ws.getRow(5).values = ['特殊教育学校数', '姜堰区', 2025, null];
      ws.mergeCells('D4:D5');
    });
    const read = await readReturnsAsync([file], ctx);
    expect(read.observations.map((o) => [o.indicatorId, o.regionCode, o.sex, o.value])).toEqual([
      ['under5-anaemia', '321202', 'male', 3.2],
      ['under5-anaemia', '321202', 'female', 3],
      ['special-schools', '321203', 'total', 1],
    ]);
  });
});
