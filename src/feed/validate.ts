/**
 * Feed validation, all at once: for the validator CLI, the reference receiver and tests.
 * It runs the same steps as the browser's `validateFeedAsync` (check/engine.ts) with the
 * slow path loaded up front, so both give the same result for the same feed.
 *
 * What is fatal, what leaves an item out and what leaves a field out: check/engine.ts and
 * check/repair.ts. Problems are capped: the first `maxProblems` (default `MAX_PROBLEMS`) in
 * full, every one counted by code in `counts`.
 */
import * as repair from './check/repair.js';
import {startRun, validation, type ValidateOptions, type ValidationResult} from './check/engine.js';
import {runToEnd} from './slices.js';

export {MAX_PROBLEMS, validateFeedAsync} from './check/engine.js';
export type {CollectionName, ErrorCode, Problem, ValidateOptions, ValidationResult} from './check/engine.js';

/** Validates a parsed feed. Never throws; never changes `raw`. */
export function validateFeed(raw: unknown, options: ValidateOptions = {}): ValidationResult {
  return runToEnd(validation(raw, startRun(options, repair)));
}
