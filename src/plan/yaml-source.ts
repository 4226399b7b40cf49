// Reading one YAML file so that any later finding can point at its line and column.
import { isCollection, isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { diag, type Diagnostic } from '../diagnostics.js';
import { tagProblems } from './yaml-tags.js';

export interface YamlSource {
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
  /** The plain JS value, undefined when the file did not parse. */
  value: unknown;
}

/** The parser's errors a person editing a rule file makes, each with its message; any other is plan/yaml-syntax. */
const YAML_ERRORS: Readonly<Record<string, string>> = {
  BAD_INDENT: 'plan/yaml-indent',
  TAB_AS_INDENT: 'plan/yaml-tab',
  DUPLICATE_KEY: 'plan/yaml-duplicate-key',
  MISSING_CHAR: 'plan/yaml-missing-colon',
  BLOCK_AS_IMPLICIT_KEY: 'plan/yaml-key',
  MULTILINE_IMPLICIT_KEY: 'plan/yaml-key',
  MULTIPLE_DOCS: 'plan/yaml-documents',
  BAD_DQ_ESCAPE: 'plan/yaml-escape',
  BAD_SCALAR_START: 'plan/yaml-reserved',
};

/** Hard limits against hostile rule files (alias bombs, huge documents). */
const MAX_ALIAS_COUNT = 100;
/**
 * Levels of nesting a rule file may have: a plan's go five or six deep. Deeper is refused at its
 * place, the same on every machine, before anything walks the file by recursion (the parser
 * itself overflows the call stack somewhere near 800 levels, and says so in a JavaScript error).
 */
export const MAX_DEPTH = 50;

export function parseYaml(file: string, text: string): { source: YamlSource; diagnostics: Diagnostic[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const diagnostics: Diagnostic[] = [];
  // After the first syntax error the parser's later complaints are mostly echoes of it.
  for (const error of doc.errors.slice(0, 1)) {
    const pos = lines.linePos(error.pos[0]);
    const at = { file, line: pos.line, column: pos.col };
    // What the parser found, in the catalog's words (its own are English, for programmers:
    // “please use YAML.parseAllDocuments()”); a call stack it ran out of is nesting.
    const code =
      error.code === 'RESOURCE_EXHAUSTION' ? 'plan/yaml-too-deep'
      : error.code === 'MISSING_CHAR' && /quote/iu.test(error.message) ? 'plan/yaml-unclosed-quote'
      : YAML_ERRORS[error.code] ?? 'plan/yaml-syntax';
    const near = firstLine(text.slice(error.pos[0], error.pos[1])).trim();
    // The key the error is at: the rest of its line, up to a colon.
    const key = (firstLine(text.slice(error.pos[0], error.pos[0] + 200)).split(/:(?:\s|$)/u)[0] ?? '').trim();
    diagnostics.push(diag('error', code, { max: MAX_DEPTH, near, key, kind: error.code, detail: firstLine(error.message) }, at));
  }
  if (diagnostics.length === 0) diagnostics.push(...tooDeep(file, doc, lines));
  if (diagnostics.length === 0) diagnostics.push(...tagProblems(file, doc, lines));
  let value: unknown;
  if (diagnostics.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      // Aliases past the limit (an alias bomb), or anything else the YAML library throws: said in words, never in its error's.
      const aliases = /alias/iu.test(String((e as Error | undefined)?.message));
      diagnostics.push(diag('error', aliases ? 'plan/yaml-aliases' : 'plan/yaml-unreadable', { max: MAX_ALIAS_COUNT }, { file, line: 1, column: 1 }));
    }
  }
  return { source: { file, doc, lines, value }, diagnostics };
}

/** The first collection nested deeper than MAX_DEPTH, walked without recursion. */
function tooDeep(file: string, doc: Document.Parsed, lines: LineCounter): Diagnostic[] {
  const stack: Array<[unknown, number]> = [[doc.contents, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (!isCollection(node)) continue;
    if (depth > MAX_DEPTH) {
      const p = lines.linePos(node.range?.[0] ?? 0);
      return [diag('error', 'plan/yaml-too-deep', { max: MAX_DEPTH }, { file, line: p.line, column: p.col })];
    }
    for (const item of node.items as unknown[]) {
      if (isPair(item)) stack.push([item.key, depth + 1], [item.value, depth + 1]);
      else stack.push([item, depth + 1]);
    }
  }
  return [];
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
