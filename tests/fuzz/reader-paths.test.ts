// The reader's two row readers read every return alike (src/ingest/read-returns.ts): the
// fast one (src/ingest/fast-rows.ts), which stores ordinary rows of a long CSV straight into
// the store's columns, some of them from their bytes, and the general one, which reads every
// row cell by cell (src/ingest/row-reader.ts). Whole returns are generated with the messy
// cells of the contract (§3) — headers in Chinese and English, %, ‰, thousands separators,
// full-width digits, the missing markers, numerators and denominators with and without a
// value, agreeing and disagreeing, unknown indicators and regions, bad years, repeated and
// conflicting rows, 备注, CRLF and LF, quotes, tabs, UTF-8 (with or without BOM) and GBK — and
// each is read four ways: whole and in pieces of varied sizes, with the fast reader and with
// the general one only. All four must give the same observations (every field) and the same
// diagnostics (every field, and the message users read). npm run fuzz runs it at full size.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readReturns, type ReturnsRead } from '../../src/ingest/read-returns.js';
import { diagnosticMessage } from '../../src/i18n/index.js';
import type { Observation } from '../../src/model/observation.js';
import { realContext } from '../quality/real-plan.js';
import { Tally, params, timeoutFor } from './arbitraries.js';
import { reused } from '../ingest/chunks.js';

const ctx = realContext(true);
const WEIGHT = 4;

// ---- the columns of a long return, each under the names a return may give it ---------------

type Column = 'indicator' | 'region' | 'year' | 'value' | 'numerator' | 'denominator' | 'sex' | 'residence' | 'unit' | 'note';
const NAMES: Record<Column, string[]> = {
  indicator: ['指标', '指标名称', 'indicator', 'Indicator Name', ' 指标 '],
  region: ['地区', '行政区划', '单位名称', 'region', 'Region Code', '市（区）', '县(市、区)', '区县', 'district'],
  year: ['年份', '年度', 'year', 'YEAR'],
  value: ['数值', '指标值', 'value', '数值（%）', 'Value'],
  numerator: ['分子', 'numerator'],
  denominator: ['分母', 'denominator'],
  sex: ['性别', 'sex', 'gender'],
  residence: ['城乡', 'area', 'residence'],
  unit: ['单位', '计量单位', 'unit'],
  note: ['备注', '说明', 'note', 'remarks'],
};

// ---- cells ----------------------------------------------------------------------------------

/** Indicators of the shipped plan, with how many of their unit make one whole (a rate's scale). */
const RATES = [
  { names: ['新生儿死亡率', '新生儿死亡率（‰）', 'neonatal-mortality', '新生儿 死亡率', '新生儿死亡率 '], scale: 1000, unit: '‰' },
  { names: ['学前教育毛入园率', 'preschool-gross-enrolment'], scale: 100, unit: '%' },
  { names: ['省市优质幼儿园覆盖率（％）', '普惠性幼儿园覆盖率'], scale: 100, unit: '%' },
  { names: ['儿童伤害死亡率'], scale: 100_000, unit: '1/10万' },
  { names: ['每千人口拥有３岁以下婴幼儿托位数', '每千人口拥有3岁以下婴幼儿托位数'], scale: 1000, unit: '个' },
];
// A unit in the name other than the indicator's own converts its values (新生儿死亡率（%）).
const OTHER_INDICATORS = ['特殊教育学校数', '常住人口', '成立儿童议事会(团)', '学生每天接触户外自然光时间', '儿童议事会（团）', '新生儿死亡率（%）', '学前教育毛入园率（‰）', '学前三年毛入园率'];
const UNKNOWN_INDICATORS = ['新生儿死亡', '未知指标', 'x', '', '—', '孕产妇死亡率', '出生人口性别比'];

