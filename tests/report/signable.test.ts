// The parts of a report an analyst can sign (issue 21 §1), through the BUILT binary, in
// Markdown, HTML and Word: the 14 主要指标 first, each 市（区）, the 城乡 and 性别 gaps, the
// returns' notes as stated causes, the latest year available, the final report without
// mid-term words and with what 十五五 carries over, the marked places for the departments'
// measures, and 评估工作与数据来源. On the shipped sample, on a return of 泰州市 rows only
// (tests/fixtures/report/city-rows.csv) and on one of township rows only.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { plancheck } from '../cli/helpers.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const SAMPLE = ['samples/taizhou-2020-2025.csv', '--regions', 'samples/townships.csv'];
const CITY_ONLY = 'tests/fixtures/report/city-rows.csv';

interface Out { md: string; html: string; docx: string; stderr: string }

/** The report in the three formats; `docx` is the text of word/document.xml. */
async function report(args: string[]): Promise<Out> {
  const dir = mkdtempSync(join(tmpdir(), 'plancheck-signable-'));
  const r = plancheck(['report', ...args, '-o', join(dir, 'r.md'), '-o', join(dir, 'r.html'), '-o', join(dir, 'r.docx')], { env: { SOURCE_DATE_EPOCH: '1796774400', PLANCHECK_FONT: 'none' } });
  expect(r.code, r.stderr).toBe(0);
  const zip = await JSZip.loadAsync(readFileSync(join(dir, 'r.docx')));
  const docx = await zip.file('word/document.xml')!.async('string');
  return { md: readFileSync(join(dir, 'r.md'), 'utf8'), html: readFileSync(join(dir, 'r.html'), 'utf8'), docx, stderr: r.stderr };
}

/** The text of a Word document's XML, its runs joined. */
const docxText = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
/** The text of the HTML, tags dropped. */
const htmlText = (html: string) => html.replace(/<[^>]+>/g, '');
const texts = (o: Out) => ({ md: o.md, html: htmlText(o.html), docx: docxText(o.docx) });
// (The Word files here are written without their charts, PLANCHECK_FONT=none: tests/report/docx-craft.test.ts draws them.)

