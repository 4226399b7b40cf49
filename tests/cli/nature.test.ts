// Each indicator's statistical nature (issue 20 §3), through the built binary: a complete count
// (救助保护机构 6/6, 693 of 694 schools' 心理教师, 283 of 365 air-quality days) carries no
// interval and no chance note in any output; rare events (婴儿死亡率) and surveys (知晓率) do;
// a ‰ interval never leaves 0–1000‰; a final verdict states its miss in events, never chance.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, fixture, parseEvaluation, plancheck, resultFor, tempDir } from './helpers.js';

const FILE = fixture('nature.csv');
const CENSUS = ['minor-protection-institution-rate', 'school-psych-teacher-rate', 'good-air-days'];

describe('a complete count carries no interval; events and surveys do', () => {
  it('JSON: census rows have null interval fields and no chance; events and survey rows keep theirs', () => {
    const e = parseEvaluation(plancheck(['evaluate', FILE, '--format', 'json']).stdout);
    for (const id of CENSUS) {
      expect(resultFor(e, id, '321200'), id).toMatchObject({ interval_low: null, interval_high: null, interval_method: null, chance: null });
    }
    expect(resultFor(e, 'school-psych-teacher-rate', '321200')).toMatchObject({ status: 'not-met' });
    expect(resultFor(e, 'infant-mortality', '321200')).toMatchObject({ interval_method: 'garwood', chance: 'within-chance' });
    expect(resultFor(e, 'mental-health-literacy', '321200')).toMatchObject({ interval_method: 'wilson', chance: 'within-chance' });
  });

  it('CSV: the interval columns are empty for a census row', () => {
    const lines = plancheck(['evaluate', FILE, '--format', 'csv']).stdout.replace(/^\uFEFF/, '').split('\r\n');
    for (const id of CENSUS) {
      const row = lines.find((l) => l.startsWith(`${id},`) || l.includes(`,${id},`))!;
      expect(row.split(',').slice(-4), id).toEqual(['', '', '', '']);
    }
  });

  it('table: no 置信区间 beside a census figure; the survey’s miss keeps its note', () => {
    const flat = plancheck(['evaluate', FILE, '--region', '泰州市']).stdout.replace(/[│\s]+/g, ' ');
    expect(flat).toMatch(/77\.53% 未达标 距目标还差 0\.47个百分点 (?!差异)/);
    expect(flat).toMatch(/99\.86% 未达标 距目标还差 0\.14个百分点 (?!差异)/);
    // Two: the city's 婴儿死亡率 (events) and 知晓率 (survey).
    expect(flat.match(/置信区间/g)).toHaveLength(2);
    expect(flat).toMatch(/89(\.00)?% 未达标 .*差异无统计学意义（95%置信区间 87\.55%–90\.3/);
  });

  it('mid-term report: 随机波动 only for the events and the survey indicator, never beside 6 of 6 or 283 of 365', () => {
    const dir = tempDir();
    expect(plancheck(['report', join(ROOT, FILE), '--stage', 'midterm', '-o', 'm.md'], { cwd: dir }).code).toBe(0);
    const md = readFileSync(join(dir, 'm.md'), 'utf8');
    const line = (name: string) => md.split('\n').find((l) => l.startsWith('2023年') && l.includes(name))!;
    expect(line('婴儿死亡率')).toMatch(/随机波动/);
    expect(line('知晓率')).toMatch(/随机波动/);
    for (const name of ['救助保护机构建成率', '心理教师配备率', '空气质量优良天数比率']) expect(line(name), name).not.toMatch(/随机波动|置信区间/);
  });
});

