// Every code the quality checks, the rules file and the template can emit has words in
// both languages, and every parameter of a message is filled.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasMessage, t } from '../../src/i18n/index.js';
import { readReturns } from '../../src/ingest/read-returns.js';
import { checkQuality } from '../../src/quality/index.js';
import { bytesOf, realContext, ROOT, text } from './real-plan.js';

function literalCodes(dir: string, prefix: RegExp): string[] {
  const codes = new Set<string>();
  for (const name of readdirSync(dir)) {
    for (const m of readFileSync(join(dir, name), 'utf8').matchAll(/'((?:quality|checks|check|template)\/[a-z0-9-]+)'/gu)) if (prefix.test(m[1]!)) codes.add(m[1]!);
  }
  return [...codes];
}

const codes = [
  ...literalCodes(join(ROOT, 'src', 'quality'), /^quality\//u),
  ...literalCodes(join(ROOT, 'src', 'plan'), /^checks\//u),
  'check/layout-long', 'check/layout-years', 'check/layout-regions',
  ...['rate', 'count', 'value', 'boolean', 'derivable', 'baseline', 'units-unknown'].map((h) => `template/hint-${h}`),
  ...[1, 2, 3, 4, 5, 6].map((n) => `template/help-${n}`),
];

describe('quality messages', () => {
  it('finds the codes', () => expect(codes.length).toBeGreaterThan(25));

  it.each(codes)('%s has a message in Chinese and English', (code) => {
    expect(hasMessage(code)).toBe(true);
    expect(t('zh', code)).not.toBe(t('en', code));
  });

  it('fills every parameter of the findings on the samples and on a bad return', () => {
    const ctx = realContext(true);
    const bad = '指标,地区,年份,数值,分子,分母,单位\n5岁以下儿童死亡率,海陵区,2023,1.2,,,\n婴儿死亡率,海陵区,2023,2.5,,,\n普惠性幼儿园覆盖率,海陵区,2023,,110,100,\n新生儿死亡率,高港区,2023,1500,,,\n新生儿死亡率,姜堰区,2023,0.15%,,,%\n';
    // A jump of a rate beyond chance, explained or not (the sample's own jumps are within chance).
    const jump = '指标,地区,年份,数值,分子,分母,备注\n新生儿死亡率,海陵区,2023,,10,5000,\n新生儿死亡率,海陵区,2024,,60,5000,\n婴儿死亡率,海陵区,2023,,12,5000,\n婴儿死亡率,海陵区,2024,,70,5000,口径调整\n';
    const files = [
      { file: 'taizhou-2020-2025.csv', bytes: bytesOf('samples', 'taizhou-2020-2025.csv') },
      text(bad, 'bad.csv'),
      text(jump, 'jump.csv'),
    ];
    for (const f of files) {
      const read = readReturns([f], ctx);
      const { findings } = checkQuality(ctx.plan, ctx.regions, read.observations, { where: { file: f.file } });
      if (f.file !== 'taizhou-2020-2025.csv') expect(findings.length).toBeGreaterThan(0);
      if (f.file === 'jump.csv') expect(findings.map((d) => d.code).filter((c) => c.startsWith('quality/outlier')).sort()).toEqual(['quality/outlier-rate', 'quality/outlier-rate-explained']);
      for (const d of findings) for (const lang of ['zh', 'en'] as const) expect(t(lang, d.code, d.params), d.code).not.toMatch(/\{\w+\}/u);
    }
  });
});
