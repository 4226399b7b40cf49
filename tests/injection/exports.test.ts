// Hostile text from the data (a 备注) and from the plan (an indicator's name, nameEn and
// aliases, in a copy of plan/ given with --plan) traced into every export of the built
// binary: csv cannot carry a formula into a spreadsheet, md cannot break its table, junit
// stays well-formed XML, json keeps the text verbatim, the terminal table stays aligned,
// github annotations cannot end early or start another command, and the HTML report
// escapes it all.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { displayWidth } from '../../src/text/width.js';
import { STACK_LINE, parseEvaluation, plancheck, tempDir, xmlProblems, type JsonEvaluation } from '../cli/helpers.js';
import { ALIASES, NAME, NAME_2, NOTES, csvCell, writeHostilePlan } from './hostile-plan.js';
import { xml } from '../../src/format/junit.js';

vi.setConfig({ testTimeout: 60_000 });

let dir = '';
beforeAll(() => {
  dir = tempDir('plancheck-injection-');
  writeHostilePlan(dir);
  // Every row misses ≤3 (value 4), so every note reaches the not-met exports too; each
  // row names the indicator by one of its hostile aliases, and two rows by a near miss of one.
  const rows = Object.entries(NOTES).map(([region, note], i) => [ALIASES[i % ALIASES.length]!, region, '2023', '4', note].map(csvCell).join(','));
  const infant = Object.keys(NOTES).map((region) => ['婴儿死亡率', region, '2023', '5', NOTES[region]!].map(csvCell).join(','));
  writeFileSync(join(dir, 'data.csv'), `\uFEFF指标,地区,年份,数值,备注\n${[...rows, ...infant].join('\n')}\n`);
  writeFileSync(join(dir, 'typo.csv'), `指标,地区,年份,数值\n${csvCell('<script>alert(3)</scrip>')},海陵区,2023,4\n${csvCell('a|b\nd')},高港区,2023,4\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]) {
  const r = plancheck([...args], { cwd: dir });
  expect(r.stderr).not.toMatch(STACK_LINE);
  expect([0, 1, 2], r.stderr).toContain(r.code);
  return r;
}
const evaluate = (format: string, lang: 'zh' | 'en' = 'zh') => run(['evaluate', 'data.csv', '--plan', 'plan', '--format', format, '--lang', lang]);

describe('the hostile names and aliases are a valid plan, and the aliases match the rows', () => {
  it('json: every note and name verbatim, each row matched through its hostile alias', () => {
    const r = evaluate('json');
    expect(r.code, r.stderr).toBe(1);
    const e: JsonEvaluation = parseEvaluation(r.stdout);
    for (const [region, note] of Object.entries(NOTES)) {
      const neonatal = e.results.find((x) => x.id === 'neonatal-mortality' && x.region.name === region);
      expect(neonatal, region).toBeDefined();
      expect(neonatal!.name).toBe(NAME);
      expect(neonatal!.status).toBe('not-met');
      // The reader trims a cell: a leading tab does not survive a CSV return (it can from a plan).
      expect(neonatal!.notes).toEqual([note.trim()]);
    }
  });
});

describe('csv: no cell that Excel would read as a formula', () => {
  const FORMULA = /^[=+\-@\t\r]/;
  const NUMBER = /^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i;

  for (const lang of ['zh', 'en'] as const) {
    it(`--lang ${lang}: every text cell starting with = + - @ tab or CR is neutralised; the notes and names are there, behind a '`, () => {
      const r = evaluate('csv', lang);
      const rows = parseCsv(r.stdout.replace(/^\uFEFF/, ''), { relaxColumnCount: false }) as string[][];
      for (const row of rows) for (const cell of row) if (FORMULA.test(cell)) expect(NUMBER.test(cell), `a live formula cell: ${JSON.stringify(cell)}`).toBe(true);
      const cells = rows.flat();
      for (const note of Object.values(NOTES)) {
        const shown = note.trim();
        expect(cells.some((c) => c.includes(FORMULA.test(shown) ? `'${shown}` : shown)), shown).toBe(true);
      }
      // The indicator column is the plan's own name in either language.
      expect(cells).toContain(NAME);
      expect(cells).toContain(`'${NAME_2}`);
    });
  }

  it('the same through -o results.csv (the file written, not only stdout)', () => {
    run(['evaluate', 'data.csv', '--plan', 'plan', '-o', 'results.csv', '--lang', 'en']);
    const rows = parseCsv(readFileSync(join(dir, 'results.csv'), 'utf8').replace(/^\uFEFF/, '')) as string[][];
    for (const cell of rows.flat()) if (FORMULA.test(cell)) expect(NUMBER.test(cell), JSON.stringify(cell)).toBe(true);
  });
});

describe('md: the table holds', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`--lang ${lang}: every row has the header's number of cells; no raw markup; the name's pipe and line break escaped`, () => {
      const out = evaluate('md', lang).stdout;
      const table = out.split('\n').filter((l) => l.startsWith('|'));
      const cells = (l: string) => l.split(/(?<!\\)\|/).length;
      expect(table.length).toBeGreaterThan(2);
      for (const line of table) expect(cells(line), line).toBe(cells(table[0]!));
      expect(out).not.toMatch(/<script|<b>/);
      expect(out).toContain(lang === 'zh' ? '&lt;script>alert(1)&lt;/script>\\|a<br>b' : '&lt;script>alert(2)&lt;/script> \\| a<br>b');
      if (lang === 'zh') expect(out).toContain('@SUM(A1)\\|&lt;b>婴儿');
    });
  }
});

