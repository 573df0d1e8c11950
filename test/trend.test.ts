import { describe, expect, it } from 'vitest';
import type { Count } from '../lib/count';
import * as metrics from '../lib/metrics';
import {
  ALERT_DEFAULTS, WEEK, impressionsFallingAlert, isoWeekStart, weeklyTrend, type AlertOptions, type TrendPost, type WeekTrend,
} from '../lib/trend';

const ex = (n: number): Count => ({ value: n, min: n, max: n, exact: true });
const iv = (min: number, max: number, value = min): Count => ({ value, min, max, exact: false });
const H = 3_600_000;
const D = 24 * H;

// "Now" is Wednesday 2026-03-11 12:00 UTC; its week (incomplete) starts Monday 2026-03-09.
const NOW = Date.UTC(2026, 2, 11, 12);
const THIS_WEEK = Date.UTC(2026, 2, 9);
/** Monday of the k-th complete week before now: 1 = last week … 4 = oldest of the recent window, 5..8 = previous. */
const weekAgo = (k: number) => THIS_WEEK - k * WEEK;

/** n posts published in week `k` weeks ago (spread over its days), each with these impressions (undefined = not read). */
function postsIn(k: number, n: number, impressions: Count | undefined): TrendPost[] {
  return Array.from({ length: n }, (_, i) => ({
    publishedAt: weekAgo(k) + (i % 7) * D + 9 * H + i * 1000,
    metrics: impressions ? { impressions } : {},
  }));
}
/** `perWeek` posts in each of weeks `from`..`to` weeks ago. */
function span(from: number, to: number, perWeek: number, impressions: Count | undefined): TrendPost[] {
  const out: TrendPost[] = [];
  for (let k = from; k <= to; k++) out.push(...postsIn(k, perWeek, impressions));
  return out;
}
const previous = (perWeek: number, imp: Count | undefined) => span(5, 8, perWeek, imp);
const recent = (perWeek: number, imp: Count | undefined) => span(1, 4, perWeek, imp);
const alertOf = (posts: TrendPost[], opts: Partial<AlertOptions> = {}) =>
  impressionsFallingAlert(weeklyTrend(posts, { now: NOW }), { now: NOW, ...opts });

describe('isoWeekStart (UTC, Monday start)', () => {
  it.each<[string, number, number]>([
    ['a Monday at midnight is its own start', Date.UTC(2026, 2, 9), Date.UTC(2026, 2, 9)],
    ['Wednesday noon', NOW, THIS_WEEK],
    ['the last millisecond of Sunday belongs to the week before', Date.UTC(2026, 2, 9) - 1, Date.UTC(2026, 2, 2)],
    ['Sunday 2021-01-03 is in ISO week 53 of 2020', Date.UTC(2021, 0, 3, 23), Date.UTC(2020, 11, 28)],
    ['New Year’s Eve 2024 (Tuesday)', Date.UTC(2024, 11, 31, 18), Date.UTC(2024, 11, 30)],
    ['1970-01-01 was a Thursday', 0, Date.UTC(1969, 11, 29)],
    ['before 1970', Date.UTC(1969, 6, 20, 20, 17), Date.UTC(1969, 6, 14)],
  ])('%s', (_n, ms, start) => {
    expect(isoWeekStart(ms)).toBe(start);
    expect(new Date(isoWeekStart(ms)).getUTCDay()).toBe(1);
  });
});

