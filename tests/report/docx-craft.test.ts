// The Word file as it is handed in (issue 21 §2), written by the BUILT binary from the
// sample and read back as XML on every machine: the charts as PNG pictures (drawn with the
// font plancheck ships), a TOC field, page numbers — 1 — in
// the footer, the annex in landscape sections with the indicator merged down its rows and
// header rows repeated, the notes, the sex and 城乡 tables and the plan's words, 仿宋 三号,
// the issuer and 二〇二六年十二月 on the title page, and the tool's name only in the properties.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BIN, ROOT, baseEnv } from '../cli/helpers.js';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 600_000 });

const SAMPLE = ['samples/taizhou-2020-2025.csv', '--regions', 'samples/townships.csv'];
const ISSUER = '泰州市妇女儿童工作委员会办公室';
// 2026-12-08 UTC.
const EPOCH = '1796774400';

interface Docx { files: Record<string, string>; media: Uint8Array[]; stderr: string }

async function docx(args: string[], env: Record<string, string | undefined> = {}): Promise<Docx> {
  const dir = mkdtempSync(join(tmpdir(), 'plancheck-docx-craft-'));
  const out = join(dir, 'r.docx');
  // Drawing the charts takes a while on a busy machine: its own, longer timeout.
  const r = spawnSync(process.execPath, [BIN, 'report', ...args, '-o', out], { cwd: ROOT, env: baseEnv({ SOURCE_DATE_EPOCH: EPOCH, ...env }), encoding: 'utf8', timeout: 540_000 });
  expect(r.status, r.stderr).toBe(0);
  const zip = await JSZip.loadAsync(readFileSync(out));
  const files: Record<string, string> = {};
  const media: Uint8Array[] = [];
  for (const [name, f] of Object.entries(zip.files)) {
    if (name.startsWith('word/media/')) media.push(await f.async('uint8array'));
    else if (name.endsWith('.xml') || name.endsWith('.rels')) files[name] = await f.async('string');
  }
  return { files, media, stderr: r.stderr };
}

const text = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

