import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getAccount, listAccounts, ownAccounts, setOwnAccount } from '../../lib/store/accounts';
import { QuotaError, ingest } from '../../lib/store/ingest';
import type { PostmeterDatabase } from '../../lib/store/schema';
import type { PostObservation } from '../../lib/types';
import { anotherStore, dump, ex, expectCountsConsistent, freshStore, iv, obs } from './helpers';

let db: PostmeterDatabase;
beforeEach(async () => {
  db = await freshStore();
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

const post = (postId: string, site = 'x' as const) => db.get('posts', [site, postId]);
const snaps = () => db.getAll('snapshots');

describe('ingest: new posts and dedupe', () => {
  it('stores a new post with one snapshot and reports it as new', async () => {
    const prior = await ingest(db, [obs('1', { likes: ex(5), views: ex(100) }, { author: 'ann' })], 1000);
    expect(prior).toEqual({ 'x:1': null });
    expect(await post('1')).toEqual({
      site: 'x', postId: '1', url: 'https://x.com/a/status/1', author: 'ann',
      firstSeen: 1000, lastSeen: 1000, snapshots: 1, metrics: { likes: ex(5), views: ex(100) },
    });
    expect(await snaps()).toEqual([{ site: 'x', postId: '1', observedAt: 1000, metrics: { likes: ex(5), views: ex(100) } }]);
  });

  it('an equal snapshot only moves lastSeen', async () => {
    await ingest(db, [obs('1', { likes: ex(5) })], 1000);
    const prior = await ingest(db, [obs('1', { likes: ex(5) })], 2000);
    expect(prior['x:1']).toEqual({ firstSeen: 1000, lastSeen: 1000, metrics: { likes: ex(5) } });
    const row = await post('1');
    expect(row).toMatchObject({ firstSeen: 1000, lastSeen: 2000, snapshots: 1 });
    expect(await snaps()).toHaveLength(1);
  });

  it('a change writes a snapshot of the observed metrics and updates the latest counts', async () => {
    await ingest(db, [obs('1', { likes: ex(5), replies: ex(1) })], 1000);
    const prior = await ingest(db, [obs('1', { likes: ex(6), replies: ex(1) })], 2000);
    expect(prior['x:1']?.metrics).toEqual({ likes: ex(5), replies: ex(1) });
    expect((await post('1'))?.metrics).toEqual({ likes: ex(6), replies: ex(1) });
    expect((await post('1'))?.snapshots).toBe(2);
    expect((await snaps()).map((s) => s.metrics)).toEqual([
      { likes: ex(5), replies: ex(1) },
      { likes: ex(6), replies: ex(1) },
    ]);
  });

  it('a new post read without any counter is stored without a snapshot', async () => {
    expect(await ingest(db, [obs('1', {})], 1000)).toEqual({ 'x:1': null });
    expect(await post('1')).toMatchObject({ snapshots: 0, metrics: {} });
    expect(await snaps()).toHaveLength(0);
  });

  it('returns the prior state of every post in the batch', async () => {
    await ingest(db, [obs('1', { likes: ex(1) })], 1000);
    const prior = await ingest(db, [obs('1', { likes: ex(2) }), obs('2', { likes: ex(3) }), obs('3', {}, { site: 'bluesky' })], 2000);
    expect(prior).toEqual({
      'x:1': { firstSeen: 1000, lastSeen: 1000, metrics: { likes: ex(1) } },
      'x:2': null,
      'bluesky:3': null,
    });
  });

  it('an empty batch stores nothing', async () => {
    expect(await ingest(db, [], 1000)).toEqual({});
    expect(await db.count('posts')).toBe(0);
  });
});

describe('ingest: precision', () => {
  it('an interval containing the stored exact value counts as unchanged and keeps the exact one', async () => {
    await ingest(db, [obs('1', { views: ex(2370) })], 1000);
    await ingest(db, [obs('1', { views: iv(2300, 2399) })], 2000);
    expect(await post('1')).toMatchObject({ lastSeen: 2000, snapshots: 1, metrics: { views: ex(2370) } });
    expect(await snaps()).toHaveLength(1);
  });

  it('an interval that excludes the stored exact value is a change and is stored as an interval', async () => {
    await ingest(db, [obs('1', { views: ex(2370) })], 1000);
    await ingest(db, [obs('1', { views: iv(2400, 2499) })], 2000);
    expect((await post('1'))?.metrics.views).toEqual(iv(2400, 2499));
    expect((await snaps())[1]?.metrics).toEqual({ views: iv(2400, 2499) });
  });

  it('an exact read replaces a stored interval', async () => {
    await ingest(db, [obs('1', { views: iv(2300, 2399) })], 1000);
    await ingest(db, [obs('1', { views: ex(2350) })], 2000);
    expect((await post('1'))?.metrics.views).toEqual(ex(2350));
    expect(await snaps()).toHaveLength(2);
  });

  it('only the changed metric decides: a kept exact value appears as such in the new snapshot', async () => {
    await ingest(db, [obs('1', { views: ex(2370), likes: ex(4) })], 1000);
    await ingest(db, [obs('1', { views: iv(2300, 2399), likes: ex(5) })], 2000);
    expect((await snaps())[1]?.metrics).toEqual({ views: ex(2370), likes: ex(5) });
  });

  it('a metric absent from the observation keeps its stored value (absent is "not read", not zero)', async () => {
    await ingest(db, [obs('1', { likes: ex(5), replies: ex(2), impressions: ex(900) })], 1000);
    await ingest(db, [obs('1', { likes: ex(7) })], 2000);
    expect((await post('1'))?.metrics).toEqual({ likes: ex(7), replies: ex(2), impressions: ex(900) });
    expect((await snaps())[1]?.metrics).toEqual({ likes: ex(7) });
    // Reading fewer metrics, all equal, is not a change.
    await ingest(db, [obs('1', { replies: ex(2) })], 3000);
    expect(await snaps()).toHaveLength(2);
  });

  it('drops malformed counts and unknown metric names instead of storing them', async () => {
    const bad = { likes: { value: NaN, min: 0, max: 0, exact: true }, bogus: ex(1), replies: ex(3) };
    await ingest(db, [obs('1', bad as never)], 1000);
    expect((await post('1'))?.metrics).toEqual({ replies: ex(3) });
  });
});

describe('ingest: several reads of one post in one batch', () => {
  it('merges them in order into one snapshot', async () => {
    await ingest(db, [
      obs('1', { likes: ex(5), views: ex(2370) }, { text: 'first' }),
      obs('1', { likes: ex(6), replies: ex(1), views: iv(2300, 2399) }, { text: 'second', author: 'ann' }),
    ], 1000);
    expect(await post('1')).toMatchObject({
      text: 'second', author: 'ann', snapshots: 1,
      metrics: { likes: ex(6), replies: ex(1), views: ex(2370) },
    });
    expect(await snaps()).toHaveLength(1);
  });
});

describe('ingest: post details', () => {
  it('fills author and publishedAt once, updates text and url, never moves firstSeen', async () => {
    await ingest(db, [obs('1', {}, { url: 'https://x.com/a/status/1' })], 1000);
    await ingest(db, [obs('1', {}, { author: 'ann', publishedAt: 500, text: 'v1' })], 2000);
    await ingest(db, [obs('1', {}, { author: 'bob', publishedAt: 600, text: 'v2', url: 'https://x.com/ann/status/1' })], 3000);
    expect(await post('1')).toMatchObject({
      author: 'ann', publishedAt: 500, text: 'v2', url: 'https://x.com/ann/status/1', firstSeen: 1000, lastSeen: 3000,
    });
  });

  it('remembers paid placement once seen', async () => {
    await ingest(db, [obs('1', {}, { promoted: true })], 1000);
    await ingest(db, [obs('1', {}, { promoted: false })], 2000);
    expect((await post('1'))?.promoted).toBe(true);
  });

  it('a late batch (older observedAt) adds history but does not roll the latest state back', async () => {
    await ingest(db, [obs('1', { likes: ex(9) }, { text: 'new' })], 2000);
    await ingest(db, [obs('1', { likes: ex(7) }, { text: 'old' })], 1000);
    expect(await post('1')).toMatchObject({ lastSeen: 2000, text: 'new', metrics: { likes: ex(9) }, snapshots: 2 });
    expect((await snaps()).map((s) => s.observedAt).sort()).toEqual([1000, 2000]);
  });
});

describe('ingest: concurrency', () => {
  it('two racing batches for the same new post make one row and keep both snapshots', async () => {
    const [a, b] = await Promise.all([
      ingest(db, [obs('1', { likes: ex(1) })], 1000),
      ingest(db, [obs('1', { likes: ex(2) })], 1001),
    ]);
    expect(await db.count('posts')).toBe(1);
    expect(await post('1')).toMatchObject({ firstSeen: 1000, lastSeen: 1001, snapshots: 2, metrics: { likes: ex(2) } });
    expect((await snaps()).map((s) => s.metrics.likes)).toEqual([ex(1), ex(2)]);
    // Exactly one of them saw the post as new; the other saw the first one's write.
    expect([a['x:1'], b['x:1']].filter((p) => p === null)).toHaveLength(1);
    expect(b['x:1']).toEqual({ firstSeen: 1000, lastSeen: 1000, metrics: { likes: ex(1) } });
  });

  it('racing identical batches make one row and one snapshot', async () => {
    await Promise.all([1, 2, 3].map(() => ingest(db, [obs('1', { likes: ex(1) })], 1000)));
    expect(await db.count('posts')).toBe(1);
    expect(await db.count('snapshots')).toBe(1);
    expect((await post('1'))?.snapshots).toBe(1);
  });
});

describe('ingest: many tabs at once', () => {
  // 8 tabs, each sending 6 batches; every batch reads an overlapping window of 10 posts out of 30, with
  // counts that grow with time (and sometimes repeat, which must not add a snapshot).
  const batches: { posts: PostObservation[]; at: number }[] = [];
  for (let tab = 0; tab < 8; tab++) {
    for (let b = 0; b < 6; b++) {
      const at = 10_000 + b * 1000 + tab; // tabs interleave in time; some batches arrive "late"
      const posts = Array.from({ length: 10 }, (_, i) => {
        const id = String((tab * 3 + b * 2 + i) % 30);
        return obs(id, { likes: ex(Math.floor(at / 2000)), views: ex(Number(id) * 10 + b) }, {
          author: `author${Number(id) % 4}`,
          ...(i === 0 ? { metrics: { likes: ex(b), followers: ex(100 + b) } } : {}),
        });
      });
      batches.push({ posts, at });
    }
  }

  it('no duplicate posts, every snapshot kept, counts consistent; same result as one tab sending them in order', async () => {
    // Shuffled call order, all started before any finishes.
    const order = batches.map((_, i) => i).sort((a, b) => ((a * 7919) % 48) - ((b * 7919) % 48));
    await Promise.all(order.map((i) => ingest(db, batches[i]!.posts, batches[i]!.at)));

    expect(await db.count('posts')).toBe(30);
    await expectCountsConsistent(db);
    // No two snapshots of one post at the same moment: each batch wrote at most one row per post.
    const snaps = await db.getAll('snapshots');
    const ids = snaps.map((s) => `${s.site}:${s.postId}@${s.observedAt}`);
    expect(new Set(ids).size).toBe(ids.length);

    // Transactions over the same stores run in the order they were created: the same batches sent one after
    // another, in that order, by a single tab give exactly the same database.
    const serial = await anotherStore();
    for (const i of order) await ingest(serial, batches[i]!.posts, batches[i]!.at);
    const [a, b] = [await dump(db), await dump(serial)];
    delete a.meta;
    delete b.meta; // migratedAt differs
    expect(a).toEqual(b);
    serial.close();
  });

  it('racing batches for one new post from many tabs: one row, one snapshot per change', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => ingest(db, [obs('hot', { likes: ex(i % 5) })], 1000 + i)));
    expect(await db.count('posts')).toBe(1);
    const rows = await db.getAll('snapshots');
    // likes go 0,1,2,3,4,0,1,… : every batch is a change.
    expect(rows).toHaveLength(20);
    expect(await post('hot')).toMatchObject({ firstSeen: 1000, lastSeen: 1019, snapshots: 20, metrics: { likes: ex(4) } });
  });
});

