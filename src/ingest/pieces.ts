// A large text return read in pieces: bytes cut at record boundaries (a line feed
// outside quotes), so that each piece decodes and splits on its own and the file is
// never held whole; the first piece holds the header, which sets the layout (piecesOf).
// Works on bytes of UTF-8 and GB18030/GBK, whose multi-byte sequences never contain `"`,
// `,`, tab or line feed.
import type { Diagnostic } from '../diagnostics.js';
import { checkLimits, MAX_LINE_BYTES } from './limits.js';
import { byteView, indexOfByte } from './byte-search.js';
import { detectDelimiter } from './table.js';

const LF = 0x0a;
const QUOTE = 0x22;

export interface Piece {
  bytes: Uint8Array;
  /** Lines of the file before this piece. */
  lineOffset: number;
}

/**
 * Where the last whole record of `bytes` ends (the index after its line feed), 0 when
 * none does. `bytes` starts at a record boundary. A quote opens a quoted cell only at the
 * start of a cell, as csv-parse reads it with relax_quotes (a stray 12"寸 is text).
 */
export function lastRecordEnd(bytes: Uint8Array, delimiter: number): number {
  if (indexOfByte(bytes, QUOTE) < 0) return bytes.lastIndexOf(LF) + 1;
  let end = 0;
  let inQuotes = false;
  let atCellStart = true;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (inQuotes) {
      if (c === QUOTE) {
        if (bytes[i + 1] === QUOTE) i++;
        else inQuotes = false;
      }
      continue;
    }
    if (c === LF) {
      end = i + 1;
      atCellStart = true;
    } else if (c === delimiter) atCellStart = true;
    else if (c === QUOTE && atCellStart) inQuotes = true;
    else if (c !== 0x20 && c !== 0x0d) atCellStart = false;
  }
  return end;
}

/** Line feeds in bytes. */
export function countLines(bytes: Uint8Array): number {
  const view = byteView(bytes);
  let n = 0;
  for (let i = view.indexOf(LF); i >= 0; i = view.indexOf(LF, i + 1)) n++;
  return n;
}

/** The size limits of src/ingest/limits.ts for one piece, located in the whole file. */
export function checkPieceLimits(piece: Piece, file: string, delimiter: number): Diagnostic[] {
  const found = checkLimits(piece.bytes, file, delimiter);
  return piece.lineOffset === 0 ? found : found.map((d) => ({ ...d, line: (d.line ?? 1) + piece.lineOffset }));
}

/**
 * Pieces of about `size` bytes from a stream of chunks, each ending at a record boundary
 * (the last piece at the end of the file). A record longer than any piece grows the
 * piece until it ends; the size limits then refuse it. `lineOffset`: lines before the first chunk.
 */
export function* recordPieces(chunks: Iterable<Uint8Array>, delimiter: number, size: number, lineOffset = 0): Generator<Piece> {
  // Chunks are gathered until there are `size` bytes, then joined once. What is held while
  // the next chunk is read is a copy: a reader may reuse a chunk's memory (see Io.readChunks).
  let held: Uint8Array[] = [];
  let heldBytes = 0;
  const emit = (bytes: Uint8Array): Piece => {
    const piece = { bytes, lineOffset };
    lineOffset += countLines(bytes);
    return piece;
  };
  for (let chunk of chunks) {
    // A chunk without quotes after a carry without quotes is cut where it is, without copying
    // it: the carried part of a line and the rest of that line make a piece of their own.
    if (chunk.length >= size && indexOfByte(chunk, QUOTE) < 0 && held.every((h) => indexOfByte(h, QUOTE) < 0)) {
      if (heldBytes > 0) {
        const lineEnd = chunk.indexOf(LF);
        if (lineEnd < 0) {
          held.push(chunk.slice());
          heldBytes += chunk.length;
          // No record ends in far more than a line may hold: out it goes, for the limits to refuse.
          if (heldBytes > size + 2 * MAX_LINE_BYTES) {
            yield emit(joinAll(held, heldBytes));
            held = [];
            heldBytes = 0;
          }
          continue;
        }
        yield emit(joinAll([...held, chunk.subarray(0, lineEnd + 1)]));
        chunk = chunk.subarray(lineEnd + 1);
        held = [];
        heldBytes = 0;
      }
      const end = chunk.lastIndexOf(LF) + 1;
      if (end > 0) yield emit(chunk.subarray(0, end));
      const carry = chunk.subarray(end);
      held = carry.length ? [carry.slice()] : [];
      heldBytes = carry.length;
      continue;
    }
    held.push(chunk);
    heldBytes += chunk.length;
    if (heldBytes < size) {
      held[held.length - 1] = chunk.slice();
      continue;
    }
    const buf = joinAll(held, heldBytes);
    const end = lastRecordEnd(buf, delimiter);
    if (end === 0) {
      // No record ends in far more than a line may hold: out it goes, for the limits to refuse.
      if (buf.length > size + 2 * MAX_LINE_BYTES) {
        yield emit(buf);
        held = [];
        heldBytes = 0;
      } else held = [buf === chunk ? buf.slice() : buf];
      continue;
    }
    yield emit(buf.subarray(0, end));
    const carry = buf.subarray(end);
    held = carry.length ? [carry.slice()] : [];
    heldBytes = carry.length;
  }
  if (heldBytes > 0) yield emit(joinAll(held, heldBytes));
}

