import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { readReturns } from '../../src/ingest/read-returns.js';
import { indexes } from '../../src/plan/lookup.js';
import { csv, ctx, fixture, plan } from './test-plan.js';

const where = (d: Diagnostic) => [d.severity, d.code, d.line, d.column];
const values = (name: string) => readReturns([fixture(name)], ctx).observations.map((o) => [o.indicatorId, o.regionCode, o.value]);

describe('readReturns: encodings and layouts', () => {
  it.each(['utf8.csv', 'utf8-bom.csv', 'gb18030.csv', 'utf16le.txt'])('reads %s to the same observations', (name) => {
    const read = readReturns([fixture(name)], ctx);
    expect(read.diagnostics).toEqual([]);
    expect(read.observations.map((o) => [o.indicatorId, o.regionCode, o.year, o.value, o.rows])).toEqual([
      ['neonatal-mortality', '321202', 2023, 1.8, [{ file: name, line: 2 }]],
      ['kindergarten-coverage', '321200', 2023, 92.5, [{ file: name, line: 3 }]],
    ]);
  });

  it('records the encoding found for each file', () => {
    const read = readReturns([fixture('utf8.csv'), fixture('gb18030.csv'), fixture('utf16le.txt')], ctx);
    expect(read.encodings).toEqual({ 'utf8.csv': 'utf-8', 'gb18030.csv': 'gb18030', 'utf16le.txt': 'utf-16le' });
  });

  it('reads a tab-delimited file with a short region name and carries the 备注', () => {
    const [o] = readReturns([fixture('tab.tsv')], ctx).observations;
    expect(o).toEqual({
      indicatorId: 'neonatal-mortality', regionCode: '321202', year: 2023, sex: 'total', residence: 'total',
      value: 1.8, notes: ['含流动人口, 按户籍统计'], derived: false, rows: [{ file: 'tab.tsv', line: 2 }],
      // Where its cells are, for the data-quality findings (added with the quality checks).
      at: { value: { file: 'tab.tsv', line: 2, column: 4 } },
    });
  });

  it('reads CRLF, English headers, ids and region codes', () => {
    expect(values('crlf.csv')).toEqual([
      ['neonatal-mortality', '321202', 1.8],
      ['special-schools', '321203', 2],
    ]);
  });

  it('takes the top region when there is no region column, or the cell is empty', () => {
    const read = readReturns([csv('指标,地区,年份,数值\n新生儿死亡率,,2023,2\n')], ctx);
    expect(read.observations.map((o) => o.regionCode)).toEqual(['321200']);
  });
});

describe('readReturns: messy cells', () => {
  it('reads full-width digits, 2023年, — , thousands separators, % for ‰ and ‰ for %', () => {
    const read = readReturns([fixture('messy-cells.csv')], ctx);
    expect(read.diagnostics).toEqual([]);
    expect(read.observations.map((o) => [o.indicatorId, o.regionCode, o.year, o.value])).toEqual([
      ['neonatal-mortality', '321202', 2023, 1.8],
      ['neonatal-mortality', '321203', 2023, 3.2],
      ['kindergarten-coverage', '321202', 2023, null],
      ['special-schools', '321200', 2023, 1234],
      ['kindergarten-coverage', '321203', 2023, 0.905],
      ['children-council', '321202', 2023, true],
    ]);
  });

  it('reads sex and residence, an empty cell being the total', () => {
    const read = readReturns([csv('指标,年份,数值,性别,城乡\n新生儿死亡率,2023,2,男,农村\n新生儿死亡率,2023,2.5,,\n')], ctx);
    expect(read.observations.map((o) => [o.sex, o.residence])).toEqual([['male', 'rural'], ['total', 'total']]);
  });

  it('reads 无 as "no" for a yes/no indicator, and a dash as missing', () => {
    const read = readReturns([csv('指标,地区,年份,数值\n儿童议事会,海陵,2023,无\n儿童议事会,高港,2023,—\n')], ctx);
    expect(read.observations.map((o) => o.value)).toEqual([false, null]);
  });

  it('converts with the 单位 column and rejects a unit that cannot be converted', () => {
    const read = readReturns(
      [csv('指标,地区,年份,数值,单位\n新生儿死亡率,海陵,2023,0.2,%\n新生儿死亡率,高港,2023,2,‰\n特殊教育学校数,海陵,2023,2,个\n特殊教育学校数,高港,2023,2,%\n新生儿死亡率,全市,2023,2‰,%\n')],
      ctx,
    );
    expect(read.observations.map((o) => [o.regionCode, o.value])).toEqual([['321202', 2], ['321203', 2]]);
    expect(read.diagnostics.map(where)).toEqual([
      ['error', 'data/unknown-unit', 4, 5],
      ['error', 'data/unit-mismatch', 5, 4],
      ['error', 'data/unit-conflict', 6, 4],
    ]);
  });
});

