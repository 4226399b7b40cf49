// The units a unit-level target (以乡(镇)为单位 …) found without data, one finding each, for
// --diagnostics FILE. A result names its units without data only while some unit has data
// (src/engine/kinds/every-unit.ts); when none has, it counts them, and this is where they are
// named. A unit is named once per indicator and year, however many regions above it judged it.
import { diag, type Diagnostic } from '../diagnostics.js';
import type { Result } from './evaluate.js';

export function unitsWithoutData(results: readonly Result[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const r of results) {
    for (const units of [r.missingUnits, r.unitsWithoutData]) {
      for (const u of units ?? []) {
        const key = `${r.id}\u0000${r.year}\u0000${u.code}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(diag('info', 'evaluate/unit-no-data', { indicator: r.name, year: r.year, unit: u.name, code: u.code }));
      }
    }
  }
  return out;
}
