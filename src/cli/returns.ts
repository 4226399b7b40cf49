// Reading the returns named on the command line ('-' = standard input) and the regions file.
import { resolve } from 'node:path';
import { PlancheckError, type Diagnostic } from '../diagnostics.js';
import { readRegionsFile } from '../ingest/regions-file.js';
import { readReturns } from '../ingest/read-returns.js';
import type { Observation } from '../ingest/observation.js';
import { indexes, type IndicatorIndex, type RegionIndex } from '../plan/lookup.js';
import type { Plan } from '../plan/model.js';
import type { Io } from './io.js';

export interface Inputs {
  indicators: IndicatorIndex;
  regions: RegionIndex;
  observations: Observation[];
  diagnostics: Diagnostic[];
  /** Absolute paths of every input, so that -o never overwrites one. */
  inputPaths: string[];
  encodings: Record<string, string>;
}

function readBytes(io: Io, path: string): Uint8Array {
  if (path === '-') return io.readStdin();
  try {
    return io.readFile(resolve(io.cwd, path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new PlancheckError(code === 'EISDIR' ? 'cli/is-dir' : 'cli/no-file', { path });
  }
}

export function readInputs(io: Io, plan: Plan, dataPaths: string[], regionsPath: string | undefined): Inputs {
  const diagnostics: Diagnostic[] = [];
  let extraRegions: Plan['regions'] = [];
  if (regionsPath !== undefined) {
    const read = readRegionsFile({ file: regionsPath, bytes: readBytes(io, regionsPath) }, plan);
    diagnostics.push(...read.diagnostics);
    extraRegions = read.regions;
  }
  const { indicators, regions } = indexes(plan, extraRegions);
  if (dataPaths.length === 0) throw new PlancheckError('cli/no-data-files');
  const files = dataPaths.map((p) => ({ file: p === '-' ? '<stdin>' : p, bytes: readBytes(io, p) }));
  const read = readReturns(files, { plan, indicators, regions });
  diagnostics.push(...read.diagnostics);
  const inputPaths = [...dataPaths, ...(regionsPath ? [regionsPath] : [])].filter((p) => p !== '-').map((p) => resolve(io.cwd, p));
  return { indicators, regions, observations: read.observations, diagnostics, inputPaths, encodings: read.encodings };
}
