// Report 二 as people write it (issue 21 §1), through the BUILT binary on small returns: an
// area opens with a sentence from its figures; consecutive indicators sharing unit, change,
// target kind, side and verdict are one sentence with 分别/均, split where one differs; and a
// value or gap that would round onto the line reads with the decimals that show the difference.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, plancheck, tempDir } from '../cli/helpers.js';

const MORTALITY = fixture('grouped-mortality.csv');
const EXERCISE = fixture('exercise-rounding.csv');

/** The report's Markdown (and HTML and Word where asked) for a return, as written to files. */
function report(file: string, args: string[] = [], outs: string[] = ['md']): Record<string, string> {
  const dir = tempDir('plancheck-grouped-');
  const paths = Object.fromEntries(outs.map((ext) => [ext, join(dir, `r.${ext}`)]));
  const r = plancheck(['report', file, '--stage', 'midterm', ...args, ...outs.flatMap((ext) => ['-o', paths[ext]!])], { env: { PLANCHECK_FONT: 'none' } });
  if (r.code !== 0) throw new Error(`plancheck report exited ${r.code}: ${r.stderr}`);
  return Object.fromEntries(outs.map((ext) => [ext, ext === 'docx' ? readFileSync(paths[ext]!).toString('latin1') : readFileSync(paths[ext]!, 'utf8')]));
}

/** 二、各领域目标实现情况 of a Markdown report, up to 三. */
const areas = (md: string) => md.slice(md.indexOf('## 二、'), md.indexOf('## 三、'));

/** The mortality return with the city's 2023 values replaced (新生儿, 婴儿, 5岁以下). */
function mortality(values: [number, number, number]): string {
  const names = ['新生儿死亡率', '婴儿死亡率', '5岁以下儿童死亡率'];
  const text = readFileSync(MORTALITY, 'utf8').split('\n').map((line) => {
    const [name, region, year] = line.split(',');
    const i = names.indexOf(name!);
    return i >= 0 && region === '泰州市' && year === '2023' ? `${name},${region},${year},${values[i]}` : line;
  }).join('\n');
  const file = join(tempDir('plancheck-grouped-'), 'mortality.csv');
  writeFileSync(file, text);
  return file;
}

describe('indicators said together', () => {
  it('three mortality rates are one sentence with 分别, each figure as it was alone, in Markdown, HTML and Word', () => {
    const out = report(MORTALITY, [], ['md', 'html', 'docx']);
    const sentence = '2023年，泰州市新生儿、婴儿和5岁以下儿童死亡率分别为1.35‰、1.82‰和3.32‰，比2020年分别下降0.19、0.12和0.04个千分点（婴儿和5岁以下儿童死亡率的基线为规划所述2020年数），均低于规划目标（分别为3‰以下、4‰以下和5‰以下），均已提前实现规划目标；2个市（区）均已达标。';
    expect(areas(out.md!)).toContain(sentence);
    expect(areas(out.md!)).not.toContain('泰州市婴儿死亡率为');
    expect(out.html).toContain(sentence);
    expect(out.docx!.slice(0, 2)).toBe('PK');
  });

  it('in English: the same figures, respectively', () => {
    const { md } = report(MORTALITY, ['--lang', 'en']);
    expect(md).toContain('Neonatal mortality rate, infant mortality rate and under-5 mortality rate, 泰州市, 2023: 1.35‰, 1.82‰ and 3.32‰ respectively, down 0.19, 0.12 and 0.04 ‰ points from 2020 (baseline of infant mortality rate and under-5 mortality rate as stated in the plan), all below the target (at most 3‰, at most 4‰ and at most 5‰ respectively): all reached ahead of time; all 2 county-level units have met it.');
  });

  // 婴儿死亡率 against 4‰以下 (rising from the plan's 1.94 with the others): one step inside the
  // line the three share a sentence; on the line it is 达到 (not 低于), beyond it 未达标 — alone.
  it('status boundary: 3.99 grouped; 4.00 (on the line) and 4.01 (missed) said alone', () => {
    const inside = areas(report(mortality([1.6, 3.99, 3.4])).md!);
    expect(inside).toContain('2023年，泰州市新生儿、婴儿和5岁以下儿童死亡率分别为1.60‰、3.99‰和3.40‰，比2020年分别上升0.06、2.05和0.04个千分点');
    const on = areas(report(mortality([1.6, 4, 3.4])).md!);
    expect(on).toContain('2023年，泰州市婴儿死亡率为4.00‰，比2020年上升2.06个千分点（基线为规划所述2020年数），达到规划目标（4‰以下），已提前实现规划目标；2个市（区）均已达标。');
    expect(on).toContain('2023年，泰州市新生儿死亡率为1.60‰');
    expect(on).not.toContain('分别');
    const beyond = areas(report(mortality([1.6, 4.01, 3.4])).md!);
    expect(beyond).toContain('2023年，泰州市婴儿死亡率为4.01‰，比2020年上升2.07个千分点（基线为规划所述2020年数），距规划目标（4‰以下）尚差0.01个千分点');
    expect(beyond).not.toContain('分别');
  });

  // 婴儿死亡率 level with the plan's 1.94 (与2020年持平) while the others fall: a different change, said alone.
  it('direction boundary: 1.94 (level) said alone; 1.93 (down) grouped', () => {
    const level = areas(report(mortality([1.35, 1.94, 3.32])).md!);
    expect(level).toContain('2023年，泰州市婴儿死亡率为1.94‰，与2020年持平（基线为规划所述2020年数）');
    expect(level).not.toContain('分别');
    const down = areas(report(mortality([1.35, 1.93, 3.32])).md!);
    expect(down).toContain('新生儿、婴儿和5岁以下儿童死亡率分别为1.35‰、1.93‰和3.32‰，比2020年分别下降0.19、0.01和0.04个千分点');
  });
});

