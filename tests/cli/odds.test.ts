// Issue 22 §2 “Also wrong”, through the built binary: Big5 text read as GBK, a region code
// that is also another region's name or alias, and raw JavaScript error text. Each is a
// located message in the user's language, never a silent reading.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ROOT, STACK_LINE, fixture, plancheck, tempDir } from './helpers.js';

vi.setConfig({ testTimeout: 120_000 });
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function folder(): string {
  const dir = tempDir('plancheck-odds-');
  dirs.push(dir);
  return dir;
}
const file = (name: string) => fixture(join('as-they-come', name));

describe('Big5 text read as GBK', () => {
  it('the fixtures are Big5 bytes of their UTF-8 text (made with iconv -t BIG5), not GBK', () => {
    for (const name of ['big5-note', 'big5-region']) {
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
