// Issue 16, through the built binary: each hostile input the sweep found, now a located
// error (exit 2) or a message, never a hang, a silent exit, a lost file or a raw escape.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, createReadStream, existsSync, lstatSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { BIN, ROOT, STACK_LINE, baseEnv, plancheck, tempFolders } from '../cli/helpers.js';
import { hostileWorkbook } from './zip.js';

vi.setConfig({ testTimeout: 60_000 });
const folder = tempFolders('plancheck-hostile-');

/** The bundled plan copied into dir/plan, with `edit` applied to plan.yaml. */
function planCopy(dir: string, edit: (yaml: string) => string = (y) => y): string {
  cpSync(join(ROOT, 'plan'), join(dir, 'plan'), { recursive: true });
  const p = join(dir, 'plan', 'plan.yaml');
  writeFileSync(p, edit(readFileSync(p, 'utf8')));
  return join(dir, 'plan');
}

const HEADER = '指标,地区,年份,数值,分子,分母,备注\n';
const errorCodes = (stderr: string) => [...stderr.matchAll(/错误: .*\[([\w/-]+)\]$/gmu)].map((m) => m[1]);
const ONE_ROW = `${HEADER}新生儿死亡率,海陵区,2025,1.5,,,\n`;

describe('1. region parents that loop', () => {
  const loop = (y: string) =>
    y.replace(/(code: "321202".*?parent: )"321200"/u, '$1"321203"').replace(/(code: "321203".*?parent: )"321200"/u, '$1"321202"');

  it('in the plan: validate and every command exit 2 at plan.yaml:line:col, without hanging', () => {
    const dir = folder();
    const plan = planCopy(dir, loop);
    writeFileSync(join(dir, 'data.csv'), ONE_ROW);
    for (const args of [['validate'], ['evaluate', 'data.csv'], ['check', 'data.csv'], ['report', 'data.csv', '--stage', 'final'], ['template'], ['indicators']]) {
      const r = plancheck([...args, '--plan', plan], { cwd: dir });
      expect(r.code, args[0]).toBe(2);
      expect(r.stderr).toMatch(/plan\.yaml:\d+:\d+: 错误: .*\[plan\/parent-cycle\]/u);
      expect(r.stderr).not.toMatch(STACK_LINE);
    }
  });

  it('the bundled plan, unchanged, has no loop', () => {
    expect(plancheck(['validate']).code).toBe(0);
  });

  it('in --regions: a plan region placed under another that is placed under it is refused at its parent cell', () => {
    const dir = folder();
    writeFileSync(join(dir, 'data.csv'), ONE_ROW);
    writeFileSync(join(dir, 'regions.csv'), 'code,name,parent,level\n321202,海陵区,321203,district\n321203,高港区,321202,district\n');
    for (const args of [['evaluate', 'data.csv'], ['check', 'data.csv'], ['template']]) {
      const r = plancheck([...args, '--regions', 'regions.csv'], { cwd: dir });
      expect(r.code, args[0]).toBe(2);
      expect(r.stderr).toMatch(/regions\.csv:3:3: 错误: .*\[regions\/parent-cycle\]/u);
    }
  });
});

