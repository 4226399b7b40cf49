// Formatters are pure: an evaluation in, a string out. Hostile text from a return's
// 备注 or a plan's names must not become a formula, markup or a broken table.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { formatters, type FormatContext } from '../../src/format/index.js';
import { csvText } from '../../src/format/csv.js';
import { mdCell } from '../../src/format/markdown.js';
import { displayWidth, fitLines, wrap, wrapLines } from '../../src/text/width.js';
import { formatGap } from '../../src/format/words.js';
import { CITY, NORTH, SOUTH, indicator, makePlan, obs, run } from '../engine/helpers.js';

const root = join(import.meta.dirname, '..', '..');
const HOSTILE = '=HYPERLINK("http://x","点我") | <script>alert(1)</script>\nline two';

function evaluation() {
  const plan = makePlan([
    indicator({ id: 'cover', name: '覆盖率', target: { kind: 'at-least', value: 98 }, text: '≥98' }),
    indicator({ id: 'deaths', name: '死亡率', unit: '‰', scale: 1000, direction: 'lower', target: { kind: 'at-most', value: 3 }, text: '≤3' }),
  ]);
  const observations = [
    obs({ indicatorId: 'cover', regionCode: NORTH, value: 97.9, numerator: 979, denominator: 1000, notes: [HOSTILE] }),
    obs({ indicatorId: 'cover', regionCode: SOUTH, value: 99, numerator: 990, denominator: 1000 }),
    obs({ indicatorId: 'deaths', regionCode: NORTH, value: 2.5 }),
  ];
  const e = run(plan, observations, { year: 2023 });
  const ctx: FormatContext = { plan, lang: 'zh', color: false };
  return { e, ctx, plan };
}

describe('csv', () => {
  it('opens in Excel: BOM, CRLF, one line per result plus the header', async () => {
    const { e, ctx } = evaluation();
    const out = (await formatters.csv())(e, ctx);
    expect(out.startsWith('\uFEFF')).toBe(true);
    expect(out.split('\r\n').filter(Boolean)).toHaveLength(e.results.length + 1);
  });

  it('neutralises cells that would start a formula, and only those', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(csvText(s).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvText('达标')).toBe('达标');
    expect(csvText('a,b')).toBe('"a,b"');
    expect(csvText('say "hi"')).toBe('"say ""hi"""');
  });

  it('carries a hostile 备注 as inert text', async () => {
    const { e, ctx } = evaluation();
    const out = (await formatters.csv())(e, ctx);
    expect(out).toContain(`"'=HYPERLINK(""http://x"",""点我"")`);
    expect(out).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});

describe('markdown', () => {
  it('escapes pipes and line breaks so a 备注 cannot break the table', () => {
    expect(mdCell('a|b\nc')).toBe('a\\|b<br>c');
    expect(mdCell('<script>')).toBe('&lt;script>');
  });

  it('has one table row per result', async () => {
    const { e, ctx } = evaluation();
    const out = (await formatters.md())(e, ctx);
    expect(out.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| 地区'))).toHaveLength(e.results.length);
  });
});

describe('junit', () => {
  it('one test case per result, a failure for each not-met, markup escaped', async () => {
    const { e, ctx } = evaluation();
    const out = (await formatters.junit())(e, ctx);
    expect(out.match(/<testcase /g)).toHaveLength(e.results.length);
    expect(out.match(/<failure /g)).toHaveLength(e.summary['not-met']);
    expect(out).not.toContain('<script>');
  });
});

describe('json', () => {
  it('validates against the shipped results schema', async () => {
    const { e, ctx } = evaluation();
    const data = JSON.parse((await formatters.json())(e, ctx));
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    const validate = ajv.compile(JSON.parse(readFileSync(join(root, 'src/schema/results.schema.json'), 'utf8')));
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    const north = data.results.find((r: { id: string; region: { code: string } }) => r.id === 'cover' && r.region.code === NORTH);
    expect(north).toMatchObject({ status: 'not-met', value: 97.9, gap: 0.1, notes: [HOSTILE] });
    const city = data.results.find((r: { id: string; region: { code: string } }) => r.id === 'cover' && r.region.code === CITY);
    expect(city).toMatchObject({ derived: true, value: 98.45, status: 'met' });
  });
});

describe('table', () => {
  it('plain without colour: no escape codes, every line of a section equally wide', async () => {
    const { e, ctx } = evaluation();
    const out = (await formatters.table())(e, ctx);
    expect(out).not.toMatch(/\u001b\[/);
    const boxLines = out.split('\n').filter((l) => /^[│┌├└]/.test(l));
    const widths = new Set(boxLines.map(displayWidth));
    expect(boxLines.length).toBeGreaterThan(0);
    // One section per region: its lines share one width (Chinese text aligned).
    expect(widths.size).toBeLessThanOrEqual(3);
  });

  it('colours statuses only when asked', async () => {
    const { e, ctx } = evaluation();
    const out = (await formatters.table())(e, { ...ctx, color: true });
    expect(out).toMatch(/\u001b\[31m未达标/);
  });
});

describe('words', () => {
  it('says how far from the line, in percentage points for a % indicator', () => {
    expect(formatGap({ gap: 0.1, unit: '%' }, 'zh')).toBe('差 0.1个百分点');
    expect(formatGap({ gap: -0.5, unit: '‰' }, 'zh')).toBe('超出 0.5个千分点');
    expect(formatGap({ gap: 0, unit: '%' }, 'zh')).toBe('恰在达标线');
    expect(formatGap({ gap: 0.1, unit: '%' }, 'en')).toBe('0.1 pp short');
    expect(formatGap({ gap: null, unit: '%' }, 'zh')).toBe('');
  });

  it('measures and wraps Chinese by display width', () => {
    expect(displayWidth('婴儿死亡率')).toBe(10);
    expect(displayWidth('ab')).toBe(2);
    expect(displayWidth('\u001b[31m达标\u001b[39m')).toBe(4);
    expect(wrap('一二三四五六', 4)).toBe('一二\n三四\n五六');
    // at a hyphen, never inside a word (this was 'county-lev|el unit')
    expect(wrap('every county-level unit', 10)).toBe('every\ncounty-\nlevel unit');
    expect(wrapLines('★5 Paediatricians per 1,000', 14)).toEqual(['★5', 'Paediatricians', 'per 1,000']);
    // a number stays whole beside Chinese (this was '城市社区10|0'); a closing mark never starts a line
    expect(wrapLines('城市社区100农村社区90', 9)).toEqual(['城市社区', '100农村社', '区90']);
    expect(wrapLines('达标（城市社区），农村', 10)).toEqual(['达标（城市', '社区），农', '村']);
    // a word wider than the line is cut: there is no other way
    expect(wrapLines('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    // each line of fitLines within the width, continuations indented
    const fitted = fitLines('file.csv:1:2: 错误: 一二三四五六七八九十一二三四五六七八九十 [code]', 20).split('\n');
    expect(fitted.every((l) => displayWidth(l) <= 20)).toBe(true);
    expect(fitted.slice(1).every((l) => l.startsWith('  '))).toBe(true);
  });
});
