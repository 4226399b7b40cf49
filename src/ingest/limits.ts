// Hard limits on what a return may hold, checked on the raw bytes before anything is
// decoded or split, so that a hostile or broken file (a 100 MB "cell", a binary dump
// renamed .csv) is refused in one linear pass with a located error, instead of being
// decoded, parsed and matched against every indicator name at a cost no one waits for.
//
// The limits are far above anything a statistical return holds:
// - a cell: 131,072 bytes (128 KiB). Excel itself stores at most 32,767 characters in
//   a cell, which is at most 131,068 bytes in UTF-8 / GB18030 / UTF-16.
// - a line: 1,048,576 bytes (1 MiB), eight cells at Excel's limit.
// - a row: 1,000 cells (a wide return has one column per year or region, not thousands).
// A quoted cell may span lines; its length counts across them, so a quote that never
// closes turns the rest of the file into one cell and is caught here too.
import { diag, type Diagnostic } from '../diagnostics.js';
import { byteView, indexOfByte } from './byte-search.js';

export const MAX_CELL_BYTES = 128 * 1024;
export const MAX_LINE_BYTES = 1024 * 1024;
export const MAX_CELLS_PER_ROW = 1000;
/** Excel's own limit on the characters in one cell, quoted in the messages. */
export const EXCEL_CELL_CHARS = 32_767;

export type LimitCode = 'data/cell-too-long' | 'data/line-too-long' | 'data/too-many-cells' | 'data/mixed-encoding';

/**
 * The first limit a return's bytes break, located at its line and field (1-based),
 * or an empty list. Linear in the bytes, no allocation beyond a few numbers.
 *
 * Works on code units: bytes for UTF-8, GB18030/GBK (whose multi-byte sequences never
 * contain `"`, `,`, tab or line feed), 16-bit units for UTF-16 with a byte-order mark.
 * Lengths are reported and limited in bytes. The delimiter is the one the header line
 * suggests: tab when it has a tab and no comma, else comma (as src/ingest/table.ts reads it).
 */
export function checkLimits(bytes: Uint8Array, file: string, knownDelimiter?: number): Diagnostic[] {
  const unit = unitReader(bytes);
  const n = Math.floor((bytes.length - unit.start) / unit.width);
  // A piece of a file after its first has no header of its own: its delimiter is the file's.
  const delimiter = knownDelimiter ?? headerDelimiter(unit, n);
  if (unit.width === 1 && indexOfByte(bytes, QUOTE) < 0) return checkShortLines(bytes, file, unit, delimiter);
  return scanLimits(unit, 0, n, delimiter, 1, file);
}

/**
 * Bytes without a quote, where every line is a record: a line can break a limit only by
 * being long (MAX_CELLS_PER_ROW cells need as many delimiters; a cell or a line over its
 * limit is longer still), so only lines of MAX_CELLS_PER_ROW bytes or more are walked byte
 * by byte; the others are found with indexOf, natively, and never looked into. The
 * findings are those of scanLimits over the whole, which this is a short cut of.
 */
function checkShortLines(bytes: Uint8Array, file: string, unit: UnitReader, delimiter: number): Diagnostic[] {
  const view = byteView(bytes);
  let line = 1;
  for (let start = 0; start < bytes.length; line++) {
    let end = view.indexOf(LF, start);
    if (end < 0) end = bytes.length;
    if (end - start >= MAX_CELLS_PER_ROW) {
      const found = scanLimits(unit, start, end, delimiter, line, file);
      if (found.length) return found;
    }
    start = end + 1;
  }
  return [];
}

