// Display width in a terminal: East Asian wide and full-width characters take two
// columns. The ranges are those of is-fullwidth-code-point, which cli-table3's
// string-width uses, so both measure a cell alike. cli-table3 wraps by character
// count, so text is wrapped here instead.

/** The terminal table's width when the terminal's is not known (a pipe, a file, CI) and COLUMNS is not set. */
export const DEFAULT_WIDTH = 100;

function isWide(cp: number): boolean {
  return (
    cp >= 0x1100 &&
    (cp <= 0x115f ||
      cp === 0x2329 ||
      cp === 0x232a ||
      (cp >= 0x2e80 && cp <= 0x3247 && cp !== 0x303f) ||
      (cp >= 0x3250 && cp <= 0x4dbf) ||
      (cp >= 0x4e00 && cp <= 0xa4c6) ||
      (cp >= 0xa960 && cp <= 0xa97c) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe10 && cp <= 0xfe19) ||
      (cp >= 0xfe30 && cp <= 0xfe6b) ||
      (cp >= 0xff01 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x1b000 && cp <= 0x1b001) ||
      (cp >= 0x1f200 && cp <= 0x1f251) ||
      (cp >= 0x20000 && cp <= 0x3fffd))
  );
}

// eslint-disable-next-line no-control-regex
const ANSI = /[\u001b\u009b][[\]()#;?]*(?:(?:(?:[a-zA-Z\d]*(?:;[-a-zA-Z\d/#&.:=?%@~_]*)*)?\u0007)|(?:(?:\d{1,4}(?:;\d{0,4})*)?[\dA-PR-TZcf-ntqry=><~]))/g;

/**
 * Columns a string takes in a terminal, colour codes not counted. One pass over the
 * UTF-16 code units: a table measures thousands of lines once each, mostly before the
 * engine has compiled anything, where a string iterator and a regular expression a
 * line cost several times more.
 */
export function displayWidth(s: string): number {
  const text = s.includes('\u001b') || s.includes('\u009b') ? s.replace(ANSI, '') : s;
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    // Control characters and combining marks take no column.
    if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0x300 && cp <= 0x36f) || cp === 0x200b) continue;
    w += isWide(cp) ? 2 : 1;
  }
  return w;
}

/** Break text into lines of at most `width` columns: Chinese anywhere, English at the last space. */
export function wrap(s: string, width: number): string {
  return wrapLines(s, width).join('\n');
}

/** The lines of wrap(s, width). */
export function wrapLines(s: string, width: number): string[] {
  // No character takes more than two columns: a short line fits as it is.
  if (s.length * 2 <= width && !s.includes('\n')) return [s];
  const lines: string[] = [];
  for (const paragraph of s.split('\n')) {
    // No character takes more than two columns: a short paragraph fits as it is.
    if (paragraph.length * 2 <= width) {
      lines.push(paragraph);
      continue;
    }
    // The line being filled is paragraph[start, i), `w` columns wide.
    let start = 0;
    let w = 0;
    for (let i = 0; i < paragraph.length; ) {
      let cp = paragraph.charCodeAt(i);
      let units = 1;
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < paragraph.length) {
        const low = paragraph.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
          units = 2;
        }
      }
      const cw = isWide(cp) ? 2 : 1;
      if (w + cw > width && i > start) {
        // English breaks at the last space; Chinese anywhere.
        const line = paragraph.slice(start, i);
        const space = cw === 1 ? line.lastIndexOf(' ') : -1;
        const cut = space > 0 && cp !== 0x20 ? space : line.length;
        lines.push(line.slice(0, cut).trimEnd());
        const rest = line.slice(cut);
        start += cut + rest.length - rest.trimStart().length;
        w = displayWidth(paragraph.slice(start, i));
      }
      w += cw;
      i += units;
    }
    lines.push(paragraph.slice(start));
  }
  return lines;
}
