// The terminal compliance table: one section per region and year, one table row
// per area with its indicators as lines (a wrapped name continues indented), so
// the table reads in groups. Chinese text is aligned: cells are wrapped and
// measured by display width here, since cli-table3 wraps by character count.
// Colour only when asked for.
//
// In colour, cli-table3 draws the frame: the header, the borders, the padding and
// their colours, from a header and one row of placeholders exactly as wide as the
// columns; every text line is then set between that row's borders, measured
// once here. cli-table3's own cost is per cell and per cell line (each line is
// re-measured, padded, truncated and scanned for colour codes several times,
// each cell's options merged one by one), and a whole-plan table has thousands
// of cell lines: that was most of a run's time. Drawn this way it sees 14 cells
// a section. Without colour (a pipe, a file, CI: most runs) the frame is plain box
// drawing, drawn here as cli-table3 draws it (tests/format/table-frame.test.ts
// holds the two to the same output), which costs a few string joins a section.
import type { ChalkInstance } from 'chalk';
import type CliTable3 from 'cli-table3';
import { t } from '../i18n/index.js';
import type { Evaluation } from '../engine/evaluate.js';
import type { Status } from '../engine/verdict.js';
import { detail, indicatorName, planTitle, targetText } from './detail.js';
import type { FormatContext } from './records.js';
import { formatGap, formatValue, statusLabel, resultShown } from './words.js';
import { DEFAULT_WIDTH, displayWidth, longestWord, wrapLines } from '../text/width.js';
import { emptyRunMessages } from './empty-run.js';
import { sectionsOf } from './sections.js';

/** The widest the wrapped columns get, and the narrowest they shrink to on a narrow terminal. */
const WIDTH = { area: 10, indicator: 30, target: 16, gap: 30, detail: 40 };
const NARROWEST = { area: 6, indicator: 14, target: 10, gap: 12, detail: 24 };
/** Where 指标 and 目标 stop giving way to the other columns, before every column goes to its narrowest. */
const COMFORTABLE = { indicator: 20, target: 12 };
const HEAD = ['col/area', 'col/indicator', 'col/target', 'col/value', 'col/status', 'col/gap', 'col/detail'];

/** What colour takes: chalk and cli-table3, loaded by loadColor() only for a table in colour. */
let colorKit: { chalk: ChalkInstance; Table: typeof CliTable3 } | undefined;

/** Load what a table in colour needs; formatTable asks for it before it draws one. */
export async function loadColor(): Promise<void> {
  if (colorKit) return;
  const [{ Chalk }, { default: Table }] = await Promise.all([import('chalk'), import('cli-table3')]);
  colorKit = { chalk: new Chalk({ level: 1 }), Table };
}

/** A result's cells before they are wrapped. */
interface Cells {
  name: string;
  target: string;
  value: string;
  status: string;
  statusWidth: number;
  gap: string;
  detail: string;
}

/** How a section is laid out: the wrap width of each wrapped column, and whether 说明 has a column or goes under its row. */
interface Layout {
  area: number;
  indicator: number;
  target: number;
  gap: number;
  detail: number;
  detailUnder: boolean;
  /** --wide: nothing wrapped. */
  wide: boolean;
}

