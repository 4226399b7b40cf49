// The Word file's chart renderer (src/cli/chart-png.ts), in-process: resvg's WebAssembly and
// the shipped font read through the Io, a label the shipped font lacks drawn with a machine
// font (said once) or left out where there is none (said once), never drawn as empty boxes,
// and the PNG encoder's output a valid PNG of the pixels given.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chartRasterizer, cmapCovers, encodePng, findCjkFont } from '../../src/cli/chart-png.js';
import type { Io } from '../../src/cli/io.js';
import { ROOT } from './helpers.js';

const SHIPPED_FONT = readFileSync(join(ROOT, 'src', 'assets', 'fonts', 'chart-font.otf'));

/** The real files, the font folders as `fonts` says (none: every listing fails), standard error kept. */
function testIo(env: Record<string, string> = {}, fonts: 'machine' | 'none' = 'none'): Io & { err: string[] } {
  const err: string[] = [];
  return {
    err,
    stdout: () => {},
    stderr: (s) => void err.push(s),
    stdoutIsTTY: false,
    env,
    cwd: ROOT,
    readFile: (p) => readFileSync(p),
    readStdin: () => new Uint8Array(0),
    listDir: (p) => {
      if (fonts === 'none') throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
      return readdirSync(p);
    },
    isDir: () => false,
    writeFileAtomic: () => {},
  };
}

const chart = (label: string) => `<svg viewBox="0 0 200 80" width="200" height="80" role="img" aria-label="t" font-size="11"><title>龘 not drawn</title><line x1="0" x2="200" y1="40" y2="40" stroke="#000"/><text x="10" y="20">${label}</text></svg>`;
const RARE = '龘'; // U+9F98: not in GB2312, not in the plan nor the catalogs
const machineFont = findCjkFont(testIo({}, 'machine'));
const machineHasRare = machineFont !== undefined && cmapCovers(readFileSync(machineFont))(RARE.codePointAt(0)!);

describe('the shipped font', () => {
  it('covers GB2312\'s hanzi, the plan\'s names and the catalogs\' words, not a rare hanzi', () => {
    const covers = cmapCovers(SHIPPED_FONT);
    for (const ch of '泰州市海陵区姜堰兴化靖江泰兴高港目标线‰%（）—·0123456789.ABCxyz鑫') expect(covers(ch.codePointAt(0)!), ch).toBe(true);
    for (const file of readdirSync(join(ROOT, 'plan'))) for (const ch of readFileSync(join(ROOT, 'plan', file), 'utf8')) if (ch >= ' ') expect(covers(ch.codePointAt(0)!), `${file}: ${ch}`).toBe(true);
    expect(covers(RARE.codePointAt(0)!)).toBe(false);
    expect(covers(0x20000)).toBe(false);
  });
});

describe('chartRasterizer', () => {
  it('draws every chart with the shipped font where no machine font can be found, and leaves out (once said) a chart whose label it lacks', async () => {
    const io = testIo({ HOME: '/nonexistent' });
    const draw = (await chartRasterizer(io, 'zh'))!;
    expect(draw).toBeTypeOf('function');
    const pngs = draw([chart('目标线 3.00'), chart(`${RARE}镇 1.0`), chart('2025'), chart(`${RARE}${RARE}`)], 400, 160);
    expect(pngs[0]?.subarray(0, 4)).toEqual(new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    expect(pngs[2]).toBeDefined();
    expect(pngs[1]).toBeUndefined();
    expect(pngs[3]).toBeUndefined();
    expect(io.err).toEqual([`2 幅图表的标签含随附字体没有的字（${RARE}），且未找到含这些字的中文字体：Word 文件略去这些图表（图表见 HTML 报告）；可用环境变量 PLANCHECK_FONT 指定字体文件\n`]);
    // The same chart drawn twice: the same bytes (the page draws with this code too).
    expect(Buffer.from(draw([chart('目标线 3.00')], 400, 160)[0]!).equals(Buffer.from(pngs[0]!))).toBe(true);
  }, 60_000);

  it.runIf(machineHasRare)('draws a chart whose label the shipped font lacks with a CJK font of the machine, and says so once', async () => {
    const io = testIo({}, 'machine');
    const pngs = (await chartRasterizer(io, 'en'))!([chart(`${RARE} 1.0`), chart('目标线'), chart(RARE)], 400, 160);
    expect(pngs.every((p) => p !== undefined)).toBe(true);
    expect(io.err).toEqual([`2 chart(s) have label characters the shipped font lacks (${RARE}): drawn with the machine’s font ${machineFont}\n`]);
  }, 120_000);

  it('PLANCHECK_FONT=none: no charts, and nothing said', async () => {
    const io = testIo({ PLANCHECK_FONT: 'none' });
    expect(await chartRasterizer(io, 'zh')).toBeUndefined();
    expect(io.err).toEqual([]);
  });

  it('PLANCHECK_FONT=FILE draws every chart with that font, a label the shipped font lacks too', async () => {
    const io = testIo({ PLANCHECK_FONT: machineFont ?? join(ROOT, 'src', 'assets', 'fonts', 'chart-font.otf') });
    const pngs = (await chartRasterizer(io, 'zh'))!([chart(`${RARE} 1.0`)], 400, 160);
    expect(pngs[0]).toBeDefined();
    expect(io.err).toEqual([]);
  }, 120_000);

  it('a PLANCHECK_FONT file that is not there: said, and the shipped font used', async () => {
    const io = testIo({ PLANCHECK_FONT: '/nonexistent/font.ttc' });
    const pngs = (await chartRasterizer(io, 'en'))!([chart('目标线 3.00')], 400, 160);
    expect(pngs[0]).toBeDefined();
    expect(io.err).toEqual(['the font file PLANCHECK_FONT names, “/nonexistent/font.ttc”, cannot be read: the charts are drawn with the shipped font\n']);
  }, 60_000);
});

describe('encodePng', () => {
  it('writes a PNG whose chunks check and whose rows inflate back to the pixels given', () => {
    const width = 3;
    const height = 2;
    const rgba = new Uint8Array(width * height * 4).map((_, i) => (i * 37) % 256);
    const png = Buffer.from(encodePng(rgba, width, height));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const chunks: Array<{ type: string; data: Buffer }> = [];
    for (let at = 8; at < png.length;) {
      const length = png.readUInt32BE(at);
      const type = png.toString('latin1', at + 4, at + 8);
      const data = png.subarray(at + 8, at + 8 + length);
      expect(png.readUInt32BE(at + 8 + length), type).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
      chunks.push({ type, data });
      at += 12 + length;
    }
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(chunks[0]!.data.readUInt32BE(0)).toBe(width);
    expect(chunks[0]!.data.readUInt32BE(4)).toBe(height);
    const raw = inflateSync(chunks[1]!.data);
    expect(raw.length).toBe((width * 4 + 1) * height);
    for (let y = 0; y < height; y++) {
      expect(raw[y * (width * 4 + 1)]).toBe(0);
      expect([...raw.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1))]).toEqual([...rgba.subarray(y * width * 4, (y + 1) * width * 4)]);
    }
  });
});
