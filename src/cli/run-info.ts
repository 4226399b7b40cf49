// What a document says about the run that made it: the day, plancheck's version and the
// files read. The day is today's, in local time; SOURCE_DATE_EPOCH (seconds, the
// reproducible-builds convention) sets it, for a document that must come out the same later.
import { PlancheckError } from '../diagnostics.js';
import type { RunInfo } from '../format/records.js';
import type { Io } from './io.js';
import { VERSION } from './program.js';

export function runInfo(io: Io, data: readonly string[], regions: string | undefined, now: Date = new Date()): RunInfo {
  return { date: runDate(io, now), version: VERSION, data: [...data], ...(regions !== undefined ? { regions } : {}) };
}

function runDate(io: Io, now: Date): string {
  const epoch = io.env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d{1,12}$/.test(epoch)) throw new PlancheckError('cli/bad-option', { option: 'SOURCE_DATE_EPOCH', value: epoch, allowed: 'seconds since 1970-01-01 UTC' });
    return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
