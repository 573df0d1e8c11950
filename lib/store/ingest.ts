// The only write path for what pages show: one batch of observations → one transaction over posts, snapshots,
// accounts and the snapshots' CSV text.
import { unwrap } from 'idb';
import type { Count } from '../count';
import type { PriorState } from '../messages';
import { postKey, type PostObservation, type SiteId } from '../types';
import { recordFollowers } from './accounts';
import { applyObservation, mergeObservations, priorOf, sanitize } from './merge';
import { snapshotsCsvText } from './export';
import { resolveCount } from './precision';
import type { PostmeterDatabase, SnapshotRow } from './schema';
import { latestSnapshotCsv, snapshotCsvRecord } from './snapshot-csv';
import { writeTransaction } from './tx';

export { QuotaError } from './quota';

interface FollowerRead {
  site: SiteId;
  handle: string;
  count: Count;
}

/**
 * Store a batch seen at `observedAt` and return, per post key, the post's state before this batch (null: new).
 *
 * One readwrite transaction, so a batch is stored whole or not at all (a full disk leaves nothing half-written:
 * QuotaError), and concurrent calls serialise: the second reads what the first wrote, so racing batches for
 * the same new post neither duplicate it nor lose a snapshot. Only IDB requests are awaited inside it.
 *
 * An observation's metrics.followers is its author's follower count: besides the post's own metrics it goes
 * into that author's history in `accounts`.
 */
export async function ingest(
  db: PostmeterDatabase,
  posts: PostObservation[],
  observedAt: number,
): Promise<Record<string, PriorState | null>> {
  if (!Number.isFinite(observedAt)) throw new TypeError(`observedAt must be a finite time, got ${observedAt}`);

  const batch = new Map<string, PostObservation>();
  for (const raw of posts) {
    const obs = sanitize(raw);
    if (!obs) continue;
    const key = postKey(obs);
    const seen = batch.get(key);
    batch.set(key, seen ? mergeObservations(seen, obs) : obs);
  }
  const prior: Record<string, PriorState | null> = {};
  if (batch.size === 0) return prior;

  // Several posts of one author in a batch: one reading, by the same precision rule as a post's counts.
  const followerReads = new Map<string, FollowerRead>();
  for (const obs of batch.values()) {
    const count = obs.metrics.followers;
    if (!count || obs.author === undefined) continue;
    const key = `${obs.site}:${obs.author}`;
    const seen = followerReads.get(key);
    followerReads.set(key, { site: obs.site, handle: obs.author, count: seen ? resolveCount(seen.count, count) : count });
  }

  const tx = db.transaction(['posts', 'snapshots', 'accounts', 'snapshotCsv'], 'readwrite');
  await writeTransaction(tx, async () => {
    const postStore = tx.objectStore('posts');
    const accountStore = tx.objectStore('accounts');
    const entries = [...batch];
    const reads = [...followerReads.values()];
    // Every read is issued at once: IDB runs a transaction's requests in order, so they pipeline.
    const csvStore = tx.objectStore('snapshotCsv');
    const [stored, accounts, latestCsv] = await Promise.all([
      Promise.all(entries.map(([, o]) => postStore.get([o.site, o.postId]))),
      Promise.all(reads.map((r) => accountStore.get([r.site, r.handle]))),
      latestSnapshotCsv(csvStore),
    ]);

    // Then every write, on the bare IDB stores and none awaited: a promise per write request (idb's wrapping)
    // costs an allocation and a microtask each for nothing. A write that fails aborts the transaction, which
    // writeTransaction reports (tx.done rejects: QuotaError or the write's error), and one that throws is
    // caught there too, so a batch is still stored whole or not at all.
    const rawPosts = unwrap(postStore);
    const rawSnaps = unwrap(tx.objectStore('snapshots'));
    const rawAccounts = unwrap(accountStore);

    const added: SnapshotRow[] = [];
    entries.forEach(([key, obs], i) => {
      const before = stored[i];
      prior[key] = priorOf(before);
      const { row, snapshot } = applyObservation(before, obs, observedAt);
      rawPosts.put(row);
      if (snapshot) added.push({ site: obs.site, postId: obs.postId, observedAt, metrics: snapshot });
    });
    // The first and the last add through idb, for the keys the store gives them; the rest bare. (Marked handled: an
    // abort rejects them, and writeTransaction reports it.)
    const snapStore = tx.objectStore('snapshots');
    const keys = added.map((snap, i) => {
      if (i !== 0 && i !== added.length - 1) return void rawSnaps.add(snap);
      const key = snapStore.add(snap) as Promise<number>;
      key.catch(() => {});
      return key;
    });
    reads.forEach((r, i) => rawAccounts.put(recordFollowers(accounts[i], r.site, r.handle, r.count, observedAt)));

    // The new snapshots' CSV rows, for the export (./snapshot-csv.ts), under the keys the adds will usually get: the
    // ones right after the latest record's (ingest is nearly the only writer of snapshots). Written with the adds, not
    // after them: waiting for the keys first cost every batch one more round trip to the database. When the keys turn
    // out otherwise (rows imported since, rows from before schema v3, the newest rows deleted), the record is
    // corrected once they are known, in the same transaction.
    if (added.length) {
      const csv = snapshotsCsvText(added);
      const highestKey = latestCsv?.last ?? 0;
      const guess = snapshotCsvRecord(latestCsv, highestKey + 1, highestKey + added.length, csv);
      void csvStore.put(guess).catch(() => {});
      const first = await keys[0]!;
      const last = await keys[keys.length - 1]!;
      if (first !== highestKey + 1 || last !== highestKey + added.length) {
        if (latestCsv && guess.first === latestCsv.first) void csvStore.put(latestCsv).catch(() => {});
        else void csvStore.delete(guess.first).catch(() => {});
        // Not consecutive (never seen): no text; the export reads these rows from the store.
        if (last - first + 1 === added.length) void csvStore.put(snapshotCsvRecord(undefined, first, last, csv)).catch(() => {});
      }
    }
  });
  return prior;
}
