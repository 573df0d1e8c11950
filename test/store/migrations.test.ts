import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getAccount, listAccounts } from '../../lib/store/accounts';
import { ingest } from '../../lib/store/ingest';
import { postsByAuthor, postsPublishedBetween, recentPosts, snapshotsOf } from '../../lib/store/queries';
import { DB_VERSION, openStore, type PostmeterDatabase } from '../../lib/store/schema';
import { ex, expectCountsConsistent, iv, obs } from './helpers';
import { T, V1_POSTS, V1_SNAPSHOTS, buildV1, openV1 } from './legacy/v1';
import { openV2 } from './legacy/v2';
import { SNAPSHOTS_CSV_HEADER, snapshotsCsv, snapshotsCsvText } from '../../lib/store/export';

const H = 3_600_000;
const DAY = 24 * H;
let db: PostmeterDatabase | undefined;
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => {
  vi.restoreAllMocks();
  db?.close();
  db = undefined;
});

describe('v1 → current (v2, then v3)', () => {
  it('keeps every post row with all its fields', async () => {
    await buildV1('m');
    db = await openStore('m');
    expect(db.version).toBe(DB_VERSION);
    const posts = await db.getAll('posts');
    expect(posts).toHaveLength(V1_POSTS.length);
    for (const p of V1_POSTS) expect(await db.get('posts', [p.site as never, p.postId])).toStrictEqual(p);
  });

  it('keeps every snapshot row, with its key, in order', async () => {
    await buildV1('m');
    db = await openStore('m');
    expect(await db.getAllKeys('snapshots')).toEqual([1, 2, 3, 4, 5]);
    expect(await db.getAll('snapshots')).toStrictEqual(V1_SNAPSHOTS);
    await expectCountsConsistent(db);
  });

  it('keeps text byte for byte: emoji, RTL with U+202E, newlines, quotes', async () => {
    await buildV1('m');
    db = await openStore('m');
    expect((await db.get('posts', ['x', '2']))?.text).toBe('مرحبا بالعالم \u202Egnp.exe\u202C 👋🏽');
    expect((await db.get('posts', ['x', '1735935432297160849']))?.text).toBe('Read list updates 🚀\n«quoted», "double", comma, here');
  });

  it('old and new indexes work on the migrated rows', async () => {
    await buildV1('m');
    db = await openStore('m');
    const key = (r: { site: string; postId: string }) => `${r.site}:${r.postId}`;
    expect((await recentPosts(db, 10)).map(key)).toEqual(['reddit:t3:abc', 'x:1735935432297160849', 'x:2', 'bluesky:at://did:plc:abc/app.bsky.feed.post/3k']);
    expect((await recentPosts(db, 10, 'x')).map(key)).toEqual(['x:1735935432297160849', 'x:2']);
    expect((await postsByAuthor(db, 'x', 'bigacct')).map(key)).toEqual(['x:2']);
    expect(await postsByAuthor(db, 'x', 'nobody')).toEqual([]);
    // Only the post with a publishedAt is in that index.
    expect((await postsPublishedBetween(db, 0, T + 100 * H)).map(key)).toEqual(['x:1735935432297160849']);
    expect((await snapshotsOf(db, 'x', '1735935432297160849')).map((s) => s.observedAt)).toEqual([T, T + 5 * H]);
    expect(await db.countFromIndex('snapshots', 'by-time', IDBKeyRange.upperBound(T))).toBe(2);
  });

  it('says the current schema in meta', async () => {
    await buildV1('m');
    const before = Date.now();
    db = await openStore('m');
    const row = await db.get('meta', 'schema');
    expect((row?.value as { version: number }).version).toBe(DB_VERSION);
    expect((row?.value as { migratedAt: number }).migratedAt).toBeGreaterThanOrEqual(before);
    expect(await db.get('meta', 'settings')).toBeUndefined(); // defaults until the user sets something
  });

  it('backfills accounts from the follower counts v1 kept in post snapshots', async () => {
    await buildV1('m');
    db = await openStore('m');
    expect(await listAccounts(db)).toHaveLength(2);
    expect(await getAccount(db, 'x', 'rvinowise')).toEqual({
      site: 'x', handle: 'rvinowise', own: false,
      followers: [{ observedAt: T, count: ex(149) }, { observedAt: T + 5 * H, count: ex(150) }],
      firstSeen: T, lastSeen: T + 5 * H,
    });
    // "1.2M" later contains the exact 1234567 read before: not a change.
    expect(await getAccount(db, 'x', 'bigacct')).toEqual({
      site: 'x', handle: 'bigacct', own: false,
      followers: [{ observedAt: T + H, count: ex(1234567) }],
      firstSeen: T + H, lastSeen: T + 3 * H,
    });
  });

  it('the migrated database takes new batches as usual', async () => {
    await buildV1('m');
    db = await openStore('m');
    await ingest(db, [obs('2', { views: iv(2400000, 2499999), followers: ex(1300001) }, { author: 'bigacct' })], T + 10 * H);
    expect((await db.get('posts', ['x', '2']))?.snapshots).toBe(3);
    expect((await getAccount(db, 'x', 'bigacct'))?.followers.at(-1)).toEqual({ observedAt: T + 10 * H, count: ex(1300001) });
    await expectCountsConsistent(db);
  });

  it('an empty v1 database migrates too', async () => {
    (await openV1('empty')).close();
    db = await openStore('empty');
    expect(await db.count('posts')).toBe(0);
    expect(await listAccounts(db)).toEqual([]);
    expect(((await db.get('meta', 'schema'))?.value as { version: number }).version).toBe(DB_VERSION);
  });

  it('an open v1 connection in another tab that closes on versionchange does not block the upgrade', async () => {
    await buildV1('m');
    let closedByUpgrade = false;
    const otherTab = await openV1('m', (conn) => {
      closedByUpgrade = true;
      conn.close();
    });
    // Were the other tab's connection to stay open, this would wait (blocked) forever.
    db = await openStore('m');
    expect(closedByUpgrade).toBe(true);
    expect(db.version).toBe(DB_VERSION);
    expect(() => otherTab.transaction('posts')).toThrow();
    expect(await db.count('posts')).toBe(V1_POSTS.length);
  });

  it('a failing step aborts the whole upgrade: still v1, data untouched', async () => {
    await buildV1('m');
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'meta') throw new DOMException('simulated', 'UnknownError');
      return put.apply(this, args);
    });
    await expect(openStore('m')).rejects.toMatchObject({ name: 'UnknownError' });
    vi.restoreAllMocks();
    const v1 = await openDB('m');
    expect(v1.version).toBe(1);
    expect([...v1.objectStoreNames].sort()).toEqual(['posts', 'snapshots']);
    expect(await v1.getAll('snapshots')).toStrictEqual(V1_SNAPSHOTS);
    expect(await v1.count('posts')).toBe(V1_POSTS.length);
    v1.close();
    // And a later attempt succeeds.
    db = await openStore('m');
    expect(await listAccounts(db)).toHaveLength(2);
  });
});

