// Statistical returns → observations: each file decoded, split into rows, and
// every row checked against the plan. Bad input is a located diagnostic, never
// an exception, and every problem of a file is reported in the same run.
import { isAscii, isUtf8 } from 'node:buffer';
import { indexOfByte } from './byte-search.js';
import { diag, type Diagnostic, type Where } from '../diagnostics.js';
import type { Indicator, Plan, Region } from '../plan/model.js';
import type { IndicatorIndex, RegionIndex } from '../plan/lookup.js';
import {
  CELL_UNIT_SCALE, parseBoolean, parseNumber, parseResidence, parseSex, parseUnitCell, parseYear,
  type CellNumber, type CellUnit,
} from './cells.js';
import { CellStore, slot } from '../engine/cells.js';
import { FastRows, isCellUnit, scaleOf, unitKey } from './fast-rows.js';
import { decode } from './decode.js';
import { gridOfTable, placeText, type Cell, type Grid } from './grid.js';
import { RETURN_COLUMNS, specOf, type ReturnColumn } from './header.js';
import { readLayout, type Layout, type LayoutChoice, type LayoutRead, type RowView, type RowViews } from './layout.js';
import { checkMixedEncoding, firstNonUtf8Line, utf8Damage } from './limits.js';
import type { Observation, RowRef } from './observation.js';
import { checkPieceLimits, countLines, joinAll, lastRecordEnd, recordPieces, type Piece } from './pieces.js';
import { detectDelimiter, readTable } from './table.js';
import { isOle, isOpenDocument, isZip } from './zip-magic.js';
import { escapeControls } from '../text/controls.js';

/** A return: its bytes, or its bytes in chunks for a file too large to hold whole. */
export type ReturnFile = { file: string; bytes: Uint8Array } | { file: string; chunks: Iterable<Uint8Array> };

export interface ReturnsContext {
  plan: Plan;
  indicators: IndicatorIndex;
  regions: RegionIndex;
}

export interface ReadOptions {
  /** Layout of the returns; detected from the header by default. */
  layout?: LayoutChoice;
  /** The sheet of a workbook to read, by name or 1-based number; the first by default. */
  sheet?: string;
  /** A text return given in chunks is read in pieces of about this many bytes (default 4 MiB). */
  pieceBytes?: number;
}

export interface ReturnsRead {
  /** The cells read, indexed (src/engine/cells.ts). */
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
    const plain = indexOfByte(bytes, QUOTE) < 0 && !hasLoneCr(bytes);
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

/** A carriage return not followed by a line feed. */
function hasLoneCr(bytes: Uint8Array): boolean {
  for (let i = indexOfByte(bytes, 0x0d); i >= 0; i = bytes.indexOf(0x0d, i + 1)) if (bytes[i + 1] !== 0x0a) return true;
  return false;
}

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

const HEAD_BYTES = 64 * 1024;

/** The first chunk and all the rest, joined: each copied as it comes, as a reader may reuse a chunk's memory. */
function copyAll(first: Uint8Array, rest: Iterable<Uint8Array>): Uint8Array {
  const parts = [first.slice()];
  for (const chunk of rest) parts.push(chunk.slice());
  return joinAll(parts);
}

/** The head of a file as its first piece, then the rest of it in pieces. */
function* afterHead(first: Uint8Array, headEnd: number, rest: Iterable<Uint8Array>, delimiter: number, size: number): Generator<Piece> {
  const head = first.subarray(0, headEnd);
  yield { bytes: head, lineOffset: 0 };
  yield* recordPieces(prepend(first.subarray(headEnd), rest), delimiter, size, countLines(head));
}

function* prepend(first: Uint8Array, rest: Iterable<Uint8Array>): Generator<Uint8Array> {
  yield first;
  yield* rest;
}

const isUtf16 = (b: Uint8Array): boolean => (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);

/**
 * Decodes the pieces of one file as decode() decodes a whole one: UTF-8 (after a BOM,
 * or while it holds), else GB18030; a file that turns from UTF-8 Chinese to GBK is refused.
 */
class PieceText {
  encoding: 'utf-8' | 'utf-8-bom' | 'gb18030';
  private utf8Line = 0;
  private undecodable = false;
  constructor(
    private readonly file: string,
    bom: boolean,
  ) {
    this.encoding = bom ? 'utf-8-bom' : 'utf-8';
  }

