// JSON Schema validation of plan files (ajv, draft 2020-12), with each error
// turned into a located finding a statistician can act on.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import planSchema from '../schema/plan.schema.json' with { type: 'json' };
import areaSchema from '../schema/area.schema.json' with { type: 'json' };
import checksSchema from '../schema/checks.schema.json' with { type: 'json' };
import { diag, type Diagnostic } from '../diagnostics.js';
import { locate, type YamlSource } from './yaml-source.js';

export type PlanFileKind = 'plan' | 'area' | 'checks';

/**
 * The JSON Schema of one target, which the plan schemas refer to by its `$id`. The plan
 * knows no target kinds: whoever loads a plan passes the schema the kinds assemble
 * (targetSchema() of src/engine/kinds); src/schema/target.schema.json is the same
 * document, shipped for editors.
 */
export type TargetSchema = Record<string, unknown>;

const validators = new WeakMap<TargetSchema, Record<PlanFileKind, ValidateFunction>>();

function compiled(targetSchema: TargetSchema): Record<PlanFileKind, ValidateFunction> {
  let compiledFor = validators.get(targetSchema);
  if (!compiledFor) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    ajv.addSchema(targetSchema);
    compiledFor = { plan: ajv.compile(planSchema), area: ajv.compile(areaSchema), checks: ajv.compile(checksSchema) };
    validators.set(targetSchema, compiledFor);
  }
  return compiledFor;
}

export function checkSchema(kind: PlanFileKind, source: YamlSource, targetSchema: TargetSchema): Diagnostic[] {
  const validate = compiled(targetSchema)[kind];
  if (validate(source.value)) return [];
  const errors = (validate.errors ?? []).filter(meaningful);
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const error of errors) {
    const d = toDiagnostic(source, error);
    const key = `${d.line}:${d.column}:${d.code}:${JSON.stringify(d.params)}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(d);
    }
  }
  return out;
}

/** `if` and `allOf` wrappers only repeat what the inner error already says. */
function meaningful(e: ErrorObject): boolean {
  return e.keyword !== 'if' && e.keyword !== 'allOf';
}

function pathOf(instancePath: string): Array<string | number> {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function toDiagnostic(source: YamlSource, e: ErrorObject): Diagnostic {
  const path = pathOf(e.instancePath);
  const where = (key?: string) => ({ file: source.file, ...locate(source, path, key) });
  const field = path.length ? String(path[path.length - 1]) : '';
  const at = placeOf(source.value, path);
  switch (e.keyword) {
    case 'required':
      return diag('error', 'plan/missing-key', { key: String(e.params.missingProperty), at }, where());
    case 'additionalProperties': {
      const key = String(e.params.additionalProperty);
      return diag('error', 'plan/unknown-key', { key, at }, where(key));
    }
    case 'unevaluatedProperties': {
      const key = String(e.params.unevaluatedProperty);
      return diag('error', 'plan/unknown-key', { key, at }, where(key));
    }
    case 'enum':
      return diag(
        'error',
        'plan/not-allowed',
        { key: field, value: JSON.stringify(valueAt(source.value, path)), allowed: (e.params.allowedValues as unknown[]).join(', ') },
        where(),
      );
    case 'const':
      return diag('error', 'plan/not-allowed', { key: field, value: JSON.stringify(valueAt(source.value, path)), allowed: String(e.params.allowedValue) }, where());
    case 'type':
      return diag('error', 'plan/wrong-type', { key: field, expected: String(e.params.type), value: JSON.stringify(valueAt(source.value, path)) }, where());
    case 'pattern':
      return diag('error', 'plan/bad-format', { key: field, value: JSON.stringify(valueAt(source.value, path)) }, where());
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const bound = { minimum: '≥', maximum: '≤', exclusiveMinimum: '>', exclusiveMaximum: '<' }[e.keyword];
      return diag('error', 'plan/out-of-bounds', { key: field, value: JSON.stringify(valueAt(source.value, path)), bound, limit: Number(e.params.limit) }, where());
    }
    case 'minLength':
      return diag('error', 'plan/empty-text', { key: field }, where());
    case 'minItems':
    case 'minProperties':
      return diag('error', 'plan/too-few', { key: field, limit: Number(e.params.limit) }, where());
    case 'maxItems':
    case 'maxProperties':
      return diag('error', 'plan/too-many', { key: field, limit: Number(e.params.limit) }, where());
    case 'uniqueItems':
    {
      const [first, second] = [Number(e.params.i), Number(e.params.j)].sort((a, b) => a - b);
      return diag('error', 'plan/repeated-items', { key: field, first: first! + 1, second: second! + 1 }, where());
    }
    default:
      // The validator's words are English: the English message quotes them, the Chinese one names the rule.
      return diag('error', 'plan/schema', { key: field, keyword: e.keyword, detail: `${e.keyword}: ${e.message ?? ''}` }, where());
  }
}

/** Where in the file, in words: 指标“新生儿死亡率”的 target, not /indicators/0/target. */
function placeOf(root: unknown, path: ReadonlyArray<string | number>): string {
  if (path.length === 0) return '/';
  if (path[0] === 'indicators' && typeof path[1] === 'number') {
    const ind = valueAt(root, path.slice(0, 2)) as { id?: unknown; name?: unknown } | undefined;
    const label = typeof ind?.name === 'string' ? ind.name : typeof ind?.id === 'string' ? ind.id : `#${path[1] + 1}`;
    const rest = path.slice(2).join('.');
    return rest ? `${label} → ${rest}` : label;
  }
  return path.join('.');
}

function valueAt(root: unknown, path: ReadonlyArray<string | number>): unknown {
  let v: unknown = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}
