// The only write path for what pages show: one batch of observations → one transaction over posts, snapshots
// and accounts.
import { unwrap } from 'idb';
import type { Count } from '../count';
import type { PriorState } from '../messages';
import { postKey, type PostObservation, type SiteId } from '../types';
import { recordFollowers } from './accounts';
import { applyObservation, mergeObservations, priorOf, sanitize } from './merge';
import { resolveCount } from './precision';
import type { PostmeterDatabase, SnapshotRow } from './schema';
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

  const tx = db.transaction(['posts', 'snapshots', 'accounts'], 'readwrite');
  await writeTransaction(tx, async () => {
    const postStore = tx.objectStore('posts');
    const accountStore = tx.objectStore('accounts');
    const entries = [...batch];
    const reads = [...followerReads.values()];
    // Every read is issued at once: IDB runs a transaction's requests in order, so they pipeline.
    const [stored, accounts] = await Promise.all([
      Promise.all(entries.map(([, o]) => postStore.get([o.site, o.postId]))),
      Promise.all(reads.map((r) => accountStore.get([r.site, r.handle]))),
    ]);

    // Then every write, on the bare IDB stores and none awaited: a promise per write request (idb's wrapping)
    // costs an allocation and a microtask each for nothing. A write that fails aborts the transaction, which
    // writeTransaction reports (tx.done rejects: QuotaError or the write's error), and one that throws is
    // caught there too, so a batch is still stored whole or not at all.
    const rawPosts = unwrap(postStore);
    const rawSnaps = unwrap(tx.objectStore('snapshots'));
    const rawAccounts = unwrap(accountStore);

    entries.forEach(([key, obs], i) => {
      const before = stored[i];
      prior[key] = priorOf(before);
      const { row, snapshot } = applyObservation(before, obs, observedAt);
      rawPosts.put(row);
      if (snapshot) rawSnaps.add({ site: obs.site, postId: obs.postId, observedAt, metrics: snapshot } satisfies SnapshotRow);
    });
    reads.forEach((r, i) => rawAccounts.put(recordFollowers(accounts[i], r.site, r.handle, r.count, observedAt)));
  });
  return prior;
}
