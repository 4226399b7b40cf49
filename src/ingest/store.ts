// The store stage: what the row readers read, into the model's CellStore — an observation
// as an object, an ordinary row's cell as column entries — with a diagnostic for a cell
// given twice; and the cells back as observations, in the order of the returns.
import { diag, placeText, type FindingSink } from '../diagnostics.js';
import type { RegionIndex } from '../plan/lookup.js';
import { CellStore, slot, type CellSource } from '../model/cells.js';
import type { Observation, RowRef } from '../model/observation.js';
import type { Cell } from './grid.js';

/**
 * Observations by cell, in a CellStore. Two rows for one cell are a conflict when their
 * values differ (never "last one wins"), a harmless repeat when they agree.
 */
export class CellBook {
  readonly cells: CellStore;
  /** The value of a cell's first row as written, for a message about a later row. */
  private readonly written = new WeakMap<Observation, string>();

  constructor(regions: RegionIndex) {
    // The regions known numbered as the index numbers them (the plan's first, so that the
    // store's columns for them are short), without a second map of their codes.
    this.cells = new CellStore([], regions);
  }

  /** An observation, with the value as its row shows it (for a message about a repeated row). */
  add(observation: Observation, shown: Cell, diagnostics: FindingSink): void {
    const { cells } = this;
    const s = slot(observation.sex, observation.residence);
    const writtenValue = cells.writtenValue(observation.indicatorId, observation.regionCode, observation.year, s);
    const first = cells.get(observation.indicatorId, observation.regionCode, observation.year, observation.sex, observation.residence);
    if (!first) {
      cells.put(observation);
      this.written.set(observation, shown.text);
      return;
    }
    // A cell kept in columns becomes an object, to carry both rows; its value as written stays known, for a third row.
    if (writtenValue !== undefined) {
      cells.put(first);
      this.written.set(first, writtenValue);
    }
    const row = observation.rows[0];
    const firstRow = first.rows[0];
    if (!row || !firstRow) throw new Error('an observation read from a return has its row');
    const params = { first: refText(firstRow), firstValue: writtenValue ?? this.written.get(first) ?? '', value: shown.text };
    const where = shown.at;
    if (sameValue(first.value, observation.value) && first.numerator === observation.numerator && first.denominator === observation.denominator) {
      diagnostics.push(diag('warning', 'data/duplicate-row', params, where));
    } else {
      diagnostics.push(diag('error', 'data/conflict', params, where));
      first.invalid = 'conflict';
      // An invalid cell counts as data for its region, as when it was read first.
      cells.put(first);
    }
    // Both rows stay cited, and no 备注 is lost.
    first.rows.push(row);
    for (const note of observation.notes) if (!first.notes.includes(note)) first.notes.push(note);
  }

  /**
   * The cell of an ordinary row, as column entries (CellStore.addRead): false, and nothing
   * stored, when the cell is there already; the row then goes to `add` as an observation,
   * which says whether it repeats or conflicts.
   */
  addRead(indicatorId: string, region: number, year: number, s: number, numbers: Float64Array, flags: number, decimals: number, source: number, line: number, scale: number): boolean {
    return this.cells.addRead(indicatorId, region, year, s, numbers, flags, decimals, source, line, scale);
  }

  /** A small number standing for a region, for addRead. */
  regionKey(code: string): number {
    return this.cells.regionKey(code);
  }

  /** Every cell read from a return refused part way (CellStore.dropFile). */
  dropFile(file: string): void {
    this.cells.dropFile(file);
  }

  /** A return whose rows addRead will store; its number. */
  addSource(source: CellSource): number {
    return this.cells.addSource(source);
  }
}

/** The cells of a store as observations, in the order of the returns, their rows and (in a wide return) their columns. */
export function inReturnOrder(cells: CellStore, files: readonly string[]): Observation[] {
  const fileOrder = new Map(files.map((f, i) => [f, i] as const));
  const order = (o: Observation): [number, number, number] => {
    const row = o.rows[0];
    return row ? [fileOrder.get(row.file) ?? 0, row.line, row.column ?? (row.cell ? columnNumber(row.cell) : 0)] : [0, 0, 0];
  };
  const keyed = [...cells.all()].map((o) => ({ o, k: order(o) }));
  keyed.sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.k[2] - b.k[2]);
  return keyed.map((x) => x.o);
}

/** The column number of a cell address (D7 → 4). */
function columnNumber(cell: string): number {
  let n = 0;
  for (const c of cell) {
    const code = c.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + code - 64;
  }
  return n;
}

/** The row a message cites: `file:line` of a CSV row, `file:line:column` of a wide CSV cell, `file:Sheet1!D7` in a workbook. */
function refText(ref: RowRef): string {
  if (ref.sheet !== undefined && ref.cell !== undefined) return placeText({ file: ref.file, sheet: ref.sheet, cell: ref.cell });
  return `${ref.file}:${ref.line}${ref.column !== undefined ? `:${ref.column}` : ''}`;
}

function sameValue(a: Observation['value'], b: Observation['value']): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return a === b;
}
