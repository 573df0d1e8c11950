// One account's posts by ISO week of publication: how many, Σ impressions, Σ reach, frequency and engagement
// rate, for the dashboard's per-account charts. Pure. Weeks as in ./trend (Monday 00:00 UTC); sums carry their
// intervals through (./interval) as ./trend does, so a week built from "2.3K"-style counts says how uncertain it is.
// A ratio only uses the posts that have both of its terms: a post with impressions but no reach must not
// inflate the frequency (its impressions would be divided by someone else's reach).
import type { Count } from './count';
import { ratio, scale, sum, type Interval } from './interval';
import { engagements, type EngagementSetOption } from './metrics';
import { isoWeekStart, WEEK } from './trend';
import type { Metrics, SiteId } from './types';

/** A post as the weeks need it (a PostRow fits). */
export interface WeekPost {
  site: SiteId;
  /** Posts without a valid publish time cannot be placed in a week and are left out. */
  publishedAt?: number;
  metrics: Metrics;
}

export interface AccountWeek {
  /** Monday 00:00 UTC, ms. */
  weekStart: number;
  posts: number;
  /** Σ impressions of the posts that had them; undefined when none had. */
  impressions?: Interval;
  /** Σ reach of the posts that had it. */
  reach?: Interval;
  /** Σ impressions ÷ Σ reach over the posts that had both. */
  frequency?: Interval;
  /** How many posts the frequency was computed from. */
  frequencyPosts: number;
  /** Σ engagements ÷ Σ impressions × 100 over the posts that had both (a percentage). */
  er?: Interval;
  erPosts: number;
}

export interface WeekOptions {
  /** Extend the series through the week containing `now`, so quiet recent weeks show as 0 posts. */
  now?: number;
  /** The user's engagement sets (lib/metrics.ts engagementSet). */
  sets?: EngagementSetOption;
}

/** A corrupt publish date must not make a million-week series (as in ./trend). */
const MAX_WEEKS = 100 * 53;

const validTime = (ms: number | undefined): ms is number =>
  typeof ms === 'number' && Number.isFinite(ms) && Math.abs(ms) <= 8.64e15;

interface Slot {
  posts: number;
  impressions: Count[];
  reach: Count[];
  freqImpressions: Count[];
  freqReach: Count[];
  erEngagements: Interval[];
  erImpressions: Count[];
}

const emptySlot = (): Slot => ({
  posts: 0, impressions: [], reach: [], freqImpressions: [], freqReach: [], erEngagements: [], erImpressions: [],
});

/** One entry per week, oldest first, from the first post's week to the last post's (or `now`'s); empty weeks included. */
export function accountWeeks(posts: Iterable<WeekPost>, { now, sets }: WeekOptions = {}): AccountWeek[] {
  const byWeek = new Map<number, Slot>();
  let first = Infinity;
  let last = -Infinity;
  for (const p of posts) {
    if (!validTime(p.publishedAt)) continue;
    const w = isoWeekStart(p.publishedAt);
    let slot = byWeek.get(w);
    if (!slot) byWeek.set(w, (slot = emptySlot()));
    slot.posts++;
    const { impressions, reach } = p.metrics;
    if (impressions) slot.impressions.push(impressions);
    if (reach) slot.reach.push(reach);
    if (impressions && reach) {
      slot.freqImpressions.push(impressions);
      slot.freqReach.push(reach);
    }
    const eng = impressions && engagements(p.site, p.metrics, sets);
    if (impressions && eng) {
      slot.erEngagements.push(eng.count);
      slot.erImpressions.push(impressions);
    }
    first = Math.min(first, w);
    last = Math.max(last, w);
  }
  if (byWeek.size === 0) return [];
  if (validTime(now)) last = Math.max(last, isoWeekStart(now));
  first = Math.max(first, last - MAX_WEEKS * WEEK);

  const out: AccountWeek[] = [];
  for (let w = first; w <= last; w += WEEK) {
    const s = byWeek.get(w) ?? emptySlot();
    const freqTop = sum(s.freqImpressions);
    const freqBottom = sum(s.freqReach);
    const erTop = sum(s.erEngagements);
    const erBottom = sum(s.erImpressions);
    const er = erTop && erBottom ? ratio(erTop, erBottom) : undefined;
    out.push({
      weekStart: w,
      posts: s.posts,
      impressions: sum(s.impressions),
      reach: sum(s.reach),
      frequency: freqTop && freqBottom ? ratio(freqTop, freqBottom) : undefined,
      frequencyPosts: s.freqImpressions.length,
      er: er && scale(er, 100),
      erPosts: s.erImpressions.length,
    });
  }
  return out;
}
