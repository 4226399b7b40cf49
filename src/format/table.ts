// The terminal compliance table: one section per region and year, one table row
// per area with its indicators as lines (a wrapped name continues indented), so
// the table reads in groups and cli-table3's per-cell cost stays small. Chinese
// text is aligned: cells are wrapped by display width here, since cli-table3
// wraps by character count. Colour only when asked for.
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { t } from '../i18n/index.js';
import type { Evaluation, Result } from '../engine/evaluate.js';
import type { Status } from '../engine/verdict.js';
import { detail, indicatorName, planTitle, targetText } from './detail.js';
import type { FormatContext } from './records.js';
import { formatGap, formatValue, statusLabel } from './words.js';
import { wrap } from './width.js';

const WIDTH = { area: 10, indicator: 30, target: 16, detail: 40 };

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
  for (const section of groupBy(e.results, (r) => `${r.year}\u0000${r.region.code}`)) {
    const first = section[0]!;
    out.push(chalk.bold(t(lang, 'table/title', { plan: planTitle(ctx), region: first.region.name, year: first.year })));
    const table = new Table({
      head: ['col/area', 'col/indicator', 'col/target', 'col/value', 'col/status', 'col/gap', 'col/detail'].map((k) => t(lang, k)),
      style: { head: ctx.color ? ['cyan'] : [], border: ctx.color ? ['grey'] : [] },
    });
    for (const results of groupBy(section, (r) => r.area)) {
      const area = ctx.plan.areas.find((a) => a.id === results[0]!.area);
      const columns: string[][] = [[], [], [], [], [], []];
      for (const r of results) {
        const name = wrap(`${r.main !== undefined ? `★${r.main} ` : ''}${indicatorName(r, ctx)}`, WIDTH.indicator - 2).split('\n');
        const cells = [
          name.map((line, i) => (i === 0 ? line : `  ${line}`)),
          wrap(targetText(r, ctx), WIDTH.target).split('\n'),
          [`${formatValue(r.value, r.unit, lang)}${r.derived ? '*' : ''}`],
          [paint[r.status](statusLabel(r.status, lang))],
          [formatGap(r, lang)],
          wrap(detail(r, ctx), WIDTH.detail).split('\n'),
        ];
        const height = Math.max(...cells.map((c) => c.length));
        cells.forEach((lines, i) => columns[i]!.push(...lines, ...Array<string>(height - lines.length).fill('')));
      }
      const areaName = (lang === 'en' ? area?.nameEn : area?.name) ?? results[0]!.area;
      table.push([wrap(areaName, WIDTH.area), ...columns.map((lines) => lines.join('\n'))]);
    }
    out.push(table.toString());
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

/** Results sharing a key, in first-seen order. */
function groupBy(results: readonly Result[], key: (r: Result) => string): Result[][] {
  const m = new Map<string, Result[]>();
  for (const r of results) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return [...m.values()];
}
