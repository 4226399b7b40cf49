// Reading the returns named on the command line ('-' = standard input) and the regions file.
import { join, resolve } from 'node:path';
import { PlancheckError, type Diagnostic, type Findings, type Where } from '../diagnostics.js';
import { readRegionsFile } from '../ingest/regions-file.js';
import { readReturns, readReturnsAsync, type ReadOptions, type ReturnFile, type ReturnsRead } from '../ingest/read-returns.js';
import { headOf, prepend } from '../ingest/pieces.js';
import { LAYOUTS, type Layout, type LayoutChoice } from '../ingest/layout.js';
import type { CellStore } from '../model/cells.js';
import { indexes, type IndicatorIndex, type RegionIndex } from '../plan/lookup.js';
import type { Plan } from '../plan/model.js';
import type { Io } from './io.js';
import { isRuleFileName } from './plan-files.js';

export interface Inputs {
  indicators: IndicatorIndex;
  regions: RegionIndex;
  /** The cells read (src/model/cells.ts). */
  cells: CellStore;
  diagnostics: Diagnostic[];
  /** Absolute paths of every input, so that -o never overwrites one. */
  inputPaths: string[];
  encodings: Record<string, string>;
  /** Layout found (or forced) for each return. */
  layouts: Record<string, Layout>;
  /** Sheet read from each workbook. */
  sheets: Record<string, string>;
  /** The returns as named in messages, in order. */
  files: string[];
}

export interface InputOptions {
  /** --sheet: a workbook's sheet by name or 1-based number. */
  sheet?: string;
  /** --layout: long | years | regions (detected when absent). */
  layout?: string;
  /** --year, when one year is asked for: the year of a return that names none. */
  year?: number;
}

function readBytes(io: Io, path: string): Uint8Array {
  if (path === '-') return io.readStdin();
  try {
    return io.readFile(resolve(io.cwd, path));
  } catch (e) {
    throw fileError(e, path);
  }
}

function fileError(e: unknown, path: string): PlancheckError {
  const code = (e as NodeJS.ErrnoException).code;
  return new PlancheckError(code === 'EISDIR' ? 'cli/is-dir' : 'cli/no-file', { path });
}

/**
 * Above this size a return is read in pieces, never held whole: the size of one piece
 * (src/ingest/read-returns.ts), so that only a return that fits in one is held whole. (At
 * 16 MiB, a 15 MB return held whole, its text and its rows peaked at 210 MB.)
 */
const WHOLE_FILE_BYTES = 4 * 1024 * 1024;

function readReturn(io: Io, path: string): ReturnFile {
  if (path === '-') return io.readStdinChunks ? readStdinReturn(io.readStdinChunks()) : { file: STDIN, bytes: io.readStdin() };
  if (!io.readChunks) return { file: path, bytes: readBytes(io, path) };
  try {
    const { size, chunks } = io.readChunks(resolve(io.cwd, path));
    if (size > WHOLE_FILE_BYTES) return { file: path, chunks };
    // Chunks are copied out as they come: their memory is reused.
    const parts: Uint8Array[] = [];
    for (const chunk of chunks) parts.push(chunk.slice());
    return { file: path, bytes: parts.length === 1 ? parts[0]! : Buffer.concat(parts) };
  } catch (e) {
    throw fileError(e, path);
  }
}

const STDIN = '<stdin>';

/**
 * Standard input, whose size is not known before it ends: held whole when it ends within
 * WHOLE_FILE_BYTES, as a file of that size is; otherwise read on in chunks, as a larger file
 * is, in the same memory and under the same limits.
 */
function readStdinReturn(chunks: Iterable<Uint8Array>): ReturnFile {
  const head = headOf(chunks, WHOLE_FILE_BYTES + 1);
  if (head.done) return { file: STDIN, bytes: head.bytes.slice() };
  return { file: STDIN, chunks: prepend(head.bytes.slice(), head.rest) };
}

