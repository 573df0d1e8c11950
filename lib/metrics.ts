// The formulas behind every figure Postmeter shows. Pure: metrics in, numbers with their precision out.
// Each result names what it was computed from (denominator, engagements counted, metric used), because
// sources disagree on both and a rate without its basis misleads (DESIGN.md, "Rules", 3).
// Every result is undefined rather than Infinity or NaN: a denominator that is unknown, zero, or could be zero
// (an interval reaching down to 0) gives no figure. docs/metrics.md states each formula as coded here.
// Grows by adding functions here; the interval arithmetic they share lives in ./interval, the account trend
// (weeks, the "impressions falling" alert) in ./trend.
import type { Count } from './count';
import { diff, finite, per, ratio, scale, sum, type Interval } from './interval';
import { METRICS, type Metric, type Metrics, type SiteId } from './types';

export { diff, exactly, finite, per, ratio, scale, sum, type Interval } from './interval';
export {
  ALERT_DEFAULTS, impressionsFallingAlert, isoWeekStart, weeklyTrend, WEEK,
  type AlertOptions, type AlertStatus, type FallingAlert, type TrendPost, type TrendWindow, type WeekTrend,
} from './trend';

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
  // the button's reposts + quotes, not the thread page's split reposts and quotes: never counted twice
  bluesky: ['likes', 'replies', 'repostsAndQuotes'],
  mastodon: ['likes', 'reposts', 'replies'],
  linkedin: ['likes', 'replies', 'reposts'],
  instagram: ['likes', 'replies', 'shares', 'saves'],
  facebook: ['likes', 'replies', 'shares'],
  tiktok: ['likes', 'replies', 'shares', 'saves'],
  threads: ['likes', 'replies', 'reposts', 'quotes'],
};

/** Counters that measure audience, not interaction: never summed as engagements (they are the denominators). */
export const AUDIENCE_METRICS: readonly Metric[] = ['impressions', 'views', 'reach', 'followers'];

/** The user's engagement sets, per site (from the options page). A site left out keeps its default. */
export type EngagementSets = Partial<Record<SiteId, readonly Metric[]>>;

/**
 * What a caller may pass wherever engagements are counted: one explicit set for this call, or the user's
 * per-site configuration (or nothing: the site's default).
 */
export type EngagementSetOption = readonly Metric[] | EngagementSets;

/**
 * The engagement set in force for a site. An explicit list is used as given (tests, one-off questions).
 * A configured per-site list is cleaned first: unknown names, audience metrics and repeats are dropped; a
 * configured list with nothing left falls back to the site's default rather than silently hiding every rate.
 */
export function engagementSet(site: SiteId, option?: EngagementSetOption): readonly Metric[] {
  if (Array.isArray(option)) return option as readonly Metric[];
  const configured = (option as EngagementSets | undefined)?.[site];
  if (configured) {
    const clean = [...new Set(configured)].filter(
      (m): m is Metric => (METRICS as readonly string[]).includes(m) && !AUDIENCE_METRICS.includes(m),
    );
    if (clean.length > 0) return clean;
  }
  return ENGAGEMENT_METRICS[site] ?? [];
}

export interface Engagements {
  count: Count;
  /** The metrics actually summed (the badge tooltip lists these). */
  counted: Metric[];
  /** Metrics of the set that were not read, so not in the sum. */
  missing: Metric[];
}

/** Sum of the known metrics of the site's engagement set; undefined when none of them is known. */
export function engagements(site: SiteId, metrics: Metrics, set?: EngagementSetOption): Engagements | undefined {
  const metricsSet = engagementSet(site, set);
  const counted = metricsSet.filter((m) => metrics[m] !== undefined);
  const count = finite(sum(counted.map((m) => metrics[m]!)));
  if (!count) return undefined;
  return { count, counted, missing: metricsSet.filter((m) => metrics[m] === undefined) };
}

export type RateBasis = 'impressions' | 'views' | 'reach' | 'followers';
/**
 * In the order bestEngagementRate tries them: per time shown first (impressions; a video's views where the
 * site shows plays but no impressions, as YouTube and TikTok do publicly), then per person, then per audience.
 */
export const RATE_BASES: readonly RateBasis[] = ['impressions', 'views', 'reach', 'followers'];

export interface EngagementRate extends Interval {
  /** value/min/max are percentages. */
  basis: RateBasis;
  denominator: Count;
  engagements: Count;
  counted: Metric[];
  /** Metrics of the engagement set that were not read (so the rate may undercount). */
  missing: Metric[];
}

/**
 * engagements ÷ metrics[basis] × 100, or undefined when the denominator (or every engagement) is unknown, or
 * zero, or could be zero.
 */
export function engagementRate(
  site: SiteId,
  metrics: Metrics,
  basis: RateBasis,
  set?: EngagementSetOption,
): EngagementRate | undefined {
  const denominator = metrics[basis];
  if (!denominator) return undefined;
  const eng = engagements(site, metrics, set);
  if (!eng) return undefined;
  const r = ratio(eng.count, denominator);
  const pct = finite(r && scale(r, 100));
  if (!pct) return undefined;
  return { ...pct, basis, denominator, engagements: eng.count, counted: eng.counted, missing: eng.missing };
}

