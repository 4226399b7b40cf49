import type { Evaluation } from '../engine/evaluate.js';
import { evaluationRecord, type FormatContext } from './records.js';

export const formatJson = (e: Evaluation, ctx: FormatContext): string => [...formatJsonPieces(e, ctx)].join('');

/**
 * The same text as formatJson, in pieces of about 64 KB, so that a report on a national
 * return (tens of MB of JSON) is written without first being made into one string.
 */
export function* formatJsonPieces(e: Evaluation, ctx: FormatContext): Generator<string> {
  let buffered = '';
  for (const piece of jsonPieces(evaluationRecord(e, ctx), '', 0)) {
    buffered += piece;
    if (buffered.length >= PIECE_CHARS) {
      yield buffered;
      buffered = '';
    }
  }
  yield `${buffered}\n`;
}

const PIECE_CHARS = 64 * 1024;
/** Below this depth arrays and objects are written member by member; deeper ones by JSON.stringify whole (they are small). */
const OPEN_DEPTH = 3;

/**
 * JSON.stringify(value, null, 2) in pieces: the members of the outer arrays and objects one
 * by one. A member is JSON.stringify's own text, its lines indented as JSON.stringify indents
 * them at that depth (a newline inside a JSON string is always escaped, so every "\n" of the
 * text is a line break).
 */
function* jsonPieces(value: unknown, indent: string, depth: number): Generator<string> {
  const v = toJson(value);
  if (depth >= OPEN_DEPTH || v === null || typeof v !== 'object') {
    const text = JSON.stringify(v, null, 2);
    yield indent === '' ? text : text.replaceAll('\n', `\n${indent}`);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) return void (yield '[]');
    yield '[';
    for (let i = 0; i < v.length; i++) {
      yield `${i > 0 ? ',' : ''}\n${inner}`;
      // In an array, what JSON has no text for is null.
      const m = toJson(v[i]);
      if (isAbsent(m)) yield 'null';
      else yield* jsonPieces(m, inner, depth + 1);
    }
    yield `\n${indent}]`;
    return;
  }
  let first = true;
  for (const [key, member] of Object.entries(v)) {
    const m = toJson(member, key);
    // In an object, a member JSON has no text for is left out.
    if (isAbsent(m)) continue;
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* jsonPieces(m, inner, depth + 1);
  }
  yield first ? '{}' : `\n${indent}}`;
}

function toJson(value: unknown, key = ''): unknown {
  const withToJson = value as { toJSON?: (key: string) => unknown } | null | undefined;
  return typeof withToJson?.toJSON === 'function' ? withToJson.toJSON(key) : value;
}

const isAbsent = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';
