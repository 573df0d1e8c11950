import { describe, expect, it } from 'vitest';
import type { Count } from '../lib/count';
import { badgeFigures, erFigure, postRowFigures } from '../lib/figures';
import {
  AUDIENCE_METRICS, ENGAGEMENT_METRICS, RATE_BASES, bestEngagementRate, ctr, diff, engagementRate, engagementRates,
  engagementSet, engagements, frequency, growth, latestVelocity, ratio, sum, velocity, viewsPerHour,
  type EngagementSets, type Interval, type SnapshotLike,
} from '../lib/metrics';
import { postCsvCells, POSTS_CSV_HEADER } from '../lib/store/export';
import type { PostRow } from '../lib/store/schema';
import { METRICS, type Metric, type Metrics, type SiteId } from '../lib/types';

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

// ─── Added with issue 3: every rate's basis, configured engagement sets, latest velocity, no Infinity/NaN ───

describe("the seed's example and every formula on one post", () => {
  // 50,000 impressions over 5,000 people; 500 engagements; 20,000 followers; 750 clicks; 10 hours old.
  const post: Metrics = {
    impressions: ex(50_000), reach: ex(5_000), followers: ex(20_000), clicks: ex(750),
    likes: ex(400), replies: ex(50), reposts: ex(50),
  };

  it('frequency = impressions ÷ reach = 10, naming its basis', () => {
    expect(frequency(post)).toEqual({
      value: 10, min: 10, max: 10, exact: true,
      basis: 'reach', denominator: ex(5_000), numerator: 'impressions', numeratorCount: ex(50_000),
    });
  });

  it.each<[string, 'impressions' | 'reach' | 'followers', number]>([
    ['500 ÷ 50,000 impressions = 1%', 'impressions', 1],
    ['500 ÷ 5,000 reached = 10%', 'reach', 10],
    ['500 ÷ 20,000 followers = 2.5%', 'followers', 2.5],
  ])('ER %s', (_n, basis, pct) => {
    const r = engagementRate('x', post, basis)!;
    near(r, ex(pct));
    expect(r).toMatchObject({
      basis, denominator: post[basis], engagements: ex(500),
      counted: ['replies', 'reposts', 'likes'], missing: ['bookmarks', 'quotes'],
    });
  });

  it('engagementRates gives every basis whose denominator is known', () => {
    const all = engagementRates('x', post);
    expect(Object.keys(all)).toEqual(['impressions', 'reach', 'followers']); // this post shows no views
    expect(all.reach?.value).toBeCloseTo(10, 9);
    expect(Object.keys(engagementRates('x', { likes: ex(3), followers: ex(300) }))).toEqual(['followers']);
    expect(engagementRates('youtube', { likes: ex(30), replies: ex(10), views: ex(4000) }).views?.value).toBe(1);
    expect(engagementRates('x', { likes: ex(3) })).toEqual({});
  });

  it('CTR = 750 ÷ 50,000 × 100 = 1.5%, naming its basis', () => {
    expect(ctr(post)).toEqual({ value: 1.5, min: 1.5, max: 1.5, exact: true, basis: 'impressions', denominator: ex(50_000), clicks: ex(750) });
  });

  it('views per hour: 50,000 impressions over 10 h = 5,000/h', () => {
    expect(viewsPerHour(post, 0, 10 * H)).toEqual({ value: 5000, min: 5000, max: 5000, exact: true, metric: 'impressions', hours: 10 });
  });

  it('velocity: 50,000 → 56,000 in 3 h = 2,000/h, with its span', () => {
    expect(velocity({ at: 10 * H, count: ex(50_000) }, { at: 13 * H, count: ex(56_000) })).toEqual({
      value: 2000, min: 2000, max: 2000, exact: true, delta: ex(6_000), hours: 3, from: 10 * H, to: 13 * H,
    });
  });
});

