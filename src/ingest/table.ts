// Text → header and rows, each row with the line it starts on. Comma or tab
// delimited (Excel's "Unicode 文本" is tab-separated), CRLF or LF.
import { parse } from 'csv-parse/sync';
import { diag, type Diagnostic } from '../diagnostics.js';

export interface TableRow {
  /** 1-based line the row starts on (a quoted cell may span lines). */
  line: number;
  cells: string[];
}

export interface Table {
  delimiter: ',' | '\t';
  header: string[];
  headerLine: number;
  rows: TableRow[];
}

export type TableResult = { table: Table; diagnostics: Diagnostic[] } | { table?: undefined; diagnostics: Diagnostic[] };

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

/** How to read a later piece of a file read in pieces: its delimiter is the header's, its lines come after others, and it has no header. */
export interface PieceOptions {
  delimiter: ',' | '\t';
  lineOffset: number;
}

export function readTable(text: string, file: string, piece?: PieceOptions): TableResult {
  // One line end everywhere, so csv-parse's line count is the editor's
  // (it counts a CRLF inside a quoted cell as two lines).
  const body = text.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
  const delimiter = piece?.delimiter ?? detectDelimiter(body);
  const offset = piece?.lineOffset ?? 0;
  // Without a quote character anywhere, CSV is lines split at the delimiter:
  // the same result as csv-parse, many times faster for a short run.
  if (!body.includes('"')) return splitTable(body, delimiter, file, offset, piece !== undefined);
  const diagnostics: Diagnostic[] = [];
  let records: CsvRecord[];
  try {
    records = parse(body, {
      delimiter,
      info: true,
      relax_column_count: true,
      // A stray quote inside a cell (12"寸) is text, as Excel reads it.
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (err) => {
        if (err) diagnostics.push(shiftLine(syntaxError(err, body, delimiter, file), offset));
      },
    }) as unknown as CsvRecord[];
  } catch (err) {
    return { diagnostics: [shiftLine(syntaxError(err, body, delimiter, file), offset)] };
  }

  const rows: TableRow[] = [];
  for (const { record, info } of records) {
    // info.lines is the line the record ends on; a record spans one line more per line end in its cells.
    const spanned = record.reduce((n, cell) => n + (cell.match(/\n/gu)?.length ?? 0), 0);
    // A row of empty cells (",,,," left by Excel) is not a row.
    if (record.every((cell) => cell.trim() === '')) continue;
    rows.push({ line: offset + info.lines - spanned, cells: record });
  }
  if (piece) return { table: { delimiter, header: [], headerLine: 0, rows }, diagnostics };
  const first = rows.shift();
  if (!first) return { diagnostics: [...diagnostics, diag('error', 'data/empty-file', {}, { file, line: 1, column: 1 })] };
  return { table: { delimiter, header: first.cells, headerLine: first.line, rows }, diagnostics };
}

/** A table whose rows are read as they are asked for, once: none is kept. */
export interface RowStream {
  delimiter: ',' | '\t';
  header: string[];
  headerLine: number;
  rows: Iterable<TableRow>;
}

/**
 * readTable, its rows read as they are asked for and none kept, for a long file read once
 * (a regions file of 74,000 乡镇): the same header, rows, lines and findings. A text with
 * quotes is read by readTable whole.
 */
export function streamTable(text: string, file: string): { table: RowStream; diagnostics: Diagnostic[] } | { table?: undefined; diagnostics: Diagnostic[] } {
  const body = text.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
  if (body.includes('"')) return readTable(text, file);
  const delimiter = detectDelimiter(body);
  const rows = splitRows(body, delimiter);
  const first = rows.next();
  if (first.done) return { diagnostics: [diag('error', 'data/empty-file', {}, { file, line: 1, column: 1 })] };
  return { table: { delimiter, header: first.value.cells, headerLine: first.value.line, rows: { [Symbol.iterator]: () => rows } }, diagnostics: [] };
}

/** The rows of a text without quotes, one at a time: its lines split at the delimiter, blank ones left out. */
function* splitRows(body: string, delimiter: ',' | '\t', offset = 0): Generator<TableRow, void> {
  let line = offset;
  for (let start = 0; start < body.length; ) {
    let end = body.indexOf('\n', start);
    if (end < 0) end = body.length;
    line++;
    const text = body.slice(start, end);
    start = end + 1;
    if (text === '') continue;
    const cells = text.split(delimiter);
    if (cells.every((cell) => cell.trim() === '')) continue;
    yield { line, cells };
  }
}

function splitTable(body: string, delimiter: ',' | '\t', file: string, offset: number, headerless: boolean): TableResult {
  const rows = [...splitRows(body, delimiter, offset)];
  if (headerless) return { table: { delimiter, header: [], headerLine: 0, rows }, diagnostics: [] };
  const first = rows.shift();
  if (!first) return { diagnostics: [diag('error', 'data/empty-file', {}, { file, line: 1, column: 1 })] };
  return { table: { delimiter, header: first.cells, headerLine: first.line, rows }, diagnostics: [] };
}

/** Tab when the header line has a tab and no comma outside quotes. */
export function detectDelimiter(text: string): ',' | '\t' {
  // The first line that is not blank, found line by line: splitting the whole text would
  // make an array of all its lines to look at one.
  let header = '';
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    if (line.trim() !== '') {
      header = line;
      break;
    }
    start = end + 1;
  }
  const unquoted = header.replace(/"(?:[^"]|"")*"/gu, '');
  return unquoted.includes('\t') && !unquoted.includes(',') ? '\t' : ',';
}

const shiftLine = (d: Diagnostic, offset: number): Diagnostic => (offset === 0 ? d : { ...d, line: (d.line ?? 1) + offset });

function syntaxError(err: unknown, text: string, delimiter: string, file: string): Diagnostic {
  const e = err as { code?: string; lines?: number; message?: string };
  if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
    const open = unclosedQuote(text, delimiter);
    if (open) return diag('error', 'data/unclosed-quote', { endLine: e.lines ?? open.line }, { file, line: open.line, column: open.column });
  }
  // The parser's words are English whatever the language, and name its options: the catalog says it.
  return diag('error', 'data/csv-syntax', {}, { file, line: e.lines ?? 1, column: 1 });
}

/**
 * Where the quote that never closes was opened: csv-parse only knows the file
 * ended inside it, which is the last line, not the one to fix.
 */
function unclosedQuote(text: string, delimiter: string): { line: number; column: number } | undefined {
  let line = 1;
  let column = 1;
  let atFieldStart = true;
  let open: { line: number; column: number } | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (open) {
      if (c === '"' && text[i + 1] === '"') i++;
      else if (c === '"') open = undefined;
      else if (c === '\n') line++;
      continue;
    }
    if (c === '"' && atFieldStart) open = { line, column };
    atFieldStart = c === delimiter || c === '\n';
    if (c === delimiter) column++;
    if (c === '\n') {
      line++;
      column = 1;
    }
  }
  return open;
}
