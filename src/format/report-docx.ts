// The evaluation report as a Word document (.docx), the 评估报告 an office hands in, as a
// 公文-style report is set (GB/T 9704): a title page with the issuing body and the date
// (二〇二六年十二月), a table of contents field, the narrative in 仿宋 三号 (16 pt) under 黑体
// and 楷体 headings, page numbers in the footer (— 1 —), the charts as images, and the annex
// tables (附表, numbered as in the HTML report) in landscape sections, header rows repeated
// and each indicator's cell merged down its rows. The tool's name is in the document's
// properties only, never in its text. Pure: a report in, the file's bytes out; the charts'
// pixels come from the `rasterize` function the caller passes (the CLI's, src/cli/chart-png.ts).
import {
  AlignmentType, Document, Footer, HeadingLevel, ImageRun, Packer, PageBreak, PageNumber, PageOrientation, Paragraph,
  Table, TableCell, TableOfContents, TableRow, TextRun, VerticalMergeType, WidthType, type IRunOptions, type ISectionOptions,
} from 'docx';
import { t, type Lang } from '../i18n/index.js';
import type { Report } from '../report/model.js';
import type { Block } from './report-doc.js';
import { annexBlocks } from './report-doc-annex.js';
import { chartNote, chartSvg, CHART_SIZE } from './report-chart.js';
import { chineseNumber, narrativeBlocks } from './report-narrative.js';
import type { FormatContext } from './records.js';
import { areaName, indicatorName, reportFrame, reportMeta } from './report-words.js';

/** Font names as Word and WPS list them (the eastAsia slot decides Chinese text). */
// GB/T 9704 (党政机关公文格式): 仿宋 body, 黑体 first-level and 楷体 second-level headings;
// 宋体 for the title and the tables, which every Chinese Word and WPS installation has.
export const FONTS = { body: '仿宋', heading: '黑体', heading2: '楷体', title: '宋体', table: '宋体', latin: 'Times New Roman' } as const;

/** Sizes in half-points: 三号 16 pt body and headings, 二号 22 pt title, 五号 10.5 pt tables. */
export const SIZES = { body: 32, heading: 32, title: 44, table: 21, note: 24 } as const;

/** A4 in twentieths of a point; margins as in GB/T 9704 (about 37 mm top, 28 mm sides). */
const A4 = { width: 11906, height: 16838, margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } };
const PORTRAIT = { page: { size: { width: A4.width, height: A4.height }, margin: A4.margin } };
// docx swaps width and height itself for a landscape page.
const LANDSCAPE = { page: { size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE }, margin: { top: 1588, bottom: 1474, left: 2098, right: 1984 } } };

export interface DocxOptions {
  /** The date of the title page (YYYY-MM-DD); the CLI passes today's or SOURCE_DATE_EPOCH's. It is written as the month: 二〇二六年十二月. */
  date: string;
  /** The issuing body (--issuer); absent: no line for it. */
  issuer?: string;
  /** The SVG charts as PNG bytes, drawn at width × height pixels (one undefined where a chart cannot be drawn); absent: the document has no charts and says so. */
  rasterize?: (svgs: readonly string[], width: number, height: number) => Array<Uint8Array | undefined>;
}

export async function formatReportDocx(report: Report, ctx: FormatContext, options: DocxOptions): Promise<Uint8Array> {
  const doc = reportDocument(report, ctx, options);
  return new Uint8Array(await Packer.toBuffer(doc));
}