describe('ingest: authors\' follower counts', () => {
  it('records followers read with a post in the author\'s account history, only when they change', async () => {
    await ingest(db, [obs('1', { likes: ex(1), followers: ex(500) }, { author: 'ann' })], 1000);
    await ingest(db, [obs('2', { followers: ex(500) }, { author: 'ann' })], 2000);
    await ingest(db, [obs('1', { followers: iv(500, 599) }, { author: 'ann' })], 3000); // "5xx" containing 500: no news
    await ingest(db, [obs('1', { followers: ex(512) }, { author: 'ann' })], 4000);
    expect(await getAccount(db, 'x', 'ann')).toEqual({
      site: 'x', handle: 'ann', own: false,
      followers: [{ observedAt: 1000, count: ex(500) }, { observedAt: 4000, count: ex(512) }],
      firstSeen: 1000, lastSeen: 4000,
    });
    // The post keeps its own copy too, as before.
    expect((await post('1'))?.metrics.followers).toEqual(ex(512));
  });

  it('several posts of one author in a batch make one reading; a post without author records none', async () => {
    await ingest(db, [
      obs('1', { followers: ex(10) }, { author: 'bob' }),
      obs('2', { followers: ex(11) }, { author: 'bob' }),
      obs('3', { followers: ex(99) }),
    ], 1000);
    expect((await getAccount(db, 'x', 'bob'))?.followers).toEqual([{ observedAt: 1000, count: ex(11) }]);
    expect(await db.count('accounts')).toBe(1);
    await ingest(db, [obs('4', { followers: ex(5) }, { author: 'zoe', site: 'bluesky' })], 1000);
    expect((await listAccounts(db, 'x')).map((a) => a.handle)).toEqual(['bob']);
    expect((await listAccounts(db, 'bluesky')).map((a) => a.handle)).toEqual(['zoe']);
    expect(await listAccounts(db, 'reddit')).toEqual([]);
    expect(await listAccounts(db)).toHaveLength(2);
    expect(await ownAccounts(db)).toEqual([]);
  });

  it('a late batch goes into its place in the history', async () => {
    await ingest(db, [obs('1', { followers: ex(10) }, { author: 'c' })], 1000);
    await ingest(db, [obs('1', { followers: ex(30) }, { author: 'c' })], 3000);
    await ingest(db, [obs('1', { followers: ex(20) }, { author: 'c' })], 2000);
    expect((await getAccount(db, 'x', 'c'))?.followers.map((f) => f.count.value)).toEqual([10, 20, 30]);
    expect(await getAccount(db, 'x', 'c')).toMatchObject({ firstSeen: 1000, lastSeen: 3000 });
  });

  it('keeps the own flag the user set', async () => {
    await setOwnAccount(db, 'x', 'me', true, 500);
    expect(await getAccount(db, 'x', 'me')).toEqual({ site: 'x', handle: 'me', own: true, followers: [], firstSeen: 500, lastSeen: 500 });
    await ingest(db, [obs('1', { followers: ex(42) }, { author: 'me' })], 1000);
    expect(await getAccount(db, 'x', 'me')).toMatchObject({ own: true, followers: [{ observedAt: 1000, count: ex(42) }], firstSeen: 500, lastSeen: 1000 });
  });

  it('a failed batch leaves accounts unchanged too', async () => {
    await ingest(db, [obs('1', { followers: ex(10) }, { author: 'd' })], 1000);
    const before = await getAccount(db, 'x', 'd');
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(ingest(db, [obs('1', { likes: ex(1), followers: ex(20) }, { author: 'd' })], 2000)).rejects.toBeInstanceOf(QuotaError);
    vi.restoreAllMocks();
    expect(await getAccount(db, 'x', 'd')).toEqual(before);
  });
});

