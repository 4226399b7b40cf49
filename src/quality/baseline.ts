// The plan's stated baseline against the returns' own figure for the same region and year
// (CONTRACT §2 “Baselines”): where a return's baseline-year row for the region the plan
// describes differs from the plan's figure beyond rounding, a located finding names both and
// says which one the changes, paces and trends are measured from (the plan's, unless
// `--baseline returns`). A derived row (Σ/Σ of the 市(区)) is said as derived.
import { diag, type Diagnostic } from '../diagnostics.js';
import { differsBeyondRounding, type BaselineChoice } from '../engine/baseline.js';
import { deriveCells } from '../engine/derive.js';
import type { ReturnCells } from '../engine/evaluate.js';
import type { RegionIndex } from '../plan/lookup.js';
import type { Indicator, Plan } from '../plan/model.js';
import { CellStore } from '../model/cells.js';
import { t } from '../i18n/index.js';
import { whereOf } from './consistency.js';
import { describeCell, type Describe } from './describe.js';

export function baselineDifferences(plan: Plan, regions: RegionIndex, observations: ReturnCells, describe: Describe, choice: BaselineChoice = 'plan'): Diagnostic[] {
  const stated = plan.indicators.filter((i) => i.baseline);
  if (stated.length === 0) return [];
  const given = observations instanceof CellStore ? observations : new CellStore(observations);
  const at = (store: CellStore, i: Indicator) => store.get(i.id, regions.top.code, i.baseline!.year, 'total', 'total');
  // Derived (Σ/Σ of the 市(区)) only where the return does not give the row itself: deriving copies the store.
  const toDerive = stated.filter((i) => !at(given, i));
  const derived = toDerive.length ? deriveCells(given, toDerive, regions) : given;
  const out: Diagnostic[] = [];
  for (const indicator of stated) {
    const base = indicator.baseline!;
    const o = at(given, indicator) ?? at(derived, indicator);
    if (!o || o.invalid || typeof o.value !== 'number' || !differsBeyondRounding(base.value, o.value)) continue;
    const value = (x: number) => describe.value({ indicatorId: indicator.id, value: x });
    out.push(diag('warning', `quality/baseline-differs-${choice}`, {
      indicator: describe.indicator(indicator.id),
      cell: describeCell(describe, o) + (o.derived ? t(describe.lang, 'quality/derived-cell') : ''),
      returned: value(o.value),
      stated: value(base.value),
      year: base.year,
    }, whereOf(o, 'value')));
  }
  // In the order of the return's rows, as the other findings are.
  return out.sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0));
}
