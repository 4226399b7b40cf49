// --format github (src/format/github.ts): GitHub Actions workflow commands. Data
// diagnostics become annotations on the return's line; targets not met (and invalid
// verdicts) become errors naming indicator, region, target, value and gap; one notice sums
// up. The runner's escapes are applied to messages (% CR LF) and properties (also : ,).
import { describe, expect, it } from 'vitest';
import { diag } from '../../src/diagnostics.js';
import { formatGithub, ghData, ghProperty } from '../../src/format/github.js';
import { t } from '../../src/i18n/index.js';
import type { FormatContext } from '../../src/format/index.js';
import { NORTH, SOUTH, indicator, makePlan, obs, run } from '../engine/helpers.js';

function setup(lang: 'zh' | 'en' = 'zh') {
  const plan = makePlan([
    indicator({ id: 'cover', name: '覆盖率', nameEn: 'Coverage', target: { kind: 'at-least', value: 98 }, text: '≥98', origin: { file: 'plan/health.yaml', line: 12 } }),
    indicator({ id: 'deaths', name: '死亡率', unit: '‰', scale: 1000, direction: 'lower', target: { kind: 'at-most', value: 3 }, text: '≤3', origin: { file: 'plan/health.yaml', line: 30 } }),
  ]);
  const diagnostics = [
    diag('error', 'data/unknown-region', { name: '浦东, 新区: 100%' }, { file: 'returns/2023.csv', line: 7, column: 2 }),
    diag('warning', 'data/duplicate-row', { first: 'a.csv:2', firstValue: '1', value: '1' }, { file: 'a.csv', line: 3, column: 4 }),
    diag('info', 'data/xlsx-sheet', { sheet: 'S', count: 2, others: 'T' }, { file: 'book.xlsx', line: 5, column: 3, sheet: '表1', cell: 'C5' }),
    diag('error', 'cli/no-data-files', {}),
  ];
  const e = run(
    plan,
    [
      obs({ indicatorId: 'cover', regionCode: NORTH, value: 97.9, numerator: 979, denominator: 1000, notes: ['100% 核实\n第二行'] }),
      obs({ indicatorId: 'cover', regionCode: SOUTH, value: 99, numerator: 990, denominator: 1000 }),
      obs({ indicatorId: 'deaths', regionCode: NORTH, value: 2.5 }),
      obs({ indicatorId: 'deaths', regionCode: SOUTH, value: 4, invalid: 'conflict' }),
    ],
    { year: 2023 },
  );
  e.diagnostics.push(...diagnostics);
  const ctx: FormatContext = { plan, lang, color: false };
  return { e, ctx, lines: formatGithub(e, ctx).trimEnd().split('\n') };
}

describe('escaping, as the Actions runner reads it', () => {
  it('messages: % CR LF; properties: also : and ,', () => {
    expect(ghData('100% a\r\nb: c, d')).toBe('100%25 a%0D%0Ab: c, d');
    expect(ghProperty('100% a\r\nb: c, d')).toBe('100%25 a%0D%0Ab%3A c%2C d');
    // % first, so an escape already in the text is not read back as a character.
    expect(ghData('%0A')).toBe('%250A');
  });
});

describe('formatGithub', () => {
  it('every line is one workflow command, and nothing else', () => {
    for (const l of setup().lines) expect(l).toMatch(/^::(error|warning|notice)( [^:]+)?::[^\r\n]*$/);
  });

  it('a data error: ::error on the return’s file, line and column, the message in words', () => {
    const l = setup().lines.find((x) => x.includes('returns/2023.csv'))!;
    expect(l).toBe(`::error file=returns/2023.csv,line=7,col=2,title=plancheck data/unknown-region::${ghData(t('zh', 'data/unknown-region', { name: '浦东, 新区: 100%' }))}`);
    expect(l).toContain('浦东, 新区: 100%25');
  });

  it('warnings and notices keep their level; a workbook cell is named in the message, its row as the line', () => {
    const { lines } = setup();
    expect(lines.find((x) => x.includes('file=a.csv'))).toMatch(/^::warning file=a\.csv,line=3,col=4,title=plancheck data\/duplicate-row::/);
    expect(lines.find((x) => x.includes('file=book.xlsx'))).toMatch(/^::notice file=book\.xlsx,line=5,title=plancheck data\/xlsx-sheet::表1!C5: /);
  });

  it('a diagnostic without a file has no file property', () => {
    expect(setup().lines.find((x) => x.includes('cli/no-data-files'))).toMatch(/^::error title=plancheck cli\/no-data-files::/);
  });

  it('a target not met: ::error on the indicator’s rule, naming indicator, region, target, value, gap and the 备注, escaped', () => {
    const { lines } = setup();
    const l = lines.find((x) => x.startsWith('::error file=plan/health.yaml,line=12,'))!;
    expect(l).toBeDefined();
    expect(l).toContain('title=未达标%3A 覆盖率 — North District 2023::');
    const message = l.slice(l.indexOf('::', 2) + 2);
    expect(message).toContain('覆盖率 — North District 2023');
    expect(message).toContain('目标 ≥98');
    expect(message).toContain('数值 97.9%25');
    expect(message).toContain('差距 距目标还差 0.1个百分点');
    expect(message).toContain('备注 100%25 核实%0A第二行');
  });

  it('invalid data behind a verdict is an error too; met and no-data are not annotated', () => {
    const { lines, e } = setup();
    expect(lines.some((x) => x.startsWith('::error file=plan/health.yaml,line=30,title=数据错误%3A 死亡率 — South District 2023'))).toBe(true);
    const annotated = lines.filter((x) => x.startsWith('::error file=plan/'));
    expect(annotated).toHaveLength(e.results.filter((r) => r.status === 'not-met' || r.status === 'invalid').length);
    expect(lines.some((x) => x.includes('South District') && x.includes('覆盖率'))).toBe(false);
  });

  it('ends with one notice that sums up, titled with the plan', () => {
    const { lines, e } = setup();
    expect(lines.at(-1)).toMatch(/^::notice title=Testland Children Plan::共 \d+ 项/);
    expect(lines.at(-1)).toContain(`未达标 ${e.summary['not-met']}`);
  });

  it('--lang en: English names, labels and messages', () => {
    const { lines } = setup('en');
    const l = lines.find((x) => x.startsWith('::error file=plan/health.yaml,line=12,'))!;
    expect(l).toContain('title=not met%3A Coverage — North District 2023::');
    expect(l).toMatch(/Target ≥98%25; Value 97\.9%25; Gap 0\.1 pp short of the target/);
  });
});
