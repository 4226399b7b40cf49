// Build a Plan from the texts of its rule files: parse, validate against the
// schemas, then check the files against each other. Pure: the CLI reads the files.
import { diag, hasErrors, type Diagnostic } from '../diagnostics.js';
import type { Area, Indicator, Level, Plan, Region, Target } from './model.js';
import { checkSchema } from './schema-check.js';
import { locate, parseYaml, type YamlSource } from './yaml-source.js';
import { crossCheck } from './cross-check.js';

export interface PlanFileText {
  /** Path as the user should see it in messages. */
  file: string;
  text: string;
}

export interface LoadedPlan {
  plan?: Plan;
  diagnostics: Diagnostic[];
}

export const PLAN_FILE = 'plan.yaml';

interface RawPlan {
  id: string;
  title: string;
  titleEn?: string;
  period: { start: number; end: number };
  baselineYear: number;
  midtermYear: number;
  finalYear: number;
  populationIndicator?: string;
  levels: Level[];
  areas: Area[];
  regions: Array<Omit<Region, 'aliases'> & { aliases?: string[] }>;
}

interface RawIndicator extends Omit<Indicator, 'aliases' | 'area' | 'origin'> {
  aliases?: string[];
}

interface RawArea {
  area: string;
  indicators: RawIndicator[];
}

export function loadPlan(dir: string, files: PlanFileText[]): LoadedPlan {
  const diagnostics: Diagnostic[] = [];
  const planFile = files.find((f) => baseName(f.file) === PLAN_FILE);
  if (!planFile) {
    return { diagnostics: [diag('error', 'plan/no-plan-file', { dir, name: PLAN_FILE })] };
  }
  const areaFiles = files.filter((f) => f !== planFile);

  const head = readOne(planFile, 'plan', diagnostics);
  const areaSources: YamlSource[] = [];
  for (const f of areaFiles) {
    const s = readOne(f, 'area', diagnostics);
    if (s) areaSources.push(s);
  }
  if (!head || hasErrors(diagnostics)) return { diagnostics };

  const raw = head.value as RawPlan;
  const indicators: Indicator[] = [];
  for (const source of areaSources) {
    const area = source.value as RawArea;
    area.indicators.forEach((ind, i) => {
      const { line } = locate(source, ['indicators', i]);
      indicators.push({
        ...ind,
        aliases: ind.aliases ?? [],
        area: area.area,
        origin: { file: source.file, line },
        ...(ind.target ? { target: ind.target as Target } : {}),
      });
    });
  }
  const plan: Plan = {
    id: raw.id,
    title: raw.title,
    ...(raw.titleEn ? { titleEn: raw.titleEn } : {}),
    period: raw.period,
    baselineYear: raw.baselineYear,
    midtermYear: raw.midtermYear,
    finalYear: raw.finalYear,
    levels: raw.levels,
    areas: raw.areas,
    regions: raw.regions.map((r) => ({ ...r, aliases: r.aliases ?? [] })),
    indicators,
    ...(raw.populationIndicator ? { populationIndicator: raw.populationIndicator } : {}),
    dir,
  };
  diagnostics.push(...crossCheck(plan, head, areaSources));
  return hasErrors(diagnostics) ? { diagnostics } : { plan, diagnostics };
}

function readOne(f: PlanFileText, kind: 'plan' | 'area', out: Diagnostic[]): YamlSource | undefined {
  const { source, diagnostics } = parseYaml(f.file, f.text);
  out.push(...diagnostics);
  if (diagnostics.length) return undefined;
  if (source.value === null || typeof source.value !== 'object' || Array.isArray(source.value)) {
    out.push(diag('error', 'plan/not-a-mapping', {}, { file: f.file, line: 1, column: 1 }));
    return undefined;
  }
  const schemaFindings = checkSchema(kind, source);
  out.push(...schemaFindings);
  return schemaFindings.length ? undefined : source;
}

function baseName(p: string): string {
  return p.split(/[\\/]/).pop() ?? p;
}