const REGIONS = ['泰州市', '全市', '海陵区', '海陵', '高港区', 'Taixing', '321283', '321202001', '城东街道', '黄桥镇', '靖城街道', ' 兴化市 '];
const BAD_REGIONS = ['', '海陵县', '不存在区', '999999', '泰'];
const YEARS = ['2020', '2021', '2022', '2023', '2024', '2025'];
const BAD_YEARS = ['2023年', '２０２２', '2023.0', '20x', '1899', '', ' 2021 ', '2101'];
const MISSING = ['', '—', '-', '/', 'N/A', '无', '…', '--', 'n/a'];
const MESSY_NUMBERS = ['12%', '0.2‰', '3‱', '1,234', '1,234.5', '1,23', '１.５', '９８.６％', '-1', '+2', '1e2', 'abc', ' 1.5', '1.5 ', '.5', '5.', '007', '00.5', '0', '0.0', '1e400', '12345678901234567', '1.234567890123456789', '9007199254740993', '0.86人', '4.6个', '10.8/10万', '70分钟', '1.5 小时'];
const SEXES = ['', '', '男', '女', '合计', 'male', 'F', '男孩', '其他'];
const RESIDENCES = ['', '', '城市', '农村', '城镇', 'rural', 'total', '郊区'];
const UNITS = ['', '', '‰', '%', '‱', '百分比', '千分率', '所', '斤', ' ‰ '];
const NOTES = ['', '', '', '口径调整', '含,逗号', '多\n行', '引"号"', ' ', '\u3000', '注：初步数', '\t'];

/** A plain number: digits, perhaps a point and digits, as long as 18 digits. */
const plainNumber = fc
  .tuple(fc.stringMatching(/^[0-9]{1,9}$/u), fc.option(fc.stringMatching(/^[0-9]{1,9}$/u), { nil: undefined }))
  .map(([whole, fraction]) => (fraction === undefined ? whole : `${whole}.${fraction}`));
const anyNumber = fc.oneof({ weight: 3, arbitrary: plainNumber }, { weight: 2, arbitrary: fc.constantFrom(...MESSY_NUMBERS) }, { weight: 1, arbitrary: fc.constantFrom(...MISSING) });

type Row = Partial<Record<Column, string>> & { extra?: string[] };

/** An ordinary row: a known rate, region and year, a plain value or an agreeing ratio — the fast reader's kind. */
const ordinaryRow: fc.Arbitrary<Row> = fc
  .record({
    rate: fc.constantFrom(...RATES),
    name: fc.nat(4),
    region: fc.constantFrom(...REGIONS),
    year: fc.constantFrom(...YEARS),
    numerator: fc.integer({ min: 0, max: 2000 }),
    // Now and then a denominator that makes the ratio end in a 5 just past the decimals written: a value half a last digit off.
    denominator: fc.oneof(fc.integer({ min: 1, max: 5000 }), fc.constantFrom(8, 16, 40, 80, 200, 400, 2000)),
    decimals: fc.integer({ min: 0, max: 4 }),
    how: fc.constantFrom('value', 'ratio', 'both', 'both', 'floor', 'hair', 'off'),
  })
  .map(({ rate, name, region, year, numerator, denominator, decimals, how }): Row => {
    const row: Row = { indicator: rate.names[name % rate.names.length]!, region, year };
    if (how === 'hair') {
      // A value a hair more (or less) than half a last digit off its ratio: m / 10^d against (m + 0.505 or 0.495) / 10^d.
      const den = 2 * rate.scale * 10 ** (decimals + 2);
      return { ...row, value: (numerator / 10 ** decimals).toFixed(decimals), numerator: String(200 * numerator + (denominator % 2 ? 101 : 99)), denominator: String(den) };
    }
    const computed = (numerator / denominator) * rate.scale;
    const written = how === 'off' ? computed * 1.1 + 1 : how === 'floor' ? Math.floor(computed * 10 ** decimals) / 10 ** decimals : computed;
    if (how !== 'ratio') row.value = written.toFixed(decimals);
    if (how !== 'value') Object.assign(row, { numerator: String(numerator), denominator: String(denominator) });
    return row;
  });