describe('rates on intervals (truncated displays)', () => {
  it.each<[string, () => Interval | undefined, Interval]>([
    // "50K" impressions over "5K" reached: 50,000..50,999 ÷ 5,000..5,099
    ['frequency 50K ÷ 5K', () => frequency({ impressions: iv(50_000, 50_999), reach: iv(5_000, 5_099) }),
      { value: 10, min: 50_000 / 5_099, max: 50_999 / 5_000, exact: false }],
    ['ER by reach, interval engagements', () => engagementRate('linkedin', { reach: ex(1_000), likes: iv(1_200, 1_299), replies: ex(30) }, 'reach'),
      { value: 123, min: 123, max: 132.9, exact: false }],
    ['ER by followers "1.2M"', () => engagementRate('bluesky', { followers: iv(1_200_000, 1_299_999), likes: ex(12_000) }, 'followers'),
      { value: 1, min: 1_200_000 / 1_299_999, max: 1, exact: false }],
    ['CTR over "2.3K" impressions', () => ctr({ clicks: ex(23), impressions: iv(2_300, 2_399) }),
      { value: 1, min: 2_300 / 2_399, max: 1, exact: false }],
    ['VPH of "1.6M" views over 16 h', () => viewsPerHour({ views: iv(1_600_000, 1_699_999) }, 0, 16 * H),
      { value: 100_000, min: 100_000, max: 1_699_999 / 16, exact: false }],
  ])('%s', (_n, f, expected) => near(f(), expected));

  it('an interval always contains the rate of any exact counts inside it', () => {
    const r = frequency({ impressions: iv(50_000, 50_999), reach: iv(5_000, 5_099) })!;
    for (const [i, u] of [[50_000, 5_000], [50_999, 5_099], [50_500, 5_050], [50_999, 5_000], [50_000, 5_099]] as const) {
      expect(i / u).toBeGreaterThanOrEqual(r.min);
      expect(i / u).toBeLessThanOrEqual(r.max);
    }
  });
});

describe('unknown or zero denominators give undefined, never Infinity or NaN', () => {
  const zeroish: [string, Count | undefined][] = [
    ['unknown', undefined],
    ['zero', ex(0)],
    ['an interval reaching 0', iv(0, 9, 0)],
  ];
  for (const [label, d] of zeroish) {
    const withD = (name: Metric, rest: Metrics): Metrics => (d ? { ...rest, [name]: d } : rest);
    it.each<[string, () => unknown]>([
      ['ER by impressions', () => engagementRate('x', withD('impressions', { likes: ex(5) }), 'impressions')],
      ['ER by reach', () => engagementRate('x', withD('reach', { likes: ex(5) }), 'reach')],
      ['ER by followers', () => engagementRate('x', withD('followers', { likes: ex(5) }), 'followers')],
      ['best ER', () => bestEngagementRate('x', withD('impressions', withD('reach', withD('followers', { likes: ex(5) }))))],
      ['frequency', () => frequency(withD('reach', { impressions: ex(5) }))],
      ['CTR', () => ctr(withD('impressions', { clicks: ex(5) }))],
    ])(`${label}: %s`, (_n, f) => expect(f()).toBeUndefined());
  }

  // Every function over every combination of a small table of counts: each answer is undefined or a well-formed
  // interval (finite, min <= value <= max) — including zeros, intervals touching 0, and 2^53-sized counts.
  const counts: (Count | undefined)[] = [
    undefined, ex(0), ex(1), ex(5_000), ex(50_000), ex(Number.MAX_SAFE_INTEGER),
    iv(0, 9, 5), iv(0, 0, 0), iv(2_300, 2_399), iv(1, 1e12, 1e6),
  ];
  const times = [0, 1, 59_999, 60_000, H, 1e15, -H, NaN, Infinity];
  const check = (r: Interval | undefined) => {
    if (r === undefined) return 0;
    expect(Number.isFinite(r.value) && Number.isFinite(r.min) && Number.isFinite(r.max)).toBe(true);
    const eps = 1e-12 * Math.max(1, Math.abs(r.value)); // float noise of ×/÷, not a wrong bound
    expect(r.min).toBeLessThanOrEqual(r.value + eps);
    expect(r.value).toBeLessThanOrEqual(r.max + eps);
    return 1;
  };

  it('a table of every count against every denominator', () => {
    let defined = 0;
    let cases = 0;
    for (const a of counts) {
      for (const b of counts) {
        const m: Metrics = {};
        if (a) Object.assign(m, { likes: a, clicks: a, impressions: a, views: a });
        if (b) Object.assign(m, { reach: b, followers: b, impressions: b });
        for (const basis of RATE_BASES) defined += check(engagementRate('x', m, basis));
        defined += check(frequency(m)) + check(frequency(m, 'youtube')) + check(ctr(m));
        for (const t of times) {
          defined += check(viewsPerHour(m, 0, t)) + check(velocity({ at: 0, count: b }, { at: t, count: a }));
          cases += 2;
        }
        cases += 6;
      }
    }
    expect(cases).toBe(counts.length ** 2 * (6 + 2 * times.length));
    expect(defined).toBeGreaterThan(cases / 4); // the table exercises real answers, not only undefined
  });

  it('corrupt counts (NaN, Infinity) never leak out as a figure', () => {
    const bad: Count[] = [
      { value: NaN, min: NaN, max: NaN, exact: true },
      { value: Infinity, min: Infinity, max: Infinity, exact: true },
      { value: 5, min: 0, max: Infinity, exact: false },
    ];
    for (const x of bad) {
      for (const good of [ex(0), ex(100), iv(2_300, 2_399)]) {
        for (const [num, den] of [[x, good], [good, x], [x, x]] as const) {
          const m: Metrics = { likes: num, clicks: num, impressions: den, reach: den, followers: den, views: num };
          for (const basis of RATE_BASES) check(engagementRate('x', m, basis));
          check(frequency(m));
          check(ctr(m));
          check(viewsPerHour(m, 0, H));
          check(velocity({ at: 0, count: den }, { at: H, count: num }));
          check(growth(num, den));
          check(engagements('x', m)?.count);
        }
      }
    }
    expect(ratio(ex(1e308), { value: 1e-308, min: 1e-308, max: 1e-308, exact: true })).toBeUndefined();
  });
});