describe('weeklyTrend', () => {
  it('groups by week of publishedAt, sums impressions as intervals, and counts posts with and without them', () => {
    const posts: TrendPost[] = [
      { publishedAt: weekAgo(2) + 1 * D, metrics: { impressions: ex(1_000) } },
      { publishedAt: weekAgo(2) + 6 * D + 23 * H, metrics: { impressions: iv(2_300, 2_399) } }, // Sunday night
      { publishedAt: weekAgo(2) + 3 * D, metrics: {} }, // a post whose impressions were never read
      { publishedAt: weekAgo(1), metrics: { impressions: ex(0) } },
    ];
    expect(weeklyTrend(posts)).toEqual<WeekTrend[]>([
      {
        weekStart: weekAgo(2), posts: 3, postsKnown: 2,
        impressions: iv(3_300, 3_399), impressionsPerPost: iv(1_650, 1_699.5),
      },
      { weekStart: weekAgo(1), posts: 1, postsKnown: 1, impressions: ex(0), impressionsPerPost: ex(0) },
    ]);
  });

  it('weeks without posts are in the series with 0 posts, not missing', () => {
    const weeks = weeklyTrend([...postsIn(6, 2, ex(10)), ...postsIn(2, 1, ex(10))]);
    expect(weeks.map((w) => [w.weekStart, w.posts])).toEqual([
      [weekAgo(6), 2], [weekAgo(5), 0], [weekAgo(4), 0], [weekAgo(3), 0], [weekAgo(2), 1],
    ]);
    expect(weeks[1]).toEqual({ weekStart: weekAgo(5), posts: 0, postsKnown: 0, impressions: undefined, impressionsPerPost: undefined });
  });

  it('`now` extends the series through the current week', () => {
    const weeks = weeklyTrend(postsIn(3, 1, ex(10)), { now: NOW });
    expect(weeks.map((w) => w.weekStart)).toEqual([weekAgo(3), weekAgo(2), weekAgo(1), THIS_WEEK]);
    expect(weeks.slice(1).every((w) => w.posts === 0)).toBe(true);
  });

  it.each<[string, TrendPost[]]>([
    ['no posts', []],
    ['no publish times', [{ metrics: { impressions: ex(5) } }]],
    ['unreadable publish times', [{ publishedAt: NaN, metrics: {} }, { publishedAt: Infinity, metrics: {} }, { publishedAt: 1e20, metrics: {} }]],
  ])('is empty with %s', (_n, posts) => expect(weeklyTrend(posts, { now: NOW })).toEqual([]));

  it('leaves undated posts out and does not depend on input order', () => {
    const posts = [...recent(2, ex(100)), { metrics: { impressions: ex(1e9) } }];
    const a = weeklyTrend(posts);
    expect(weeklyTrend([...posts].reverse())).toEqual(a);
    expect(a.reduce((s, w) => s + w.posts, 0)).toBe(8);
  });

  it('takes stored PostRows as they are', () => {
    const row = { site: 'x' as const, postId: '1', url: '', firstSeen: 0, lastSeen: 0, snapshots: 1, publishedAt: weekAgo(1), metrics: { impressions: ex(7), likes: ex(1) } };
    expect(weeklyTrend([row])[0]).toMatchObject({ posts: 1, postsKnown: 1, impressions: ex(7) });
  });

  it('is re-exported by metrics', () => {
    expect(metrics.weeklyTrend).toBe(weeklyTrend);
    expect(metrics.impressionsFallingAlert).toBe(impressionsFallingAlert);
  });
});

