// Statistical returns → the model's cells. Bad input is a located diagnostic, never an
// exception, and every problem of a file is reported in the same run.
//
// This file is the reader's pipeline, read top to bottom; each stage is a file of its own:
//
//   decode.ts        bytes → text, its encoding detected (a whole file, or piece by piece)
//   table.ts         text → rows (comma or tab, quotes), as a grid of cells (grid.ts);
//                    xlsx.ts gives a workbook's sheet as the same grid
//   pieces.ts        a large file's bytes → pieces cut at record boundaries
//   layout.ts        the header (header.ts) → the layout: long, years or regions as columns
//   row-reader.ts    each data row → its long views (layout.ts) → an observation each
//                    (observation.ts, cells.ts) → the store (store.ts), with diagnostics
//   fast-rows.ts     the same for the ordinary rows of a long CSV, straight into the
//                    store's columns; every other row it hands to the general reader
//
// Which row reader reads a file, and whether a piece is read from its bytes, is chosen here.
import { diag, Findings, type Diagnostic, type FindingSink } from '../diagnostics.js';
import type { CellStore } from '../model/cells.js';
import type { Observation } from '../model/observation.js';
import type { ReturnsContext } from './context.js';
import { decode, hasUtf8Bom, isUtf16, PieceText } from './decode.js';
import { Big5Cells, mayHoldBig5 } from './decode-big5.js';
import { FastRows } from './fast-rows.js';
import { gridOfTable, pieceRows, type Grid } from './grid.js';
import { readLayout, type Layout, type LayoutChoice, type LayoutFound, type LayoutRead } from './layout.js';
import { checkLimits } from './limits.js';
import { checkPieceLimits, headOf, isPlain, joinRest, piecesOf, prepend, wholeFile, type Piece } from './pieces.js';
import { GeneralRows, type RowReader } from './row-reader.js';
import { CellBook, inReturnOrder } from './store.js';
import { readTable, type Table } from './table.js';
import { megabytes, XLSX_LIMITS } from './xlsx-limits.js';
import { isOle, isOpenDocument, isZip } from './zip-magic.js';

/** A return: its bytes, or its bytes in chunks for a file too large to hold whole. */
export type ReturnFile = { file: string; bytes: Uint8Array } | { file: string; chunks: Iterable<Uint8Array> };

export interface ReadOptions {
  /** Layout of the returns; detected from the header by default. */
  layout?: LayoutChoice;
  /** --year: the year of a return that has no year column and no year in its title. */
  year?: number;
  /** The sheet of a workbook to read, by name or 1-based number; the first by default. */
  sheet?: string;
  /** A text return given in chunks is read in pieces of about this many bytes (default 4 MiB). */
  pieceBytes?: number;
  /**
   * Internal, for tests: false reads every row with the general row reader, never the fast
   * one (fast-rows.ts), to prove that both read a return alike.
   */
  fastRows?: boolean;
}