export function reportDocument(report: Report, ctx: FormatContext, options: DocxOptions): Document {
  const { lang } = ctx;
  const font = (name: string) => ({ ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia: name, cs: FONTS.latin });
  const footer = { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 28 })] })] }) };
  const sections: ISectionOptions[] = [
    { properties: PORTRAIT, children: titlePage(report, lang, options) },
    { properties: PORTRAIT, children: tocPage(lang) },
    { properties: { ...PORTRAIT, page: { ...PORTRAIT.page, pageNumbers: { start: 1 } } }, footers: footer, children: narrativeBlocks(report, ctx).flatMap((b) => docxBlock(b)) },
  ];
  const figures = figureBlocks(report, ctx, options);
  if (figures.length) sections.push({ properties: PORTRAIT, footers: footer, children: figures });
  // The annex: its wide tables in landscape sections, the rest portrait; a new section at each change.
  let run: { wide: boolean; children: Array<Paragraph | Table> } | undefined;
  const flush = () => { if (run?.children.length) sections.push({ properties: run.wide ? LANDSCAPE : PORTRAIT, footers: footer, children: run.children }); };
  const annex = annexBlocks(report, ctx);
  annex.forEach((b, i) => {
    // A heading goes with what follows it.
    const next = b.kind === 'heading' ? annex.slice(i).find((x) => x.kind !== 'heading') : b;
    const wide = next?.kind === 'table' && next.wide === true;
    if (!run || run.wide !== wide) { flush(); run = { wide, children: [] }; }
    run.children.push(...docxBlock(b));
  });
  flush();
  return new Document({
    // The tool is named here, in the file's properties, and nowhere in its text.
    creator: 'plancheck',
    title: planTitle(report, lang),
    description: reportMeta(report, lang),
    features: { updateFields: true },
    styles: {
      default: {
        document: { run: { font: font(FONTS.body), size: SIZES.body }, paragraph: { spacing: { line: 560, lineRule: 'exact' } } },
        heading1: { run: { font: font(FONTS.heading), size: SIZES.heading, bold: false, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
        heading2: { run: { font: font(FONTS.heading2), size: SIZES.heading, bold: false, color: '000000' }, paragraph: { spacing: { before: 120, after: 60 }, keepNext: true } },
        heading3: { run: { font: font(FONTS.heading), size: 28, color: '000000' }, paragraph: { keepNext: true } },
        title: { run: { font: font(FONTS.title), size: SIZES.title, bold: true, color: '000000' }, paragraph: { alignment: AlignmentType.CENTER } },
      },
      paragraphStyles: [
        { id: 'TableText', name: 'Table Text', basedOn: 'Normal', run: { font: font(FONTS.table), size: SIZES.table }, paragraph: { spacing: { line: 260, lineRule: 'auto', before: 0, after: 0 } } },
        { id: 'Note', name: 'Note', basedOn: 'Normal', run: { font: font(FONTS.body), size: SIZES.note, color: '555555' }, paragraph: { spacing: { line: 360, lineRule: 'auto' } } },
        { id: 'Caption', name: 'caption', basedOn: 'Normal', run: { font: font(FONTS.heading2), size: 24 }, paragraph: { alignment: AlignmentType.CENTER, spacing: { line: 360, lineRule: 'auto', after: 120 } } },
      ],
    },
    sections,
  });
}

function planTitle(report: Report, lang: Lang): string {
  return lang === 'en' ? (report.plan.titleEn ?? report.plan.title) : report.plan.title;
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 2026-12-07 → 二〇二六年十二月 (a 公文 dates its title page by the month, in Chinese numerals) / December 2026. */
export function titleDate(date: string, lang: Lang): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  if (lang === 'en') return t(lang, 'docx/date-month', { year: y, month: MONTHS_EN[m - 1] ?? m });
  const year = String(y).replace(/\d/g, (d) => '〇一二三四五六七八九'[Number(d)]!);
  return t(lang, 'docx/date-month', { year, month: chineseNumber(m) });
}

function titlePage(report: Report, lang: Lang, options: DocxOptions): Paragraph[] {
  const center = (text: string, run: IRunOptions = {}, before = 0) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before }, children: [new TextRun({ text, ...run })] });
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, spacing: { before: 3600 }, children: [new TextRun(planTitle(report, lang))] }),
    new Paragraph({ heading: HeadingLevel.TITLE, spacing: { before: 240 }, children: [new TextRun(t(lang, 'docx/title-stage', { stage: t(lang, `report/stage-${report.stage}`) }))] }),
    center(t(lang, 'docx/title-year', { year: report.year }), {}, 2400),
    // The year has its own line above: the line under it says the rest of the report's frame.
    center(reportFrame(report, lang), { size: 24 }),
    ...(options.issuer ? [center(options.issuer, {}, 2400)] : []),
    center(titleDate(options.date, lang), {}, options.issuer ? 120 : 2400),
  ];
}

