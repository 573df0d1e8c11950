// Read paths for the popup, the dashboard, badges and export. Each call is its own short readonly transaction.
import type { SiteId } from '../types';
import type { PostKey, PostRow, PostmeterDatabase, SnapshotRow } from './schema';

/** The `limit` posts seen most recently (newest lastSeen first), optionally for one site. */
export async function recentPosts(db: PostmeterDatabase, limit: number, site?: SiteId): Promise<PostRow[]> {
  const out: PostRow[] = [];
  if (limit <= 0) return out;
  const tx = db.transaction('posts');
  const cursor = site
    ? await tx.store
        .index('by-site-lastSeen')
        .openCursor(IDBKeyRange.bound([site, -Infinity], [site, Infinity]), 'prev')
    : await tx.store.index('by-lastSeen').openCursor(null, 'prev');
  for (let c = cursor; c && out.length < limit; c = await c.continue()) out.push(c.value);
  return out;
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
 * Every post, a page at a time in key order. Each page is its own transaction, resumed after the last key,
 * so a long export (or a slow consumer between pages) never holds a transaction open.
 */
export async function* postPages(db: PostmeterDatabase, pageSize = 500): AsyncGenerator<PostRow[]> {
  const size = Math.max(1, Math.floor(pageSize));
  let after: PostKey | undefined;
  for (;;) {
    const page = await db.getAll('posts', after ? IDBKeyRange.lowerBound(after, true) : undefined, size);
    if (page.length === 0) return;
    yield page;
    if (page.length < size) return;
    const last = page[page.length - 1]!;
    after = [last.site, last.postId];
  }
}

/** Every snapshot, a page at a time in insertion (key) order; same paging as postPages. */
export async function* snapshotPages(db: PostmeterDatabase, pageSize = 1000): AsyncGenerator<SnapshotRow[]> {
  const size = Math.max(1, Math.floor(pageSize));
  let after: number | undefined;
  for (;;) {
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    // Keys and values from one transaction, so they line up.
    const tx = db.transaction('snapshots');
    const [keys, rows] = await Promise.all([tx.store.getAllKeys(range, size), tx.store.getAll(range, size)]);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < size) return;
    after = keys[keys.length - 1]!;
  }
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
