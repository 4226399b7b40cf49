import type { Evaluation } from '../engine/evaluate.js';
import { evaluationRecord, type FormatContext } from './records.js';

export const formatJson = (e: Evaluation, ctx: FormatContext): string => `${JSON.stringify(evaluationRecord(e, ctx), null, 2)}\n`;