export function formatTable(e: Evaluation, ctx: FormatContext): string {
  const { lang } = ctx;
  // A run that evaluated nothing says why, not “共 0 项”.
  if (e.results.length === 0) return `${emptyRunMessages(e, ctx).map((m) => `${t(lang, 'severity/error')}: ${m.message} [${m.code}]`).join('\n')}\n`;
  if (ctx.color && !colorKit) throw new Error('a table in colour needs loadColor() first (src/format/index.ts loads it)');
  const chalk = ctx.color ? colorKit!.chalk : undefined;
  const plain = (s: string) => s;
  const paint: Record<Status, (s: string) => string> = chalk
    ? { met: chalk.green, 'not-met': chalk.red, 'no-data': chalk.yellow, invalid: chalk.magenta, 'not-applicable': chalk.gray }
    : { met: plain, 'not-met': plain, 'no-data': plain, invalid: plain, 'not-applicable': plain };
  const bold = chalk ? chalk.bold : plain;
  const heads = HEAD.map((k) => t(lang, k));
  const out: string[] = [];
  const width = ctx.wide ? Infinity : (ctx.width ?? DEFAULT_WIDTH);
  // A return giving a few of the plan's indicators would bury its results under a 无数据 row for
  // every other indicator and region: those indicators are one line under the table instead.
  const left = leftOut(e, ctx);
  const shown = left.size > 0 ? e.results.filter((r) => !left.has(r.id)) : e.results;
  for (const section of sectionsOf(shown, ctx)) {
    out.push(bold(wrapLines(t(lang, 'table/title', { plan: planTitle(ctx), region: section.region.name, year: section.year }), width).join('\n')));
    const areas = section.areas.map(({ name, results }) => {
      const cells = results.map((r): Cells => {
        const status = statusLabel(r.status, lang);
        return {
          name: `${r.main !== undefined ? `★${r.main} ` : ''}${indicatorName(r, ctx)}`,
          target: targetText(r, ctx),
          value: `${formatValue(r.value, resultShown(r), lang)}${r.derived ? '*' : ''}`,
          status: paint[r.status](status),
          statusWidth: displayWidth(status),
          gap: formatGap(r, lang),
          detail: detail(r, ctx),
        };
      });
      return { name, cells };
    });
    const layout = layoutOf(areas, heads, ctx);
    if (!layout) {
      // No table fits the terminal without cutting a word: each result as a few lines instead.
      out.push(listOf(areas, heads, ctx.width ?? DEFAULT_WIDTH).join('\n'));
      continue;
    }
    const head = layout.detailUnder ? heads.slice(0, -1) : heads;
    // Under its row, 说明 spans every column but the area's: their widths and the borders between them.
    const spanWidth = layout.detailUnder ? layout.indicator + layout.target + layout.gap + fixedWidths(areas, heads).reduce((a, b) => a + b, 0) + 3 * 4 : 0;
    // Per area, per column, the cell's lines; and the lines drawn across the columns after the first.
    const rows: Block[] = [];
    for (const { name: areaName, cells } of areas) {
      const columns: string[][] = [wrapAt(areaName, layout.area, layout), [], [], [], [], [], ...(layout.detailUnder ? [] : [[]])];
      const spans: Array<string | undefined> = [];
      for (const c of cells) {
        // A wrapped name continues indented; the other cells of its lines are blank.
        const name = wrapAt(c.name, layout.indicator - 2, layout);
        const target = wrapAt(c.target, layout.target, layout);
        const gap = wrapAt(c.gap, layout.gap, layout);
        const why = layout.detailUnder ? [] : wrapAt(c.detail, layout.detail, layout);
        const height = Math.max(name.length, target.length, gap.length, why.length);
        for (let n = 0; n < height; n++) {
          columns[1]!.push(n === 0 ? name[0]! : n < name.length ? `  ${name[n]}` : '');
          columns[2]!.push(target[n] ?? '');
          columns[3]!.push(n === 0 ? c.value : '');
          columns[4]!.push(n === 0 ? c.status : '');
          columns[5]!.push(gap[n] ?? '');
          if (!layout.detailUnder) columns[6]!.push(why[n] ?? '');
          spans.push(undefined);
        }
        if (layout.detailUnder && c.detail) {
          for (const line of wrapLines(c.detail, spanWidth - 2)) {
            for (let k = 1; k < columns.length; k++) columns[k]!.push('');
            spans.push(`  ${line}`);
          }
        }
      }
      rows.push({ columns, spans });
    }
    out.push(drawTable(head, rows, ctx.color, layout.detailUnder ? [layout.area, layout.indicator, layout.target, 0, 0, layout.gap] : undefined));
  }
  const s = e.summary;
  const sectionLines = out.length;
  out.push(
    t(lang, 'table/summary', {
      total: e.results.length,
      met: s.met,
      notMet: s['not-met'],
      noData: s['no-data'],
      invalid: s.invalid,
      na: s['not-applicable'],
    }),
  );
  if (left.size > 0) out.push(t(lang, 'table/absent-left-out', { count: left.size, results: e.results.length - shown.length }));
  if (e.results.some((r) => r.derived)) out.push(t(lang, 'table/derived-note'));
  // The lines after the tables, the counts and notes, wrap like the rest.
  return `${[...out.slice(0, sectionLines), ...out.slice(sectionLines).flatMap((line) => wrapLines(line, width))].join('\n')}\n`;
}

