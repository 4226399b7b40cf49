// A kind of target: its id, the schema of its fields, how it is evaluated and
// how it is described. Adding a kind means adding one file and registering it.
import type { Indicator, Target } from '../../plan/model.js';
import type { TargetContext } from '../context.js';
import type { Reason, Verdict } from '../verdict.js';

export interface TargetKind<T extends Target = Target> {
  kind: T['kind'];
  /** JSON Schema (draft 2020-12) of the target's fields; `#` refers to a whole target. */
  schema: Record<string, unknown>;
  evaluate(target: T, ctx: TargetContext): Verdict;
  /**
   * The machine target in words, e.g. “≥ 98”, for tables and reports. A kind that holds
   * another target (every-unit, conditional) has it described by `describeInner`, which the
   * registry passes in, as it passes `ctx.evaluateAt` to evaluate it: a kind never imports
   * the registry.
   */
  describe(target: T, indicator: Indicator, describeInner: (inner: Target) => Reason): Reason;
}
