// What every formatter is given besides the evaluation: the plan, the language and how
// the output is shown. Its own file, so that the formatters' shared pieces (records.ts,
// detail.ts) can both depend on it without depending on each other.
import type { Lang } from '../i18n/index.js';
import type { Plan } from '../plan/model.js';

export interface FormatContext {
  plan: Plan;
  lang: Lang;
  /** Colour in terminal output. */
  color: boolean;
  /** The terminal table's width in columns (default 100); wider text wraps inside its column. */
  width?: number;
  /** The terminal table with one line a result, however wide (--wide). */
  wide?: boolean;
  /**
   * The run named its indicators (--indicator): the terminal table lists each one asked, with
   * data or not. Otherwise it leaves out the indicators the returns give nothing for, in one line.
   */
  indicatorsNamed?: boolean;
  /** What a document says about the run that made it (the workbook's 说明); absent: nothing said. */
  run?: RunInfo;
  /** What `plancheck report` was told about the document: the issuing body and whether to mark the places for the departments' measures. */
  report?: ReportTextOptions;
}

export interface ReportTextOptions {
  /** The issuing body on the Word file's title page (--issuer). */
  issuer?: string;
  /** The marked places 【请相关部门补充主要措施】; false with --no-placeholders. */
  placeholders?: boolean;
}

export interface RunInfo {
  /** The run's day, YYYY-MM-DD. */
  date: string;
  version: string;
  /** The data files as named on the command line. */
  data: string[];
  regions?: string;
}
