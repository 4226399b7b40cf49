// Header cells → columns. Names are matched after NFKC, trimming, case folding
// and dropping a trailing unit in brackets (数值（%）), in English or Chinese.
import { diag, listParam, type Diagnostic } from '../diagnostics.js';
import { halfWidth } from '../text/normalize.js';
import { locate } from './grid.js';

/** The header row of a file: its line (row number), and its sheet in a workbook. */
export interface HeaderPlace {
  file: string;
  line: number;
  sheet?: string;
}

/** A column a file may have: its id, its Chinese label for messages, the header names accepted. */
export interface ColumnSpec<C extends string> {
  id: C;
  label: string;
  names: readonly string[];
}

export type ReturnColumn = 'indicator' | 'region' | 'year' | 'value' | 'numerator' | 'denominator' | 'sex' | 'residence' | 'unit' | 'note';

export const RETURN_COLUMNS: readonly ColumnSpec<ReturnColumn>[] = [
  { id: 'indicator', label: '指标', names: ['指标', '指标名称', '指标代码', 'indicator', 'indicator id', 'indicator name'] },
  // A 统计监测表 heads its region column 市（区）, 县（市、区） or 区县; the brackets are dropped
  // when headers are compared (headerKey), so 市（区） is 市 and 县（市、区） is 县.
  {
    id: 'region',
    label: '地区',
    names: [
      '地区', '地区名称', '行政区划', '单位名称', '行政区划代码', '市（区）', '县（市、区）', '区县', '县区', '市县', '区域', '行政区', '行政区域',
      '所在地区', '地市', 'region', 'region code', 'region name', 'district', 'county', 'city',
    ],
  },
  { id: 'year', label: '年份', names: ['年份', '年度', 'year'] },
  { id: 'value', label: '数值', names: ['数值', '指标值', '值', 'value'] },
  { id: 'numerator', label: '分子', names: ['分子', 'numerator'] },
  { id: 'denominator', label: '分母', names: ['分母', 'denominator'] },
  { id: 'sex', label: '性别', names: ['性别', 'sex', 'gender'] },
  { id: 'residence', label: '城乡', names: ['城乡', 'area', 'residence'] },
  { id: 'unit', label: '单位', names: ['单位', '计量单位', 'unit'] },
  { id: 'note', label: '备注', names: ['备注', '说明', 'note', 'notes', 'remark', 'remarks'] },
];

/**
 * Context columns a return form may carry (a 统计监测表's 序号, the plan's target
 * as words): read by people, not by plancheck, so they are passed over silently.
 */
export const CONTEXT_COLUMN_NAMES: readonly string[] = ['序号', '编号', '规划目标', '目标值', '目标', '规划目标值', '指标说明', '填报说明', 'no', 'no.', 'target', 'target text'];

/** 0-based index of each column found. */
export type ColumnIndex<C extends string> = Partial<Record<C, number>>;

const TRAILING_BRACKETS = /\s*[(（[【][^()（）[\]【】]*[)）\]】]$/u;

export function headerKey(cell: string): string {
  return halfWidth(cell).trim().replace(TRAILING_BRACKETS, '').replace(/[\s_-]+/gu, ' ').trim().toLowerCase();
}

export function mapHeader<C extends string>(
  header: readonly string[],
  specs: readonly ColumnSpec<C>[],
  where: HeaderPlace,
  ignored: readonly string[] = [],
): { columns: ColumnIndex<C>; diagnostics: Diagnostic[] } {
  const byName = new Map<string, ColumnSpec<C>>();
  for (const spec of specs) for (const name of spec.names) byName.set(headerKey(name), spec);
  const ignore = new Set(ignored.map(headerKey));

  const columns: ColumnIndex<C> = {};
  const diagnostics: Diagnostic[] = [];
  header.forEach((cell, i) => {
    const at = locate(where, where.line, i + 1);
    const key = headerKey(cell);
    // Excel leaves empty header cells after the last column; they say nothing.
    if (key === '' || ignore.has(key)) return;
    const spec = byName.get(key);
    if (!spec) {
      diagnostics.push(diag('warning', 'data/unknown-column', { name: cell.trim(), ...listParam('accepted', specs.map((s) => s.names[0]!)) }, at));
      return;
    }
    const first = columns[spec.id];
    if (first !== undefined) {
      diagnostics.push(diag('error', 'data/duplicate-column', { name: cell.trim(), label: spec.label, field: spec.id, first: first + 1 }, at));
      return;
    }
    columns[spec.id] = i;
  });
  return { columns, diagnostics };
}

/** The error for a required column the header lacks, naming the header names that would do. */
export function missingColumn<C extends string>(spec: ColumnSpec<C>, where: HeaderPlace): Diagnostic {
  return diag('error', 'data/missing-column', { field: spec.id, label: spec.label, ...listParam('accepted', spec.names) }, locate(where, where.line, 1));
}

export function specOf<C extends string>(specs: readonly ColumnSpec<C>[], id: C): ColumnSpec<C> {
  const spec = specs.find((s) => s.id === id);
  if (!spec) throw new Error(`no column spec for ${id}`);
  return spec;
}

/**
 * The columns of a return. It needs an indicator, a year, and a value or both
 * numerator and denominator to compute it from.
 */
export function mapReturnHeader(
  header: readonly string[],
  where: HeaderPlace,
  has: { year?: boolean } = {},
): { columns: ColumnIndex<ReturnColumn>; diagnostics: Diagnostic[] } {
  const { columns, diagnostics } = mapHeader(header, RETURN_COLUMNS, where, CONTEXT_COLUMN_NAMES);
  return { columns, diagnostics: [...diagnostics, ...checkReturnColumns(columns, where, has)] };
}

/**
 * What the columns of a long return must be: an indicator, a year, and a value or
 * both numerator and denominator. A lone half of a ratio beside a value is dropped
 * from `columns` with a warning.
 */
export function checkReturnColumns(columns: ColumnIndex<ReturnColumn>, where: HeaderPlace, has: { year?: boolean; value?: boolean } = {}): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const need = (id: ReturnColumn): void => void diagnostics.push(missingColumn(specOf(RETURN_COLUMNS, id), where));
  if (columns.indicator === undefined) need('indicator');
  if (columns.year === undefined && !has.year) need('year');
  if (has.value) return diagnostics;
  const hasNumerator = columns.numerator !== undefined;
  const hasDenominator = columns.denominator !== undefined;
  if (columns.value === undefined) {
    if (hasNumerator && !hasDenominator) need('denominator');
    else if (hasDenominator && !hasNumerator) need('numerator');
    else if (!hasNumerator) {
      diagnostics.push(diag('error', 'data/missing-value-column', listParam('accepted', specOf(RETURN_COLUMNS, 'value').names), locate(where, where.line, 1)));
    }
  } else if (hasNumerator !== hasDenominator) {
    // With a value column the lone half of a ratio is only unusable, not fatal.
    const lone: ReturnColumn = hasNumerator ? 'numerator' : 'denominator';
    const other: ReturnColumn = hasNumerator ? 'denominator' : 'numerator';
    const index = columns[lone] ?? 0;
    diagnostics.push(diag('warning', 'data/lone-ratio-column', { label: specOf(RETURN_COLUMNS, lone).label, field: lone, other: specOf(RETURN_COLUMNS, other).label, otherField: other }, locate(where, where.line, index + 1)));
    delete columns[lone];
  }
  return diagnostics;
}
