// The report's three formats are pure: a report model in, a string out. Hostile text from a
// return's 备注 or the plan must not become markup, a link or a broken table.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { FormatContext } from '../../src/format/index.js';
import { formatReportHtml } from '../../src/format/report-html.js';
import { formatReportJson } from '../../src/format/report-json.js';
import { formatReportMd } from '../../src/format/report-md.js';
import { formatRatio } from '../../src/format/report-words.js';
import { ticks } from '../../src/format/report-chart.js';
import { buildReport } from '../../src/report/build.js';
import { RegionIndex } from '../../src/plan/lookup.js';
import { ALL_REGIONS, CITY, NORTH, SOUTH, indicator, makePlan, obs } from '../engine/helpers.js';

const root = join(import.meta.dirname, '..', '..');
const HOSTILE = '<script>alert(1)</script> | <img src="https://example.invalid/x.png"> & "quoted"\nline two';

const plan = makePlan([
  indicator({ id: 'cover', name: '覆盖率<b>', nameEn: 'Coverage', text: '≥95 | <i>', target: { kind: 'at-least', value: 95 }, source: HOSTILE }),
  indicator({ id: 'deaths', name: '死亡率', unit: '‰', scale: 1000, direction: 'lower', text: '≤4', target: { kind: 'at-most', value: 4 } }),
]);
const observations = [
  obs({ indicatorId: 'cover', regionCode: NORTH, year: 2020, value: 85, numerator: 85, denominator: 100 }),
  obs({ indicatorId: 'cover', regionCode: NORTH, year: 2023, value: 90.4, numerator: 904, denominator: 1000, notes: [HOSTILE] }),
  obs({ indicatorId: 'cover', regionCode: SOUTH, year: 2020, value: 97, numerator: 97, denominator: 100 }),
  obs({ indicatorId: 'cover', regionCode: SOUTH, year: 2023, value: 96, numerator: 96, denominator: 100 }),
  obs({ indicatorId: 'deaths', regionCode: CITY, year: 2020, value: 5.4 }),
  obs({ indicatorId: 'deaths', regionCode: CITY, year: 2023, value: 4.5 }),
];
const report = buildReport(plan, new RegionIndex(ALL_REGIONS), observations, { stage: 'midterm' });
const zh: FormatContext = { plan, lang: 'zh', color: false };
const en: FormatContext = { plan, lang: 'en', color: false };

describe('HTML', () => {
  const html = formatReportHtml(report, zh);

  it('is one self-contained document: inline CSS, inline SVG, no script, no external reference', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toMatch(/<html lang="zh-CN">/);
    expect(html).toMatch(/<style>[\s\S]*@media print[\s\S]*<\/style>/);
    expect(html).toMatch(/@page\{size:A4/);
    expect(html).toMatch(/<svg [^>]*role="img"/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    // The hostile note's address survives only as escaped text.
    expect(html).toContain('&lt;img src=&quot;https://example.invalid/x.png&quot;&gt;');
    expect(html).not.toMatch(/<link\b/i);
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'none'/);
  });

  it('escapes every string from the plan and the returns', () => {
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('覆盖率&lt;b&gt;');
    expect(html).toContain('&quot;quoted&quot;');
    expect(html).not.toContain('<b>');
  });

  it('draws the values, a dashed target line and the dotted required path from the baseline', () => {
    // The chart draws the top region: deaths 5.4 → 4.5 against ≤ 4, and the path 5.4 (2020) → 4 (2025).
    const article = html.slice(html.indexOf('id="ind-deaths"'));
    const svg = article.slice(article.indexOf('<svg'), article.indexOf('</svg>'));
    expect(svg).toMatch(/stroke-dasharray="6 4"/);
    expect(svg).toMatch(/<polyline points="[^"]+" fill="none" stroke="#6e7781" stroke-width="1.5" stroke-dasharray="1.5 3"/);
    expect(svg).toContain('>5.4<');
    expect(svg).toContain('>4.5<');
    expect(svg).toContain('>3.9<'); // projected: 4.5 − 0.3 × 2
  });

  it('labels progress in Chinese by default and English with --lang en', () => {
    expect(html).toContain('进度符合预期');
    expect(html).toContain('需加快进度');
    const english = formatReportHtml(report, en);
    expect(english).toMatch(/<html lang="en">/);
    expect(english).toContain('on track');
    expect(english).toContain('Coverage');
    expect(english).not.toContain('进度符合预期');
  });
});

describe('Markdown', () => {
  const md = formatReportMd(report, zh);

  it('is tables, each row with as many cells as its header', () => {
    expect(md.startsWith('# ')).toBe(true);
    const cells = (line: string) => line.replace(/\\\|/g, '').split('|').length;
    const lines = md.split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (!/^\|---/.test(lines[i]!) && !/^\|(-|:)/.test(lines[i]!)) continue;
      const width = cells(lines[i - 1]!);
      for (let j = i + 1; j < lines.length && lines[j]!.startsWith('|'); j++) expect(cells(lines[j]!), lines[j]).toBe(width);
    }
  });

  it('escapes pipes and markup from the data', () => {
    expect(md).not.toContain('<script>');
    expect(md).toContain('&lt;script>');
    expect(md).toContain('≥95 \\| &lt;i>');
  });

  it('shows the progress figures: class, required, actual, ratio and projection', () => {
    // deaths 5.4 → 4.5 ≤ 4: r = −0.28, a = −0.3, R = 1.071, projected 3.9.
    expect(md).toMatch(/\| Testland City \| 5\.4‰ \| — \| — \| 4\.5‰ \| 未达标 \| 进度符合预期 \| -0\.28个千分点\/年 \| -0\.3个千分点\/年 \| 1\.071 \| 3\.9‰ \|/);
  });
});

describe('JSON', () => {
  const schema = JSON.parse(readFileSync(join(root, 'src', 'schema', 'report.schema.json'), 'utf8')) as { $id?: string; $schema?: string };
  const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);

  it('validates against the shipped schema (draft 2020-12, with $id)', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toMatch(/report\.schema\.json$/);
    const data: unknown = JSON.parse(formatReportJson(report, zh));
    expect(validate(data), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('carries every figure of the progress', () => {
    const data = JSON.parse(formatReportJson(report, zh)) as { indicators: Array<{ id: string; results: Array<{ region: { code: string }; progress: Record<string, unknown>; values: unknown[] }> }> };
    const deaths = data.indicators.find((i) => i.id === 'deaths')!.results.find((r) => r.region.code === CITY)!;
    expect(deaths.progress).toEqual({
      class: 'on-track', method: 'linear', ratio: 1.07142857143, required: -0.28, actual: -0.3, projected: 3.9,
      baseline: 5.4, baselineYear: 2020, baselineFrom: 'data', current: 4.5, year: 2023, target: 4, finalYear: 2025, reason: 'paced',
    });
    expect(deaths.values).toHaveLength(4);
  });
});

describe('small pieces', () => {
  it('rounds a ratio down, so it never reads as the band above its own', () => {
    expect([formatRatio(0.9496), formatRatio(0.95), formatRatio(1.0714285714), formatRatio(-0.4), formatRatio(null)]).toEqual(['0.949', '0.950', '1.071', '-0.400', '—']);
  });

  it('chooses round ticks', () => {
    expect(ticks(3.6, 5.6)).toEqual([4, 4.5, 5, 5.5]);
    expect(ticks(0, 100)).toEqual([0, 50, 100]);
  });
});
