import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getAccount, setOwnAccount } from '../../lib/store/accounts';
import { BACKUP_FORMAT, backupChunks, importBackup, parseBackup } from '../../lib/store/backup';
import { ingest, QuotaError } from '../../lib/store/ingest';
import { purgeSnapshots } from '../../lib/store/retention';
import type { PostmeterDatabase } from '../../lib/store/schema';
import { getSettings, setSettings } from '../../lib/store/settings';
import { anotherStore, dump, dumpText, ex, expectCountsConsistent, freshStore, iv, obs, type StoreDump } from './helpers';

const T = Date.UTC(2026, 0, 10);
const H = 3_600_000;
let db: PostmeterDatabase;
const others: PostmeterDatabase[] = [];
beforeEach(async () => {
  db = await freshStore();
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
  for (const o of others.splice(0)) o.close();
});

async function other(): Promise<PostmeterDatabase> {
  const o = await anotherStore();
  others.push(o);
  return o;
}

async function backupText(from: PostmeterDatabase, pageRows?: number): Promise<string> {
  let out = '';
  for await (const c of backupChunks(from, { pageRows, now: T + 100 * H })) out += c;
  return out;
}

/** A database with every kind of row. */
async function fill(target: PostmeterDatabase) {
  await ingest(target, [
    obs('1', { views: ex(9), likes: ex(1), followers: ex(150) }, { author: 'ann', publishedAt: T - H, text: 'Hi 🚀 "quoted", comma\r\nnew line' }),
    obs('2', { views: iv(2300, 2399), reposts: ex(3) }, { author: 'bob', promoted: true, text: 'مرحبا \u202Eevil\u202C' }),
    obs('r', { likes: ex(-4) }, { site: 'reddit', url: 'https://www.reddit.com/r/a/comments/r/' }),
    obs('empty', {}, { site: 'bluesky', url: 'https://bsky.app/profile/a/post/e' }),
  ], T);
  await ingest(target, [obs('1', { views: ex(12), likes: ex(1), followers: ex(152) }, { author: 'ann' })], T + H);
  await ingest(target, [obs('2', { views: iv(2300, 2399), reposts: ex(3) })], T + 2 * H); // unchanged: lastSeen only
  await setOwnAccount(target, 'x', 'ann', true, T);
  await setSettings(target, { retentionDays: 365 });
}

/** The data, without what a restore legitimately changes: snapshot keys and the schema row's migratedAt. */
function content(d: StoreDump) {
  return {
    posts: d.posts!.values,
    snapshots: d.snapshots!.values,
    accounts: d.accounts!.values,
    settings: d.meta!.values.filter((m) => (m as { key: string }).key === 'settings'),
  };
}

describe('backupChunks', () => {
  it('streams one valid JSON document with every store, page by page', async () => {
    await fill(db);
    const chunks: string[] = [];
    for await (const c of backupChunks(db, { pageRows: 2, now: T })) chunks.push(c);
    expect(chunks.length).toBeGreaterThan(8);
    const doc = JSON.parse(chunks.join(''));
    expect(Object.keys(doc)).toEqual(['format', 'version', 'exportedAt', 'stores']);
    expect(doc).toMatchObject({ format: BACKUP_FORMAT, version: 2, exportedAt: new Date(T).toISOString() });
    expect(Object.keys(doc.stores)).toEqual(['posts', 'snapshots', 'accounts', 'meta']);
    expect(doc.stores.posts).toHaveLength(4);
    expect(doc.stores.snapshots).toHaveLength(await db.count('snapshots'));
    expect(doc.stores.accounts).toHaveLength(1);
    expect(doc.stores.meta.map((m: { key: string }) => m.key).sort()).toEqual(['schema', 'settings']);
  });

  it('an empty database makes a valid backup', async () => {
    const doc = JSON.parse(await backupText(db));
    expect(doc.stores).toMatchObject({ posts: [], snapshots: [], accounts: [] });
  });

  it('reads each page in its own transaction', async () => {
    await ingest(db, Array.from({ length: 10 }, (_, i) => obs(String(i), { likes: ex(i) })), T);
    const spy = vi.spyOn(db, 'transaction');
    await backupText(db, 3);
    // posts: 4 pages, snapshots: 4 pages, accounts: 1, meta: 1
    expect(spy.mock.calls.length).toBeGreaterThanOrEqual(10);
    expect(spy.mock.calls.every(([, mode]) => mode === undefined)).toBe(true); // all readonly
  });
});