describe('readReturns: errors', () => {
  it('reports every error of a file in one run, each with its line and column', () => {
    const read = readReturns([fixture('several-errors.csv')], ctx);
    expect(read.diagnostics.map(where)).toEqual([
      ['error', 'data/not-a-number', 2, 4],
      ['error', 'data/unknown-region', 3, 2],
      ['error', 'data/not-a-year', 3, 3],
      ['error', 'data/unit-mismatch', 4, 4],
      ['error', 'data/bad-sex', 5, 5],
      ['error', 'data/bad-thousands', 6, 4],
    ]);
    expect(read.diagnostics.every((d) => d.file === 'several-errors.csv')).toBe(true);
    expect(read.diagnostics[0]?.params).toMatchObject({ value: '9 8', label: '数值' });
    // Only the good row becomes an observation.
    expect(read.observations.map((o) => o.rows[0]?.line)).toEqual([7]);
  });

  it('suggests the indicator meant, and lists once the indicators the plan does not have', () => {
    const read = readReturns([fixture('unknown-indicator.csv')], ctx);
    // 出生缺陷发生率 is a 监测表 indicator the plan does not have: listed, a warning, not an error (issue 22 §1.5).
    expect(read.diagnostics.map((d) => [d.severity, d.code, d.line, d.column, d.params])).toEqual([
      ['info', 'data/no-region-column', 1, 1, { region: '泰州市' }],
      ['error', 'data/unknown-indicator-did-you-mean', 2, 1, { name: '新生儿死忙率', suggestion: '新生儿死亡率' }],
      ['warning', 'data/indicators-not-in-plan', 3, 1, { rows: 1, count: 1, names: '出生缺陷发生率', namesEn: '出生缺陷发生率' }],
    ]);
  });

  it('reports a conflicting duplicate on the second row, naming the first, and marks the cell invalid', () => {
    const read = readReturns([fixture('conflict.csv')], ctx);
    expect(read.diagnostics.map((d) => [d.severity, d.code, d.line, d.column, d.params.first])).toEqual([
      ['error', 'data/conflict', 4, 4, 'conflict.csv:2'],
      ['warning', 'data/duplicate-row', 5, 4, 'conflict.csv:3'],
    ]);
    const [mortality, schools] = read.observations;
    expect(mortality).toMatchObject({ invalid: 'conflict', notes: ['快报', '年报'], rows: [{ line: 2 }, { line: 4 }] });
    expect(schools?.invalid).toBeUndefined();
    expect(read.observations).toHaveLength(2);
  });

  it('quotes values computed from ratios in a conflict', () => {
    const read = readReturns([csv('指标,地区,年份,数值,分子,分母\n新生儿死亡率,海陵,2023,,3,2000\n新生儿死亡率,海陵,2023,,4,2000\n')], ctx);
    expect(read.diagnostics.map((d) => [d.code, d.params.firstValue, d.params.value])).toEqual([['data/conflict', '1.5', '2']]);
  });

  it('a third row for a cell quotes the first as written, whichever row reader stored it', () => {
    const body = csv('指标,地区,年份,数值\n新生儿死亡率,海陵,2023,1.5\n新生儿死亡率,海陵,2023,1.50\n新生儿死亡率,海陵,2023,1.6\n');
    for (const fastRows of [true, false]) {
      const read = readReturns([body], ctx, { fastRows });
      expect(read.diagnostics.map((d) => [d.code, d.line, d.params.firstValue, d.params.value])).toEqual([
        ['data/duplicate-row', 3, '1.5', '1.50'],
        ['data/conflict', 4, '1.5', '1.6'],
      ]);
    }
  });

  it('a repeated row quotes the first value as written (007, 16 digits, a numerator 3.0), whichever reader stored it', () => {
    const withValue = '指标,地区,年份,数值\n新生儿死亡率,海陵,2021,007\n新生儿死亡率,海陵,2021,8\n新生儿死亡率,海陵,2022,9007199254740993\n新生儿死亡率,海陵,2022,1.3\n';
    const byRatio = '指标,地区,年份,分子,分母\n新生儿死亡率,海陵,2023,3.0,2000\n新生儿死亡率,海陵,2023,4,2000\n';
    for (const [text, quoted] of [[withValue, [['007', '8'], ['9007199254740993', '1.3']]], [byRatio, [['3.0', '4']]]] as const) {
      const bytes = new TextEncoder().encode(text);
      // Whole, in pieces of 48 bytes (the rows after the first piece read from their bytes), and by the general reader alone.
      for (const read of [readReturns([{ file: 'r.csv', bytes }], ctx), readReturns([{ file: 'r.csv', chunks: [bytes] }], ctx, { pieceBytes: 48 }), readReturns([{ file: 'r.csv', bytes }], ctx, { fastRows: false })]) {
        expect(read.diagnostics.map((d) => [d.params.firstValue, d.params.value])).toEqual(quoted);
      }
    }
  });

  it('a row of 1,001 cells (and one of 1,000) in the first piece of a return read in pieces: refused as when read whole (it was read, exit 0, once the file passed the size read whole)', () => {
    const rows = Array.from({ length: 200 }, (_, i) => `新生儿死亡率,海陵,${2020 + (i % 6)},1.5,第${i}行\n`).join('');
    for (const cells of [1001, 1000]) {
      const bytes = new TextEncoder().encode(`指标,地区,年份,数值,备注\n新生儿死亡率,海陵,2025,1.5${',x'.repeat(cells - 4)}\n${rows}`);
      const whole = readReturns([{ file: 'r.csv', bytes }], ctx);
      // Pieces of 4 KiB: the long row lies in the first, with the header.
      const pieces = readReturns([{ file: 'r.csv', chunks: [bytes.subarray(0, 1000), bytes.subarray(1000)] }], ctx, { pieceBytes: 4096 });
      const limits = (read: typeof whole) => read.diagnostics.filter((d) => d.code === 'data/too-many-cells').map(where);
      expect(limits(pieces)).toEqual(limits(whole));
      expect(limits(whole)).toEqual(cells > 1000 ? [['error', 'data/too-many-cells', 2, 1001]] : []);
      expect(pieces.observations.length).toBe(whole.observations.length);
    }
  });

  it('lists the candidates of an ambiguous region and suggests a misspelt one', () => {
    const township = { code: '321202100', name: '海陵镇', aliases: [], level: 'township', parent: '321202' };
    const withTownship = { plan, ...indexes(plan, [township]) };
    const read = readReturns([csv('指标,地区,年份,数值\n新生儿死亡率,海陵,2023,1\n新生儿死亡率,海陵县,2023,1\n新生儿死亡率,海陵镇,2023,1\n')], withTownship);
    expect(read.diagnostics.map((d) => [d.code, d.line, d.column, d.params])).toEqual([
      // The list in each language's form (listParam): 、 for Chinese, commas for English.
      ['data/ambiguous-region', 2, 2, { name: '海陵', candidates: '海陵区（321202）、海陵镇（321202100）', candidatesEn: '海陵区（321202）, 海陵镇（321202100）' }],
      ['data/unknown-region-did-you-mean', 3, 2, { name: '海陵县', suggestion: '海陵区' }],
    ]);
    expect(read.observations.map((o) => o.regionCode)).toEqual(['321202100']);
  });

  it('finds conflicts across files', () => {
    const a = csv('指标,地区,年份,数值\n新生儿死亡率,海陵,2023,1.8\n', 'a.csv');
    const b = csv('指标,地区,年份,数值\n新生儿死亡率,321202,2023年,1.9\n', 'b.csv');
    const read = readReturns([a, b], ctx);
    expect(read.diagnostics.map((d) => [d.file, d.line, d.code, d.params.first])).toEqual([['b.csv', 2, 'data/conflict', 'a.csv:2']]);
  });

  it('does not take rows of a file whose header lacks a required column', () => {
    const read = readReturns([csv('指标,地区,数值\n新生儿死亡率,海陵,1.8\n')], ctx);
    expect(read.observations).toEqual([]);
    expect(read.diagnostics.map(where)).toEqual([['error', 'data/missing-column', 1, 1]]);
  });

  // Issue 16: an unquoted thousands separator that splits the value is an error at the value
  // (it was a warning, and the value read as 1); other content beyond the header still warns.
  it('refuses a value split by an unquoted thousands separator, and warns about other content beyond the header', () => {
    const read = readReturns([csv('指标,地区,年份,数值\n特殊教育学校数,海陵,2023,1,234\n特殊教育学校数,高港,2023,1,见附表\n')], ctx);
    expect(read.diagnostics.map((d) => [d.severity, d.code, d.line, d.column, d.params.value])).toEqual([
      ['error', 'data/split-number', 2, 4, '1,234'],
      ['warning', 'data/extra-cells', 2, 5, '234'],
      ['warning', 'data/extra-cells', 3, 5, '见附表'],
    ]);
    expect(read.observations.map((o) => o.regionCode)).toEqual(['321203']);
  });

  it('never throws on bytes that are not a return', () => {
    const read = readReturns([{ file: 'x.bin', bytes: new Uint8Array([0, 1, 2, 3]) }, fixture('utf8.csv')], ctx);
    expect(read.diagnostics.map((d) => d.code)).toEqual(['data/binary-file']);
    expect(read.observations).toHaveLength(2);
  });
});

