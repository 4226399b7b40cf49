// The examples of docs/guide.zh-CN.md are the tool's own output: each block marked
//   <!-- example {"stream":"stdout","run":"check 报表.csv"} -->
//   ```
//   …
//   ```
// is what the built binary (bin/plancheck; build first) prints for that command, run in a
// folder holding the guide's inputs (blocks marked <!-- example-input 报表.csv -->), with no
// colour and the default width (100 columns). Optional keys: "grep" keeps the lines holding
// that text; "from" and "to" keep the lines from the first holding one to the first after it
// holding the other.
//
//   node scripts/guide-examples.mjs           rewrite the examples
//   node scripts/guide-examples.mjs --check   exit 1, naming them, when an example has drifted
//                                             (tests/docs/guide-examples.test.ts runs this)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const GUIDE = join(ROOT, 'docs', 'guide.zh-CN.md');
const BIN = join(ROOT, 'bin', 'plancheck');

/** The guide with every example as the tool prints it today, and the examples that changed. */
export function generate(text) {
  const work = mkdtempSync(join(tmpdir(), 'plancheck-guide-'));
  try {
    for (const m of text.matchAll(/<!-- example-input (\S+) -->\n```[^\n]*\n([\s\S]*?)```/g)) writeFileSync(join(work, m[1]), m[2]);
    const env = { ...process.env, NO_COLOR: '1' };
    for (const k of ['COLUMNS', 'PLANCHECK_LANG', 'FORCE_COLOR']) delete env[k];
    const changed = [];
    const out = text.replace(/(<!-- example (\{.*?\}) -->\n```[^\n]*\n)([\s\S]*?)(```)/g, (_, open, spec, body, close) => {
      const { stream = 'stdout', run, grep, from, to } = JSON.parse(spec);
      const r = spawnSync(process.execPath, [BIN, ...run.split(' ')], { cwd: work, env, encoding: 'utf8' });
      if (r.error) throw r.error;
      let lines = r[stream].replace(/\n+$/, '').split('\n');
      if (from !== undefined) {
        const start = lines.findIndex((l) => l.includes(from));
        const end = to === undefined ? lines.length - 1 : lines.findIndex((l, i) => i > start && l.includes(to));
        if (start < 0 || end < 0) throw new Error(`guide example "${run}": no lines from "${from}" to "${to}" in its ${stream}:\n${r[stream]}`);
        lines = lines.slice(start, end + 1);
      }
      if (grep !== undefined) lines = lines.filter((l) => l.includes(grep));
      if (lines.join('').trim() === '') throw new Error(`guide example "${run}" printed nothing on ${stream}:\n${r.stderr}`);
      const fresh = `${lines.join('\n')}\n`;
      if (fresh !== body) changed.push(run);
      return `${open}${fresh}${close}`;
    });
    return { text: out, changed };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { text, changed } = generate(readFileSync(GUIDE, 'utf8'));
  if (process.argv.includes('--check')) {
    if (changed.length) {
      console.error(`docs/guide.zh-CN.md: these examples differ from what plancheck prints now (run node scripts/guide-examples.mjs):\n${changed.map((c) => `  plancheck ${c}`).join('\n')}`);
      process.exit(1);
    }
  } else {
    writeFileSync(GUIDE, text);
    console.log(changed.length ? `rewrote ${changed.length} example(s)` : 'every example is up to date');
  }
}
