// A workbook whose XML says something no spreadsheet program writes, read before exceljs,
// which would read it wrongly without a word:
// - a shared-string cell (t="s") with no string table, or an index past its end: exceljs
//   reads the index itself, so `<v>1</v>` becomes the number 1 (新生儿死亡率 1‰, met);
// - a row number given twice, or going back (two <row r="2">): exceljs keeps one of them
//   and the other row is lost.
// Each is an error at the sheet and cell (or row), never a guess.
import { diag, type Diagnostic } from '../diagnostics.js';
import { centralDirectory, partBytes } from './xlsx-limits.js';

export function checkWorkbookTruth(bytes: Uint8Array, file: string): Diagnostic[] {
  const entries = centralDirectory(bytes);
  if (!entries) return [];
  const text = (name: string): string | undefined => {
    const entry = entries.find((e) => e.name.toLowerCase() === name.toLowerCase());
    const data = entry ? partBytes(bytes, entry) : undefined;
    return data instanceof Uint8Array ? new TextDecoder().decode(data) : undefined;
  };
  const table = text('xl/sharedStrings.xml');
  const strings = table === undefined ? undefined : (table.match(/<(?:\w+:)?si[\s>/]/gu) ?? []).length;
  const names = sheetNames(text('xl/workbook.xml'), text('xl/_rels/workbook.xml.rels'));
  const out: Diagnostic[] = [];
  for (const entry of entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/iu.test(entry.name)) continue;
    const xml = text(entry.name);
    if (xml === undefined) continue;
    const sheet = names.get(entry.name.toLowerCase()) ?? entry.name;
    out.push(...rowProblems(xml, file, sheet), ...stringProblems(xml, file, sheet, strings));
  }
  return out;
}

/** The first row whose number is not greater than the row before it. */
function rowProblems(xml: string, file: string, sheet: string): Diagnostic[] {
  let previous = 0;
  for (const m of xml.matchAll(/<(?:\w+:)?row\b([^>]*)>/gu)) {
    const r = /\br="(\d+)"/u.exec(m[1]!);
    if (!r) {
      previous++;
      continue;
    }
    const row = Number(r[1]);
    if (row <= previous) return [diag('error', 'data/xlsx-row-twice', { row, previous }, { file, sheet, cell: `A${row}` })];
    previous = row;
  }
  return [];
}

/** The first shared-string cell whose index has no string, and how many such cells there are. */
function stringProblems(xml: string, file: string, sheet: string, strings: number | undefined): Diagnostic[] {
  if (!/\bt="s"/u.test(xml)) return [];
  let first: { cell: string; index: number } | undefined;
  let count = 0;
  for (const m of xml.matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/gu)) {
    if (!/\bt="s"/u.test(m[1]!)) continue;
    const v = /<(?:\w+:)?v>\s*(\d+)\s*<\/(?:\w+:)?v>/u.exec(m[2] ?? '');
    if (!v) continue;
    const index = Number(v[1]);
    if (strings !== undefined && index < strings) continue;
    count++;
    first ??= { cell: /\br="([A-Z]{1,3}\d+)"/u.exec(m[1]!)?.[1] ?? 'A1', index };
  }
  if (!first) return [];
  const code = strings === undefined ? 'data/xlsx-no-string-table' : 'data/xlsx-string-index';
  return [diag('error', code, { index: first.index, strings: strings ?? 0, count }, { file, sheet, cell: first.cell })];
}

/** Each sheet's part (xl/worksheets/sheet1.xml), lower-cased, to the name its tab shows. */
function sheetNames(workbook: string | undefined, rels: string | undefined): Map<string, string> {
  const names = new Map<string, string>();
  if (workbook === undefined || rels === undefined) return names;
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/gu)) {
    const id = /\bId="([^"]*)"/u.exec(m[1]!)?.[1];
    const target = /\bTarget="([^"]*)"/u.exec(m[1]!)?.[1];
    if (id !== undefined && target !== undefined) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/gu)) {
    const name = /\bname="([^"]*)"/u.exec(m[1]!)?.[1];
    const id = /\br:id="([^"]*)"/u.exec(m[1]!)?.[1];
    const part = id !== undefined ? targets.get(id) : undefined;
    if (name !== undefined && part !== undefined) names.set(part.toLowerCase(), unescapeXml(name));
  }
  return names;
}

const unescapeXml = (s: string) => s.replace(/&(lt|gt|quot|apos|amp);/gu, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);