describe('the sample’s mid-term Word file', () => {
  let d: Docx;
  let body: string;
  beforeAll(async () => {
    d = await docx([...SAMPLE, '--stage', 'midterm', '--issuer', ISSUER]);
    body = d.files['word/document.xml']!;
  });

  // Drawn with the shipped font on every machine (src/cli/chart-png.ts), with or without fonts of its own.
  it('has the charts as PNG pictures, one a numbered figure', () => {
    expect(d.media.length).toBeGreaterThanOrEqual(40);
    for (const png of d.media) expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // One picture a numbered figure (two charts drawn alike share one image file).
    const figures = text(body).match(/图\d+ /g) ?? [];
    expect((body.match(/<pic:pic/g) ?? []).length).toBe(figures.length);
    expect(figures.length).toBeGreaterThanOrEqual(d.media.length);
    expect(text(body)).toContain('图1 新生儿死亡率 — 泰州市');
    expect(text(body)).toContain('附图 各指标泰州市走势');
  });

  it('表1’s columns wide enough that no number breaks inside (2020年, 96.71%, 1.54‰ each on one line)', () => {
    const table1 = body.slice(body.indexOf('表1 '));
    const grid = table1.slice(table1.indexOf('<w:tblGrid>'), table1.indexOf('</w:tblGrid>'));
    const cols = [...grid.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1]));
    expect(cols.length).toBe(6);
    // 序号, 指标, 2020年, the year, its target, 实现情况: “96.71%” at 10.5 pt takes about 690 twips, and a cell's margins 216.
    expect(cols[2]).toBeGreaterThanOrEqual(900);
    expect(cols.reduce((a, x) => a + x, 0)).toBeLessThanOrEqual(11906 - 1588 - 1474);
  });

  it('a table of contents field over the headings of levels 1 and 2', () => {
    expect(body).toContain('TOC \\h \\o &quot;1-2&quot;');
    expect(body).toContain('<w:docPartGallery w:val="Table of Contents"/>');
  });

  it('page numbers in the footer, written — 1 —, counted from the text', () => {
    const footers = Object.entries(d.files).filter(([n]) => /^word\/footer\d*\.xml$/.test(n)).map(([, x]) => x);
    expect(footers.length).toBeGreaterThan(0);
    for (const f of footers) {
      expect(f).toMatch(/PAGE/);
      expect(text(f)).toMatch(/^— .*—$/);
    }
    expect(body).toMatch(/<w:pgNumType w:start="1"\/>/);
  });

  it('the wide annex tables in landscape sections, the indicator merged down its rows, every header row repeated', () => {
    expect((body.match(/w:orient="landscape"/g) ?? []).length).toBeGreaterThanOrEqual(1);
    expect(body).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect(body).toContain('<w:vMerge w:val="restart"/>');
    expect(body).toContain('<w:vMerge w:val="continue"/>');
    const tables = body.match(/<w:tbl>/g) ?? [];
    expect((body.match(/<w:tblHeader\/>/g) ?? []).length).toBe(tables.length);
  });

  it('the annexes numbered as in the HTML report, with the notes, the sex and 城乡 tables and the plan’s words', () => {
    const all = text(body);
    for (const s of ['附表1 评估结果汇总', '附表2 各地区达标情况（2023年）', '附表3 分领域评估明细', '附表4 数据备注', '分性别', '分城乡', '规划原文', '2022年起按新口径统计（含溺水以外意外伤害）', '仅报送分性别数据']) expect(all, s).toContain(s);
  });

  it('仿宋 三号 (16 pt) body, 黑体 and 楷体 headings of the same size', () => {
    const styles = d.files['word/styles.xml']!;
    expect(styles).toMatch(/<w:docDefaults>.*<w:sz w:val="32"\/>.*<\/w:docDefaults>/s);
    const style = (id: string) => new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>.*?</w:style>`, 's').exec(styles)?.[0] ?? '';
    expect(style('Heading1')).toContain('w:eastAsia="黑体"');
    expect(style('Heading1')).toContain('<w:sz w:val="32"/>');
    expect(style('Heading2')).toContain('w:eastAsia="楷体"');
  });

  it('the issuer and the month in Chinese numerals on the title page; the tool’s name only in the properties', () => {
    // The title page ends where the table of contents begins.
    const cover = text(body.slice(0, body.indexOf('<w:sdt>')));
    expect(cover).toContain(ISSUER);
    expect(cover).toContain('二〇二六年十二月');
    for (const [name, xml] of Object.entries(d.files).filter(([n]) => n.startsWith('word/') && !n.includes('_rels'))) expect(xml.toLowerCase(), name).not.toContain('plancheck');
    expect(d.files['docProps/core.xml']).toContain('<dc:creator>plancheck</dc:creator>');
  });
});

describe('the Word file without a font of the machine\'s, or with PLANCHECK_FONT=none', () => {
  it('a font file PLANCHECK_FONT names that is not there, and no home folder: a warning naming it, and the charts drawn with the shipped font', async () => {
    const d = await docx([...SAMPLE, '--stage', 'final'], { PLANCHECK_FONT: '/nonexistent/font.ttc', HOME: '/nonexistent' });
    expect(d.stderr).toContain('环境变量 PLANCHECK_FONT 指定的字体文件“/nonexistent/font.ttc”无法读取，图表改用随附字体绘制');
    // Every label is in the shipped font: no machine font asked for, no chart left out.
    expect(d.stderr).not.toContain('本机字体');
    expect(d.stderr).not.toContain('略去');
    expect(d.media.length).toBeGreaterThanOrEqual(40);
    expect(text(d.files['word/document.xml']!)).not.toContain('本文件未含图表');
  });

  it('none: no charts, asked for, so no warning; the final report has no mid-term word, in the text or the annex', async () => {
    const d = await docx([...SAMPLE, '--stage', 'final'], { PLANCHECK_FONT: 'none' });
    expect(d.stderr).not.toMatch(/PLANCHECK_FONT|字体|图表/u);
    expect(d.media).toHaveLength(0);
    expect(text(d.files['word/document.xml']!)).toContain('本文件未含图表');
    const all = text(d.files['word/document.xml']!);
    for (const word of ['预计', '风险', '需加快进度', '进度符合预期']) expect(all, word).not.toContain(word);
    expect(all).toContain('实现13项');
  });
});
