// Big5 text read as GBK. A return saved by a Taiwan or Hong Kong Excel is Big5, which is not
// UTF-8, so decode.ts reads it as GB18030, the only other double-byte encoding it may take
// without a flag: every Big5 character is then some other character (區 → 跋, 市 → カ, often with a
// private-use one), and nothing fails. plancheck does not guess Big5 (GBK text often reads as
// Big5 too); it finds the cells whose GBK reading has the marks of Big5 read as GBK, and says
// so at each, with both readings, so that the user saves the file as UTF-8.
import { diag, listParam, pushOpen, type Diagnostic, type FindingSink, type Severity } from '../diagnostics.js';
import { locate, type Grid, type GridRow } from './grid.js';

/** Private use (U+E000–U+F8FF): GBK's user-defined rows, where many Big5 characters land. */
const PRIVATE_USE = /[\uE000-\uF8FF]/u;
/**
 * Characters of GBK's symbol rows that Big5's commonest characters become (一 → ，, 生 → ネ,
 * 兒 → ㄠ): kana, bopomofo, Greek and Cyrillic, and private use. A Chinese return in GBK has
 * next to none of them.
 */
const ODD = /[\uE000-\uF8FF\u3041-\u30FF\u3105-\u312F\u0391-\u03C9\u0401-\u0451]/gu;
const ASCII_ONLY = /^[\x00-\x7F]*$/u;

let gbkBytes: Map<string, number> | undefined;

/** Each character of GBK's two-byte area, to its two bytes (lead << 8 | trail): made once, when first needed. */
function gbkTable(): Map<string, number> {
  if (gbkBytes) return gbkBytes;
  const pairs: number[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) pairs.push((lead << 8) | trail);
  }
  const bytes = new Uint8Array(pairs.length * 2);
  pairs.forEach((p, i) => bytes.set([p >> 8, p & 0xff], i * 2));
  const chars = [...new TextDecoder('gb18030').decode(bytes)];
  const table = new Map<string, number>();
  // Every pair of this area is one character in GB18030; the first pair of a character is its own.
  chars.forEach((c, i) => {
    if (!table.has(c)) table.set(c, pairs[i]!);
  });
  return (gbkBytes = table);
}

/** The bytes GBK text came from; undefined when a character is not from GBK's one- or two-byte area. */
function gbkBytesOf(text: string): Uint8Array | undefined {
  const table = gbkTable();
  const out: number[] = [];
  for (const c of text) {
    const code = c.codePointAt(0)!;
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const pair = table.get(c);
    if (pair === undefined) return undefined;
    out.push(pair >> 8, pair & 0xff);
  }
  return Uint8Array.from(out);
}

/** What bytes read as GBK say as Big5; undefined when they are not clean Big5. */
function big5Reading(text: string): string | undefined {
  const bytes = gbkBytesOf(text);
  if (!bytes) return undefined;
  try {
    return new TextDecoder('big5', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

const oddCount = (text: string): number => text.match(ODD)?.length ?? 0;

/** Whether GB18030 text has anything the check below would look at: a cheap test of a whole file or piece. */
export const mayHoldBig5 = (text: string): boolean => PRIVATE_USE.test(text) || oddCount(text) >= 2;

/** What a cell's GBK reading is taken to be. */
type Reading = { kind: 'big5'; big5: string } | { kind: 'private-use' } | undefined;

/**
 * A cell whose GBK reading is Big5: its Big5 reading is clean and has none of the odd
 * characters, while the GBK one has a private-use character or two odd ones (once a file has
 * shown one such cell, any non-ASCII cell that reads clean as Big5 and differs). A private-use
 * character that is not Big5 is said too: it is no character a return means.
 */
function readingOf(text: string, fileIsBig5: boolean): Reading {
  if (ASCII_ONLY.test(text)) return undefined;
  const privateUse = PRIVATE_USE.test(text);
  if (!fileIsBig5 && !privateUse && oddCount(text) < 2) return undefined;
  const big5 = big5Reading(text);
  if (big5 !== undefined && big5 !== text && oddCount(big5) === 0) return { kind: 'big5', big5 };
  return privateUse ? { kind: 'private-use' } : undefined;
}

/** Cells listed by line in one finding; the finding counts the rest. */
const LINES_LISTED = 10;
const SHOWN = 20;
/** A cell's text as a message quotes it: cut short, a private-use character (which shows as nothing) written as \ue1d3. */
const shown = (text: string): string =>
  ([...text].length > SHOWN ? `${[...text].slice(0, SHOWN).join('')}…` : text).replace(/[\uE000-\uF8FF]/gu, (c) => `\\u${c.charCodeAt(0).toString(16)}`);

/**
 * The cells of one GB18030 file that are Big5 read as GBK: one finding per column and kind,
 * at its first cell, with both readings of it and the lines of the others. An error in a
 * column plancheck reads (an indicator or region misread is a wrong row), a warning in the
 * note column and in columns it passes over.
 */
export class Big5Cells {
  private fileIsBig5 = false;
  private readonly found = new Map<string, Diagnostic>();

  constructor(
    private readonly grid: Pick<Grid, 'file' | 'sheet'>,
    private readonly diagnostics: FindingSink,
    /** Whether a 0-based column is one whose misreading only a person would see (备注, a column passed over). */
    private readonly onlyRead: (column: number) => boolean = () => false,
  ) {}

  /** Rows of the file, in order; the header row too. */
  check(rows: Iterable<GridRow>): void {
    const list = [...rows];
    // A file known to be Big5 from one cell: every cell is checked against that, the earlier ones too.
    if (!this.fileIsBig5 && list.some((r) => r.texts.some((t) => t !== undefined && readingOf(t, false)?.kind === 'big5'))) this.fileIsBig5 = true;
    for (const row of list) row.texts.forEach((t, i) => t !== undefined && this.cell(t.trim(), row.line, i));
  }

  private cell(text: string, line: number, index: number): void {
    const reading = readingOf(text, this.fileIsBig5);
    if (!reading) return;
    const key = `${reading.kind}\u0000${index}`;
    const first = this.found.get(key);
    if (first) {
      first.params.count = Number(first.params.count) + 1;
      const lines = String(first.params.lines ?? '').split('、').filter((l) => l !== '');
      if (lines.length < LINES_LISTED && !lines.includes(String(line))) Object.assign(first.params, listParam('lines', [...lines, String(line)]));
      return;
    }
    const severity: Severity = this.onlyRead(index) ? 'warning' : 'error';
    const params = { gbk: shown(text), count: 1, ...listParam('lines', [String(line)]), ...(reading.kind === 'big5' ? { big5: shown(reading.big5) } : {}) };
    const d = diag(severity, reading.kind === 'big5' ? 'data/big5-text' : 'data/private-use-text', params, locate(this.grid, line, index + 1));
    this.found.set(key, d);
    // Its count and lines grow as the file is read: said in its final form.
    pushOpen(this.diagnostics, d);
  }
}
