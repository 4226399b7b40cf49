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
  /** 1-based column: a character column in YAML, a field number in CSV. */
  column?: number;
}

export function diag(
  severity: Severity,
  code: string,
  params: Params = {},
  where: { file?: string; line?: number; column?: number } = {},
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
