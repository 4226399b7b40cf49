// plancheck template --year Y [--region …] [--regions FILE] [-o form.csv|form.xlsx]:
// a blank return form, a row per indicator × region (× part for split targets), with
// the unit and the plan's wording of the target as context and numerator/denominator
// columns for rates. Filled in, it is read back by `check` and `evaluate` unchanged.
import { extname, join, resolve } from 'node:path';
import { PlancheckError } from '../../diagnostics.js';
import { csvText } from '../../format/csv.js';
import { t, type Lang } from '../../i18n/index.js';
import { buildForm, FORM_COLUMNS, FORM_HEADER, INPUT_COLUMNS, partCell, type FormColumn, type FormRow, type HintKey } from '../../ingest/form.js';
import { readRegionsFile } from '../../ingest/regions-file.js';
import { indexes } from '../../plan/lookup.js';
import type { Plan } from '../../plan/model.js';
import type { Io } from '../io.js';
import { readError } from '../run-error.js';
import { parseLang, resolveRegions } from '../options.js';
import { printDiagnostics } from '../output.js';
import { checkOutputPaths } from '../output-paths.js';
import { readPlan } from '../plan-files.js';
import { tableWidth, type CommonOptions } from './common.js';
import { wrap } from '../../text/width.js';

export interface TemplateOptions extends CommonOptions {
  year?: string;
  region?: string[];
  regions?: string;
  output?: string;
}

/** `2025`, `2020,2025`, `2020-2025`, `2025年`: the years of the form. */
export function parseYears(s: string | undefined, plan: Plan): number[] {
  if (s === undefined) return [plan.finalYear];
  const bad = () => new PlancheckError('cli/bad-option', { option: '--year', value: s, allowed: '2025, 2020,2025, 2020-2025' });
  const years = new Set<number>();
  for (const part of s.normalize('NFKC').split(/[,，、\s]+/u).filter(Boolean)) {
    const m = /^(\d{4})年?(?:[-–~至](\d{4})年?)?$/u.exec(part);
    if (!m) throw bad();
    const from = Number(m[1]);
    const to = m[2] !== undefined ? Number(m[2]) : from;
    if (to < from || to - from > 50) throw bad();
    for (let y = from; y <= to; y++) years.add(y);
  }
  if (years.size === 0) throw bad();
  return [...years].sort((a, b) => a - b);
}

export async function runTemplate(io: Io, opts: TemplateOptions): Promise<number> {
  const lang = parseLang(opts.lang, io.env);
  const { plan, diagnostics } = await readPlan(io, opts.plan);
  const years = parseYears(opts.year, plan);
  const output = opts.output;
  const kind = output === undefined ? 'csv' : extname(output).toLowerCase() === '.xlsx' ? 'xlsx' : extname(output).toLowerCase() === '.csv' ? 'csv' : undefined;
  if (!kind) throw new PlancheckError('template/bad-output', { path: output ?? '' });

  // Never over an input: the regions file or a rule file, also through a link.
  const ruleFiles = io.listDir(plan.dir).filter((n) => /\.ya?ml$/i.test(n)).map((n) => join(plan.dir, n));
  if (output !== undefined) checkOutputPaths(io, [output], [...(opts.regions !== undefined ? [resolve(io.cwd, opts.regions)] : []), ...ruleFiles]);
  let extra: Plan['regions'] = [];
  if (opts.regions !== undefined) {
    let bytes: Uint8Array;
    try {
      bytes = io.readFile(resolve(io.cwd, opts.regions));
    } catch (e) {
      throw readError(e, opts.regions);
    }
    const read = readRegionsFile({ file: opts.regions, bytes }, plan);
    diagnostics.push(...read.diagnostics);
    if (read.diagnostics.some((d) => d.severity === 'error')) {
      printDiagnostics(io, diagnostics, lang, opts.quiet === true);
      return 2;
    }
    extra = read.regions;
  }
  const index = indexes(plan, extra);
  const scope = resolveRegions(opts.region, index.regions);
  const rows = buildForm(plan, index, { years, ...(scope ? { regions: scope } : {}) });
  printDiagnostics(io, diagnostics, lang, opts.quiet === true);

  if (output === undefined) {
    io.stdout(formCsv(rows, plan, lang));
    return 0;
  }
  const path = resolve(io.cwd, output);
  if (kind === 'csv') io.writeFileAtomic(path, formCsv(rows, plan, lang));
  else io.writeFileAtomic(path, await formXlsx(rows, plan, lang));
  if (!opts.quiet) {
    const indicators = new Set(rows.map((r) => r.indicator.id)).size;
    const regionCount = new Set(rows.map((r) => r.region.code)).size;
    io.stdout(`${wrap(t(lang, 'template/written', { path: output, rows: rows.length, indicators, regions: regionCount, years: years.join('、') }), tableWidth(io))}\n`);
  }
  return 0;
}

function hintText(row: FormRow, plan: Plan, lang: Lang): string {
  return row.hints.map((h: HintKey) => t(lang, `template/hint-${h}`, { unit: row.indicator.unit, baseline: plan.baselineYear, level: '' })).join('；');
}

function cellsOf(row: FormRow, plan: Plan, lang: Lang): Record<FormColumn, string | number> {
  return {
    indicator: row.indicator.name,
    region: row.regionText,
    year: row.year,
    sex: partCell(row.part, 'sex'),
    residence: partCell(row.part, 'residence'),
    value: '',
    numerator: '',
    denominator: '',
    unit: row.indicator.unit,
    target: row.targetText,
    hint: hintText(row, plan, lang),
    note: '',
  };
}