/** The limits over code units [from, to), which start a record on line `firstLine`. */
function scanLimits(unit: UnitReader, from: number, to: number, delimiter: number, firstLine: number, file: string): Diagnostic[] {
  const { width, at } = unit;
  let line = firstLine;
  let field = 1;
  let lineStart = from; // in code units
  let cellStart = from;
  let cellLine = firstLine;
  let cellField = 1;
  let inQuotes = false;
  let atCellStart = true;
  const fail = (code: LimitCode, where: { line: number; column: number }, params: Record<string, number>): Diagnostic[] => [
    diag('error', code, params, { file, line: where.line, column: where.column }),
  ];

  for (let i = from; i < to; i++) {
    const c = at(i);
    if (inQuotes) {
      if (c === QUOTE) {
        if (i + 1 < to && at(i + 1) === QUOTE) i++;
        else inQuotes = false;
      } else if (c === LF) {
        line++;
        lineStart = i + 1;
        field = 1;
      }
    } else if (c === delimiter || c === LF) {
      if (c === LF) {
        line++;
        lineStart = i + 1;
        field = 1;
      } else if (++field > MAX_CELLS_PER_ROW) {
        return fail('data/too-many-cells', { line, column: field }, { limit: MAX_CELLS_PER_ROW });
      }
      cellStart = i + 1;
      cellLine = line;
      cellField = field;
      atCellStart = true;
      continue;
    } else if (c === QUOTE && atCellStart) {
      inQuotes = true;
    }
    atCellStart = atCellStart && (c === SPACE || c === CR);
    if ((i - cellStart + 1) * width > MAX_CELL_BYTES) {
      return fail('data/cell-too-long', { line: cellLine, column: cellField }, { limit: MAX_CELL_BYTES, excel: EXCEL_CELL_CHARS });
    }
    if (!inQuotes && (i - lineStart + 1) * width > MAX_LINE_BYTES) {
      return fail('data/line-too-long', { line, column: field }, { limit: MAX_LINE_BYTES });
    }
  }
  return [];
}

const LF = 0x0a;
const CR = 0x0d;
const TAB = 0x09;
const COMMA = 0x2c;
const QUOTE = 0x22;
const SPACE = 0x20;

interface UnitReader {
  /** Bytes per code unit. */
  width: 1 | 2;
  /** Byte offset of the first code unit (after a UTF-16 byte-order mark). */
  start: number;
  at(i: number): number;
}

