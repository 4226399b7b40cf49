// The words for an output that could not be written (standard output to a full disk,
// `> /dev/full`): the binary prints them and exits 2, never a silent exit.
import { t } from '../i18n/index.js';
import { parseLang } from './options.js';

export function writeFailure(argv: readonly string[], env: Record<string, string | undefined>, stream: 'stdout' | 'stderr', e: unknown): string {
  const i = argv.indexOf('--lang');
  let lang: 'zh' | 'en' = 'zh';
  try {
    lang = parseLang(i >= 0 ? argv[i + 1] : undefined, env);
  } catch {
    // a bad --lang is main()'s to report
  }
  const err = e as NodeJS.ErrnoException | undefined;
  return `plancheck: ${t(lang, 'cli/write-failed', { stream: stream === 'stdout' ? t(lang, 'cli/stream-stdout') : t(lang, 'cli/stream-stderr'), detail: err?.code ?? String(err?.message ?? e) })}\n`;
}
