// Issue 22 §2, through the built binary: the holes the second hostile sweep found, each now
// read right or refused with a located message (exit 2), never a hang, a crash or a guess.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import { writeError } from '../../src/cli/io.js';
import { BIN, ROOT, STACK_LINE, baseEnv, plancheck, tempFolders } from '../cli/helpers.js';
import { sheetWorkbook } from './zip.js';

vi.setConfig({ testTimeout: 120_000 });
const folder = tempFolders('plancheck-sweep2-');

/** The bundled plan copied into dir/plan. */
function planCopy(dir: string): string {
  cpSync(join(ROOT, 'plan'), join(dir, 'plan'), { recursive: true });
  return join(dir, 'plan');
}

const HEADER = '指标,地区,年份,数值,分子,分母,备注\n';
const ONE_ROW = `${HEADER}新生儿死亡率,海陵区,2025,1.5,,,\n`;
const codes = (stderr: string) => [...stderr.matchAll(/\[([\w/-]+)\]$/gmu)].map((m) => m[1]);

/** A workbook of the sample's rows, with a second sheet of incompressible text `padBytes` long. */
async function workbook(padBytes: number): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('数据');
  const lines = readFileSync(join(ROOT, 'samples/taizhou-2020-2025.csv'), 'utf8').replace(/^\uFEFF/u, '').trim().split('\n');
  for (const line of lines) sheet.addRow(line.split(',').map((c) => (c !== '' && !Number.isNaN(Number(c)) ? Number(c) : c)));
  const pad = book.addWorksheet('附表');
  for (let i = 0; i * 30_000 < padBytes; i++) pad.addRow([randomBytes(15_000).toString('hex')]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('an .xlsx over 4 MiB', () => {
  it('reads as a workbook in evaluate, check and report, from a path and from standard input', async () => {
    const dir = folder();
    const big = await workbook(9 * 1024 * 1024);
    expect(big.length).toBeGreaterThan(4 * 1024 * 1024);
    writeFileSync(join(dir, 'big.xlsx'), big);
    const regions = ['--regions', join(ROOT, 'samples/townships.csv')];
    const csv = plancheck(['evaluate', join(ROOT, 'samples/taizhou-2020-2025.csv'), '--format', 'json', ...regions]);
    expect(csv.code).toBe(1);
    for (const args of [['evaluate', 'big.xlsx', '--format', 'json', ...regions], ['evaluate', '-', '--format', 'json', ...regions]]) {
      const r = plancheck(args, { cwd: dir, stdin: args[1] === '-' ? big : '' });
      expect(r.stderr).not.toContain('CSV');
      expect(r.code).toBe(csv.code);
      expect(JSON.parse(r.stdout).results.map((x: { status: string }) => x.status)).toEqual(JSON.parse(csv.stdout).results.map((x: { status: string }) => x.status));
    }
    expect(plancheck(['check', 'big.xlsx', ...regions], { cwd: dir }).stderr).not.toContain('CSV');
    const report = plancheck(['report', 'big.xlsx', '--stage', 'final', '-o', 'r.md', ...regions], { cwd: dir });
    expect(report.stderr).not.toContain('CSV');
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).toContain('新生儿死亡率');
  });
});

