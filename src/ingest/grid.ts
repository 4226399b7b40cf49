// A return as a grid of text cells, each knowing where it is: a CSV row and
// field (file:line:column) or a workbook cell (file:Sheet1!D7). The layout
// reader (layout.ts) and the row readers (row-reader.ts) work on this, so a
// CSV and a workbook, long or wide, are read by the same code; and so are the
// rows of each later piece of a text return read in pieces (pieceRows).
import type { Diagnostic, FindingSink, Params, Where } from '../diagnostics.js';
import { readTable, type PieceOptions, type Table } from './table.js';
import { columnLetters } from '../text/column-letters.js';

/** What a workbook cell says beyond its text. */
export interface CellMark {
  /** Inside a merged range but not its top-left cell: its text is the range's. */
  merged?: boolean;
  /** Its content cannot be used (an Excel error value, a formula with no saved result). */
  problem?: { code: string; params: Params };
}

export interface GridRow {
  /** 1-based line of a CSV, or row number of a sheet. */
  line: number;
  /**
   * Text by 0-based column, as the user sees it: a number written out, a percent
   * cell as `98.2%`. A hole is an empty cell.
   */
  texts: Array<string | undefined>;
  /** Workbook cells with something to say, by 0-based column. */
  marks?: Map<number, CellMark>;
}

export interface Grid {
  file: string;
  /** The sheet read, for a workbook. */
  sheet?: string;
  /** Non-empty rows, in order. */
  rows: GridRow[];
}

/** One cell, trimmed, with where it is. */
export interface Cell {
  text: string;
  at: Where;
}

/** Where a cell of the grid is, whether or not the file holds anything there. */
export function locate(grid: Pick<Grid, 'file' | 'sheet'>, line: number, column: number): Where {
  return grid.sheet !== undefined
    ? { file: grid.file, line, column, sheet: grid.sheet, cell: `${columnLetters(column)}${line}` }
    : { file: grid.file, line, column };
}

/**
 * A cell whose place is worked out only when a message or an observation asks for it:
 * most cells of a long return are read and never cited.
 */
class GridCell implements Cell {
  constructor(
    public text: string,
    private readonly grid: Pick<Grid, 'file' | 'sheet'>,
    private readonly line: number,
    private readonly column: number,
  ) {}

  get at(): Where {
    return locate(this.grid, this.line, this.column);
  }
}

/** The trimmed cell at a 0-based column of a row ('' when the row has nothing there). */
export function cellAt(grid: Pick<Grid, 'file' | 'sheet'>, row: GridRow, index: number): Cell {
  return new GridCell((row.texts[index] ?? '').trim(), grid, row.line, index + 1);
}

/** A CSV table (header and rows) as a grid. */
export function gridOfTable(table: Table, file: string): Grid {
  return { file, rows: [{ line: table.headerLine, texts: table.header }, ...table.rows.map((r) => ({ line: r.line, texts: r.cells }))] };
}

/**
 * The rows of a later piece of a text return (after the header's piece), as grid rows. A
 * plain piece (no quotes, CRLF or LF line ends: pieces.ts, isPlain) is split line by line as
 * its rows are asked for, so that nothing of a row outlives it (readTable would hold all the
 * rows of the piece at once); any other is read by readTable, its diagnostics into `diagnostics`.
 */
export function* pieceRows(text: string, file: string, piece: PieceOptions & { plain: boolean }, diagnostics: FindingSink): Generator<GridRow> {
  if (!piece.plain) {
    const table = readTable(text, file, piece);
    diagnostics.push(...table.diagnostics);
    if (table.table) for (const r of table.table.rows) yield { line: r.line, texts: r.cells };
    return;
  }
  let line = piece.lineOffset;
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    line++;
    let lineEnd = end;
    if (lineEnd > start && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    const lineText = text.slice(start, lineEnd);
    start = end + 1;
    if (lineText !== '') yield { line, texts: lineText.split(piece.delimiter) };
  }
}
