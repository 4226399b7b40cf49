// The data-quality report as text (for the terminal) and as JSON (for a CI job).
// Pure: the report in, a string out.
import { countFindings, findingWeight, omittedKinds, OMITTED, type Diagnostic } from '../diagnostics.js';
import { JsonList, jsonTextPieces } from '../text/json-pieces.js';
import { displayWidth, wrapLines } from '../text/width.js';
import { cellReference, diagnosticMessage, t, type Lang } from '../i18n/index.js';
import type { CellState, Completeness } from './completeness.js';

export interface FileSummary {
  file: string;
  encoding?: string;
  sheet?: string;
  layout?: string;
}

export interface CheckReport {
  plan: { id: string; title: string; titleEn?: string };
  files: FileSummary[];
  observations: number;
  diagnostics: Diagnostic[];
  completeness: Completeness;
  strict: boolean;
}

const SYMBOL: Record<CellState, string> = { given: '✓', derived: 'Σ', 'reported-missing': '—', invalid: '✗', missing: '○' };
/** Worst first: what a grid cell shows when it stands for several units (a 市(区)'s townships). */
const WORST: readonly CellState[] = ['invalid', 'missing', 'reported-missing', 'derived', 'given'];

/** Findings by severity, those a run left out of memory counted too. */
export function counts(ds: readonly Diagnostic[]): { errors: number; warnings: number; infos: number } {
  return { errors: countFindings(ds, 'error'), warnings: countFindings(ds, 'warning'), infos: countFindings(ds, 'info') };
}

/** Whether the return passes: no errors, and under --strict no warnings either. */
export function passes(r: Pick<CheckReport, 'diagnostics' | 'strict'>): boolean {
  const c = counts(r.diagnostics);
  return c.errors === 0 && !(r.strict && c.warnings > 0);
}

function percent(x: number): string {
  return `${(Math.floor(x * 1000) / 10).toFixed(1)}%`;
}

/** The report as text for a terminal `width` columns wide (default 100): lines wrapped, a grid too wide for it given as a list. */
export function checkText(r: CheckReport, lang: Lang, width = 100): string {
  const lines: string[] = [];
  const colon = lang === 'en' ? ': ' : '：';
  lines.push(`${t(lang, 'check/title')}${colon}${(lang === 'en' ? r.plan.titleEn : undefined) ?? r.plan.title}`);
  lines.push('');
  lines.push(`${t(lang, 'check/files')}${colon.trimEnd()}`);
  for (const f of r.files) {
    const how = f.sheet !== undefined ? t(lang, 'check/sheet', { sheet: f.sheet }) : t(lang, 'check/encoding', { encoding: f.encoding ?? '—' });
    const layout = f.layout ? t(lang, `check/layout-${f.layout}`) : '—';
    lines.push(`  ${t(lang, 'check/file-text', { file: f.file, how, layout })}`);
  }
  lines.push(t(lang, 'check/observations', { observations: r.observations }));
  lines.push('');
  const c = r.completeness.counts;
  lines.push(
    t(lang, 'check/completeness', {
      expected: c.expected,
      present: c.given + c.derived,
      derived: c.derived,
      reported: c['reported-missing'],
      invalid: c.invalid,
      missing: c.missing,
      rate: percent(r.completeness.rate),
    }),
  );
  lines.push(...gridText(r.completeness, lang, width));
  lines.push('');
  const n = counts(r.diagnostics);
  lines.push(t(lang, 'check/findings', n));
  const byCode = new Map<string, number>();
  for (const d of r.diagnostics) {
    const key = `${d.severity}\u0000${d.code === OMITTED ? String(d.params.code) : d.code}`;
    byCode.set(key, (byCode.get(key) ?? 0) + findingWeight(d));
  }
  if (byCode.size > 0) {
    lines.push(`${t(lang, 'check/by-code')}${colon.trimEnd()}`);
    const order = { error: 0, warning: 1, info: 2 } as const;
    const rows = [...byCode].map(([k, count]) => {
      const [severity, code] = k.split('\u0000') as [keyof typeof order, string];
      return { severity, code, count };
    });
    rows.sort((a, b) => order[a.severity] - order[b.severity] || a.code.localeCompare(b.code));
    for (const row of rows) lines.push(`  ${t(lang, `severity/${row.severity}`)} ${row.code} × ${row.count}`);
  }
  lines.push('');
  if (n.errors > 0) lines.push(t(lang, 'check/invalid', n));
  else if (r.strict && n.warnings > 0) lines.push(t(lang, 'check/strict-warnings', n));
  else if (n.warnings > 0) lines.push(t(lang, 'check/valid-warnings', n));
  else lines.push(t(lang, 'check/valid'));
  // Each line within the width, a continuation indented under its own indentation.
  const fitted = lines.flatMap((line) => {
    const indent = line.length - line.trimStart().length;
    return wrapLines(line, width).map((l, i) => (i === 0 ? l : ' '.repeat(indent + 2) + l.trimStart()));
  });
  return `${fitted.join('\n')}\n`;
}