function tocPage(lang: Lang): Array<Paragraph | TableOfContents> {
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: t(lang, 'docx/toc'), size: SIZES.heading })] }),
    new TableOfContents(t(lang, 'docx/toc'), { hyperlink: true, headingStyleRange: '1-2' }),
    new Paragraph({ style: 'Note', children: [new TextRun(t(lang, 'docx/toc-hint'))] }),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

/** The charts of the HTML report as images: each indicator of the chart region, by area. */
function figureBlocks(report: Report, ctx: FormatContext, options: DocxOptions): Paragraph[] {
  const { lang } = ctx;
  const region = report.regions.find((r) => r.code === report.chartRegion);
  if (!region) return [];
  const heading = new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(t(lang, 'docx/figures', { region: region.name }))] });
  if (!options.rasterize) return [heading, new Paragraph({ style: 'Note', children: [new TextRun(t(lang, 'docx/no-charts'))] })];
  const out: Paragraph[] = [heading, new Paragraph({ style: 'Note', children: [new TextRun(t(lang, report.stage === 'final' ? 'docx/legend-final' : 'docx/legend'))] })];
  // Every chart first, so that the caller draws them together (a font loaded once, not once a chart).
  const charts = report.areas.map((a) => ({
    area: a,
    charts: a.indicators.flatMap((ind) => {
      const rr = ind.regions.find((r) => r.region.code === report.chartRegion);
      if (!rr) return [];
      const title = t(lang, 'report/chart-title', { indicator: indicatorName(ind, lang, false), region: rr.region.name });
      const svg = chartSvg(rr, ind, report, title, lang);
      return svg ? [{ title, svg, note: chartNote(rr, ind, report, lang) }] : [];
    }),
  }));
  const pngs = options.rasterize(charts.flatMap((a) => a.charts.map((c) => c.svg)), CHART_SIZE.width * 2, CHART_SIZE.height * 2);
  let n = 0;
  let k = 0;
  let drawn = 0;
  for (const a of charts) {
    const figures: Paragraph[] = [];
    for (const { title, note } of a.charts) {
      const png = pngs[k++];
      if (!png) continue;
      drawn++;
      // 15.5 cm wide: the text width of an A4 page with GB/T 9704 margins.
      const width = 586;
      const height = Math.round((width * CHART_SIZE.height) / CHART_SIZE.width);
      figures.push(
        // Exact line spacing (the body's) would clip the picture to one line.
        new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { line: 240, lineRule: 'auto', before: 120 }, children: [new ImageRun({ type: 'png', data: png, transformation: { width, height }, altText: { name: title, title, description: title } })] }),
        new Paragraph({ style: 'Caption', children: [new TextRun(`${t(lang, 'docx/figure', { n: ++n, title })}${note ? `　${note}` : ''}`)] }),
      );
    }
    if (figures.length) out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(areaName(a.area.area, lang))] }), ...figures);
  }
  if (!drawn) return [heading, new Paragraph({ style: 'Note', children: [new TextRun(t(lang, 'docx/no-charts'))] })];
  return out;
}

function docxBlock(b: Block): Array<Paragraph | Table> {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ heading: b.level === 1 ? HeadingLevel.HEADING_1 : b.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3, children: [new TextRun(b.text)] })];
    case 'paragraph':
      return [new Paragraph({ ...(b.muted ? { style: 'Note' } : {}), indent: { firstLine: 640 }, children: [new TextRun(b.text)] })];
    case 'list':
      return b.items.map((x) => new Paragraph({ indent: { firstLine: 640 }, children: [new TextRun(x)] }));
    case 'table':
      return docxTable(b);
  }
}

/** The text width of a page, in twentieths of a point. */
const TEXT_WIDTH = { portrait: A4.width - A4.margin.left - A4.margin.right, landscape: A4.height - 2098 - 1984 };

