// The terminal compliance table: one section per region and year, Chinese text aligned
// (cli-table3 measures East Asian wide characters), colour only when asked for.
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { t } from '../i18n/index.js';
import type { Evaluation, Result } from '../engine/evaluate.js';
import type { Status } from '../engine/verdict.js';
import { detail, targetText } from './detail.js';
import type { FormatContext } from './records.js';
import { formatGap, formatValue, statusLabel } from './words.js';
import { wrap } from './width.js';

export function formatTable(e: Evaluation, ctx: FormatContext): string {
  const { lang } = ctx;
  const chalk = new Chalk({ level: ctx.color ? 1 : 0 });
  const paint: Record<Status, (s: string) => string> = {
    met: chalk.green,
    'not-met': chalk.red,
    'no-data': chalk.yellow,
    invalid: chalk.magenta,
    'not-applicable': chalk.gray,
  };
  const out: string[] = [];
  for (const [key, group] of groups(e.results)) {
    const first = group[0]!;
    out.push(chalk.bold(t(lang, 'table/title', { plan: e.plan.title, region: first.region.name, year: first.year })));
    const table = new Table({
      head: ['col/no', 'col/area', 'col/indicator', 'col/target', 'col/value', 'col/status', 'col/gap', 'col/detail'].map((k) => t(lang, k)),
      style: { head: ctx.color ? ['cyan'] : [], border: ctx.color ? ['grey'] : [] },
    });
    for (const r of group) {
      const area = ctx.plan.areas.find((a) => a.id === r.area);
      table.push([
        r.main !== undefined ? `★${r.main}` : '',
        (lang === 'en' ? area?.nameEn : area?.name) ?? r.area,
        wrap(r.name, 24),
        wrap(targetText(r, ctx), 16),
        `${formatValue(r.value, r.unit, lang)}${r.derived ? '*' : ''}`,
        paint[r.status](statusLabel(r.status, lang)),
        formatGap(r, lang),
        wrap(detail(r, ctx), 40),
      ]);
    }
    out.push(table.toString());
    void key;
  }
  const s = e.summary;
  out.push(
    t(lang, 'table/summary', {
      total: e.results.length,
      met: s.met,
      notMet: s['not-met'],
      noData: s['no-data'],
      invalid: s.invalid,
      na: s['not-applicable'],
    }),
  );
  if (e.results.some((r) => r.derived)) out.push(t(lang, 'table/derived-note'));
  return `${out.join('\n')}\n`;
}

function groups(results: readonly Result[]): Map<string, Result[]> {
  const m = new Map<string, Result[]>();
  for (const r of results) {
    const k = `${r.year}\u0000${r.region.code}`;
    const list = m.get(k) ?? [];
    list.push(r);
    m.set(k, list);
  }
  return m;
}