describe('engagement sets are configurable, and the configured set flows through every rate', () => {
  it('engagementSet: default, explicit list, configured per site', () => {
    expect(engagementSet('x')).toEqual(ENGAGEMENT_METRICS.x);
    expect(engagementSet('x', ['likes'])).toEqual(['likes']);
    expect(engagementSet('x', { x: ['likes', 'reposts'] })).toEqual(['likes', 'reposts']);
    expect(engagementSet('youtube', { x: ['likes', 'reposts'] })).toEqual(ENGAGEMENT_METRICS.youtube);
  });

  it.each<[string, readonly Metric[], Metric[]]>([
    ['repeats dropped', ['likes', 'likes', 'replies'], ['likes', 'replies']],
    ['audience metrics are denominators, never engagements', ['likes', 'impressions', 'views', 'reach', 'followers'], ['likes']],
    ['unknown names dropped', ['likes', 'hearts' as Metric], ['likes']],
    ['Buffer-style X set with clicks and profile visits', ['likes', 'replies', 'reposts', 'quotes', 'clicks', 'profileVisits'],
      ['likes', 'replies', 'reposts', 'quotes', 'clicks', 'profileVisits']],
    ['nothing left: the default, not an empty set hiding every rate', ['views'], ENGAGEMENT_METRICS.x],
    ['empty: the default', [], ENGAGEMENT_METRICS.x],
  ])('configured set cleaned: %s', (_n, configured, expected) => {
    expect(engagementSet('x', { x: configured })).toEqual(expected);
  });

  it('every audience metric is a known metric and never in a default set', () => {
    for (const m of AUDIENCE_METRICS) expect(METRICS).toContain(m);
    for (const set of Object.values(ENGAGEMENT_METRICS)) for (const m of set) expect(AUDIENCE_METRICS).not.toContain(m);
  });

  const sets: EngagementSets = { x: ['likes'] };
  const m: Metrics = { impressions: ex(1_000), reach: ex(500), followers: ex(2_000), likes: ex(10), replies: ex(90) };

  it.each<[string, () => unknown, unknown]>([
    ['engagements', () => engagements('x', m, sets)?.count, ex(10)],
    ['ER by impressions', () => engagementRate('x', m, 'impressions', sets)?.value, 1],
    ['ER by reach', () => engagementRate('x', m, 'reach', sets)?.value, 2],
    ['ER by followers', () => engagementRate('x', m, 'followers', sets)?.value, 0.5],
    ['engagementRates', () => Object.values(engagementRates('x', m, sets)).map((r) => r.value), [1, 2, 0.5]],
    ['bestEngagementRate', () => bestEngagementRate('x', m, sets)?.counted, ['likes']],
    ['the rate says what it counted', () => engagementRate('x', m, 'impressions', sets)?.counted, ['likes']],
    ['without the configuration: the default set', () => engagementRate('x', m, 'impressions')?.value, 10],
    ['a configuration for another site leaves x alone', () => engagementRate('x', m, 'impressions', { youtube: ['likes'] })?.value, 10],
  ])('%s', (_n, f, expected) => expect(f()).toEqual(expected));

  it('the badge, the popup rows and the CSV use the configured set', () => {
    const post = { site: 'x' as const, postId: '1', url: 'https://x.com/a/status/1', metrics: m };
    expect(erFigure('x', m, { locale: 'en', sets })?.title).toBe('Engagement rate by impressions: 10 engagements (likes) ÷ 1,000 impressions');
    expect(badgeFigures(post, null, 0, { locale: 'en', sets })[0]?.text).toBe('ER 1%');
    expect(badgeFigures(post, null, 0, { locale: 'en' })[0]?.text).toBe('ER 10%');
    const row: PostRow = { ...post, firstSeen: 0, lastSeen: 0, snapshots: 1 };
    expect(postRowFigures(row, { locale: 'en', sets })[0]?.text).toBe('ER 1%');
    const header = POSTS_CSV_HEADER.split(',');
    const cells = (s?: EngagementSets) => Object.fromEntries(header.map((h, i) => [h, postCsvCells(row, s)[i]]));
    expect(cells(sets)).toMatchObject({ engagements: 10, engagement_rate: 1, engagement_rate_basis: 'impressions' });
    expect(cells()).toMatchObject({ engagements: 100, engagement_rate: 10 });
  });
});

