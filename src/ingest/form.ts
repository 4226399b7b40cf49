// A blank return form for the plan: a row per indicator × region × year (and per
// 城市/农村 or 男/女 part where a split target judges the parts), with the unit and the
// target's wording as context. Its header uses the names the row reader accepts and
// its context columns are ones the reader passes over, so a filled-in form is read
// back with no edits (tests/template round-trips one).
import type { IndicatorIndex, RegionIndex } from '../plan/lookup.js';
import type { ConditionalTarget, Indicator, Part, Plan, Region, Target } from '../plan/model.js';

export type FormColumn = 'indicator' | 'region' | 'year' | 'sex' | 'residence' | 'value' | 'numerator' | 'denominator' | 'unit' | 'target' | 'hint' | 'note';

/** Header of each column, as the row reader knows it (header.ts) or passes it over (context columns). */
export const FORM_HEADER: Record<FormColumn, string> = {
  indicator: '指标',
  region: '地区',
  year: '年份',
  sex: '性别',
  residence: '城乡',
  value: '数值',
  numerator: '分子',
  denominator: '分母',
  unit: '单位',
  target: '规划目标',
  hint: '填报说明',
  note: '备注',
};
export const FORM_COLUMNS = Object.keys(FORM_HEADER) as FormColumn[];
/** Columns the statistician fills in; the others are context. */
export const INPUT_COLUMNS: ReadonlySet<FormColumn> = new Set(['value', 'numerator', 'denominator', 'note']);

export type HintKey = 'rate' | 'count' | 'value' | 'boolean' | 'derivable' | 'baseline' | 'units-unknown';

export interface FormRow {
  indicator: Indicator;
  region: Region;
  /** What the region cell says: the name, or the code when the name is ambiguous. */
  regionText: string;
  year: number;
  part?: Part;
  /** The target as the plan words it (the part's own wording for a split target). */
  targetText: string;
  /** Whether numerator and denominator make sense (rates only). */
  ratio: boolean;
  hints: HintKey[];
}

export interface FormOptions {
  years: number[];
  /** Region codes in scope; default: the plan's own regions. */
  regions?: string[];
}

const PART_WORD: Record<Part, { column: 'sex' | 'residence'; text: string }> = {
  male: { column: 'sex', text: '男' },
  female: { column: 'sex', text: '女' },
  urban: { column: 'residence', text: '城市' },
  rural: { column: 'residence', text: '农村' },
};

export function partCell(part: Part | undefined, column: 'sex' | 'residence'): string {
  return part && PART_WORD[part].column === column ? PART_WORD[part].text : '';
}

export function buildForm(plan: Plan, indexes: { indicators: IndicatorIndex; regions: RegionIndex }, options: FormOptions): FormRow[] {
  const { regions } = indexes;
  const scope = (options.regions ?? plan.regions.map((r) => r.code)).map((c) => regions.get(c)).filter((r): r is Region => r !== undefined);
  const areaOrder = (id: string) => plan.areas.findIndex((a) => a.id === id);
  const withTarget = plan.indicators.filter((i) => i.target).sort((a, b) => areaOrder(a.area) - areaOrder(b.area));
  // Context an evaluation reads: the indicator a conditional target's condition looks at (population).
  const conditionIds = new Set(withTarget.flatMap((i) => conditions(i.target!)));
  const context = plan.indicators.filter((i) => !i.target && conditionIds.has(i.id));
  // The level of the units a conditional target applies to, for the indicator its condition reads.
  const conditionLevel = new Map<string, string>();
  for (const i of withTarget) for (const c of conditionalsOf(i.target!)) if (!conditionLevel.has(c.when.indicator)) conditionLevel.set(c.when.indicator, c.level);

  const regionText = (r: Region) => (regions.find(r.name).found?.code === r.code ? r.name : r.code);
  const rows: FormRow[] = [];
  for (const year of options.years) {
    for (const indicator of [...withTarget, ...context]) {
      const target = indicator.target;
      const level = target ? levelsOf(target)[0] : conditionLevel.get(indicator.id);
      let units = level !== undefined ? unitsAt(scope, level, regions) : scope;
      const hints: HintKey[] = [indicator.measure === 'rate' ? 'rate' : indicator.measure === 'boolean' ? 'boolean' : indicator.measure === 'count' ? 'count' : 'value'];
      if (level !== undefined && units.length === 0) {
        units = scope;
        hints.push('units-unknown');
      }
      if (target && needsBaseline(target) && !options.years.includes(plan.baselineYear)) hints.push('baseline');
      const parts = target ? partsOf(target) : [{}];
      for (const region of units) {
        // A city's rate or count is summed from all of its units when it is left empty.
        const derivable = (indicator.measure === 'rate' || indicator.measure === 'count') && regions.children(region.code).length > 0 && units.some((u) => u.parent === region.code);
        for (const p of parts) {
          rows.push({
            indicator,
            region,
            regionText: regionText(region),
            year,
            ...(p.part ? { part: p.part } : {}),
            targetText: p.text ?? indicator.text,
            ratio: indicator.measure === 'rate',
            hints: derivable ? [...hints, 'derivable'] : hints,
          });
        }
      }
    }
  }
  return rows;
}

function conditionalsOf(t: Target): ConditionalTarget[] {
  if (t.kind === 'conditional') return [t, ...conditionalsOf(t.target)];
  if (t.kind === 'every-unit') return conditionalsOf(t.target);
  if (t.kind === 'split') return t.parts.flatMap((p) => conditionalsOf(p.target));
  return [];
}

function conditions(t: Target): string[] {
  return conditionalsOf(t).map((c) => c.when.indicator);
}

/** The level a target is judged at, for every-unit and conditional targets. */
function levelsOf(t: Target): string[] {
  if (t.kind === 'every-unit' || t.kind === 'conditional') return [t.level];
  return [];
}

function needsBaseline(t: Target): boolean {
  if (t.kind === 'change' || t.kind === 'yearly-change' || t.kind === 'trend') return true;
  if (t.kind === 'every-unit' || t.kind === 'conditional') return needsBaseline(t.target);
  if (t.kind === 'split') return t.parts.some((p) => needsBaseline(p.target));
  return false;
}

function partsOf(t: Target): Array<{ part?: Part; text?: string }> {
  if (t.kind === 'split') return t.parts.map((p) => ({ part: p.part, text: p.text }));
  if (t.kind === 'every-unit' || t.kind === 'conditional') return partsOf(t.target);
  return [{}];
}

/** Every unit at a level within the regions in scope, each once, in the order of the scope. */
function unitsAt(scope: Region[], level: string, regions: RegionIndex): Region[] {
  const seen = new Set<string>();
  const out: Region[] = [];
  for (const r of scope) {
    for (const u of regions.unitsAt(r.code, level)) {
      if (seen.has(u.code)) continue;
      seen.add(u.code);
      out.push(u);
    }
  }
  return out;
}