/** The part of a Markdown report from one heading to the next of the same level. */
function section(md: string, heading: string): string {
  const at = md.indexOf(heading);
  expect(at, heading).toBeGreaterThanOrEqual(0);
  const level = heading.match(/^#+/)![0];
  const next = md.indexOf(`\n${level} `, at + heading.length);
  return md.slice(at, next < 0 ? undefined : next);
}

describe('the sample, mid-term', () => {
  let out: Out;
  beforeAll(async () => { out = await report([...SAMPLE, '--stage', 'midterm']); });

  it('总体情况 opens with the 14 主要指标, counted by progress, then a table of the 14', () => {
    const opening = '规划14项主要指标中，泰州市已提前实现8项，进度符合预期6项。全部指标情况如下。';
    for (const [format, text] of Object.entries(texts(out))) expect(text, format).toContain(opening);
    const summary = section(out.md, '## 一、总体情况');
    expect(summary.indexOf(opening)).toBeLessThan(summary.indexOf('本次评估以2020年为基线年'));
    expect(summary).toContain('**表1 主要指标实现情况（泰州市）**');
    expect(summary).toContain('| 序号 | 指标 | 2020年 | 2023年 | 2025年目标 | 实现情况 |');
    const rows = summary.split('\n').filter((l) => /^\| \d+ \|/.test(l));
    expect(rows.map((l) => Number(l.split('|')[1]))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(summary).toContain('| 2 | 婴儿死亡率 | 1.94‰ | 1.82‰ | 4‰以下 | 已达标 |');
    expect(summary).toContain('| 13 | 家长学校或者家庭教育指导服务站点建成率 |');
    expect(out.html).toContain('<caption>表1 主要指标实现情况（泰州市）</caption>');
  });

  it('each 市（区） in a paragraph, the one with most at risk first', () => {
    const regions = section(out.md, '### （九）各市（区）目标实现情况');
    const paragraphs = regions.split('\n').filter((l) => /^(海陵区|高港区|姜堰区|兴化市|靖江市|泰兴市)：/.test(l));
    expect(paragraphs).toHaveLength(6);
    const risk = paragraphs.map((p) => Number(/存在未达标风险(\d+)项/.exec(p)?.[1] ?? 0));
    expect(risk).toEqual([...risk].sort((a, b) => b - a));
    expect(paragraphs[0]).toMatch(/^姜堰区：评估57项指标，已达标29项；尚未达标但进度符合预期19项；存在未达标风险9项（[^）]*等9项）。$/);
    for (const [format, text] of Object.entries(texts(out))) expect(text, format).toContain('（九）各市（区）目标实现情况');
  });

  it('城乡 and 性别: the gap in a sentence', () => {
    for (const [format, text] of Object.entries(texts(out))) {
      expect(text, format).toContain('姜堰区５岁以下儿童贫血率2023年女童为2.92%、男童为3.57%，女童低于男童0.65个百分点');
      expect(text, format).toContain('兴化市家长学校或者家庭教育指导服务站点建成率2023年农村为82.94%、城市为97.18%，农村低于城市14.24个百分点');
    }
  });

  it('评估工作与数据来源: the files, who reported what, the baseline, 左右, trends, pace and the returns’ notes', () => {
    const work = section(out.md, '## 五、评估工作与数据来源');
    for (const s of [
      '评估2023年数据，使用2020—2023年的报表数据。数据文件：samples/taizhou-2020-2025.csv（共1个）。下级单位名单：samples/townships.csv。',
      '2023年报送数据的地区及指标数：泰州市',
      '海陵区55项',
      '基线：8项指标采用规划载明的基线数，47项采用报表2020年数据，2项缺少基线。',
      '每千名14岁以下儿童儿科医师数（0.85人，±0.043人）',
      '目标为趋势',
      '进度评估：进度比值 R',
      '儿童伤害死亡率（泰兴市，2022年）：2022年起按新口径统计（含溺水以外意外伤害）',
      '５岁以下儿童贫血率（姜堰区，2020、2021、2022、2023年）：仅报送分性别数据',
    ]) expect(work, s).toContain(s);
    expect(texts(out).docx).toContain('五、评估工作与数据来源');
  });

  it('the marked places for the departments’ measures, per area with something at risk', () => {
    expect(section(out.md, '## 四、下一步工作建议')).toContain('- 儿童与健康：【请相关部门补充主要措施】');
  });

  it('keeps the mid-term’s pace words', () => {
    expect(out.md).toContain('需加快进度');
    expect(out.md).toContain('预计');
  });
});

describe('the sample, final', () => {
  let out: Out;
  beforeAll(async () => { out = await report([...SAMPLE, '--stage', 'final']); });

  it('counts the 主要指标 as achieved or not, the one judged on 2024 apart', () => {
    for (const [format, text] of Object.entries(texts(out))) expect(text, format).toContain('规划14项主要指标中，泰州市实现13项；另有1项2025年尚无数据，按2024年数据评估（在校学生心理健康核心知识知晓率未达标）。');
    expect(out.md).toContain('| 7 | 在校学生心理健康核心知识知晓率 | 77.98% | 88.68%（2024年数据） | 90% | 未实现（2024年数据） |');
  });

  it('has no mid-term word in any format: no 预计, 风险, 需加快进度, 进度符合预期', () => {
    for (const [format, text] of Object.entries(texts(out)))
      for (const word of ['预计', '风险', '需加快进度', '进度符合预期', '提前实现']) expect(text, `${format}: ${word}`).not.toContain(word);
  });

  it('存在的问题 quotes the return’s note as the stated reason of a miss, and invents none', () => {
    const problems = section(out.md, '## 三、存在的问题');
    expect(problems).toContain('兴化市家长学校或者家庭教育指导服务站点建成率（2025年农村88.04%，目标90%）未达标，据报送说明：涉农社区数量多，建设进度滞后');
    expect(problems).toContain('泰州市空气质量优良天数比率（2025年76.16%）未达标，据报送说明：2025年为快报数');
    // 儿童肥胖率's note is of 2024, the miss of 2025: not quoted as its reason.
    expect(problems).not.toContain('课后服务时段调整');
    expect(texts(out).docx).toContain('据报送说明：涉农社区数量多，建设进度滞后');
  });

  it('下一步: each target missed, by how much and where, for 十五五 to carry over', () => {
    const next = section(out.md, '## 四、下一步工作建议');
    expect(next).toContain('1. 以下11项指标未实现规划目标，建议在“十五五”儿童发展规划中继续设置并跟踪监测：');
    expect(next).toContain('- 空气质量优良天数比率（78%以上）：泰州市76.16%，差1.84个百分点；靖江市75.34%，差2.66个百分点；海陵区76.71%，差1.29个百分点；泰兴市76.99%，差1.01个百分点');
    expect(next).toContain('- 在校学生心理健康核心知识知晓率（90%）：泰州市88.68%（2024年数据）；高港区88.50%（2024年数据）');
    expect(next).toContain('【请相关部门补充主要措施】');
  });

  it('--no-placeholders leaves the marked places out', async () => {
    const bare = await report([...SAMPLE, '--stage', 'final', '--no-placeholders']);
    for (const [format, text] of Object.entries(texts(bare))) {
      expect(text, format).not.toContain('【请相关部门补充主要措施】');
      expect(text, format).toContain('十五五');
    }
  });
});

describe('a return of 泰州市 rows only', () => {
  let mid: Out;
  let fin: Out;
  beforeAll(async () => {
    mid = await report([CITY_ONLY, '--stage', 'midterm']);
    fin = await report([CITY_ONLY, '--stage', 'final']);
  });

  it('the latest year available: 2022 stands in for a missing 2023, said and counted apart; 2021 is too old', () => {
    for (const [format, text] of Object.entries(texts(mid))) {
      expect(text, format).toContain('在校学生心理健康核心知识知晓率2023年尚无数据，采用2022年数据：泰州市2022年为84.00%，未达到规划目标（2022年数据）。');
      expect(text, format).toContain('另有1项2023年尚无数据，按2022年数据评估（在校学生心理健康核心知识知晓率未达标）');
      // Its last value is of 2021, two years before: no stand-in.
      expect(text, format).not.toMatch(/中小学校心理教师配备率2023年尚无数据/);
    }
    expect(mid.md).toContain('| 7 | 在校学生心理健康核心知识知晓率 | 78.00% | 84.00%（2022年数据） | 90% | 未达标（2022年数据） |');
  });

  it('gives the sex and the urban–rural gaps, and no section for 市（区） it has none of', () => {
    expect(mid.md).toContain('- 泰州市５岁以下儿童贫血率2023年女童为2.90%、男童为3.50%，女童低于男童0.60个百分点。');
    expect(mid.md).toContain('- 泰州市家长学校或者家庭教育指导服务站点建成率2023年农村为86.20%、城市为96.00%，农村低于城市9.80个百分点。');
    expect(mid.md).toContain('### （九）分性别、分城乡情况');
    expect(mid.md).not.toContain('各市（区）目标实现情况');
    expect(mid.md).not.toContain('涉及6个市（区）');
  });

  it('lists the 主要指标 it has and counts the rest; no list of missing names longer than five', () => {
    expect(mid.md).toContain('其余11项主要指标缺少2023年数据，未列入上表。');
    // 婴儿死亡率, 在校学生心理健康核心知识知晓率 (2022) and 家长学校… (its parts); 中小学校心理教师配备率's last value is of 2021.
    expect(section(mid.md, '## 一、总体情况').split('\n').filter((l) => /^\| \d+ \|/.test(l)).map((l) => Number(l.split('|')[1]))).toEqual([2, 7, 13]);
    for (const line of mid.md.split('\n').filter((l) => /^(缺少数据：|\d+\. 缺少泰州市数据|\d+\. 补齐数据)/.test(l) && l.includes('、'))) {
      const names = line.split('等')[0]!.split('、').length;
      expect(names, line).toBeLessThanOrEqual(5);
    }
  });

  it('final: a marked place for each area with a miss (one judged on 2024 included), none for the others', () => {
    const places = fin.md.split('\n').filter((l) => l.includes('【请相关部门补充主要措施】'));
    expect(places).toEqual(['- 儿童与健康：【请相关部门补充主要措施】', '- 儿童与家庭：【请相关部门补充主要措施】', '- 儿童与环境：【请相关部门补充主要措施】']);
  });

  it('final: a split target’s part says its gap; a note of the year stood in for is quoted', () => {
    expect(fin.md).toContain('- 家长学校或者家庭教育指导服务站点建成率（城市社区100 农村社区90）：泰州市农村社区89.40%，差0.60个百分点');
    expect(fin.md).toContain('泰州市在校学生心理健康核心知识知晓率（2024年88.00%）未达标，据报送说明：抽样调查结果尚未公布');
  });
});

describe('a return of township rows only', () => {
  it('reads as a report: the 主要指标 counted without an empty table, the 市（区） without a wall of names', async () => {
    const out = await report(['tests/fixtures/cli/townships-only.csv', '--regions', 'samples/townships.csv', '--stage', 'final']);
    expect(out.md).toContain('规划14项主要指标中，泰州市缺少数据14项。');
    expect(out.md).not.toContain('表1 主要指标实现情况');
    const regions = section(out.md, '### （九）各市（区）目标实现情况');
    expect(regions.split('\n')[4]).toMatch(/^(靖江市|泰兴市)：评估57项指标，实现目标1项；未实现目标1项（[^）]+）；缺少数据55项。$/);
    for (const line of out.md.split('\n').filter((l) => /^(缺少数据：|\d+\. 缺少泰州市数据|\d+\. 补齐数据)/.test(l) && l.includes('、'))) {
      for (const piece of line.split('；')) expect(piece.split('等')[0]!.split('、').length, piece).toBeLessThanOrEqual(5);
    }
  });
});
