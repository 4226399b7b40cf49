// Display width in a terminal: East Asian wide and full-width characters take two
// columns. The ranges are those of is-fullwidth-code-point, which cli-table3's
// string-width uses, so both measure a cell alike. cli-table3 wraps by character
// count, so text is wrapped here instead.

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
// eslint-disable-next-line no-control-regex
const PLAIN_ASCII = /^[\u0020-\u007e]*$/;

/** Columns a string takes in a terminal, colour codes not counted. */
export function displayWidth(s: string): number {
  if (PLAIN_ASCII.test(s)) return s.length;
  let w = 0;
  for (const ch of s.replace(ANSI, '')) {
    const cp = ch.codePointAt(0)!;
    // Control characters and combining marks take no column.
    if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0x300 && cp <= 0x36f) || cp === 0x200b) continue;
    w += isWide(cp) ? 2 : 1;
  }
  return w;
}

/** Break text into lines of at most `width` columns: Chinese anywhere, English at the last space. */
export function wrap(s: string, width: number): string {
  const lines: string[] = [];
  for (const paragraph of s.split('\n')) {
    let line = '';
    let w = 0;
    for (const ch of paragraph) {
      const cw = isWide(ch.codePointAt(0)!) ? 2 : 1;
      if (w + cw > width && line !== '') {
        // English breaks at the last space; Chinese anywhere.
        const space = cw === 1 ? line.lastIndexOf(' ') : -1;
        const cut = space > 0 && ch !== ' ' ? space : line.length;
        lines.push(line.slice(0, cut).trimEnd());
        line = line.slice(cut).trimStart();
        w = displayWidth(line);
      }
      line += ch;
      w += cw;
    }
    lines.push(line);
  }
  return lines.join('\n');
}