describe('2. -o never loses a file', () => {
  it('a link to an input is refused (the link and the input untouched); a link elsewhere is written through, the link kept', () => {
    const dir = folder();
    writeFileSync(join(dir, 'data.csv'), ONE_ROW);
    symlinkSync('data.csv', join(dir, 'link.json'));
    symlinkSync('out.json', join(dir, 'dangling.json'));
    const r = plancheck(['evaluate', 'data.csv', '-o', 'link.json', '-q'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('-o link.json');
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'data.csv'), 'utf8')).toBe(ONE_ROW);
    const ok = plancheck(['evaluate', 'data.csv', '-o', 'dangling.json', '-q'], { cwd: dir });
    expect([0, 1]).toContain(ok.code);
    expect(readlinkSync(join(dir, 'dangling.json'))).toBe('out.json');
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).results.length).toBeGreaterThan(0);
  });

  it('a link to a rule file is refused by template too', () => {
    const dir = folder();
    symlinkSync(join(ROOT, 'plan', 'law.yaml'), join(dir, 'law.csv'));
    const before = readFileSync(join(ROOT, 'plan', 'law.yaml'));
    const r = plancheck(['template', '-o', 'law.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(readFileSync(join(ROOT, 'plan', 'law.yaml'))).toEqual(before);
  });

  it('two -o naming one file (a.json and ./a.json, or a link to it) are refused before anything is written', () => {
    const dir = folder();
    writeFileSync(join(dir, 'data.csv'), ONE_ROW);
    symlinkSync('a.json', join(dir, 'b.json'));
    for (const second of ['./a.json', 'b.json', `../${dir.split('/').pop()}/a.json`]) {
      const r = plancheck(['evaluate', 'data.csv', '-o', 'a.json', '-o', second], { cwd: dir });
      expect(r.code, second).toBe(2);
      expect(r.stderr).toContain('是同一个文件');
      expect(existsSync(join(dir, 'a.json'))).toBe(false);
    }
    const report = plancheck(['report', 'data.csv', '--stage', 'final', '-o', 'r.md', '-o', './r.md'], { cwd: dir });
    expect(report.code).toBe(2);
  });

  it('a FIFO is written in place, never replaced by a file', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'data.csv'), ONE_ROW);
    const fifo = join(dir, 'pipe.json');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const chunks: Buffer[] = [];
    const reader = new Promise<void>((done, fail) => createReadStream(fifo).on('data', (c) => chunks.push(c as Buffer)).on('end', done).on('error', fail));
    const child = spawn(process.execPath, [BIN, 'evaluate', 'data.csv', '-o', 'pipe.json', '-q'], { cwd: dir, env: baseEnv() });
    const code = await new Promise<number | null>((done) => child.on('close', done));
    await reader;
    expect([0, 1]).toContain(code);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(JSON.parse(Buffer.concat(chunks).toString('utf8')).results.length).toBeGreaterThan(0);
  });
});

describe('3. numbers out of range', () => {
  it('1e-320 as a denominator, 1.5e-400, 400 zeros and a 1 are located errors, and check says so too', () => {
    const dir = folder();
    const zeros = '0'.repeat(400);
    writeFileSync(join(dir, 'data.csv'), `${HEADER}新生儿死亡率,海陵区,2025,,1,1e-320,\n婴儿死亡率,海陵区,2025,1.5e-400,,,\n5岁以下儿童死亡率,海陵区,2025,0.${zeros}1,,,\n新生儿死亡率,高港区,2025,1${zeros},,,\n婴儿死亡率,高港区,2025,1e100,,,\n`);
    for (const verb of ['evaluate', 'check']) {
      // The terminal groups the four alike (three shown); --diagnostics has every one, located.
      const r = plancheck([verb, 'data.csv', '--diagnostics', 'findings.json', ...(verb === 'evaluate' ? ['--format', 'json'] : [])], { cwd: dir });
      expect(r.code).toBe(2);
      for (const line of [2, 3, 4]) expect(r.stderr, `${verb} line ${line}`).toMatch(new RegExp(`data\\.csv:${line}:\\d+: 错误: .*\\[data/number-out-of-range\\]`, 'u'));
      const found = (JSON.parse(readFileSync(join(dir, 'findings.json'), 'utf8')) as { diagnostics: Array<{ code: string; line: number | null; severity: string }> }).diagnostics;
      for (const line of [2, 3, 4, 5]) expect(found.some((d) => d.code === 'data/number-out-of-range' && d.line === line && d.severity === 'error'), `${verb} line ${line}`).toBe(true);
      // 1e100 is the bound itself: in range, and the ‰ range rule of check sees it.
      expect(r.stderr).toMatch(/data\.csv:6:4: 错误: .*\[quality\/out-of-range\]/u);
      expect(r.stdout).not.toMatch(/Infinity/u);
    }
  });
});

