// A plan loaded for this engine: its targets are validated against the schema of the
// target kinds the engine evaluates (kinds/index.ts), which the plan layer does not know.
// The CLI and the API load plans through this.
import { buildPlan, type LoadedPlan, type PlanFileText } from '../plan/load.js';
import type { TargetSchema } from '../plan/schema-check.js';
import { targetSchema } from './kinds/index.js';

/** Assembled once: the plan layer compiles its validators once per schema. */
let kindsSchema: TargetSchema | undefined;

export function loadPlan(dir: string, files: PlanFileText[]): LoadedPlan {
  kindsSchema ??= targetSchema();
  return buildPlan(dir, files, kindsSchema);
}
