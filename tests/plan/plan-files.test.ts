// The shipped plan (plan/*.yaml) checked against its schemas and against the plan it encodes:
// 泰州市“十四五”儿童发展规划 (the seed text). Every number a target ships must be readable in
// that indicator's own `text` or `source`, and every `text`, `source` and baseline sentence
// must occur in the seed (ignoring whitespace and line breaks).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/engine/load-plan.js';
import type { Indicator, Target } from '../../src/plan/model.js';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const PLAN_DIR = join(ROOT, 'plan');
const SCHEMA_DIR = join(ROOT, 'src', 'schema');

/** The seed: ../shared/seeds/… beside the repository (CONTRACT: "Source of truth for the plan"). */
const SEED_CANDIDATES = [join(ROOT, '..', 'shared', 'seeds', '000_d315aadd341ebba4.txt'), '/work/shared/seeds/000_d315aadd341ebba4.txt'];
const SEED_PATH = SEED_CANDIDATES.find((p) => existsSync(p));

const planFiles = readdirSync(PLAN_DIR).filter((n) => n.endsWith('.yaml')).sort();
const texts = new Map(planFiles.map((n) => [n, readFileSync(join(PLAN_DIR, n), 'utf8')]));
const json = (name: string) => JSON.parse(readFileSync(join(SCHEMA_DIR, name), 'utf8')) as Record<string, unknown>;

const loaded = loadPlan(PLAN_DIR, planFiles.map((n) => ({ file: join('plan', n), text: texts.get(n)! })));

function plan() {
  if (!loaded.plan) throw new Error(`the plan does not load:\n${JSON.stringify(loaded.diagnostics, null, 2)}`);
  return loaded.plan;
}

/** Whitespace and line breaks do not count: the seed's table cells are split by tabs and newlines. */
const squash = (s: string) => s.replace(/\s+/g, '');

/**
 * The numbers a sentence states, with the readings the plan's wording allows:
 * full-width digits (１ → 1), 全覆盖 → 100 (%) or ≥ 1 (unit), 一所/一个/一处 → 1, 30万 → 300000.
 */
function numbersIn(sentence: string): number[] {
  const t = sentence.normalize('NFKC');
  const out = [...t.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
  for (const m of t.matchAll(/(\d+(?:\.\d+)?)万/g)) out.push(Number(m[1]) * 10_000);
  if (t.includes('全覆盖')) out.push(100, 1);
  if (/一[所个处]/.test(t)) out.push(1);
  return out;
}

/** Every number in a target, as the plan would write it (−0.2 → 20 %, perYear −1 → 1 个百分点). */
function targetNumbers(t: Target): Array<{ where: string; n: number }> {
  switch (t.kind) {
    case 'at-most':
    case 'at-least':
    case 'reach':
    case 'about':
      return [{ where: `${t.kind}.value`, n: t.value }];
    case 'split':
      return t.parts.flatMap((p) => targetNumbers(p.target).map((x) => ({ ...x, where: `parts.${p.part}.${x.where}` })));
    case 'every-unit':
      return targetNumbers(t.target).map((x) => ({ ...x, where: `every-unit.${x.where}` }));
    case 'conditional':
      return [
        ...(t.when.atLeast !== undefined ? [{ where: 'when.atLeast', n: t.when.atLeast }] : []),
        ...(t.when.atMost !== undefined ? [{ where: 'when.atMost', n: t.when.atMost }] : []),
        ...targetNumbers(t.target).map((x) => ({ ...x, where: `conditional.${x.where}` })),
      ];
    case 'change':
      return [{ where: 'relative ×100', n: Math.abs(t.relative * 100) }];
    case 'yearly-change':
      return [{ where: 'perYear', n: Math.abs(t.perYear) }];
    case 'trend':
    case 'yes-no':
      return [];
  }
}

const stated = (n: number, sentence: string) => numbersIn(sentence).some((m) => Math.abs(m - n) < 1e-9);

describe('plan files against their JSON Schemas (ajv, draft 2020-12)', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  ajv.addSchema(json('target.schema.json'));
  const validatePlan = ajv.compile(json('plan.schema.json'));
  const validateArea = ajv.compile(json('area.schema.json'));
  const validateChecks = existsSync(join(SCHEMA_DIR, 'checks.schema.json')) ? ajv.compile(json('checks.schema.json')) : undefined;
  /** plan.yaml → plan.schema.json; checks.yaml (consistency rules) → checks.schema.json; the rest are area files. */
  const validatorFor = (name: string) => (name === 'plan.yaml' ? validatePlan : name === 'checks.yaml' ? validateChecks : validateArea);

  it('ships plan.yaml and at least one area file', () => {
    expect(planFiles).toContain('plan.yaml');
    expect(planFiles.length).toBeGreaterThan(1);
  });

  it('every schema has a $id and the draft 2020-12 $schema', () => {
    for (const name of readdirSync(SCHEMA_DIR).filter((n) => n.endsWith('.schema.json'))) {
      const s = json(name);
      expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(s.$id).toMatch(new RegExp(`/${name.replace('.', '\\.')}$`));
    }
  });

  it.each(planFiles)('%s is well-formed YAML and valid against its schema', (name) => {
    const doc = parseDocument(texts.get(name)!, { uniqueKeys: true });
    expect(doc.errors.map((e) => e.message)).toEqual([]);
    expect(doc.warnings.map((e) => e.message)).toEqual([]);
    const validate = validatorFor(name);
    if (!validate) throw new Error(`no schema for ${name}`);
    const ok = validate(doc.toJS());
    expect(validate.errors ?? [], name).toEqual([]);
    expect(ok).toBe(true);
  });
});

