// lib/rankings.ts: top posts by impressions, engagement rate and velocity, in time windows, by site and author.
import { describe, expect, it } from 'vitest';
import { filterChoices, inWindow, postVelocity, rankPosts, velocitiesByPost, type RankQuery } from '@/lib/rankings';
import type { PostRow } from '@/lib/store/schema';
import type { Metrics, SiteId } from '@/lib/types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 10, 29, 12);
const ex = (n: number) => ({ value: n, min: n, max: n, exact: true });

function post(site: SiteId, postId: string, metrics: Metrics, over: Partial<PostRow> = {}): PostRow {
  return { site, postId, url: `https://example.invalid/${postId}`, metrics, firstSeen: NOW - HOUR, lastSeen: NOW - HOUR, snapshots: 1, publishedAt: NOW - 2 * HOUR, ...over };
}

// impressions, ER (likes+replies+reposts ÷ impressions on LinkedIn/X) and publish times chosen to order differently.
const POSTS: PostRow[] = [
  post('linkedin', 'big', { impressions: ex(50_000), likes: ex(400), replies: ex(60), reposts: ex(40) }, { author: 'pm-demo', publishedAt: NOW - 3 * DAY }),
  post('x', 'engaging', { impressions: ex(1_000), likes: ex(90), replies: ex(10) }, { author: 'postmeter_demo', publishedAt: NOW - 2 * HOUR }),
  post('x', 'old', { impressions: ex(90_000), likes: ex(10) }, { author: 'postmeter_demo', publishedAt: NOW - 40 * DAY }),
  post('youtube', 'video', { views: ex(5_000), likes: ex(250) }, { author: 'PostmeterDemo', publishedAt: NOW - 20 * HOUR }),
  post('reddit', 'nodate', { likes: ex(9_000), replies: ex(11) }, { author: 'chartmaker', publishedAt: undefined, firstSeen: NOW - 10 * DAY }),
];

const keys = (q: Partial<RankQuery>) =>
  rankPosts(POSTS, { by: 'impressions', window: 'all', now: NOW, limit: 10, ...q }).map((r) => `${r.post.site}:${r.post.postId}`);

