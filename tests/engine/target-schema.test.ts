import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { targetKinds, targetSchema } from '../../src/engine/kinds/index.js';

const shippedPath = fileURLToPath(new URL('../../src/schema/target.schema.json', import.meta.url));
const shipped = JSON.parse(readFileSync(shippedPath, 'utf8')) as Record<string, unknown>;

type Branch = { if: { properties: { kind: { const?: string; enum?: string[] } } }; then: unknown };

/** The shipped `allOf`, with a branch for several kinds (`enum`) written out as one `const` branch per kind. */
function perKindBranches(schema: Record<string, unknown>): Branch[] {
  return (schema.allOf as Branch[]).flatMap((b) => {
    const k = b.if.properties.kind;
    return k.enum ? k.enum.map((kind) => ({ if: { properties: { kind: { const: kind } } }, then: b.then })) : [b];
  });
}

describe('target schema', () => {
  // src/plan/schema-check.ts says the shipped file "is the same document" as targetSchema().
  // It is not: the shipped file folds at-most, at-least and reach into one branch
  // (`"kind": { "enum": [...] }`), targetSchema() gives each its own (`"kind": { "const": ... }`).
  // Reported; the JSON is not edited here (see the equivalence tests below).
  it('targetSchema() deep-equals the shipped src/schema/target.schema.json', () => {
    expect(targetSchema()).toEqual(shipped);
  });

  it('they differ only in how the single-value kinds are grouped', () => {
    const { allOf: generatedAllOf, ...generatedRest } = targetSchema();
    const { allOf: _shippedAllOf, ...shippedRest } = shipped;
    expect(generatedRest).toEqual(shippedRest);
    expect(generatedAllOf).toEqual(perKindBranches(shipped));
  });

  it('both list every kind of the registry, in the same order', () => {
    const kinds = Object.keys(targetKinds);
    expect(kinds).toHaveLength(11);
    expect((shipped.properties as { kind: { enum: string[] } }).kind.enum).toEqual(kinds);
    expect((targetSchema().properties as { kind: { enum: string[] } }).kind.enum).toEqual(kinds);
  });

  it('is a draft 2020-12 schema with an $id', () => {
    expect(shipped.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(typeof shipped.$id).toBe('string');
    expect(targetSchema().$id).toBe(shipped.$id);
  });

  it('both accept and reject the same targets', () => {
    const compile = (schema: Record<string, unknown>) => new Ajv2020({ strict: true, allowUnionTypes: true }).compile(schema);
    const generated = compile(targetSchema());
    const fromFile = compile(shipped);
    const good = [
      { kind: 'at-most', value: 3 },
      { kind: 'at-least', value: 98 },
      { kind: 'reach', value: 100 },
      { kind: 'about', value: 0.85 },
      { kind: 'about', value: 99, tolerance: { absolute: 0.5 } },
      { kind: 'split', by: 'residence', parts: [
        { part: 'urban', text: '城市社区100', target: { kind: 'at-least', value: 100 } },
        { part: 'rural', text: '农村社区90', target: { kind: 'at-least', value: 90 } },
      ] },
      { kind: 'every-unit', level: 'township', target: { kind: 'at-least', value: 95 } },
      { kind: 'change', relative: -0.2 },
      { kind: 'yearly-change', perYear: -1 },
      { kind: 'trend', direction: 'falling' },
      { kind: 'conditional', when: { indicator: 'pop', atLeast: 30 }, level: 'district', target: { kind: 'at-least', value: 1 } },
      { kind: 'yes-no' },
    ];
    const bad = [
      {},
      { kind: 'most', value: 3 },
      { kind: 'at-most' },
      { kind: 'at-least', value: '98' },
      { kind: 'reach', value: 1, tolerance: { absolute: 1 } },
      { kind: 'about', value: 1, tolerance: { absolute: 1, relative: 0.1 } },
      { kind: 'about', value: 1, tolerance: { relative: 2 } },
      { kind: 'split', by: 'age', parts: [] },
      { kind: 'every-unit', level: 'township', target: { kind: 'at-least' } },
      { kind: 'change', relative: -1.5 },
      { kind: 'trend', direction: 'sideways' },
      { kind: 'conditional', when: { indicator: 'pop' }, level: 'district', target: { kind: 'yes-no' } },
      { kind: 'yes-no', expected: 'yes' },
    ];
    for (const t of good) {
      expect(generated(t), JSON.stringify(t)).toBe(true);
      expect(fromFile(t), JSON.stringify(t)).toBe(true);
    }
    for (const t of bad) {
      expect(generated(t), JSON.stringify(t)).toBe(false);
      expect(fromFile(t), JSON.stringify(t)).toBe(false);
    }
  });
});
