// Formatters by name: pure functions from an evaluation to a string (or, for a binary
// format, to bytes), loaded only when asked for (a run that writes JSON never loads the
// terminal table's code).
// An unknown name is a usage error, never a silent fallback.
import type { Evaluation } from '../engine/evaluate.js';
import type { FormatContext } from './records.js';

export type Formatter = (evaluation: Evaluation, ctx: FormatContext) => string;
/** A format whose output is bytes, not text (an Excel workbook). */
export type BinaryFormatter = (evaluation: Evaluation, ctx: FormatContext) => Promise<Uint8Array>;

export const formatters = {
  table: async () => {
    const table = await import('./table.js');
    await table.loadColor();
    return table.formatTable;
  },
  json: async () => (await import('./json.js')).formatJson,
  csv: async () => (await import('./csv.js')).formatCsv,
  md: async () => (await import('./markdown.js')).formatMarkdown,
  html: async () => (await import('./html.js')).formatHtml,
  junit: async () => (await import('./junit.js')).formatJunit,
  github: async () => (await import('./github.js')).formatGithub,
  xlsx: async () => (await import('./xlsx.js')).formatXlsx,
} satisfies Record<string, () => Promise<Formatter | BinaryFormatter>>;

export type FormatName = keyof typeof formatters;

/**
 * The formatter of a name, for output with or without colour: a table without colour
 * does not load chalk and cli-table3 (formatters.table loads them, for either).
 */
export async function formatterFor(name: FormatName, color: boolean): Promise<Formatter | BinaryFormatter> {
  if (name !== 'table' || color) return formatters[name]();
  return (await import('./table.js')).formatTable;
}

export const FORMAT_NAMES = Object.keys(formatters) as FormatName[];

export const isFormatName = (s: string): s is FormatName => Object.hasOwn(formatters, s);

/** Formats whose output is bytes, which a terminal is not shown. */
export const isBinaryFormat = (name: FormatName): boolean => name === 'xlsx';

/** The format a file name asks for by its extension. */
export function formatForPath(path: string): FormatName | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  const byExt: Record<string, FormatName> = { json: 'json', csv: 'csv', md: 'md', markdown: 'md', html: 'html', htm: 'html', xml: 'junit', txt: 'table', xlsx: 'xlsx' };
  return ext && Object.hasOwn(byExt, ext) ? byExt[ext] : undefined;
}

export type { FormatContext } from './records.js';