describe('frequency on YouTube is views per unique viewer', () => {
  it.each<[string, Metrics, number | undefined]>([
    ['views ÷ unique viewers', { views: ex(12_000), impressions: ex(400_000), reach: ex(8_000) }, 1.5],
    ['no views: no figure (thumbnail impressions are another population)', { impressions: ex(400_000), reach: ex(8_000) }, undefined],
  ])('%s', (_n, metrics, expected) => {
    const f = frequency(metrics, 'youtube');
    expect(f?.value).toBe(expected);
    if (f) expect(f).toMatchObject({ numerator: 'views', basis: 'reach', denominator: ex(8_000) });
  });
  it('every other site divides impressions', () => {
    expect(frequency({ views: ex(12_000), impressions: ex(40_000), reach: ex(8_000) }, 'linkedin')).toMatchObject({ value: 5, numerator: 'impressions' });
  });
});

describe('latestVelocity over a snapshot series', () => {
  const snap = (h: number, metrics: Metrics): SnapshotLike => ({ observedAt: h * H, metrics });

  it.each<[string, SnapshotLike[], Metric, Partial<Interval> & Record<string, unknown> | undefined]>([
    ['the last two snapshots', [snap(0, { impressions: ex(100) }), snap(1, { impressions: ex(400) }), snap(3, { impressions: ex(1_000) })],
      'impressions', { value: 300, exact: true, hours: 2, from: 1 * H, to: 3 * H, before: ex(400), after: ex(1_000), metric: 'impressions' }],
    ['order does not matter', [snap(3, { impressions: ex(1_000) }), snap(0, { impressions: ex(100) }), snap(1, { impressions: ex(400) })],
      'impressions', { value: 300, from: 1 * H, to: 3 * H }],
    ['snapshots that did not read the metric are skipped, not zeros', [snap(0, { likes: ex(10) }), snap(1, { likes: ex(20), impressions: ex(50) }),
      snap(2, { impressions: ex(90) }), snap(4, { likes: ex(50) })], 'likes', { value: 10, from: 1 * H, to: 4 * H, before: ex(20), after: ex(50) }],
    ['the other metric from the same series', [snap(0, { likes: ex(10) }), snap(1, { likes: ex(20), impressions: ex(50) }),
      snap(2, { impressions: ex(90) }), snap(4, { likes: ex(50) })], 'impressions', { value: 40, from: 1 * H, to: 2 * H }],
    ['intervals: "2.3K" then "2.5K" an hour later', [snap(0, { impressions: iv(2_300, 2_399) }), snap(1, { impressions: iv(2_500, 2_599) })],
      'impressions', { value: 200, min: 101, max: 299, exact: false }],
    ['a falling score is a negative velocity', [snap(0, { likes: ex(10) }), snap(2, { likes: ex(4) })], 'likes', { value: -3 }],
    ['half an hour', [snap(0, { views: ex(0) }), snap(0.5, { views: ex(60) })], 'views', { value: 120, hours: 0.5 }],
    ['one snapshot', [snap(0, { impressions: ex(100) })], 'impressions', undefined],
    ['only one snapshot knows the metric', [snap(0, { likes: ex(1) }), snap(1, { impressions: ex(100) })], 'impressions', undefined],
    ['two at the same time', [snap(1, { impressions: ex(100) }), snap(1, { impressions: ex(200) })], 'impressions', undefined],
    ['same time as the latest, with an earlier one', [snap(0, { impressions: ex(0) }), snap(1, { impressions: ex(100) }), snap(1, { impressions: ex(100) })],
      'impressions', { value: 100, from: 0, to: H }],
    ['an unreadable time is skipped', [{ observedAt: NaN, metrics: { impressions: ex(9) } }, snap(0, { impressions: ex(0) }), snap(1, { impressions: ex(5) })],
      'impressions', { value: 5 }],
    ['empty', [], 'impressions', undefined],
  ])('%s', (_n, series, metric, expected) => {
    const v = latestVelocity(series, metric);
    if (expected === undefined) return expect(v).toBeUndefined();
    expect(v).toBeDefined();
    for (const [k, want] of Object.entries(expected)) {
      if (typeof want === 'number') expect((v as unknown as Record<string, number>)[k]).toBeCloseTo(want, 9);
      else expect((v as unknown as Record<string, unknown>)[k]).toEqual(want);
    }
  });

  it('works on stored SnapshotRows as they are', () => {
    const rows = [
      { site: 'x' as const, postId: '1', observedAt: 0, metrics: { impressions: ex(10) } },
      { site: 'x' as const, postId: '1', observedAt: 2 * H, metrics: { impressions: ex(30) } },
    ];
    expect(latestVelocity(rows, 'impressions')?.value).toBe(10);
  });
});
