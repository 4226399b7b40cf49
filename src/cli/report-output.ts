// Where a report goes: every -o file in the format its extension names (.html, .md, .json, .xlsx, .docx),
// checked before any work is done; an -o that names an input is refused.
import { PlancheckError } from '../diagnostics.js';
import type { Io } from './io.js';
import { checkOutputPaths } from './output-paths.js';

export type ReportFormat = 'html' | 'md' | 'json' | 'xlsx' | 'docx';

const BY_EXTENSION: Record<string, ReportFormat> = { html: 'html', htm: 'html', md: 'md', markdown: 'md', json: 'json', xlsx: 'xlsx', docx: 'docx' };

export function reportFormatForPath(path: string): ReportFormat | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  return ext ? BY_EXTENSION[ext] : undefined;
}

export function planReportOutputs(io: Io, outputs: readonly string[], inputPaths: readonly string[]): Array<{ path: string; format: ReportFormat }> {
  checkOutputPaths(io, outputs, inputPaths);
  return outputs.map((path) => {
    const format = reportFormatForPath(path);
    if (!format) throw new PlancheckError('report/bad-extension', { path, allowed: '.html .md .json .xlsx .docx' });
    return { path, format };
  });
}
