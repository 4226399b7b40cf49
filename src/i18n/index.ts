// Words users read, in Chinese by default and English with --lang en.
// Each layer keeps its own catalog; a message is a template with {param}s.
import type { Diagnostic, Params } from '../diagnostics.js';
import { planMessages } from './plan.js';
import { ingestMessages } from './ingest.js';
import { engineMessages } from './engine.js';
import { cliMessages } from './cli.js';
import { formatMessages } from './format.js';
import { qualityMessages } from './quality.js';
import { reportMessages } from './report.js';
import { escapeControls } from '../text/controls.js';
import { hostileMessages } from './hostile.js';
import { findingsMessages } from './findings.js';
import { displayParams } from './display.js';
import { emptyRunMessages } from './empty-run.js';
import { intervalMessages } from './intervals.js';
import { xlsxMessages } from './xlsx.js';
import { narrativeMessages } from './narrative.js';
import { helpMessages } from './help.js';
import { sectionMessages } from './sections.js';
import { appMessages } from './app.js';
import type { Catalog, Lang } from './catalog.js';

export type { Catalog, Lang } from './catalog.js';

// Looked up layer by layer: merging them into one object at every start costs more than
// all the lookups of a run.
const catalogs: readonly Catalog[] = [planMessages, ingestMessages, engineMessages, formatMessages, cliMessages, reportMessages, qualityMessages, hostileMessages, findingsMessages, emptyRunMessages, intervalMessages, xlsxMessages, narrativeMessages, helpMessages, sectionMessages, appMessages];

/** Codes looked up so far: a table asks for the same few words hundreds of times. */
const found = new Map<string, { zh: string; en: string } | null>();

function entryOf(code: string): { zh: string; en: string } | undefined {
  let entry = found.get(code);
  if (entry === undefined) {
    entry = null;
    for (const catalog of catalogs) {
      if (Object.hasOwn(catalog, code)) {
        entry = catalog[code]!;
        break;
      }
    }
    found.set(code, entry);
  }
  return entry ?? undefined;
}

export function t(lang: Lang, code: string, params: Params = {}): string {
  const entry = entryOf(code);
  return fill(entry ? entry[lang] : code, params);
}

/** A message's template, in a language: the code itself when no catalog has it. */
export function templateOf(lang: Lang, code: string): string {
  const entry = entryOf(code);
  return entry ? entry[lang] : code;
}

/** A template with its {param}s filled in. */
export function fill(template: string, params: Params = {}): string {
  // Most words (statuses, column heads, units) have no parameter.
  if (!template.includes('{')) return template;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    // An English list ({xEn}, see listParam) falls back on the list as given when a caller gave one form only.
    const v = params[k] ?? (k.endsWith('En') ? params[k.slice(0, -2)] : undefined);
    // A parameter may quote a return's cell: its control characters are shown, never sent.
    return v === undefined ? `{${k}}` : typeof v === 'string' ? escapeControls(v) : String(v);
  });
}

export function hasMessage(code: string): boolean {
  return entryOf(code) !== undefined;
}

/** `Sheet1!D7`, quoting a sheet name as Excel does when it holds spaces or punctuation. */
export function cellReference(sheet: string, cell: string): string {
  const name = /^[\p{L}\p{N}_]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${cell}`;
}

/** A finding's message, its numbers rounded for display (the diagnostic keeps them whole). */
export function diagnosticMessage(d: Diagnostic, lang: Lang): string {
  return t(lang, d.code, displayParams(d.code, d.params));
}

/** `file:line:column: 错误 message` — the form editors and CI logs understand; `book.xlsx:Sheet1!D7: …` in a workbook. */
export function formatDiagnostic(d: Diagnostic, lang: Lang): string {
  return `${whereOf(d)}${t(lang, `severity/${d.severity}`)}: ${diagnosticMessage(d, lang)} [${d.code}]`;
}

export function whereOf(d: Diagnostic): string {
  if (!d.file) return '';
  const file = escapeControls(d.file);
  if (d.sheet !== undefined) {
    const name = escapeControls(d.cell !== undefined ? cellReference(d.sheet, d.cell) : cellReference(d.sheet, '').slice(0, -1));
    return `${file}:${name}: `;
  }
  return `${file}${d.line ? `:${d.line}` : ''}${d.line && d.column ? `:${d.column}` : ''}: `;
}