describe('standard input', () => {
  it('a return over 4 MiB piped in reads as the same file from a path does', () => {
    const dir = folder();
    const rows = [HEADER];
    for (let i = 0; i < 105_000; i++) rows.push(`新生儿死亡率,海陵区,${2020 + (i % 6)},1.5,,,\n`);
    const text = rows.join('');
    expect(Buffer.byteLength(text)).toBeGreaterThan(4 * 1024 * 1024);
    writeFileSync(join(dir, 'big.csv'), text);
    const path = plancheck(['evaluate', 'big.csv', '--format', 'json'], { cwd: dir });
    const stdin = plancheck(['evaluate', '-', '--format', 'json'], { cwd: dir, stdin: text });
    expect(stdin.code).toBe(path.code);
    expect(JSON.parse(stdin.stdout).results).toEqual(JSON.parse(path.stdout).results);
  });

  it('a slow producer is read whole, in its own time', () => {
    const dir = folder();
    writeFileSync(join(dir, 'slow.mjs'), `
      const rows = ['指标,地区,年份,数值\\n'];
      for (let i = 0; i < 20; i++) rows.push('新生儿死亡率,海陵区,' + (2020 + (i % 6)) + ',1.5\\n');
      let i = 0;
      const next = () => { if (i < rows.length) { process.stdout.write(rows[i++]); setTimeout(next, 15); } };
      next();`);
    const r = spawnSync('sh', ['-c', `node slow.mjs | node ${BIN} evaluate - --format json`], { cwd: dir, env: baseEnv(), encoding: 'utf8' });
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(JSON.parse(r.stdout).results.find((x: { id: string; region: { name: string }; year: number }) => x.region.name === '海陵区').value).toBe(1.5);
  });

  it('`evaluate - -` is refused: standard input is read once', () => {
    const r = plancheck(['evaluate', '-', '-'], { stdin: ONE_ROW });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('标准输入（-）只能读取一次');
    expect(r.stderr).not.toContain('空');
    const regions = plancheck(['evaluate', '-', '--regions', '-'], { stdin: ONE_ROW });
    expect(regions.code).toBe(2);
    expect(regions.stderr).toContain('标准输入（-）只能读取一次');
  });
});

describe('plan folders', () => {
  it('a FIFO, a folder, links to a device, a folder and nothing, and an over-size file named *.yaml: each a located error, no hang; dot-files skipped', () => {
    const dir = folder();
    const plan = planCopy(dir);
    // An editor's lock file: a dangling link named .#health.yaml, skipped as a dot-file.
    symlinkSync('root@host.1234:1700000000', join(plan, '.#health.yaml'));
    writeFileSync(join(dir, 'data.csv'), ONE_ROW);
    const clean = plancheck(['validate', '--plan', plan]);
    expect(clean.code).toBe(0);
    expect(plancheck(['evaluate', 'data.csv', '--plan', 'plan'], { cwd: dir }).code).toBe(0);

    execFileSync('mkfifo', [join(plan, 'fifo.yaml')]);
    mkdirSync(join(plan, 'sub.yaml'));
    symlinkSync('/dev/null', join(plan, 'device.yaml'));
    symlinkSync('/etc', join(plan, 'etc.yaml'));
    symlinkSync('nowhere.yaml', join(plan, 'dangling.yml'));
    writeFileSync(join(plan, 'huge.yaml'), '#'.repeat(1024 * 1024 + 1));
    for (const args of [['validate', '--plan', 'plan'], ['evaluate', 'data.csv', '--plan', 'plan'], ['check', 'data.csv', '--plan', 'plan'], ['indicators', '--plan', 'plan']]) {
      const r = plancheck(args, { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(/EISDIR|ENOENT|EACCES/u);
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(r.stderr).toMatch(/plan\/fifo\.yaml: 错误: .*\[plan\/rule-file-other\]/u);
      expect(r.stderr).toMatch(/plan\/device\.yaml: 错误: .*\[plan\/rule-file-other\]/u);
      expect(r.stderr).toMatch(/plan\/sub\.yaml: 错误: .*\[plan\/rule-file-dir\]/u);
      expect(r.stderr).toMatch(/plan\/etc\.yaml: 错误: .*\[plan\/rule-file-dir\]/u);
      expect(r.stderr).toMatch(/plan\/dangling\.yml: 错误: .*\[plan\/rule-file-missing\]/u);
      expect(r.stderr).toMatch(/plan\/huge\.yaml: 错误: .*1 MiB.*\[plan\/rule-file-large\]/u);
      expect(r.stderr).not.toContain('health');
    }
  });

  it('a rule file of exactly 1 MiB is read (the limit is inclusive)', () => {
    const dir = folder();
    const plan = planCopy(dir);
    const p = join(plan, 'plan.yaml');
    const yaml = readFileSync(p, 'utf8');
    const pad = 1024 * 1024 - Buffer.byteLength(yaml) - 1;
    writeFileSync(p, `${yaml}\n${'#'.repeat(pad - 1)}\n`.slice(0));
    expect(Buffer.byteLength(readFileSync(p))).toBe(1024 * 1024);
    expect(plancheck(['validate', '--plan', plan]).code).toBe(0);
  });
});

describe('two outputs on one file', () => {
  it('-o x.json --diagnostics x.json (or ./x.json, or a link to it) is refused before any work; distinct names still write both', () => {
    const dir = folder();
    writeFileSync(join(dir, 'data.csv'), ONE_ROW);
    symlinkSync('x.json', join(dir, 'link.json'));
    for (const [o, d] of [['x.json', 'x.json'], ['x.json', './x.json'], ['./x.json', 'link.json']] as Array<[string, string]>) {
      for (const command of [['evaluate', 'data.csv'], ['report', 'data.csv', '--stage', 'final']]) {
        const r = plancheck([...command, '-o', o, '--diagnostics', d], { cwd: dir });
        expect(r.code, `${command[0]} -o ${o} --diagnostics ${d}`).toBe(2);
        expect(r.stderr).toContain(`--diagnostics ${d} 与 -o ${o} 是同一个文件`);
        expect(existsSync(join(dir, 'x.json'))).toBe(false);
      }
    }
    const ok = plancheck(['evaluate', 'data.csv', '-o', 'x.json', '--diagnostics', 'd.json'], { cwd: dir });
    expect(ok.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'x.json'), 'utf8')).results.length).toBeGreaterThan(0);
    expect(Array.isArray(JSON.parse(readFileSync(join(dir, 'd.json'), 'utf8')).diagnostics ?? JSON.parse(readFileSync(join(dir, 'd.json'), 'utf8')))).toBe(true);
  });
});

