// Read paths for the popup, the dashboard, badges and export. Each call is its own short readonly transaction.
import type { SiteId } from '../types';
import type { StoreKey, StoreNames, StoreValue } from 'idb';
import type { PostKey, PostRow, PostmeterDB, PostmeterDatabase, SnapshotRow } from './schema';
import { newestFirst } from './newest';

/** The `limit` posts seen most recently (newest lastSeen first), optionally for one site. */
export async function recentPosts(db: PostmeterDatabase, limit: number, site?: SiteId): Promise<PostRow[]> {
  const posts = db.transaction('posts').store;
  return site
    ? newestFirst(posts.index('by-site-lastSeen'), IDBKeyRange.bound([site, -Infinity], [site, Infinity]), limit)
    : newestFirst(posts.index('by-lastSeen'), null, limit);
}

/** "site:postId" → [site, postId]. The site id holds no colon; a post id may. */
export function parsePostKey(key: string): PostKey | undefined {
  const i = key.indexOf(':');
  if (i <= 0 || i === key.length - 1) return undefined;
  return [key.slice(0, i) as SiteId, key.slice(i + 1)];
}

/** Posts for "site:postId" keys, in the keys' order; unknown or malformed keys are skipped. */
export async function postsByKeys(db: PostmeterDatabase, keys: string[]): Promise<PostRow[]> {
  const parsed = keys.map(parsePostKey).filter((k): k is PostKey => k !== undefined);
  if (parsed.length === 0) return [];
  const tx = db.transaction('posts');
  const rows = await Promise.all(parsed.map((k) => tx.store.get(k)));
  return rows.filter((r): r is PostRow => r !== undefined);
}

/** One post's snapshots, oldest first. */
export async function snapshotsOf(db: PostmeterDatabase, site: SiteId, postId: string): Promise<SnapshotRow[]> {
  return db.getAllFromIndex(
    'snapshots',
    'by-post',
    IDBKeyRange.bound([site, postId, -Infinity], [site, postId, Infinity]),
  );
}

/**
 * Every row of a store, a page at a time in key order. Each page is its own short readonly transaction,
 * resumed after the last key, so a long export (or a slow consumer between pages) never holds a transaction
 * open, and only one page is in memory at a time.
 */
export async function* storePages<Name extends StoreNames<PostmeterDB>>(
  db: PostmeterDatabase,
  store: Name,
  pageSize: number,
): AsyncGenerator<StoreValue<PostmeterDB, Name>[]> {
  const size = Math.max(1, Math.floor(pageSize));
  let after: StoreKey<PostmeterDB, Name> | undefined;
  for (;;) {
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    // Keys and values from one transaction, so they line up.
    const tx = db.transaction(store);
    const [keys, rows] = await Promise.all([tx.store.getAllKeys(range, size), tx.store.getAll(range, size)]);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < size) return;
    after = keys[keys.length - 1]!;
  }
}

/** Every post, a page at a time in key order (see storePages). */
export function postPages(db: PostmeterDatabase, pageSize = 500): AsyncGenerator<PostRow[]> {
  return storePages(db, 'posts', pageSize);
}

/** Every snapshot, a page at a time in insertion (key) order (see storePages). */
export function snapshotPages(db: PostmeterDatabase, pageSize = 1000): AsyncGenerator<SnapshotRow[]> {
  return storePages(db, 'snapshots', pageSize);
}

/** One author's posts, least recently seen first (the index gives them in post-key order). */
export async function postsByAuthor(db: PostmeterDatabase, site: SiteId, author: string): Promise<PostRow[]> {
  const rows = await db.getAllFromIndex('posts', 'by-author', [site, author]);
  return rows.sort((a, b) => a.lastSeen - b.lastSeen);
}

/** Posts published in [from, to) (ms), oldest first; posts without a known publishedAt are not included. */
export async function postsPublishedBetween(db: PostmeterDatabase, from: number, to: number, limit?: number): Promise<PostRow[]> {
  if (!(from < to)) return [];
  return db.getAllFromIndex('posts', 'by-publishedAt', IDBKeyRange.bound(from, to, false, true), limit);
}

/** Call fn for every post, paging as postPages does. fn may be async; it runs outside any transaction. */
export async function eachPost(
  db: PostmeterDatabase,
  fn: (row: PostRow) => void | Promise<void>,
  pageSize?: number,
): Promise<void> {
  for await (const page of postPages(db, pageSize)) {
    for (const row of page) await fn(row);
  }
}

export async function countPosts(db: PostmeterDatabase): Promise<number> {
  return db.count('posts');
}

export async function countSnapshots(db: PostmeterDatabase): Promise<number> {
  return db.count('snapshots');
}