describe('the final report', () => {
  it('groups with the final words: 均实现规划目标, no 预计 nor 已提前', () => {
    const file = join(tempDir('plancheck-grouped-'), 'final.csv');
    writeFileSync(file, readFileSync(MORTALITY, 'utf8').replace(/,2023,/g, ',2025,'));
    const dir = tempDir('plancheck-grouped-');
    const r = plancheck(['report', file, '--stage', 'final', '-o', join(dir, 'r.md')]);
    expect(r.code).toBe(0);
    const text = areas(readFileSync(join(dir, 'r.md'), 'utf8'));
    expect(text).toContain('2025年，泰州市新生儿、婴儿和5岁以下儿童死亡率分别为1.35‰、1.82‰和3.32‰，比2020年分别下降0.19、0.12和0.04个千分点（婴儿和5岁以下儿童死亡率的基线为规划所述2020年数），均低于规划目标（分别为3‰以下、4‰以下和5‰以下），均实现规划目标；2个市（区）均实现规划目标。');
    expect(text).toContain('儿童健康水平持续提高，泰州市本领域各项指标均实现规划目标。');
    expect(text).not.toMatch(/预计|已提前|需加快进度/);
  });
});

describe("an area's opening sentence", () => {
  it('all improved and met: 儿童健康水平持续提高 and says every indicator of 泰州市 meets its target', () => {
    expect(areas(report(MORTALITY).md!)).toContain('### （一）儿童与健康\n\n儿童健康水平持续提高，泰州市本领域各项指标均已达到规划目标。本领域评估24项指标。');
  });

  it('one worse: the counts as they are, no praise', () => {
    const text = areas(report(mortality([1.6, 1.82, 3.32])).md!);
    expect(text).toContain('与2020年相比，泰州市本领域3项指标中，2项有所改善，1项有所退步。本领域评估24项指标。');
    expect(text).not.toContain('持续提高');
  });

  // More than half improved, none worse: 2 of 3 (one level) is praise; 1 of 3 (two level) is not.
  it('praise boundary: 2 improved and 1 level of 3 is 持续提高; 1 improved and 2 level is not', () => {
    expect(areas(report(mortality([1.54, 1.82, 3.32])).md!)).toContain('儿童健康水平持续提高，');
    const one = areas(report(mortality([1.54, 1.94, 3.32])).md!);
    expect(one).toContain('与2020年相比，泰州市本领域3项指标中，1项有所改善，2项持平。');
    expect(one).not.toContain('持续提高');
  });

  it('in English', () => {
    expect(report(MORTALITY, ['--lang', 'en']).md).toContain('Children’s health kept improving, and every indicator of 泰州市 in this area meets its target.');
  });
});

describe('a value that would round onto its line (decimals 1, 1小时以上)', () => {
  it('the report writes 0.98小时 and 尚差0.02小时, never 1.0小时 or 尚差0.0小时 beside 未达标', () => {
    const out = report(EXERCISE, [], ['md', 'html']);
    const text = areas(out.md!);
    expect(text).toContain('2023年，泰州市儿童每天中等以上强度运动时间为0.98小时，比2020年增加0.2小时，距规划目标（1小时以上）尚差0.02小时，进度符合预期；2个市（区）中海陵区（0.96小时）尚未达标。');
    expect(out.md).not.toMatch(/尚差0\.0小时|（1\.0小时）/);
    // The annex's year judged too; a met 1.04 still reads 1.0小时 at the declared decimals.
    expect(out.md).toContain('| 泰州市 | 0.8小时 | — | — | 0.98小时 | 未达标 |');
    expect(out.md).toContain('| 高港区 | 0.8小时 | — | — | 1.0小时 | 达标 |');
    expect(out.html).toContain('0.98小时');
    expect(out.html).not.toContain('尚差0.0小时');
  });

  it('the terminal table: 0.98小时 未达标, 距目标还差 0.02小时; a met 1.04 is 1.0小时 but 超过目标 0.04小时', () => {
    const r = plancheck(['evaluate', EXERCISE, '--year', '2023']);
    expect(r.stdout).toMatch(/0\.98小时 │ 未达标 │ 距目标还差 0\.02小时/);
    expect(r.stdout).toMatch(/0\.96小时 │ 未达标 │ 距目标还差 0\.04小时/);
    expect(r.stdout).toMatch(/1\.0小时 │ 达标 │ 超过目标 0\.04小时/);
    expect(r.stdout).not.toMatch(/0\.0小时/);
  });
});

describe('one 市（区） beside the city', () => {
  /** A return of the city and 海陵区 alone, 新生儿死亡率 2020 and 2023. */
  function oneSub(haiLing2023: number): string {
    const file = join(tempDir('plancheck-grouped-'), 'one.csv');
    writeFileSync(file, `指标,地区,年份,数值\n新生儿死亡率,泰州市,2020,1.54\n新生儿死亡率,泰州市,2023,1.35\n新生儿死亡率,海陵区,2020,1.6\n新生儿死亡率,海陵区,2023,${haiLing2023}\n`);
    return file;
  }

  it('is named, not counted, when it has met the target (not “1个市（区）均已达标”)', () => {
    const md = areas(report(oneSub(1.4)).md!);
    expect(md).toContain('已提前实现规划目标；海陵区已达标。');
    expect(md).not.toMatch(/1个市（区）/u);
  });

  it('is named with its value when it misses, one step over the line and not on it', () => {
    expect(areas(report(oneSub(3.01)).md!)).toContain('；海陵区（3.01‰）尚未达标。');
    expect(areas(report(oneSub(3)).md!)).toContain('；海陵区已达标。');
  });
});