describe('impressionsFallingAlert', () => {
  it('has the documented defaults', () => {
    expect(ALERT_DEFAULTS).toEqual({ weeks: 4, frequencyBand: 0.25, fallBy: 0.3, riseBy: 0.3, minPosts: 3 });
  });

  // [name, posts, options, status, change (point value), frequencyHolds]
  it.each<[string, TrendPost[], Partial<AlertOptions>, string, number | undefined, boolean]>([
    // exact counts
    ['falling: 1,000 → 500 per post at 3 posts/week', [...previous(3, ex(1_000)), ...recent(3, ex(500))], {}, 'falling', 0.5, true],
    ['steady: a 20% fall is within the threshold', [...previous(3, ex(1_000)), ...recent(3, ex(800))], {}, 'steady', 0.8, true],
    ['steady: exactly 30% is not more than 30%', [...previous(3, ex(1_000)), ...recent(3, ex(700))], {}, 'steady', 0.7, true],
    ['falling: 30.1%', [...previous(3, ex(1_000)), ...recent(3, ex(699))], {}, 'falling', 0.699, true],
    ['rising: 1,000 → 1,500', [...previous(3, ex(1_000)), ...recent(3, ex(1_500))], {}, 'rising', 1.5, true],
    ['steady: exactly 30% up is not more than 30%', [...previous(3, ex(1_000)), ...recent(3, ex(1_300))], {}, 'steady', 1.3, true],
    ['flat', [...previous(3, ex(1_000)), ...recent(3, ex(1_000))], {}, 'steady', 1, true],
    // posting frequency
    ['posting 12% more still holds', [...previous(8, ex(1_000)), ...span(1, 3, 9, ex(400)), ...postsIn(4, 9, ex(400))], {}, 'falling', 0.4, true],
    ['posting exactly 25% more does not hold', [...previous(4, ex(1_000)), ...recent(5, ex(400))], {}, 'steady', 0.4, false],
    ['posting half as often: a fall, but not the alert', [...previous(4, ex(1_000)), ...recent(2, ex(400))], {}, 'steady', 0.4, false],
    ['posting twice as often: a rise, but not "rising"', [...previous(2, ex(1_000)), ...recent(4, ex(2_000))], {}, 'steady', 2, false],
    ['posts without impressions still count as posting', [...previous(3, ex(1_000)), ...recent(1, ex(400)), ...recent(2, undefined)], {}, 'falling', 0.4, true],
    // intervals: the fall must show even on the most favourable bounds (recent.max ÷ previous.min)
    ['intervals: "1K" → "0.6K" (≤ 699 ÷ ≥ 1,000) is a sure fall', [...previous(3, iv(1_000, 1_099)), ...recent(3, iv(600, 699))], {}, 'falling', 0.6, true],
    ['intervals: 650..749 against 1,000..1,099 might be only a 25% fall', [...previous(3, iv(1_000, 1_099)), ...recent(3, iv(650, 749))], {}, 'steady', 0.65, true],
    ['intervals: a sure rise needs recent.min ÷ previous.max > 1.3', [...previous(3, iv(1_000, 1_099)), ...recent(3, iv(1_450, 1_549))], {}, 'rising', 1.45, true],
    ['intervals: 1,400..1,499 against 1,000..1,099 might be only 27% up', [...previous(3, iv(1_000, 1_099)), ...recent(3, iv(1_400, 1_499))], {}, 'steady', 1.4, true],
    ['mixed exact and interval', [...previous(3, ex(10_000)), ...recent(3, iv(5_000, 5_999))], {}, 'falling', 0.5, true],
    // insufficient
    ['insufficient: 2 recent posts with impressions', [...previous(3, ex(1_000)), ...postsIn(1, 2, ex(10))], {}, 'insufficient', undefined, false],
    ['insufficient: recent posts never had their impressions read', [...previous(3, ex(1_000)), ...recent(3, undefined)], {}, 'insufficient', undefined, false],
    ['insufficient: nothing in the previous window', recent(3, ex(500)), {}, 'insufficient', undefined, false],
    ['insufficient: previous impressions all 0 (nothing to divide by)', [...previous(3, ex(0)), ...recent(3, ex(500))], {}, 'insufficient', undefined, false],
    ['insufficient: previous impressions could be 0', [...previous(3, iv(0, 9)), ...recent(3, ex(500))], {}, 'insufficient', undefined, false],
    ['insufficient: no posts at all', [], {}, 'insufficient', undefined, false],
    ['3 in each window is enough', [...postsIn(8, 3, ex(1_000)), ...postsIn(1, 3, ex(100))], {}, 'falling', 0.1, true],
    // options
    ['minPosts 5', [...previous(1, ex(1_000)), ...recent(1, ex(100))], { minPosts: 5 }, 'insufficient', undefined, false],
    ['fallBy 0.1: a 20% fall alerts', [...previous(3, ex(1_000)), ...recent(3, ex(800))], { fallBy: 0.1 }, 'falling', 0.8, true],
    ['frequencyBand 0.1: +12% no longer holds', [...previous(8, ex(1_000)), ...recent(9, ex(400))], { frequencyBand: 0.1 }, 'steady', 0.4, false],
    ['riseBy 0.6: +50% is steady', [...previous(3, ex(1_000)), ...recent(3, ex(1_500))], { riseBy: 0.6 }, 'steady', 1.5, true],
    ['weeks 2: compares the last 2 weeks with the 2 before', [...span(3, 4, 3, ex(1_000)), ...span(1, 2, 3, ex(100)), ...span(5, 8, 3, ex(1))], { weeks: 2 }, 'falling', 0.1, true],
  ])('%s', (_n, posts, opts, status, change, holds) => {
    const a = alertOf(posts, opts);
    expect(a.status).toBe(status);
    expect(a.frequencyHolds).toBe(holds);
    if (change === undefined) expect(a.change).toBeUndefined();
    else expect(a.change?.value).toBeCloseTo(change, 9);
    expect(a.message.length).toBeGreaterThan(20);
    for (const x of [a.change?.value, a.change?.min, a.change?.max, a.postsPerWeekChange]) {
      if (x !== undefined) expect(Number.isFinite(x)).toBe(true);
    }
  });

  it('reports both windows and the interval change', () => {
    const a = alertOf([...previous(3, iv(1_000, 1_099)), ...recent(3, iv(600, 699))]);
    expect(a.recent).toMatchObject({ from: weekAgo(4), to: THIS_WEEK, weeks: 4, posts: 12, postsKnown: 12, postsPerWeek: 3 });
    expect(a.previous).toMatchObject({ from: weekAgo(8), to: weekAgo(4), weeks: 4, posts: 12, postsKnown: 12, postsPerWeek: 3 });
    expect(a.recent.impressions).toEqual(iv(7_200, 8_388));
    expect(a.recent.impressionsPerPost).toEqual(iv(600, 699));
    expect(a.change).toEqual({ value: 0.6, min: 600 / 1_099, max: 0.699, exact: false });
    expect(a.postsPerWeekChange).toBe(1);
    expect(a.message).toBe(
      'Impressions per post fell 30–45% in the last 4 complete weeks against the 4 before, while posting frequency held (3 posts/week against 3).',
    );
  });

  it.each<[string, TrendPost[], string]>([
    ['exact fall', [...previous(3, ex(1_000)), ...recent(3, ex(500))],
      'Impressions per post fell 50% in the last 4 complete weeks against the 4 before, while posting frequency held (3 posts/week against 3).'],
    ['rise', [...previous(3, ex(1_000)), ...recent(3, ex(1_500))],
      'Impressions per post rose 50% in the last 4 complete weeks against the 4 before, with posting frequency unchanged (3 posts/week against 3).'],
    ['fall with frequency moved', [...previous(4, ex(1_000)), ...recent(2, ex(400))],
      'Impressions per post fell 60% in the last 4 complete weeks against the 4 before, but posting frequency changed by −50% (2 posts/week against 4; the comparison needs it within ±25%).'],
    ['uncertain either way', [...previous(3, iv(1_000, 1_099)), ...recent(3, iv(1_000, 1_099))],
      'Impressions per post changed between −9% and +10% in the last 4 complete weeks against the 4 before: within the 30% fall / 30% rise thresholds once the counts\' precision is allowed for (3 posts/week against 3).'],
    ['insufficient', [...previous(3, ex(1_000)), ...postsIn(1, 2, ex(10))],
      'Not enough data: 2 posts with impressions in the last 4 complete weeks and 12 in the 4 before; the comparison needs 3 in each.'],
  ])('message: %s', (_n, posts, message) => expect(alertOf(posts).message).toBe(message));

  it('weeks absent from the input count as weeks with 0 posts', () => {
    // Recent: 12 posts, all in two of the four weeks. 3/week over the window, as before: frequency holds.
    const posts = [...previous(3, ex(1_000)), ...postsIn(1, 6, ex(400)), ...postsIn(3, 6, ex(400))];
    const full = weeklyTrend(posts, { now: NOW });
    const sparse = full.filter((w) => w.posts > 0);
    expect(sparse.length).toBeLessThan(full.length);
    for (const weeks of [full, sparse]) {
      const a = impressionsFallingAlert(weeks, { now: NOW });
      expect(a).toMatchObject({ status: 'falling', frequencyHolds: true, postsPerWeekChange: 1 });
      expect(a.recent.postsPerWeek).toBe(3);
    }
  });

  it('a posting gap is a frequency change: a quiet fortnight is not a holding frequency', () => {
    const a = alertOf([...previous(3, ex(1_000)), ...postsIn(1, 3, ex(400)), ...postsIn(2, 3, ex(400))]);
    expect(a).toMatchObject({ status: 'steady', frequencyHolds: false, postsPerWeekChange: 0.5 });
  });

  it('ignores the current, incomplete week and anything older than the two windows', () => {
    const base = [...previous(3, ex(1_000)), ...recent(3, ex(500))];
    const noise = [...postsIn(0, 20, ex(1)), ...span(9, 20, 10, ex(1e9))];
    const a = alertOf(base);
    const b = alertOf([...base, ...noise]);
    expect(b.status).toBe('falling');
    expect(b.recent).toEqual(a.recent);
    expect(b.previous).toEqual(a.previous);
  });

  it('each post weighs the same in its window, whatever its week', () => {
    // Previous: one week with 9 posts at 100, one with 1 post at 10,000 → 10,900 / 10 = 1,090 per post.
    const posts = [...postsIn(8, 9, ex(100)), ...postsIn(5, 1, ex(10_000)), ...span(1, 4, 2, ex(1_090)), ...postsIn(1, 2, ex(1_090))];
    const a = alertOf(posts);
    expect(a.previous.impressionsPerPost?.value).toBe(1_090);
    expect(a.change?.value).toBe(1);
  });

  it('a Monday-midnight `now` makes the week just ended complete', () => {
    const posts = [...previous(3, ex(1_000)), ...recent(3, ex(500))];
    expect(impressionsFallingAlert(weeklyTrend(posts), { now: THIS_WEEK }).status).toBe('falling');
    expect(impressionsFallingAlert(weeklyTrend(posts), { now: THIS_WEEK - 1 }).recent.from).toBe(weekAgo(5));
  });

  it('an unreadable `now` is insufficient, not a throw', () => {
    expect(impressionsFallingAlert(weeklyTrend(recent(3, ex(1))), { now: NaN }).status).toBe('insufficient');
  });
});
