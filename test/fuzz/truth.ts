// What each fuzzed page legitimately says: per (postId, metric) the set of intervals a reading may agree with, and
// the rule a reading is judged by. See ./fuzz.ts for the whole design.
import { isCount, type Count } from '../../lib/count';
import type { Metric, PostObservation } from '../../lib/types';

/** A value the page states for a post's metric: exact (a point) or the interval a truncated display stands for. */
export interface Stated {
  min: number;
  max: number;
}

/** postId → metric → every value the page (as mutated so far) legitimately states for it. */
export type Allowed = Map<string, Map<Metric, Stated[]>>;

/**
 * Metrics a site shows as a sum of a number the page prints and another metric's number: Mastodon's reposts are
 * boosts + quotes (lib/sites/mastodon.ts). A swap that changes one summand changes the sum the page states.
 */
export interface Sum {
  total: Metric;
  part: Metric;
}
export const SUMS: Partial<Record<string, readonly Sum[]>> = { mastodon: [{ total: 'reposts', part: 'quotes' }] };

export const stated = (c: { min: number; max: number }): Stated => ({ min: c.min, max: c.max });

/**
 * Is a reading consistent with one stated value? Both are intervals of integers that the true count lies in
 * (an exact truth is a one-point interval), so the reading can be right only if they share a point: overlap.
 * For an exact truth that is "the truth lies within [min,max] of the reading"; for an interval truth (the page
 * only printed "1.6M") a narrower exact reading from another source on the page is still possible, so overlap —
 * not containment — is the honest test. A reading that shares no point with any stated value is wrong.
 */
export const agrees = (r: Count, t: Stated): boolean => r.min <= t.max && t.min <= r.max;

export function cloneAllowed(a: Allowed): Allowed {
  const out: Allowed = new Map();
  for (const [id, byMetric] of a) out.set(id, new Map([...byMetric].map(([m, list]) => [m, [...list]])));
  return out;
}

export function addAllowed(a: Allowed, id: string, metric: Metric, values: readonly Stated[]): void {
  let byMetric = a.get(id);
  if (!byMetric) a.set(id, (byMetric = new Map()));
  const list = byMetric.get(metric) ?? [];
  for (const v of values) if (!list.some((w) => w.min === v.min && w.max === v.max)) list.push(v);
  byMetric.set(metric, list);
}

/** Truth from readings of the unmutated page (see statedBy in ./fixtures.ts). */
export function allowedFromScan(obs: readonly PostObservation[], a: Allowed = new Map()): Allowed {
  for (const o of obs) {
    if (!a.has(o.postId)) a.set(o.postId, new Map());
    for (const [m, c] of Object.entries(o.metrics) as [Metric, Count][]) addAllowed(a, o.postId, m, [stated(c)]);
  }
  return a;
}

/** One reading that disagrees with the page. */
export interface Violation {
  postId: string;
  problem: string;
  observation: PostObservation;
}

/**
 * Judge one scan of a mutated page. `created` are the id fragments the mutations made up (a garbled href): a post
 * under an id the page never had is a failure unless one of them is part of it — then nothing about that post
 * can be checked (no truth exists for an id the mutation invented), and it is skipped. Likewise `latent`: id
 * fragments the unmutated page names outside every post it reads (a LinkedIn repost card that links both the
 * reposter's and the original's activity, and so is rightly not read): once a mutation takes away what made the
 * adapter decline such a card, the card is a post under an id the page does name, with no truth to check it by.
 * Fragments inside a read post (an X quote's status link) are not latent: numbers recorded under them are wrong.
 */
export function judge(
  obs: readonly PostObservation[],
  allowed: Allowed,
  created: ReadonlySet<string>,
  site: string,
  latent: ReadonlySet<string> = new Set(),
): Violation[] {
  const out: Violation[] = [];
  for (const o of obs) {
    if (o.site !== site) out.push({ postId: o.postId, problem: `site ${o.site}`, observation: o });
    const truth = allowed.get(o.postId);
    if (!truth) {
      if (![...created, ...latent].some((t) => o.postId.includes(t)))
        out.push({ postId: o.postId, problem: 'an id no post of the page has', observation: o });
      continue;
    }
    for (const [m, c] of Object.entries(o.metrics) as [Metric, Count][]) {
      if (!isCount(c)) {
        out.push({ postId: o.postId, problem: `${m}: malformed Count ${JSON.stringify(c)}`, observation: o });
        continue;
      }
      const ok = truth.get(m) ?? [];
      if (!ok.some((t) => agrees(c, t)))
        out.push({
          postId: o.postId,
          problem: `${m} read ${c.min}..${c.max}, the page states ${ok.length ? ok.map((t) => (t.min === t.max ? t.min : `${t.min}..${t.max}`)).join(' | ') : 'nothing'}`,
          observation: o,
        });
    }
  }
  return out;
}
