import { describe, expect, it } from 'vitest';
import type { Count } from '../lib/count';
import {
  ENGAGEMENT_METRICS, bestEngagementRate, ctr, diff, engagementRate, engagements, frequency, growth, ratio, sum,
  velocity, viewsPerHour, type Interval,
} from '../lib/metrics';
import { METRICS, type Metrics, type SiteId } from '../lib/types';

const ex = (n: number): Count => ({ value: n, min: n, max: n, exact: true });
const iv = (min: number, max: number, value = min): Count => ({ value, min, max, exact: false });
const H = 3_600_000;

/** Compare an interval with float tolerance. */
function near(actual: Interval | undefined, expected: Interval | undefined) {
  if (expected === undefined) return expect(actual).toBeUndefined();
  expect(actual).toBeDefined();
  expect(actual!.exact).toBe(expected.exact);
  expect(actual!.value).toBeCloseTo(expected.value, 9);
  expect(actual!.min).toBeCloseTo(expected.min, 9);
  expect(actual!.max).toBeCloseTo(expected.max, 9);
}

describe('interval arithmetic', () => {
  it.each<[string, Count[], Interval | undefined]>([
    ['exact terms', [ex(1), ex(2), ex(3)], ex(6)],
    ['an interval makes the sum an interval', [ex(10), iv(2300, 2399)], iv(2310, 2409)],
    ['zeros count', [ex(0), ex(0)], ex(0)],
    ['nothing known is undefined, not 0', [], undefined],
  ])('sum: %s', (_n, terms, expected) => near(sum(terms), expected));

  it.each<[string, Count, Count, Interval | undefined]>([
    ['exact', ex(50_000), ex(5_000), ex(10)],
    ['interval numerator', iv(2300, 2399), ex(100), iv(23, 23.99)],
    ['interval denominator', ex(100), iv(1000, 1999), { value: 0.1, min: 100 / 1999, max: 0.1, exact: false }],
    ['both intervals', iv(10, 19), iv(100, 199), { value: 0.1, min: 10 / 199, max: 0.19, exact: false }],
    ['zero numerator', ex(0), ex(10), ex(0)],
    ['zero denominator is unknown, never Infinity', ex(5), ex(0), undefined],
    ['0/0 is unknown, never NaN', ex(0), ex(0), undefined],
    ['a denominator that could be zero is unknown', ex(5), iv(0, 9, 5), undefined],
  ])('ratio: %s', (_n, a, b, expected) => near(ratio(a, b), expected));

  it('diff spans the widest change the bounds allow', () => {
    near(diff(iv(2400, 2499), ex(2370)), { value: 30, min: 30, max: 129, exact: false });
    near(diff(ex(5), ex(7)), ex(-2));
  });
});

describe('engagement sets', () => {
  it('has a set for every site, each made of known metric names', () => {
    const sites: SiteId[] = ['x', 'linkedin', 'youtube', 'instagram', 'facebook', 'tiktok', 'threads', 'bluesky', 'reddit', 'mastodon'];
    expect(Object.keys(ENGAGEMENT_METRICS).sort()).toEqual([...sites].sort());
    for (const s of sites) {
      expect(ENGAGEMENT_METRICS[s].length).toBeGreaterThan(0);
      for (const m of ENGAGEMENT_METRICS[s]) expect(METRICS).toContain(m);
    }
    expect(ENGAGEMENT_METRICS.x).toEqual(['replies', 'reposts', 'likes', 'bookmarks', 'quotes']);
    expect(ENGAGEMENT_METRICS.youtube).toEqual(['likes', 'replies']);
  });
});

describe('engagements', () => {
  it('sums the known metrics of the set and says which were counted and which were missing', () => {
    const e = engagements('x', { replies: ex(2), reposts: ex(3), likes: ex(10), views: ex(999) });
    expect(e).toEqual({ count: ex(15), counted: ['replies', 'reposts', 'likes'], missing: ['bookmarks', 'quotes'] });
  });
  it('carries intervals through', () => {
    expect(engagements('youtube', { likes: iv(1200, 1299), replies: ex(40) })?.count).toEqual(iv(1240, 1339));
  });
  it('zeros are known values', () => {
    expect(engagements('mastodon', { likes: ex(0), reposts: ex(0), replies: ex(0) })?.count).toEqual(ex(0));
  });
  it('is undefined when none of the set is known', () => {
    expect(engagements('x', { views: ex(100) })).toBeUndefined();
    expect(engagements('x', {})).toBeUndefined();
  });
  it('takes a custom set', () => {
    expect(engagements('x', { likes: ex(1), replies: ex(2) }, ['likes'])).toEqual({ count: ex(1), counted: ['likes'], missing: [] });
  });
});