describe('junit: well-formed XML whatever the names say', () => {
  it('no problems found by the structural check, no raw markup, the name escaped in the test case', () => {
    const out = evaluate('junit').stdout;
    expect(xmlProblems(out)).toEqual([]);
    expect(out).not.toMatch(/<script|<b>/);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;|a\nb');
    expect(out).toContain('@SUM(A1)|&lt;b&gt;婴儿');
  });

  it('xmllint --noout accepts it (skipped when xmllint is not installed)', (ctx) => {
    const probe = spawnSync('xmllint', ['--version']);
    if (probe.error) return ctx.skip();
    for (const lang of ['zh', 'en'] as const) {
      const out = evaluate('junit', lang).stdout;
      const lint = spawnSync('xmllint', ['--noout', '-'], { input: out });
      expect(lint.status, lint.stderr.toString()).toBe(0);
    }
  });
});

describe('table: the terminal table stays aligned', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`--lang ${lang}: every line of each boxed table has the same display width`, () => {
      const out = evaluate('table', lang).stdout;
      expect(out).toContain('=HYPERLINK(');
      const blocks = out.split(/\n(?=┌)/).map((b) => b.split('\n').filter((l) => /^[┌│├└]/.test(l)));
      expect(blocks.filter((b) => b.length).length).toBeGreaterThan(0);
      for (const lines of blocks) for (const l of lines) expect(displayWidth(l), l).toBe(displayWidth(lines[0]!));
      expect(out).not.toMatch(/\r/);
    });
  }
});

describe('github: every line is one workflow command', () => {
  /** `::cmd k=v,k=v::message` → its parts, with the runner's escapes undone. */
  function parse(line: string) {
    const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) return undefined;
    const un = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
    const props = Object.fromEntries((m[2] ?? '').split(',').filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), un(kv.slice(kv.indexOf('=') + 1))]));
    return { level: m[1]!, props, message: un(m[3]!) };
  }

  it('a 备注 or a name cannot end an annotation early: each line parses, properties hold no raw , or :, and the text comes back whole', () => {
    const out = evaluate('github').stdout;
    const lines = out.split('\n').filter(Boolean);
    const parsed = lines.map((l) => ({ l, p: parse(l) }));
    for (const { l, p } of parsed) {
      expect(p, l).toBeDefined();
      for (const k of Object.keys(p!.props)) expect(['file', 'line', 'col', 'endLine', 'endColumn', 'title']).toContain(k);
      expect(l).not.toMatch(/\r/);
    }
    const errors = parsed.map((x) => x.p!).filter((p) => p.level === 'error');
    const neonatal = errors.filter((p) => p.message.startsWith(NAME));
    expect(neonatal).toHaveLength(Object.keys(NOTES).length);
    for (const note of Object.values(NOTES)) expect(neonatal.some((p) => p.message.includes(note.trim())), note).toBe(true);
    for (const p of neonatal) expect(p.props.title).toContain(NAME);
  });

  it('a did-you-mean naming a hostile alias is escaped the same way (data diagnostics point at the return’s line)', () => {
    const r = run(['evaluate', 'typo.csv', '--plan', 'plan', '--format', 'github']);
    expect(r.code).toBe(2);
    const lines = r.stdout.split('\n').filter(Boolean);
    for (const l of lines) expect(parse(l), l).toBeDefined();
    const typos = lines.map(parse).filter((p) => p!.level === 'error' && p!.props.file === 'typo.csv');
    expect(typos.map((p) => p!.props.line).sort()).toEqual(['2', '3']);
    expect(typos.some((p) => p!.message.includes('<script>alert(3)</script>'))).toBe(true);
  });
});

describe('html', () => {
  it('the compliance page (evaluate --format html) escapes every note and name: no <script>, no live link, the text still there', () => {
    const r = evaluate('html');
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).not.toMatch(/<script>alert|<b>|href="http:\/\/evil/);
    expect(r.stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(r.stdout).toContain('@SUM(A1)|&lt;b&gt;婴儿');
    // Each region's 备注 in its 说明, as the JSON output gives it, escaped.
    const notes = parseEvaluation(evaluate('json').stdout).results.flatMap((x) => x.notes);
    expect(notes.length).toBeGreaterThanOrEqual(Object.keys(NOTES).length);
    for (const note of notes) expect(r.stdout).toContain(xml(note));
  });

  it('every note and name from data or plan is escaped: no <script>, no live link, the text still there', () => {
    const r = run(['report', 'data.csv', '--plan', 'plan', '--stage', 'midterm', '-o', 'report.html']);
    expect(r.code, r.stderr).not.toBe(2);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).not.toMatch(/<script>alert|<b>|href="http:\/\/evil/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('@SUM(A1)|&lt;b&gt;婴儿');
    expect(html).toMatch(/=HYPERLINK\((?:&quot;|&#34;|&#x22;)http:\/\/evil/);
  });
});