describe('readReturns: numerator and denominator', () => {
  it('computes a missing value, keeps an agreeing one and flags a disagreeing one', () => {
    const read = readReturns([fixture('ratio-mismatch.csv')], ctx);
    expect(read.observations.map((o) => [o.indicatorId, o.regionCode, o.value, o.numerator, o.denominator, o.invalid])).toEqual([
      ['kindergarten-coverage', '321202', 98, 4900, 5000, undefined],
      ['kindergarten-coverage', '321203', 95, 4900, 5000, 'ratio-mismatch'],
      ['neonatal-mortality', '321202', 1.5, 3, 2000, undefined],
      ['neonatal-mortality', '321203', 1.53, 3, 2000, 'ratio-mismatch'],
    ]);
    expect(read.diagnostics.map((d) => [d.code, d.line, d.column, d.params.computed])).toEqual([
      ['data/ratio-mismatch', 3, 4, 98],
      ['data/ratio-mismatch', 5, 4, 1.5],
    ]);
  });

  it('accepts a value that is the ratio rounded to the decimals given', () => {
    // 1/3 × 100 = 33.33…: "33.3" and "33" agree; "33.4" does not.
    const read = readReturns([csv('指标,地区,年份,数值,分子,分母\n普惠性幼儿园覆盖率,海陵,2023,33.3,1,3\n普惠性幼儿园覆盖率,高港,2023,33,1,3\n普惠性幼儿园覆盖率,全市,2023,33.4,1,3\n')], ctx);
    expect(read.observations.map((o) => o.invalid)).toEqual([undefined, undefined, 'ratio-mismatch']);
  });

  // A % numerator above its denominator is no longer an ingest warning: whether a rate may
  // pass 100 % depends on the indicator (a gross enrolment ratio may), so it is a rule of
  // plan/checks.yaml, checked by src/quality (tests/quality).
  it('leaves a % numerator above its denominator to the plan\'s consistency rules, and rejects a ratio on a count or a zero denominator', () => {
    const read = readReturns(
      [csv('指标,地区,年份,数值,分子,分母\n普惠性幼儿园覆盖率,海陵,2023,,120,100\n特殊教育学校数,海陵,2023,,1,2\n新生儿死亡率,海陵,2023,,1,0\n新生儿死亡率,高港,2023,,1,\n')],
      ctx,
    );
    expect(read.diagnostics.map(where)).toEqual([
      ['error', 'data/ratio-not-rate', 3, 5],
      ['error', 'data/bad-denominator', 4, 6],
      ['error', 'data/ratio-incomplete', 5, 6],
    ]);
    expect(read.observations.map((o) => o.value)).toEqual([120]);
  });

  it('keeps a reported-missing value with no ratio as null, without a diagnostic', () => {
    const read = readReturns([csv('指标,地区,年份,数值,分子,分母\n新生儿死亡率,海陵,2023,/,,\n')], ctx);
    expect(read.diagnostics).toEqual([]);
    expect(read.observations.map((o) => [o.value, o.numerator])).toEqual([[null, undefined]]);
  });
});
