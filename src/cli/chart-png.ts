// The Word file's charts as PNG: the report's SVG charts drawn by resvg compiled to
// WebAssembly (@resvg/resvg-wasm), with the font that ships with plancheck (a subset of Noto
// Sans CJK SC, scripts/subset-font.mjs). One renderer, one font and one PNG encoder for the
// CLI and the offline page, so that both write the same pictures: where the wasm and the
// font come from is the Io's business (the CLI reads them from its own dist/ files, the
// page's worker holds them in memory at the same paths). A chart whose labels have a
// character the shipped font lacks is drawn with a CJK font found on the machine, and
// the run says so, once; where there is none (always so in the page), that chart is left
// out and the run says so: never a chart with empty boxes for its labels.
// PLANCHECK_FONT=FILE draws every chart with that font; PLANCHECK_FONT=none draws none.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflate } from 'pako';
import { t, type Lang } from '../i18n/index.js';
import type { Io } from './io.js';

/** Where fonts live on Linux, Windows and macOS. */
const FONT_DIRS = [
  '/usr/share/fonts', '/usr/local/share/fonts', '/usr/share/fonts/truetype', '/usr/share/fonts/opentype',
  'C:\\Windows\\Fonts', '/System/Library/Fonts', '/Library/Fonts',
];
/** A font file that draws Chinese: Noto/Source Han, WenQuanYi, the Windows and macOS ones. */
const CJK = /(notosanscjk|notoserifcjk|sourcehan|wqy|simsun|simhei|simfang|msyh|pingfang|hiragino|droidsansfallback|arphic|ukai|uming)/i;

/** A CJK font file on the machine (the font folders, walked through the Io), or undefined. */
export function findCjkFont(io: Io): string | undefined {
  const home = io.env.HOME;
  const dirs = [...FONT_DIRS, ...(home ? [join(home, '.fonts'), join(home, '.local/share/fonts')] : [])];
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    let names: string[];
    try {
      names = io.listDir(dir);
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

/** The shipped files the renderer needs, by their place in dist/ (scripts/build.mjs copies them there). */
export const CHART_FONT = 'assets/fonts/chart-font.otf';
export const RESVG_WASM = 'vendor/resvg.wasm';
/** The same files in the source tree, for a run from src/ (the in-process tests). */
const IN_SOURCES: Record<string, string> = { [CHART_FONT]: '../assets/fonts/chart-font.otf', [RESVG_WASM]: '../../node_modules/@resvg/resvg-wasm/index_bg.wasm' };

/**
 * A shipped file's bytes, read through the Io from beside this module: dist/ for the CLI's
 * bundles (dist/commands/*.cjs one folder down), /plancheck/dist/ in the page's worker.
 */
export function shippedFile(io: Io, file: string): Uint8Array | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const path of [join(here, file), join(dirname(here), file), join(here, IN_SOURCES[file] ?? file)]) {
    try {
      return io.readFile(path);
    } catch {
      // not there: the next place
    }
  }
  return undefined;
}

type ResvgModule = typeof import('@resvg/resvg-wasm');
/** The renderer, compiled and started once a process (initWasm may run only once). */
let renderer: Promise<ResvgModule> | undefined;
async function resvg(wasm: Uint8Array): Promise<ResvgModule> {
  renderer ??= import('@resvg/resvg-wasm').then(async (m) => {
    await m.initWasm(wasm);
    return m;
  });
  return renderer;
}

export type Rasterize = (svgs: readonly string[], width: number, height: number) => Array<Uint8Array | undefined>;

/** Charts drawn per pass: each pass loads its font once, and a pass's pixels stay under ~20 MB. */
const PER_PASS = 10;