/** Chunks joined into one array, each byte copied once. */
function joinAll(parts: readonly Uint8Array[], total = parts.reduce((n, p) => n + p.length, 0)): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The first bytes of a file, at least `size` of them (or all), and the chunks after them. */
export interface Head {
  bytes: Uint8Array;
  /** The head is the whole file. */
  done: boolean;
  rest: Iterable<Uint8Array>;
}

export function headOf(chunks: Iterable<Uint8Array>, size: number): Head {
  const iterator = plainChunks(chunks);
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
  return { bytes: joinAll(head, headBytes), done, rest: { [Symbol.iterator]: () => iterator } };
}

/**
 * Each chunk as a plain Uint8Array over the same memory. A Buffer (what an API caller may well
 * pass) has a slice() that does not copy, and the copies above must be copies.
 */
function* plainChunks(chunks: Iterable<Uint8Array>): Generator<Uint8Array, undefined> {
  for (const c of chunks) yield Object.getPrototypeOf(c) === Uint8Array.prototype ? c : new Uint8Array(c.buffer, c.byteOffset, c.byteLength);
  return undefined;
}

/**
 * The whole file: the head and all the rest, joined, each chunk copied as it comes, as a
 * reader may reuse a chunk's memory. With `limit`: undefined once it passes that many
 * bytes, and the rest is not read.
 */
export function wholeFile(head: Head): Uint8Array;
export function wholeFile(head: Head, limit: number): Uint8Array | undefined;
export function wholeFile({ bytes, done, rest }: Head, limit = Infinity): Uint8Array | undefined {
  if (bytes.length > limit) return undefined;
  if (done) return bytes;
  const parts = [bytes.slice()];
  let total = bytes.length;
  for (const chunk of rest) {
    if ((total += chunk.length) > limit) return undefined;
    parts.push(chunk.slice());
  }
  return joinAll(parts);
}

const HEAD_BYTES = 64 * 1024;

/**
 * A file in pieces: first its header and the rows of its first 64 KiB (at most `size`), which
 * set the layout, then pieces of about `size` bytes. Records are cut where a line ends
 * outside quotes, the cells told apart by the delimiter of the header's line (comma or tab).
 */
export function piecesOf(head: Head, size: number): Iterable<Piece> {
  const first = head.bytes;
  const delimiter = detectDelimiter(new TextDecoder('utf-8').decode(first.subarray(0, Math.min(first.length, HEAD_BYTES)))) === '\t' ? 0x09 : 0x2c;
  const headEnd = lastRecordEnd(first.subarray(0, Math.min(first.length, size, HEAD_BYTES)), delimiter);
  return headEnd > 0 ? afterHead(first, headEnd, head.rest, delimiter, size) : recordPieces(prepend(first, head.rest), delimiter, size);
}

/** The head of a file as its first piece, then the rest of it in pieces. */
function* afterHead(first: Uint8Array, headEnd: number, rest: Iterable<Uint8Array>, delimiter: number, size: number): Generator<Piece> {
  const head = first.subarray(0, headEnd);
  yield { bytes: head, lineOffset: 0 };
  yield* recordPieces(prepend(first.subarray(headEnd), rest), delimiter, size, countLines(head));
}

export function* prepend(first: Uint8Array, rest: Iterable<Uint8Array>): Generator<Uint8Array> {
  yield first;
  yield* rest;
}

/** The pieces not read yet, after `first`, joined (and copied: a piece may lie in a chunk's memory, which is reused). */
export function joinRest(first: Piece, pieces: Iterator<Piece>): Uint8Array {
  const parts = [first.bytes.slice()];
  for (let p = pieces.next(); !p.done; p = pieces.next()) parts.push(p.value.bytes.slice());
  return joinAll(parts);
}

/**
 * Without quotes, and with CRLF or LF line ends only (a lone CR ends a line for readTable too):
 * a piece whose lines are its rows, split at the delimiter.
 */
export function isPlain(bytes: Uint8Array): boolean {
  if (indexOfByte(bytes, QUOTE) >= 0) return false;
  for (let i = indexOfByte(bytes, 0x0d); i >= 0; i = bytes.indexOf(0x0d, i + 1)) if (bytes[i + 1] !== 0x0a) return false;
  return true;
}
