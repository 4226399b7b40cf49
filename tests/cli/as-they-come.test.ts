// Returns as offices send them (issue 22 §1), through the built binary, on the small returns
// of tests/fixtures/cli/as-they-come: each is read right, or refused with a located message
// and exit 2; nothing is guessed in silence.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ROOT, STACK_LINE, fixture, parseEvaluation, plancheck, resultFor, tempDir, type JsonEvaluation } from './helpers.js';

vi.setConfig({ testTimeout: 60_000 });

const HAILING = '321202';
const GAOGANG = '321203';
const CITY = '321200';
const file = (name: string) => fixture(join('as-they-come', name));

function evaluate(args: string[]): { code: number | null; e: JsonEvaluation; stderr: string } {
  const r = plancheck(['evaluate', ...args, '--format', 'json']);
  expect(r.stderr).not.toMatch(STACK_LINE);
  return { code: r.code, e: parseEvaluation(r.stdout), stderr: r.stderr };
}

function check(args: string[]): { code: number | null; stderr: string; stdout: string } {
  const r = plancheck(['check', ...args]);
  expect(r.stderr).not.toMatch(STACK_LINE);
  return r;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('1. the region column under the names people use', () => {
  it('reads 市（区） as the region column: 海陵区 stays 海陵区, no 泰州市 result', () => {
    const { code, e, stderr } = evaluate([file('region-header.csv'), '--year', '2023']);
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/data\/unknown-column|data\/no-region-column/);
    expect(resultFor(e, 'neonatal-mortality', HAILING).value).toBe(1.5);
    expect(resultFor(e, 'neonatal-mortality', GAOGANG).value).toBe(1.2);
    // The city is derived from its districts only with their births; none here, so it has no value of its own.
    expect(e.results.filter((r) => r.id === 'neonatal-mortality' && r.region.code === CITY && r.value === 1.5)).toEqual([]);
  });

  it.each([['县（市、区）'], ['市(区)'], ['区县'], ['区域'], ['行政区'], ['地区名称'], ['district'], ['County']])('reads %s as the region column', (header) => {
    const dir = tempDir();
    dirs.push(dir);
    const path = join(dir, 'r.csv');
    writeFileSync(path, `指标,${header},年份,数值\n新生儿死亡率,海陵区,2023,1.5\n`);
    const { code, e } = evaluate([path]);
    expect(code).toBe(0);
    expect(resultFor(e, 'neonatal-mortality', HAILING).value).toBe(1.5);
  });

  it('refuses an unknown header over region names, naming the column: exit 2, never the city', () => {
    const r = check([file('region-header-unknown.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/region-header-unknown\.csv:1:2: 错误: 第 2 列“所属辖区”不是可识别的列名，但内容是地区名称（海陵区、高港区）.*\[data\/region-column-ignored\]/);
    expect(r.stderr).not.toMatch(/data\/unknown-column/);
    const ev = plancheck(['evaluate', file('region-header-unknown.csv')]);
    expect(ev.code).toBe(2);
    expect(ev.stdout).not.toMatch(/泰州市 2023年/);
  });

  it('refuses a blank header over region names', () => {
    const r = check([file('region-header-blank.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/region-header-blank\.csv:1:2: 错误: 第 2 列没有列名，但内容是地区名称（海陵区）.*\[data\/region-column-unnamed\]/);
  });

  it('says once that a return without a region column is read as the top region', () => {
    const { code, e, stderr } = evaluate([file('no-region.csv')]);
    expect(code).toBe(0);
    expect(stderr.match(/data\/no-region-column/g)).toHaveLength(1);
    expect(stderr).toMatch(/no-region\.csv:1:1: 提示: 报表没有地区列，所有数据按“泰州市”读取/);
    expect(resultFor(e, 'neonatal-mortality', CITY).value).toBe(1.5);
  });

  it('says it in English with --lang en', () => {
    const r = plancheck(['check', file('no-region.csv'), '--lang', 'en']);
    expect(r.stderr).toMatch(/the return has no region column, so every row is read as 泰州市/);
  });
});

describe('2. a unit in the indicator name', () => {
  it('converts 新生儿死亡率（%） 0.15 to 1.5‰ and 0.4 to 4‰ (a miss), as a 单位 column would', () => {
    const { code, e } = evaluate([file('unit-in-name.csv'), '--year', '2023']);
    expect(resultFor(e, 'neonatal-mortality', HAILING).value).toBe(1.5);
    expect(resultFor(e, 'neonatal-mortality', GAOGANG).value).toBe(4);
    expect(resultFor(e, 'neonatal-mortality', GAOGANG).status).toBe('not-met');
    // 婴儿死亡率（‰） is the indicator's own unit: read as written.
    expect(resultFor(e, 'infant-mortality', HAILING).value).toBe(2.5);
    expect(code).toBe(1);
  });

  it('refuses a name unit that contradicts the 单位 column, at the unit cell', () => {
    const r = check([file('unit-in-name-conflict.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unit-in-name-conflict\.csv:2:5: 错误: 指标名“新生儿死亡率（%）”中的单位与单位栏的“‰”不一致.*\[data\/name-unit-conflict\]/);
  });
});

describe('4. units typed in cells', () => {
  const r = () => check([file('units-in-cells.csv')]);
  it('reads a unit that is the indicator\'s own, and says so once per indicator with the count', () => {
    const { stderr } = r();
    expect(stderr).toMatch(/units-in-cells\.csv:2:4: 提示: “每千名14岁以下儿童儿科医师数”的数值带有单位“人”（共 2 处），与指标单位相同，已按数字读取/);
    expect(stderr.match(/儿科医师数”的数值带有单位/g)).toHaveLength(1);
    expect(stderr).toMatch(/units-in-cells\.csv:4:4: 提示: .*托位数”的数值带有单位“个”（共 1 处）/);
    expect(stderr).toMatch(/units-in-cells\.csv:5:4: 提示: “儿童伤害死亡率”的数值带有单位“\/10万”/);
    const { e } = evaluate([file('units-in-cells.csv'), '--indicator', 'paediatricians-per-1000-children']);
    expect(resultFor(e, 'paediatricians-per-1000-children', HAILING).value).toBe(0.86);
  });

  it('refuses another unit at every cell, telling to remove or convert it, never “没有数据请留空”', () => {
    const { code, stderr } = r();
    expect(code).toBe(2);
    expect(stderr).toMatch(/units-in-cells\.csv:6:4: 错误: 数值“70分钟”带有单位“分钟”，而“学生每天校内体育活动时间”的单位是“小时”；请删去单位，填写以“小时”计的数字/);
    expect(stderr).toMatch(/units-in-cells\.csv:7:4: 错误: 数值“80分钟”/);
    expect(stderr).not.toMatch(/没有数据请留空/);
  });
});

describe('5. indicators the plan does not have', () => {
  it('lists 孕产妇死亡率 and 出生人口性别比 once, and goes on', () => {
    const { code, e, stderr } = evaluate([file('extra-indicators.csv')]);
    expect(code).toBe(0);
    expect(stderr.match(/indicators-not-in-plan/g)).toHaveLength(1);
    expect(stderr).toMatch(/extra-indicators\.csv:2:1: 警告: 报表中有 2 项规划没有的指标（孕产妇死亡率、出生人口性别比），共 3 行，未读取/);
    // Their cells are not read: 12.5/10万 is not reported as a bad number.
    expect(stderr).not.toMatch(/12\.5/);
    expect(resultFor(e, 'neonatal-mortality', HAILING).value).toBe(1.5);
  });

  it('keeps a likely typo an error with did-you-mean', () => {
    const r = check([file('indicator-typo.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/indicator-typo\.csv:2:1: 错误: 规划中没有指标“新生儿死忙率”；是不是“新生儿死亡率”？/);
    expect(r.stderr).toMatch(/规划没有的指标（孕产妇死亡率）/);
  });

  it('reads the national names as aliases: 学前三年毛入园率, 九年义务教育巩固率', () => {
    const dir = tempDir();
    dirs.push(dir);
    const path = join(dir, 'national.csv');
    writeFileSync(path, '指标,地区,年份,数值\n学前三年毛入园率,海陵区,2023,99.1\n九年义务教育巩固率,海陵区,2023,100\n');
    const { e, stderr } = evaluate([path]);
    expect(stderr).not.toMatch(/indicators-not-in-plan/);
    expect(resultFor(e, 'preschool-gross-enrolment', HAILING).value).toBe(99.1);
    expect(resultFor(e, 'compulsory-retention', HAILING).value).toBe(100);
  });
});

describe('7. a header under a title row, the year only in the title', () => {
  it('takes the year from the title of a CSV, and says so', () => {
    const { code, e, stderr } = evaluate([file('title-year.csv'), '--year', '2023', '--layout', 'regions']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/title-year\.csv:1:1: 提示: 报表没有年份列，年份 2023 取自标题“泰州市2023年儿童发展监测表”/);
    expect(resultFor(e, 'neonatal-mortality', HAILING).value).toBe(1.5);
    expect(resultFor(e, 'neonatal-mortality', CITY).value).toBe(1.4);
  });

  it('takes the year from --year when the title has none, and says so', () => {
    const { e, stderr } = evaluate([file('title-no-year.csv'), '--year', '2023']);
    expect(stderr).toMatch(/title-no-year\.csv:2:1: 提示: 报表没有年份列，年份 2023 取自 --year/);
    expect(resultFor(e, 'neonatal-mortality', GAOGANG).value).toBe(1.2);
  });

  it('still asks for the year when neither gives it', () => {
    const r = check([file('title-no-year.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/title-no-year\.csv:2:1: 错误: 缺少“年份”列/);
  });

  it('reads a workbook whose merged title names the year, header on line 2', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('监测表');
    ws.addRow(['泰州市2023年儿童发展监测表']);
    ws.mergeCells('A1:D1');
    ws.addRow(['指标', '海陵区', '高港区', '全市']);
    ws.addRow(['新生儿死亡率', 1.5, 1.2, 1.4]);
    const path = join(dir, 'title.xlsx');
    await wb.xlsx.writeFile(path);
    const { code, e, stderr } = evaluate([path, '--year', '2023', '--layout', 'regions']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/title\.xlsx:监测表!A1: 提示: 报表没有年份列，年份 2023 取自标题/);
    expect(resultFor(e, 'neonatal-mortality', GAOGANG).value).toBe(1.2);
  });
});

describe('8. a conditional target without its condition', () => {
  // 30万人口以上的市（区）至少建有一所特殊教育学校: 海陵区 gives 1 school and no 人口;
  // 高港区 gives 0 schools and 350,000 people (a miss).
  const { e } = evaluate([file('condition-missing.csv'), '--year', '2023', '--region', '泰州市', '--region', '海陵区', '--region', '高港区']);
  it('shows 海陵区\'s value and names the missing 人口 as the reason', () => {
    const r = resultFor(e, 'special-schools', HAILING);
    expect(r.value).toBe(1);
    expect(r.status).toBe('no-data');
    expect(r.detail).toBe('缺“人口”数据，无法判断海陵区是否适用此目标；请补报人口');
    expect(r.detail).not.toMatch(/缺数据：/);
  });

  it('judges the unit whose condition is given, and says which unit lacks it at the city', () => {
    expect(resultFor(e, 'special-schools', GAOGANG).status).toBe('not-met');
    const city = resultFor(e, 'special-schools', CITY);
    expect(city.status).toBe('not-met');
    expect(city.detail).toMatch(/缺“人口”数据，无法判断海陵区是否适用此目标/);
    // The units without a figure of either kind lack data, as before.
    expect(city.detail).toMatch(/缺数据：姜堰区、兴化市、靖江市、泰兴市/);
    expect(city.detail).not.toMatch(/缺数据：[^；]*海陵区/);
  });
});

describe('3. a value implausible for its unit', () => {
  it('refuses fractions typed for a percent, each with its reading, when every value is ≤ 1 and the line is ≥ 50', () => {
    const r = check([file('fractions.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/fractions\.csv:2:4: 错误: 海陵区 2023年：“0-6岁儿童眼保健和视力检查年覆盖率”的数值 0\.985 是小数比例：.*规划的标准是 98%，应为 98\.5%.*\[quality\/fraction-for-percent\]/);
    // 1 is at most 1 (the bound): 100 %.
    expect(r.stderr).toMatch(/fractions\.csv:3:4: 错误: 高港区 2023年：.*的数值 1 是小数比例.*应为 100%/);
    // 0 is not a fraction of anything, and 贫血率 (≤5 %) is small by nature.
    expect(r.stderr).not.toMatch(/fractions\.csv:4:4/);
    expect(r.stderr).not.toMatch(/贫血率”的数值 0\.5 是小数比例/);
  });

  it('says nothing of a fraction when another value is above 1 (1.01), as the line alone proves nothing', () => {
    const r = check([file('fractions-mixed.csv')]);
    expect(r.stderr).not.toMatch(/fraction-for-percent/);
  });

  it.each([[50, true], [49.9, false]])('a plan line of %s flags the fraction: %s', (line, flagged) => {
    const dir = tempDir();
    dirs.push(dir);
    cpSync(join(ROOT, 'plan'), join(dir, 'plan'), { recursive: true });
    const health = join(dir, 'plan', 'health.yaml');
    writeFileSync(health, readFileSync(health, 'utf8').replace('target: { kind: at-least, value: 98 }', `target: { kind: at-least, value: ${line} }`));
    const r = check([file('fractions-mixed.csv').replace('-mixed', ''), '--plan', join(dir, 'plan')]);
    expect(/0-6岁儿童眼保健和视力检查年覆盖率”的数值 0\.985 是小数比例/.test(r.stderr)).toBe(flagged);
  });

  it('warns of a count with decimals, at the cell', () => {
    const r = check([file('fractions.csv')]);
    expect(r.stderr).toMatch(/fractions\.csv:7:4: 警告: 海陵区 2023年：“特殊教育学校数”是计数（所），数值 1\.5 所 却带小数/);
    expect(r.stderr).toMatch(/fractions\.csv:8:4: 警告: 海陵区 2023年：“人口”是计数（人），数值 35\.2 人 却带小数.*换算/);
    expect(r.stderr).not.toMatch(/fractions\.csv:9:4/);
  });

  it('refuses a ‰ mortality above 1,000 (plan/checks.yaml permille-range)', () => {
    const r = check([file('permille-over.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/permille-over\.csv:2:4: 错误: .*permille-range/);
  });
});