describe('v2 → v3', () => {
  it('adds the empty snapshotCsv store; the rows stay, export the same, and new batches get their text', async () => {
    const v2 = await openV2('m2');
    const snaps = [1, 2, 3].map((k) => ({ site: 'x', postId: String(k), observedAt: T + k * H, metrics: { likes: ex(k), views: iv(100 * k, 100 * k + 99) } }));
    for (const s of snaps) await v2.add('snapshots', s);
    await v2.put('meta', { key: 'schema', value: { version: 2, migratedAt: T } });
    v2.close();

    db = await openStore('m2');
    expect(db.version).toBe(3);
    expect(await db.count('snapshotCsv')).toBe(0);
    expect(await db.getAll('snapshots')).toStrictEqual(snaps);
    expect(await snapshotsCsv(db)).toBe(SNAPSHOTS_CSV_HEADER + '\r\n' + snapshotsCsvText(snaps as never));

    await ingest(db, [obs('9', { likes: ex(9) })], T + DAY);
    expect((await db.getAll('snapshotCsv')).map((r) => [r.first, r.last])).toEqual([[4, 4]]);
    const lines = (await snapshotsCsv(db)).split('\r\n');
    expect(lines).toHaveLength(6);
    expect(lines[4]).toMatch(/^x,9,/);
  });
});
