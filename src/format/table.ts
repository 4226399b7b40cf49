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
import type { Evaluation, Result } from '../engine/evaluate.js';
import type { Status } from '../engine/verdict.js';
import { detail, indicatorName, planTitle, targetText } from './detail.js';
import type { FormatContext } from './records.js';
import { formatGap, formatValue, statusLabel } from './words.js';
import { displayWidth, wrapLines } from './width.js';
import { emptyRunMessages } from './empty-run.js';

const WIDTH = { area: 10, indicator: 30, target: 16, detail: 40 };
const HEAD = ['col/area', 'col/indicator', 'col/target', 'col/value', 'col/status', 'col/gap', 'col/detail'];

/** What colour takes: chalk and cli-table3, loaded by loadColor() only for a table in colour. */
let colorKit: { chalk: ChalkInstance; Table: typeof CliTable3 } | undefined;

/** Load what a table in colour needs; formatTable asks for it before it draws one. */
export async function loadColor(): Promise<void> {
  if (colorKit) return;
  const [{ Chalk }, { default: Table }] = await Promise.all([import('chalk'), import('cli-table3')]);
  colorKit = { chalk: new Chalk({ level: 1 }), Table };
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
  const head = HEAD.map((k) => t(lang, k));
  const out: string[] = [];
  for (const section of groupBy(e.results, (r) => `${r.year}\u0000${r.region.code}`)) {
    const first = section[0]!;
    out.push(bold(t(lang, 'table/title', { plan: planTitle(ctx), region: first.region.name, year: first.year })));
    // Per area, per column, the cell's lines.
    const rows: string[][][] = [];
    for (const results of groupBy(section, (r) => r.area)) {
      const area = ctx.plan.areas.find((a) => a.id === results[0]!.area);
      const areaName = (lang === 'en' ? area?.nameEn : area?.name) ?? results[0]!.area;
      const columns: string[][] = [wrapLines(areaName, WIDTH.area), [], [], [], [], [], []];
      for (const r of results) {
        // A wrapped name continues indented; the other cells of its lines are blank.
        const name = wrapLines(`${r.main !== undefined ? `★${r.main} ` : ''}${indicatorName(r, ctx)}`, WIDTH.indicator - 2);
        const target = wrapLines(targetText(r, ctx), WIDTH.target);
        const value = `${formatValue(r.value, r.unit, lang)}${r.derived ? '*' : ''}`;
        const status = paint[r.status](statusLabel(r.status, lang));
        const gap = formatGap(r, lang);
        const why = wrapLines(detail(r, ctx), WIDTH.detail);
        const height = Math.max(name.length, target.length, why.length);
        for (let n = 0; n < height; n++) {
          columns[1]!.push(n === 0 ? name[0]! : n < name.length ? `  ${name[n]}` : '');
          columns[2]!.push(target[n] ?? '');
          columns[3]!.push(n === 0 ? value : '');
          columns[4]!.push(n === 0 ? status : '');
          columns[5]!.push(n === 0 ? gap : '');
          columns[6]!.push(why[n] ?? '');
        }
      }
      rows.push(columns);
    }
    out.push(drawTable(head, rows, ctx.color));
  }
  const s = e.summary;
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
  if (e.results.some((r) => r.derived)) out.push(t(lang, 'table/derived-note'));
  return `${out.join('\n')}\n`;
}

/**
 * A cli-table3 table of multi-line cells, drawn as cli-table3 draws it: each
 * column as wide as its widest line (display width, colour codes not counted)
 * plus padding, lines left-aligned, a short cell filled with blank lines.
 * `rows[r][c]` holds the lines of row r's cell in column c.
 */
function drawTable(head: string[], rows: string[][][], color: boolean): string {
  const headWidths = head.map((h) => displayWidth(h));
  const widths = [...headWidths];
  const measured = rows.map((row) =>
    row.map((lines, c) =>
      lines.map((line) => {
        const w = displayWidth(line);
        if (w > widths[c]!) widths[c] = w;
        return w;
      }),
    ),
  );
  const { top, header, separator, bottom, edges } = color ? colorFrame(head, widths) : plainFrame(head, headWidths, widths);
  const drawn = [top, header];
  rows.forEach((row, r) => {
    drawn.push(separator);
    const height = Math.max(...row.map((lines) => lines.length));
    for (let n = 0; n < height; n++) {
      let line = edges[0]!;
      for (let c = 0; c < widths.length; c++) {
        const text = row[c]![n];
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

/** Results sharing a key, in first-seen order. */
function groupBy(results: readonly Result[], key: (r: Result) => string): Result[][] {
  const m = new Map<string, Result[]>();
  for (const r of results) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return [...m.values()];
}
