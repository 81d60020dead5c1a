/**
 * The console's words for a feed's problems, once per loaded feed. Only a feed with problems
 * needs them, so they live in the chunk of the slow path (rollup.config.js), which such a
 * feed has loaded already.
 */
import type {ErrorCode, Problem} from './check/engine.js';

const MAX_WARNINGS = 30;

/** One console warning per problem (the first ones), once per loaded feed, then a count of the rest. */
export function warnEditor(problems: Problem[], counts: Partial<Record<ErrorCode, number>>, src?: string): void {
  const where = src ? ` in ${src}` : '';
  for (const problem of problems.slice(0, MAX_WARNINGS)) console.warn(`loft-widgets: feed problem${where}: ${problem.message}`);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  if (total > MAX_WARNINGS) {
    const byCode = Object.entries(counts).map(([code, n]) => `${n} ${code}`).join(', ');
    console.warn(`loft-widgets: …and ${total - MAX_WARNINGS} more problems${where} (${byCode} in all). Run "npx loft-widgets validate <feed>" to check it.`);
  }
}
