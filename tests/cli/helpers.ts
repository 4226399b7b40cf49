// Running the BUILT binary (node bin/plancheck, which loads dist/) as a user would,
// and small helpers shared by the CLI test files. Build first: node scripts/build.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll } from 'vitest';

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
export const BIN = join(ROOT, 'bin', 'plancheck');
export const FIXTURES = join(ROOT, 'tests', 'fixtures', 'cli');
export const SAMPLE = 'samples/taizhou-2020-2025.csv';
export const TOWNSHIPS = 'samples/townships.csv';

if (!existsSync(join(ROOT, 'dist', 'cli.js'))) {
  throw new Error('dist/cli.js is missing: run `node scripts/build.mjs` before the CLI tests');
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  stdoutBytes: Buffer;
}

export interface RunOptions {
  cwd?: string;
  stdin?: string | Buffer;
  /** Merged over the test process's environment (with NO_COLOR=1); `undefined` deletes a variable. */
  env?: Record<string, string | undefined>;
  /** Milliseconds before the run is killed; 60 s unless given (a Word file's charts take longer on a busy machine). */
  timeout?: number;
}

export function baseEnv(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  // A colour-forcing variable from the test runner must not leak into the binary.
  delete env.FORCE_COLOR;
  delete env.PLANCHECK_LANG;
  // A width exported by the test's terminal must not wrap the binary's messages; a test that wants one sets it.
  delete env.COLUMNS;
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

export function plancheck(args: string[], options: RunOptions = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: baseEnv(options.env),
    input: options.stdin ?? '',
    maxBuffer: 64 * 1024 * 1024,
    timeout: options.timeout ?? 60_000,
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8'), stdoutBytes: r.stdout };
}

export function tempDir(prefix = 'plancheck-cli-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A maker of temporary folders for one test file, each removed when the file's tests are done. */
export function tempFolders(prefix: string): () => string {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  return () => {
    const dir = tempDir(prefix);
    dirs.push(dir);
    return dir;
  };
}

export function fixture(name: string): string {
  return join('tests', 'fixtures', 'cli', name);
}

// ---- the JSON output ------------------------------------------------------------

export interface JsonResult {
  id: string;
  name: string;
  region: { code: string; name: string; level: string };
  year: number;
  status: string;
  value: number | boolean | null;
  unit: string;
  decimals: number | null;
  gap: number | null;
  derived: boolean;
  notes: string[];
  detail: string;
  target: { kind: string; text: string; description: string; threshold: number | null };
  parts?: Array<{ part: string; text: string; status: string; value: number | boolean | null; threshold: number | null; gap: number | null; derived: boolean }>;
  failingUnits?: Array<{ code: string; name: string; status: string }>;
  missingUnits?: Array<{ code: string; name: string }>;
  baseline?: { year: number; value: number; from: string };
  change?: number;
}

export interface JsonDiagnostic {
  severity: string;
  code: string;
  file: string | null;
  line: number | null;
  column: number | null;
  message: string;
}

export interface JsonEvaluation {
  plan: { id: string; title: string };
  year: number | null;
  years: number[];
  summary: Record<'met' | 'not-met' | 'no-data' | 'invalid' | 'not-applicable', number>;
  results: JsonResult[];
  absentIndicators: string[];
  diagnostics: JsonDiagnostic[];
}

const resultsSchema = JSON.parse(readFileSync(join(ROOT, 'src', 'schema', 'results.schema.json'), 'utf8')) as object;
const validateResults = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(resultsSchema);

/** Parses `--format json` output and validates it against the shipped results schema. */
export function parseEvaluation(text: string): JsonEvaluation {
  const data: unknown = JSON.parse(text);
  if (!validateResults(data)) {
    throw new Error(`output does not match src/schema/results.schema.json:\n${JSON.stringify(validateResults.errors?.slice(0, 5), null, 2)}`);
  }
  return data as JsonEvaluation;
}

/** The one result for an indicator id and a region code (and year, when several are present). */
export function resultFor(e: JsonEvaluation, id: string, regionCode: string, year?: number): JsonResult {
  const hits = e.results.filter((r) => r.id === id && r.region.code === regionCode && (year === undefined || r.year === year));
  if (hits.length !== 1) throw new Error(`expected one result for ${id} in ${regionCode}${year ? ` ${year}` : ''}, found ${hits.length}`);
  return hits[0]!;
}

/** Lines of a stack trace, which a user must never see. */
export const STACK_LINE = /^\s{4}at /m;

/** Minimal XML well-formedness: a single root, tags balanced, attributes quoted, no stray `<` or `&`. */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  let roots = 0;
  const token = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g;
  let last = 0;
  for (let m = token.exec(body); m; m = token.exec(body)) {
    const text = body.slice(last, m.index);
    if (/[<]/.test(text)) problems.push(`stray < near offset ${last}`);
    if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text)) problems.push(`bare & near offset ${last}`);
    if (stack.length === 0 && text.trim() !== '') problems.push(`text outside the root near offset ${last}`);
    last = token.lastIndex;
    if (m[0].startsWith('<!')) continue;
    const [, close, name, attrs, selfClose] = m;
    if (attrs && /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(attrs)) problems.push(`bare & in attributes of <${name}>`);
    if (close) {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}>`);
    } else {
      if (stack.length === 0) roots++;
      if (!selfClose) stack.push(name!);
    }
  }
  const tail = body.slice(last);
  if (/[<>]/.test(tail) || (tail.trim() !== '' && stack.length === 0)) problems.push('content after the last tag');
  if (stack.length) problems.push(`unclosed: ${stack.join(' > ')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}
