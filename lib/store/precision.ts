// How a newly read count combines with the one already stored, without losing precision.
import { isCount, type Count } from '../count';
import type { Metrics } from '../types';
import { METRICS } from '../types';

export function sameCount(a: Count, b: Count): boolean {
  return a.value === b.value && a.min === b.min && a.max === b.max && a.exact === b.exact;
}

/**
 * The count to keep when `incoming` is read after `stored`.
 * A truncated display ("2.3K" = 2300..2399) that still contains the exact value we already hold is no news:
 * keep the exact one. Anything else is newer information and wins, even if it is less precise.
 */
export function resolveCount(stored: Count | undefined, incoming: Count): Count {
  if (
    stored?.exact &&
    !incoming.exact &&
    incoming.min <= stored.value &&
    stored.value <= incoming.max
  ) {
    return stored;
  }
  return incoming;
}

/** Known metric names with well-formed counts only; copies, so stored rows never alias caller objects. */
export function cleanMetrics(m: Metrics | undefined): Metrics {
  const out: Metrics = {};
  if (!m) return out;
  for (const name of METRICS) {
    const c = m[name];
    if (isCount(c)) out[name] = { value: c.value, min: c.min, max: c.max, exact: c.exact };
  }
  return out;
}
