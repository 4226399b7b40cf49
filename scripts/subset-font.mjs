// The Word file's charts are drawn with one font everywhere (the CLI and the offline page):
// Noto Sans CJK SC (SIL Open Font License 1.1), cut down to the characters chart labels
// need. A one-off step, run by hand when the plan's names or the catalogs gain a character
// outside the set; its output, src/assets/fonts/chart-font.otf, is committed, and the build
// copies it into dist/. Needs fontTools' pyftsubset (Debian: apt-get install python3-fonttools)
// and the font collection (Debian: fonts-noto-cjk):
//   node scripts/subset-font.mjs [path/to/NotoSansCJK-Regular.ttc]
// The set: GB2312's 6763 hanzi and its punctuation row, ASCII,
// CJK and fullwidth punctuation, and every character of the bundled plan's files, the
// i18n catalogs and the shipped samples.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SOURCE = process.argv[2] ?? '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
/** Noto Sans CJK SC within the collection (0 JP, 1 KR, 2 SC, 3 TC, 4 HK). */
const FACE = 2;
const OUT = 'src/assets/fonts/chart-font.otf';

const chars = new Set();
const add = (text) => {
  for (const ch of text) if (ch.codePointAt(0) >= 0x20) chars.add(ch.codePointAt(0));
};
// GB2312's 6763 hanzi (rows 0xB0–0xF7) and its row of punctuation and signs (0xA1: ≤ ≥ ‰ ± × ÷ °);
// cells 0xA1–0xFE, the unassigned ones do not decode. Its kana, Greek, Cyrillic, pinyin and box
// rows are left out: no chart label needs them, and the page must stay under 5 MB.
const gb = new TextDecoder('gb18030');
for (const row of [0xa1, ...Array.from({ length: 0xf7 - 0xb0 + 1 }, (_, k) => 0xb0 + k)]) {
  for (let cell = 0xa1; cell <= 0xfe; cell++) {
    const ch = gb.decode(new Uint8Array([row, cell]));
    if (ch.length === 1 && ch !== '\ufffd') add(ch);
  }
}
for (let c = 0x20; c < 0x7f; c++) chars.add(c);
for (const [from, to] of [[0x2010, 0x2027], [0x2030, 0x203b], [0x3000, 0x3011], [0xff01, 0xff5e]]) for (let c = from; c <= to; c++) chars.add(c);
for (const dir of ['plan', 'src/i18n', 'samples']) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isFile() && /\.(ya?ml|ts|csv)$/.test(name) && !name.includes('gbk')) add(readFileSync(path, 'utf8'));
  }
}
const list = 'chart-font.chars.txt';
const unicodes = [...chars].sort((a, b) => a - b).map((c) => c.toString(16)).join(',');
writeFileSync(join('/tmp', list), unicodes);
// No hinting and no OpenType layout (the charts' labels are short horizontal runs), and the
// outlines desubroutinized: a little larger, but it deflates smaller inside the page.
const run = spawnSync(process.env.PYTHON ?? 'python3', ['-m', 'fontTools.subset', SOURCE, `--font-number=${FACE}`, `--unicodes-file=/tmp/${list}`, `--output-file=${OUT}`, '--no-hinting', '--desubroutinize', '--layout-features=', '--drop-tables+=vhea,vmtx,VORG,BASE,GPOS,GSUB,GDEF', '--name-IDs=0,1,2,3,4,5,6,7,13,14'], { stdio: 'inherit' });
if (run.status !== 0) process.exit(run.status ?? 1);
console.log(`${OUT}: ${chars.size} characters asked for, ${(statSync(OUT).size / 1024 / 1024).toFixed(2)} MB`);
