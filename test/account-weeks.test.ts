import { describe, expect, it } from 'vitest';
import { accountWeeks, type WeekPost } from '@/lib/account-weeks';
import { isoWeekStart, WEEK } from '@/lib/trend';
import type { Count } from '@/lib/count';

const ex = (n: number): Count => ({ value: n, min: n, max: n, exact: true });
const approx = (min: number, max: number): Count => ({ value: min, min, max, exact: false });
const DAY = 86_400_000;
/** Monday 2026-03-02 00:00 UTC. */
const W0 = Date.UTC(2026, 2, 2);

const p = (at: number, metrics: WeekPost['metrics'], site: WeekPost['site'] = 'linkedin'): WeekPost => ({ site, publishedAt: at, metrics });

describe('accountWeeks', () => {
  it('groups by ISO week (Monday UTC) and fills empty weeks', () => {
    expect(isoWeekStart(W0)).toBe(W0);
    const weeks = accountWeeks([
      p(W0 + DAY, { impressions: ex(100) }),
      p(W0 + 6 * DAY + 23 * 3_600_000, { impressions: ex(50) }), // Sunday 23:00 UTC: still week 0
      p(W0 + 2 * WEEK, { impressions: ex(10) }),
    ]);
    expect(weeks.map((w) => [w.weekStart, w.posts, w.impressions?.value])).toEqual([
      [W0, 2, 150],
      [W0 + WEEK, 0, undefined],
      [W0 + 2 * WEEK, 1, 10],
    ]);
  });

  it('extends through now, and leaves out posts without a publish time', () => {
    const weeks = accountWeeks([p(W0, { impressions: ex(1) }), { site: 'x', metrics: { impressions: ex(5) } }], { now: W0 + 3 * WEEK + DAY });
    expect(weeks).toHaveLength(4);
    expect(weeks.at(-1)).toMatchObject({ weekStart: W0 + 3 * WEEK, posts: 0 });
    expect(accountWeeks([{ site: 'x', metrics: {} }])).toEqual([]);
  });

  it('frequency = Σ impressions ÷ Σ reach over the posts that have both', () => {
    const [week] = accountWeeks([
      p(W0, { impressions: ex(50_000), reach: ex(5_000) }),
      p(W0 + DAY, { impressions: ex(10_000), reach: ex(5_000) }),
      p(W0 + 2 * DAY, { impressions: ex(99_999) }), // no reach: in Σ impressions, not in the frequency
      p(W0 + 3 * DAY, { reach: ex(1_000) }), // no impressions: in Σ reach, not in the frequency
    ]);
    expect(week!.impressions?.value).toBe(159_999);
    expect(week!.reach?.value).toBe(11_000);
    expect(week!.frequency?.value).toBe(6);
    expect(week!.frequencyPosts).toBe(2);
  });

  it('ER = Σ engagements ÷ Σ impressions × 100 over the posts that have both', () => {
    const [week] = accountWeeks([
      p(W0, { impressions: ex(50_000), likes: ex(400), replies: ex(60), reposts: ex(40) }), // 500
      p(W0 + DAY, { impressions: ex(50_000), likes: ex(1_500) }), // 1,500
      p(W0 + 2 * DAY, { likes: ex(9_999) }), // no impressions: left out
      p(W0 + 3 * DAY, { impressions: ex(1_000) }), // no engagements: left out
    ]);
    expect(week!.er?.value).toBeCloseTo(2, 10);
    expect(week!.erPosts).toBe(2);
  });

  it('uses the given engagement set', () => {
    const [week] = accountWeeks([p(W0, { impressions: ex(1_000), likes: ex(10), replies: ex(10) })], { sets: { linkedin: ['likes'] } });
    expect(week!.er?.value).toBeCloseTo(1, 10);
  });

  it('carries intervals through', () => {
    const [week] = accountWeeks([p(W0, { impressions: approx(2_300, 2_399), reach: ex(1_000) })]);
    expect(week!.impressions).toEqual({ value: 2_300, min: 2_300, max: 2_399, exact: false });
    expect(week!.frequency).toMatchObject({ min: 2.3, max: 2.399, exact: false });
  });

  it('a zero reach gives no frequency, never Infinity', () => {
    const [week] = accountWeeks([p(W0, { impressions: ex(10), reach: ex(0) })]);
    expect(week!.frequency).toBeUndefined();
  });
});