describe('importBackup', () => {
  it('round trip: backup → fresh database → import gives the same data', async () => {
    await fill(db);
    const text = await backupText(db, 2);
    const restored = await other();
    const summary = await importBackup(restored, text);
    expect(summary).toEqual({
      postsAdded: 4, postsUpdated: 0, snapshotsAdded: 4, snapshotsAlreadyPresent: 0,
      accountsAdded: 1, accountsUpdated: 0, settingsImported: 1,
    });
    expect(content(await dump(restored))).toEqual(content(await dump(db)));
    // Snapshot keys are new but in the same order; the texts survive exactly.
    expect((await restored.get('posts', ['x', '2']))?.text).toBe('مرحبا \u202Eevil\u202C');
    expect((await restored.get('posts', ['x', '1']))?.text).toBe('Hi 🚀 "quoted", comma\r\nnew line');
    await expectCountsConsistent(restored);
    // And its own backup holds the same data as the first one.
    const data = (t: string) => {
      const doc = JSON.parse(t);
      doc.stores.meta = doc.stores.meta.filter((m: { key: string }) => m.key !== 'schema');
      return doc;
    };
    expect(data(await backupText(restored, 5))).toEqual(data(text));
  });

  it('importing the same backup twice changes nothing the second time', async () => {
    await fill(db);
    const text = await backupText(db);
    const before = await dumpText(db);
    const summary = await importBackup(db, text);
    expect(summary).toEqual({
      postsAdded: 0, postsUpdated: 0, snapshotsAdded: 0, snapshotsAlreadyPresent: 4,
      accountsAdded: 0, accountsUpdated: 0, settingsImported: 0,
    });
    expect(await dumpText(db)).toBe(before);
  });

  it('merges into a database with overlapping data', async () => {
    // The backup: post 1 seen at T and T+H; post 2 only in the backup.
    await ingest(db, [obs('1', { likes: ex(1), followers: ex(100) }, { author: 'ann', text: 'old text' })], T);
    await ingest(db, [obs('1', { likes: ex(2), followers: ex(110) }, { author: 'ann', text: 'backup text' })], T + H);
    await ingest(db, [obs('2', { likes: ex(7) })], T + H);
    await setSettings(db, { retentionDays: 10 });
    const text = await backupText(db);

    // Ours: post 1 seen earlier (T − H) and later (T + 5H, with a metric the backup lacks); one snapshot
    // at the very same moment as one of the backup's (T + H), with other counts; our own settings.
    const ours = await other();
    await ingest(ours, [obs('1', { likes: ex(0), followers: ex(90) }, { author: 'ann', text: 'first text' })], T - H);
    await ingest(ours, [obs('1', { likes: ex(5) }, { author: 'ann' })], T + H);
    await ingest(ours, [obs('1', { likes: ex(3), replies: ex(1), followers: ex(120) }, { author: 'ann', text: 'latest text' })], T + 5 * H);
    await setOwnAccount(ours, 'x', 'ann', true, T - H);
    await setSettings(ours, { retentionDays: 99 });

    const summary = await importBackup(ours, text);
    expect(summary).toEqual({
      postsAdded: 1, postsUpdated: 1, snapshotsAdded: 2, snapshotsAlreadyPresent: 1,
      accountsAdded: 0, accountsUpdated: 1, settingsImported: 0,
    });
    expect(await ours.get('posts', ['x', '1'])).toEqual({
      site: 'x', postId: '1', url: 'https://x.com/a/status/1', author: 'ann',
      firstSeen: T - H, lastSeen: T + 5 * H, // earliest, latest
      text: 'latest text', metrics: { likes: ex(3), replies: ex(1), followers: ex(120) }, // ours is newer
      snapshots: 4, // ours T−H, T+H (kept, not the backup's), T+5H + the backup's T
    });
    expect((await ours.getAll('snapshots')).filter((s) => s.postId === '1').map((s) => [s.observedAt - T, s.metrics.likes?.value]))
      .toEqual([[-H, 0], [H, 5], [5 * H, 3], [0, 1]]);
    expect(await ours.get('posts', ['x', '2'])).toMatchObject({ snapshots: 1, metrics: { likes: ex(7) } });
    expect(await getAccount(ours, 'x', 'ann')).toEqual({
      site: 'x', handle: 'ann', own: true, firstSeen: T - H, lastSeen: T + 5 * H,
      followers: [T - H, T, T + H, T + 5 * H].map((t, i) => ({ observedAt: t, count: ex([90, 100, 110, 120][i]!) })),
    });
    expect(await getSettings(ours)).toEqual({ retentionDays: 99 }); // ours kept
    await expectCountsConsistent(ours);
  });

  it('a newer backup record of a post wins its counts; an older one only adds history', async () => {
    await ingest(db, [obs('1', { likes: ex(50), views: ex(900) }, { text: 'newer' })], T + 10 * H);
    const text = await backupText(db);
    const ours = await other();
    await ingest(ours, [obs('1', { likes: ex(10), replies: ex(2) }, { text: 'older', author: 'zed', publishedAt: T - H })], T);
    await importBackup(ours, text);
    expect(await ours.get('posts', ['x', '1'])).toMatchObject({
      text: 'newer', author: 'zed', publishedAt: T - H, firstSeen: T, lastSeen: T + 10 * H, snapshots: 2,
      metrics: { likes: ex(50), views: ex(900), replies: ex(2) },
    });
  });

  it('takes the settings when the database has none', async () => {
    await setSettings(db, { retentionDays: 42 });
    const text = await backupText(db);
    const ours = await other();
    expect((await importBackup(ours, text)).settingsImported).toBe(1);
    expect(await getSettings(ours)).toEqual({ retentionDays: 42 });
  });

  it('imports a version 1 backup (no accounts, no meta)', async () => {
    const v1 = JSON.stringify({
      format: 'postmeter-backup', version: 1, exportedAt: new Date(T).toISOString(),
      stores: {
        posts: [{ site: 'x', postId: '5', url: 'https://x.com/a/status/5', firstSeen: T, lastSeen: T, snapshots: 1, metrics: { likes: ex(3) } }],
        snapshots: [{ site: 'x', postId: '5', observedAt: T, metrics: { likes: ex(3) } }],
      },
    });
    expect(await importBackup(db, v1)).toMatchObject({ postsAdded: 1, snapshotsAdded: 1 });
    expect(await db.get('posts', ['x', '5'])).toMatchObject({ snapshots: 1 });
  });

  it('accepts a file with a UTF-8 BOM', async () => {
    await fill(db);
    const ours = await other();
    await importBackup(ours, '\uFEFF' + (await backupText(db)));
    expect(await ours.count('posts')).toBe(4);
  });

  it('a purged database backs up and restores with its recounted posts', async () => {
    await fill(db);
    await setSettings(db, { retentionDays: 1 });
    await purgeSnapshots(db, T + 100 * H);
    const restored = await other();
    await importBackup(restored, await backupText(db));
    expect(content(await dump(restored))).toEqual(content(await dump(db)));
    await expectCountsConsistent(restored);
  });

  it('a full disk during the import: QuotaError, nothing written', async () => {
    await fill(db);
    const text = await backupText(db);
    const ours = await other();
    await ingest(ours, [obs('9', { likes: ex(1) })], T);
    const before = await dumpText(ours);
    const add = IDBObjectStore.prototype.add;
    let n = 0;
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (n++ < 2) return add.apply(this, args);
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(importBackup(ours, text)).rejects.toBeInstanceOf(QuotaError);
    vi.restoreAllMocks();
    expect(await dumpText(ours)).toBe(before);
  });

  it('parseBackup builds fresh rows: nothing of the parsed objects is kept', () => {
    const text = JSON.stringify({
      format: 'postmeter-backup', version: 1, exportedAt: new Date(T).toISOString(),
      stores: { posts: [{ site: 'x', postId: '5', url: 'https://x.com/', firstSeen: T, lastSeen: T, snapshots: 0, metrics: {} }], snapshots: [] },
    });
    const b = parseBackup(text, { now: T });
    expect(Object.getPrototypeOf(b.posts[0])).toBe(Object.prototype);
    expect(b.posts[0]).toEqual({ site: 'x', postId: '5', url: 'https://x.com/', firstSeen: T, lastSeen: T, snapshots: 0, metrics: {} });
  });
});