/**
 * The indicators the table leaves out: those the returns give nothing for in the years
 * evaluated, unless the run named its indicators or nothing else would be left.
 */
function leftOut(e: Evaluation, ctx: FormatContext): Set<string> {
  const absent = new Set(ctx.indicatorsNamed ? [] : (e.absentIndicators ?? []));
  return e.results.some((r) => !absent.has(r.id)) ? absent : new Set();
}

function wrapAt(s: string, width: number, layout: Layout): string[] {
  return layout.wide ? [s] : wrapLines(s, width);
}

/** The widths of the columns that are never wrapped: 数值, 状态. */
function fixedWidths(areas: ReadonlyArray<{ cells: readonly Cells[] }>, heads: readonly string[]): [number, number] {
  let value = displayWidth(heads[3]!);
  let status = displayWidth(heads[4]!);
  for (const { cells } of areas) {
    for (const c of cells) {
      value = Math.max(value, displayWidth(c.value));
      status = Math.max(status, c.statusWidth);
    }
  }
  return [value, status];
}

/**
 * A section as a list, for a terminal too narrow for its table: per area its name, per result
 * a line with the indicator and its status, then its target, value and gap, then its 说明,
 * each wrapped to the width under a hanging indent.
 */
function listOf(areas: ReadonlyArray<{ name: string; cells: readonly Cells[] }>, heads: readonly string[], width: number): string[] {
  const lines: string[] = [];
  const put = (indent: number, text: string) => {
    const room = Math.max(width - indent, 8);
    for (const line of wrapLines(text, room)) lines.push(spaces(indent) + line);
  };
  for (const { name, cells } of areas) {
    put(0, name);
    for (const c of cells) {
      put(2, `${c.name}  ${c.status}`);
      put(4, [`${heads[2]} ${c.target}`, `${heads[3]} ${c.value}`, ...(c.gap ? [`${heads[5]} ${c.gap}`] : [])].join('  '));
      if (c.detail) put(4, c.detail);
    }
  }
  return lines;
}

/**
 * Columns as wide as their text up to WIDTH, narrowed to the terminal's width: 说明 first,
 * then whichever column has the most to give, never narrower than its longest word; when
 * the narrowest leave no room for 说明, it goes under its row; when even that does not fit,
 * undefined (the section is drawn as a list). --wide: one line a result, however wide.
 */