export interface ReturnsRead {
  /** The cells read, indexed (src/model/cells.ts). */
  cells: CellStore;
  /** The same cells as objects, made when first asked for: a large return is better read through `cells`. */
  readonly observations: Observation[];
  /** The findings kept (all of them, unless the caller's Findings bounds them). */
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
export function readReturns(files: ReturnFile[], ctx: ReturnsContext, options: ReadOptions = {}, findings?: Findings): ReturnsRead {
  const run = newRun(ctx, options, findings);
  for (const f of files) readText(f, run);
  return finish(run, files);
}

/** Any return: CSV or tab-separated text, or an .xlsx workbook; long or wide. */
export async function readReturnsAsync(files: ReturnFile[], ctx: ReturnsContext, options: ReadOptions = {}, findings?: Findings): Promise<ReturnsRead> {
  const run = newRun(ctx, options, findings);
  for (const given of files) {
    const f = workbookWhole(given, run);
    if (!f) continue;
    const { file } = f;
    const head = 'bytes' in f ? f.bytes : undefined;
    if (head && isOle(head)) {
      run.diagnostics.push(diag('error', 'data/xls-workbook', {}, { file, line: 1, column: 1 }));
    } else if (head && isOpenDocument(head)) {
      run.diagnostics.push(diag('error', 'data/ods-workbook', {}, { file, line: 1, column: 1 }));
    } else if (head && isZip(head)) {
      // Loaded only now: a run on CSV files never loads the workbook reader.
      const { readWorkbook } = await import('./xlsx.js');
      const read = await readWorkbook(head, file, options.sheet);
      run.diagnostics.push(...read.diagnostics);
      if (!read.grid) continue;
      run.sheets[file] = read.grid.sheet!;
      readGrid(read.grid, run);
    } else {
      readText(f, run);
    }
  }
  return finish(run, files);
}

/**
 * A return given in chunks (a file over 4 MiB, or standard input) that is a workbook, held
 * whole as the workbook reader needs it, up to the size a workbook may have; any other
 * return as it was given, its first chunk put back. Undefined, with the error, for a
 * workbook over that size.
 */
function workbookWhole(f: ReturnFile, run: Run): ReturnFile | undefined {
  if ('bytes' in f) return f;
  const head = headOf(f.chunks, 4);
  if (!isZip(head.bytes)) return { file: f.file, chunks: prepend(head.bytes, head.rest) };
  const bytes = wholeFile(head, XLSX_LIMITS.totalBytes);
  if (bytes) return { file: f.file, bytes };
  run.diagnostics.push(diag('error', 'data/xlsx-limit-file', { limit: megabytes(XLSX_LIMITS.totalBytes) }, { file: f.file, line: 1, column: 1 }));
  return undefined;
}

/** What a run of the reader gathers, file after file. */
interface Run {
  ctx: ReturnsContext;
  options: ReadOptions;
  book: CellBook;
  /** Where the findings go as they are made (FINDINGS_KEPT of a kind kept, when the caller bounds them). */
  diagnostics: Findings;
  encodings: Record<string, string>;
  layouts: Record<string, Layout>;
  sheets: Record<string, string>;
}

// Keyed by file names, which may be anything (“__proto__”): objects without a prototype.
const byFile = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;
// Without a caller's Findings every finding is kept, as the API has always given them.
const newRun = (ctx: ReturnsContext, options: ReadOptions, findings = new Findings(undefined, Infinity)): Run => ({
  ctx, options, book: new CellBook(ctx.regions), diagnostics: findings, encodings: byFile(), layouts: byFile(), sheets: byFile(),
});

function finish(run: Run, files: readonly ReturnFile[]): ReturnsRead {
  const { encodings, layouts, sheets } = run;
  // The reading is over: the findings it kept adding to are final, and handed on.
  run.diagnostics.close();
  const diagnostics = run.diagnostics.list;
  const cells = run.book.cells;
  let observations: Observation[] | undefined;
  return {
    cells,
    get observations() {
      return (observations ??= inReturnOrder(cells, files.map((f) => f.file)));
    },
    diagnostics,
    encodings,
    layouts,
    sheets,
  };
}

const DEFAULT_PIECE_BYTES = 4 * 1024 * 1024;

const yearGiven = (options: ReadOptions): { year?: number } => (options.year !== undefined ? { year: options.year } : {});

function readText(f: ReturnFile, run: Run): void {
  if ('bytes' in f) readWhole(f.file, f.bytes, run);
  else readPieces(f.file, f.chunks, run);
}

/** A text return held whole: decoded, split into rows, and read as a grid. */
function readWhole(file: string, bytes: Uint8Array, run: Run): void {
  const decoded = decode(bytes, file);
  run.diagnostics.push(...decoded.diagnostics);
  if (decoded.text === undefined) return;
  run.encodings[file] = decoded.encoding;
  const read = readTable(decoded.text, file);
  run.diagnostics.push(...read.diagnostics);
  if (read.table) readGrid(gridOfTable(read.table, file), run, undefined, undefined, decoded.encoding === 'gb18030' && mayHoldBig5(decoded.text));
}

/**
 * A grid (a text return's rows, or a workbook's sheet): its layout found from the header (or
 * given), then each data row read by the file's row reader (or the one given).
 */
function readGrid(grid: Grid, run: Run, known?: LayoutRead, reader?: RowReader, big5?: boolean | Big5Cells): void {
  const layout = known ?? readLayout(grid, run.ctx.regions, run.options.layout ?? 'auto', yearGiven(run.options));
  run.diagnostics.push(...layout.diagnostics);
  if (big5 === true) big5Cells(grid, layout, run).check(grid.rows);
  else if (big5) big5.check(grid.rows);
  if (!layout.layout) return;
  run.layouts[grid.file] = layout.layout;
  reader ??= rowReader(grid, layout, run);
  for (let r = layout.firstData; r < grid.rows.length; r++) reader.readRow(grid.rows[r]!);
}

/**
 * The check of a GB18030 file for Big5 read as GBK (decode-big5.ts): a cell of the note column
 * or of a column a long return passes over is misread only for the people who read it (a
 * warning); any other cell would be read wrong (an error).
 */
function big5Cells(grid: Grid, layout: LayoutRead, run: Run): Big5Cells {
  if (!layout.layout) return new Big5Cells(grid, run.diagnostics);
  const { columns } = layout;
  const used = new Set(Object.values(columns));
  const passedOver = layout.layout === 'long';
  return new Big5Cells(grid, run.diagnostics, (i) => i === columns.note || (passedOver && !used.has(i)));
}

/**
 * The row reader of a file: the fast one (fast-rows.ts) for a long CSV, handing the general
 * one every row it does not store; the general one for anything else.
 */
function rowReader(grid: Pick<Grid, 'file' | 'sheet'>, layout: LayoutFound, run: Run): RowReader {
  const general = new GeneralRows(layout, run.ctx, run.book, run.diagnostics);
  if (run.options.fastRows === false || layout.layout !== 'long' || grid.sheet !== undefined) return general;
  return FastRows.of(run.book, grid.file, layout, run.ctx, general) ?? general;
}

/**
 * A text return in chunks, too large to hold whole. Its first piece (the header and the rows
 * of the first 64 KiB) is read as a whole file is, and sets the layout; a long return then
 * goes on piece by piece, in memory that does not grow with the file. Anything that is not a
 * long UTF-8 or GB18030 text is read whole.
 */
function readPieces(file: string, chunks: Iterable<Uint8Array>, run: Run): void {
  const size = run.options.pieceBytes ?? DEFAULT_PIECE_BYTES;
  const head = headOf(chunks, size);
  // Small files, UTF-16, workbooks and binary files are read whole.
  const first = head.bytes;
  if (head.done || isUtf16(first) || isZip(first) || isOle(first) || first.indexOf(0) >= 0) return readWhole(file, wholeFile(head), run);

  // Whether it starts with a BOM is seen before any piece is taken: the head may lie in a
  // chunk's memory, which the chunks after it reuse.
  const decoder = new PieceText(file, hasUtf8Bom(first));
  // The first piece: decoded, split into rows and laid out.
  const pieces = piecesOf(head, size)[Symbol.iterator]();
  const firstPiece = pieces.next();
  if (firstPiece.done) return;
  // Held to the size limits as every later piece is, and as the file held whole would be: a
  // row of 1,001 cells fits in the first piece's 64 KiB.
  const limits = checkLimits(firstPiece.value.bytes, file);
  if (limits.length) return void run.diagnostics.push(...limits);
  const text = decoder.decode(firstPiece.value, run.diagnostics);
  if (text === undefined) return;
  const read = readTable(text, file);
  run.diagnostics.push(...read.diagnostics);
  if (!read.table) return;
  const grid = gridOfTable(read.table, file);
  const layout = readLayout(grid, run.ctx.regions, run.options.layout ?? 'auto', yearGiven(run.options));
  // A wide return (one row a year or a region) is never national-scale: read it whole.
  if (layout.layout !== 'long') return readWhole(file, joinRest(firstPiece.value, pieces), run);
  run.encodings[file] = decoder.encoding;
  // One row reader for all the pieces, so that the file is one source in the store.
  const reader = rowReader(grid, layout, run);
  // Big5 read as GBK, looked for in the pieces of a GB18030 file that show its marks.
  let big5: Big5Cells | undefined;
  const big5Of = (text: string): Big5Cells | undefined =>
    decoder.encoding === 'gb18030' && (big5 || mayHoldBig5(text)) ? (big5 ??= big5Cells(grid, layout, run)) : undefined;
  readGrid(grid, run, layout, reader, big5Of(text));
  if (readLaterPieces(file, pieces, read.table.delimiter, decoder, reader, run, big5Of)) return;
  // Refused part way (整个文件未读取, as the message says): none of its cells is evaluated,
  // as none would be of the same file held whole, which is refused before a row is read.
  run.book.dropFile(file);
  delete run.encodings[file];
  delete run.layouts[file];
}

/**
 * The pieces of a return after its first: each held to the size limits, then its rows read:
 * from its bytes by the fast reader when it is plain UTF-8, else decoded and split into rows
 * first. False, with the error, when a piece refuses the whole file.
 */
function readLaterPieces(
  file: string,
  pieces: Iterator<Piece>,
  delimiter: Table['delimiter'],
  decoder: PieceText,
  reader: RowReader,
  run: Run,
  big5Of: (text: string) => Big5Cells | undefined,
): boolean {
  for (let p = pieces.next(); !p.done; p = pieces.next()) {
    const piece = p.value;
    const limits = checkPieceLimits(piece, file, delimiter.charCodeAt(0));
    if (limits.length) {
      run.diagnostics.push(...limits);
      return false;
    }
    const plain = isPlain(piece.bytes);
    if (plain && reader instanceof FastRows && decoder.isUtf8(piece)) {
      reader.readBytes(piece, delimiter);
      continue;
    }
    const pieceText = decoder.decode(piece, run.diagnostics);
    if (pieceText === undefined) return false;
    run.encodings[file] = decoder.encoding;
    const rows = pieceRows(pieceText, file, { delimiter, lineOffset: piece.lineOffset, plain }, run.diagnostics);
    const checked = big5Of(pieceText);
    if (checked) {
      const held = [...rows];
      checked.check(held);
      for (const row of held) reader.readRow(row);
    } else {
      for (const row of rows) reader.readRow(row);
    }
  }
  return true;
}
