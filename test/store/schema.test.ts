import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { DB_VERSION, openStore } from '../../lib/store/schema';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('openStore', () => {
  it('creates both stores with their keys and indexes at DB_VERSION', async () => {
    const db = await openStore('schema');
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['posts', 'snapshots']);
    const tx = db.transaction(['posts', 'snapshots']);
    const posts = tx.objectStore('posts');
    expect(posts.keyPath).toEqual(['site', 'postId']);
    expect([...posts.indexNames].sort()).toEqual(['by-lastSeen', 'by-site-lastSeen']);
    expect(posts.index('by-site-lastSeen').keyPath).toEqual(['site', 'lastSeen']);
    const snaps = tx.objectStore('snapshots');
    expect(snaps.autoIncrement).toBe(true);
    expect(snaps.keyPath).toBeNull();
    expect([...snaps.indexNames].sort()).toEqual(['by-post', 'by-time']);
    expect(snaps.index('by-post').keyPath).toEqual(['site', 'postId', 'observedAt']);
    db.close();
  });

  it('reopens an existing database without touching its data', async () => {
    const db = await openStore('reopen');
    await db.put('posts', { site: 'x', postId: '1', url: 'u', firstSeen: 1, lastSeen: 1, snapshots: 0, metrics: {} });
    db.close();
    const again = await openStore('reopen');
    expect(await again.count('posts')).toBe(1);
    again.close();
  });

  it('closes itself when a newer version wants to open, so it never blocks an upgrade', async () => {
    const old = await openStore('upgrade');
    let blocked = false;
    const next = await openDB('upgrade', DB_VERSION + 1, {
      blocked() {
        blocked = true;
      },
    });
    expect(blocked).toBe(false);
    expect(next.version).toBe(DB_VERSION + 1);
    // The old connection is closed: starting a transaction on it fails.
    expect(() => old.transaction('posts')).toThrow();
    next.close();
  });
});
