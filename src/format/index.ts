// Formatters by name: pure functions from an evaluation to a string.
// An unknown name is a usage error, never a silent fallback.
import type { Evaluation } from '../engine/evaluate.js';
import { formatCsv } from './csv.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import type { FormatContext } from './records.js';
import { formatTable } from './table.js';

export type Formatter = (evaluation: Evaluation, ctx: FormatContext) => string;

export const formatters = {
  table: formatTable,
  json: formatJson,
  csv: formatCsv,
  md: formatMarkdown,
  junit: formatJunit,
} satisfies Record<string, Formatter>;

export type FormatName = keyof typeof formatters;

export const isFormatName = (s: string): s is FormatName => Object.hasOwn(formatters, s);

/** The format a file name asks for by its extension. */
export function formatForPath(path: string): FormatName | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  const byExt: Record<string, FormatName> = { json: 'json', csv: 'csv', md: 'md', markdown: 'md', xml: 'junit', txt: 'table' };
  return ext ? byExt[ext] : undefined;
}

export type { FormatContext } from './records.js';