describe('output errors name the path the user gave', () => {
  it('a missing folder, a full disk and a folder for a file: the -o or --diagnostics path, no errno text, no temporary name', () => {
    const dir = folder();
    writeFileSync(join(dir, 'data.csv'), ONE_ROW);
    mkdirSync(join(dir, 'out'));
    symlinkSync('/dev/full', join(dir, 'full.json'));
    const cases: Array<[string[], RegExp]> = [
      [['-o', 'missing/x.json'], /无法写入 missing\/x\.json：文件夹 missing 不存在/u],
      [['--diagnostics', 'missing/d.json'], /无法写入 missing\/d\.json：文件夹 missing 不存在/u],
      [['-o', 'full.json'], /无法写入 full\.json：磁盘已满/u],
      [['--format', 'json', '-o', 'out'], /无法写入 out：这是一个文件夹/u],
    ];
    for (const [args, message] of cases) {
      const r = plancheck(['evaluate', 'data.csv', '-q', ...args], { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/ENOENT|ENOSPC|EISDIR|\.tmp|no such file/u);
    }
    const report = plancheck(['report', 'data.csv', '--stage', 'final', '-o', 'missing/r.html'], { cwd: dir });
    expect(report.stderr).toMatch(/无法写入 missing\/r\.html：文件夹 missing 不存在/u);
  });

  it('no permission or an immutable folder (EACCES, EPERM, EROFS) reads as such, naming the path', () => {
    for (const code of ['EACCES', 'EPERM', 'EROFS']) {
      const e = writeError(Object.assign(new Error(`${code}: raw`), { code }), join(process.cwd(), 'locked', 'x.json')) as { code: string; params: Record<string, string> };
      expect(e.code).toBe('cli/write-denied');
      expect(e.params.path).toBe(join('locked', 'x.json'));
    }
  });
});

describe('markup and direction controls', () => {
  const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];
  const RAW_BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
  const note = `![t](http://x.invalid/a.png) [x](javascript:alert(1)) *bold* _em_ \`code\` ~~s~~ ${BIDI.join('x')}evil`;

  it('no bidi control reaches the terminal, HTML, Markdown, GitHub, CSV or JSON; each is shown as \\u202e', () => {
    const dir = folder();
    writeFileSync(join(dir, 'n.csv'), `${HEADER}新生儿死亡率,海陵区,2025,1.5,,,"${note}"\n`);
    writeFileSync(join(dir, 'bad.csv'), `${HEADER}新生儿死亡率,海陵区${'\u202e'},2025,1.5,,,"${note}"\n`);
    const outputs: string[] = [];
    for (const format of ['table', 'html', 'md', 'github', 'csv', 'json', 'junit']) {
      for (const file of ['n.csv', 'bad.csv']) {
        const r = plancheck(['evaluate', file, '--format', format], { cwd: dir });
        outputs.push(r.stdout, r.stderr);
      }
    }
    const report = plancheck(['report', 'n.csv', '--stage', 'final', '-o', 'r.md', '-o', 'r.html', '-o', 'r.json'], { cwd: dir });
    outputs.push(report.stderr, ...['r.md', 'r.html', 'r.json'].map((f) => readFileSync(join(dir, f), 'utf8')));
    for (const out of outputs) expect(out).not.toMatch(RAW_BIDI);
    // The unknown region quoted with its control shown, and the note in the CSV with every one shown.
    expect(plancheck(['evaluate', 'bad.csv'], { cwd: dir }).stderr).toContain('海陵区\\u202e');
    const csv = plancheck(['evaluate', 'n.csv', '--format', 'csv'], { cwd: dir });
    expect(csv.stdout).toContain(BIDI.map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('x'));
  });

  it('a note\'s image, links, emphasis and code are text in the Markdown report, not markup', () => {
    const dir = folder();
    writeFileSync(join(dir, 'n.csv'), `${HEADER}新生儿死亡率,海陵区,2025,1.5,,,"${note}"\n`);
    plancheck(['report', 'n.csv', '--stage', 'final', '-o', 'r.md'], { cwd: dir });
    const md = readFileSync(join(dir, 'r.md'), 'utf8');
    const lines = md.split('\n').filter((l) => l.includes('evil'));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).toContain('!\\[t\\](http://x.invalid/a.png)');
      expect(line).toContain('\\[x\\](javascript:alert(1))');
      expect(line).toContain('\\*bold\\* \\_em\\_ \\`code\\` \\~\\~s\\~\\~');
      expect(line).not.toMatch(/(?<!\\)\]\(/u);
    }
    const table = plancheck(['evaluate', 'n.csv', '--format', 'md'], { cwd: dir }).stdout;
    expect(table).not.toMatch(/(?<!\\)!\[|(?<!\\)\]\(/u);
  });
});

