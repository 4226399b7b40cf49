// plancheck indicators: the plan's indicators and targets as a table (or JSON, CSV).
import Table from 'cli-table3';
import { t, type Lang } from '../../i18n/index.js';
import { describeTarget } from '../../engine/kinds/index.js';
import { csvText } from '../../format/csv.js';
import { say } from '../../format/detail.js';
import { formatNumber } from '../../format/words.js';
import { wrap } from '../../text/width.js';
import type { Indicator, Plan } from '../../plan/model.js';
import type { Io } from '../io.js';
import { PlancheckError } from '../../diagnostics.js';
import { readPlan } from '../plan-files.js';
import { formatContext, type CommonOptions } from './common.js';

export async function runIndicators(io: Io, opts: CommonOptions & { format?: string }): Promise<number> {
  const { plan } = await readPlan(io, opts.plan);
  const { lang } = formatContext(io, plan, opts);
  const areaOrder = (id: string) => plan.areas.findIndex((a) => a.id === id);
  const rows = plan.indicators.filter((i) => i.target).sort((a, b) => areaOrder(a.area) - areaOrder(b.area));
  const format = opts.format ?? 'table';
  if (format === 'json') io.stdout(`${JSON.stringify(rows.map((i) => record(i, plan, lang)), null, 2)}\n`);
  else if (format === 'csv') io.stdout(indicatorsCsv(rows, plan, lang));
  else if (format === 'table') io.stdout(`${indicatorsTable(rows, plan, lang)}\n`);
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