describe('the whole plan through loadPlan (src/plan/load.ts)', () => {
  it('loads, with no diagnostic of severity error', () => {
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(loaded.plan).toBeDefined();
  });

  it('has the plan’s id, period and years', () => {
    const p = plan();
    expect(p.title).toBe('泰州市“十四五”儿童发展规划');
    expect(p.period).toEqual({ start: 2021, end: 2025 });
    expect([p.baselineYear, p.midtermYear, p.finalYear]).toEqual([2020, 2023, 2025]);
  });

  it('has 泰州市 and its six 市(区) with their 行政区划代码 and short names', () => {
    const byCode = new Map(plan().regions.map((r) => [r.code, r]));
    const expected: Array<[string, string, string]> = [
      ['321200', '泰州市', '全市'],
      ['321202', '海陵区', '海陵'],
      ['321203', '高港区', '高港'],
      ['321204', '姜堰区', '姜堰'],
      ['321281', '兴化市', '兴化'],
      ['321282', '靖江市', '靖江'],
      ['321283', '泰兴市', '泰兴'],
    ];
    expect([...byCode.keys()].sort()).toEqual(expected.map((e) => e[0]));
    for (const [code, name, short] of expected) {
      expect(byCode.get(code)?.name).toBe(name);
      expect(byCode.get(code)?.aliases).toContain(short);
      if (code !== '321200') expect(byCode.get(code)?.parent).toBe('321200');
    }
    expect(byCode.get('321200')?.aliases).toContain('泰州');
  });

  it('has exactly 14 main indicators, numbered 1–14', () => {
    const mains = plan().indicators.filter((i) => i.main !== undefined).map((i) => i.main);
    expect(mains).toHaveLength(14);
    expect([...mains].sort((a, b) => a! - b!)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
  });

  it('has unique indicator ids', () => {
    const ids = plan().indicators.map((i) => i.id);
    expect(ids.filter((id, n) => ids.indexOf(id) !== n)).toEqual([]);
  });

  it('gives each of the seven areas and the 重点项目 a file of its own', () => {
    const p = plan();
    const areaIds = p.areas.map((a) => a.id);
    expect(areaIds).toEqual(['health', 'safety', 'education', 'welfare', 'family', 'environment', 'law', 'projects']);
    expect(p.areas.map((a) => a.name)).toEqual(['儿童与健康', '儿童与安全', '儿童与教育', '儿童与福利', '儿童与家庭', '儿童与环境', '儿童与法律', '重点项目']);
    const fileOfArea = new Map<string, string[]>();
    for (const name of planFiles.filter((n) => n !== 'plan.yaml' && n !== 'checks.yaml')) {
      const area = (parseDocument(texts.get(name)!).toJS() as { area: string }).area;
      fileOfArea.set(area, [...(fileOfArea.get(area) ?? []), name]);
    }
    for (const id of areaIds) expect(fileOfArea.get(id), `a file for area ${id}`).toHaveLength(1);
    expect([...fileOfArea.keys()].sort()).toEqual([...areaIds].sort());
    for (const id of areaIds) expect(plan().indicators.some((i) => i.area === id), `indicators in ${id}`).toBe(true);
  });

  it('every indicator declares its statistical nature and the decimals it is published with', () => {
    for (const i of plan().indicators) {
      expect(['events', 'survey', 'census'], i.id).toContain(i.nature);
      expect(Number.isInteger(i.decimals), i.id).toBe(true);
    }
  });

  // Issue 20 §3: an interval belongs only to a figure that estimates an underlying rate.
  it('complete counts are census (no interval): institutions, schools, rides, days, every pupil', () => {
    const natureOf = (id: string) => plan().indicators.find((i) => i.id === id)?.nature;
    for (const id of ['minor-protection-institution-rate', 'compulsory-retention', 'amusement-ride-inspection-pass-rate', 'school-psych-teacher-rate', 'good-air-days', 'special-schools', 'paediatricians-per-1000-children']) {
      expect(natureOf(id), id).toBe('census');
    }
    for (const id of ['neonatal-mortality', 'infant-mortality', 'under5-mortality', 'injury-mortality', 'under5-anaemia', 'juvenile-offending-share']) expect(natureOf(id), id).toBe('events');
    for (const id of ['mental-health-literacy', 'waste-sorting-awareness', 'sexual-health-knowledge', 'child-products-pass-rate']) expect(natureOf(id), id).toBe('survey');
  });

  it('the plan publishes its rates with two decimals (1.94‰, 90.19%, 78.75%); 犯罪比重 needs four (0.0472%), counts none', () => {
    const decimalsOf = (id: string) => plan().indicators.find((i) => i.id === id)?.decimals;
    expect(decimalsOf('infant-mortality')).toBe(2);
    expect(decimalsOf('inclusive-kindergarten-coverage')).toBe(2);
    expect(decimalsOf('paediatricians-per-1000-children')).toBe(2);
    expect(decimalsOf('injury-mortality')).toBe(2);
    expect(decimalsOf('juvenile-offending-share')).toBe(4);
    expect(decimalsOf('special-schools')).toBe(0);
  });
});

describe('the plan files against the plan’s own words (the seed text)', () => {
  const seed = SEED_PATH ? squash(readFileSync(SEED_PATH, 'utf8')) : '';
  const indicators = () => plan().indicators;
  const each = (f: (i: Indicator) => string[]) => indicators().flatMap(f);

  it('finds the seed text', () => {
    expect(SEED_PATH, `one of ${SEED_CANDIDATES.join(', ')}`).toBeDefined();
    expect(seed).toContain('泰州市“十四五”儿童发展规划');
  });

  it('every indicator’s `text` occurs verbatim in the plan', () => {
    expect(each((i) => (seed.includes(squash(i.text)) ? [] : [`${i.id}: text “${i.text}”`]))).toEqual([]);
  });

  it('every “ / ”-separated part of every `source` occurs verbatim in the plan', () => {
    expect(each((i) => i.source.split(' / ').flatMap((part) => (seed.includes(squash(part)) ? [] : [`${i.id}: “${part}”`])))).toEqual([]);
  });

  it('every baseline’s sentence occurs in the plan and states the baseline’s value', () => {
    const withBaseline = indicators().filter((i) => i.baseline);
    expect(withBaseline.length).toBeGreaterThan(0);
    expect(
      withBaseline.flatMap((i) => {
        const b = i.baseline!;
        const problems: string[] = [];
        if (!seed.includes(squash(b.source))) problems.push(`${i.id}: baseline source “${b.source}” is not in the plan`);
        if (!stated(b.value, b.source)) problems.push(`${i.id}: baseline ${b.value} is not in “${b.source}”`);
        if (b.year !== 2020) problems.push(`${i.id}: baseline year ${b.year}`);
        return problems;
      }),
    ).toEqual([]);
  });

  it('every consistency rule (checks.yaml) that quotes the plan quotes it verbatim, and names known indicators', () => {
    if (!texts.has('checks.yaml')) return;
    const rules = (parseDocument(texts.get('checks.yaml')!).toJS() as { checks: Array<{ id: string; source?: string; indicators?: string[] }> }).checks;
    const ids = new Set(indicators().map((i) => i.id));
    expect(
      rules.flatMap((r) => [
        ...(r.source !== undefined && !seed.includes(squash(r.source)) ? [`${r.id}: source “${r.source}” is not in the plan`] : []),
        ...(r.indicators ?? []).filter((id) => !ids.has(id)).map((id) => `${r.id}: unknown indicator ${id}`),
      ]),
    ).toEqual([]);
  });

  it('the plan’s stated baselines: 婴儿死亡率 1.94‰, 5岁以下儿童死亡率 3.36‰, 普惠性幼儿园覆盖率 90.19%', () => {
    const base = (id: string) => indicators().find((i) => i.id === id)?.baseline?.value;
    expect(base('infant-mortality')).toBe(1.94);
    expect(base('under5-mortality')).toBe(3.36);
    expect(base('inclusive-kindergarten-coverage')).toBe(90.19);
  });

  it('every number in a target appears in that indicator’s `text` or `source`', () => {
    const problems = each((i) =>
      i.target
        ? targetNumbers(i.target)
            .filter(({ n }) => !stated(n, `${i.text} ${i.source}`))
            .map(({ where, n }) => `${i.id}: ${where} = ${n} is not in “${i.text}” / “${i.source}”`)
        : [],
    );
    expect(problems).toEqual([]);
  });

  it('the number check itself rejects a number the plan does not state', () => {
    expect(stated(3, '新生儿死亡率（‰） ≤3')).toBe(true);
    expect(stated(4, '新生儿死亡率（‰） ≤3')).toBe(false);
    expect(stated(300000, '30万人口以上的市（区）至少建有一所特殊教育学校')).toBe(true);
    expect(stated(1, '至少建有一所')).toBe(true);
    expect(stated(1, '市（区）至少建立１处')).toBe(true);
    expect(stated(20, '儿童伤害死亡率下降20％')).toBe(true);
    expect(stated(95, '儿童伤害死亡率下降20％')).toBe(false);
  });

  it('every indicator with a target says which kind, and target-less indicators are context only', () => {
    const p = plan();
    const withoutTarget = p.indicators.filter((i) => !i.target).map((i) => i.id);
    expect(withoutTarget).toEqual(p.populationIndicator ? [p.populationIndicator] : []);
    expect(p.indicators.filter((i) => i.target)).toHaveLength(57);
  });
});
