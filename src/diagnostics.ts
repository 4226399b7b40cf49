// Located findings about bad input (plan files, returns) and typed setup errors.
// A diagnostic carries a stable code and its parameters; the words are chosen
// by the formatter in the user's language (src/i18n).

export type Severity = 'error' | 'warning' | 'info';

export type Params = Record<string, string | number | boolean | undefined>;

export interface Diagnostic {
  severity: Severity;
  /** Stable id of the finding, e.g. `data/unknown-indicator`. */
  code: string;
  params: Params;
  file?: string;
  /** 1-based line in the file. */
  line?: number;
  /** 1-based column: a character column in YAML, a field number in CSV, a column number in a sheet. */
  column?: number;
  /** For a workbook: the sheet's name, and the cell's address in it (`D7`); printed as `Sheet1!D7`. */
  sheet?: string;
  cell?: string;
}

/** Where a finding is: a file, and a line and column in it, or a sheet and cell of a workbook. */
export interface Where {
  file?: string;
  line?: number;
  column?: number;
  sheet?: string;
  cell?: string;
}

/** `file:line:column`, or `file:Sheet1!D7` in a workbook: a place a message can cite. */
export function placeText(at: Where): string {
  if (at.sheet !== undefined && at.cell !== undefined) {
    const sheet = /^[\p{L}\p{N}_]+$/u.test(at.sheet) ? at.sheet : `'${at.sheet.replace(/'/g, "''")}'`;
    return `${at.file ?? ''}:${sheet}!${at.cell}`;
  }
  return `${at.file ?? ''}:${at.line ?? 1}${at.column !== undefined ? `:${at.column}` : ''}`;
}

/**
 * A list a message quotes, as each language writes one: `{name}` joined by 、 for Chinese and
 * `{nameEn}` by commas for English, which is what the English templates say.
 */
export function listParam(name: string, items: ReadonlyArray<string | number>): Params {
  return { [name]: items.join('、'), [`${name}En`]: items.join(', ') };
}

export function diag(
  severity: Severity,
  code: string,
  params: Params = {},
  where: Where = {},
): Diagnostic {
  return { severity, code, params, ...where };
}

export const hasErrors = (ds: readonly Diagnostic[]): boolean => ds.some((d) => d.severity === 'error');

/**
 * A known failure of setup or usage (a missing file, an invalid plan, a bad option),
 * reported without a stack trace and with exit status 2.
 */
export class PlancheckError extends Error {
  constructor(
    readonly code: string,
    readonly params: Params = {},
    readonly diagnostics: Diagnostic[] = [],
  ) {
    super(code);
    this.name = 'PlancheckError';
  }
}

/**
 * Findings kept in memory of one kind (one code, severity and indicator): the first 100. A
 * storm of one error (a million rows in a year out of range) is then a hundred findings and a
 * count, not a million objects; the terminal shows three of a kind, the JSON outputs a
 * hundred, enough to see the pattern and the rows it starts on; every finding still goes to
 * `--diagnostics FILE`, which is written as the findings come.
 */
export const FINDINGS_KEPT = 100;

/** Distinct names (a finding's `name`) counted of one kind: beyond, the count says “at least”. */
export const NAMES_COUNTED = 10_000;

/** The finding standing for those of a kind left out of memory: its params give the kind and the exact counts. */
export const OMITTED = 'findings/omitted';

/** Where findings go as they are made: an array, or a run's `Findings`. */
export interface FindingSink {
  push(...ds: Diagnostic[]): unknown;
}

/**
 * A finding that its maker still adds to (a count, a list of names), said once: into a
 * `Findings`, it is handed on (to the --diagnostics file) only when the reading ends, so
 * that the file has its final form.
 */
export function pushOpen(sink: FindingSink, d: Diagnostic): void {
  if (sink instanceof Findings) sink.pushOpen(d);
  else sink.push(d);
}

/** What makes findings of one kind: the same severity, code and indicator. */
export function kindOf(d: Diagnostic): string {
  const indicator = d.params.indicator;
  return `${d.severity}\u0000${d.code}\u0000${typeof indicator === 'string' ? indicator : ''}`;
}

