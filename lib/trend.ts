// An account's trend by week: how many posts, how many impressions each got, and the alert
// "impressions falling while posting frequency holds". Pure: posts in, weeks and a verdict out.
// Weeks are ISO weeks in UTC (Monday 00:00 UTC start), so every machine groups the same post into the same week.
// Re-exported by ./metrics; docs/metrics.md states the rule and its thresholds.
import type { Count } from './count';
import { per, ratio, sum, type Interval } from './interval';

const DAY = 86_400_000;
export const WEEK = 7 * DAY;
/** A corrupt publish date must not make a million-week series: weeks older than this before the newest are dropped. */
const MAX_WEEKS = 100 * 53;

/** A post as the trend needs it (a PostRow fits). */
export interface TrendPost {
  /** ms since epoch; posts without it cannot be placed in a week and are left out. */
  publishedAt?: number;
  metrics: { impressions?: Count };
}

/** Monday 00:00 UTC of the ISO week that contains `ms`. */
export function isoWeekStart(ms: number): number {
  const day = Math.floor(ms / DAY);
  const sinceMonday = (((day + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  return (day - sinceMonday) * DAY;
}

export interface WeekTrend {
  /** Monday 00:00 UTC, ms since epoch. */
  weekStart: number;
  /** Posts published that week (with or without impressions): the posting frequency. */
  posts: number;
  /** How many of them had impressions. */
  postsKnown: number;
  /** Σ impressions of those posts; undefined when none had impressions. */
  impressions: Interval | undefined;
  /** impressions ÷ postsKnown; undefined when none had impressions. */
  impressionsPerPost: Interval | undefined;
}

export interface TrendOptions {
  /** Extend the series through the week containing `now` (ms), so quiet recent weeks show as 0 posts. */
  now?: number;
}

const validTime = (ms: number | undefined): ms is number =>
  typeof ms === 'number' && Number.isFinite(ms) && Math.abs(ms) <= 8.64e15;

/**
 * Group posts by the ISO week of publishedAt: one entry per week, oldest first, from the first post's week to
 * the last post's (or `now`'s) week. Weeks without posts are in the series with 0 posts, not missing.
 */
export function weeklyTrend(posts: Iterable<TrendPost>, opts: TrendOptions = {}): WeekTrend[] {
  return postsByIsoWeek(posts, opts.now).map(({ weekStart, posts: inWeek }) => {
    const counts = inWeek.flatMap((p) => (p.metrics?.impressions ? [p.metrics.impressions] : []));
    const impressions = sum(counts);
    return {
      weekStart,
      posts: inWeek.length,
      postsKnown: counts.length,
      impressions,
      impressionsPerPost: impressions && per(impressions, counts.length),
    };
  });
}

/**
 * Posts grouped by the ISO week of their publishedAt: every week from the first post's to the last post's (or
 * `now`'s), oldest first, a week without posts as an empty list. Posts without a valid publish time are left out;
 * no posts, no weeks. The one grouping both this trend and the dashboard's account weeks (./account-weeks) use.
 */
export function postsByIsoWeek<P extends { publishedAt?: number }>(posts: Iterable<P>, now?: number): { weekStart: number; posts: P[] }[] {
  const byWeek = new Map<number, P[]>();
  let first = Infinity;
  let last = -Infinity;
  for (const p of posts) {
    if (!validTime(p.publishedAt)) continue;
    const w = isoWeekStart(p.publishedAt);
    const list = byWeek.get(w);
    if (list) list.push(p);
    else byWeek.set(w, [p]);
    if (w < first) first = w;
    if (w > last) last = w;
  }
  if (byWeek.size === 0) return [];
  if (validTime(now)) last = Math.max(last, isoWeekStart(now));
  first = Math.max(first, last - MAX_WEEKS * WEEK);
  const out: { weekStart: number; posts: P[] }[] = [];
  for (let w = first; w <= last; w += WEEK) out.push({ weekStart: w, posts: byWeek.get(w) ?? [] });
  return out;
}

export interface AlertOptions {
  /** The time of the question (ms). Only weeks that ended by then are compared. */
  now: number;
  /** Weeks per window: the recent window is the last `weeks` complete weeks, the previous one the `weeks` before. */
  weeks?: number;
  /** Posting frequency holds when posts per week changed by less than this fraction either way (0.25 = ±25%). */
  frequencyBand?: number;
  /** Falling: impressions per post fell by more than this fraction even on the most favourable bounds. */
  fallBy?: number;
  /** Rising: impressions per post rose by more than this fraction even on the least favourable bounds. */
  riseBy?: number;
  /** Posts with impressions needed in each window; fewer gives 'insufficient'. */
  minPosts?: number;
}

export const ALERT_DEFAULTS = { weeks: 4, frequencyBand: 0.25, fallBy: 0.3, riseBy: 0.3, minPosts: 3 } as const;

export interface TrendWindow {
  /** weekStart of the window's first week. */
  from: number;
  /** End (exclusive): the next window's start. */
  to: number;
  weeks: number;
  posts: number;
  postsKnown: number;
  postsPerWeek: number;
  impressions: Interval | undefined;
  /** Σ impressions ÷ posts with impressions (each post weighs the same, whatever its week). */
  impressionsPerPost: Interval | undefined;
}

export type AlertStatus = 'falling' | 'steady' | 'rising' | 'insufficient';

export interface FallingAlert {
  /** 'falling' is the alert: impressions per post fell while posting frequency held. */
  status: AlertStatus;
  recent: TrendWindow;
  previous: TrendWindow;
  /** Recent impressions per post ÷ previous, as an interval (0.6 = a 40% fall). */
  change: Interval | undefined;
  /** Recent posts per week ÷ previous (exact: posts are counted, not estimated). */
  postsPerWeekChange: number | undefined;
  frequencyHolds: boolean;
  message: string;
}

function windowOf(weeks: readonly WeekTrend[], from: number, n: number): TrendWindow {
  const to = from + n * WEEK;
  let posts = 0;
  let postsKnown = 0;
  const sums: Interval[] = [];
  for (const w of weeks) {
    const start = isoWeekStart(w.weekStart);
    if (!(start >= from && start < to)) continue;
    posts += w.posts;
    postsKnown += w.postsKnown;
    if (w.impressions && w.postsKnown > 0) sums.push(w.impressions);
  }
  const impressions = sum(sums);
  return {
    from,
    to,
    weeks: n,
    posts,
    postsKnown,
    postsPerWeek: posts / n,
    impressions,
    impressionsPerPost: impressions && postsKnown > 0 ? per(impressions, postsKnown) : undefined,
  };
}

const pct = (x: number) => Math.round(x * 100);
const num = (x: number) => (Math.round(x * 10) / 10).toString();

/** "fell 42%", "fell 40–47%", "rose 35–38%", "changed between −5% and +8%". */
function describeChange(c: Interval): string {
  const lo = pct(c.min - 1);
  const hi = pct(c.max - 1);
  if (hi < 0) return lo === hi ? `fell ${-hi}%` : `fell ${-hi}–${-lo}%`;
  if (lo > 0) return lo === hi ? `rose ${lo}%` : `rose ${lo}–${hi}%`;
  if (lo === 0 && hi === 0) return 'held level';
  return `changed between ${lo < 0 ? '−' + -lo : '+' + lo}% and ${hi < 0 ? '−' + -hi : '+' + hi}%`;
}

/**
 * The alert "impressions falling while posting frequency holds", comparing the last `weeks` complete weeks
 * before `now` with the `weeks` before them. Weeks absent from `weeks` count as weeks with 0 posts.
 *
 * - insufficient: fewer than `minPosts` posts with impressions in either window (or nothing to divide by).
 * - frequency holds: |recent posts per week ÷ previous − 1| < frequencyBand.
 * - falling: frequency holds and change.max < 1 − fallBy, where change = recent ÷ previous impressions per
 *   post on interval bounds, so change.max = recent.max ÷ previous.min: even the most favourable reading of
 *   truncated counts shows the fall.
 * - rising: frequency holds and change.min > 1 + riseBy (the mirror rule).
 * - steady: anything else, including a fall or rise while posting frequency moved (the message says which).
 */
export function impressionsFallingAlert(weeks: readonly WeekTrend[], opts: AlertOptions): FallingAlert {
  const n = Math.max(1, Math.floor(opts.weeks ?? ALERT_DEFAULTS.weeks));
  const band = opts.frequencyBand ?? ALERT_DEFAULTS.frequencyBand;
  const fallBy = opts.fallBy ?? ALERT_DEFAULTS.fallBy;
  const riseBy = opts.riseBy ?? ALERT_DEFAULTS.riseBy;
  const minPosts = Math.max(1, Math.ceil(opts.minPosts ?? ALERT_DEFAULTS.minPosts));
  const current = validTime(opts.now) ? isoWeekStart(opts.now) : NaN;
  const recent = windowOf(weeks, current - n * WEEK, n);
  const previous = windowOf(weeks, current - 2 * n * WEEK, n);
  const base = { recent, previous, change: undefined, postsPerWeekChange: undefined, frequencyHolds: false };
  const span = `the last ${n} complete week${n === 1 ? '' : 's'}`;

  if (Number.isNaN(current)) {
    return { ...base, status: 'insufficient', message: 'Not enough data: no valid time to compare weeks against.' };
  }
  if (recent.postsKnown < minPosts || previous.postsKnown < minPosts) {
    return {
      ...base,
      status: 'insufficient',
      message:
        `Not enough data: ${recent.postsKnown} post${recent.postsKnown === 1 ? '' : 's'} with impressions in ${span} ` +
        `and ${previous.postsKnown} in the ${n} before; the comparison needs ${minPosts} in each.`,
    };
  }
  const change = recent.impressionsPerPost && previous.impressionsPerPost
    ? ratio(recent.impressionsPerPost, previous.impressionsPerPost)
    : undefined;
  if (!change) {
    return {
      ...base,
      status: 'insufficient',
      message: `Not enough data: the ${n} weeks before ${span} may have had no impressions at all, so there is nothing to compare with.`,
    };
  }
  // previous.posts >= previous.postsKnown >= minPosts >= 1: never a division by zero.
  const postsPerWeekChange = recent.posts / previous.posts;
  const frequencyHolds = Math.abs(postsPerWeekChange - 1) < band;
  const fell = change.max < 1 - fallBy;
  const rose = change.min > 1 + riseBy;
  const status: AlertStatus = frequencyHolds && fell ? 'falling' : frequencyHolds && rose ? 'rising' : 'steady';

  const perPost = `Impressions per post ${describeChange(change)} in ${span} against the ${n} before`;
  const posting = `${num(recent.postsPerWeek)} posts/week against ${num(previous.postsPerWeek)}`;
  const freqChange = pct(postsPerWeekChange - 1);
  let message: string;
  if (status === 'falling') message = `${perPost}, while posting frequency held (${posting}).`;
  else if (status === 'rising') message = `${perPost}, with posting frequency unchanged (${posting}).`;
  else if (fell || rose)
    message =
      `${perPost}, but posting frequency changed by ${freqChange > 0 ? '+' : '−'}${Math.abs(freqChange)}% ` +
      `(${posting}; the comparison needs it within ±${pct(band)}%).`;
  else
    message =
      `${perPost}: within the ${pct(fallBy)}% fall / ${pct(riseBy)}% rise thresholds once the counts' precision ` +
      `is allowed for (${posting}).`;
  return { ...base, status, change, postsPerWeekChange, frequencyHolds, message };
}
