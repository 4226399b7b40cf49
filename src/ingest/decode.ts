// Bytes → text, without an --encoding flag, for a whole file (decode) or piece by piece
// (PieceText): a return comes from Excel as UTF-8 (with or without BOM), GB18030/GBK
// (a Chinese Windows "CSV") or UTF-16 with a BOM ("Unicode 文本"). Detected by BOM,
// else by whether strict UTF-8 holds.
import { diag, type Diagnostic, type FindingSink } from '../diagnostics.js';
import { isAscii, isUtf8 } from 'node:buffer';
import { checkLimits, checkMixedEncoding, firstNonUtf8Line, utf8Damage } from './limits.js';
import { countLines, type Piece } from './pieces.js';
import { utf16WithoutBom } from './zip-magic.js';
import { indexOfByte } from './byte-search.js';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type Decoded = { text: string; encoding: Encoding; diagnostics: Diagnostic[] } | { text?: undefined; diagnostics: Diagnostic[] };

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean => prefix.every((b, i) => bytes[i] === b);

/** Text that starts with a UTF-16 byte order mark, either way round. */
export const isUtf16 = (bytes: Uint8Array): boolean => startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
/** Text that starts with a UTF-8 byte order mark. */
export const hasUtf8Bom = (bytes: Uint8Array): boolean => startsWith(bytes, [0xef, 0xbb, 0xbf]);

/** 1-based line of a byte offset, counting LF bytes (valid for every non-UTF-16 encoding here). */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** 1-based line of a character of decoded text. */
const lineOf = (text: string, index: number): number => text.slice(0, index).split('\n').length;

export function decode(bytes: Uint8Array, file: string): Decoded {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const limits = checkLimits(bytes, file);
    if (limits.length) return { diagnostics: limits };
  }
  if (startsWith(bytes, [0xff, 0xfe])) return strict(bytes.subarray(2), 'utf-16le', file);
  if (startsWith(bytes, [0xfe, 0xff])) return strict(bytes.subarray(2), 'utf-16be', file);

  // A workbook saved as .xlsx (a zip) or .xls (OLE) instead of "CSV": say so, not "binary".
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return { diagnostics: [diag('error', 'data/excel-workbook', {}, { file, line: 1, column: 1 })] };
  }
  const nul = bytes.indexOf(0);
  // NUL bytes in every other place: UTF-16 text that lost (or never had) its BOM, not binary.
  const utf16 = nul >= 0 ? utf16WithoutBom(bytes) : undefined;
  if (utf16) {
    // Read as the same text with its BOM: the same limits and decoding.
    const withBom = new Uint8Array(bytes.length + 2);
    withBom.set(utf16 === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff]);
    withBom.set(bytes, 2);
    return decode(withBom, file);
  }
  if (nul >= 0) return { diagnostics: [diag('error', 'data/binary-file', {}, { file, line: lineAt(bytes, nul), column: 1 })] };

  // A 100 MB "cell" or line is refused in one pass, before anything is decoded or split.
  const limits = checkLimits(bytes, file);
  if (limits.length) return { diagnostics: limits };

  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return strict(bytes.subarray(3), 'utf-8-bom', file);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', diagnostics: [] };
  } catch {
    // Not UTF-8: GB18030 is a superset of GBK and GB2312, so it reads what a Chinese Excel writes,
    // unless the file mixes UTF-8 and GBK lines (pasted together), which neither reads whole.
    const mixed = checkMixedEncoding(bytes, file);
    if (mixed.length) return { diagnostics: mixed };
    const text = new TextDecoder('gb18030').decode(bytes);
    const bad = text.indexOf('\uFFFD');
    const diagnostics = bad < 0 ? [] : [diag('warning', 'data/undecodable-bytes', {}, { file, line: lineOf(text, bad), column: 1 })];
    return { text, encoding: 'gb18030', diagnostics };
  }
}

