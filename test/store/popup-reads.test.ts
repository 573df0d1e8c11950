// lib/store/popup-reads.ts: the popup's bounded reads over a fake IndexedDB.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingest } from '../../lib/store/ingest';
import { setOwnAccount } from '../../lib/store/accounts';
import { newestSnapshots, ownAccountTrends, snapshotsOfPosts } from '../../lib/store/popup-reads';
import { recentPosts } from '../../lib/store/queries';
import type { PostmeterDatabase } from '../../lib/store/schema';
import { isoWeekStart, WEEK } from '../../lib/trend';
import { ex, freshStore, obs } from './helpers';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 26, 12);

let db: PostmeterDatabase;
beforeEach(async () => {
  db = await freshStore();
  // x:1 at 1000, 2000, 3000 (three snapshots); x:2 at 1500; bluesky:b at 2500.
  await ingest(db, [obs('1', { likes: ex(1) })], 1000);
  await ingest(db, [obs('2', { likes: ex(5) })], 1500);
  await ingest(db, [obs('1', { likes: ex(2) })], 2000);
  await ingest(db, [obs('b', { likes: ex(1) }, { site: 'bluesky', url: 'https://bsky.app/b' })], 2500);
  await ingest(db, [obs('1', { likes: ex(3) })], 3000);
});
afterEach(() => db.close());

describe('snapshotsOfPosts', () => {
  it("each listed post's snapshots, oldest first; a post listed twice is read once; unknown posts get []", async () => {
    const m = await snapshotsOfPosts(db, [{ site: 'x', postId: '1' }, { site: 'x', postId: '1' }, { site: 'reddit', postId: 'nope' }]);
    expect([...m.keys()]).toEqual(['x:1', 'reddit:nope']);
    expect(m.get('x:1')!.map((s) => s.observedAt)).toEqual([1000, 2000, 3000]);
    expect(m.get('reddit:nope')).toEqual([]);
    expect((await snapshotsOfPosts(db, [])).size).toBe(0);
  });
});

describe('newestSnapshots', () => {
  it.each([
    ['all of them, newest first', 10, undefined, [3000, 2500, 2000, 1500, 1000]],
    ['at most the limit', 2, undefined, [3000, 2500]],
    ['only since a time', 10, 2000, [3000, 2500, 2000]],
    ['limit 0', 0, undefined, []],
  ] as const)('%s', async (_name, limit, since, times) => {
    expect((await newestSnapshots(db, limit, since)).map((s) => s.observedAt)).toEqual(times);
  });
});

describe('ownAccountTrends', () => {
  it('a marked account: its weeks and the falling alert from all its posts', async () => {
    const weekStart = isoWeekStart(NOW);
    for (let w = 0; w < 8; w++) {
      for (let p = 0; p < 3; p++) {
        const at = weekStart - (8 - w) * WEEK + p * DAY;
        await ingest(db, [obs(`me${w}${p}`, { impressions: ex(w < 4 ? 10_000 : 4_000) }, { author: 'me', publishedAt: at })], at + 1000);
      }
    }
    await setOwnAccount(db, 'x', 'me', true, NOW);
    const [trend, ...rest] = await ownAccountTrends(db, await recentPosts(db, 100), NOW);
    expect(rest).toEqual([]);
    expect(trend!.account).toEqual({ site: 'x', handle: 'me', source: 'marked' });
    expect(trend!.posts).toBe(24);
    expect(trend!.weeks.map((w) => w.posts)).toEqual([3, 3, 3, 3, 3, 3, 3, 3, 0]);
    expect(trend!.alert.status).toBe('falling');
  });

  it('an author recognised from an analytics post among the posts given', async () => {
    await ingest(db, [obs('a1', { impressions: ex(100), reach: ex(50) }, { author: 'analyst', publishedAt: NOW - DAY })], NOW);
    const trends = await ownAccountTrends(db, await recentPosts(db, 100), NOW);
    expect(trends.map((t) => [t.account.handle, t.account.source, t.alert.status])).toEqual([['analyst', 'analytics', 'insufficient']]);
  });

  it('nobody: no accounts', async () => {
    expect(await ownAccountTrends(db, await recentPosts(db, 100), NOW)).toEqual([]);
  });
});
