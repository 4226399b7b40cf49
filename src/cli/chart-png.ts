// The Word file's charts as PNG: the report's SVG charts drawn by resvg (the npm package
// @resvg/resvg-js, prebuilt for each platform, no browser), with a CJK font found on the
// machine. Where the renderer or a font is missing, the Word file has no charts and the run
// says why, once, on standard error: never a chart with empty boxes for its Chinese labels.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { t, type Lang } from '../i18n/index.js';
import type { Io } from './io.js';

/** Where fonts live on Linux, Windows and macOS. */
const FONT_DIRS = [
  '/usr/share/fonts', '/usr/local/share/fonts', '/usr/share/fonts/truetype', '/usr/share/fonts/opentype',
  'C:\\Windows\\Fonts', '/System/Library/Fonts', '/Library/Fonts',
];
/** A font file that draws Chinese: Noto/Source Han, WenQuanYi, the Windows and macOS ones. */
const CJK = /(notosanscjk|notoserifcjk|sourcehan|wqy|simsun|simhei|simfang|msyh|pingfang|hiragino|droidsansfallback|arphic|ukai|uming)/i;

export function findCjkFont(io: Io): string | undefined {
  const given = io.env.PLANCHECK_FONT;
  if (given) return existsSync(given) ? given : undefined;
  const home = io.env.HOME;
  const dirs = [...FONT_DIRS, ...(home ? [join(home, '.fonts'), join(home, '.local/share/fonts')] : [])];
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names.sort()) {
      const path = join(dir, name);
      if (/\.(ttc|ttf|otf)$/i.test(name)) {
        if (CJK.test(name)) found.push(path);
      } else if (depth < 4 && !name.includes('.')) walk(path, depth + 1);
    }
  };
  for (const dir of dirs) walk(dir, 0);
  // A regular sans face reads best at chart sizes.
  const score = (p: string) => (/sans/i.test(p) ? 0 : 2) + (/regular|simhei|msyh|wqy/i.test(p) ? 0 : 1);
  return found.sort((a, b) => score(a) - score(b))[0];
}

export type Rasterize = (svg: string, width: number, height: number) => Uint8Array | undefined;

/** A function that draws a chart as PNG, or undefined (and a warning on standard error) when the machine cannot. */
export function chartRasterizer(io: Io, lang: Lang): Rasterize | undefined {
  const font = findCjkFont(io);
  if (!font) {
    io.stderr(`${t(lang, 'docx/no-font', { variable: 'PLANCHECK_FONT' })}\n`);
    return undefined;
  }
  let Resvg: typeof import('@resvg/resvg-js').Resvg;
  try {
    // Loaded only when a Word file is written; its native part is prebuilt for the platform.
    ({ Resvg } = require('@resvg/resvg-js') as typeof import('@resvg/resvg-js'));
  } catch {
    io.stderr(`${t(lang, 'docx/no-renderer')}\n`);
    return undefined;
  }
  return (svg, width) => {
    try {
      // An SVG inline in HTML needs no namespace; a file on its own does.
      const own = svg.includes('xmlns=') ? svg : svg.replace('<svg ', '<svg xmlns="http://www.w3.org/2000/svg" ');
      const r = new Resvg(own, { fitTo: { mode: 'width', value: width }, background: '#ffffff', font: { fontFiles: [font], loadSystemFonts: false } });
      return new Uint8Array(r.render().asPng());
    } catch {
      return undefined;
    }
  };
}