  /**
   * Whether a piece after the first reads as UTF-8 as it stands, so that its bytes can be read
   * without decoding them. False sends it to decode(), which says what is wrong or turns to GB18030.
   */
  isUtf8(piece: Piece): boolean {
    const { bytes } = piece;
    if (this.encoding === 'gb18030' || piece.lineOffset === 0 || indexOfByte(bytes, 0) >= 0 || !isUtf8(bytes)) return false;
    this.sawUtf8(piece);
    return true;
  }

  /** The first line with UTF-8 Chinese, for a message about GBK lines after it. */
  private sawUtf8({ bytes, lineOffset }: Piece): void {
    if (this.utf8Line !== 0 || isAscii(bytes)) return;
    const skip = lineOffset === 0 && this.encoding === 'utf-8-bom' ? 3 : 0;
    let wide = skip;
    while (wide < bytes.length && bytes[wide]! < 0x80) wide++;
    if (wide < bytes.length) this.utf8Line = lineOffset + countLines(bytes.subarray(0, wide)) + 1;
  }

  decode(piece: Piece, diagnostics: Diagnostic[]): string | undefined {
    const { bytes, lineOffset } = piece;
    const nul = bytes.indexOf(0);
    if (nul >= 0) return void diagnostics.push(diag('error', 'data/binary-file', {}, { file: this.file, line: lineOffset + countLines(bytes.subarray(0, nul)) + 1, column: 1 }));
    if (this.encoding !== 'gb18030') {
      try {
        const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: lineOffset > 0 }).decode(bytes);
        this.sawUtf8(piece);
        return text;
      } catch {
        const bad = firstNonUtf8Line(bytes);
        if (this.encoding === 'utf-8-bom' || this.utf8Line > 0) {
          // UTF-8 Chinese earlier in the file, and now lines that are not UTF-8: pasted from another file.
          const gbkLine = lineOffset + bad;
          if (this.encoding === 'utf-8-bom') return void diagnostics.push(diag('error', 'data/bad-encoding', { encoding: 'utf-8-bom' }, { file: this.file, line: gbkLine, column: 1 }));
          const damaged = utf8Damage(bytes, bad);
          if (damaged) return void diagnostics.push(diag('error', 'data/bad-utf8-byte', damaged, { file: this.file, line: gbkLine, column: 1 }));
          return void diagnostics.push(diag('error', 'data/mixed-encoding', { utf8Line: this.utf8Line, gbkLine }, { file: this.file, line: gbkLine, column: 1 }));
        }
        // Plain ASCII so far, which reads the same in GB18030: from here on the file is GB18030.
        this.encoding = 'gb18030';
      }
    }
    const mixed = checkMixedEncoding(bytes, this.file);
    if (mixed.length) return void diagnostics.push(...mixed.map((d) => ({ ...d, line: (d.line ?? 1) + lineOffset })));
    const text = new TextDecoder('gb18030').decode(bytes);
    if (!this.undecodable) {
      const bad = text.indexOf('\uFFFD');
      if (bad >= 0) {
        this.undecodable = true;
        diagnostics.push(diag('warning', 'data/undecodable-bytes', {}, { file: this.file, line: lineOffset + text.slice(0, bad).split('\n').length, column: 1 }));
      }
    }
    return text;
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

interface RowResult {
  observation?: Observation;
  /** The value as a duplicate of this row shows it, and the cell it is reported on. */
  shown: Cell;
  diagnostics: Diagnostic[];
}

type Problem = (code: string, params: Diagnostic['params'], at: Where, severity?: 'error' | 'warning') => void;

function readRow(view: RowView, ctx: ReturnsContext): RowResult {
  const diagnostics: Diagnostic[] = [];
  const problem: Problem = (code, params, at, severity = 'error') => void diagnostics.push(diag(severity, code, params, at));
  const cells = view.cells;

  const indicator = readIndicator(cells.indicator, ctx.indicators, problem);
  const region = readRegion(cells.region, ctx.regions, problem);
  const year = readYear(cells.year, problem);
  const sex = readDisaggregation(cells.sex, parseSex, 'data/bad-sex', problem);
  const residence = readDisaggregation(cells.residence, parseResidence, 'data/bad-residence', problem);
  const measured = readMeasure(indicator, view, problem);
  if (view.extra) problem('data/extra-cells', { value: view.extra.text }, view.extra.at, 'warning');

  const valueCell = cells.value ?? cells.numerator ?? { text: '', at: view.rowAt };
  // A value computed from its ratio has no text of its own to quote.
  const shown: Cell = { text: valueCell.text || (typeof measured?.value === 'number' ? String(round(measured.value, 6)) : ''), at: valueCell.at };
  // A ratio that disagrees with its value is kept, marked invalid, so the verdict says so.
  const unusable = diagnostics.some((d) => d.severity === 'error' && d.code !== 'data/ratio-mismatch') || view.problems.length > 0;
  if (unusable || !indicator || !region || year === undefined || !sex || !residence || !measured) return { diagnostics, shown };

  // Shown in every format and on the terminal: its control characters made visible (src/text/controls.ts).
  const note = escapeControls(cells.note?.text ?? '');
  const at: NonNullable<Observation['at']> = {};
  if (cells.value && cells.value.text !== '') at.value = cells.value.at;
  if (measured.numerator !== undefined && cells.numerator) at.numerator = cells.numerator.at;
  if (measured.denominator !== undefined && cells.denominator) at.denominator = cells.denominator.at;
  const observation: Observation = {
    indicatorId: indicator.id,
    regionCode: region.code,
    year,
    sex,
    residence,
    value: measured.value,
    ...(measured.numerator !== undefined ? { numerator: measured.numerator } : {}),
    ...(measured.denominator !== undefined ? { denominator: measured.denominator } : {}),
    notes: note === '' ? [] : [note],
    derived: false,
    rows: [view.ref],
    ...(measured.invalid ? { invalid: measured.invalid } : {}),
    ...(measured.unit ? { unitGiven: measured.unit } : {}),
    at,
  };
  return { observation, shown, diagnostics };
}

function readIndicator(cell: Cell | undefined, indicators: IndicatorIndex, problem: Problem): Indicator | undefined {
  if (!cell) return undefined;
  if (cell.text === '') return void problem('data/missing-indicator', {}, cell.at);
  const hit = indicators.find(cell.text);
  if (hit.found) return hit.found;
  if (hit.suggestion !== undefined) problem('data/unknown-indicator-did-you-mean', { name: cell.text, suggestion: hit.suggestion }, cell.at);
  else problem('data/unknown-indicator', { name: cell.text }, cell.at);
  return undefined;
}

/** An absent region column, or an empty cell in it, means the plan's top region (全市). */
function readRegion(cell: Cell | undefined, regions: RegionIndex, problem: Problem): Region | undefined {
  if (!cell || cell.text === '') return regions.top;
  const hit = regions.find(cell.text);
  if (hit.found) return hit.found;
  if (hit.ambiguous) problem('data/ambiguous-region', { name: cell.text, candidates: hit.ambiguous.join('、') }, cell.at);
  else if (hit.suggestion !== undefined) problem('data/unknown-region-did-you-mean', { name: cell.text, suggestion: hit.suggestion }, cell.at);
  else problem('data/unknown-region', { name: cell.text }, cell.at);
  return undefined;
}

function readYear(cell: Cell | undefined, problem: Problem): number | undefined {
  if (!cell) return undefined;
  if (cell.text === '') return void problem('data/missing-year', {}, cell.at);
  const year = parseYear(cell.text);
  if (year.problem) return void problem(`data/${year.problem}`, { value: cell.text }, cell.at);
  return year.value;
}

function readDisaggregation<T extends string>(
  cell: Cell | undefined,
  parse: (raw: string) => { value?: T; problem?: string },
  code: string,
  problem: Problem,
): T | undefined {
  // parse('') is the total, which is what an absent column means.
  const parsed = parse(cell?.text ?? '');
  if (parsed.value === undefined && cell) problem(code, { value: cell.text }, cell.at);
  return parsed.value;
}

interface Measured {
  value: number | boolean | null;
  numerator?: number;
  denominator?: number;
  invalid?: 'ratio-mismatch';
  /** The unit the value was given in, when it differs from the indicator's and was converted. */
  unit?: CellUnit;
}

/**
 * The value of a row in the indicator's own unit: read from the value cell
 * (converting %, ‰, ‱), computed from numerator / denominator, or both and checked
 * against each other. Without a known indicator only the cells' syntax is checked.
 */
function readMeasure(indicator: Indicator | undefined, view: RowView, problem: Problem): Measured | undefined {
  const cells = view.cells;
  const valueCell = cells.value;
  if (indicator?.measure === 'boolean') {
    if (cells.numerator?.text || cells.denominator?.text) {
      problem('data/ratio-not-rate', { indicator: indicator.name }, (cells.numerator?.text ? cells.numerator : cells.denominator)?.at ?? view.rowAt);
    }
    return readBoolean(valueCell, problem);
  }
  if (!indicator && valueCell && parseBoolean(valueCell.text).value !== undefined) return undefined;

  const given = valueCell ? readNumber(valueCell, 'value', problem) : { number: null, decimals: 0 };
  const ratio = readRatio(indicator, cells, given?.number ?? null, problem);
  if (!indicator || !given || ratio === 'unusable') return undefined;

  const converted = valueCell ? convertUnit(indicator, valueCell, given, cells.unit, problem) : { value: null, tolerance: 0 };
  if (!converted) return undefined;
  if (converted.value !== null && converted.value < 0 && (indicator.measure === 'rate' || indicator.measure === 'count')) {
    return void problem('data/negative-value', { value: valueCell?.text ?? '', indicator: indicator.name }, valueCell?.at ?? view.rowAt);
  }
  const unit = converted.unit ? { unit: converted.unit } : {};
  if (!ratio) return { value: converted.value, ...unit };

  // Whether a numerator may exceed its denominator depends on the indicator (a gross
  // enrolment ratio may pass 100 %): that is a consistency rule of the plan (plan/checks.yaml).
  const { numerator, denominator } = ratio;
  const computed = (numerator / denominator) * scaleOf(indicator);
  if (converted.value === null) return { value: computed, numerator, denominator };
  // A given value agrees when it is the computed one rounded to the decimals it was written with.
  if (Math.abs(converted.value - computed) > converted.tolerance + 1e-9) {
    problem('data/ratio-mismatch', { value: valueCell?.text ?? '', computed: round(computed, 4), numerator, denominator }, valueCell?.at ?? view.rowAt);
    return { value: converted.value, numerator, denominator, invalid: 'ratio-mismatch', ...unit };
  }
  return { value: converted.value, numerator, denominator, ...unit };
}

function readBoolean(cell: Cell | undefined, problem: Problem): Measured | undefined {
  if (!cell) return { value: null };
  // 无 is "no" here, so the yes/no words are read before the missing markers.
  const yes = parseBoolean(cell.text);
  if (yes.value !== undefined) return { value: yes.value };
  const missing = parseNumber(cell.text);
  if (missing.value?.number === null) return { value: null };
  return void problem('data/bad-boolean', { value: cell.text }, cell.at);
}

const LABELS: Partial<Record<ReturnColumn, string>> = {};
function labelOf(id: ReturnColumn): string {
  return (LABELS[id] ??= specOf(RETURN_COLUMNS, id).label);
}

function readNumber(cell: Cell, column: ReturnColumn, problem: Problem): CellNumber | undefined {
  const parsed = parseNumber(cell.text);
  if (parsed.problem) return void problem(`data/${parsed.problem}`, { value: cell.text, label: labelOf(column), field: column }, cell.at);
  return parsed.value;
}

/**
 * Numerator and denominator, when the row gives them: undefined when it gives
 * neither, 'unusable' when they cannot be used and there is no value to fall back on.
 */
function readRatio(
  indicator: Indicator | undefined,
  cells: RowView['cells'],
  given: number | null,
  problem: Problem,
): { numerator: number; denominator: number } | 'unusable' | undefined {
  const numCell = cells.numerator;
  const denCell = cells.denominator;
  if (!numCell || !denCell) return undefined;
  const fail = (code: string, params: Diagnostic['params'], at: Where): 'unusable' => {
    problem(code, params, at);
    return 'unusable';
  };
  const num = readNumber(numCell, 'numerator', problem);
  const den = readNumber(denCell, 'denominator', problem);
  if (!num || !den) return 'unusable';
  if (num.number === null && den.number === null) return undefined;
  if (num.unit) return fail('data/ratio-with-unit', { value: numCell.text }, numCell.at);
  if (den.unit) return fail('data/ratio-with-unit', { value: denCell.text }, denCell.at);
  if (indicator && indicator.measure !== 'rate') return fail('data/ratio-not-rate', { indicator: indicator.name }, numCell.at);
  if (num.number === null || den.number === null) {
    const blank = num.number === null ? numCell : denCell;
    const field: ReturnColumn = num.number === null ? 'numerator' : 'denominator';
    const params = { label: labelOf(field), field };
    // With a value the row is still usable; without one it says nothing.
    if (given === null) return fail('data/ratio-incomplete', params, blank.at);
    problem('data/ratio-incomplete', params, blank.at, 'warning');
    return undefined;
  }
  if (num.number < 0) return fail('data/negative-numerator', { value: numCell.text }, numCell.at);
  if (den.number <= 0) return fail('data/bad-denominator', { value: denCell.text }, denCell.at);
  return { numerator: num.number, denominator: den.number };
}

/**
 * The given value in the indicator's unit, with the rounding it carries there.
 * "0.32%" for a ‰ indicator is 3.2‰; a % on a count cannot be converted.
 */
function convertUnit(
  indicator: Indicator,
  valueCell: Cell,
  given: CellNumber,
  unitCell: Cell | undefined,
  problem: Problem,
): { value: number | null; tolerance: number; unit?: CellUnit } | undefined {
  const own = unitKey(indicator.unit);
  let columnUnit: CellUnit | undefined;
  if (unitCell && unitCell.text !== '' && unitKey(unitCell.text) !== own) {
    const named = parseUnitCell(unitCell.text);
    if (!named.unit) return void problem('data/unknown-unit', { unit: unitCell.text, expected: indicator.unit, indicator: indicator.name }, unitCell.at);
    columnUnit = named.unit;
  }
  if (given.unit && unitCell && unitCell.text !== '' && (columnUnit ?? indicator.unit) !== given.unit) {
    return void problem('data/unit-conflict', { value: valueCell.text, unit: unitCell.text }, valueCell.at);
  }
  const unit = given.unit ?? columnUnit;
  const rounding = 0.5 * 10 ** -given.decimals;
  if (given.number === null || unit === undefined || unitKey(unit) === own) return { value: given.number, tolerance: rounding };
  if (indicator.scale === undefined && !isCellUnit(indicator.unit)) {
    return void problem('data/unit-mismatch', { value: valueCell.text, unit, expected: indicator.unit, indicator: indicator.name }, valueCell.at);
  }
  const factor = scaleOf(indicator) / CELL_UNIT_SCALE[unit];
  return { value: round(given.number * factor, 15), tolerance: rounding * factor, unit };
}

/** Drops the float noise of a conversion (0.32 × 10 = 3.2000000000000003). */
function round(x: number, significant: number): number {
  return Number(x.toPrecision(significant));
}

/**
 * Observations by cell, in a CellStore. Two rows for one cell are a conflict when their
 * values differ (never "last one wins"), a harmless repeat when they agree.
 */
class CellBook {
  readonly cells: CellStore;
  /** The value of a cell's first row as written, for a message about a later row. */
  private readonly written = new WeakMap<Observation, string>();

