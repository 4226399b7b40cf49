// What a rule file may hold beyond plain YAML: nothing. A tag (`!!js/function`, `!foo`,
// `!!binary`) would make a value of a type the schema never sees, or a string it did not
// mean; `.inf` and `.nan` are numbers no target or baseline can be.
import { isScalar, visit, type Document, type LineCounter } from 'yaml';
import { diag, type Diagnostic } from '../diagnostics.js';
import { hasControls } from '../text/controls.js';

/** The core schema's own tags, which a rule file may write explicitly (`!!str 2020`). */
const ALLOWED = new Set(['str', 'int', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

export function tagProblems(file: string, doc: Document.Parsed, lines: LineCounter): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (offset: number | undefined) => {
    const p = lines.linePos(offset ?? 0);
    return { file, line: p.line, column: p.col };
  };
  visit(doc, {
    Node(_key, node) {
      if (node.tag !== undefined && !ALLOWED.has(node.tag)) {
        out.push(diag('error', 'plan/yaml-tag', { tag: node.tag.replace(/^tag:yaml\.org,2002:/u, '!!') }, at(node.range?.[0])));
      } else if (isScalar(node) && typeof node.value === 'number' && !Number.isFinite(node.value)) {
        out.push(diag('error', 'plan/yaml-non-finite', { value: String(node.source ?? node.value) }, at(node.range?.[0])));
      } else if (isScalar(node) && typeof node.value === 'string' && hasControls(node.value)) {
        // A name or a quoted sentence is printed on terminals and in reports: no control character in it.
        out.push(diag('error', 'plan/control-character', { value: node.value }, at(node.range?.[0])));
      }
    },
  });
  return out;
}
