// plan + returns → the report model (pure). The engine evaluates every year in the data
// (and the stage year, if the data lacks it); progress paces the stage year's verdicts.
import type { Diagnostic } from '../diagnostics.js';
import { deriveCells } from '../engine/derive.js';
import { evaluate, type Result, type ReturnCells } from '../engine/evaluate.js';
import type { ProgressMethod } from '../engine/progress.js';
import type { BaselineChoice } from '../engine/baseline.js';
import { unitsWithoutData } from '../engine/units-without-data.js';
import type { Observation } from '../model/observation.js';
import type { RegionIndex } from '../plan/lookup.js';
import type { Indicator, Plan } from '../plan/model.js';
import { breakdownsFor } from './breakdowns.js';
import type { AreaReport, Chance, IndicatorReport, RegionRef, RegionReport, Report, Stage, YearValue } from './model.js';
import { identityOf } from './identity.js';
import { notesOf } from './notes.js';
import { resultProgress, type ProgressScope } from './progress-at.js';
import { atRiskOf, summaryOf, warningsOf } from './summary.js';

export interface ReportOptions {
  stage: Stage;
  /** The year looked at; default: the plan's mid-term or final year. */
  year?: number;
  method?: ProgressMethod;
  /** The top region's baseline where the plan states one: the plan's figure (default) or the return's. */
  baseline?: BaselineChoice;
  /** Region codes; default: every plan region in the data or derivable from it. */
  regions?: string[];
}

export function stageYear(plan: Pick<Plan, 'midtermYear' | 'finalYear'>, stage: Stage): number {
  return stage === 'midterm' ? plan.midtermYear : plan.finalYear;
}

export function buildReport(
  plan: Plan,
  regions: RegionIndex,
  observations: ReturnCells,
  options: ReportOptions,
  diagnostics: Diagnostic[] = [],
): Report {
  const year = options.year ?? stageYear(plan, options.stage);
  const method = options.method ?? 'linear';
  const baseline = options.baseline ?? 'plan';
  const regionOption = { baseline, ...(options.regions ? { regions: options.regions } : {}) };
  const all = evaluate(plan, regions, observations, { year: 'all', ...regionOption });
  const results = all.years.includes(year) ? all.results : [...all.results, ...evaluate(plan, regions, observations, { year, ...regionOption }).results];
  const verdicts = new Map<string, Result>(results.map((r) => [key(r.id, r.region.code, r.year), r]));
  const cells = deriveCells(observations, plan.indicators, regions);
  const scope: ProgressScope = { plan, regions, cells, method, baseline };
  const years = range(plan.baselineYear, year);

  const stageResults = results.filter((r) => r.year === year);
  const reported = uniqueRegions(stageResults);
  const indicators = new Map(plan.indicators.map((i) => [i.id, i] as const));

  const areas: AreaReport[] = [];
  for (const area of plan.areas) {
    const list: IndicatorReport[] = [];
    for (const ind of plan.indicators) {
      if (ind.area !== area.id || !ind.target) continue;
      const here = stageResults.filter((r) => r.id === ind.id);
      if (here.length === 0) continue;
      list.push(indicatorReport(ind, here, (r) => regionReport(scope, indicators.get(r.id)!, r, years, verdicts, options.stage === 'final')));
    }
    if (list.length) areas.push({ area: { id: area.id, name: area.name, ...(area.nameEn ? { nameEn: area.nameEn } : {}) }, indicators: list });
  }

  const top = reported.find((r) => r.code === regions.top.code);
  return {
    plan: { id: plan.id, title: plan.title, ...(plan.titleEn ? { titleEn: plan.titleEn } : {}) },
    stage: options.stage,
    year,
    baselineYear: plan.baselineYear,
    finalYear: plan.finalYear,
    method,
    baseline,
    years,
    regions: reported,
    levels: plan.levels.map((l) => ({ id: l.id, name: l.name, ...(l.nameEn ? { nameEn: l.nameEn } : {}) })),
    chartRegion: (top ?? reported[0])?.code ?? null,
    summary: summaryOf(areas),
    atRisk: atRiskOf(areas),
    warnings: options.stage === 'final' ? [] : warningsOf(areas, top?.code),
    areas,
    notes: notesOf(cells, plan.indicators.filter((i) => i.target), regions, year),
    diagnostics,
    unitsWithoutData: unitsWithoutData(stageResults),
  };
}

function indicatorReport(ind: Indicator, results: Result[], region: (r: Result) => RegionReport): IndicatorReport {
  const first = results[0]!;
  return {
    ...identityOf(ind),
    direction: ind.direction,
    text: ind.text,
    target: ind.target!,
    description: first.target.description,
    source: ind.source,
    ...(ind.baseline ? { planBaseline: { year: ind.baseline.year, value: ind.baseline.value, source: ind.baseline.source } } : {}),
    regions: results.map(region),
  };
}

function regionReport(scope: ProgressScope, ind: Indicator, r: Result, years: number[], verdicts: Map<string, Result>, final: boolean): RegionReport {
  const values: YearValue[] = years.map((y) => {
    const v = verdicts.get(key(r.id, r.region.code, y));
    return { year: y, value: v?.value ?? null, status: v?.status ?? 'no-data', derived: v?.derived ?? false };
  });
  const { progress, parts, units, metUnits } = resultProgress(scope, ind, r);
  return {
    region: r.region,
    status: r.status,
    value: r.value,
    gap: r.gap,
    threshold: r.threshold,
    derived: r.derived,
    values,
    progress,
    ...(parts ? { parts } : {}),
    ...(units ? { units, unitCount: r.unitCount ?? 0, missingUnitCount: r.missingUnitCount ?? 0 } : {}),
    ...(metUnits ? { metUnits } : {}),
    breakdowns: breakdownsFor(scope.cells, r.id, r.region.code, years),
    notes: r.notes,
    // A final verdict is never softened by chance: it states the miss in events instead.
    ...(final ? {} : chanceOf(r)),
    ...(final && r.missEvents !== undefined ? { missEvents: r.missEvents } : {}),
    ...(r.reason && wordedReason(r.reason.code) ? { reason: r.reason } : {}),
  };
}

/** The reasons the report words: a trend's (why it is missed) and a miss proven from a region's own value. */
const wordedReason = (code: string): boolean => code.startsWith('reason/trend-') || code.startsWith('reason/units-proven');

/** The verdict's `chance`, once the engine gives it (an optional field of Result). */
function chanceOf(r: Result): { chance?: Chance } {
  const chance = (r as Result & { chance?: unknown }).chance;
  return chance === 'within-chance' || chance === 'met-uncertain' ? { chance } : {};
}

function uniqueRegions(results: readonly Result[]): RegionRef[] {
  const seen = new Map<string, RegionRef>();
  for (const r of results) if (!seen.has(r.region.code)) seen.set(r.region.code, r.region);
  return [...seen.values()];
}

const key = (id: string, region: string, year: number) => `${id}\u0000${region}\u0000${year}`;

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}
