// Arithmetic on counts that may be intervals ("2.3K" = 2300..2399). Every result carries the bounds through,
// so a figure computed from truncated displays says how uncertain it is instead of pretending to be exact.
import { exactCount as exactly, type Count } from './count';

/** A computed quantity with bounds: same shape as Count, but it may be fractional or negative. */
export type Interval = Count;

export { exactly };

/** Σ: bounds add up; exact only if every term is. Empty → undefined (nothing known, not 0). */
export function sum(counts: readonly Interval[]): Interval | undefined {
  if (counts.length === 0) return undefined;
  let value = 0;
  let min = 0;
  let max = 0;
  let exact = true;
  for (const c of counts) {
    value += c.value;
    min += c.min;
    max += c.max;
    exact &&= c.exact;
  }
  return { value, min, max, exact };
}

/** a − b: the widest change the bounds allow. */
export function diff(a: Interval, b: Interval): Interval {
  return { value: a.value - b.value, min: a.min - b.max, max: a.max - b.min, exact: a.exact && b.exact };
}

/**
 * a ÷ b for positive b: value from the point values; for counts (a >= 0) min = a.min/b.max, max = a.max/b.min
 * (a negative bound, as in a change, divides by the other end instead).
 * Undefined when b could be zero (b.min <= 0): a rate over a possibly-empty denominator is unknown,
 * never Infinity or NaN.
 */
export function ratio(a: Interval, b: Interval): Interval | undefined {
  if (!(b.min > 0) || !(b.value > 0)) return undefined;
  const value = a.value / b.value;
  if (a.exact && b.exact) return finite(exactly(value));
  return finite({
    value,
    min: a.min / (a.min >= 0 ? b.max : b.min),
    max: a.max / (a.max >= 0 ? b.min : b.max),
    exact: false,
  });
}

/** a × k for a constant k >= 0 (percentages, per-hour rates). */
export function scale(a: Interval, k: number): Interval {
  return { value: a.value * k, min: a.min * k, max: a.max * k, exact: a.exact };
}

/** a ÷ k for a constant k > 0; undefined otherwise. */
export function per(a: Interval, k: number): Interval | undefined {
  return k > 0 && Number.isFinite(k) ? finite(scale(a, 1 / k)) : undefined;
}

/**
 * The interval itself when every bound is a finite number, else undefined: the last guard that keeps
 * Infinity and NaN (a corrupt input, an overflow) out of every figure.
 */
export function finite<T extends Interval>(a: T | undefined): T | undefined {
  return a && Number.isFinite(a.value) && Number.isFinite(a.min) && Number.isFinite(a.max) ? a : undefined;
}