describe('5. .xlsx over the limits', () => {
  const cases: Array<[string, Parameters<typeof hostileWorkbook>[0], string]> = [
    ['declared dimension of 1 M rows', { ref: 'A1:B1048576' }, 'data/xlsx-limit-rows'],
    ['declared 26 × 500,000 cells', { ref: 'A1:Z500000' }, 'data/xlsx-limit-cells'],
    ['600,000 real rows', { rows: 600_000 }, 'data/xlsx-limit-'],
    ['shared strings of 200 MB declared as 1 KB', { stringBytes: 200 * 1024 * 1024 }, 'data/xlsx-limit-part'],
    ['a directory declaring a 300 MB sheet', { declare: 300 * 1024 * 1024 }, 'data/xlsx-limit-part'],
  ];
  it.each(cases)('%s: 超出限制, exit 2, at once', (_name, shape, code) => {
    const dir = folder();
    writeFileSync(join(dir, 'book.xlsx'), hostileWorkbook(shape));
    const started = Date.now();
    const r = plancheck(['evaluate', 'book.xlsx'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(code);
    expect(r.stderr).toContain('超出限制');
    expect(r.stderr).not.toContain('文件可能已损坏');
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('a real workbook is within them', () => {
    const r = plancheck(['evaluate', 'tests/fixtures/xlsx/features.xlsx', '--format', 'json']);
    expect(r.stderr).not.toContain('xlsx-limit');
  });
});

describe('6. a failed write of standard output', () => {
  it.skipIf(!existsSync('/dev/full'))('> /dev/full: a message on stderr and exit 2, for a table, JSON and validate', () => {
    for (const args of [['evaluate', 'samples/taizhou-2020-2025.csv', '--regions', 'samples/townships.csv'], ['evaluate', 'samples/taizhou-2020-2025.csv', '--regions', 'samples/townships.csv', '--format', 'json', '--lang', 'en'], ['validate'], ['indicators']]) {
      const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" ${args.join(' ')} > /dev/full`], { cwd: ROOT, env: baseEnv(), encoding: 'utf8' });
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/无法写入标准输出|cannot write to standard output/u);
      expect(r.stderr).not.toMatch(STACK_LINE);
    }
  });
});

describe('7. a thousands separator that splits a cell', () => {
  it('1,234.5 unquoted with an extra cell is an error at the value, not 1; quoted it is read', () => {
    const dir = folder();
    writeFileSync(join(dir, 'data.csv'), '指标,地区,年份,数值\n新生儿死亡率,海陵区,2025,1,234.5\n婴儿死亡率,海陵区,2025,"1,234"\n');
    const r = plancheck(['evaluate', 'data.csv', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/data\.csv:2:4: 错误: .*“1,234\.5”.*\[data\/split-number\]/u);
    const result = JSON.parse(r.stdout).results.find((x: { id: string; region: { code: string } }) => x.id === 'neonatal-mortality' && x.region.code === '321202');
    expect(result?.status ?? 'no-data').not.toBe('met');
    expect(errorCodes(r.stderr)).not.toContain('data/not-a-number');
  });
});

describe('8. control characters', () => {
  const NOTE = 'a\x1b[2J\x1b]0;pwn\x07b\x01c\x0bd';
  it('a 备注 with ESC, OSC, \\x01 and \\x0b: shown as control pictures in github, md, table and report; never sent raw', () => {
    const dir = folder();
    writeFileSync(join(dir, 'data.csv'), `${HEADER}新生儿死亡率,海陵区,2025,5,,,"${NOTE}"\n婴儿死亡率,海\x1b[31m陵,2025,1,,,\n`);
    const runs = [
      plancheck(['evaluate', 'data.csv', '--format', 'github'], { cwd: dir }),
      plancheck(['evaluate', 'data.csv', '--format', 'md'], { cwd: dir }),
      plancheck(['evaluate', 'data.csv', '--format', 'json'], { cwd: dir }),
      plancheck(['evaluate', 'data.csv'], { cwd: dir }),
      plancheck(['report', 'data.csv', '--stage', 'final'], { cwd: dir }),
      plancheck(['check', 'data.csv'], { cwd: dir }),
    ];
    for (const r of runs) {
      expect(r.stdout + r.stderr).not.toMatch(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/u);
    }
    expect(runs[2]!.stdout).toContain('a␛[2J␛]0;pwn␇b␁c␋d');
    expect(runs[0]!.stdout + runs[0]!.stderr).toContain('␛[31m');
  });

  it('a rule file with a control character in a name is refused at its line', () => {
    const dir = folder();
    const plan = planCopy(dir, (y) => y.replace('name: 海陵区', 'name: "海陵\\e[2J区"'));
    const r = plancheck(['validate', '--plan', plan], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/plan\.yaml:\d+:\d+: 错误: .*␛\[2J.*\[plan\/control-character\]/u);
  });
});

describe('9. YAML tags and non-finite numbers in rule files', () => {
  it.each([
    ['!!js/function', (y: string) => y.replace(/^title: (.*)$/mu, 'title: !!js/function "$1"'), 'plan/yaml-tag'],
    ['!foo', (y: string) => y.replace(/^title: (.*)$/mu, 'title: !foo $1'), 'plan/yaml-tag'],
    ['.inf', (y: string) => y.replace(/^baselineYear: .*$/mu, 'baselineYear: .inf'), 'plan/yaml-non-finite'],
    ['.nan', (y: string) => y.replace(/^baselineYear: .*$/mu, 'baselineYear: .nan'), 'plan/yaml-non-finite'],
  ])('%s: a located error, exit 2', (_name, edit, code) => {
    const dir = folder();
    const plan = planCopy(dir, edit);
    const r = plancheck(['validate', '--plan', plan], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`plan\\.yaml:\\d+:\\d+: 错误: .*\\[${code}\\]`, 'u'));
    expect(r.stderr).not.toContain('的值 null');
  });
});

describe('10. messages that told the wrong story', () => {
  it('an .ods says to save as .xlsx or CSV', () => {
    const dir = folder();
    spawnSync('sh', ['-c', "printf 'application/vnd.oasis.opendocument.spreadsheet' > mimetype && echo '<x/>' > content.xml && zip -q0X t.ods mimetype && zip -q t.ods content.xml"], { cwd: dir });
    if (!existsSync(join(dir, 't.ods'))) return; // no zip(1) here
    const r = plancheck(['evaluate', 't.ods'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/t\.ods:1:1: 错误: .*\.xlsx 或 CSV.*\[data\/ods-workbook\]/u);
    expect(r.stderr).not.toContain('工作簿中没有工作表');
  });

  it('UTF-16LE without a BOM is read, not called binary', () => {
    const dir = folder();
    writeFileSync(join(dir, 'data.csv'), Buffer.from(ONE_ROW, 'utf16le'));
    const r = plancheck(['evaluate', 'data.csv', '--format', 'json'], { cwd: dir });
    expect(r.stderr).not.toContain('data/binary-file');
    expect(JSON.parse(r.stdout).results.find((x: { id: string; region: { code: string } }) => x.id === 'neonatal-mortality' && x.region.code === '321202').value).toBe(1.5);
  });

  it('one bad byte in a UTF-8 file is named by line and byte, not as mixed UTF-8/GBK', () => {
    const dir = folder();
    writeFileSync(join(dir, 'data.csv'), Buffer.concat([Buffer.from(`${ONE_ROW}婴儿死亡率,海`), Buffer.from([0xff]), Buffer.from('陵区,2025,1,,,\n')]));
    const r = plancheck(['evaluate', 'data.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/data\.csv:3:1: 错误: .*第 20 个字节（0xFF）.*\[data\/bad-utf8-byte\]/u);
    expect(r.stderr).not.toContain('mixed-encoding');
  });

  it('an unknown --region with no near name has no 是否指：—', () => {
    const dir = folder();
    writeFileSync(join(dir, 'data.csv'), ONE_ROW);
    const far = plancheck(['evaluate', 'data.csv', '--region', '火星'], { cwd: dir });
    expect(far.code).toBe(2);
    expect(far.stderr).toContain('不认识的地区“火星”');
    expect(far.stderr).not.toContain('是否指');
    const near = plancheck(['evaluate', 'data.csv', '--region', '海陵x'], { cwd: dir });
    expect(near.stderr).toContain('是否指：海陵区');
  });
});

describe('11. two rule files of one area', () => {
  it('is a located error at the second file', () => {
    const dir = folder();
    const plan = planCopy(dir);
    // law.yaml again, with ids and names of its own: only the area is the same.
    const law = readFileSync(join(plan, 'law.yaml'), 'utf8').replace(/(- id: )(\S+)/gu, '$1dup-$2').replace(/^(\s*name: )(.*)$/gmu, '$1副本$2').replace(/^\s*(aliases|main):.*\n/gmu, '');
    writeFileSync(join(plan, 'law2.yaml'), law);
    const r = plancheck(['validate', '--plan', plan], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/law2\.yaml:\d+:1: 错误: .*\[plan\/duplicate-area\]/u);
  });
});
