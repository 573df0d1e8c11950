// Shared fixtures for the store tests: a fresh in-memory IndexedDB per test, short Count builders, and full
// dumps of every store for "nothing changed" checks.
import { IDBFactory } from 'fake-indexeddb';
import type { IDBPDatabase } from 'idb';
import { expect } from 'vitest';
import type { Count } from '../../lib/count';
import { openStore, type PostmeterDatabase } from '../../lib/store/schema';
import type { Metrics, PostObservation, SiteId } from '../../lib/types';

export const ex = (n: number): Count => ({ value: n, min: n, max: n, exact: true });
export const iv = (min: number, max: number, value = min): Count => ({ value, min, max, exact: false });

let n = 0;
/** A fresh factory (no state from earlier tests) and an open store on it. */
export async function freshStore(): Promise<PostmeterDatabase> {
  globalThis.indexedDB = new IDBFactory();
  return openStore(`test-${++n}`);
}

/** Another store on the same factory as the last freshStore (a second database, e.g. to restore into). */
export async function anotherStore(): Promise<PostmeterDatabase> {
  return openStore(`test-${++n}`);
}

export function obs(postId: string, metrics: Metrics, extra: Partial<PostObservation> = {}): PostObservation {
  const site: SiteId = extra.site ?? 'x';
  return { site, postId, url: `https://x.com/a/status/${postId}`, metrics, ...extra };
}

export interface StoreDump {
  [store: string]: { keys: unknown[]; values: unknown[] };
}

/** Every store's keys and values, in key order. */
export async function dump(db: IDBPDatabase<unknown> | PostmeterDatabase): Promise<StoreDump> {
  const raw = db as unknown as IDBPDatabase;
  const out: StoreDump = {};
  for (const name of [...raw.objectStoreNames].sort()) {
    const tx = raw.transaction(name);
    const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
    out[name] = { keys, values };
  }
  return out;
}

/** A dump as text: equal text = the same bytes in every store, keys and field order included. */
export const dumpText = async (db: PostmeterDatabase): Promise<string> => JSON.stringify(await dump(db));

/** Every post's `snapshots` equals its number of snapshot rows, and no snapshot is an orphan. */
export async function expectCountsConsistent(db: PostmeterDatabase): Promise<void> {
  const posts = await db.getAll('posts');
  const snaps = await db.getAll('snapshots');
  const perPost = new Map<string, number>();
  for (const s of snaps) perPost.set(`${s.site}:${s.postId}`, (perPost.get(`${s.site}:${s.postId}`) ?? 0) + 1);
  for (const p of posts) expect(p.snapshots, `${p.site}:${p.postId}`).toBe(perPost.get(`${p.site}:${p.postId}`) ?? 0);
  const keys = new Set(posts.map((p) => `${p.site}:${p.postId}`));
  for (const k of perPost.keys()) expect(keys.has(k), `orphan snapshots of ${k}`).toBe(true);
}
