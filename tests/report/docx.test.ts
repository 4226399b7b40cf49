// The Word report: its XML read back (styles, fonts, A4, heading styles, repeated table
// headers, the narrative) on any machine; and, where LibreOffice is installed, the file
// the built binary writes converted to PDF and text, which must hold the headings and sentences.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatReportDocx } from '../../src/format/report-docx.js';
import { buildReport } from '../../src/report/build.js';
import { RegionIndex } from '../../src/plan/lookup.js';
import { ALL_REGIONS, CITY, NORTH, SOUTH, indicator, makePlan, obs } from '../engine/helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');

const plan = makePlan([
  indicator({ id: 'cover', name: '覆盖率', text: '≥95', target: { kind: 'at-least', value: 95 } }),
  indicator({ id: 'deaths', name: '死亡率', unit: '‰', scale: 1000, direction: 'lower', text: '≤4', target: { kind: 'at-most', value: 4 } }),
]);
const observations = [
  obs({ indicatorId: 'cover', regionCode: NORTH, year: 2020, value: 85, numerator: 85, denominator: 100 }),
  obs({ indicatorId: 'cover', regionCode: NORTH, year: 2023, value: 90.4, numerator: 904, denominator: 1000 }),
  obs({ indicatorId: 'cover', regionCode: SOUTH, year: 2020, value: 97, numerator: 97, denominator: 100 }),
  obs({ indicatorId: 'cover', regionCode: SOUTH, year: 2023, value: 96, numerator: 96, denominator: 100 }),
  obs({ indicatorId: 'deaths', regionCode: CITY, year: 2020, value: 5.4 }),
  obs({ indicatorId: 'deaths', regionCode: CITY, year: 2023, value: 4.5 }),
];
const report = buildReport(plan, new RegionIndex(ALL_REGIONS), observations, { stage: 'midterm' });

async function parts(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string) => {
    const f = zip.file(name);
    if (!f) throw new Error(`no ${name} in the .docx`);
    return f.async('string');
  };
  return { document: await read('word/document.xml'), styles: await read('word/styles.xml'), core: await read('docProps/core.xml') };
}

/** The text of every paragraph styled `style`. */
function styled(xml: string, style: string): string[] {
  return [...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="([^"]+)"\/>(?:(?!<\/w:p>).)*<\/w:p>/gs)]
    .filter((m) => m[1] === style)
    .map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
}

describe('the .docx, read back', () => {
  let xml: Awaited<ReturnType<typeof parts>>;
  beforeAll(async () => {
    xml = await parts(await formatReportDocx(report, { plan, lang: 'zh', color: false }, { date: '2024-03-01' }));
  });

  it('the narrative under Heading 1 and Heading 2, in order', () => {
    expect(styled(xml.document, 'Heading1')).toEqual(['一、总体情况', '二、各领域目标实现情况', '三、存在的问题', '四、下一步工作建议', '五、评估工作与数据来源', '附图 各指标Testland City走势', '附表']);
    expect(styled(xml.document, 'Heading2')[0]).toBe('（一）Health');
    expect(xml.document).toContain('2023年，Testland City死亡率为4.5‰，比2020年下降0.9个千分点，距规划目标（4‰以下）尚差0.5个千分点');
  });

  it('a title page with the plan, the stage, the year and the date written as a 公文 writes it', () => {
    expect(styled(xml.document, 'Title')).toEqual(['Testland Children Plan', '中期评估报告']);
    for (const s of ['评估年份：2023年', '基线年 2020 年（规划所述基线） · 目标年 2025 年', '二〇二四年三月']) expect(xml.document).toContain(s);
    // The year is said once on the title page (before its page break), not twice.
    const cover = xml.document.slice(0, xml.document.indexOf('<w:br w:type="page"/>'));
    expect(cover.match(/评估年份/g)).toHaveLength(1);
    expect(xml.core).toContain('<dc:title>Testland Children Plan</dc:title>');
  });

  it('A4 pages; tables with a header row repeated on every page', () => {
    expect(xml.document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const tables = xml.document.match(/<w:tbl>/g) ?? [];
    expect(tables.length).toBeGreaterThanOrEqual(3);
    expect((xml.document.match(/<w:tblHeader\/>/g) ?? []).length).toBe(tables.length);
  });

  it('Chinese fonts in the styles, as eastAsia fonts: 仿宋 body, 黑体 headings', () => {
    const style = (id: string) => new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>.*?</w:style>`, 's').exec(xml.styles)?.[0] ?? '';
    expect(xml.styles).toMatch(/<w:docDefaults>.*w:eastAsia="仿宋".*<\/w:docDefaults>/s);
    expect(style('Heading1')).toContain('w:eastAsia="黑体"');
    expect(style('Heading2')).toContain('w:eastAsia="楷体"');
    expect(style('TableText')).toContain('w:eastAsia="宋体"');
  });

  it('English with --lang en', async () => {
    const en = await parts(await formatReportDocx(report, { plan, lang: 'en', color: false }, { date: '2024-03-01' }));
    expect(styled(en.document, 'Heading1')).toEqual(['1. Overview', '2. Targets by area', '3. Problems', '4. Next steps', '5. How the evaluation was done, and the data', 'Figures: each indicator over the years, Testland City', 'Annex tables']);
  });
});

const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
if (!soffice) console.warn('tests/report/docx.test.ts: LibreOffice (soffice) is not installed: the .docx is not converted to PDF and text (apt-get install libreoffice-writer)');

describe.skipIf(!soffice)('the sample\'s .docx in LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plancheck-docx-'));
  // A profile of its own: LibreOffice refuses to start beside another instance's profile.
  const profile = `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`;
  const convert = (to: string) => spawnSync(soffice!, [profile, '--headless', '--convert-to', to, '--outdir', dir, join(dir, 'report.docx')], { encoding: 'utf8', timeout: 180_000 });

  beforeAll(() => {
    const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'plancheck'), 'report', 'samples/taizhou-2020-2025.csv', '--regions', 'samples/townships.csv', '--stage', 'midterm', '-o', join(dir, 'report.docx')], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1709251200' } });
    if (run.status !== 0) throw new Error(`plancheck report exited ${run.status}: ${run.stderr}`);
  }, 60_000);

  it('converts to PDF', () => {
    const r = convert('pdf');
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'report.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  }, 200_000);

  it('converts to text holding the headings and the sentences', () => {
    const r = convert('txt:Text');
    expect(r.status, r.stderr).toBe(0);
    const text = readFileSync(join(dir, 'report.txt'), 'utf8');
    for (const h of ['中期评估报告', '二〇二四年三月', '一、总体情况', '二、各领域目标实现情况', '（一）儿童与健康', '三、存在的问题', '四、下一步工作建议', '附表']) expect(text).toContain(h);
    expect(text).toContain('2023年，泰州市新生儿、婴儿和5岁以下儿童死亡率分别为1.35‰、1.82‰和3.32‰，比2020年分别下降0.20、0.12和0.04个千分点（婴儿和5岁以下儿童死亡率的基线为规划所述2020年数），均低于规划目标（分别为3‰以下、4‰以下和5‰以下），均已提前实现规划目标');
  }, 200_000);
});
