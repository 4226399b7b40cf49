// The registry of target kinds: kind id → its schema, evaluation and description.
import type { Indicator, Target } from '../../plan/model.js';
import type { Reason } from '../verdict.js';
import { aboutKind } from './about.js';
import { atLeastKind } from './at-least.js';
import { atMostKind } from './at-most.js';
import { changeKind } from './change.js';
import { conditionalKind } from './conditional.js';
import { everyUnitKind } from './every-unit.js';
import type { TargetKind } from './kind.js';
import { reachKind } from './reach.js';
import { splitKind } from './split.js';
import { trendKind } from './trend.js';
import { yearlyChangeKind } from './yearly-change.js';
import { yesNoKind } from './yes-no.js';

type Registry = { [K in Target['kind']]: TargetKind<Extract<Target, { kind: K }>> };

export const targetKinds: Registry = {
  'at-most': atMostKind,
  'at-least': atLeastKind,
  reach: reachKind,
  about: aboutKind,
  split: splitKind,
  'every-unit': everyUnitKind,
  change: changeKind,
  'yearly-change': yearlyChangeKind,
  trend: trendKind,
  conditional: conditionalKind,
  'yes-no': yesNoKind,
};

export function kindOf<T extends Target>(target: T): TargetKind<T> {
  return targetKinds[target.kind] as unknown as TargetKind<T>;
}

/** A target in words, with the targets it holds (every-unit, conditional) described inside it. */
export function describeTarget(target: Target, indicator: Indicator): Reason {
  return kindOf(target).describe(target, indicator, (inner) => describeTarget(inner, indicator));
}

/** The JSON Schema of a target, assembled from every kind's own fragment (shipped as src/schema/target.schema.json). */
export function targetSchema(): Record<string, unknown> {
  const kinds = Object.keys(targetKinds);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://plancheck.dev/schema/target.schema.json',
    title: 'plancheck target',
    description: 'The machine-readable form of one target. `kind` picks the rule; each kind has its own fields.',
    type: 'object',
    required: ['kind'],
    properties: { kind: { enum: kinds } },
    allOf: Object.values(targetKinds).map((k) => ({
      if: { properties: { kind: { const: k.kind } } },
      then: k.schema,
    })),
  };
}
