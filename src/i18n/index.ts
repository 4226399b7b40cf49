// Words users read, in Chinese by default and English with --lang en.
// Each layer keeps its own catalog; a message is a template with {param}s.
import type { Diagnostic, Params } from '../diagnostics.js';
import { planMessages } from './plan.js';
import { ingestMessages } from './ingest.js';
import { engineMessages } from './engine.js';
import { cliMessages } from './cli.js';
import { formatMessages } from './format.js';

export type Lang = 'zh' | 'en';
export type Catalog = Record<string, { zh: string; en: string }>;

const catalog: Catalog = { ...planMessages, ...ingestMessages, ...engineMessages, ...formatMessages, ...cliMessages };

export function t(lang: Lang, code: string, params: Params = {}): string {
  const entry = catalog[code];
  const template = entry ? entry[lang] : code;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    return v === undefined ? `{${k}}` : String(v);
  });
}

export function hasMessage(code: string): boolean {
  return code in catalog;
}

/** `file:line:column: 错误 message` — the form editors and CI logs understand. */
export function formatDiagnostic(d: Diagnostic, lang: Lang): string {
  const where = d.file ? `${d.file}${d.line ? `:${d.line}` : ''}${d.line && d.column ? `:${d.column}` : ''}: ` : '';
  return `${where}${t(lang, `severity/${d.severity}`)}: ${t(lang, d.code, d.params)} [${d.code}]`;
}
