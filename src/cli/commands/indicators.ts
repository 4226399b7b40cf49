// plancheck indicators: the plan's indicators and targets as a table (or JSON, CSV).
import Table from 'cli-table3';
import { t, type Lang } from '../../i18n/index.js';
import { describeTarget } from '../../engine/kinds/index.js';
import { csvText } from '../../format/csv.js';
import { say } from '../../format/detail.js';
import { formatNumber } from '../../format/words.js';
import { displayWidth, wrap, wrapLines } from '../../text/width.js';
import type { Indicator, Plan } from '../../plan/model.js';
import type { Io } from '../io.js';
import { PlancheckError } from '../../diagnostics.js';
import { readPlan } from '../plan-files.js';
import { formatContext, tableWidth, type CommonOptions } from './common.js';

export async function runIndicators(io: Io, opts: CommonOptions & { format?: string }): Promise<number> {
  const { plan } = await readPlan(io, opts.plan);
  const { lang } = formatContext(io, plan, opts);
  const areaOrder = (id: string) => plan.areas.findIndex((a) => a.id === id);
  const rows = plan.indicators.filter((i) => i.target).sort((a, b) => areaOrder(a.area) - areaOrder(b.area));
  const format = opts.format ?? 'table';
  if (format === 'json') io.stdout(`${JSON.stringify(rows.map((i) => record(i, plan, lang)), null, 2)}\n`);
  else if (format === 'csv') io.stdout(indicatorsCsv(rows, plan, lang));
  else if (format === 'table') io.stdout(`${indicatorsText(rows, plan, lang, tableWidth(io))}\n`);
  else throw new PlancheckError('cli/bad-option', { option: '--format', value: format, allowed: 'table, json, csv' });
  return 0;
}

function record(i: Indicator, plan: Plan, lang: Lang) {
  const area = plan.areas.find((a) => a.id === i.area);
  return {
    id: i.id,
    name: i.name,
    aliases: i.aliases,
    area: i.area,
    areaName: (lang === 'en' ? area?.nameEn : area?.name) ?? i.area,
    main: i.main ?? null,
    unit: i.unit,
    direction: i.direction,
    text: i.text,
    target: i.target,
    description: i.target ? say(describeTarget(i.target, i), i, { plan, lang, color: false }) : null,
    baseline: i.baseline ?? null,
    source: i.source,
  };
}

function cells(i: Indicator, plan: Plan, lang: Lang): string[] {
  const r = record(i, plan, lang);
  return [
    i.main !== undefined ? `★${i.main}` : '',
    r.areaName,
    lang === 'en' && i.nameEn ? `${i.name}\n${i.nameEn}` : i.name,
    i.unit,
    i.text,
    r.description ?? '',
    i.baseline ? `${formatNumber(i.baseline.value)}${i.unit}` : '',
  ];
}

/** The table where it fits the terminal's width, else a list: per area, each indicator and its target, rule and baseline. */
function indicatorsText(rows: Indicator[], plan: Plan, lang: Lang, width: number): string {
  const table = indicatorsTable(rows, plan, lang);
  if (table.split('\n').every((line) => displayWidth(line) <= width)) return table;
  const heads = ['col/target', 'col/rule', 'col/baseline'].map((k) => t(lang, k));
  const colon = lang === 'en' ? ': ' : '：';
  const lines: string[] = [];
  const put = (indent: number, text: string) => {
    for (const [n, line] of wrapLines(text, Math.max(width - indent - 2, 10)).entries()) lines.push(' '.repeat(n === 0 ? indent : indent + 2) + line);
  };
  let area: string | undefined;
  for (const i of rows) {
    const [main, areaName, name, unit, text, rule, baseline] = cells(i, plan, lang) as [string, string, string, string, string, string, string];
    if (areaName !== area) put(0, (area = areaName));
    put(2, `${main ? `${main} ` : ''}${name.replace('\n', ' / ')}${unit ? `（${unit}）` : ''}`);
    put(4, `${heads[0]}${colon}${text}`);
    if (rule) put(4, `${heads[1]}${colon}${rule}`);
    if (baseline) put(4, `${heads[2]}${colon}${baseline}`);
  }
  return lines.join('\n');
}

function indicatorsTable(rows: Indicator[], plan: Plan, lang: Lang): string {
  const table = new Table({
    head: ['col/main', 'col/area', 'col/indicator', 'col/unit', 'col/target', 'col/rule', 'col/baseline'].map((k) => t(lang, k)),
    style: { head: [], border: [] },
  });
  for (const i of rows) table.push(cells(i, plan, lang).map((c, n) => (n === 2 ? wrap(c, 30) : n === 4 || n === 5 ? wrap(c, 20) : c)));
  return table.toString();
}

function indicatorsCsv(rows: Indicator[], plan: Plan, lang: Lang): string {
  const head = ['col/id', 'col/main', 'col/area', 'col/indicator', 'col/unit', 'col/target', 'col/rule', 'col/baseline', 'col/source'].map((k) => csvText(t(lang, k)));
  const lines = rows.map((i) => {
    const c = cells(i, plan, lang);
    return [i.id, c[0]!, c[1]!, i.name, c[3]!, c[4]!, c[5]!, c[6]!, i.source].map(csvText).join(',');
  });
  return `\uFEFF${[head.join(','), ...lines].join('\r\n')}\r\n`;
}