describe('plans that contradict themselves', () => {
  function planWith(edit: (yaml: string) => string): string {
    const dir = folder();
    const plan = planCopy(dir);
    const p = join(plan, 'plan.yaml');
    writeFileSync(p, edit(readFileSync(p, 'utf8')));
    return plan;
  }
  const cases: Array<[string, (y: string) => string, RegExp]> = [
    ['one alias on two regions', (y) => y.replace('aliases: [高港, Gaogang]', 'aliases: [高港, Gaogang, 海陵]'), /plan\.yaml:31:\d+: 错误: 名称“海陵”同时指向地区 321203 和 321202.*\[plan\/ambiguous-region-name\]/u],
    ['a baselineYear of 99999', (y) => y.replace(/^baselineYear: 2020$/mu, 'baselineYear: 99999'), /plan\.yaml:8:\d+: 错误: baselineYear 的年份 99999 不在 1900–2100 之间.*\[plan\/year-out-of-range\]/u],
    ['a baselineYear of 2101 (one past the range)', (y) => y.replace(/^baselineYear: 2020$/mu, 'baselineYear: 2101'), /\[plan\/year-out-of-range\]/u],
    ['a period that ends before it starts', (y) => y.replace('period: { start: 2021, end: 2025 }', 'period: { start: 2025, end: 2021 }'), /plan\.yaml:7:\d+: 错误: 规划期 2025–2021 的结束年份早于开始年份.*\[plan\/period-reversed\]/u],
    ['a baseline after the start', (y) => y.replace(/^baselineYear: 2020$/mu, 'baselineYear: 2022'), /\[plan\/baseline-after-start\]/u],
    ['a mid-term year outside the period', (y) => y.replace(/^midtermYear: 2023$/mu, 'midtermYear: 2026'), /\[plan\/year-outside-period\]/u],
  ];
  for (const [what, edit, message] of cases) {
    it(`${what}: validate and evaluate exit 2 at plan.yaml:line:col`, () => {
      const plan = planWith(edit);
      const r = plancheck(['validate', '--plan', plan]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      const e = plancheck(['evaluate', '-', '--plan', plan], { stdin: ONE_ROW });
      expect(e.code).toBe(2);
      expect(e.stderr).toMatch(message);
    });
  }

  it('the boundaries: a period of one year, a baseline in its first year, years 1900 and 2100 are accepted', () => {
    const plan = planWith((y) =>
      y
        .replace('period: { start: 2021, end: 2025 }', 'period: { start: 2025, end: 2025 }')
        .replace(/^baselineYear: 2020$/mu, 'baselineYear: 2025')
        .replace(/^midtermYear: 2023$/mu, 'midtermYear: 2025'),
    );
    const r = plancheck(['validate', '--plan', plan]);
    expect(r.stderr).not.toMatch(/period-reversed|baseline-after-start|year-outside-period|year-out-of-range/u);
    const wide = planWith((y) => y.replace('period: { start: 2021, end: 2025 }', 'period: { start: 1900, end: 2100 }').replace(/^baselineYear: 2020$/mu, 'baselineYear: 1900'));
    expect(plancheck(['validate', '--plan', wide]).stderr).not.toMatch(/year-out-of-range|period-reversed|year-outside-period/u);
  });
});

describe('workbooks that lie', () => {
  const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const book = sheetWorkbook;
  const run = (bytes: Buffer) => {
    const dir = folder();
    writeFileSync(join(dir, 'b.xlsx'), bytes);
    return plancheck(['evaluate', 'b.xlsx', '--format', 'json'], { cwd: dir });
  };
  const haiLing = (stdout: string) => JSON.parse(stdout).results.find((x: { id: string; region: { name: string } }) => x.id === 'neonatal-mortality' && x.region.name === '海陵区');

  it('the honest workbook reads (the control): 1.5 from a number, 1.8 from a shared string that exists', () => {
    expect(haiLing(run(book({})).stdout).value).toBe(1.5);
    expect(haiLing(run(book({ valueCell: '<c r="D2" t="s"><v>0</v></c>', strings: ['1.8'] })).stdout).value).toBe(1.8);
  });

  it('a shared-string cell with no string table, or past its end, is an error at its cell, not the index read as the value', () => {
    const none = run(book({ valueCell: '<c r="D2" t="s"><v>1</v></c>' }));
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/b\.xlsx:数据!D2: 错误: .*没有共享字符串表.*\[data\/xlsx-no-string-table\]/u);
    const past = run(book({ valueCell: '<c r="D2" t="s"><v>1</v></c>', strings: ['1.8'] }));
    expect(past.code).toBe(2);
    expect(past.stderr).toMatch(/b\.xlsx:数据!D2: 错误: .*第 1 号共享字符串.*只有 1 条.*\[data\/xlsx-string-index\]/u);
  });

  it('two <row r="2"> is an error at the row, not a row silently dropped; rows 2 and 3 in order read', () => {
    const row = (r: number, v: number) => `<row r="${r}">${inline(`A${r}`, '新生儿死亡率')}${inline(`B${r}`, r === 2 ? '海陵区' : '高港区')}<c r="C${r}"><v>2025</v></c><c r="D${r}"><v>${v}</v></c></row>`;
    const twice = run(book({ rows: row(2, 1.5) + row(2, 1.6).replace('高港区', '海陵区') }));
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/b\.xlsx:数据!A2: 错误: 第 2 行在工作表中出现了两次.*\[data\/xlsx-row-twice\]/u);
    const back = run(book({ rows: row(3, 1.5) + row(2, 1.6) }));
    expect(back.stderr).toContain('[data/xlsx-row-twice]');
    const ordered = run(book({ rows: row(2, 1.5) + row(3, 1.6) }));
    expect(ordered.code).not.toBe(2);
    expect(ordered.stderr).not.toContain('xlsx-row-twice');
  });
});

describe('raw JavaScript error text', () => {
  it('a workbook that breaks exceljs inside is named as a broken workbook, not by the JavaScript error', () => {
    const dir = folder();
    // A shared string whose XML closes its text early and opens a run with no text in it.
    writeFileSync(join(dir, 'b.xlsx'), sheetWorkbook({ valueCell: '<c r="D2" t="s"><v>0</v></c>', strings: ['</t><r><rPr></rPr></r><t>'] }));
    const r = plancheck(['evaluate', 'b.xlsx'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/b\.xlsx:1:1: 错误: 无法作为 \.xlsx 工作簿读取：工作簿内部结构不完整或有误.*\[data\/xlsx-broken-structure\]/u);
    expect(r.stderr).not.toMatch(/Cannot read|undefined|Maximum call stack|TypeError/u);
  });
});
