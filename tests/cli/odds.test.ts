// Issue 22 §2 “Also wrong”, through the built binary: Big5 text read as GBK, a region code
// that is also another region's name or alias, and raw JavaScript error text. Each is a
// located message in the user's language, never a silent reading.
import { randomBytes } from 'node:crypto';
import { cpSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { failureStatus } from '../../src/cli/run-error.js';
import { sheetWorkbook } from '../hostile/zip.js';
import { ROOT, STACK_LINE, fixture, plancheck, tempFolders } from './helpers.js';

vi.setConfig({ testTimeout: 120_000 });
const folder = tempFolders('plancheck-odds-');
const file = (name: string) => fixture(join('as-they-come', name));

describe('Big5 text read as GBK', () => {
  it('the fixtures are Big5 bytes of their UTF-8 text (made with iconv -t BIG5), not GBK', () => {
    for (const name of ['big5-note', 'big5-region', 'big5-regions-file']) {
      const bytes = readFileSync(join(ROOT, file(`${name}.csv`)));
      expect(new TextDecoder('big5', { fatal: true }).decode(bytes)).toBe(readFileSync(join(ROOT, file(`${name}.utf8.txt`)), 'utf8'));
    }
  });

  it('a Big5 note is a warning at its cell with both readings and what to do; the figures are read', () => {
    const r = plancheck(['evaluate', file('big5-note.csv'), '--format', 'json']);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/big5-note\.csv:2:5: 警告: 这一列有 1 格像是 Big5（繁体）编码的文字被当作 GBK 读取（第 2 行）：按 GBK 读作“戈.*”，按 Big5 应为“資料來源為衛生局統計年報.*”。.*另存为“CSV UTF-8（逗号分隔）”.*\[data\/big5-text\]/u);
    expect(JSON.parse(r.stdout).diagnostics.filter((d: { code: string }) => d.code === 'data/big5-text')).toEqual([
      expect.objectContaining({ severity: 'warning', line: 2, column: 5 }),
    ]);
    const en = plancheck(['check', file('big5-note.csv'), '--lang', 'en']);
    expect(en.stderr).toMatch(/big5-note\.csv:2:5: warning: .*Big5 \(traditional Chinese\) text read as GBK.*as Big5 "資料來源.*save the file from Excel as "CSV UTF-8 \(Comma delimited\)".*\[data\/big5-text\]/u);
  });

  it('Big5 region names are an error naming every cell (海陵區 with a private-use character, 高港區 without one), exit 2', () => {
    const r = plancheck(['check', file('big5-region.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/big5-region\.csv:2:2: 错误: 这一列有 2 格像是 Big5.*（第 2、3 行）：按 GBK 读作“\\ue1d3钞跋”，按 Big5 应为“海陵區”.*\[data\/big5-text\]/u);
  });

  it('a Big5 --regions file: its names are errors at their cells, exit 2', () => {
    const r = plancheck(['check', file('region-header.csv'), '--regions', file('big5-regions-file.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/big5-regions-file\.csv:2:2: 错误: 这一列有 2 格像是 Big5.*按 Big5 应为“城東街道”.*\[data\/big5-text\]/u);
  });

  it('the control: GBK returns (the sample, the Excel fixture) raise nothing about Big5', () => {
    for (const f of ['samples/taizhou-2025-gbk.csv', fixture('excel-gbk.csv')]) {
      const r = plancheck(['check', f]);
      expect(r.stderr).not.toMatch(/big5|private-use/u);
    }
  });

  it('a Big5 note deep in a return read in pieces (over 4 MiB, ASCII until then) is found at its line', () => {
    const dir = folder();
    const rows = ['indicator,region,year,value,note\n'];
    for (let i = 0; i < 120_000; i++) rows.push(`neonatal-mortality,321202,${2020 + (i % 6)},1.5,\n`);
    const head = Buffer.from(rows.join(''));
    expect(head.length).toBeGreaterThan(4 * 1024 * 1024);
    const note = readFileSync(join(ROOT, file('big5-note.csv'))).subarray(-200);
    const line = note.subarray(note.indexOf(Buffer.from('neonatal-mortality,321202')));
    writeFileSync(join(dir, 'big.csv'), Buffer.concat([head, Buffer.from(line.toString('latin1').split('\r\n')[0]!, 'latin1'), Buffer.from('\n')]));
    const r = plancheck(['check', 'big.csv'], { cwd: dir });
    expect(r.stderr).toMatch(new RegExp(`big\\.csv:${rows.length + 1}:5: 警告: .*Big5.*\\[data/big5-text\\]`, 'u'));
  });
});

describe('a region code that is also another region\'s name or alias', () => {
  const RETURN = '指标,地区,年份,数值\n新生儿死亡率,321203,2025,1.5\n新生儿死亡率,高港区,2024,1.6\n';

  it('in a --regions file: an error at the alias cell naming both regions, and the return\'s row that writes the code is an error listing both readings', () => {
    const dir = folder();
    writeFileSync(join(dir, 'r.csv'), 'code,name,parent,aliases\n321202001,城东街道,321202,321203\n321203001,口岸街道,321203,\n');
    writeFileSync(join(dir, 'd.csv'), RETURN);
    const r = plancheck(['evaluate', 'd.csv', '--regions', 'r.csv', '--year', 'all'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/r\.csv:2:4: 错误: “321203”既是高港区（321203）的代码，又是城东街道（321202001）的名称或别名.*\[regions\/name-is-code\]/u);
    expect(r.stderr).toMatch(/d\.csv:2:2: 错误: “321203”既是地区代码，又是另一个地区的名称或别名，可读作：高港区（321203）、城东街道（321202001）.*\[data\/ambiguous-region-code\]/u);
    // The full name still reads: only the ambiguous code is refused.
    expect(r.stderr).not.toMatch(/d\.csv:3:/u);
    const en = plancheck(['check', 'd.csv', '--regions', 'r.csv', '--lang', 'en'], { cwd: dir });
    expect(en.stderr).toMatch(/d\.csv:2:2: error: "321203" is both a region code and another region's name or alias, so it reads as any of 高港区（321203）, 城东街道（321202001）/u);
  });

  it('a township named by another township\'s code, and the control: the same file without the clash reads 321203 as 高港区', () => {
    const dir = folder();
    writeFileSync(join(dir, 'r.csv'), 'code,name,parent\n321202001,城东街道,321202\n321203001,321202001,321203\n');
    writeFileSync(join(dir, 'd.csv'), RETURN);
    const r = plancheck(['check', 'd.csv', '--regions', 'r.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/r\.csv:3:2: 错误: “321202001”既是城东街道（321202001）的代码，又是321202001（321203001）的名称或别名.*\[regions\/name-is-code\]/u);
    writeFileSync(join(dir, 'ok.csv'), 'code,name,parent,aliases\n321202001,城东街道,321202,城东\n321203001,口岸街道,321203,\n');
    const ok = plancheck(['evaluate', 'd.csv', '--regions', 'ok.csv', '--format', 'json'], { cwd: dir });
    expect(ok.stderr).not.toMatch(/name-is-code|ambiguous/u);
    expect(JSON.parse(ok.stdout).results.find((x: { id: string }) => x.id === 'neonatal-mortality')).toMatchObject({ region: { code: '321203' }, value: 1.5 });
  });

  it('in the plan: an alias equal to another region\'s code fails validate and evaluate at plan.yaml:line:col, naming both', () => {
    const dir = folder();
    const plan = join(dir, 'plan');
    cpSync(join(ROOT, 'plan'), plan, { recursive: true });
    const p = join(plan, 'plan.yaml');
    writeFileSync(p, readFileSync(p, 'utf8').replace('aliases: [海陵, Hailing]', 'aliases: [海陵, Hailing, "321203"]'));
    for (const args of [['validate'], ['evaluate', join(ROOT, 'samples/taizhou-2020-2025.csv')]]) {
      const r = plancheck([...args, '--plan', plan]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/plan\.yaml:\d+:\d+: 错误: 名称“321203”同时指向地区 321203 和 321202.*\[plan\/ambiguous-region-name\]/u);
    }
  });
});

describe('raw JavaScript error text never reaches the user', () => {
  const RAW = /Cannot read|reading 'richText'|Maximum call stack|TypeError|RangeError|ReferenceError|Corrupted zip|central directory|EACCES|permission denied|undefined/u;
  const both = (args: string[], cwd: string) => [plancheck(args, { cwd }), plancheck([...args, '--lang', 'en'], { cwd })];

  it('a workbook whose shared string breaks exceljs (a rich-text run with no text: “reading \'richText\'”), or nests 20,000 elements deep: a broken workbook at its file, in Chinese and English', () => {
    const dir = folder();
    const pad = randomBytes(20_000).toString('hex');
    const deep = `</t><r><t>${'<x>'.repeat(20_000)}1${'</x>'.repeat(20_000)}</t></r><t>`;
    writeFileSync(join(dir, 'rich.xlsx'), sheetWorkbook({ valueCell: '<c r="D2" t="s"><v>0</v></c>', strings: ['</t><r><rPr></rPr></r><t>'] }));
    writeFileSync(join(dir, 'deep.xlsx'), sheetWorkbook({ valueCell: '<c r="D2" t="s"><v>0</v></c>', strings: [deep, pad] }));
    for (const name of ['rich.xlsx', 'deep.xlsx']) {
      const [zh, en] = both(['evaluate', name], dir);
      for (const r of [zh!, en!]) {
        expect(r.code).toBe(2);
        expect(r.stderr).not.toMatch(RAW);
        expect(r.stderr).not.toMatch(STACK_LINE);
      }
      expect(zh!.stderr).toMatch(new RegExp(`${name.replace('.', '\\.')}:1:1: 错误: 无法作为 \\.xlsx 工作簿读取：工作簿内部结构不完整或有误.*\\[data/xlsx-broken-structure\\]`, 'u'));
      expect(en!.stderr).toMatch(/error: .*\[data\/xlsx-broken-structure\]/u);
    }
  });

  it('a workbook cut short (a damaged zip): the catalog\'s words, not the zip library\'s English', () => {
    const dir = folder();
    writeFileSync(join(dir, 'cut.xlsx'), readFileSync(join(ROOT, 'tests/fixtures/xlsx/sheets.xlsx')).subarray(0, 2000));
    const [zh, en] = both(['evaluate', 'cut.xlsx'], dir);
    expect(zh!.stderr).toMatch(/cut\.xlsx:1:1: 错误: 无法作为 \.xlsx 工作簿读取：文件的压缩结构已损坏或不完整.*\[data\/xlsx-unreadable\]/u);
    expect(en!.stderr).toMatch(/cut\.xlsx:1:1: error: cannot be read as an \.xlsx workbook: its zip structure is damaged/u);
    for (const r of [zh!, en!]) expect(r.stderr).not.toMatch(RAW);
  });

  it('a rule file nested deeper than 50 levels (a JSON/YAML flow of 20,000 brackets overflows the parser\'s stack): a located error saying so; 49 levels still read', () => {
    const dir = folder();
    const plan = join(dir, 'plan');
    cpSync(join(ROOT, 'plan'), plan, { recursive: true });
    const nest = (n: number) => `x: ${'['.repeat(n)}${']'.repeat(n)}\n`;
    for (const [n, col] of [[50, 53], [20_000, 0]] as const) {
      writeFileSync(join(plan, 'deep.yaml'), nest(n));
      const [zh, en] = both(['validate', '--plan', 'plan'], dir);
      expect(zh!.code).toBe(2);
      expect(zh!.stderr).toMatch(new RegExp(`deep\\.yaml:1:${col || '\\d+'}: 错误: 这里的列表或映射嵌套超过 50 层.*\\[plan/yaml-too-deep\\]`, 'u'));
      expect(en!.stderr).toMatch(/deep\.yaml:1:\d+: error: the lists or mappings here are nested more than 50 levels deep.*\[plan\/yaml-too-deep\]/u);
      for (const r of [zh!, en!]) expect(r.stderr).not.toMatch(RAW);
    }
    // The JSON form, an object 20,000 deep, in a rule file of its own.
    writeFileSync(join(plan, 'deep.yaml'), `${'{"a": '.repeat(20_000)}1${'}'.repeat(20_000)}\n`);
    const json = plancheck(['validate', '--plan', 'plan'], { cwd: dir });
    expect(json.stderr).toMatch(/deep\.yaml:1:\d+: 错误: .*\[plan\/yaml-too-deep\]/u);
    expect(json.stderr).not.toMatch(RAW);
    // One level less than the limit is not refused for its depth (the schema then says what the file lacks).
    writeFileSync(join(plan, 'deep.yaml'), nest(49));
    expect(plancheck(['validate', '--plan', 'plan'], { cwd: dir }).stderr).not.toContain('yaml-too-deep');
  });

  it('a return that cannot be read for want of permission, or for a system error, says which file and what to do, not the system\'s raw text', async () => {
    const errno = (code: string, path: string) => Object.assign(new Error(`${code}: permission denied, open '${path}'`), { code, path, errno: -13, syscall: 'open' });
    for (const [code, zh, en] of [
      ['EACCES', /没有读取 locked\.csv 的权限/u, /no permission to read locked\.csv/u],
      ['EIO', /无法读取 locked\.csv（系统错误 EIO）/u, /cannot read locked\.csv \(system error EIO\)/u],
    ] as const) {
      for (const [lang, words] of [['zh', zh], ['en', en]] as const) {
        const err: string[] = [];
        const io: Io = {
          stdout: () => undefined,
          stderr: (s) => void err.push(s),
          stdoutIsTTY: false,
          env: { NO_COLOR: '1' },
          cwd: ROOT,
          readFile: (p) => {
            if (p.endsWith('locked.csv')) throw errno(code, p);
            return readFileSync(p);
          },
          readStdin: () => new Uint8Array(),
          listDir: (p) => readdirSync(p),
          isDir: (p) => statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false,
          writeFileAtomic: () => undefined,
        };
        expect(await main(['evaluate', 'locked.csv', '--lang', lang], io)).toBe(2);
        expect(err.join('')).toMatch(words);
        expect(err.join('')).not.toMatch(RAW);
      }
    }
  });

  it('an errno failure that reaches the end of a run names the file and the code, not the raw text', () => {
    const err: string[] = [];
    const io = { stderr: (s: string) => void err.push(s) } as unknown as Io;
    const e = Object.assign(new Error("EMFILE: too many open files, open '/x/a.csv'"), { code: 'EMFILE', path: '/x/a.csv' });
    expect(failureStatus(io, e, 'zh')).toBe(2);
    expect(err.join('')).toBe('plancheck: 读写文件 /x/a.csv 失败（系统错误 EMFILE）；请检查该路径、权限和磁盘空间\n');
  });
});

describe('YAML mistakes in a rule file, in the catalog\'s words', () => {
  // Each: the file's text, the finding's code and place, and words of its Chinese message. The
  // parser's own message (English, for programmers) never appears in the Chinese one.
  const CASES: Array<[string, string, string, RegExp]> = [
    ['a:\n  b: 1\n c: 2\n', 'plan/yaml-indent', '3:1', /这一行的缩进不对/u],
    ['a:\n\tb: 1\n', 'plan/yaml-tab', '2:1', /制表符（Tab）缩进/u],
    ['id: 1\nb: 2\nid: 3\n', 'plan/yaml-duplicate-key', '3:1', /键“id”在同一层出现了两次/u],
    ['a: "abc\nb: 2\n', 'plan/yaml-unclosed-quote', '3:1', /引号到文件末尾都没有闭合/u],
    ['a: b: c\n', 'plan/yaml-key', '1:4', /这一行有两个“: ”/u],
    ['a: 1\nb\nc: 2\n', 'plan/yaml-missing-colon', '2:1', /键“b”后缺少冒号/u],
    ['a: 1\n---\nb: 2\n', 'plan/yaml-documents', '2:1', /多个文档/u],
    ['a: "\\q"\n', 'plan/yaml-escape', '1:5', /不是有效的转义/u],
    ['a: @x\n', 'plan/yaml-reserved', '1:4', /值不能以“@”开头/u],
  ];
  const ENGLISH = /must|allowed|Missing|unique|Implicit|parseAllDocuments|Invalid|Plain value|Nested|indentation/u;

  it('each is located, says what to do in Chinese and English, and the Chinese has no English parser text', () => {
    const dir = folder();
    const plan = join(dir, 'plan');
    cpSync(join(ROOT, 'plan'), plan, { recursive: true });
    for (const [text, code, at, words] of CASES) {
      writeFileSync(join(plan, 'x.yaml'), text);
      const zh = plancheck(['validate', '--plan', 'plan'], { cwd: dir });
      expect(zh.code, text).toBe(2);
      expect(zh.stderr, text).toMatch(new RegExp(`x\\.yaml:${at}: 错误: .*${words.source}.*\\[${code}\\]`, 'u'));
      expect(zh.stderr.split('\n')[0], text).not.toMatch(ENGLISH);
      // English for a few (each run starts the CLI): the same place and code.
      if (code !== 'plan/yaml-duplicate-key' && code !== 'plan/yaml-documents') continue;
      const en = plancheck(['validate', '--plan', 'plan', '--lang', 'en'], { cwd: dir });
      expect(en.stderr, text).toMatch(new RegExp(`x\\.yaml:${at}: error: .*\\[${code}\\]`, 'u'));
    }
  });
});

describe('rule values the schema refuses, in the catalog\'s words', () => {
  it('a bound, an empty name, repeated aliases: each at its line with what is allowed, no validator English in Chinese', () => {
    const dir = folder();
    const plan = join(dir, 'plan');
    cpSync(join(ROOT, 'plan'), plan, { recursive: true });
    const health = join(plan, 'health.yaml');
    const original = readFileSync(health, 'utf8');
    const CASES: Array<[string, string, RegExp]> = [
      ['    decimals: 2\n', '    decimals: 7\n', /“decimals”的值 7 超出范围，应 ≤ 6 \[plan\/out-of-bounds\]/u],
      ['    decimals: 2\n', '    decimals: 6\n', /^(?![\s\S]*out-of-bounds)/u],
      ['    scale: 1000\n', '    scale: 0\n', /“scale”的值 0 超出范围，应 > 0 \[plan\/out-of-bounds\]/u],
      ['    name: 新生儿死亡率\n', '    name: ""\n', /“name”是空的；请填写内容 \[plan\/empty-text\]/u],
      ['    aliases: [新生儿死亡率（‰）]\n', '    aliases: [新生儿死亡率（‰）, 新生儿死亡率（‰）]\n', /“aliases”的第 1 项和第 2 项相同；请删去重复的一项 \[plan\/repeated-items\]/u],
    ];
    for (const [from, to, words] of CASES) {
      expect(original).toContain(from);
      writeFileSync(health, original.replace(from, to));
      const r = plancheck(['validate', '--plan', 'plan'], { cwd: dir });
      expect(r.stderr, to).toMatch(words);
      expect(r.stderr, to).not.toMatch(/must|NOT have/u);
    }
  });
});