describe('engagementRate', () => {
  const m: Metrics = { impressions: ex(1000), reach: ex(400), followers: ex(10_000), likes: ex(30), replies: ex(5), reposts: ex(5) };

  it.each<[string, 'impressions' | 'reach' | 'followers', number]>([
    ['by impressions', 'impressions', 4],
    ['by reach', 'reach', 10],
    ['by followers', 'followers', 0.4],
  ])('%s, in percent, naming its basis, denominator and engagements', (_n, basis, pct) => {
    const r = engagementRate('x', m, basis)!;
    expect(r.value).toBeCloseTo(pct, 9);
    expect(r).toMatchObject({ exact: true, basis, denominator: m[basis], engagements: ex(40), counted: ['replies', 'reposts', 'likes'] });
  });

  it('is an interval when an input is', () => {
    const r = engagementRate('x', { impressions: iv(2300, 2399), likes: ex(23) }, 'impressions')!;
    near(r, { value: 1, min: 2300 / 2399, max: 1, exact: false });
  });

  it.each<[string, Metrics]>([
    ['denominator unknown', { likes: ex(3) }],
    ['denominator zero', { impressions: ex(0), likes: ex(3) }],
    ['no engagement known', { impressions: ex(100) }],
  ])('is undefined when %s', (_n, metrics) => {
    expect(engagementRate('x', metrics, 'impressions')).toBeUndefined();
  });

  it('zero engagements over a known denominator is a real 0%', () => {
    expect(engagementRate('x', { impressions: ex(100), likes: ex(0) }, 'impressions')?.value).toBe(0);
  });

  it('bestEngagementRate tries impressions, then reach, then followers', () => {
    expect(bestEngagementRate('x', m)?.basis).toBe('impressions');
    expect(bestEngagementRate('linkedin', { reach: ex(100), followers: ex(1000), likes: ex(1) })?.basis).toBe('reach');
    expect(bestEngagementRate('bluesky', { followers: ex(200), likes: ex(4) })).toMatchObject({ basis: 'followers', value: 2 });
    expect(bestEngagementRate('bluesky', { impressions: ex(0), followers: ex(200), likes: ex(4) })?.basis).toBe('followers');
    expect(bestEngagementRate('bluesky', { likes: ex(4) })).toBeUndefined();
  });
});

describe('frequency and ctr', () => {
  it.each<[string, Metrics, Interval | undefined]>([
    ['50,000 impressions over 5,000 people = 10', { impressions: ex(50_000), reach: ex(5_000) }, ex(10)],
    ['intervals', { impressions: iv(50_000, 50_999), reach: ex(5_000) }, iv(10, 10.1998)],
    ['reach unknown', { impressions: ex(5) }, undefined],
    ['impressions unknown', { reach: ex(5) }, undefined],
    ['reach zero', { impressions: ex(5), reach: ex(0) }, undefined],
  ])('frequency: %s', (_n, metrics, expected) => near(frequency(metrics), expected));

  it.each<[string, Metrics, Interval | undefined]>([
    ['3 clicks in 600 impressions = 0.5%', { clicks: ex(3), impressions: ex(600) }, ex(0.5)],
    ['zero clicks', { clicks: ex(0), impressions: ex(600) }, ex(0)],
    ['no impressions', { clicks: ex(3), impressions: ex(0) }, undefined],
    ['clicks unknown', { impressions: ex(600) }, undefined],
  ])('ctr: %s', (_n, metrics, expected) => near(ctr(metrics), expected));
});

describe('viewsPerHour', () => {
  it('divides views by hours since publishing', () => {
    const r = viewsPerHour({ views: ex(1200) }, 0, 4 * H)!;
    expect(r).toMatchObject({ metric: 'views', hours: 4, exact: true });
    expect(r.value).toBe(300);
  });
  it('falls back to impressions and says so', () => {
    expect(viewsPerHour({ impressions: iv(2300, 2399) }, 0, 2 * H)).toEqual({
      value: 1150, min: 1150, max: 1199.5, exact: false, metric: 'impressions', hours: 2,
    });
  });
  it('prefers views over impressions', () => {
    expect(viewsPerHour({ views: ex(10), impressions: ex(99) }, 0, H)?.metric).toBe('views');
  });
  it.each<[string, Metrics, number | undefined, number]>([
    ['no publish time', { views: ex(10) }, undefined, H],
    ['no counter', { likes: ex(10) }, 0, H],
    ['at before publish', { views: ex(10) }, H, 0],
    ['at equal to publish', { views: ex(10) }, H, H],
    ['under a minute', { views: ex(10) }, 0, 59_999],
  ])('is undefined with %s', (_n, metrics, publishedAt, at) => {
    expect(viewsPerHour(metrics, publishedAt, at)).toBeUndefined();
  });
  it('one minute is enough', () => {
    expect(viewsPerHour({ views: ex(1) }, 0, 60_000)?.value).toBeCloseTo(60, 9);
  });
});

describe('growth and velocity', () => {
  it.each<[string, Count | undefined, Count | undefined, Interval | undefined]>([
    ['exact', ex(150), ex(100), ex(50)],
    ['a drop is negative', ex(90), ex(100), ex(-10)],
    ['no change', ex(0), ex(0), ex(0)],
    ['interval now', iv(2400, 2499), ex(2370), { value: 30, min: 30, max: 129, exact: false }],
    ['unknown before', ex(5), undefined, undefined],
    ['unknown now', undefined, ex(5), undefined],
  ])('growth: %s', (_n, now, before, expected) => near(growth(now, before), expected));

  it.each<[string, number, Count | undefined, number, Count | undefined, Interval | undefined]>([
    ['Δ per hour', 0, ex(100), 2 * H, ex(300), ex(100)],
    ['half an hour', 0, ex(100), H / 2, ex(110), ex(20)],
    ['intervals', 0, ex(2370), H, iv(2400, 2499), { value: 30, min: 30, max: 129, exact: false }],
    ['no change', 0, ex(7), H, ex(7), ex(0)],
    ['Δt zero', H, ex(1), H, ex(2), undefined],
    ['b before a', 2 * H, ex(1), H, ex(2), undefined],
    ['unknown count', 0, undefined, H, ex(2), undefined],
  ])('velocity: %s', (_n, at1, c1, at2, c2, expected) => near(velocity({ at: at1, count: c1 }, { at: at2, count: c2 }), expected));
});