function layoutOf(areas: ReadonlyArray<{ name: string; cells: readonly Cells[] }>, heads: readonly string[], ctx: FormatContext): Layout | undefined {
  const natural = { area: displayWidth(heads[0]!), indicator: displayWidth(heads[1]!), target: displayWidth(heads[2]!), gap: displayWidth(heads[5]!), detail: displayWidth(heads[6]!) };
  // The narrowest each column can be without cutting a word (a head is not wrapped either).
  const words = { ...natural };
  for (const { name, cells } of areas) {
    natural.area = Math.max(natural.area, displayWidth(name));
    words.area = Math.max(words.area, longestWord(name));
    for (const c of cells) {
      natural.indicator = Math.max(natural.indicator, displayWidth(c.name) + 2);
      natural.target = Math.max(natural.target, displayWidth(c.target));
      natural.gap = Math.max(natural.gap, displayWidth(c.gap));
      natural.detail = Math.max(natural.detail, displayWidth(c.detail));
      if (ctx.wide) continue;
      words.indicator = Math.max(words.indicator, longestWord(c.name) + 2);
      words.target = Math.max(words.target, longestWord(c.target));
      words.gap = Math.max(words.gap, longestWord(c.gap));
      words.detail = Math.max(words.detail, longestWord(c.detail));
    }
  }
  if (ctx.wide) return { ...natural, detailUnder: false, wide: true };
  // As wide as the text up to WIDTH, and never narrower than its longest word.
  const want = {
    area: Math.max(Math.min(natural.area, WIDTH.area), words.area),
    indicator: Math.max(Math.min(natural.indicator, WIDTH.indicator), words.indicator),
    target: Math.max(Math.min(natural.target, WIDTH.target), words.target),
    gap: Math.max(Math.min(natural.gap, WIDTH.gap), words.gap),
    detail: Math.max(Math.min(natural.detail, WIDTH.detail), words.detail),
  };
  const fixed = fixedWidths(areas, heads).reduce((a, b) => a + b, 0);
  const width = ctx.width ?? DEFAULT_WIDTH;
  /** A floor for each column named: the one given, raised to the column's longest word, never above what it wants. */
  const floors = <K extends keyof typeof want>(given: Record<K, number>) =>
    Object.fromEntries(Object.entries(given).map(([k, n]) => [k, Math.min(want[k as K], Math.max(n as number, words[k as K]))])) as Record<K, number>;
  // 7 columns: "│ " + 6 × " │ " + " │" = 22 columns of frame; 6 columns: 19.
  const withDetail = shrink(want, width - 22 - fixed, [floors({ detail: NARROWEST.detail }), floors(COMFORTABLE)]);
  if (withDetail) return { ...withDetail, detailUnder: false, wide: false };
  const { detail: _, ...rest } = want;
  const without = shrink(rest, width - 19 - fixed, [floors(COMFORTABLE), floors({ area: NARROWEST.area, indicator: NARROWEST.indicator, target: NARROWEST.target, gap: NARROWEST.gap }), words]);
  // 说明 under its row spans the columns after the area's: it wraps within them.
  if (!without) return undefined;
  return { ...without, detail: 0, detailUnder: true, wide: false };
}

/**
 * Widths narrowed until they fit in `room`, stage by stage: in each, the columns it names
 * down to the floor it gives them, the column with the most to give first, a column at a
 * time. Undefined when the last stage leaves them too wide.
 */
function shrink<K extends string>(want: Record<K, number>, room: number, stages: ReadonlyArray<Partial<Record<K, number>>>): Record<K, number> | undefined {
  const w = { ...want };
  let over = (Object.values(w) as number[]).reduce((a, b) => a + b, 0) - room;
  for (const floors of stages) {
    const keys = Object.keys(floors) as K[];
    while (over > 0) {
      let most: K | undefined;
      for (const k of keys) if (w[k] > floors[k]! && (most === undefined || w[k] - floors[k]! > w[most] - floors[most]!)) most = k;
      if (most === undefined) break;
      w[most]--;
      over--;
    }
  }
  return over <= 0 ? w : undefined;
}

/** A row of the table: per column, its cell's lines; by line, text drawn across every column but the first. */
interface Block {
  columns: string[][];
  spans: Array<string | undefined>;
}

/**
 * A cli-table3 table of multi-line cells, drawn as cli-table3 draws it: each
 * column as wide as its widest line (display width, colour codes not counted)
 * plus padding, or `least` wide where given, lines left-aligned, a short cell
 * filled with blank lines. `rows[r].columns[c]` holds the lines of row r's cell in
 * column c; a line with a span is drawn across every column but the first.
 */
