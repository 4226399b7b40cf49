// A data row of a return → the store: the interface of the two row readers, and the general
// one, which reads any row of any layout cell by cell, with a diagnostic for each problem:
// the row's long views (layout.ts), each an observation (observation.ts), into the store
// (store.ts). The other, fast-rows.ts, stores the ordinary rows of a long CSV without making
// an object of them, and hands every other row to this one.
import type { Diagnostic } from '../diagnostics.js';
import type { ReturnsContext } from './context.js';
import type { GridRow } from './grid.js';
import type { LayoutFound } from './layout.js';
import { readObservation } from './observation.js';
import type { CellBook } from './store.js';

export interface RowReader {
  /** A data row (any row after the header): what it holds into the store, its problems into the diagnostics. */
  readRow(row: GridRow): void;
}

export class GeneralRows implements RowReader {
  constructor(
    private readonly layout: LayoutFound,
    private readonly ctx: ReturnsContext,
    private readonly book: CellBook,
    private readonly diagnostics: Diagnostic[],
  ) {}

  readRow(row: GridRow): void {
    const read = this.layout.viewsOf(row);
    if (!read) return;
    const { views } = read;
    const { diagnostics } = this;
    diagnostics.push(...read.diagnostics);
    // A wide row's own cells (indicator, 性别 …) are read once per year or region: say their problems once.
    const seen = views.length > 1 ? new Set<string>() : undefined;
    for (const view of views) {
      const result = readObservation(view, this.ctx);
      for (const list of [view.problems, result.diagnostics]) {
        for (const d of list) {
          if (seen) {
            const key = `${d.code}\u0000${d.line}\u0000${d.column}`;
            if (seen.has(key)) continue;
            seen.add(key);
          }
          diagnostics.push(d);
        }
      }
      // A form row not filled in says nothing: it is not a "reported missing" value.
      if (result.observation && !view.blank) this.book.add(result.observation, result.shown, diagnostics);
    }
  }
}
