// A small plan built in code, so ingest tests do not depend on plan/*.yaml:
// a ‰ rate, a % rate, a count and a yes/no indicator; a city and two districts.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { indexes } from '../../src/plan/lookup.js';
import type { Indicator, Plan } from '../../src/plan/model.js';

const origin = { file: 'test-plan.yaml', line: 1 };
const common = { aliases: [] as string[], area: 'health', text: '', source: '', origin };

const indicators: Indicator[] = [
  { ...common, id: 'neonatal-mortality', name: '新生儿死亡率', unit: '‰', scale: 1000, measure: 'rate', nature: 'events', direction: 'lower' },
  { ...common, id: 'kindergarten-coverage', name: '普惠性幼儿园覆盖率', unit: '%', scale: 100, measure: 'rate', nature: 'census', direction: 'higher' },
  { ...common, id: 'special-schools', name: '特殊教育学校数', unit: '所', measure: 'count', nature: 'census', direction: 'higher' },
  { ...common, id: 'children-council', name: '儿童议事会', aliases: ['儿童议事会（团）'], unit: '', measure: 'boolean', nature: 'census', direction: 'higher' },
];

export const plan: Plan = {
  id: 'test-plan',
  title: '测试规划',
  period: { start: 2021, end: 2025 },
  baselineYear: 2020,
  midtermYear: 2023,
  finalYear: 2025,
  levels: [
    { id: 'city', name: '市' },
    { id: 'district', name: '市（区）' },
    { id: 'township', name: '乡镇（街道）' },
  ],
  regions: [
    { code: '321200', name: '泰州市', aliases: ['全市'], level: 'city' },
    { code: '321202', name: '海陵区', aliases: ['海陵'], level: 'district', parent: '321200' },
    { code: '321203', name: '高港区', aliases: ['高港'], level: 'district', parent: '321200' },
  ],
  areas: [{ id: 'health', name: '儿童与健康' }],
  indicators,
  dir: 'test-plan',
};

export const ctx = { plan, ...indexes(plan) };

/** A fixture file as readReturns receives it. */
export function fixture(name: string): { file: string; bytes: Uint8Array } {
  const path = fileURLToPath(new URL(`../fixtures/ingest/${name}`, import.meta.url));
  return { file: name, bytes: new Uint8Array(readFileSync(path)) };
}

/** An in-memory return, for cases too small to deserve a fixture. */
export function csv(text: string, file = 'inline.csv'): { file: string; bytes: Uint8Array } {
  return { file, bytes: new TextEncoder().encode(text) };
}