/** A messy cell of a column: anything a return may hold there. */
const messyCell: fc.Arbitrary<[Column, string]> = fc.oneof(
  fc.tuple(fc.constant('indicator' as Column), fc.oneof(fc.constantFrom(...RATES.flatMap((r) => r.names)), fc.constantFrom(...OTHER_INDICATORS), fc.constantFrom(...UNKNOWN_INDICATORS))),
  fc.tuple(fc.constant('region' as Column), fc.constantFrom(...REGIONS, ...BAD_REGIONS)),
  fc.tuple(fc.constant('year' as Column), fc.constantFrom(...BAD_YEARS)),
  fc.tuple(fc.constant('value' as Column), fc.oneof(anyNumber, fc.constantFrom('是', '否', '有', 'x'))),
  // Thousands separators, in whole groups of three or not.
  fc.tuple(fc.constantFrom('value' as Column, 'numerator' as Column, 'denominator' as Column), fc.constantFrom('1,234', '1,234.5', '12,345,678', '1,23', '12,3456', '１，２３４')),
  // A value in another unit than the indicator's, converted (0.2% for a ‰ rate is 2‰).
  fc.tuple(fc.constant('value' as Column), fc.tuple(plainNumber, fc.constantFrom('%', '‰', '‱', ' %', '％')).map(([v, u]) => v + u)),
  fc.tuple(fc.constantFrom('numerator' as Column, 'denominator' as Column), anyNumber),
  // A unit typed after the number: the indicator's own (4.6个 for 托位数) is read, any other refused.
  fc.tuple(fc.constant('value' as Column), fc.constantFrom('4.6个', '10.8/10万', '0.86人', '70分钟', '3.2个/千人')),
  fc.tuple(fc.constant('sex' as Column), fc.constantFrom(...SEXES)),
  fc.tuple(fc.constant('residence' as Column), fc.constantFrom(...RESIDENCES)),
  fc.tuple(fc.constant('unit' as Column), fc.constantFrom(...UNITS)),
  fc.tuple(fc.constant('note' as Column), fc.constantFrom(...NOTES)),
);

/** An ordinary row with one to three cells made messy, and perhaps cells beyond the header. */
const messyRow: fc.Arbitrary<Row> = fc
  .tuple(ordinaryRow, fc.array(messyCell, { minLength: 1, maxLength: 3 }), fc.array(fc.constantFrom('', 'x', '234', ' '), { maxLength: 2 }))
  .map(([row, cells, extra]): Row => ({ ...row, ...Object.fromEntries(cells), ...(extra.length ? { extra } : {}) }));

/** A row again: the same (a repeat), written otherwise (1.5 and 1.50), or with another value (a conflict). */
function again(row: Row, how: 'same' | 'written' | 'other'): Row {
  if (how === 'same') return row;
  const value = row.value ?? '';
  if (how === 'written') return { ...row, value: /^\d+\.\d+$/u.test(value) ? `${value}0` : /^\d+$/u.test(value) ? `${value}.0` : ` ${value}` };
  return { ...row, value: /^\d+(\.\d+)?$/u.test(value) ? String(Number(value) + 1) : '7' };
}

