// The popup's bounded reads: the snapshots its sparklines, velocities and rankings need, and its own-account
// trends. Each reads at most a fixed number of rows so the popup opens as fast with 200k snapshots as with 20.
import { impressionsFallingAlert, weeklyTrend, type FallingAlert, type WeekTrend } from '../trend';
import { ownAccountList, type OwnAccount } from '../own-accounts';
import { listAccounts } from './accounts';
import { newestFirst } from './newest';
import { postsByAuthor } from './queries';
import type { PostRow, PostmeterDatabase, SnapshotRow } from './schema';

/** Each listed post's snapshots (oldest first), by "site:postId", in one readonly transaction. */
export async function snapshotsOfPosts(
  db: PostmeterDatabase,
  posts: readonly Pick<PostRow, 'site' | 'postId'>[],
): Promise<Map<string, SnapshotRow[]>> {
  const out = new Map<string, SnapshotRow[]>();
  if (posts.length === 0) return out;
  const index = db.transaction('snapshots').store.index('by-post');
  await Promise.all(
    posts.map(async (p) => {
      const key = `${p.site}:${p.postId}`;
      if (out.has(key)) return;
      out.set(key, []);
      out.set(key, await index.getAll(IDBKeyRange.bound([p.site, p.postId, -Infinity], [p.site, p.postId, Infinity])));
    }),
  );
  return out;
}

/**
 * The newest `limit` snapshots of any post (newest first), observed at or after `since` (ms): what recent
 * velocities are computed from without reading the whole history, from the 'by-time' index backwards (one
 * request where the browser allows, ./newest.ts). Bisecting the index with count() instead (each count walks its
 * range) took seconds at 200k snapshots.
 */
export async function newestSnapshots(db: PostmeterDatabase, limit: number, since = -Infinity): Promise<SnapshotRow[]> {
  const range = Number.isFinite(since) ? IDBKeyRange.lowerBound(since) : null;
  return newestFirst(db.transaction('snapshots').store.index('by-time'), range, limit);
}

export interface OwnAccountTrend {
  account: OwnAccount;
  /** Oldest first, through the week containing `now`. */
  weeks: WeekTrend[];
  alert: FallingAlert;
  posts: number;
}

/**
 * Each own account (marked, or recognised from analytics posts among `posts`) with its weekly trend and the
 * "impressions falling" verdict, from all of that account's stored posts (the 'by-author' index).
 */
export async function ownAccountTrends(
  db: PostmeterDatabase,
  posts: readonly PostRow[],
  now: number,
): Promise<OwnAccountTrend[]> {
  const accounts = ownAccountList(await listAccounts(db), posts);
  return Promise.all(
    accounts.map(async (account) => {
      const rows = await postsByAuthor(db, account.site, account.handle);
      const weeks = weeklyTrend(rows, { now });
      return { account, weeks, alert: impressionsFallingAlert(weeks, { now }), posts: rows.length };
    }),
  );
}
