// The consistency rules of a plan's checks.yaml, as data: what must hold between the
// indicators of every return, checked by src/quality. Read by load.ts, checked against the
// plan by cross-check.ts.
import type { Plan } from './model.js';

/** A consistency rule of plan/checks.yaml, checked on every return (src/quality). */
interface CheckBase {
  id: string;
  severity: 'error' | 'warning';
  description?: string;
  /** Why it must hold: the definitions, or the plan sentence. */
  basis?: string;
  source?: string;
  origin: { file: string; line: number };
}
/** Each indicator's value is at least the next one's (same region, year, disaggregation). */
export interface OrderCheck extends CheckBase { kind: 'order'; indicators: string[] }
/** The numerator is a part of the denominator, so the rate cannot pass 100 %. */
export interface NumeratorCheck extends CheckBase { kind: 'numerator-within-denominator'; indicators: string[] }
/** Values within [min, max]: of the indicators listed, or of every indicator in `unit` but those in `except`. */
export interface RangeCheck extends CheckBase { kind: 'range'; indicators?: string[]; unit?: string; except?: string[]; min?: number; max?: number }
/** These rates share one denominator (the three mortality rates: the live births), so in one region, year and disaggregation their denominators are one number. */
export interface SameDenominatorCheck extends CheckBase { kind: 'same-denominator'; indicators: string[] }
/** A region's rate is Σ numerator / Σ denominator of its sub-regions' (the rate counts children or births, which add up). */
export interface SubRegionsCheck extends CheckBase { kind: 'sum-of-sub-regions'; indicators: string[] }
export type ConsistencyCheck = OrderCheck | NumeratorCheck | RangeCheck | SameDenominatorCheck | SubRegionsCheck;

/** A plan with the consistency rules of its checks.yaml, when it has one. */
export type PlanWithChecks = Plan & { checks?: ConsistencyCheck[] };
