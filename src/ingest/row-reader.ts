// A data row of a return → the store: the interface of the two row readers, and the general
// one, which reads any row of any layout cell by cell, with a diagnostic for each problem:
// the row's long views (layout.ts), each an observation (observation.ts), into the store
// (store.ts). The other, fast-rows.ts, stores the ordinary rows of a long CSV without making
// an object of them, and hands every other row to this one.
import { diag, listParam, pushOpen, type Diagnostic, type FindingSink, type Where } from '../diagnostics.js';
import { escapeControls } from '../text/controls.js';
import type { ReturnsContext } from './context.js';
import type { GridRow } from './grid.js';
import type { LayoutFound } from './layout.js';
import { readObservation } from './observation.js';
import type { CellBook } from './store.js';

export interface RowReader {
  /** A data row (any row after the header): what it holds into the store, its problems into the diagnostics. */
  readRow(row: GridRow): void;
}

/** Names of indicators not in the plan a finding lists; a 监测表 has a few dozen at most. */
const NAMES_LISTED = 50;

export class GeneralRows implements RowReader {
  /** The one finding listing the indicators of this file the plan does not have, once there is one. */
  private notInPlanFinding: Diagnostic | undefined;
  private readonly notInPlanNames = new Set<string>();
  private notInPlanLine = -1;
  private readonly once = new Map<string, Diagnostic>();

  constructor(
    private readonly layout: LayoutFound,
    private readonly ctx: ReturnsContext,
    private readonly book: CellBook,
    private readonly diagnostics: FindingSink,
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
      if (result.notInPlan) {
        this.notInPlan(result.notInPlan.text, result.notInPlan.at, row.line);
        continue;
      }
      for (const list of [view.problems, result.diagnostics]) {
        for (const d of list) {
          if (d.code === 'data/unit-in-cell-read') {
            if (!this.counted(d)) pushOpen(diagnostics, d);
            continue;
          }
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

  /**
   * A finding said once for the file, at its first place, with the count of the places: a
   * unit typed in the cells of one indicator, read as its own. True when it was counted into
   * the first one; false for the first, which the caller adds (as open: its count grows).
   */
  private counted(d: Diagnostic): boolean {
    const key = `${d.code}\u0000${String(d.params.indicator)}\u0000${String(d.params.unit)}`;
    const first = this.once.get(key);
    if (!first) {
      this.once.set(key, d);
      return false;
    }
    first.params.count = Number(first.params.count) + 1;
    return true;
  }

  /**
   * A row of an indicator the plan does not have: not read, and said once for the file, in
   * one finding at its first row that lists the names (at most NAMES_LISTED) and counts the rows.
   */
  private notInPlan(name: string, at: Where, line: number): void {
    let d = this.notInPlanFinding;
    if (!d) {
      d = this.notInPlanFinding = diag('warning', 'data/indicators-not-in-plan', { rows: 0 }, at);
      pushOpen(this.diagnostics, d);
    }
    if (line !== this.notInPlanLine) d.params.rows = Number(d.params.rows) + 1;
    this.notInPlanLine = line;
    const names = this.notInPlanNames;
    const shown = escapeControls(name.trim());
    if (names.size >= NAMES_LISTED || names.has(shown)) return;
    names.add(shown);
    Object.assign(d.params, { count: names.size, ...listParam('names', [...names]) });
  }
}
