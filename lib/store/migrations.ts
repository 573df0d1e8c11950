// Schema steps, cumulative: a database at any older version walks every step up to the current one, inside the
// versionchange transaction that opened it. Existing stores are reached through that transaction (idb#231);
// only IDB requests are awaited in here (idb#281). openStore aborts the upgrade if a step fails.
//
// Never edit a released step: a user's database may be at any version. Add a new `if (oldVersion < N)` block.
// test/store/legacy/ holds code that builds databases exactly as each earlier version did.
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { postKey } from '../types';
import { recordFollowers } from './accounts';
import type { AccountRow, PostmeterDB } from './schema';

type UpgradeTx = IDBPTransaction<PostmeterDB, StoreNames<PostmeterDB>[], 'versionchange'>;

export async function migrate(
  db: IDBPDatabase<PostmeterDB>,
  oldVersion: number,
  newVersion: number,
  tx: UpgradeTx,
  now = Date.now(),
): Promise<void> {
  if (oldVersion < 1) {
    const posts = db.createObjectStore('posts', { keyPath: ['site', 'postId'] });
    posts.createIndex('by-lastSeen', 'lastSeen');
    posts.createIndex('by-site-lastSeen', ['site', 'lastSeen']);
    const snapshots = db.createObjectStore('snapshots', { autoIncrement: true });
    snapshots.createIndex('by-post', ['site', 'postId', 'observedAt']);
    snapshots.createIndex('by-time', 'observedAt');
  }

  if (oldVersion < 2) {
    const posts = tx.objectStore('posts');
    // Rows without an author (or publishedAt) are simply not in these indexes.
    posts.createIndex('by-author', ['site', 'author']);
    posts.createIndex('by-publishedAt', 'publishedAt');
    db.createObjectStore('accounts', { keyPath: ['site', 'handle'] });
    db.createObjectStore('meta', { keyPath: 'key' });
    if (oldVersion >= 1) await backfillAccounts(tx);
  }

  if (oldVersion < 3) {
    // Empty at first: snapshots stored before it are exported from their rows, as before.
    db.createObjectStore('snapshotCsv', { keyPath: 'first' });
  }

  await tx.objectStore('meta').put({ key: 'schema', value: { version: newVersion, migratedAt: now } });
}

/**
 * v1 kept an author's follower count only inside post metrics (metrics.followers, read beside the post).
 * v2 gives it a home in `accounts`: rebuild each author's history from the snapshots that carry it.
 */
async function backfillAccounts(tx: UpgradeTx): Promise<void> {
  const authorOf = new Map<string, string>();
  const lastSeenOf = new Map<string, number>();
  for (let c = await tx.objectStore('posts').openCursor(); c; c = await c.continue()) {
    const p = c.value;
    if (p.author === undefined || !p.metrics.followers) continue;
    authorOf.set(postKey(p), p.author);
    lastSeenOf.set(postKey(p), p.lastSeen);
  }
  if (authorOf.size === 0) return;

  const accounts = new Map<string, AccountRow>();
  const snapshots = tx.objectStore('snapshots').index('by-time');
  for (let c = await snapshots.openCursor(); c; c = await c.continue()) {
    const s = c.value;
    const followers = s.metrics.followers;
    const author = authorOf.get(postKey(s));
    if (!followers || author === undefined) continue;
    const key = `${s.site}:${author}`;
    accounts.set(key, recordFollowers(accounts.get(key), s.site, author, followers, s.observedAt));
  }
  // The post was seen (unchanged) after its last snapshot: so was its author.
  for (const [pk, author] of authorOf) {
    const site = pk.slice(0, pk.indexOf(':'));
    const account = accounts.get(`${site}:${author}`);
    if (account) account.lastSeen = Math.max(account.lastSeen, lastSeenOf.get(pk)!);
  }
  const store = tx.objectStore('accounts');
  await Promise.all([...accounts.values()].map((a) => store.put(a)));
}