describe('the final stage: no chance note softens a verdict; the miss is stated in events', () => {
  const dir = tempDir();
  const run = plancheck(['report', join(ROOT, FILE), '--stage', 'final', '-o', 'f.md', '-o', 'f.html', '-o', 'f.json'], { cwd: dir });
  const md = readFileSync(join(dir, 'f.md'), 'utf8');
  const line = (name: string) => md.split('\n').find((l) => l.startsWith('2025年') && l.includes(name))!;

  it('no 随机波动 / 无统计学意义 anywhere, in Markdown, HTML or JSON', () => {
    expect(run.code).toBe(0);
    for (const f of ['f.md', 'f.html', 'f.json']) expect(readFileSync(join(dir, f), 'utf8'), f).not.toMatch(/随机波动|无统计学意义|within-chance|met-uncertain/);
  });

  it('13 deaths in 3,000 births against ≤4‰ (12 allowed): one death more', () => {
    expect(line('婴儿死亡率')).toMatch(/未实现规划目标（以3000计，相当于比目标多1例）/);
  });

  it('693 of 694 schools against 100%: one short; 283 of 365 days against 78% (284.7 → 285 needed): two short', () => {
    expect(line('心理教师配备率')).toMatch(/未实现规划目标（以694计，距目标尚差1）/);
    expect(line('空气质量优良天数比率')).toMatch(/未实现规划目标（以365计，距目标尚差2）/);
  });

  it('a survey’s miss says nothing of its respondents, and a met count nothing at all', () => {
    expect(line('知晓率')).toMatch(/未实现规划目标；/);
    expect(line('救助保护机构建成率')).not.toMatch(/以\d+计/);
  });

  it('in English', () => {
    const d = tempDir();
    plancheck(['report', join(ROOT, FILE), '--stage', 'final', '--lang', 'en', '-o', 'e.md'], { cwd: d });
    expect(readFileSync(join(d, 'e.md'), 'utf8')).toMatch(/target not achieved \(of 3000, 1 more than the target allows\)/);
  });
});

describe('a ‰ rate of events keeps inside 0–1000‰', () => {
  it('1 infant death in 3 births: 333.33‰, interval 8.4‰–905.7‰ by the exact binomial, not 1,857‰', () => {
    const e = parseEvaluation(plancheck(['evaluate', FILE, '--format', 'json', '--region', '高港区']).stdout);
    const r = resultFor(e, 'infant-mortality', '321203') as unknown as Record<string, number | string>;
    expect(r.interval_method).toBe('clopper-pearson');
    expect(r.interval_low).toBeCloseTo(8.404, 2);
    expect(r.interval_high).toBeCloseTo(905.7, 1);
    expect(r.interval_high).toBeLessThanOrEqual(1000);
  });
});

describe('check: a year-on-year change is tested against chance only for events and surveys', () => {
  it('90% → 80% of 2,000 surveyed is beyond chance; 320 → 250 of 365 days (a complete count) is not tested against chance', () => {
    const r = plancheck(['check', fixture('nature-yoy.csv')]);
    expect(r.stderr).toMatch(/在校学生心理健康核心知识知晓率.*双样本检验.*\[quality\/outlier-rate\]/);
    expect(r.stderr).not.toMatch(/空气质量优良天数比率.*双样本检验/);
  });
});

describe('validate: every indicator declares its nature', () => {
  function planWith(edit: (text: string) => string) {
    const dir = tempDir();
    cpSync(join(ROOT, 'plan'), join(dir, 'plan'), { recursive: true });
    const path = join(dir, 'plan', 'health.yaml');
    writeFileSync(path, edit(readFileSync(path, 'utf8')));
    return { dir, lines: readFileSync(path, 'utf8').split('\n') };
  }

  it('an indicator without `nature` is a located error, exit 2', () => {
    const { dir, lines } = planWith((t) => t.replace(/(  - id: infant-mortality\n[\s\S]*?)    nature: events\n/, '$1'));
    const at = lines.findIndex((l) => l === '  - id: infant-mortality') + 1;
    const r = plancheck(['validate', '--plan', join(dir, 'plan')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`health\\.yaml:${at}:5: 错误: 婴儿死亡率 缺少必填项“nature”`));
  });

  it('a nature outside events / survey / census is refused with the choices', () => {
    const { dir } = planWith((t) => t.replace('    nature: census\n', '    nature: complete\n'));
    const r = plancheck(['validate', '--plan', join(dir, 'plan'), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/health\.yaml:\d+:13: error: "nature" is "complete", which is not allowed; use one of: events, survey, census/);
  });
});