function drawTable(head: string[], rows: Block[], color: boolean, least?: readonly number[]): string {
  const headWidths = head.map((h) => displayWidth(h));
  const widths = headWidths.map((w, c) => Math.max(w, least?.[c] ?? 0));
  const measured = rows.map((row) =>
    row.columns.map((lines, c) =>
      lines.map((line, n) => {
        if (c > 0 && row.spans[n] !== undefined) return 0;
        const w = displayWidth(line);
        if (w > widths[c]!) widths[c] = w;
        return w;
      }),
    ),
  );
  const { top, header, separator, bottom, edges } = color ? colorFrame(head, widths) : plainFrame(head, headWidths, widths);
  // A span covers the columns after the first and the borders between them.
  const spanWidth = widths.slice(1).reduce((a, b) => a + b, 0) + 3 * (widths.length - 2);
  const drawn = [top, header];
  rows.forEach((row, r) => {
    drawn.push(separator);
    const height = Math.max(...row.columns.map((lines) => lines.length));
    for (let n = 0; n < height; n++) {
      const span = row.spans[n];
      let line = edges[0]!;
      for (let c = 0; c < widths.length; c++) {
        if (c > 0 && span !== undefined) {
          line += span + spaces(Math.max(0, spanWidth - displayWidth(span))) + edges[widths.length]!;
          break;
        }
        const text = row.columns[c]![n];
        line += text === undefined ? spaces(widths[c]!) : text + spaces(widths[c]! - measured[r]![c]![n]!);
        line += edges[c + 1]!;
      }
      drawn.push(line);
    }
  });
  drawn.push(bottom);
  return drawn.join('\n');
}

const SPACES: string[] = [];

/** n spaces, made once for each n a table pads with. */
function spaces(n: number): string {
  return (SPACES[n] ??= ' '.repeat(n));
}

/** The lines of a table's frame, and the text around each row's cells: the left border and padding, the inner borders, the right border. */
export interface Frame {
  top: string;
  header: string;
  separator: string;
  bottom: string;
  edges: string[];
}

/** The frame cli-table3 draws without colour (its default characters, one space of padding each side), for columns `widths` wide inside their padding. */
export function plainFrame(head: readonly string[], headWidths: readonly number[], widths: readonly number[]): Frame {
  const rule = (left: string, mid: string, right: string) => left + widths.map((w) => '─'.repeat(w + 2)).join(mid) + right;
  return {
    top: rule('┌', '┬', '┐'),
    header: `│${head.map((h, c) => ` ${h}${' '.repeat(widths[c]! - headWidths[c]!)} `).join('│')}│`,
    separator: rule('├', '┼', '┤'),
    bottom: rule('└', '┴', '┘'),
    edges: ['│ ', ...widths.slice(1).map(() => ' │ '), ' │'],
  };
}

/**
 * The frame as cli-table3 draws it in colour (cyan header, grey borders, as its colour
 * library allows in this terminal), from a header and one row of placeholders: every row
 * between the header and the bottom is framed alike. The placeholder is a character the
 * frame never holds (it has borders, spaces and colour codes).
 */
export function colorFrame(head: string[], widths: readonly number[]): Frame {
  if (!colorKit) throw new Error('a table in colour needs loadColor() first (src/format/index.ts loads it)');
  const table = new colorKit.Table({ head, style: { head: ['cyan'], border: ['grey'] }, colWidths: widths.map((w) => w + 2) });
  table.push(widths.map((w) => 'x'.repeat(w)));
  const frame = table.toString().split('\n');
  if (frame.length !== 5) throw new Error(`a table head of one line was expected, not ${frame.length - 4}`);
  const [top, header, separator, placeholder, bottom] = frame as [string, string, string, string, string];
  return { top, header, separator, bottom, edges: placeholder.split(/x+/) };
}
