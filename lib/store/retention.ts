// The retention setting's purge: snapshots older than N days go, except each post's latest snapshot, so every
// post keeps its most recent counts. The posts store is never purged.
import type { SiteId } from '../types';
import type { PostmeterDatabase } from './schema';
import { getSettings } from './settings';
import { dropSnapshotCsv } from './snapshot-csv';
import { writeQueue, writeTransaction } from './tx';

const DAY_MS = 24 * 3600 * 1000;

export interface PurgeOptions {
  /** Snapshot rows examined per transaction: short transactions leave room for ingest between them. */
  chunkRows?: number;
}

/**
 * Delete snapshots observed before `now − retentionDays` (none when retention is "keep everything"), in
 * several short transactions walking the 'by-time' index, and lower each affected post's `snapshots` count.
 * Safe to run while batches arrive: each chunk is one transaction with its own reads.
 */
export async function purgeSnapshots(
  db: PostmeterDatabase,
  now: number,
  opts: PurgeOptions = {},
): Promise<{ deleted: number }> {
  const { retentionDays } = await getSettings(db);
  if (retentionDays === null || !Number.isFinite(now)) return { deleted: 0 };
  const cutoff = now - retentionDays * DAY_MS;
  const size = Math.max(1, Math.floor(opts.chunkRows ?? 500));

  let deleted = 0;
  // Where the previous chunk stopped: rows kept there (a post's latest) are not looked at again.
  let after: { time: number; key: number } | undefined;
  for (;;) {
    const chunk = await purgeChunk(db, cutoff, size, after);
    deleted += chunk.deleted;
    if (!chunk.last) return { deleted };
    after = chunk.last;
  }
}

interface Seen {
  key: number;
  time: number;
  site: SiteId;
  postId: string;
}

async function purgeChunk(
  db: PostmeterDatabase,
  cutoff: number,
  size: number,
  after: { time: number; key: number } | undefined,
): Promise<{ deleted: number; last?: { time: number; key: number } }> {
  const tx = db.transaction(['snapshots', 'posts', 'snapshotCsv'], 'readwrite');
  return writeTransaction(tx, async () => {
    const snaps = tx.objectStore('snapshots');
    const posts = tx.objectStore('posts');

    // 1. The next `size` rows older than the cutoff, oldest first.
    const range = after
      ? IDBKeyRange.bound(after.time, cutoff, false, true)
      : IDBKeyRange.upperBound(cutoff, true);
    const seen: Seen[] = [];
    let c = await snaps.index('by-time').openCursor(range);
    if (c && after && c.key === after.time && c.primaryKey < after.key) c = await c.continuePrimaryKey(after.time, after.key);
    if (c && after && c.key === after.time && c.primaryKey === after.key) c = await c.continue();
    for (; c; c = seen.length < size ? await c.continue() : null) {
      seen.push({ key: c.primaryKey, time: c.key, site: c.value.site, postId: c.value.postId });
    }
    if (seen.length === 0) return { deleted: 0 };

    // 2. Each post's latest row (highest observedAt, then highest key), which stays whatever its age.
    const postsHere = new Map<string, { site: SiteId; postId: string }>();
    for (const s of seen) postsHere.set(`${s.site}:${s.postId}`, s);
    const byPost = snaps.index('by-post');
    const latest = new Map<string, number | undefined>();
    await Promise.all(
      [...postsHere].map(async ([k, p]) => {
        const last = await byPost.openKeyCursor(
          IDBKeyRange.bound([p.site, p.postId, -Infinity], [p.site, p.postId, Infinity]),
          'prev',
        );
        latest.set(k, last?.primaryKey);
      }),
    );

    // 3. Delete the rest, and recount their posts.
    const writes = writeQueue();
    const removed = new Map<string, number>();
    let min = Infinity;
    let max = -Infinity;
    for (const s of seen) {
      const k = `${s.site}:${s.postId}`;
      if (latest.get(k) === s.key) continue;
      min = Math.min(min, s.key);
      max = Math.max(max, s.key);
      writes.add(snaps.delete(s.key));
      removed.set(k, (removed.get(k) ?? 0) + 1);
    }
    // The export's text for these keys goes with them (./snapshot-csv.ts): what is left is exported from the rows.
    if (min <= max) await dropSnapshotCsv(tx.objectStore('snapshotCsv'), min, max);
    const affected = [...removed];
    const rows = await Promise.all(affected.map(([k]) => posts.get([postsHere.get(k)!.site, postsHere.get(k)!.postId])));
    affected.forEach(([, n], i) => {
      const row = rows[i];
      if (row) writes.add(posts.put({ ...row, snapshots: Math.max(0, row.snapshots - n) }));
    });
    await writes.all();

    const deleted = affected.reduce((sum, [, n]) => sum + n, 0);
    if (seen.length < size) return { deleted };
    const end = seen[seen.length - 1]!;
    return { deleted, last: { time: end.time, key: end.key } };
  });
}