  constructor(regions: RegionIndex) {
    // The regions known numbered as the index numbers them (the plan's first, so that the
    // store's columns for them are short), without a second map of their codes.
    this.cells = new CellStore([], regions);
  }

  add(observation: Observation, shown: Cell, diagnostics: Diagnostic[]): void {
    const { cells } = this;
    const s = slot(observation.sex, observation.residence);
    const writtenValue = cells.writtenValue(observation.indicatorId, observation.regionCode, observation.year, s);
    const first = cells.get(observation.indicatorId, observation.regionCode, observation.year, observation.sex, observation.residence);
    if (!first) {
      cells.put(observation);
      this.written.set(observation, shown.text);
      return;
    }
    // A cell kept in columns becomes an object, to carry both rows.
    if (writtenValue !== undefined) cells.put(first);
    const row = observation.rows[0];
    const firstRow = first.rows[0];
    if (!row || !firstRow) throw new Error('an observation read from a return has its row');
    const params = { first: refText(firstRow), firstValue: writtenValue ?? this.written.get(first) ?? '', value: shown.text };
    const where = shown.at;
    if (sameValue(first.value, observation.value) && first.numerator === observation.numerator && first.denominator === observation.denominator) {
      diagnostics.push(diag('warning', 'data/duplicate-row', params, where));
    } else {
      diagnostics.push(diag('error', 'data/conflict', params, where));
      first.invalid = 'conflict';
      // An invalid cell counts as data for its region, as when it was read first.
      cells.put(first);
    }
    // Both rows stay cited, and no 备注 is lost.
    first.rows.push(row);
    for (const note of observation.notes) if (!first.notes.includes(note)) first.notes.push(note);
  }
}

/** The row a message cites: `file:line` of a CSV row, `file:line:column` of a wide CSV cell, `file:Sheet1!D7` in a workbook. */
function refText(ref: RowRef): string {
  if (ref.sheet !== undefined && ref.cell !== undefined) return placeText({ file: ref.file, sheet: ref.sheet, cell: ref.cell });
  return `${ref.file}:${ref.line}${ref.column !== undefined ? `:${ref.column}` : ''}`;
}

function sameValue(a: Observation['value'], b: Observation['value']): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return a === b;
}
