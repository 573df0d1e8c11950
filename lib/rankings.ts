// Top posts: the stored posts ranked by impressions, by engagement rate or by velocity, within a time window and
// optional site/author filters. Pure: rows (and each post's latest velocity) in, an ordered list out.
import { bestEngagementRate, engagementRate, latestVelocity, type EngagementSetOption, type MetricVelocity, type SnapshotLike } from './metrics';
import type { ErBasisChoice } from './preferences';
import type { PostRow } from './store/schema';
import type { Metric, SiteId } from './types';

export const RANK_BY = ['impressions', 'er', 'velocity'] as const;
export type RankBy = (typeof RANK_BY)[number];

export const TIME_WINDOWS = ['24h', '7d', '30d', 'all'] as const;
export type TimeWindow = (typeof TIME_WINDOWS)[number];

const HOUR = 3_600_000;
export const WINDOW_MS: Record<TimeWindow, number> = { '24h': 24 * HOUR, '7d': 7 * 24 * HOUR, '30d': 30 * 24 * HOUR, all: Infinity };

/** The counters velocity is measured on, in order: the first one with two readings is the post's velocity. */
export const VELOCITY_METRICS: readonly Metric[] = ['impressions', 'views', 'likes'];

export const postKey = (p: { site: SiteId; postId: string }): string => `${p.site}:${p.postId}`;

/**
 * When a post counts as "in the last 7 days": its publish time, or — for the many posts a page shows no date
 * for — when Postmeter first saw it. Not lastSeen: scrolling past an old post again must not make it new.
 */
export function postTime(p: Pick<PostRow, 'publishedAt' | 'firstSeen'>): number {
  return p.publishedAt ?? p.firstSeen;
}

export function inWindow(p: Pick<PostRow, 'publishedAt' | 'firstSeen'>, window: TimeWindow, now: number): boolean {
  if (window === 'all') return true;
  const at = postTime(p);
  return at > now - WINDOW_MS[window] && at <= now;
}

/** A post's latest velocity: on the first of VELOCITY_METRICS that has two readings in its snapshots. */
export function postVelocity(snapshots: readonly SnapshotLike[]): MetricVelocity | undefined {
  for (const metric of VELOCITY_METRICS) {
    const v = latestVelocity(snapshots, metric);
    if (v) return v;
  }
  return undefined;
}

/** Each post's latest velocity from a mixed list of snapshots (e.g. the newest N of all posts). */
export function velocitiesByPost(snapshots: Iterable<SnapshotLike & { site: SiteId; postId: string }>): Map<string, MetricVelocity> {
  const grouped = new Map<string, SnapshotLike[]>();
  for (const s of snapshots) {
    const key = postKey(s);
    let list = grouped.get(key);
    if (!list) grouped.set(key, (list = []));
    list.push(s);
  }
  const out = new Map<string, MetricVelocity>();
  for (const [key, list] of grouped) {
    const v = postVelocity(list);
    if (v) out.set(key, v);
  }
  return out;
}

export interface RankQuery {
  by: RankBy;
  window: TimeWindow;
  now: number;
  /** Only this site. */
  site?: SiteId;
  /** Only authors whose handle contains this (case-insensitive; a leading @ is ignored). */
  author?: string;
  limit: number;
  /** For 'velocity': each post's latest velocity, by "site:postId". */
  velocities?: ReadonlyMap<string, MetricVelocity>;
  /** For 'er': the user's engagement sets and denominator choice (lib/preferences.ts). */
  sets?: EngagementSetOption;
  basis?: ErBasisChoice;
}

export interface Ranked {
  post: PostRow;
  /** What the list is sorted by: impressions, ER in percent, or change per hour. */
  score: number;
  /** For 'velocity': the metric it was measured on. */
  metric?: Metric;
  /** False when the score comes from rounded counts (intervals): shown with a "~". */
  exact?: boolean;
}

/** The score a post is ranked by, or undefined when it has none (it is then left out, not ranked last as 0). */
export function scoreOf(post: PostRow, q: Pick<RankQuery, 'by' | 'velocities' | 'sets' | 'basis'>): Omit<Ranked, 'post'> | undefined {
  switch (q.by) {
    case 'impressions': {
      const c = post.metrics.impressions;
      return c ? { score: c.value } : undefined;
    }
    case 'er': {
      const basis = q.basis ?? 'auto';
      const er = basis === 'auto' ? bestEngagementRate(post.site, post.metrics, q.sets) : engagementRate(post.site, post.metrics, basis, q.sets);
      return er ? { score: er.value } : undefined;
    }
    case 'velocity': {
      const v = q.velocities?.get(postKey(post));
      return v ? { score: v.value, metric: v.metric, exact: v.exact } : undefined;
    }
  }
}

const authorNeedle = (s: string) => s.trim().replace(/^@/, '').toLowerCase();

/** Highest score first; ties by the more recently seen, then by key, so the order never flickers. */
export function rankPosts(posts: Iterable<PostRow>, q: RankQuery): Ranked[] {
  const needle = q.author ? authorNeedle(q.author) : '';
  const out: Ranked[] = [];
  for (const post of posts) {
    if (q.site && post.site !== q.site) continue;
    if (needle && !(post.author ?? '').toLowerCase().includes(needle)) continue;
    if (!inWindow(post, q.window, q.now)) continue;
    const s = scoreOf(post, q);
    if (s && Number.isFinite(s.score)) out.push({ post, ...s });
  }
  out.sort((a, b) => b.score - a.score || b.post.lastSeen - a.post.lastSeen || (postKey(a.post) < postKey(b.post) ? -1 : 1));
  return out.slice(0, Math.max(0, q.limit));
}

/** The sites and authors present, sorted, for the filter controls. */
export function filterChoices(posts: Iterable<PostRow>): { sites: SiteId[]; authors: string[] } {
  const sites = new Set<SiteId>();
  const authors = new Set<string>();
  for (const p of posts) {
    sites.add(p.site);
    if (p.author) authors.add(p.author);
  }
  return { sites: [...sites].sort(), authors: [...authors].sort((a, b) => a.localeCompare(b)) };
}
