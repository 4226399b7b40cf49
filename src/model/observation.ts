// What a return says, once read: one observed value of one indicator, for one
// region, year and disaggregation.
import type { Where } from '../diagnostics.js';
import type { Residence, Sex } from './disaggregation.js';

/** Where a value came from: a row of a return, for located messages. */
export interface RowRef {
  file: string;
  /** 1-based line of the row in the file (header is line 1 for a plain CSV), or its row number in a sheet. */
  line: number;
  /** In a wide CSV, the column of the value's cell. */
  column?: number;
  /** In a workbook, the sheet and the address of the value's cell. */
  sheet?: string;
  cell?: string;
}

export interface Observation {
  indicatorId: string;
  regionCode: string;
  year: number;
  sex: Sex;
  residence: Residence;
  /** The value in the indicator's own unit; boolean for yes/no indicators. null = reported missing. */
  value: number | boolean | null;
  numerator?: number;
  denominator?: number;
  /** 备注 of the rows it was computed from. */
  notes: string[];
  /** True when computed from sub-regions or from parts, not read from a row. */
  derived: boolean;
  /** Rows it was read or derived from. */
  rows: RowRef[];
  /**
   * Set when the rows for this cell cannot be trusted: conflicting duplicates,
   * a value that disagrees with its numerator/denominator. The engine reports
   * such a cell as `invalid` instead of evaluating it.
   */
  invalid?: string;
  /** The unit the value was written in (`0.15%` for a ‰ indicator), when it was converted. */
  unitGiven?: string;
  /** Where its value, numerator and denominator cells are, for findings about them. */
  at?: { value?: Where; numerator?: Where; denominator?: Where };
}

/** Key of one cell: indicator × region × year × sex × residence. */
export function cellKey(o: Pick<Observation, 'indicatorId' | 'regionCode' | 'year' | 'sex' | 'residence'>): string {
  return `${o.indicatorId}\u0000${o.regionCode}\u0000${o.year}\u0000${o.sex}\u0000${o.residence}`;
}
