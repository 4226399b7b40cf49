// Statistical returns → observations: each file decoded, split into rows, and
// every row checked against the plan. Bad input is a located diagnostic, never
// an exception, and every problem of a file is reported in the same run.
import { diag, type Diagnostic } from '../diagnostics.js';
import type { CellStore } from '../model/cells.js';
import { FastRows } from './fast-rows.js';
import { decode, PieceText } from './decode.js';
import { gridOfTable, type Grid } from './grid.js';
import { readLayout, type Layout, type LayoutChoice, type LayoutRead, type RowViews } from './layout.js';
import type { Observation } from '../model/observation.js';
import { readRow } from './observation.js';
import {
  afterHead, checkPieceLimits, copyAll, hasLoneCr, HEAD_BYTES, isUtf16, joinAll, lastRecordEnd, prepend, recordPieces,
} from './pieces.js';
import { CellBook } from './store.js';
import { detectDelimiter, readTable } from './table.js';
import { isOle, isOpenDocument, isZip } from './zip-magic.js';
import type { ReturnsContext } from './context.js';

/** A return: its bytes, or its bytes in chunks for a file too large to hold whole. */
export type ReturnFile = { file: string; bytes: Uint8Array } | { file: string; chunks: Iterable<Uint8Array> };

export interface ReadOptions {
  /** Layout of the returns; detected from the header by default. */
  layout?: LayoutChoice;
  /** The sheet of a workbook to read, by name or 1-based number; the first by default. */
  sheet?: string;
  /** A text return given in chunks is read in pieces of about this many bytes (default 4 MiB). */
  pieceBytes?: number;
}

export interface ReturnsRead {
  /** The cells read, indexed (src/model/cells.ts). */
  cells: CellStore;
  /** The same cells as objects, made when first asked for: a large return is better read through `cells`. */
  readonly observations: Observation[];
  diagnostics: Diagnostic[];
  /** Encoding detected for each text file read. */
  encodings: Record<string, string>;
  /** Layout found (or forced) for each file read. */
  layouts: Record<string, Layout>;
  /** Sheet read from each workbook. */
  sheets: Record<string, string>;
}

/**
 * Text returns (CSV, tab-separated), long or wide. A workbook needs
 * readReturnsAsync, which loads the workbook reader; here it is reported as one.
 */
export function readReturns(files: ReturnFile[], ctx: ReturnsContext, options: ReadOptions = {}): ReturnsRead {
  const state = newState(ctx);
  for (const f of files) readText(f, ctx, options, state);
  return finish(state, files);
}

/** Any return: CSV or tab-separated text, or an .xlsx workbook; long or wide. */
export async function readReturnsAsync(files: ReturnFile[], ctx: ReturnsContext, options: ReadOptions = {}): Promise<ReturnsRead> {
  const state = newState(ctx);
  for (const f of files) {
    const { file } = f;
    const head = 'bytes' in f ? f.bytes : undefined;
    if (head && isOle(head)) {
      state.diagnostics.push(diag('error', 'data/xls-workbook', {}, { file, line: 1, column: 1 }));
    } else if (head && isOpenDocument(head)) {
      state.diagnostics.push(diag('error', 'data/ods-workbook', {}, { file, line: 1, column: 1 }));
    } else if (head && isZip(head)) {
      // Loaded only now: a run on CSV files never loads the workbook reader.
      const { readWorkbook } = await import('./xlsx.js');
      const read = await readWorkbook(head, file, options.sheet);
      state.diagnostics.push(...read.diagnostics);
      if (!read.grid) continue;
      state.sheets[file] = read.grid.sheet!;
      if (read.sheets.length > 1) {
        const others = read.sheets.filter((n) => n !== read.grid!.sheet);
        state.diagnostics.push(diag('info', 'data/xlsx-sheet', { sheet: read.grid.sheet!, count: read.sheets.length, others: others.join('、') }, { file, sheet: read.grid.sheet! }));
      }
      readGrid(read.grid, ctx, options, state);
    } else {
      readText(f, ctx, options, state);
    }
  }
  return finish(state, files);
}

interface State {
  diagnostics: Diagnostic[];
  encodings: Record<string, string>;
  layouts: Record<string, Layout>;
  sheets: Record<string, string>;
  book: CellBook;
}

// Keyed by file names, which may be anything (“__proto__”): objects without a prototype.
const byFile = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;
const newState = (ctx: ReturnsContext): State => ({ diagnostics: [], encodings: byFile(), layouts: byFile(), sheets: byFile(), book: new CellBook(ctx.regions) });

