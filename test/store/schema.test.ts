import 'fake-indexeddb/auto';
import { IDBFactory, forceCloseDatabase } from 'fake-indexeddb';
import { openDB, unwrap } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { DB_VERSION, openStore } from '../../lib/store/schema';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('openStore', () => {
  it('creates every store with its keys and indexes at DB_VERSION', async () => {
    const db = await openStore('schema');
    expect(db.version).toBe(3);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['accounts', 'meta', 'posts', 'snapshotCsv', 'snapshots']);
    const tx = db.transaction(['posts', 'snapshots', 'accounts', 'meta']);
    const posts = tx.objectStore('posts');
    expect(posts.keyPath).toEqual(['site', 'postId']);
    expect([...posts.indexNames].sort()).toEqual(['by-author', 'by-lastSeen', 'by-publishedAt', 'by-site-lastSeen']);
    expect(posts.index('by-site-lastSeen').keyPath).toEqual(['site', 'lastSeen']);
    expect(posts.index('by-author').keyPath).toEqual(['site', 'author']);
    expect(posts.index('by-publishedAt').keyPath).toBe('publishedAt');
    const snaps = tx.objectStore('snapshots');
    expect(snaps.autoIncrement).toBe(true);
    expect(snaps.keyPath).toBeNull();
    expect([...snaps.indexNames].sort()).toEqual(['by-post', 'by-time']);
    expect(snaps.index('by-post').keyPath).toEqual(['site', 'postId', 'observedAt']);
    expect(tx.objectStore('accounts').keyPath).toEqual(['site', 'handle']);
    expect(tx.objectStore('meta').keyPath).toBe('key');
    db.close();
    const csv = (await openStore('schema')).transaction('snapshotCsv').store;
    expect(csv.keyPath).toBe('first');
    expect(csv.autoIncrement).toBe(false);
  });

  it('records the schema version in meta', async () => {
    const before = Date.now();
    const db = await openStore('meta');
    const row = await db.get('meta', 'schema');
    expect(row?.value).toMatchObject({ version: 3 });
    expect((row?.value as { migratedAt: number }).migratedAt).toBeGreaterThanOrEqual(before);
    db.close();
  });

  it('reopens an existing database without touching its data', async () => {
    const db = await openStore('reopen');
    await db.put('posts', { site: 'x', postId: '1', url: 'u', firstSeen: 1, lastSeen: 1, snapshots: 0, metrics: {} });
    const schema = await db.get('meta', 'schema');
    db.close();
    const again = await openStore('reopen');
    expect(await again.count('posts')).toBe(1);
    expect(await again.get('meta', 'schema')).toEqual(schema); // no upgrade ran
    again.close();
  });

  it('closes itself when a newer version wants to open, so it never blocks an upgrade, and says so', async () => {
    const closed: string[] = [];
    const old = await openStore('upgrade', { onClosed: (why) => closed.push(why) });
    let blocked = false;
    const next = await openDB('upgrade', DB_VERSION + 1, {
      blocked() {
        blocked = true;
      },
    });
    expect(blocked).toBe(false);
    expect(next.version).toBe(DB_VERSION + 1);
    expect(closed).toEqual(['versionchange']);
    // The old connection is closed: starting a transaction on it fails.
    expect(() => old.transaction('posts')).toThrow();
    next.close();
  });

  it('never blocks a deletion either (clearing the data from another page)', async () => {
    const closed: string[] = [];
    await openStore('delete', { onClosed: (why) => closed.push(why) });
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.deleteDatabase('delete');
      req.onsuccess = () => resolve();
      req.onerror = () => reject(req.error);
      req.onblocked = () => reject(new Error('blocked'));
    });
    expect(closed).toEqual(['versionchange']);
    // A reader that reopens gets a fresh, empty, current database.
    const fresh = await openStore('delete');
    expect(await fresh.count('posts')).toBe(0);
    fresh.close();
  });

  it('reports a connection the browser closed', async () => {
    const closed: string[] = [];
    const db = await openStore('terminated', { onClosed: (why) => closed.push(why) });
    forceCloseDatabase(unwrap(db) as never);
    await new Promise((r) => setTimeout(r, 10));
    expect(closed).toEqual(['terminated']);
  });
});
