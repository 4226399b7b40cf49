// The evaluation report as a Word document (.docx), for the 评估报告 an office hands in:
// a title page, the narrative under Heading 1/2 (Word's navigation pane and table of contents
// read them), the annex tables with a header row repeated on every page, A4, and the fonts
// Word and WPS expect for official text (仿宋 body, 黑体/楷体 headings, set as eastAsia fonts in
// the document's styles). Pure: a report in, the file's bytes out. The charts are not drawn
// here (that would need a rasteriser): the document says where the HTML report has them.
import { AlignmentType, Document, HeadingLevel, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type IRunOptions } from 'docx';
import { formatDiagnostic, t, type Lang } from '../i18n/index.js';
import type { Report } from '../report/model.js';
import type { Block } from './report-doc.js';
import { annexBlocks } from './report-doc-annex.js';
import { narrativeBlocks } from './report-narrative.js';
import type { FormatContext } from './records.js';
import { reportFrame, reportMeta } from './report-words.js';

/** Font names as Word and WPS list them (the eastAsia slot decides Chinese text). */
// GB/T 9704 (党政机关公文格式): 仿宋 body, 黑体 first-level and 楷体 second-level headings;
// 宋体 for the title and the tables, which every Chinese Word and WPS installation has.
export const FONTS = { body: '仿宋', heading: '黑体', heading2: '楷体', title: '宋体', table: '宋体', latin: 'Times New Roman' } as const;

/** A4 in twentieths of a point; margins as in GB/T 9704 (about 37 mm top, 28 mm sides). */
const A4 = { width: 11906, height: 16838, margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } };

export interface DocxOptions {
  /** The date printed on the title page (YYYY-MM-DD); the CLI passes today's. */
  date: string;
}

export async function formatReportDocx(report: Report, ctx: FormatContext, options: DocxOptions): Promise<Uint8Array> {
  const doc = reportDocument(report, ctx, options);
  return new Uint8Array(await Packer.toBuffer(doc));
}

export function reportDocument(report: Report, ctx: FormatContext, options: DocxOptions): Document {
  const { lang } = ctx;
  const blocks = [...narrativeBlocks(report, ctx), { kind: 'paragraph', text: t(lang, 'docx/charts'), muted: true } as const, ...annexBlocks(report, ctx)];
  const problems = report.diagnostics.filter((d) => d.severity !== 'info');
  if (problems.length) blocks.push({ kind: 'heading', level: 1, text: t(lang, 'docx/annex-problems') }, { kind: 'list', items: problems.map((d) => formatDiagnostic(d, lang)) });
  const font = (name: string) => ({ ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia: name, cs: FONTS.latin });
  return new Document({
    creator: 'plancheck',
    title: planTitle(report, lang),
    description: reportMeta(report, lang),
    styles: {
      default: {
        document: { run: { font: font(FONTS.body), size: 28 }, paragraph: { spacing: { line: 480 } } },
        heading1: { run: { font: font(FONTS.heading), size: 32, bold: false, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
        heading2: { run: { font: font(FONTS.heading2), size: 30, bold: true, color: '000000' }, paragraph: { spacing: { before: 120, after: 60 }, keepNext: true } },
        heading3: { run: { font: font(FONTS.heading), size: 28, color: '000000' }, paragraph: { keepNext: true } },
        title: { run: { font: font(FONTS.title), size: 44, bold: true, color: '000000' }, paragraph: { alignment: AlignmentType.CENTER } },
      },
      paragraphStyles: [
        { id: 'TableText', name: 'Table Text', basedOn: 'Normal', run: { font: font(FONTS.table), size: 18 }, paragraph: { spacing: { line: 240, before: 0, after: 0 } } },
        { id: 'Note', name: 'Note', basedOn: 'Normal', run: { font: font(FONTS.body), size: 24, color: '555555' } },
      ],
    },
    sections: [
      { properties: { page: { size: { width: A4.width, height: A4.height }, margin: A4.margin } }, children: titlePage(report, lang, options) },
      { properties: { page: { size: { width: A4.width, height: A4.height }, margin: A4.margin } }, children: blocks.flatMap((b) => docxBlock(b)) },
    ],
  });
}

function planTitle(report: Report, lang: Lang): string {
  return lang === 'en' ? (report.plan.titleEn ?? report.plan.title) : report.plan.title;
}

function titlePage(report: Report, lang: Lang, options: DocxOptions): Paragraph[] {
  const center = (text: string, run: IRunOptions = {}, before = 0) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before }, children: [new TextRun({ text, ...run })] });
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, spacing: { before: 3600 }, children: [new TextRun(planTitle(report, lang))] }),
    new Paragraph({ heading: HeadingLevel.TITLE, spacing: { before: 240 }, children: [new TextRun(t(lang, 'docx/title-stage', { stage: t(lang, `report/stage-${report.stage}`) }))] }),
    center(t(lang, 'docx/title-year', { year: report.year }), {}, 2400),
    // The year has its own line above: the line under it says the rest of the report's frame.
    center(reportFrame(report, lang), { size: 24 }),
    center(t(lang, 'docx/title-date', { date: options.date }), {}, 240),
    center(t(lang, 'docx/title-tool'), { size: 24, color: '555555' }, 2400),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

function docxBlock(b: Block): Array<Paragraph | Table> {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ heading: b.level === 1 ? HeadingLevel.HEADING_1 : b.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3, children: [new TextRun(b.text)] })];
    case 'paragraph':
      return [new Paragraph({ ...(b.muted ? { style: 'Note' } : {}), indent: { firstLine: 560 }, children: [new TextRun(b.text)] })];
    case 'list':
      return b.items.map((x) => new Paragraph({ indent: { firstLine: 560 }, children: [new TextRun(x)] }));
    case 'table':
      return docxTable(b);
  }
}

function docxTable(b: Extract<Block, { kind: 'table' }>): Array<Paragraph | Table> {
  const cell = (text: string, i: number, head: boolean) =>
    new TableCell({
      children: [new Paragraph({ style: 'TableText', alignment: !head && b.numeric?.includes(i) ? AlignmentType.RIGHT : head ? AlignmentType.CENTER : AlignmentType.LEFT, children: [new TextRun({ text, bold: head })] })],
    });
  const rows = [
    // The header row repeats at the top of every page the table runs onto.
    new TableRow({ tableHeader: true, cantSplit: true, children: b.head.map((x, i) => cell(x, i, true)) }),
    ...b.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((x, i) => cell(x, i, false)) })),
  ];
  const out: Array<Paragraph | Table> = [];
  if (b.caption) out.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(b.caption)] }));
  out.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }));
  out.push(new Paragraph({ children: [] }));
  return out;
}