function finish(state: State, files: readonly ReturnFile[]): ReturnsRead {
  const { diagnostics, encodings, layouts, sheets } = state;
  const cells = state.book.cells;
  let observations: Observation[] | undefined;
  // In the order of the returns, their rows and (in a wide return) their columns.
  const fileOrder = new Map(files.map((f, i) => [f.file, i] as const));
  const order = (o: Observation): [number, number, number] => {
    const row = o.rows[0];
    return row ? [fileOrder.get(row.file) ?? 0, row.line, row.column ?? (row.cell ? columnNumber(row.cell) : 0)] : [0, 0, 0];
  };
  return {
    cells,
    get observations() {
      if (!observations) {
        const keyed = [...cells.all()].map((o) => ({ o, k: order(o) }));
        keyed.sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.k[2] - b.k[2]);
        observations = keyed.map((x) => x.o);
      }
      return observations;
    },
    diagnostics,
    encodings,
    layouts,
    sheets,
  };
}

/** The column number of a cell address (D7 → 4). */
function columnNumber(cell: string): number {
  let n = 0;
  for (const c of cell) {
    const code = c.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + code - 64;
  }
  return n;
}

const DEFAULT_PIECE_BYTES = 4 * 1024 * 1024;

function readText(f: ReturnFile, ctx: ReturnsContext, options: ReadOptions, state: State): void {
  if ('bytes' in f) return readWhole(f.file, f.bytes, ctx, options, state);
  readPieces(f.file, f.chunks, ctx, options, state);
}

function readWhole(file: string, bytes: Uint8Array, ctx: ReturnsContext, options: ReadOptions, state: State): void {
  const decoded = decode(bytes, file);
  state.diagnostics.push(...decoded.diagnostics);
  if (decoded.text === undefined) return;
  state.encodings[file] = decoded.encoding;
  const read = readTable(decoded.text, file);
  state.diagnostics.push(...read.diagnostics);
  if (!read.table) return;
  readGrid(gridOfTable(read.table, file), ctx, options, state);
}

/**
 * A text return in pieces: the first piece is read as a whole file is (its header
 * sets the layout); a long return then goes on piece by piece, in memory that does
 * not grow with the file. Anything that is not a long UTF-8 or GB18030 text is read whole.
 */
function readPieces(file: string, chunks: Iterable<Uint8Array>, ctx: ReturnsContext, options: ReadOptions, state: State): void {
  const size = options.pieceBytes ?? DEFAULT_PIECE_BYTES;
  const iterator = chunks[Symbol.iterator]();
  // The first piece: at least `size` bytes (and at least the header's line), or the whole file.
  const head: Uint8Array[] = [];
  let headBytes = 0;
  let done = false;
  while (headBytes < size) {
    // A chunk held while the next is read is copied: a reader may reuse a chunk's memory (see Io.readChunks).
    if (head.length > 0) head[head.length - 1] = head[head.length - 1]!.slice();
    const next = iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    headBytes += next.value.length;
  }
  const first = joinAll(head, headBytes);
  const rest: Iterable<Uint8Array> = { [Symbol.iterator]: () => iterator };
  const whole = () => readWhole(file, done ? first : copyAll(first, rest), ctx, options, state);
  // UTF-16, workbooks, binary files and small files are read whole, as before.
  if (done || isUtf16(first) || isZip(first) || isOle(first) || first.indexOf(0) >= 0) return whole();

  const bom = first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf;
  const delimiter = detectDelimiter(new TextDecoder('utf-8').decode(first.subarray(0, Math.min(first.length, 64 * 1024)))) === '\t' ? 0x09 : 0x2c;
  // The first piece sets the layout: the header and the rows of the first 64 KiB. The rest
  // goes on in pieces of `size`, most of them read from their bytes.
  const headEnd = lastRecordEnd(first.subarray(0, Math.min(first.length, size, HEAD_BYTES)), delimiter);
  const pieces = (headEnd > 0 ? afterHead(first, headEnd, rest, delimiter, size) : recordPieces(prepend(first, rest), delimiter, size))[Symbol.iterator]();
  const firstPiece = pieces.next();
  if (firstPiece.done) return;
  const text = new PieceText(file, bom);
  const firstText = text.decode(firstPiece.value, state.diagnostics);
  if (firstText === undefined) return;
  const read = readTable(firstText, file);
  state.diagnostics.push(...read.diagnostics);
  if (!read.table) return;
  const grid = gridOfTable(read.table, file);
  const layout = readLayout(grid, ctx.regions, options.layout ?? 'auto');
  if (layout.layout !== 'long' || !layout.viewsOf) {
    // A wide return (one row a year or a region) is never national-scale: read it whole.
    const remaining = [firstPiece.value.bytes.slice()];
    for (let p = pieces.next(); !p.done; p = pieces.next()) remaining.push(p.value.bytes.slice());
    return readWhole(file, joinAll(remaining), ctx, options, state);
  }
  state.encodings[file] = text.encoding;
  // One row reader for all the pieces, so that the file is one source in the store.
  const fast = FastRows.of(state.book.cells, file, layout, ctx);
  readGrid(grid, ctx, options, state, layout, fast);
  const tableDelimiter = read.table.delimiter;
  const delimiterByte = tableDelimiter.charCodeAt(0);
  const lines = new LineReader(file, tableDelimiter, fast, layout, ctx, state);
  for (let p = pieces.next(); !p.done; p = pieces.next()) {
    const piece = p.value;
    const limits = checkPieceLimits(piece, file, delimiterByte);
    if (limits.length) {
      state.diagnostics.push(...limits);
      return;
    }
    const { bytes } = piece;
    // Without quotes, and with CRLF or LF line ends only (a lone CR ends a line for readTable too).
    const plain = bytes.indexOf(QUOTE) < 0 && !hasLoneCr(bytes);
    if (plain && fast && text.isUtf8(piece)) {
      fast.bytes(bytes, piece.lineOffset, delimiterByte, (line, start, end) => lines.line(UTF8.decode(bytes.subarray(start, end)), line));
      continue;
    }
    const pieceText = text.decode(piece, state.diagnostics);
    if (pieceText === undefined) return;
    state.encodings[file] = text.encoding;
    if (plain) {
      lines.piece(pieceText, piece.lineOffset);
      continue;
    }
    const table = readTable(pieceText, file, { delimiter: tableDelimiter, lineOffset: piece.lineOffset });
    state.diagnostics.push(...table.diagnostics);
    if (table.table) readRows({ file, rows: table.table.rows.map((r) => ({ line: r.line, texts: r.cells })) }, 0, layout, ctx, state, fast);
  }
}

