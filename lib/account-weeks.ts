// One account's posts by ISO week of publication: how many, Σ impressions, Σ reach, frequency and engagement
// rate, for the dashboard's per-account charts. Pure. Weeks as in ./trend (Monday 00:00 UTC); sums carry their
// intervals through (./interval) as ./trend does, so a week built from "2.3K"-style counts says how uncertain it is.
// A ratio only uses the posts that have both of its terms: a post with impressions but no reach must not
// inflate the frequency (its impressions would be divided by someone else's reach).
import type { Count } from './count';
import { ratio, scale, sum, type Interval } from './interval';
import { engagements, type EngagementSetOption } from './metrics';
import { postsByIsoWeek } from './trend';
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

/** One entry per week, oldest first, from the first post's week to the last post's (or `now`'s); empty weeks included. */
export function accountWeeks(posts: Iterable<WeekPost>, { now, sets }: WeekOptions = {}): AccountWeek[] {
  return postsByIsoWeek(posts, now).map(({ weekStart, posts: inWeek }) => {
    const impressions: Count[] = [];
    const reach: Count[] = [];
    const freqImpressions: Count[] = [];
    const freqReach: Count[] = [];
    const erEngagements: Interval[] = [];
    const erImpressions: Count[] = [];
    for (const p of inWeek) {
      const { impressions: imp, reach: r } = p.metrics;
      if (imp) impressions.push(imp);
      if (r) reach.push(r);
      if (imp && r) {
        freqImpressions.push(imp);
        freqReach.push(r);
      }
      const eng = imp && engagements(p.site, p.metrics, sets);
      if (imp && eng) {
        erEngagements.push(eng.count);
        erImpressions.push(imp);
      }
    }
    const freqTop = sum(freqImpressions);
    const freqBottom = sum(freqReach);
    const erTop = sum(erEngagements);
    const erBottom = sum(erImpressions);
    const er = erTop && erBottom ? ratio(erTop, erBottom) : undefined;
    return {
      weekStart,
      posts: inWeek.length,
      impressions: sum(impressions),
      reach: sum(reach),
      frequency: freqTop && freqBottom ? ratio(freqTop, freqBottom) : undefined,
      frequencyPosts: freqImpressions.length,
      er: er && scale(er, 100),
      erPosts: erImpressions.length,
    };
  });
}
