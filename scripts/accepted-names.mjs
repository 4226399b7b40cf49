// The names plancheck accepts, in README.md and docs/guide.zh-CN.md, made from the code and the
// plan so that the lists cannot drift from what the reader does:
//   - the "also called" cells of the table of return columns that follows the marker
//       <!-- generated: return-columns -->
//     from RETURN_COLUMNS (src/ingest/header.ts): each row whose first cell names a column
//     (`region`, `numerator, denominator`, `地区` …) gets every header name of it (in the README
//     but the English words of the first cell);
//   - the list between
//       <!-- generated: indicator-aliases -->  and  <!-- /generated -->
//     from the aliases of the bundled plan (plan/*.yaml), leaving out those the name lookup
//     matches anyway (新生儿死亡率（‰） for 新生儿死亡率: a unit in brackets and full/half width
//     never matter).
// Reads the built API (dist/index.js): build first.
//
//   node scripts/accepted-names.mjs           rewrite both files
//   node scripts/accepted-names.mjs --check   exit 1, naming them, when a list has drifted
//                                             (tests/docs/accepted-names.test.ts runs this)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DOCS = { readme: join(ROOT, 'README.md'), guide: join(ROOT, 'docs', 'guide.zh-CN.md') };

/** What the lists are made from: the columns a return may have, and each indicator's aliases not matched without them. */
export async function sources() {
  const api = await import(join(ROOT, 'dist', 'index.js'));
  const dir = join(ROOT, 'plan');
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => ({ file: f, text: readFileSync(join(dir, f), 'utf8') }));
  const { plan } = api.loadPlan(dir, files);
  if (!plan) throw new Error('the bundled plan does not load: run plancheck validate');
  const indicators = plan.indicators.map((ind) => ({
    name: ind.name,
    aliases: ind.aliases.filter((alias) => {
      const without = new api.IndicatorIndex(plan.indicators.map((i) => (i === ind ? { ...i, aliases: i.aliases.filter((a) => a !== alias) } : i)));
      return without.find(alias).found?.id !== ind.id;
    }),
  }));
  return { columns: api.RETURN_COLUMNS, indicators };
}

const COLUMNS_MARK = '<!-- generated: return-columns -->';
const ALIASES_OPEN = '<!-- generated: indicator-aliases -->';
const ALIASES_CLOSE = '<!-- /generated -->';

/** `text` with its generated lists made from `from`; which lists changed. */
export function generate(text, lang, from) {
  const sep = lang === 'zh' ? '、' : ', ';
  const changed = [];
  let out = text;

  const mark = out.indexOf(COLUMNS_MARK);
  if (mark < 0) throw new Error(`no ${COLUMNS_MARK} marker`);
  const tableStart = out.indexOf('\n|', mark) + 1;
  const tableEnd = out.indexOf('\n\n', tableStart);
  const table = out.slice(tableStart, tableEnd).split('\n').map((row) => {
    const cells = row.split('|');
    const words = (cells[1] ?? '').split(',').map((w) => w.trim()).filter((w) => w !== '');
    const specs = words.map((w) => from.columns.find((s) => s.id === w || s.label === w || s.names.includes(w)));
    if (words.length === 0 || specs.some((s) => s === undefined)) return row;
    // The README's first cell is the column's English name, which the cell beside it need not repeat; the guide's is its label, and every name is listed.
    const names = specs.flatMap((s) => s.names).filter((n, i, all) => (lang === 'zh' || !words.includes(n)) && all.indexOf(n) === i);
    cells[2] = ` ${names.join(sep)} `;
    return cells.join('|');
  });
  const fresh = table.join('\n');
  if (fresh !== out.slice(tableStart, tableEnd)) changed.push('return-columns');
  out = out.slice(0, tableStart) + fresh + out.slice(tableEnd);

  const open = out.indexOf(ALIASES_OPEN);
  const close = out.indexOf(ALIASES_CLOSE, open);
  if (open < 0 || close < 0) throw new Error(`no ${ALIASES_OPEN} … ${ALIASES_CLOSE} block`);
  const arrow = lang === 'zh' ? '：' : ': ';
  const list = from.indicators.filter((i) => i.aliases.length).map((i) => `- ${i.name}${arrow}${i.aliases.join(sep)}`);
  const block = `${ALIASES_OPEN}\n${list.join('\n')}\n`;
  if (out.slice(open, close) !== block) changed.push('indicator-aliases');
  out = out.slice(0, open) + block + out.slice(close);
  return { text: out, changed };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const from = await sources();
  const drift = [];
  for (const [doc, path] of Object.entries(DOCS)) {
    const { text, changed } = generate(readFileSync(path, 'utf8'), doc === 'guide' ? 'zh' : 'en', from);
    if (changed.length === 0) continue;
    drift.push(`  ${path.slice(ROOT.length + 1)}: ${changed.join(', ')}`);
    if (!process.argv.includes('--check')) writeFileSync(path, text);
  }
  if (process.argv.includes('--check') && drift.length) {
    console.error(`these lists differ from what plancheck accepts (run node scripts/accepted-names.mjs):\n${drift.join('\n')}`);
    process.exit(1);
  }
  if (!process.argv.includes('--check')) console.log(drift.length ? `rewrote:\n${drift.join('\n')}` : 'every list is up to date');
}