const QUOTE = 0x22;
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * The lines of a piece without quotes, each split and read as it comes, so that
 * nothing of a row outlives it (readTable would hold the piece's rows at once).
 */
class LineReader {
  constructor(
    private readonly file: string,
    private readonly delimiter: string,
    private readonly fast: FastRows | undefined,
    private readonly layout: LayoutRead,
    private readonly ctx: ReturnsContext,
    private readonly state: State,
  ) {}

  piece(text: string, lineOffset: number): void {
    let line = lineOffset;
    for (let start = 0; start < text.length; ) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      line++;
      let lineEnd = end;
      if (lineEnd > start && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
      const lineText = text.slice(start, lineEnd);
      start = end + 1;
      if (lineText !== '') this.line(lineText, line);
    }
  }

  /** One line, not empty, without its line end. */
  line(lineText: string, line: number): void {
    const texts = lineText.split(this.delimiter);
    if (this.fast?.row(texts, line)) return;
    if (texts.every((t) => t.trim() === '')) return;
    const views = this.layout.viewsOf!({ line, texts });
    if (views) readViews(views, this.ctx, this.state);
  }
}

function readGrid(grid: Grid, ctx: ReturnsContext, options: ReadOptions, state: State, known?: LayoutRead, fast?: FastRows): void {
  const { diagnostics } = state;
  const layout = known ?? readLayout(grid, ctx.regions, options.layout ?? 'auto');
  diagnostics.push(...layout.diagnostics);
  if (!layout.layout) return;
  state.layouts[grid.file] = layout.layout;
  if (layout.viewsOf && layout.firstData !== undefined) readRows(grid, layout.firstData, layout, ctx, state, fast ?? fastFor(grid, layout, ctx, state));
  else for (const views of layout.rows) readViews(views, ctx, state);
}

/** The row reader for ordinary rows of a long CSV. */
const fastFor = (grid: Grid, layout: LayoutRead, ctx: ReturnsContext, state: State): FastRows | undefined =>
  layout.layout === 'long' && grid.sheet === undefined ? FastRows.of(state.book.cells, grid.file, layout, ctx) : undefined;

/** Rows of a grid from `from` on: ordinary rows of a long CSV straight into the store, the rest through their views. */
function readRows(
  grid: Grid,
  from: number,
  layout: LayoutRead,
  ctx: ReturnsContext,
  state: State,
  fast: FastRows | undefined,
): void {
  for (let r = from; r < grid.rows.length; r++) {
    const row = grid.rows[r]!;
    if (fast && !row.marks && fast.row(row.texts, row.line)) continue;
    const views = layout.viewsOf!(row);
    if (views) readViews(views, ctx, state);
  }
}

function readViews({ views, diagnostics: said }: RowViews, ctx: ReturnsContext, state: State): void {
  const { diagnostics, book } = state;
  diagnostics.push(...said);
  // A wide row's own cells (indicator, 性别 …) are read once per year or region: say their problems once.
  const seen = views.length > 1 ? new Set<string>() : undefined;
  for (const view of views) {
    const result = readRow(view, ctx);
    for (const list of [view.problems, result.diagnostics]) {
      for (const d of list) {
        if (seen) {
          const key = `${d.code}\u0000${d.line}\u0000${d.column}`;
          if (seen.has(key)) continue;
          seen.add(key);
        }
        diagnostics.push(d);
      }
    }
    // A form row not filled in says nothing: it is not a "reported missing" value.
    if (result.observation && !view.blank) book.add(result.observation, result.shown, diagnostics);
  }
}