/** UTF-8 with BOM and CRLF, as Excel opens it; text cells neutralised against formulas. */
export function formCsv(rows: FormRow[], plan: Plan, lang: Lang): string {
  const lines = [FORM_COLUMNS.map((c) => csvText(FORM_HEADER[c])).join(',')];
  for (const row of rows) {
    const cells = cellsOf(row, plan, lang);
    lines.push(FORM_COLUMNS.map((c) => (typeof cells[c] === 'number' ? String(cells[c]) : csvText(cells[c] as string))).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const WIDTH: Record<FormColumn, number> = {
  indicator: 40, region: 12, year: 8, sex: 6, residence: 6, value: 10, numerator: 10, denominator: 10, unit: 8, target: 22, hint: 40, note: 24,
};

/** The form as a workbook: the form on the first sheet, instructions on the second. */
export async function formXlsx(rows: FormRow[], plan: Plan, lang: Lang): Promise<Uint8Array> {
  const mod = (await import('exceljs')) as typeof import('exceljs') & { default?: typeof import('exceljs') };
  const ExcelJS = mod.default ?? mod;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'plancheck';
  const sheet = workbook.addWorksheet(t(lang, 'template/sheet-form'), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = FORM_COLUMNS.map((c) => ({ header: FORM_HEADER[c], key: c, width: WIDTH[c] }));
  const grey = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } } as const;
  const dark = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFBFBFBF' } } as const;
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  });
  // Per column, the validation of each form row (undefined: none), laid down below as runs of rows.
  const checks: Partial<Record<FormColumn, Array<ValidationKind | undefined>>> = { value: [], numerator: [], denominator: [] };
  for (const row of rows) {
    const added = sheet.addRow(cellsOf(row, plan, lang));
    FORM_COLUMNS.forEach((c, i) => {
      const cell = added.getCell(i + 1);
      if (!INPUT_COLUMNS.has(c)) cell.fill = grey;
      else if ((c === 'numerator' || c === 'denominator') && !row.ratio) cell.fill = dark;
    });
    checks.value!.push(row.indicator.measure === 'boolean' ? 'yes-no' : 'value');
    checks.numerator!.push(row.ratio ? 'count' : undefined);
    checks.denominator!.push(row.ratio ? 'count' : undefined);
  }
  for (const [column, kinds] of Object.entries(checks) as Array<[FormColumn, Array<ValidationKind | undefined>]>) {
    const letter = String.fromCharCode(65 + FORM_COLUMNS.indexOf(column));
    for (const run of runsOf(kinds)) {
      // Rows start at 2, under the header; a formula is relative to its range's first cell.
      const first = `${letter}${run.from + 2}`;
      (sheet as typeof sheet & { dataValidations: { add(range: string, v: import('exceljs').DataValidation): void } }).dataValidations.add(`${first}:${letter}${run.to + 2}`, validation(run.kind, first, lang));
    }
  }
  const help = workbook.addWorksheet(t(lang, 'template/sheet-help'));
  help.getColumn(1).width = 100;
  for (const line of helpLines(plan, lang)) help.addRow([line]);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** What a filled cell may hold: a value (a number or “—”), 是/否 (or “—”), a count (a number ≥ 0). */
type ValidationKind = 'value' | 'yes-no' | 'count';

/** Consecutive rows with the same kind of validation, as [from, to] row indexes; rows without one are left out. */
function runsOf(kinds: ReadonlyArray<ValidationKind | undefined>): Array<{ kind: ValidationKind; from: number; to: number }> {
  const runs: Array<{ kind: ValidationKind; from: number; to: number }> = [];
  kinds.forEach((kind, i) => {
    const last = runs.at(-1);
    if (kind === undefined) return;
    if (last && last.kind === kind && last.to === i - 1) last.to = i;
    else runs.push({ kind, from: i, to: i });
  });
  return runs;
}

/**
 * The validation of a run of cells whose first is `first`: what the 填报说明 sheet asks for
 * and the reader takes — a number or “—” in 数值 (是/否/— for a yes-no indicator), a number
 * ≥ 0 in 分子/分母, any cell left empty — refused (“stop”) otherwise, with a prompt and an
 * error message in the user's language.
 */
function validation(kind: ValidationKind, first: string, lang: Lang): import('exceljs').DataValidation {
  const words = {
    showInputMessage: true,
    promptTitle: t(lang, `template/check-${kind}-title`),
    prompt: t(lang, `template/check-${kind}-prompt`),
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: t(lang, `template/check-${kind}-title`),
    error: t(lang, `template/check-${kind}-error`),
  } as const;
  if (kind === 'yes-no') return { type: 'list', allowBlank: true, formulae: [`"是,否,${MISSING}"`], ...words };
  if (kind === 'count') return { type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], ...words };
  return { type: 'custom', allowBlank: true, formulae: [`OR(ISNUMBER(${first}),TRIM(${first})="${MISSING}")`], ...words };
}

/** What the form's instructions say to write where there is no data. */
const MISSING = '—';

function helpLines(plan: Plan, lang: Lang): string[] {
  return [1, 2, 3, 4, 5, 6].map((n) => t(lang, `template/help-${n}`, { title: plan.title }));
}