/** Twips a text takes on one line at the table's size: a CJK character an em, any other about half (Times New Roman digits). */
const TABLE_EM = SIZES.table * 10;
const lineTwips = (s: string) => [...s].reduce((n, c) => n + (c.charCodeAt(0) > 0x7f && c !== '‰' ? TABLE_EM : TABLE_EM * 0.55), 0);
/** A cell's left and right margins, and a little to spare. */
const CELL_PAD = 260;
/** The widest run a cell must not break: a number with its sign and unit (96.71%, 1.54‰, the 2020 of 2020年). */
const unbroken = (s: string) => Math.max(0, ...(s.match(/[^\s\u3000-\u9fff\uff00-\uffef（）]+/gu) ?? []).map(lineTwips));

/**
 * Column widths in proportion to their longest text (a number column narrow, a name wide), over
 * the page's text width; but never so narrow that a number breaks inside (2020年 as “202 / 0年”):
 * a column short of its widest number takes that width from the columns with room to spare.
 */
function columnWidths(b: Extract<Block, { kind: 'table' }>): number[] {
  const len = (s: string) => [...s].reduce((n, c) => n + (c.charCodeAt(0) > 0x7f ? 2 : 1), 0);
  const weights = b.head.map((h, i) => Math.min(Math.max(len(h), ...b.rows.map((r) => len(r[i] ?? '')), 7), i === 0 ? 24 : 30));
  const total = weights.reduce((a, x) => a + x, 0);
  const width = b.wide ? TEXT_WIDTH.landscape : TEXT_WIDTH.portrait;
  const fair = weights.map((w) => (w / total) * width);
  // A short header (序号, 2020年) is kept on one line too.
  const least = b.head.map((h, i) => Math.max([...h].length <= 5 ? lineTwips(h) : unbroken(h), ...b.rows.map((r) => unbroken(r[i] ?? ''))) + CELL_PAD);
  const short = fair.reduce((n, w, i) => n + Math.max(0, least[i]! - w), 0);
  const spare = fair.reduce((n, w, i) => n + Math.max(0, w - least[i]!), 0);
  if (short === 0 || spare <= 0) return fair.map(Math.floor);
  const take = Math.min(1, short / spare);
  return fair.map((w, i) => Math.floor(w < least[i]! ? least[i]! : w - (w - least[i]!) * take));
}

function docxTable(b: Extract<Block, { kind: 'table' }>): Array<Paragraph | Table> {
  const widths = columnWidths(b);
  const cell = (text: string, i: number, head: boolean, merge?: 'restart' | 'continue') =>
    new TableCell({
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      ...(merge ? { verticalMerge: merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE } : {}),
      children: [new Paragraph({ style: 'TableText', alignment: !head && b.numeric?.includes(i) ? AlignmentType.RIGHT : head ? AlignmentType.CENTER : AlignmentType.LEFT, children: merge === 'continue' ? [] : [new TextRun({ text, bold: head })] })],
    });
  // The first column merged down a run of the same name: one cell for an indicator's rows.
  const mergeOf = (r: number): 'restart' | 'continue' | undefined => {
    if (!b.merge) return undefined;
    const same = (x: number) => x >= 0 && x < b.rows.length && b.rows[x]![0] === b.rows[r]![0];
    if (same(r - 1)) return 'continue';
    return same(r + 1) ? 'restart' : undefined;
  };
  const rows = [
    // The header row repeats at the top of every page the table runs onto.
    new TableRow({ tableHeader: true, cantSplit: true, children: b.head.map((x, i) => cell(x, i, true)) }),
    ...b.rows.map((r, k) => new TableRow({ cantSplit: true, children: r.map((x, i) => cell(x, i, false, i === 0 ? mergeOf(k) : undefined)) })),
  ];
  const out: Array<Paragraph | Table> = [];
  if (b.caption) out.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(b.caption)] }));
  out.push(new Table({ rows, columnWidths: widths, width: { size: widths.reduce((a, x) => a + x, 0), type: WidthType.DXA } }));
  out.push(new Paragraph({ children: [] }));
  return out;
}
