import type { FormatContext } from '../../format/index.js';
import { DEFAULT_WIDTH } from '../../text/width.js';
import type { Plan } from '../../plan/model.js';
import type { Io } from '../io.js';
import { parseLang } from '../options.js';

export interface CommonOptions {
  plan?: string;
  lang?: string;
  quiet?: boolean;
  color?: boolean;
  wide?: boolean;
}

/** Colour only on a terminal that has it (not TERM=dumb), never under NO_COLOR or --no-color. */
export function formatContext(io: Io, plan: Plan, opts: CommonOptions): FormatContext {
  const noColor = (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') || io.env.TERM === 'dumb';
  return {
    plan,
    lang: parseLang(opts.lang, io.env),
    color: io.stdoutIsTTY && !noColor && opts.color !== false,
    width: tableWidth(io),
    ...(opts.wide ? { wide: true } : {}),
  };
}

/** The terminal table's width: the terminal's, else COLUMNS, else 100. */
export function tableWidth(io: Io): number {
  return terminalWidth(io) ?? DEFAULT_WIDTH;
}

/** The width the terminal gives: its own, else COLUMNS; undefined when neither says (a pipe, a file, CI). */
export function terminalWidth(io: Io): number | undefined {
  if (io.stdoutIsTTY && io.stdoutColumns) return io.stdoutColumns;
  const columns = Number(io.env.COLUMNS);
  return Number.isInteger(columns) && columns > 0 ? columns : undefined;
}
