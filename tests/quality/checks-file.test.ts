// plan/checks.yaml: loaded as its own kind of file, validated by its schema and
// against the indicators, every rule traceable to the plan's indicators by id.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/engine/load-plan.js';
import type { PlanWithChecks } from '../../src/plan/load.js';
import { planFiles, realPlan, ROOT } from './real-plan.js';

const withChecks = (yaml: string) => loadPlan('plan', [...planFiles().filter((f) => f.file !== 'checks.yaml'), { file: 'checks.yaml', text: yaml }]);
const codes = (yaml: string) => withChecks(yaml).diagnostics.map((d) => [d.code, d.file, d.line]);

describe('plan/checks.yaml', () => {
  it('loads with the plan, each rule with where it is written', () => {
    const checks = (realPlan() as PlanWithChecks).checks!;
    expect(checks.map((c) => [c.id, c.kind, c.severity])).toEqual([
      ['mortality-order', 'order', 'error'],
      ['mortality-live-births', 'same-denominator', 'warning'],
      ['city-from-districts', 'sum-of-sub-regions', 'warning'],
      ['share-numerator-within-denominator', 'numerator-within-denominator', 'error'],
      ['coverage-numerator-within-denominator', 'numerator-within-denominator', 'warning'],
      ['percent-range', 'range', 'error'],
      ['permille-range', 'range', 'error'],
      ['per-100k-range', 'range', 'error'],
    ]);
    expect(checks[0]).toMatchObject({ indicators: ['under5-mortality', 'infant-mortality', 'neonatal-mortality'], origin: { file: 'checks.yaml' } });
    expect(checks.every((c) => c.basis)).toBe(true);
  });

  it('is not read as an area file, and a plan without it loads with no rules', () => {
    const loaded = loadPlan('plan', planFiles().filter((f) => f.file !== 'checks.yaml'));
    expect(loaded.diagnostics).toEqual([]);
    expect((loaded.plan as PlanWithChecks).checks).toBeUndefined();
    expect(loaded.plan!.indicators.map((i) => i.area)).not.toContain(undefined);
  });

  it('cites every % rate either in a numerator rule or as a ratio that may pass 100 %', () => {
    const plan = realPlan() as PlanWithChecks;
    const cited = new Set(plan.checks!.flatMap((c) => (c.kind === 'numerator-within-denominator' ? c.indicators : [])));
    const gross = ['preschool-gross-enrolment', 'high-school-gross-enrolment', 'disabled-compulsory-gross-enrolment'];
    const uncited = plan.indicators.filter((i) => i.unit === '%' && i.measure === 'rate' && !cited.has(i.id)).map((i) => i.id);
    expect(uncited.sort()).toEqual([...gross].sort());
  });

  it('ships a schema with an $id that validates the file', async () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'src', 'schema', 'checks.schema.json'), 'utf8')) as { $id: string };
    expect(schema.$id).toMatch(/checks\.schema\.json$/u);
    const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
    const { parse } = await import('yaml');
    expect(validate(parse(readFileSync(join(ROOT, 'plan', 'checks.yaml'), 'utf8')))).toBe(true);
  });

  it('reports a schema error at its line, in words', () => {
    expect(codes('checks:\n  - id: x\n    kind: order\n    severity: error\n    indicators: [infant-mortality, neonatal-mortality]\n    colour: red\n')).toEqual([['plan/unknown-key', 'checks.yaml', 6]]);
    expect(codes('checks:\n  - id: x\n    kind: ordering\n    severity: error\n')).toEqual([['plan/not-allowed', 'checks.yaml', 3]]);
    expect(codes('checks:\n  - id: x\n    kind: order\n    indicators: [infant-mortality, neonatal-mortality]\n').map((c) => c[0])).toEqual(['plan/missing-key']);
  });

  it('reports a rule citing an indicator that does not exist, or mixing units, or a range without bounds', () => {
    expect(codes('checks:\n  - id: x\n    kind: order\n    severity: error\n    indicators: [infant-mortality, infant-mortaliti]\n')).toEqual([['checks/unknown-indicator', 'checks.yaml', 5]]);
    expect(codes('checks:\n  - id: x\n    kind: order\n    severity: error\n    indicators: [infant-mortality, caries-age-12]\n').map((c) => c[0])).toEqual(['checks/order-units']);
    expect(codes('checks:\n  - id: x\n    kind: range\n    severity: error\n    unit: "%"\n').map((c) => c[0])).toEqual(['checks/range-bounds']);
    expect(codes('checks:\n  - id: x\n    kind: range\n    severity: error\n    min: 0\n').map((c) => c[0])).toEqual(['checks/range-selection']);
    expect(codes('checks:\n  - id: x\n    kind: numerator-within-denominator\n    severity: error\n    indicators: [special-schools]\n').map((c) => c[0])).toEqual(['checks/not-a-rate']);
    expect(codes('checks:\n  - id: x\n    kind: same-denominator\n    severity: warning\n    indicators: [infant-mortality, special-schools]\n').map((c) => c[0])).toEqual(['checks/not-a-rate']);
    expect(codes('checks:\n  - id: x\n    kind: sum-of-sub-regions\n    severity: warning\n    indicators: [special-schools]\n').map((c) => c[0])).toEqual(['checks/not-a-rate']);
    expect(codes('checks:\n  - { id: x, kind: range, severity: error, unit: "%", max: 100 }\n  - { id: x, kind: range, severity: error, unit: "‰", max: 1000 }\n').map((c) => c[0])).toEqual(['checks/duplicate-id']);
  });
});