function strict(body: Uint8Array, encoding: Encoding, file: string): Decoded {
  const label = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
  try {
    const text = new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(body);
    // UTF-16 text is full of NUL bytes, so binary content shows only once decoded.
    const nul = text.indexOf('\u0000');
    if (nul >= 0) return { diagnostics: [diag('error', 'data/binary-file', {}, { file, line: lineOf(text, nul), column: 1 })] };
    return { text, encoding, diagnostics: [] };
  } catch {
    return { diagnostics: [diag('error', 'data/bad-encoding', { encoding }, { file, line: 1, column: 1 })] };
  }
}

/**
 * Decodes the pieces of one file as decode() decodes a whole one: UTF-8 (after a BOM,
 * or while it holds), else GB18030; a file that turns from UTF-8 Chinese to GBK is refused.
 */
export class PieceText {
  encoding: 'utf-8' | 'utf-8-bom' | 'gb18030';
  private utf8Line = 0;
  private undecodable = false;
  constructor(
    private readonly file: string,
    bom: boolean,
  ) {
    this.encoding = bom ? 'utf-8-bom' : 'utf-8';
  }

  /**
   * Whether a piece after the first reads as UTF-8 as it stands, so that its bytes can be read
   * without decoding them. False sends it to decode(), which says what is wrong or turns to GB18030.
   */
  isUtf8(piece: Piece): boolean {
    const { bytes } = piece;
    if (this.encoding === 'gb18030' || piece.lineOffset === 0 || indexOfByte(bytes, 0) >= 0 || !isUtf8(bytes)) return false;
    this.sawUtf8(piece);
    return true;
  }

  /** The first line with UTF-8 Chinese, for a message about GBK lines after it. */
  private sawUtf8({ bytes, lineOffset }: Piece): void {
    if (this.utf8Line !== 0 || isAscii(bytes)) return;
    const skip = lineOffset === 0 && this.encoding === 'utf-8-bom' ? 3 : 0;
    let wide = skip;
    while (wide < bytes.length && bytes[wide]! < 0x80) wide++;
    if (wide < bytes.length) this.utf8Line = lineOffset + countLines(bytes.subarray(0, wide)) + 1;
  }

  decode(piece: Piece, diagnostics: FindingSink): string | undefined {
    const { bytes, lineOffset } = piece;
    const nul = bytes.indexOf(0);
    if (nul >= 0) return void diagnostics.push(diag('error', 'data/binary-file', {}, { file: this.file, line: lineOffset + countLines(bytes.subarray(0, nul)) + 1, column: 1 }));
    if (this.encoding !== 'gb18030') {
      try {
        const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: lineOffset > 0 }).decode(bytes);
        this.sawUtf8(piece);
        return text;
      } catch {
        const bad = firstNonUtf8Line(bytes);
        if (this.encoding === 'utf-8-bom' || this.utf8Line > 0) {
          // UTF-8 Chinese earlier in the file, and now lines that are not UTF-8: pasted from another file.
          const gbkLine = lineOffset + bad;
          if (this.encoding === 'utf-8-bom') return void diagnostics.push(diag('error', 'data/bad-encoding', { encoding: 'utf-8-bom' }, { file: this.file, line: gbkLine, column: 1 }));
          const damaged = utf8Damage(bytes, bad);
          if (damaged) return void diagnostics.push(diag('error', 'data/bad-utf8-byte', damaged, { file: this.file, line: gbkLine, column: 1 }));
          return void diagnostics.push(diag('error', 'data/mixed-encoding', { utf8Line: this.utf8Line, gbkLine }, { file: this.file, line: gbkLine, column: 1 }));
        }
        // Plain ASCII so far, which reads the same in GB18030: from here on the file is GB18030.
        this.encoding = 'gb18030';
      }
    }
    const mixed = checkMixedEncoding(bytes, this.file);
    if (mixed.length) return void diagnostics.push(...mixed.map((d) => ({ ...d, line: (d.line ?? 1) + lineOffset })));
    const text = new TextDecoder('gb18030').decode(bytes);
    if (!this.undecodable) {
      const bad = text.indexOf('\uFFFD');
      if (bad >= 0) {
        this.undecodable = true;
        diagnostics.push(diag('warning', 'data/undecodable-bytes', {}, { file: this.file, line: lineOffset + text.slice(0, bad).split('\n').length, column: 1 }));
      }
    }
    return text;
  }
}
