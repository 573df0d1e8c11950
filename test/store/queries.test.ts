import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ingest } from '../../lib/store/ingest';
import {
  countPosts, countSnapshots, eachPost, parsePostKey, postPages, postsByKeys, recentPosts, snapshotPages, snapshotsOf,
} from '../../lib/store/queries';
import type { PostRow, PostmeterDatabase } from '../../lib/store/schema';
import { ex, freshStore, obs } from './helpers';

let db: PostmeterDatabase;
beforeEach(async () => {
  db = await freshStore();
  // x:1 seen at 1000, bluesky:b at 2000, x:2 at 3000, x:1 again at 4000 (so it is the newest).
  await ingest(db, [obs('1', { likes: ex(1) })], 1000);
  await ingest(db, [obs('b', { likes: ex(1) }, { site: 'bluesky', url: 'https://bsky.app/b' })], 2000);
  await ingest(db, [obs('2', { likes: ex(1) })], 3000);
  await ingest(db, [obs('1', { likes: ex(2) })], 4000);
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

const keys = (rows: PostRow[]) => rows.map((r) => `${r.site}:${r.postId}`);

describe('recentPosts', () => {
  it('lists newest lastSeen first, up to the limit', async () => {
    expect(keys(await recentPosts(db, 10))).toEqual(['x:1', 'x:2', 'bluesky:b']);
    expect(keys(await recentPosts(db, 2))).toEqual(['x:1', 'x:2']);
    expect(await recentPosts(db, 0)).toEqual([]);
  });
  it('filters by site', async () => {
    expect(keys(await recentPosts(db, 10, 'x'))).toEqual(['x:1', 'x:2']);
    expect(keys(await recentPosts(db, 10, 'bluesky'))).toEqual(['bluesky:b']);
    expect(await recentPosts(db, 10, 'reddit')).toEqual([]);
  });
});

describe('postsByKeys', () => {
  it('returns posts in key order, skipping unknown and malformed keys', async () => {
    const rows = await postsByKeys(db, ['x:2', 'x:404', 'bluesky:b', 'nonsense', 'x:1']);
    expect(keys(rows)).toEqual(['x:2', 'bluesky:b', 'x:1']);
    expect(await postsByKeys(db, [])).toEqual([]);
  });
  it('splits at the first colon only: post ids may contain colons', () => {
    expect(parsePostKey('mastodon:mastodon.social:123')).toEqual(['mastodon', 'mastodon.social:123']);
    expect(parsePostKey(':1')).toBeUndefined();
    expect(parsePostKey('x:')).toBeUndefined();
  });
});

describe('snapshotsOf', () => {
  it("returns one post's snapshots in time order", async () => {
    await ingest(db, [obs('1', { likes: ex(0) })], 500); // a late batch, older than the others
    const s = await snapshotsOf(db, 'x', '1');
    expect(s.map((r) => r.observedAt)).toEqual([500, 1000, 4000]);
    expect(s.every((r) => r.site === 'x' && r.postId === '1')).toBe(true);
    expect(await snapshotsOf(db, 'x', '404')).toEqual([]);
  });
});

describe('paging through everything', () => {
  beforeEach(async () => {
    await ingest(db, Array.from({ length: 20 }, (_, i) => obs(`p${String(i).padStart(2, '0')}`, { likes: ex(i) })), 5000);
  });

  it('postPages yields every post once, in pages, each in its own transaction', async () => {
    const spy = vi.spyOn(db, 'transaction');
    const pages: PostRow[][] = [];
    for await (const page of postPages(db, 7)) pages.push(page);
    expect(pages.map((p) => p.length)).toEqual([7, 7, 7, 2]);
    const all = pages.flat().map((r) => `${r.site}:${r.postId}`);
    expect(new Set(all).size).toBe(23);
    expect(all).toHaveLength(23);
    expect(spy.mock.calls.length).toBeGreaterThanOrEqual(4);
  });

  it('eachPost visits every post, and its callback may await other work between rows', async () => {
    const seen: string[] = [];
    await eachPost(db, async (r) => {
      await new Promise((res) => setTimeout(res, 0)); // would kill a transaction held across pages
      seen.push(r.postId);
    }, 5);
    expect(seen).toHaveLength(23);
  });

  it('snapshotPages yields every snapshot once', async () => {
    const rows = [];
    for await (const page of snapshotPages(db, 4)) rows.push(...page);
    expect(rows).toHaveLength(await countSnapshots(db));
    expect(rows).toHaveLength(24);
  });

  it('counts posts', async () => {
    expect(await countPosts(db)).toBe(23);
  });
});
