// Build a Plan from the texts of its rule files: parse, validate against the
// schemas, then check the files against each other. Pure: the CLI reads the files.
// Targets are validated against the schema the caller passes: the plan knows no target
// kinds (src/engine/load-plan.ts passes the kinds' own).
import { diag, hasErrors, type Diagnostic } from '../diagnostics.js';
import type { Indicator, Plan, Region, Target } from './model.js';
import type { ConsistencyCheck, PlanWithChecks } from './checks.js';
import { checkSchema, type TargetSchema } from './schema-check.js';
import { locate, parseYaml, type YamlSource } from './yaml-source.js';
import { crossCheck, crossCheckChecks } from './cross-check.js';

export type { ConsistencyCheck, NumeratorCheck, OrderCheck, PlanWithChecks, RangeCheck } from './checks.js';

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
/** The consistency rules between indicators (optional): neither the plan file nor an area file. */
export const CHECKS_FILE = 'checks.yaml';

/** plan.yaml as written: the Plan without what the loader adds. */
type RawPlan = Omit<Plan, 'regions' | 'indicators' | 'dir'> & {
  regions: Array<Omit<Region, 'aliases'> & { aliases?: string[] }>;
};

interface RawIndicator extends Omit<Indicator, 'aliases' | 'area' | 'origin'> {
  aliases?: string[];
}

interface RawArea {
  area: string;
  indicators: RawIndicator[];
}

export function buildPlan(dir: string, files: PlanFileText[], targetSchema: TargetSchema): LoadedPlan {
  const diagnostics: Diagnostic[] = [];
  const planFile = files.find((f) => baseName(f.file) === PLAN_FILE);
  if (!planFile) {
    return { diagnostics: [diag('error', 'plan/no-plan-file', { dir, name: PLAN_FILE })] };
  }
  const checksFile = files.find((f) => baseName(f.file) === CHECKS_FILE);
  const areaFiles = files.filter((f) => f !== planFile && f !== checksFile);

  const head = readOne(planFile, 'plan', diagnostics, targetSchema);
  const checksSource = checksFile ? readOne(checksFile, 'checks', diagnostics, targetSchema) : undefined;
  const areaSources: YamlSource[] = [];
  for (const f of areaFiles) {
    const s = readOne(f, 'area', diagnostics, targetSchema);
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
  const plan: PlanWithChecks = {
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
  if (checksSource) {
    const raw = (checksSource.value as { checks: Array<Omit<ConsistencyCheck, 'origin'>> }).checks;
    plan.checks = raw.map((c, i) => ({ ...c, origin: { file: checksSource.file, line: locate(checksSource, ['checks', i]).line } }) as ConsistencyCheck);
    diagnostics.push(...crossCheckChecks(plan, plan.checks, checksSource));
  }
  return hasErrors(diagnostics) ? { diagnostics } : { plan, diagnostics };
}

function readOne(f: PlanFileText, kind: 'plan' | 'area' | 'checks', out: Diagnostic[], targetSchema: TargetSchema): YamlSource | undefined {
  const { source, diagnostics } = parseYaml(f.file, f.text);
  out.push(...diagnostics);
  if (diagnostics.length) return undefined;
  if (source.value === null || typeof source.value !== 'object' || Array.isArray(source.value)) {
    out.push(diag('error', 'plan/not-a-mapping', {}, { file: f.file, line: 1, column: 1 }));
    return undefined;
  }
  const schemaFindings = checkSchema(kind, source, targetSchema);
  out.push(...schemaFindings);
  return schemaFindings.length ? undefined : source;
}

function baseName(p: string): string {
  return p.split(/[\\/]/).pop() ?? p;
}
