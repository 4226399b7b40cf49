// Reading one YAML file so that any later finding can point at its line and column.
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { diag, type Diagnostic } from '../diagnostics.js';
import { tagProblems } from './yaml-tags.js';

export interface YamlSource {
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
  /** The plain JS value, undefined when the file did not parse. */
  value: unknown;
}

/** Hard limits against hostile rule files (alias bombs, huge documents). */
const MAX_ALIAS_COUNT = 100;

export function parseYaml(file: string, text: string): { source: YamlSource; diagnostics: Diagnostic[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const diagnostics: Diagnostic[] = [];
  // After the first syntax error the parser's later complaints are mostly echoes of it.
  for (const error of doc.errors.slice(0, 1)) {
    const pos = lines.linePos(error.pos[0]);
    diagnostics.push(
      diag('error', 'plan/yaml-syntax', { detail: firstLine(error.message) }, { file, line: pos.line, column: pos.col }),
    );
  }
  if (diagnostics.length === 0) diagnostics.push(...tagProblems(file, doc, lines));
  let value: unknown;
  if (diagnostics.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      diagnostics.push(diag('error', 'plan/yaml-syntax', { detail: firstLine(String((e as Error).message)) }, { file, line: 1, column: 1 }));
    }
  }
  return { source: { file, doc, lines, value }, diagnostics };
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}

/** Line and column of the node at a JSON-pointer-like path, or of the closest ancestor that exists. */
export function locate(source: YamlSource, path: ReadonlyArray<string | number>, key?: string): { line: number; column: number } {
  let node: unknown = source.doc.contents;
  let found: Node | undefined = node as Node | undefined;
  for (const segment of path) {
    const next = childOf(node, segment);
    if (next === undefined) break;
    node = next;
    found = next as Node;
  }
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
    if (pair && isScalar(pair.key) && pair.key.range) return pos(source, pair.key.range[0]);
  }
  const range = (found as { range?: [number, number, number] } | undefined)?.range;
  return range ? pos(source, range[0]) : { line: 1, column: 1 };
}

function childOf(node: unknown, segment: string | number): unknown {
  if (node && typeof node === 'object' && 'get' in node && typeof (node as { get: unknown }).get === 'function') {
    return (node as { get(k: unknown, keepScalar: boolean): unknown }).get(segment, true);
  }
  return undefined;
}

function pos(source: YamlSource, offset: number): { line: number; column: number } {
  const p = source.lines.linePos(offset);
  return { line: p.line, column: p.col };
}
