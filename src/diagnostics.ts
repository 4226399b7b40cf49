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