function unitReader(bytes: Uint8Array): UnitReader {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { width: 2, start: 2, at: (i) => bytes[2 + 2 * i]! | (bytes[3 + 2 * i]! << 8) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { width: 2, start: 2, at: (i) => (bytes[2 + 2 * i]! << 8) | bytes[3 + 2 * i]! };
  return { width: 1, start: 0, at: (i) => bytes[i]! };
}

/** Tab when the first non-blank line has a tab and no comma outside quotes; else comma. Looks at the first 1 MiB only. */
function headerDelimiter(unit: UnitReader, n: number): number {
  let tab = false;
  let comma = false;
  let inQuotes = false;
  let seen = false;
  const end = Math.min(n, MAX_LINE_BYTES);
  for (let i = 0; i < end; i++) {
    const c = unit.at(i);
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (c === LF && !inQuotes) {
      if (seen) break;
    } else if (!inQuotes) {
      if (c === TAB) tab = true;
      else if (c === COMMA) comma = true;
      if (c !== SPACE && c !== CR && c !== TAB && c !== 0xfeff && c !== 0xef && c !== 0xbb && c !== 0xbf) seen = true;
    }
  }
  return tab && !comma ? TAB : COMMA;
}

/**
 * A file that is not UTF-8 as a whole, but has lines that are plainly UTF-8 Chinese
 * (two or more three-byte sequences) beside lines that are not UTF-8 at all: rows pasted
 * from a GBK file into a UTF-8 one, or the other way round. Read as GB18030 (what the
 * decoder falls back to), its UTF-8 lines would turn into mojibake and every name in them
 * into an "unknown indicator"; this says what happened instead, at the first line of the
 * encoding that has fewer lines. Call it only for bytes that failed strict UTF-8 decoding
 * and have no byte-order mark.
 */
export function checkMixedEncoding(bytes: Uint8Array, file: string): Diagnostic[] {
  let utf8Lines = 0;
  let otherLines = 0;
  let firstUtf8 = 0;
  let firstOther = 0;
  let line = 1;
  for (let start = 0; start <= bytes.length; line++) {
    let end = bytes.indexOf(LF, start);
    if (end < 0) end = bytes.length;
    const kind = classifyLine(bytes, start, end);
    if (kind === 'utf8') {
      if (utf8Lines++ === 0) firstUtf8 = line;
    } else if (kind === 'other') {
      if (otherLines++ === 0) firstOther = line;
    }
    start = end + 1;
  }
  if (utf8Lines === 0 || otherLines === 0) return [];
  const damaged = utf8Damage(bytes, firstOther);
  if (damaged) return [diag('error', 'data/bad-utf8-byte', damaged, { file, line: firstOther, column: 1 })];
  const at = otherLines <= utf8Lines ? firstOther : firstUtf8;
  return [diag('error', 'data/mixed-encoding', { utf8Line: firstUtf8, gbkLine: firstOther }, { file, line: at, column: 1 })];
}

/** 1-based line of the first line of bytes that is not UTF-8 (1 when every line is). */
export function firstNonUtf8Line(bytes: Uint8Array): number {
  let line = 1;
  for (let start = 0; start <= bytes.length; line++) {
    let end = bytes.indexOf(LF, start);
    if (end < 0) end = bytes.length;
    if (classifyLine(bytes, start, end) === 'other') return line;
    start = end + 1;
  }
  return 1;
}

/** ascii: nothing above 0x7F; utf8: valid UTF-8 with two or more three-byte sequences; other: not UTF-8; weak: valid but too little to tell. */
function classifyLine(b: Uint8Array, start: number, end: number): 'ascii' | 'utf8' | 'weak' | 'other' {
  let wide = 0;
  let ascii = true;
  for (let i = start; i < end; i++) {
    const c = b[i]!;
    if (c < 0x80) continue;
    ascii = false;
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return 'other';
    if (i + need >= end) return 'other';
    let cp = c & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const cc = b[i + k]!;
      if (i + k >= end || (cc & 0xc0) !== 0x80) return 'other';
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 'other';
    if (need === 2) wide++;
    i += need;
  }
  if (ascii) return 'ascii';
  return wide >= 2 ? 'utf8' : 'weak';
}

/**
 * Line `line` of `bytes` as UTF-8 with a byte or two broken (a copy cut mid-character, a
 * stray byte), rather than a GBK line: its first bad byte (1-based in the line, and in
 * hex), or undefined when the line reads as another encoding.
 */
export function utf8Damage(bytes: Uint8Array, line: number): { byte: number; hex: string } | undefined {
  let start = 0;
  for (let l = 1; l < line && start <= bytes.length; l++) {
    const lf = bytes.indexOf(LF, start);
    if (lf < 0) return undefined;
    start = lf + 1;
  }
  let end = bytes.indexOf(LF, start);
  if (end < 0) end = bytes.length;
  let valid = 0;
  let invalid = 0;
  let first = -1;
  for (let i = start; i < end; ) {
    const n = utf8Length(bytes, i, end);
    if (n === 0) {
      if (first < 0) first = i;
      invalid++;
      i++;
    } else {
      if (n > 1) valid++;
      i += n;
    }
  }
  return first >= 0 && valid >= 1 && invalid <= 2 ? { byte: first - start + 1, hex: bytes[first]!.toString(16).toUpperCase().padStart(2, '0') } : undefined;
}

/** Bytes of the UTF-8 character at i (1 for ASCII), or 0 when none starts there. */
function utf8Length(b: Uint8Array, i: number, end: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  const need = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
  if (need < 0) return 0;
  let cp = c & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
  for (let k = 1; k <= need; k++) {
    if (i + k >= end) return 0;
    const cc = b[i + k]!;
    if ((cc & 0xc0) !== 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3f);
  }
  const min = need === 1 ? 0x80 : need === 2 ? 0x800 : 0x10000;
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  return need + 1;
}
