// What the page and its worker say to each other (postMessage). The worker runs the CLI's
// own commands (src/cli/commands/) on files held in memory; the page shows what they print
// and write.
import type { Lang } from '../i18n/index.js';

/**
 * A file the user gave: its name (a rule file's path inside its folder) and the file itself,
 * which the worker reads: posting a File copies no bytes, and the page holds none of a large return.
 */
export interface GivenFile {
  name: string;
  file: Blob;
}

/** A file read, as the worker's in-memory folder holds it. */
export interface ReadFile {
  name: string;
  bytes: Uint8Array;
}

/** The page's controls, as the command line's options. */
export interface Choices {
  /** '' for the CLI's default (the latest year with data), 'all', or a year. */
  year: string;
  /** '' for every region, or a region's code. */
  region: string;
  /** 'auto', 'long', 'years' or 'regions'. */
  layout: string;
  stage: 'midterm' | 'final';
  lang: Lang;
}

export type Request =
  /** The plan (the bundled one, or the folder given) checked as `plancheck validate` checks it, and described for the controls. */
  | { type: 'plan'; plan?: GivenFile[]; lang: Lang }
  /** The returns evaluated, the report and the blank form written, as the CLI would. */
  | { type: 'evaluate'; files: GivenFile[]; plan?: GivenFile[]; choices: Choices; env: Record<string, string> };

/** What the controls offer of a plan. */
export interface PlanInfo {
  title: string;
  indicators: number;
  regions: Array<{ code: string; name: string }>;
  years: number[];
}

export interface RunDone {
  type: 'run';
  command: 'evaluate' | 'report' | 'template' | 'validate';
  /** The command line the run stands for, for the page to show. */
  argv: string[];
  /** The exit status the command line gives (0, 1 or 2). */
  code: number;
  stdout: string;
  stderr: string;
  /** Files the command wrote, by the name the page offers them under. */
  outputs: Record<string, Uint8Array>;
  /** evaluate: the results table the CLI wrote as CSV, read back (header, rows). */
  table?: { header: string[]; rows: string[][] };
  /** evaluate: each indicator's declared decimals (the plan's), so the page writes values as the CLI does. */
  decimals?: Record<string, number>;
  /** evaluate with a regions file: its regions the plan does not name (the 乡镇), each under its parent, as --region takes them. */
  units?: Array<{ code: string; name: string; parent: string }>;
}

export type WorkerMessage =
  | { type: 'progress'; command: RunDone['command']; done: number; size: number }
  | { type: 'classified'; returns: string[]; regions?: string }
  | { type: 'plan'; info?: PlanInfo; validate: RunDone }
  | RunDone
  | { type: 'done' }
  /** A failure that is a bug (the CLI would print a stack trace): its message. */
  | { type: 'crash'; message: string };
