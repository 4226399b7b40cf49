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

export type Rasterize = (svgs: readonly string[], width: number, height: number) => Array<Uint8Array | undefined>;

/** Charts drawn per pass: each pass loads the font once (a CJK font is ~20 MB), and a pass's pixels stay under ~20 MB. */
const PER_PASS = 10;

/** A function that draws charts as PNG, or undefined (and a warning on standard error) when the machine cannot. */
export function chartRasterizer(io: Io, lang: Lang): Rasterize | undefined {
  // PLANCHECK_FONT=none: no charts, asked for (each label costs the renderer a read of the font; a CJK one is ~20 MB).
  if (io.env.PLANCHECK_FONT === 'none') return undefined;
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
  return (svgs, width, height) => {
    const out: Array<Uint8Array | undefined> = [];
    for (let from = 0; from < svgs.length; from += PER_PASS) {
      const batch = svgs.slice(from, from + PER_PASS);
      try {
        // The charts stacked in one picture, drawn in one pass, then cut apart.
        const stacked = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height * batch.length}" viewBox="0 0 ${width} ${height * batch.length}">${batch
          .map((svg, k) => svg.replace(/^<svg /, `<svg x="0" y="${k * height}" width="${width}" height="${height}" `).replace(/ width="\d+" height="\d+"( role=)/, '$1'))
          .join('')}</svg>`;
        const image = new Resvg(stacked, { background: '#ffffff', font: { fontFiles: [font], loadSystemFonts: false } }).render();
        const pixels = image.pixels;
        const rowBytes = image.width * 4;
        for (let k = 0; k < batch.length; k++) out.push(encodePng(pixels.subarray(k * height * rowBytes, (k + 1) * height * rowBytes), image.width, height));
      } catch {
        for (let k = 0; k < batch.length; k++) out.push(undefined);
      }
    }
    return out;
  };
}

/** RGBA pixels as a PNG file: the signature, IHDR, one IDAT (each row filter 0, deflated), IEND. */
export function encodePng(rgba: Uint8Array, width: number, height: number): Uint8Array {
  // Required here, not imported: the offline page's build (scripts/build-app.mjs) stands in a node:zlib of its own, without these; it never draws a chart.
  const { crc32, deflateSync } = require('node:zlib') as typeof import('node:zlib');
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  const chunk = (type: string, data: Uint8Array) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter method, no interlace
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array(0))]);
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