describe('rankPosts', () => {
  it.each<[string, Partial<RankQuery>, string[]]>([
    ['by impressions, all time: posts without impressions are left out, not ranked as 0', {}, ['x:old', 'linkedin:big', 'x:engaging']],
    ['by impressions, last 7 days', { window: '7d' }, ['linkedin:big', 'x:engaging']],
    ['by impressions, last 24 hours', { window: '24h' }, ['x:engaging']],
    ['by impressions, last 30 days', { window: '30d' }, ['linkedin:big', 'x:engaging']],
    ['by ER (10% X, 5% YouTube by views, 1% LinkedIn, 0.01% old)', { by: 'er' }, ['x:engaging', 'youtube:video', 'linkedin:big', 'x:old']],
    ['by ER on a chosen basis: posts without that denominator drop out', { by: 'er', basis: 'views' }, ['youtube:video']],
    ['by ER with a custom engagement set: a post with none of its counters drops out', { by: 'er', sets: { x: ['replies'] }, site: 'x' }, ['x:engaging']],
    ['site filter', { site: 'x' }, ['x:old', 'x:engaging']],
    ['author filter: part of the handle, any case, @ ignored', { author: '@PostMeter_' }, ['x:old', 'x:engaging']],
    ['author filter matching nobody', { author: 'nobody' }, []],
    ['site and window together', { site: 'x', window: '7d' }, ['x:engaging']],
    ['limit', { limit: 1 }, ['x:old']],
    ['limit 0', { limit: 0 }, []],
  ])('%s', (_name, q, expected) => {
    expect(keys(q)).toEqual(expected);
  });

  it('by velocity: from the velocities given, highest first, with the metric measured', () => {
    const velocities = velocitiesByPost([
      { site: 'youtube', postId: 'video', observedAt: NOW - 8 * HOUR, metrics: { views: ex(1_000) } },
      { site: 'youtube', postId: 'video', observedAt: NOW - 4 * HOUR, metrics: { views: ex(5_000) } },
      { site: 'linkedin', postId: 'big', observedAt: NOW - 10 * HOUR, metrics: { impressions: ex(40_000) } },
      { site: 'linkedin', postId: 'big', observedAt: NOW - 2 * HOUR, metrics: { impressions: ex(50_000) } },
      { site: 'x', postId: 'engaging', observedAt: NOW - HOUR, metrics: { impressions: ex(1_000) } },
    ]);
    const ranked = rankPosts(POSTS, { by: 'velocity', window: 'all', now: NOW, limit: 10, velocities });
    expect(ranked.map((r) => [r.post.postId, r.score, r.metric])).toEqual([
      ['big', 1_250, 'impressions'],
      ['video', 1_000, 'views'],
    ]);
  });

  it('ties: the more recently seen first, then by key', () => {
    const same = { impressions: ex(100) };
    const rows = [post('x', 'b', same, { lastSeen: NOW - 5 }), post('x', 'c', same, { lastSeen: NOW - 1 }), post('x', 'a', same, { lastSeen: NOW - 5 })];
    expect(rankPosts(rows, { by: 'impressions', window: 'all', now: NOW, limit: 5 }).map((r) => r.post.postId)).toEqual(['c', 'a', 'b']);
  });

  it('stays fast at 10k posts', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => post('x', `p${i}`, { impressions: ex((i * 7919) % 100_000), likes: ex(i % 50) }, { publishedAt: NOW - (i % 60) * DAY }));
    const t0 = performance.now();
    for (const by of ['impressions', 'er'] as const) expect(rankPosts(many, { by, window: '30d', now: NOW, limit: 10 })).toHaveLength(10);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

describe('inWindow', () => {
  it.each([
    ['published inside', { publishedAt: NOW - 6 * DAY, firstSeen: NOW }, '7d', true],
    ['published before, seen inside: by publish time', { publishedAt: NOW - 8 * DAY, firstSeen: NOW - HOUR }, '7d', false],
    ['no publish time: first seen inside', { firstSeen: NOW - 6 * DAY }, '7d', true],
    ['no publish time: first seen before', { firstSeen: NOW - 8 * DAY }, '7d', false],
    ['in the future (a clock skew): not in the last 24 hours', { publishedAt: NOW + HOUR, firstSeen: NOW }, '24h', false],
    ['all time takes anything', { publishedAt: 0, firstSeen: 0 }, 'all', true],
  ] as const)('%s', (_name, p, w, expected) => {
    expect(inWindow(p, w, NOW)).toBe(expected);
  });
});

describe('postVelocity / velocitiesByPost', () => {
  it.each([
    ['impressions preferred', [{ observedAt: 0, metrics: { impressions: ex(0), likes: ex(0) } }, { observedAt: HOUR, metrics: { impressions: ex(60), likes: ex(6) } }], ['impressions', 60]],
    ['likes when nothing else was read twice', [{ observedAt: 0, metrics: { likes: ex(10) } }, { observedAt: 2 * HOUR, metrics: { likes: ex(30) } }], ['likes', 10]],
    ['a falling score is negative', [{ observedAt: 0, metrics: { likes: ex(10) } }, { observedAt: HOUR, metrics: { likes: ex(4) } }], ['likes', -6]],
    ['one snapshot: none', [{ observedAt: 0, metrics: { likes: ex(10) } }], undefined],
  ] as const)('%s', (_name, snaps, expected) => {
    const v = postVelocity(snaps);
    expect(v && [v.metric, v.value]).toEqual(expected);
  });

  it('groups a mixed list by post', () => {
    const m = velocitiesByPost([
      { site: 'x', postId: '1', observedAt: 0, metrics: { likes: ex(1) } },
      { site: 'reddit', postId: '1', observedAt: 0, metrics: { likes: ex(1) } },
      { site: 'x', postId: '1', observedAt: HOUR, metrics: { likes: ex(3) } },
    ]);
    expect([...m.keys()]).toEqual(['x:1']);
    expect(m.get('x:1')?.value).toBe(2);
  });
});

describe('filterChoices', () => {
  it('sites and authors present, sorted, each once', () => {
    expect(filterChoices(POSTS)).toEqual({
      sites: ['linkedin', 'reddit', 'x', 'youtube'],
      authors: ['chartmaker', 'pm-demo', 'postmeter_demo', 'PostmeterDemo'],
    });
  });
});
