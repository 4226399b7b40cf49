// The words beside the numbers (issue 20, items 1, 2, 7, 8, 10; figures at the plan's two decimals, item 9), through the BUILT binary on
// tests/fixtures/report/words.csv and city-only.csv. Figures worked by hand in the comments.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, TOWNSHIPS, plancheck, tempDir } from '../cli/helpers.js';

const WORDS = join(ROOT, 'tests', 'fixtures', 'report', 'words.csv');
const CITY_ONLY = join(ROOT, 'tests', 'fixtures', 'report', 'city-only.csv');
const ALL_REGIONS = ['泰州市', '海陵区', '高港区', '姜堰区', '兴化市', '靖江市', '泰兴市'].flatMap((r) => ['--region', r]);

function report(file: string, stage: 'midterm' | 'final', extra: string[] = []): { md: string; json: Json } {
  const dir = tempDir('plancheck-words-');
  const md = join(dir, 'r.md');
  const json = join(dir, 'r.json');
  const r = plancheck(['report', file, '--stage', stage, ...extra, '-o', md, '-o', json]);
  if (r.code !== 0) throw new Error(`plancheck report exited ${r.code}: ${r.stderr}`);
  return { md: readFileSync(md, 'utf8'), json: JSON.parse(readFileSync(json, 'utf8')) as Json };
}

interface Json {
  warnings: Array<{ id: string; region: { name: string }; progress: { current: number; projected: number } }>;
}

const part = (md: string, from: string, to: string) => md.slice(md.indexOf(from), md.indexOf(to, md.indexOf(from)));
const problemsAndNext = (md: string) => part(md, '## 三、存在的问题', '## 附表1');

describe('words.csv, final report', () => {
  let md: string;
  beforeAll(() => {
    md = report(WORDS, 'final', ['--regions', TOWNSHIPS]).md;
  }, 60_000);

  it('1. an every-乡镇 gap is stated with the township it belongs to, once', () => {
    const text = problemsAndNext(md);
    // 季市镇 94.2 against ≥95: 0.8 short. 泰州市 98.46 and 靖江市 97.22 are above 95 and never carry it.
    expect(text).toContain('- 适龄儿童免疫规划疫苗接种率：靖江市季市镇94.20%，差0.80个百分点。');
    expect(text).toContain('- 适龄儿童免疫规划疫苗接种率（以乡(镇)为单位达95％以上）：靖江市季市镇94.20%，差0.80个百分点');
    expect(text).not.toMatch(/98\.46%，差0\.8|97\.22%，差0\.8|泰州市季市镇/);
  });

  it('1. a split gap is stated with the part it belongs to', () => {
    const text = problemsAndNext(md);
    // 农村社区 88.04 against 90: 1.96 short; the total 89.5 is not beside it.
    expect(text).toContain('- 家长学校或者家庭教育指导服务站点建成率：兴化市农村社区88.04%，差1.96个百分点。');
    expect(text).toContain('（城市社区100 农村社区90）：兴化市农村社区88.04%，差1.96个百分点');
    expect(text).not.toContain('89.5%，差1.96');
  });

  it('2. a 左右 gap is to the plan\'s number, the band named once', () => {
    // 0.85 − 0.8 = 0.05 (to the band's edge 0.8075 it would be 0.0075).
    expect(md).toContain('距规划目标（0.85人左右，按不低于0.8075人判定）尚差0.05人，未实现规划目标');
    expect(problemsAndNext(md)).toContain('- 每千名14岁以下儿童儿科医师数（0.85人左右，按不低于0.8075人判定）：泰州市0.80人，差0.05人。');
    // 99 − 97.5 = 1.5 (to the edge 98 it would be 0.5).
    expect(problemsAndNext(md)).toContain('- 学前教育毛入园率（99%左右，按不低于98%判定）：兴化市97.50%，差1.50个百分点。');
    expect(md).not.toMatch(/差0\.0075人|兴化市97\.5%，差0\.5个百分点/);
  });

  it('7. a rise in a rate that should fall is 上升, not 提高', () => {
    // 新生儿死亡率 1.2‰ → 2.74‰: up 1.54 points, still under the 3‰ ceiling.
    expect(md).toContain('2025年，泰州市新生儿死亡率为2.74‰，比2020年上升1.54个千分点，低于规划目标（3‰以下）');
    expect(md).not.toContain('比2020年提高1.54个千分点');
  });

  it('7. counts add up to the total, shares over what was evaluated, the 不适用 item named', () => {
    const m = /共(\d+)项评估结果。其中有数据的(\d+)项中，已达标(\d+)项，占([\d.]+)%，未达标(\d+)项；缺少数据或数据有误(\d+)项。另有(\d+)项目标不适用：特殊教育学校数（高港区）。/.exec(md);
    expect(m, md.slice(0, 800)).not.toBeNull();
    const [total, judged, met, share, notMet, noData, na] = m!.slice(1).map(Number) as [number, number, number, number, number, number, number];
    expect(met + notMet).toBe(judged);
    expect(judged + noData + na).toBe(total);
    expect(share).toBeCloseTo((met / judged) * 100, 1);
  });

  it('7. an area with no data at all is neither ahead nor behind', () => {
    const summary = part(md, '## 一、总体情况', '## 二、');
    // 儿童与安全 and 儿童与法律 have no row in the fixture.
    expect(summary).toContain('按有数据的评估结果计');
    expect(summary).not.toMatch(/儿童与安全（0%）|儿童与法律（0%）/);
  });
});