/** A function that draws charts as PNG, or undefined (and a warning on standard error) when it cannot. */
export async function chartRasterizer(io: Io, lang: Lang): Promise<Rasterize | undefined> {
  // PLANCHECK_FONT=none: no charts, asked for.
  const given = io.env.PLANCHECK_FONT;
  if (given === 'none') return undefined;
  const wasm = shippedFile(io, RESVG_WASM);
  let shipped = shippedFile(io, CHART_FONT);
  let m: ResvgModule | undefined;
  try {
    m = wasm && shipped ? await resvg(wasm) : undefined;
  } catch {
    m = undefined;
  }
  if (!m || !shipped) {
    io.stderr(`${t(lang, 'docx/no-renderer')}\n`);
    return undefined;
  }
  const { Resvg } = m;
  // PLANCHECK_FONT=FILE: that font for every chart; a file not there is said, and the shipped font used.
  let covers = cmapCovers(shipped);
  if (given) {
    let font: Uint8Array | undefined;
    try {
      font = io.readFile(given);
    } catch {
      io.stderr(`${t(lang, 'docx/font-missing', { variable: 'PLANCHECK_FONT', path: given })}\n`);
    }
    if (font) {
      shipped = font;
      covers = () => true;
    }
  }
  const font = shipped;
  return (svgs, width, height) => {
    const draw = (picked: readonly number[], buffer: Uint8Array, out: Array<Uint8Array | undefined>) => {
      for (let from = 0; from < picked.length; from += PER_PASS) {
        const batch = picked.slice(from, from + PER_PASS);
        try {
          // The charts stacked in one picture, drawn in one pass, then cut apart.
          const stacked = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height * batch.length}" viewBox="0 0 ${width} ${height * batch.length}">${batch
            .map((i, k) => svgs[i]!.replace(/^<svg /, `<svg x="0" y="${k * height}" width="${width}" height="${height}" `).replace(/ width="\d+" height="\d+"( role=)/, '$1'))
            .join('')}</svg>`;
          const resvg = new Resvg(stacked, { background: '#ffffff', font: { fontBuffers: [buffer] } });
          const image = resvg.render();
          const pixels = image.pixels;
          const rowBytes = image.width * 4;
          for (let k = 0; k < batch.length; k++) out[batch[k]!] = encodePng(pixels.subarray(k * height * rowBytes, (k + 1) * height * rowBytes), image.width, height);
          image.free();
          resvg.free();
        } catch {
          // left out: the Word file says how many charts it has
        }
      }
    };
    const out: Array<Uint8Array | undefined> = svgs.map(() => undefined);
    const uncovered = new Set<string>();
    const ours: number[] = [];
    const others: number[] = [];
    svgs.forEach((svg, i) => {
      const lacking = [...labelText(svg)].filter((ch) => !/\s/u.test(ch) && !covers(ch.codePointAt(0)!));
      for (const ch of lacking) uncovered.add(ch);
      (lacking.length ? others : ours).push(i);
    });
    draw(ours, font, out);
    if (others.length) {
      const chars = [...uncovered].join('');
      const system = findCjkFont(io);
      let fallback: Uint8Array | undefined;
      try {
        fallback = system ? io.readFile(system) : undefined;
      } catch {
        fallback = undefined;
      }
      // The machine's font is used only where it has every character the shipped one lacks.
      const has = fallback ? cmapCovers(fallback) : undefined;
      if (fallback && has && [...uncovered].every((ch) => has(ch.codePointAt(0)!))) {
        io.stderr(`${t(lang, 'docx/font-fallback', { count: others.length, chars, font: system! })}\n`);
        draw(others, fallback, out);
      } else io.stderr(`${t(lang, 'docx/chart-left-out', { count: others.length, chars, variable: 'PLANCHECK_FONT' })}\n`);
    }
    return out;
  };
}

/** What a chart draws as text: its <text> elements' content, entities read. */
function labelText(svg: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/gu)]
    .map((m) => m[1]!.replace(/&(#x?[0-9a-f]+|\w+);/giu, (all, e: string) => (e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (entities[e] ?? all))))
    .join('');
}

/**
 * Which characters a font (an OpenType or TrueType file, or the first font of a collection)
 * maps to a glyph, from its cmap's Unicode subtable (format 4 or 12). A font with neither
 * covers nothing.
 */
export function cmapCovers(font: Uint8Array): (codePoint: number) => boolean {
  const v = new DataView(font.buffer, font.byteOffset, font.byteLength);
  try {
    const start = v.getUint32(0) === 0x74746366 ? v.getUint32(12) : 0; // 'ttcf': the first font's offset
    const tables = v.getUint16(start + 4);
    let cmap = -1;
    for (let i = 0; i < tables; i++) if (v.getUint32(start + 12 + i * 16) === 0x636d6170) cmap = v.getUint32(start + 12 + i * 16 + 8);
    if (cmap < 0) return () => false;
    const subtables = v.getUint16(cmap + 2);
    let best = -1;
    let bestFormat = 0;
    for (let i = 0; i < subtables; i++) {
      const platform = v.getUint16(cmap + 4 + i * 8);
      const encoding = v.getUint16(cmap + 6 + i * 8);
      const at = cmap + v.getUint32(cmap + 8 + i * 8);
      const format = v.getUint16(at);
      const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
      if (unicode && (format === 12 || (format === 4 && bestFormat !== 12))) {
        best = at;
        bestFormat = format;
      }
    }
    if (best < 0) return () => false;
    const ranges: Array<[number, number]> = [];
    if (bestFormat === 12) {
      const groups = v.getUint32(best + 12);
      for (let i = 0; i < groups; i++) ranges.push([v.getUint32(best + 16 + i * 12), v.getUint32(best + 20 + i * 12)]);
    } else {
      const segs = v.getUint16(best + 6) / 2;
      const ends = best + 14;
      const starts = ends + segs * 2 + 2;
      const deltas = starts + segs * 2;
      const offsets = deltas + segs * 2;
      for (let s = 0; s < segs; s++) {
        const from = v.getUint16(starts + s * 2);
        const to = v.getUint16(ends + s * 2);
        const delta = v.getUint16(deltas + s * 2);
        const offset = v.getUint16(offsets + s * 2);
        for (let c = from; c <= to && c !== 0xffff; c++) {
          const glyph = offset === 0 ? (c + delta) & 0xffff : v.getUint16(offsets + s * 2 + offset + (c - from) * 2);
          if (glyph !== 0) ranges.push([c, c]);
        }
      }
    }
    const set = new Set<number>();
    for (const [from, to] of ranges) for (let c = from; c <= to && to - from < 0x30000; c++) set.add(c);
    return (c) => set.has(c);
  } catch {
    return () => false;
  }
}

/** RGBA pixels as a PNG file: the signature, IHDR, one IDAT (each row filter 0, deflated by pako, alike everywhere), IEND. */
export function encodePng(rgba: Uint8Array, width: number, height: number): Uint8Array {
  const raw = new Uint8Array((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  const parts: Uint8Array[] = [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])];
  const chunk = (type: string, data: Uint8Array) => {
    const c = new Uint8Array(12 + data.length);
    const v = new DataView(c.buffer);
    v.setUint32(0, data.length);
    for (let i = 0; i < 4; i++) c[4 + i] = type.charCodeAt(i);
    c.set(data, 8);
    v.setUint32(8 + data.length, crc32(c.subarray(4, 8 + data.length)));
    parts.push(c);
  };
  const ihdr = new Uint8Array(13);
  new DataView(ihdr.buffer).setUint32(0, width);
  new DataView(ihdr.buffer).setUint32(4, height);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter method, no interlace
  chunk('IHDR', ihdr);
  chunk('IDAT', deflate(raw));
  chunk('IEND', new Uint8Array(0));
  const png = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    png.set(p, at);
    at += p.length;
  }
  return png;
}

let crcTable: Uint32Array | undefined;
/** The CRC-32 of PNG chunks (ISO 3309). */
function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