/** One grid per year: rows the indicators with a gap, columns the plan's regions. */
function gridText(c: Completeness, lang: Lang, width: number): string[] {
  const lines: string[] = [];
  const nameOf = (i: Completeness['indicators'][number]) => (lang === 'en' ? i.nameEn : undefined) ?? i.name;
  const names = new Map(c.indicators.map((i) => [i.id, nameOf(i)] as const));
  const absent = new Set(c.absent);
  // Per year, indicator and column of the grid: what its cells add up to (gridCell), cell by cell.
  const tally = new Map<string, Tally>();
  const gapsByYear = new Map<number, Set<string>>();
  for (const cell of c.eachCell()) {
    const k = `${cell.year}\u0000${cell.indicator}\u0000${cell.column}`;
    let x = tally.get(k);
    if (!x) tally.set(k, (x = { count: 0, missing: 0, states: new Set() }));
    x.count++;
    if (cell.state === 'missing') x.missing++;
    x.states.add(cell.state);
    if (cell.state !== 'given' && cell.state !== 'derived' && !absent.has(cell.indicator)) {
      const gaps = gapsByYear.get(cell.year) ?? new Set<string>();
      gapsByYear.set(cell.year, gaps.add(cell.indicator));
    }
  }
  let legend = false;
  for (const year of c.years) {
    const gaps = gapsByYear.get(year) ?? new Set<string>();
    lines.push('');
    if (gaps.size === 0) {
      // Not “every expected cell is present” beside a completeness of 7 %: the indicators the return does not give are counted below.
      lines.push(t(lang, absent.size > 0 ? 'check/grid-none-given' : 'check/grid-none', { year }));
      continue;
    }
    legend = true;
    lines.push(t(lang, 'check/grid-title', { year }));
    const header = ['', ...c.regions.map((r) => r.name)];
    const rows: string[][] = [];
    for (const id of c.indicators.map((i) => i.id)) {
      if (!gaps.has(id)) continue;
      rows.push([names.get(id) ?? id, ...c.regions.map((r) => gridCell(tally.get(`${year}\u0000${id}\u0000${r.code}`)))]);
    }
    const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((row) => displayWidth(row[i] ?? ''))));
    const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - displayWidth(s)));
    if (2 + widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1) <= width) {
      for (const row of [header, ...rows]) lines.push(`  ${row.map((s, i) => pad(s, widths[i]!)).join('  ').trimEnd()}`);
      continue;
    }
    // Too wide for the terminal: per indicator, the regions whose cell is not complete (✓ or Σ), as a list.
    const sep = lang === 'en' ? ', ' : '、';
    for (const row of rows) {
      const gaps = row.slice(1).flatMap((cell, i) => (cell && cell !== SYMBOL.given && cell !== SYMBOL.derived ? [`${header[i + 1]} ${cell}`] : []));
      lines.push(`  ${row[0]}${lang === 'en' ? ': ' : '：'}${gaps.join(sep)}`);
    }
  }
  if (legend) lines.push('', t(lang, 'check/grid-legend'));
  if (absent.size > 0) lines.push('', t(lang, 'check/absent', { count: absent.size, indicators: c.indicators.filter((i) => absent.has(i.id)).map(nameOf).join(lang === 'en' ? ', ' : '、') }));
  return lines;
}

/** The cells of a column of the grid for one indicator and year: how many, how many missing, the states met. */
interface Tally {
  count: number;
  missing: number;
  states: Set<CellState>;
}

/** A region's cell: its state, or for several units below it the worst state and how many are missing. */
function gridCell(x: Tally | undefined): string {
  if (!x) return '';
  const worst = WORST.find((s) => x.states.has(s))!;
  if (x.count === 1) return SYMBOL[worst];
  return x.missing > 0 ? `${SYMBOL[worst]}${x.missing}` : SYMBOL[worst];
}

/** The report as one JSON object, in the spirit of a Frictionless validation report. */
export const checkJson = (r: CheckReport, lang: Lang): string => [...checkJsonPieces(r, lang)].join('');

/** checkJson's text in pieces, the completeness grid's cells made one at a time as they are written. */
export function checkJsonPieces(r: CheckReport, lang: Lang): Generator<string> {
  const n = counts(r.diagnostics);
  const c = r.completeness;
  const record = {
    plan: { id: r.plan.id, title: r.plan.title },
    valid: passes(r),
    strict: r.strict,
    files: r.files,
    summary: { observations: r.observations, ...n, omitted: omittedKinds(r.diagnostics) },
    completeness: {
      years: c.years,
      expected: c.counts.expected,
      present: c.counts.given + c.counts.derived,
      given: c.counts.given,
      derived: c.counts.derived,
      reportedMissing: c.counts['reported-missing'],
      invalid: c.counts.invalid,
      missing: c.counts.missing,
      rate: Math.round(c.rate * 10000) / 10000,
      regions: c.regions,
      indicators: c.indicators.map((i) => ({ id: i.id, name: i.name })),
      absent: c.absent,
      cells: new JsonList(function* () {
        for (const x of c.eachCell()) yield { indicator: x.indicator, region: x.region, year: x.year, part: x.part ?? null, state: x.state };
      }),
    },
    findings: r.diagnostics.map((d) => ({
      severity: d.severity,
      code: d.code,
      file: d.file ?? null,
      line: d.line ?? null,
      column: d.column ?? null,
      sheet: d.sheet ?? null,
      cell: d.cell ?? null,
      ref: d.sheet !== undefined && d.cell !== undefined ? `${d.file ?? ''}:${cellReference(d.sheet, d.cell)}` : null,
      message: diagnosticMessage(d, lang),
      params: d.params,
    })),
  };
  return jsonTextPieces(record);
}