/** The rate on every basis whose denominator is known (an absent key: no rate on that basis). */
export function engagementRates(
  site: SiteId,
  metrics: Metrics,
  set?: EngagementSetOption,
): Partial<Record<RateBasis, EngagementRate>> {
  const out: Partial<Record<RateBasis, EngagementRate>> = {};
  for (const basis of RATE_BASES) {
    const rate = engagementRate(site, metrics, basis, set);
    if (rate) out[basis] = rate;
  }
  return out;
}

/** The first rate whose denominator is known: impressions, then views, then reach, then followers. */
export function bestEngagementRate(site: SiteId, metrics: Metrics, set?: EngagementSetOption): EngagementRate | undefined {
  for (const basis of RATE_BASES) {
    const rate = engagementRate(site, metrics, basis, set);
    if (rate) return rate;
  }
  return undefined;
}

export interface Frequency extends Interval {
  /** Times each account saw it, on average. */
  basis: 'reach';
  denominator: Count;
  /** What was divided: impressions; on YouTube, views (its "average views per viewer"). */
  numerator: 'impressions' | 'views';
  numeratorCount: Count;
}

/**
 * Impressions ÷ reach: how often each account saw the post (50,000 impressions over 5,000 people = 10).
 * On YouTube the numerator is views (views ÷ unique viewers, Studio's "average views per viewer"): its
 * "impressions" are thumbnails shown, a different population from the viewers. Undefined when either is
 * unknown or reach is (or could be) zero.
 */
export function frequency(metrics: Metrics, site?: SiteId): Frequency | undefined {
  const numerator = site === 'youtube' ? 'views' : 'impressions';
  const top = metrics[numerator];
  const reach = metrics.reach;
  if (!top || !reach) return undefined;
  const r = ratio(top, reach);
  return r && { ...r, basis: 'reach', denominator: reach, numerator, numeratorCount: top };
}

export interface ClickThroughRate extends Interval {
  /** value/min/max are percentages. */
  basis: 'impressions';
  denominator: Count;
  clicks: Count;
}

/** Click-through rate: clicks ÷ impressions × 100. */
export function ctr(metrics: Metrics): ClickThroughRate | undefined {
  const { clicks, impressions } = metrics;
  if (!clicks || !impressions) return undefined;
  const r = ratio(clicks, impressions);
  const pct = finite(r && scale(r, 100));
  return pct && { ...pct, basis: 'impressions', denominator: impressions, clicks };
}

export interface PerHour extends Interval {
  /** Which counter was divided: views when the site shows plays, else impressions (X's "Views"). */
  metric: 'views' | 'impressions';
  /** The denominator: hours since publishing. */
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
  return now && before ? finite(diff(now, before)) : undefined;
}

export interface Sample {
  /** ms since epoch */
  at: number;
  count: Count | undefined;
}

/** value/min/max: change per hour (negative when the counter fell, as a Reddit score can). */
export interface Velocity extends Interval {
  /** The change over the span, b − a. */
  delta: Interval;
  /** The denominator: hours from a to b. */
  hours: number;
  /** ms since epoch of the two samples. */
  from: number;
  to: number;
}

/**
 * Change per hour from sample a to the later sample b: Δcount ÷ Δhours. Undefined if either count is unknown
 * or b is not later than a.
 */
export function velocity(a: Sample, b: Sample): Velocity | undefined {
  const d = growth(b.count, a.count);
  const dt = b.at - a.at;
  if (!d || !(dt > 0)) return undefined;
  const hours = dt / HOUR;
  const r = per(d, hours);
  return r && { ...r, delta: d, hours, from: a.at, to: b.at };
}

/** A stored snapshot, or anything shaped like one (SnapshotRow). */
export interface SnapshotLike {
  /** ms since epoch */
  observedAt: number;
  /** Only the metrics read then; absent = not read. */
  metrics: Metrics;
}

export interface MetricVelocity extends Velocity {
  metric: Metric;
  /** The counts at `from` and `to`. */
  before: Count;
  after: Count;
}

/**
 * The latest velocity of one metric in a post's snapshot series (any order): from the newest snapshot that
 * read the metric back to the newest earlier one that also read it. Snapshots that did not read it are
 * skipped, not taken as 0. Undefined with fewer than two such snapshots at distinct times.
 *
 * The store writes a snapshot only when a count changed, so this is the rate of the latest change: if the
 * post has been seen unchanged since, append that sighting ({observedAt, metrics}) to the series first.
 */
export function latestVelocity(series: readonly SnapshotLike[], metric: Metric): MetricVelocity | undefined {
  let last: SnapshotLike | undefined;
  for (const s of series) {
    if (s.metrics[metric] && Number.isFinite(s.observedAt) && (!last || s.observedAt >= last.observedAt)) last = s;
  }
  if (!last) return undefined;
  let prev: SnapshotLike | undefined;
  for (const s of series) {
    if (
      s.metrics[metric] &&
      Number.isFinite(s.observedAt) &&
      s.observedAt < last.observedAt &&
      (!prev || s.observedAt >= prev.observedAt)
    ) {
      prev = s;
    }
  }
  if (!prev) return undefined;
  const before = prev.metrics[metric]!;
  const after = last.metrics[metric]!;
  const v = velocity({ at: prev.observedAt, count: before }, { at: last.observedAt, count: after });
  return v && { ...v, metric, before, after };
}