describe('ingest: storage full', () => {
  const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

  async function seed() {
    await ingest(db, [obs('1', { likes: ex(1) })], 1000);
    return { post: await post('1'), snaps: await snaps() };
  }
  async function expectUnchanged(before: Awaited<ReturnType<typeof seed>>) {
    expect(await post('1')).toEqual(before.post);
    expect(await post('2')).toBeUndefined();
    expect(await snaps()).toEqual(before.snaps);
    expect(await db.count('posts')).toBe(1);
  }

  it('a write that throws QuotaExceededError → QuotaError, and nothing of the batch is stored', async () => {
    const before = await seed();
    const add = IDBObjectStore.prototype.add;
    let adds = 0;
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (this: IDBObjectStore, ...args) {
      // Let the first snapshot through so there is something to roll back, then run out of space.
      if (adds++ === 0) return add.apply(this, args);
      throw quota();
    });
    const batch = [obs('1', { likes: ex(2) }), obs('2', { likes: ex(3) }), obs('3', { likes: ex(4) })];
    await expect(ingest(db, batch, 2000)).rejects.toBeInstanceOf(QuotaError);
    expect(adds).toBe(2);
    vi.restoreAllMocks();
    await expectUnchanged(before);
    expect(await post('3')).toBeUndefined();
  });

  it('a transaction aborted with QuotaExceededError (as Chromium reports it) → QuotaError, nothing stored', async () => {
    const before = await seed();
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      const req = put.apply(this, args);
      // fake-indexeddb's internal abort: rolls back and sets tx.error, as an engine does when the disk is full.
      (this.transaction as unknown as { _abort(name: string): void })._abort('QuotaExceededError');
      return req;
    });
    const err = await ingest(db, [obs('1', { likes: ex(2) }), obs('2', { likes: ex(3) })], 2000).catch((e) => e);
    expect(err).toBeInstanceOf(QuotaError);
    expect(((err as Error).cause as DOMException).name).toBe('QuotaExceededError');
    vi.restoreAllMocks();
    await expectUnchanged(before);
  });

  it('other errors pass through unchanged, and also leave nothing half-written', async () => {
    const before = await seed();
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
      throw new DOMException('nope', 'DataError');
    });
    const err = await ingest(db, [obs('1', { likes: ex(2) }), obs('2', { likes: ex(3) })], 2000).catch((e) => e);
    expect(err).not.toBeInstanceOf(QuotaError);
    expect((err as DOMException).name).toBe('DataError');
    vi.restoreAllMocks();
    await expectUnchanged(before);
  });

  it('the store still works after a failed batch', async () => {
    await seed();
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
      throw quota();
    });
    await expect(ingest(db, [obs('1', { likes: ex(2) })], 2000)).rejects.toBeInstanceOf(QuotaError);
    vi.restoreAllMocks();
    await ingest(db, [obs('1', { likes: ex(2) })], 3000);
    expect(await post('1')).toMatchObject({ lastSeen: 3000, snapshots: 2 });
  });
});
