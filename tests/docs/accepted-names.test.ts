// README.md and docs/guide.zh-CN.md list every return column header and every indicator alias
// plancheck accepts (issue 22, done when): scripts/accepted-names.mjs makes the lists from the
// code and the plan, and this fails when a header or an alias is added without the docs.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RETURN_COLUMNS } from '../../src/ingest/header.js';
import { ROOT } from '../cli/helpers.js';
// @ts-expect-error a script of the repository, plain JavaScript without declarations
import { DOCS, generate, sources } from '../../scripts/accepted-names.mjs';

type Sources = { columns: typeof RETURN_COLUMNS; indicators: Array<{ name: string; aliases: string[] }> };
const make = generate as (text: string, lang: 'zh' | 'en', from: Sources) => { text: string; changed: string[] };
const docs = DOCS as { readme: string; guide: string };
const text = { en: readFileSync(docs.readme, 'utf8'), zh: readFileSync(docs.guide, 'utf8') };

describe('the accepted names in README.md and the guide', () => {
  it('are what the built plancheck accepts today (node scripts/accepted-names.mjs --check)', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'accepted-names.mjs'), '--check'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('list every region header of the code and the national names of the plan, in both', () => {
    const region = RETURN_COLUMNS.find((c) => c.id === 'region')!;
    for (const name of region.names) expect(text.zh).toContain(name);
    for (const name of region.names.filter((n) => n !== 'region')) expect(text.en).toContain(name);
    for (const alias of ['学前三年毛入园率', '九年义务教育巩固率', '城市空气质量优良天数比率']) {
      expect(text.en).toContain(alias);
      expect(text.zh).toContain(alias);
    }
  });

  it('bite: a header or an alias added in the code or the plan without the docs is drift, in each file', async () => {
    const from = (await sources()) as Sources;
    for (const [lang, doc] of [['en', text.en], ['zh', text.zh]] as const) {
      expect(make(doc, lang, from).changed).toEqual([]);
      const header = { ...from, columns: from.columns.map((c) => (c.id === 'region' ? { ...c, names: [...c.names, '所属区县'] } : c)) };
      expect(make(doc, lang, header).changed).toEqual(['return-columns']);
      expect(make(doc, lang, header).text).toContain('所属区县');
      const alias = { ...from, indicators: from.indicators.map((i, n) => (n === 0 ? { ...i, aliases: [...i.aliases, '某某新别名'] } : i)) };
      expect(make(doc, lang, alias).changed).toEqual(['indicator-aliases']);
    }
  });
});
