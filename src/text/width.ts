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

/**
 * Break text into lines of at most `width` columns, between words, never inside one: at a
 * space, on either side of a Chinese character (not before a closing mark such as ，。）
 * nor after an opening one such as （“), after a dash, a slash or the hyphen of a compound
 * word (Immunisation-programme, not -1.5). A word or a number
 * (Paediatricians, 100, 1.73‰*) is cut only when it alone is wider than the line.
 */
export function wrap(s: string, width: number): string {
  return wrapLines(s, width).join('\n');
}

/** Closing marks that never begin a line, and opening marks that never end one. */
const CLOSING = new Set([...'，。、；：？！）》」』”’】〕…％‰,.;:?!)]}%']);
const OPENING = new Set([...'（《「『“‘【〔([{']);

/**
 * The pieces of a paragraph that a line may not split: each Chinese character (with the
 * closing marks after it and the opening marks before it), each run of other characters up
 * to a space, dash or slash (a word, a number), each run of spaces.
 */
export function wordsOf(paragraph: string): string[] {
  const words: string[] = [];
  let word = '';
  let kind: 'space' | 'narrow' | 'wide' | undefined;
  for (const ch of paragraph) {
    const cp = ch.codePointAt(0)!;
    const now = ch === ' ' ? 'space' : isWide(cp) ? 'wide' : 'narrow';
    const joins =
      word !== '' &&
      ((now === 'space' && kind === 'space') ||
        (now === 'narrow' && kind === 'narrow' && !/[–—/]$|\p{L}-$/u.test(word)) ||
        (now !== 'space' && kind !== 'space' && CLOSING.has(ch)) ||
        (now !== 'space' && kind !== 'space' && OPENING.has(word.at(-1)!)));
    if (joins) word += ch;
    else {
      if (word) words.push(word);
      word = ch;
    }
    kind = now;
  }
  if (word) words.push(word);
  return words;
}

/** The widest piece of a text that wrap() keeps on one line: the narrowest a column of it can be without cutting a word. */
export function longestWord(s: string): number {
  let most = 0;
  for (const paragraph of s.split('\n')) for (const w of wordsOf(paragraph)) if (w[0] !== ' ') most = Math.max(most, displayWidth(w));
  return most;
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
    let line = '';
    let w = 0;
    // Spaces between words, dropped where a line breaks; spaces leading the paragraph are kept.
    let gap = '';
    for (const word of wordsOf(paragraph)) {
      if (word[0] === ' ') {
        if (line === '' && lines.length === 0) {
          line = word;
          w = word.length;
        } else gap = word;
        continue;
      }
      const ww = displayWidth(word);
      if (line !== '' && line.trim() !== '' && w + gap.length + ww > width) {
        lines.push(line);
        line = '';
        w = 0;
        gap = '';
      }
      if (w + gap.length + ww <= width) {
        line += gap + word;
        w += gap.length + ww;
      } else {
        // A word wider than the whole line: cut it where the line is full.
        for (const ch of gap + word) {
          const cw = displayWidth(ch);
          if (w + cw > width && line.trim() !== '') {
            lines.push(line);
            line = '';
            w = 0;
          }
          if (line === '' && ch === ' ') continue;
          line += ch;
          w += cw;
        }
      }
      gap = '';
    }
    lines.push(line);
  }
  return lines;
}

/**
 * Text fitted to a terminal `width` columns wide: each line wider than that wrapped, its
 * continuation indented two columns past the line's own indentation.
 */
export function fitLines(text: string, width: number): string {
  if (text.length * 2 <= width && !text.includes('\n')) return text;
  return text
    .split('\n')
    .map((line) => {
      if (displayWidth(line) <= width) return line;
      const indent = ' '.repeat(Math.min(line.length - line.trimStart().length + 2, Math.floor(width / 3)));
      const [first, ...rest] = wrapLines(line, width);
      const more = rest.join(' ').trim();
      return more ? [first, ...wrapLines(more, width - indent.length).map((l) => indent + l)].join('\n') : first;
    })
    .join('\n');
}
