// The programmatic API: the same layers the CLI uses, without the terminal.
export { loadPlan } from './engine/load-plan.js';
export type { PlanFileText, LoadedPlan } from './plan/load.js';
export type { Plan, Indicator, Target, Region, Area, Level, Measure, Nature, Direction } from './plan/model.js';
export { indexes, IndicatorIndex, RegionIndex } from './plan/lookup.js';
export { readReturns } from './ingest/read-returns.js';
export { readRegionsFile } from './ingest/regions-file.js';
/** The columns a return may have, each with the header names accepted for it (the README lists them from here). */
export { RETURN_COLUMNS, type ColumnSpec, type ReturnColumn } from './ingest/header.js';
export type { Observation } from './model/observation.js';
export { evaluate, type Evaluation, type EvaluateOptions, type Result } from './engine/evaluate.js';
export type { Verdict, Status } from './engine/verdict.js';
export { targetKinds, targetSchema } from './engine/kinds/index.js';
export { formatters, type FormatName, type FormatContext, type Formatter, type BinaryFormatter } from './format/index.js';
export type { Diagnostic } from './diagnostics.js';
export { PlancheckError } from './diagnostics.js';