/** A row's line: a cell quoted when it must be (or all of them); `raw` leaves a delimiter in a cell unquoted (1,234 as two cells). */
const lineOf = (texts: string[], delimiter: string, quoteAll: boolean, raw = false): string =>
  texts.map((t) => (quoteAll || (!raw && t.includes(delimiter)) || /["\r\n]/u.test(t) ? `"${t.replace(/"/gu, '""')}"` : t)).join(delimiter);

/** True with probability p (in tenths). */
const often = (p: number): fc.Arbitrary<boolean> => fc.integer({ min: 0, max: 9 }).map((n) => n < p * 10);

interface Return {
  text: string;
  /** Written in GBK instead of UTF-8, where every character has GBK bytes. */
  gbk: boolean;
  /** Where it is read in pieces: chunks of `chunk` bytes, pieces of about `piece`. */
  chunk: number;
  piece: number;
}

const aReturn: fc.Arbitrary<Return> = fc
  .record({
    // Each column of the header, as often as returns have it: a lone 分子 or 分母 now and then.
    columns: fc
      .record({
        region: often(0.8), value: often(0.8), ratio: fc.constantFrom('both', 'both', 'none', 'none', 'none', 'numerator', 'denominator'),
        sex: often(0.3), residence: often(0.3), unit: often(0.3), note: often(0.5),
      })
      .map((c) => (['region', 'value', 'numerator', 'denominator', 'sex', 'residence', 'unit', 'note'] as Column[]).filter((id) =>
        id === 'numerator' || id === 'denominator' ? c.ratio === 'both' || c.ratio === id : c[id as 'region'])),
    order: fc.array(fc.nat(), { minLength: 10, maxLength: 10 }),
    names: fc.array(fc.nat(), { minLength: 10, maxLength: 10 }),
    rows: fc.array(fc.oneof({ weight: 1, arbitrary: ordinaryRow }, { weight: 1, arbitrary: messyRow }), { minLength: 1, maxLength: 40 }),
    repeats: fc.array(fc.tuple(fc.nat(), fc.constantFrom('same', 'written', 'other') as fc.Arbitrary<'same' | 'written' | 'other'>), { maxLength: 6 }),
    filler: fc.nat(30),
    delimiter: fc.constantFrom(',', ',', '\t'),
    crlf: fc.constantFrom('\n', '\r\n', 'mixed'),
    bom: fc.boolean(),
    gbk: often(0.2),
    quoted: fc.array(fc.nat(), { maxLength: 3 }),
    blank: fc.array(fc.nat(), { maxLength: 3 }),
    footnote: fc.boolean(),
    raw: often(0.3),
    chunk: fc.integer({ min: 1, max: 300 }),
    piece: fc.integer({ min: 16, max: 400 }),
  })
  .map((g): Return => {
    // The header: indicator and year always, the rest as drawn, in an order drawn too.
    const columns = (['indicator', 'year', ...g.columns] as Column[])
      .map((c, i) => ({ c, k: g.order[i] ?? i }))
      .sort((a, b) => a.k - b.k)
      .map((x) => x.c);
    const header = columns.map((c, i) => NAMES[c][(g.names[i] ?? 0) % NAMES[c].length]!);
    // Ordinary rows before the rows drawn, so that they span the pieces too.
    const filler = Array.from({ length: g.filler }, (_, i): Row => ({ indicator: '新生儿死亡率', region: REGIONS[i % REGIONS.length]!, year: String(1990 + i), value: `${i % 7}.${i % 10}` }));
    const rows = [...filler, ...g.rows];
    for (const [i, how] of g.repeats) rows.push(again(rows[i % rows.length]!, how));
    const lines = [lineOf(header, g.delimiter, false)];
    rows.forEach((row, r) => {
      const texts = columns.map((c) => row[c] ?? '');
      lines.push(lineOf([...texts, ...(row.extra ?? [])], g.delimiter, g.quoted.includes(r), g.raw));
    });
    for (const b of g.blank) lines.splice(1 + (b % lines.length), 0, b % 2 ? '' : g.delimiter.repeat(3));
    if (g.footnote) lines.push('注：本表数据为初步统计数');
    const text = lines.map((l, i) => l + (g.crlf === 'mixed' ? (i % 2 ? '\r\n' : '\n') : g.crlf)).join('');
    return { text: (g.bom && !g.gbk ? '\uFEFF' : '') + text, gbk: g.gbk, chunk: g.chunk, piece: g.piece };
  });

// ---- GBK, as a Chinese Windows Excel writes a CSV -------------------------------------------

/** Each character of GBK and its two bytes, found by decoding every two-byte sequence once. */
let GBK: Map<string, [number, number]> | undefined;
function gbkTable(): Map<string, [number, number]> {
  if (GBK) return GBK;
  GBK = new Map();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const c = decoder.decode(new Uint8Array([lead, trail]));
      if (c.length === 1 && c !== '\uFFFD' && !GBK.has(c)) GBK.set(c, [lead, trail]);
    }
  }
  return GBK;
}

/** The text in GBK, or undefined when a character of it has no GBK bytes. */
function gbk(text: string): Uint8Array | undefined {
  const table = gbkTable();
  const out: number[] = [];
  for (const c of text) {
    const code = c.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = table.get(c);
      if (!bytes) return undefined;
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

// ---- reading, four ways ---------------------------------------------------------------------

/** Every field of an observation, read through its getters (a cell kept in columns is not a plain object). */
const fields = (o: Observation) => ({
  indicatorId: o.indicatorId, regionCode: o.regionCode, year: o.year, sex: o.sex, residence: o.residence,
  value: o.value, numerator: o.numerator, denominator: o.denominator, notes: [...o.notes], derived: o.derived,
  rows: o.rows.map((r) => ({ ...r })), invalid: o.invalid, unitGiven: o.unitGiven, at: JSON.parse(JSON.stringify(o.at ?? {})) as unknown,
});

const seen = (r: ReturnsRead) => ({
  observations: r.observations.map(fields),
  diagnostics: r.diagnostics.map((d) => ({ ...d, message: diagnosticMessage(d, 'zh') })),
  cells: r.cells.size,
  encodings: r.encodings,
  layouts: r.layouts,
});

const bytesOf = (ret: Return): Uint8Array => (ret.gbk ? gbk(ret.text) : undefined) ?? new TextEncoder().encode(ret.text);

function readFour(ret: Return) {
  const bytes = bytesOf(ret);
  const file = 'r.csv';
  const whole = (fastRows: boolean) => seen(readReturns([{ file, bytes }], ctx, { fastRows }));
  const pieces = (fastRows: boolean) => seen(readReturns([{ file, chunks: reused(bytes, ret.chunk) }], ctx, { pieceBytes: ret.piece, fastRows }));
  return { wholeFast: whole(true), wholeGeneral: whole(false), piecesFast: pieces(true), piecesGeneral: pieces(false) };
}

describe('the fast and the general row reader read every return alike', () => {
  const tally = new Tally('reader: fast = general, whole = pieces');
  afterAll(() => tally.report());

  it(
    'generated returns, whole and in pieces, fast reader on and off (property)',
    () => {
      fc.assert(
        fc.property(aReturn, (ret) => {
          tally.exit('n/a');
          const read = readFour(ret);
          expect(read.wholeGeneral).toEqual(read.wholeFast);
          expect(read.piecesFast).toEqual(read.wholeFast);
          expect(read.piecesGeneral).toEqual(read.wholeFast);
        }),
        params(WEIGHT),
      );
    },
    timeoutFor(WEIGHT, 40),
  );

  it('the generator reaches what it is meant to: cells in columns and as objects, 备注, units converted, repeats, conflicts, bad cells', () => {
    const codes = new Set<string>();
    const kinds = { columns: 0, objects: 0, notes: 0, converted: 0, mismatch: 0, conflict: 0, parts: 0 };
    const encodings = new Set<string>();
    fc.assert(
      fc.property(aReturn, (ret) => {
        const read = readReturns([{ file: 'r.csv', bytes: bytesOf(ret) }], ctx);
        encodings.add(read.encodings['r.csv'] ?? '');
        for (const d of read.diagnostics) codes.add(d.code);
        for (const o of read.cells.all()) {
          if (Object.getPrototypeOf(o) === Object.prototype) kinds.objects++;
          else kinds.columns++;
          if (o.notes.length > 0) kinds.notes++;
          if (o.unitGiven) kinds.converted++;
          if (o.invalid === 'ratio-mismatch') kinds.mismatch++;
          if (o.invalid === 'conflict') kinds.conflict++;
          if (o.sex !== 'total' || o.residence !== 'total') kinds.parts++;
        }
      }),
      { seed: 1, numRuns: 500 },
    );
    expect([...encodings].sort()).toEqual(['gb18030', 'utf-8', 'utf-8-bom']);
    for (const [kind, n] of Object.entries(kinds)) expect(n, kind).toBeGreaterThan(kind === 'columns' ? 1000 : 10);
    expect([...codes].sort()).toEqual(
      expect.arrayContaining([
        'data/bad-sex', 'data/bad-thousands', 'data/conflict', 'data/duplicate-row', 'data/extra-cells', 'data/footnote-skipped',
        'data/not-a-number', 'data/not-a-year', 'data/number-out-of-range', 'data/ratio-incomplete', 'data/ratio-mismatch',
        'data/split-number', 'data/indicators-not-in-plan', 'data/unit-in-cell', 'data/unit-in-cell-read', 'data/no-region-column', 'data/unknown-region', 'data/unknown-unit', 'data/year-out-of-range',
      ]),
    );
  });
});
