// JSON.stringify(value, null, 2) + "\n", written in pieces of about 64 KB: a report on a
// national return (tens of MB of JSON) reaches its file or standard output without first
// being made into one string, and a long list can be given as a JsonList, whose members are
// made one at a time as they are written, never all held at once. Every number is written to
// 12 significant digits (significant.ts): an export never carries 4.1000000000000005.
import { significantNumbers } from './significant.js';

const PIECE_CHARS = 64 * 1024;
/** Below this depth arrays and objects are written member by member; deeper ones by JSON.stringify whole (they are small). */
const OPEN_DEPTH = 3;

/** A list written as a JSON array, its members made as they are written (JSON.stringify gives the same text through toJSON). */
export class JsonList<T> {
  constructor(private readonly members: () => Iterable<T>) {}

  [Symbol.iterator](): Iterator<T> {
    return this.members()[Symbol.iterator]();
  }

  toJSON(): T[] {
    return [...this];
  }
}

/** The text of JSON.stringify(value, significantNumbers, 2) and a newline, in pieces. */
export function* jsonTextPieces(value: unknown): Generator<string> {
  let buffered = '';
  for (const piece of pieces(value, '', 0)) {
    buffered += piece;
    if (buffered.length >= PIECE_CHARS) {
      yield buffered;
      buffered = '';
    }
  }
  yield `${buffered}\n`;
}

/**
 * The members of the outer arrays and objects one by one. A member is JSON.stringify's own
 * text, its lines indented as JSON.stringify indents them at that depth (a newline inside a
 * JSON string is always escaped, so every "\n" of the text is a line break).
 */
function* pieces(value: unknown, indent: string, depth: number): Generator<string> {
  const v = value instanceof JsonList ? value : toJson(value);
  if (depth >= OPEN_DEPTH || v === null || typeof v !== 'object') {
    const text = JSON.stringify(v, significantNumbers, 2);
    yield indent === '' ? text : text.replaceAll('\n', `\n${indent}`);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(v) || v instanceof JsonList) {
    let first = true;
    for (const member of v as Iterable<unknown>) {
      yield `${first ? '[' : ','}\n${inner}`;
      first = false;
      // In an array, what JSON has no text for is null.
      const m = toJson(member);
      if (isAbsent(m)) yield 'null';
      else yield* pieces(m, inner, depth + 1);
    }
    yield first ? '[]' : `\n${indent}]`;
    return;
  }
  let first = true;
  for (const [key, member] of Object.entries(v)) {
    const m = member instanceof JsonList ? member : toJson(member, key);
    // In an object, a member JSON has no text for is left out.
    if (isAbsent(m)) continue;
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* pieces(m, inner, depth + 1);
  }
  yield first ? '{}' : `\n${indent}}`;
}

function toJson(value: unknown, key = ''): unknown {
  const withToJson = value as { toJSON?: (key: string) => unknown } | null | undefined;
  return typeof withToJson?.toJSON === 'function' ? withToJson.toJSON(key) : value;
}

const isAbsent = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';
