// A known failure of a command (a setup error, an error of the system outside) as the
// message and exit status the user gets; anything else is a bug, and is thrown on.
// The command line (program.ts) and the offline page (src/app/) both end a run here.
import { PlancheckError } from '../diagnostics.js';
import { formatDiagnostic, t, type Lang } from '../i18n/index.js';
import type { Io } from './io.js';

/** Writes the failure's message on standard error and gives the exit status (2); throws what is not a known failure. */
export function failureStatus(io: Io, e: unknown, lang: Lang): number {
  if (e instanceof PlancheckError) {
    for (const d of e.diagnostics) io.stderr(`${formatDiagnostic(d, lang)}\n`);
    io.stderr(`plancheck: ${t(lang, e.code, e.params)}\n`);
    return 2;
  }
  const err = e as NodeJS.ErrnoException;
  if (err && typeof err.code === 'string' && /^E[A-Z]+$/.test(err.code)) {
    // The file and the system's error code, never its raw text (“EACCES: permission denied, open …”).
    io.stderr(`plancheck: ${t(lang, 'cli/io-error', { path: typeof err.path === 'string' ? err.path : '', code: err.code })}\n`);
    return 2;
  }
  throw e;
}

/** Why a file could not be read, in the user's words: missing, a folder, no permission, or the system's code (never its raw text). */
const READ_ERRORS: Record<string, string> = { ENOENT: 'cli/no-file', ENOTDIR: 'cli/no-file', EISDIR: 'cli/is-dir', EACCES: 'cli/read-denied', EPERM: 'cli/read-denied' };

export function readError(e: unknown, path: string): PlancheckError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return new PlancheckError((code !== undefined && READ_ERRORS[code]) || (code === undefined ? 'cli/no-file' : 'cli/read-other'), { path, code: code ?? '' });
}
