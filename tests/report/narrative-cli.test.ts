// The narrative of the shipped sample's reports, through the BUILT binary: the four parts,
// a comparison with 2020 for every indicator with a baseline and data, 实现 / 未实现 at the
// final stage, the same in English, and the Word file among the outputs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'plancheck');
const SAMPLE = ['samples/taizhou-2020-2025.csv', '--regions', 'samples/townships.csv'];

function report(args: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'plancheck-narrative-'));
  // The Word file without its charts (tests/report/docx-craft.test.ts draws them): each costs seconds.
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', PLANCHECK_FONT: 'none' };
  delete env.PLANCHECK_LANG;
  const r = spawnSync(process.execPath, [BIN, 'report', ...SAMPLE, ...args, '-o', join(dir, 'r.md'), '-o', join(dir, 'r.json'), '-o', join(dir, 'r.docx'), '-o', join(dir, 'r.html')], { cwd: ROOT, env, encoding: 'utf8', timeout: 240_000 });
  if (r.status !== 0) throw new Error(`plancheck report exited ${r.status}: ${r.stderr}`);
  return { md: readFileSync(join(dir, 'r.md'), 'utf8'), json: JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as Json, docx: readFileSync(join(dir, 'r.docx')), html: readFileSync(join(dir, 'r.html'), 'utf8') };
}

interface Json {
  indicators: Array<{ id: string; name: string; results: Array<{ region: { code: string }; status: string; progress: { baseline: number | null } }> }>;
}

/** The narrative: from 一、总体情况 to the first annex. */
const narrative = (md: string, from: string, to: string) => md.slice(md.indexOf(from), md.indexOf(to));

describe('mid-term report of the sample', () => {
  let out: ReturnType<typeof report>;
  beforeAll(() => {
    out = report(['--stage', 'midterm']);
  }, 250_000);

  it('has the four parts and how the evaluation was done, then the annexes', () => {
    const heads = out.md.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3));
    expect(heads.slice(0, 5)).toEqual(['一、总体情况', '二、各领域目标实现情况', '三、存在的问题', '四、下一步工作建议', '五、评估工作与数据来源']);
    expect(heads[5]).toBe('附表1 评估结果汇总');
    expect(out.html).toContain('<h2 id="narrative-summary">一、总体情况</h2>');
  });

  it('compares with 2020 every indicator of 泰州市 with a baseline and data (≥ 30)', () => {
    const text = narrative(out.md, '## 一、总体情况', '## 三、存在的问题');
    const withBaseline = out.json.indicators.filter((i) => {
      const city = i.results.find((r) => r.region.code === '321200');
      return city && (city.status === 'met' || city.status === 'not-met') && city.progress.baseline !== null;
    });
    expect(withBaseline.length).toBeGreaterThanOrEqual(30);
    for (const i of withBaseline) expect(text, i.name).toMatch(new RegExp(`2023年，泰州市${i.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}为[^。]*(?:比2020年(?:提高|下降|增加|减少)|与2020年持平)`));
    expect(text).toContain('2023年，泰州市婴儿死亡率为1.82‰，比2020年下降0.12个千分点（基线为规划所述2020年数），低于规划目标（4‰以下），已提前实现规划目标；6个市（区）均已达标。');
  });

  it('三 and 四: what moves away, the pace left, the data to complete', () => {
    const text = narrative(out.md, '## 三、存在的问题', '## 附表1');
    expect(text).toContain('出现倒退的指标：空气质量优良天数比率（泰州市，2020年80.33%，2023年77.53%）');
    // (78 − 77.53) / 2 = 0.235 a year.
    expect(text).toContain('- 空气质量优良天数比率：泰州市需年均提高0.23个百分点（由77.53%到78%）');
    expect(text).toContain('适龄儿童性与生殖健康知识普及率的2020年基线数据');
    // A split target (城市社区100 农村社区90) is paced part by part: the part at risk is named with
    // its own value and pace (高港区's 城市社区 92.59%, not the 城市+农村 total 87.06%).
    expect(text).toContain('- 家长学校或者家庭教育指导服务站点建成率：高港区城市社区进展有限，2023年92.59%，需年均提高3.71个百分点；姜堰区城市社区需加快进度，2023年95.24%，需年均提高2.38个百分点。');
    expect(text).not.toContain('87.06%');
    expect(text).not.toMatch(/家长学校[^。\n]*无法测算进度/);
  });

  it('writes a Word file among the outputs', () => {
    expect(out.docx.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('final report of the sample', () => {
  it('says 实现 / 未实现规划目标', () => {
    const { md } = report(['--stage', 'final']);
    const text = narrative(md, '## 一、总体情况', '## 附表1');
    expect(text).toMatch(/从泰州市看，57项指标中实现规划目标\d+项，未实现规划目标\d+项/);
    expect(text).toContain('，实现规划目标');
    expect(text).toContain('，未实现规划目标');
    expect(text).not.toContain('已提前实现');
  }, 250_000);
});

describe('--lang en', () => {
  it('gives the same in English', () => {
    const { md } = report(['--stage', 'midterm', '--lang', 'en']);
    const heads = md.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3));
    expect(heads.slice(0, 4)).toEqual(['1. Overview', '2. Targets by area', '3. Problems', '4. Next steps']);
    expect(md).toMatch(/Infant mortality rate, 泰州市, 2023: 1\.82‰, down 0\.12 ‰ points from 2020 \(baseline as stated in the plan\), below the target \(at most 4‰\): target reached ahead of time/);
    expect(md).not.toMatch(/[一二三四]、/);
  }, 250_000);
});
