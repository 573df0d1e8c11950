// The formulas behind every figure Postmeter shows. Pure: metrics in, numbers with their precision out.
// Each result names what it was computed from (denominator, engagements counted, metric used), because
// sources disagree on both and a rate without its basis misleads (DESIGN.md, "Rules", 3).
// Grows by adding functions here; the interval arithmetic they share lives in ./interval.
import type { Count } from './count';
import { diff, per, ratio, scale, sum, type Interval } from './interval';
import type { Metric, Metrics, SiteId } from './types';

export { diff, exactly, per, ratio, scale, sum, type Interval } from './interval';

const HOUR = 3_600_000;
const MINUTE = 60_000;

/**
 * What counts as an engagement on each site, by default (see ../shared/reference/metrics.md §2–3): the public
 * counters each site shows. Reddit's "likes" is the score; LinkedIn's and Facebook's are reactions.
 * A metric in the set that was not read is left out of the sum and reported as missing.
 */
export const ENGAGEMENT_METRICS: Record<SiteId, Metric[]> = {
  x: ['replies', 'reposts', 'likes', 'bookmarks', 'quotes'],
  youtube: ['likes', 'replies'],
  reddit: ['likes', 'replies'],
  bluesky: ['likes', 'reposts', 'replies', 'quotes'],
  mastodon: ['likes', 'reposts', 'replies'],
  linkedin: ['likes', 'replies', 'reposts'],
  instagram: ['likes', 'replies', 'shares', 'saves'],
  facebook: ['likes', 'replies', 'shares'],
  tiktok: ['likes', 'replies', 'shares', 'saves'],
  threads: ['likes', 'replies', 'reposts', 'quotes'],
};

export interface Engagements {
  count: Count;
  /** The metrics actually summed (the badge tooltip lists these). */
  counted: Metric[];
  /** Metrics of the set that were not read, so not in the sum. */
  missing: Metric[];
}

/** Sum of the known metrics of the site's engagement set; undefined when none of them is known. */
export function engagements(
  site: SiteId,
  metrics: Metrics,
  set: readonly Metric[] = ENGAGEMENT_METRICS[site],
): Engagements | undefined {
  const counted = set.filter((m) => metrics[m] !== undefined);
  const count = sum(counted.map((m) => metrics[m]!));
  if (!count) return undefined;
  return { count, counted, missing: set.filter((m) => metrics[m] === undefined) };
}

export type RateBasis = 'impressions' | 'reach' | 'followers';
/** In the order bestEngagementRate tries them: per view first, then per person, then per audience. */
export const RATE_BASES: readonly RateBasis[] = ['impressions', 'reach', 'followers'];

export interface EngagementRate extends Interval {
  /** value/min/max are percentages. */
  basis: RateBasis;
  denominator: Count;
  engagements: Count;
  counted: Metric[];
}

/** engagements ÷ basis × 100, or undefined when the denominator (or every engagement) is unknown, or zero. */
export function engagementRate(
  site: SiteId,
  metrics: Metrics,
  basis: RateBasis,
  set?: readonly Metric[],
): EngagementRate | undefined {
  const denominator = metrics[basis];
  if (!denominator) return undefined;
  const eng = engagements(site, metrics, set);
  if (!eng) return undefined;
  const r = ratio(eng.count, denominator);
  if (!r) return undefined;
  return { ...scale(r, 100), basis, denominator, engagements: eng.count, counted: eng.counted };
}

/** The first rate whose denominator is known: impressions, then reach, then followers. */
export function bestEngagementRate(site: SiteId, metrics: Metrics, set?: readonly Metric[]): EngagementRate | undefined {
  for (const basis of RATE_BASES) {
    const rate = engagementRate(site, metrics, basis, set);
    if (rate) return rate;
  }
  return undefined;
}

/** Impressions ÷ reach: how often each account saw the post. Undefined when either is unknown or reach is zero. */
export function frequency(metrics: Metrics): Interval | undefined {
  return metrics.impressions && metrics.reach ? ratio(metrics.impressions, metrics.reach) : undefined;
}

/** Click-through rate: clicks ÷ impressions × 100. */
export function ctr(metrics: Metrics): Interval | undefined {
  const r = metrics.clicks && metrics.impressions ? ratio(metrics.clicks, metrics.impressions) : undefined;
  return r && scale(r, 100);
}

export interface PerHour extends Interval {
  /** Which counter was divided: views when the site shows plays, else impressions (X's "Views"). */
  metric: 'views' | 'impressions';
  hours: number;
}

/**
 * Lifetime views per hour since publishing, at time `at`. Undefined without a publish time, a counter, or
 * when less than a minute has passed (a rate over seconds is noise, not a figure).
 */
export function viewsPerHour(metrics: Metrics, publishedAt: number | undefined, at: number): PerHour | undefined {
  if (publishedAt === undefined || !(at - publishedAt >= MINUTE)) return undefined;
  const metric = metrics.views ? 'views' : metrics.impressions ? 'impressions' : undefined;
  if (!metric) return undefined;
  const hours = (at - publishedAt) / HOUR;
  const r = per(metrics[metric]!, hours);
  return r && { ...r, metric, hours };
}

/** now − before, as an interval; undefined unless both are known. */
export function growth(now: Count | undefined, before: Count | undefined): Interval | undefined {
  return now && before ? diff(now, before) : undefined;
}

export interface Sample {
  /** ms since epoch */
  at: number;
  count: Count | undefined;
}

/** Change per hour from sample a to the later sample b; undefined if either count is unknown or b is not later. */
export function velocity(a: Sample, b: Sample): Interval | undefined {
  const d = growth(b.count, a.count);
  const dt = b.at - a.at;
  if (!d || !(dt > 0)) return undefined;
  return per(d, dt / HOUR);
}
