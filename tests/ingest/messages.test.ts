// Every diagnostic code the ingest layer can emit has words in both languages.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listParam, type Diagnostic } from '../../src/diagnostics.js';
import { parseNumber, parseYear } from '../../src/ingest/cells.js';
import { readRegionsFile } from '../../src/ingest/regions-file.js';
import { readReturns } from '../../src/ingest/read-returns.js';
import { hasMessage, t } from '../../src/i18n/index.js';
import { ctx, fixture, plan } from './test-plan.js';

const ingestDir = fileURLToPath(new URL('../../src/ingest/', import.meta.url));
const fixturesDir = fileURLToPath(new URL('../fixtures/ingest/', import.meta.url));

/** Codes written as literals in the ingest sources. */
function literalCodes(): string[] {
  const codes = new Set<string>();
  for (const name of readdirSync(ingestDir)) {
    const source = readFileSync(ingestDir + name, 'utf8');
    for (const m of source.matchAll(/'((?:data|regions)\/[a-z-]+)'/gu)) codes.add(m[1]!);
  }
  return [...codes];
}

/** Codes built from a parser's problem (`data/${problem}`). */
function problemCodes(): string[] {
  const problems = [...['9 8', '1,23', '1e400'].map((s) => parseNumber(s).problem), ...['二〇二三', '1800'].map((s) => parseYear(s).problem)];
  return problems.map((p) => `data/${p}`);
}

/** Diagnostics actually emitted while reading every fixture. */
function emitted(): Diagnostic[] {
  const files = readdirSync(fixturesDir);
  const returns = readReturns(files.filter((f) => !f.startsWith('regions')).map(fixture), ctx).diagnostics;
  const regions = files.filter((f) => f.startsWith('regions')).flatMap((f) => readRegionsFile(fixture(f), plan).diagnostics);
  return [...returns, ...regions];
}

describe('ingest messages', () => {
  it('finds the codes it checks', () => {
    expect(literalCodes().length).toBeGreaterThan(40);
    expect(problemCodes()).toEqual(['data/not-a-number', 'data/bad-thousands', 'data/number-out-of-range', 'data/not-a-year', 'data/year-out-of-range']);
  });

  it.each([...new Set([...literalCodes(), ...problemCodes(), ...emitted().map((d) => d.code)])])('%s has a message', (code) => {
    expect(hasMessage(code)).toBe(true);
  });

  it('locates every diagnostic by file, line and column', () => {
    const unlocated = emitted().filter((d) => !d.file || !(d.line! >= 1) || !(d.column! >= 1));
    expect(unlocated).toEqual([]);
  });

  it('fills every parameter of a message it is given', () => {
    const read = readReturns([fixture('several-errors.csv'), fixture('ratio-mismatch.csv'), fixture('conflict.csv')], ctx);
    const regions = readRegionsFile(fixture('regions-bad.csv'), plan);
    for (const d of [...read.diagnostics, ...regions.diagnostics]) {
      for (const lang of ['zh', 'en'] as const) expect(t(lang, d.code, d.params)).not.toMatch(/\{\w+\}/u);
    }
    expect(t('zh', 'data/not-a-number', read.diagnostics[0]?.params)).toBe('数值“9 8”不是数字；请只填写数字，可带 % 或 ‰；没有数据请留空或填“—”');
  });
});

describe('a list in a message (listParam)', () => {
  it('is joined by 、 in Chinese and by commas in English; a message given the list once says it as given', () => {
    const params = listParam('accepted', ['指标', '指标名称', 'indicator']);
    expect(params).toEqual({ accepted: '指标、指标名称、indicator', acceptedEn: '指标, 指标名称, indicator' });
    expect(t('zh', 'data/missing-column', { field: 'indicator', label: '指标', ...params })).toContain('指标、指标名称、indicator');
    expect(t('en', 'data/missing-column', { field: 'indicator', label: '指标', ...params })).toContain('one of these names: 指标, 指标名称, indicator');
    // An English template's {acceptedEn} falls back on {accepted} when only that was given.
    expect(t('en', 'data/missing-column', { field: 'indicator', label: '指标', accepted: 'x' })).toContain('one of these names: x');
  });
});