/** How many findings `d` stands for: those left out for a `findings/omitted`, else one. */
export function findingWeight(d: Diagnostic): number {
  return d.code === OMITTED ? Number(d.params.omitted) : 1;
}

/** The number of findings of a list (of one severity), counting those left out of memory. */
export function countFindings(ds: readonly Diagnostic[], severity?: Severity): number {
  let n = 0;
  for (const d of ds) if (severity === undefined || d.severity === severity) n += findingWeight(d);
  return n;
}

/** A kind of finding a run kept in part, with its exact count (for the JSON outputs). */
export interface OmittedKind {
  severity: Severity;
  code: string;
  indicator: string | null;
  /** Every finding of the kind. */
  count: number;
  /** Those listed (kept in memory). */
  kept: number;
  /** Those left out: count − kept; every one is in the --diagnostics file. */
  omitted: number;
}

/** The kinds of a list of findings that were kept in part, from their `findings/omitted` findings. */
export function omittedKinds(ds: readonly Diagnostic[]): OmittedKind[] {
  return ds
    .filter((d) => d.code === OMITTED)
    .map((d) => ({
      severity: d.severity,
      code: String(d.params.code),
      indicator: typeof d.params.indicator === 'string' ? d.params.indicator : null,
      count: Number(d.params.count),
      kept: Number(d.params.kept),
      omitted: Number(d.params.omitted),
    }));
}

/**
 * The findings of a run, as they come: every one counted and handed to `each` (the
 * --diagnostics file), the first FINDINGS_KEPT of each kind kept in `list`, and for a kind
 * with more, one `findings/omitted` finding in `list` (where the first left out would have
 * been) that counts them exactly.
 */
export class Findings implements FindingSink {
  readonly list: Diagnostic[] = [];
  private readonly counts = new Map<string, { count: number; omitted?: Diagnostic; names?: Set<string> }>();
  private readonly open: Diagnostic[] = [];

  constructor(
    private readonly each?: (d: Diagnostic) => void,
    readonly bound: number = FINDINGS_KEPT,
  ) {}

  push(...ds: Diagnostic[]): number {
    for (const d of ds) this.add(d);
    return this.list.length;
  }

  add(d: Diagnostic): void {
    this.each?.(d);
    const key = kindOf(d);
    let kind = this.counts.get(key);
    if (!kind) this.counts.set(key, (kind = { count: 0 }));
    kind.count++;
    // The distinct names a kind quotes (unknown regions, indicators), for a headline over all of them.
    const { name } = d.params;
    if (typeof name === 'string' && (kind.names ??= new Set()).size < NAMES_COUNTED) kind.names.add(name);
    if (kind.count <= this.bound) {
      this.list.push(d);
      return;
    }
    if (!kind.omitted) {
      const { indicator } = d.params;
      const params: Params = { code: d.code, count: 0, kept: this.bound, omitted: 0, ...(typeof indicator === 'string' ? { indicator } : {}) };
      kind.omitted = diag(d.severity, OMITTED, params, d.file !== undefined ? { file: d.file } : {});
      this.list.push(kind.omitted);
    }
    const { params } = kind.omitted;
    params.count = kind.count;
    params.omitted = kind.count - this.bound;
    if (kind.names) {
      params.names = kind.names.size;
      params.namesCapped = kind.names.size >= NAMES_COUNTED;
    }
  }

  /** A finding its maker still changes (see pushOpen): kept whatever the bound, handed on by `close`. */
  pushOpen(d: Diagnostic): void {
    const key = kindOf(d);
    const kind = this.counts.get(key);
    if (kind) kind.count++;
    else this.counts.set(key, { count: 1 });
    this.list.push(d);
    this.open.push(d);
  }

  /** The open findings handed on, in their final form: the reading that changed them is over. */
  close(): void {
    for (const d of this.open) this.each?.(d);
    this.open.length = 0;
  }

  get hasErrors(): boolean {
    return hasErrors(this.list);
  }
}
