// Display width in a terminal: East Asian wide and full-width characters take two
// columns. cli-table3 wraps by character count, so text is wrapped here instead.

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return w;
}

/** Break text into lines of at most `width` columns, at any character (Chinese has no spaces). */
export function wrap(s: string, width: number): string {
  const lines: string[] = [];
  for (const paragraph of s.split('\n')) {
    let line = '';
    let w = 0;
    for (const ch of paragraph) {
      const cw = isWide(ch.codePointAt(0)!) ? 2 : 1;
      if (w + cw > width && line !== '') {
        // English breaks at the last space; Chinese anywhere.
        const space = line.lastIndexOf(' ');
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