describe('words.csv, mid-term report', () => {
  let md: string;
  let json: Json;
  beforeAll(() => {
    ({ md, json } = report(WORDS, 'midterm', ['--regions', TOWNSHIPS]));
  }, 60_000);

  it('1. a split is paced by its own part, with that part\'s value', () => {
    // 城市社区 80 → 90: required (100 − 80)/5 = 4, actual 10/3 = 3.33, R = 0.83; left (100 − 90)/2 = 5 a year.
    const text = problemsAndNext(md);
    expect(text).toContain('- 家长学校或者家庭教育指导服务站点建成率：兴化市城市社区需加快进度，2023年90.00%，需年均提高5.00个百分点。');
    expect(text).toContain('兴化市城市社区需年均提高5.00个百分点（由90.00%到100%）');
    expect(text).not.toMatch(/（城市），2023年88\.7%/);
    // The annex's at-risk row carries the same part's figures, named: base 80, current 90, target 100.
    expect(md).toMatch(/家长学校或者家庭教育指导服务站点建成率 \| 兴化市（城市） \| 未达标 \| 需加快进度 \| 80\.00% \| 90\.00% \| 100\.00% \|/);
  });

  it('2. the 左右 gap and the pace name the plan\'s number and the line judged', () => {
    // 0.85 − 0.781 = 0.069.
    expect(md).toContain('2023年，泰州市每千名14岁以下儿童儿科医师数为0.78人，比2020年增加0.16人，距规划目标（0.85人左右，按不低于0.8075人判定）尚差0.07人');
    expect(md).not.toContain('尚差0.027人');
    // 毛入园率 97.34 in 2023, judged at 98: (98 − 97.34)/2 = 0.33 a year; 99%左右 is said.
    expect(problemsAndNext(md)).toContain('- 学前教育毛入园率（99%左右，按不低于98%判定）：兴化市需年均提高0.33个百分点（由97.34%到判定线98%）。');
    expect(md).not.toContain('由97.34%到98%）');
  });

  it('2. the table says the band in its 说明', () => {
    const dir = tempDir('plancheck-words-');
    const csv = join(dir, 't.csv');
    const r = plancheck(['evaluate', WORDS, '--regions', TOWNSHIPS, '--year', '2023', '-o', csv]);
    expect(r.code).toBe(1);
    const row = readFileSync(csv, 'utf8').split('\n').find((l) => l.startsWith('paediatricians-per-1000-children,') && l.includes(',泰州市,'))!;
    expect(row).toContain('距规划目标值还差 0.07人');
    expect(row).toContain('0.85人左右，按不低于0.8075人判定');
  });

  it('7. only the indicators at risk count toward 较多的市（区）', () => {
    // 兴化市 misses 5 targets in 2023, but 儿科医师数, 新生儿死亡率 and 托位数 are on track: 2 at risk, below 3.
    const text = problemsAndNext(md);
    expect(text).not.toMatch(/较多的市（区）[^。]*兴化市/);
  });

  it('10. a value met now but falling toward the line is named as at risk', () => {
    // 海陵区 80.87 → 78.9: −0.657 a year, 77.59 by 2025 < 78. 季市镇 96.77 → 95.58: 94.79 by 2025 < 95.
    const text = problemsAndNext(md);
    expect(text).toContain('目前已达标、但按目前年均变化2025年将不能实现规划目标的指标');
    expect(text).toContain('空气质量优良天数比率：海陵区2020年80.87%，2023年78.90%，按目前年均变化2025年预计为77.59%，规划目标为78%以上');
    expect(text).toContain('适龄儿童免疫规划疫苗接种率：靖江市季市镇2020年96.77%，2023年95.58%，按目前年均变化2025年预计为94.79%，规划目标为95%以上');
    const air = json.warnings.find((w) => w.region.name === '海陵区')!;
    expect(air.progress.projected).toBeCloseTo(77.5867, 3);
  });

  it('10. a value met and moving away from the line is not warned of', () => {
    // 兴化市 托位数 2 → 3.5 is not met; 泰州市 免疫 98.5 → 98.5 is flat: neither is a warning.
    expect(json.warnings.map((w) => w.region.name)).not.toContain('兴化市');
  });
});

describe('a city-only return', () => {
  it('8. says 各市（区）均未报送分地区数据 once, with short lists', () => {
    const { md } = report(CITY_ONLY, 'final', ALL_REGIONS);
    expect(part(md, '## 一、总体情况', '## 二、')).toContain('各市（区）均未报送分地区数据');
    const next = part(md, '## 四、下一步工作建议', '## 附表1');
    const data = next.split('\n').find((l) => l.includes('补齐数据'))!;
    expect(data).toContain('各市（区）均未报送分地区数据，需补报6个市（区）的2025年数据');
    expect(data).not.toMatch(/海陵区新生儿死亡率/);
    expect([...data].length).toBeLessThan(300);
    // Not under every indicator either.
    expect(md).not.toContain('6个市（区）均缺少数据');
    expect(md).not.toMatch(/海陵区、高港区、姜堰区、兴化市、靖江市、泰兴市缺少数据/);
  }, 60_000);
});