export function parseLayout(s: string | undefined): LayoutChoice {
  if (s === undefined || s === 'auto') return 'auto';
  if ((LAYOUTS as readonly string[]).includes(s)) return s as Layout;
  throw new PlancheckError('cli/bad-option', { option: '--layout', value: s, allowed: LAYOUTS.join(', ') });
}

/** The inputs found and opened, their rows not read yet: what a run checks its outputs against before it reads. */
export interface Prepared {
  diagnostics: Diagnostic[];
  indicators: IndicatorIndex;
  regions: RegionIndex;
  files: ReturnFile[];
  inputPaths: string[];
  read: ReadOptions;
}

export function prepareInputs(io: Io, plan: Plan, dataPaths: string[], regionsPath: string | undefined, options: InputOptions = {}): Prepared {
  const read: ReadOptions = {
    layout: parseLayout(options.layout),
    ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
    ...(options.year !== undefined ? { year: options.year } : {}),
  };
  // Standard input ends once read: a second '-' would read as an empty file.
  const stdinReads = [...dataPaths, regionsPath].filter((p) => p === '-').length;
  if (stdinReads > 1) throw new PlancheckError('cli/stdin-twice', { count: stdinReads });
  const diagnostics: Diagnostic[] = [];
  let extraRegions: Plan['regions'] = [];
  if (regionsPath !== undefined) {
    const regionsRead = readRegionsFile({ file: regionsPath, bytes: readBytes(io, regionsPath) }, plan);
    diagnostics.push(...regionsRead.diagnostics);
    extraRegions = regionsRead.regions;
  }
  const { indicators, regions } = indexes(plan, extraRegions);
  if (dataPaths.length === 0) throw new PlancheckError('cli/no-data-files');
  const files = dataPaths.map((p) => readReturn(io, p));
  // Every file the run reads, the plan's rule files included, so that -o never overwrites one.
  const ruleFiles = io.listDir(plan.dir).filter(isRuleFileName).map((n) => join(plan.dir, n));
  const inputPaths = [...dataPaths, ...(regionsPath ? [regionsPath] : [])].filter((p) => p !== '-').map((p) => resolve(io.cwd, p)).concat(ruleFiles);
  return { diagnostics, indicators, regions, files, inputPaths, read };
}

function inputs(p: Prepared, read: ReturnsRead, diagnostics = [...p.diagnostics, ...read.diagnostics]): Inputs {
  return {
    indicators: p.indicators,
    regions: p.regions,
    cells: read.cells,
    diagnostics,
    inputPaths: p.inputPaths,
    encodings: read.encodings,
    layouts: read.layouts,
    sheets: read.sheets,
    files: p.files.map((f) => f.file),
  };
}

/** CSV and text returns only (a workbook is reported as one): for callers that cannot wait. */
export function readInputs(io: Io, plan: Plan, dataPaths: string[], regionsPath: string | undefined, options: InputOptions = {}): Inputs {
  const p = prepareInputs(io, plan, dataPaths, regionsPath, options);
  return inputs(p, readReturns(p.files, { plan, indicators: p.indicators, regions: p.regions }, p.read));
}

/** Where findings about a return as a whole point: the first return (and its sheet). */
export function returnPlace(i: Pick<Inputs, 'files' | 'sheets'>): Where {
  const file = i.files[0];
  if (file === undefined) return {};
  const sheet = i.sheets[file];
  return sheet !== undefined ? { file, sheet } : { file };
}

/**
 * The returns prepared, read into the run's findings (the regions file's first), which
 * keep FINDINGS_KEPT of a kind and hand each on to the --diagnostics file as it comes:
 * `diagnostics` of the result is the findings' list, with all the run put in before.
 */
export async function readPrepared(plan: Plan, p: Prepared, findings: Findings): Promise<Inputs> {
  findings.push(...p.diagnostics);
  const read = await readReturnsAsync(p.files, { plan, indicators: p.indicators, regions: p.regions }, p.read, findings);
  return inputs(p, read, findings.list);
}
