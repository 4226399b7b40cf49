// The report as a document: headings, paragraphs, lists and tables, already worded in the
// report's language. The HTML, Markdown and Word renderers draw the same blocks, so the
// narrative is worded once (src/format/report-narrative.ts).

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; id?: string }
  | { kind: 'paragraph'; text: string; muted?: boolean }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; caption?: string; head: string[]; rows: string[][]; numeric?: readonly number[]; merge?: boolean; wide?: boolean };
// merge: the first column's equal neighbours are one cell merged down its rows (the Word
// file; the other renderers repeat the name). wide: the Word file prints it in a landscape section.

export const heading = (level: 1 | 2 | 3, text: string, id?: string): Block => ({ kind: 'heading', level, text, ...(id ? { id } : {}) });
export const paragraph = (text: string, muted = false): Block => ({ kind: 'paragraph', text, ...(muted ? { muted } : {}) });
export const list = (items: string[]): Block => ({ kind: 'list', items });
