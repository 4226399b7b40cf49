import type { Evaluation } from '../engine/evaluate.js';
import { jsonTextPieces } from '../text/json-pieces.js';
import { evaluationRecord, type FormatContext } from './records.js';

export const formatJson = (e: Evaluation, ctx: FormatContext): string => [...formatJsonPieces(e, ctx)].join('');

/**
 * The same text as formatJson, in pieces of about 64 KB, so that a report on a national
 * return (tens of MB of JSON) is written without first being made into one string.
 */
export const formatJsonPieces = (e: Evaluation, ctx: FormatContext): Generator<string> => jsonTextPieces(evaluationRecord(e, ctx));
