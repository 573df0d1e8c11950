// The only write path: one batch of observations → one transaction over posts and snapshots.
import type { PriorState } from '../messages';
import { postKey, type PostObservation } from '../types';
import { applyObservation, mergeObservations, priorOf, sanitize } from './merge';
import { QuotaError, isQuotaExceeded } from './quota';
import type { PostmeterDatabase } from './schema';

export { QuotaError } from './quota';

/**
 * Store a batch seen at `observedAt` and return, per post key, the post's state before this batch (null: new).
 *
 * One readwrite transaction over both stores, so a batch is stored whole or not at all (a full disk leaves
 * nothing half-written), and concurrent calls serialise: the second reads what the first wrote, so racing
 * batches for the same new post neither duplicate it nor lose a snapshot.
 * Only IDB requests are awaited inside the transaction; anything else would let it auto-commit.
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

  const tx = db.transaction(['posts', 'snapshots'], 'readwrite');
  // Observed on every path below; without this an abort would also surface as an unhandled rejection.
  const done = tx.done.then(
    () => undefined,
    (err: unknown) => err ?? new Error('transaction aborted'),
  );
  try {
    const postStore = tx.objectStore('posts');
    const snapStore = tx.objectStore('snapshots');
    const entries = [...batch];
    const stored = await Promise.all(entries.map(([, o]) => postStore.get([o.site, o.postId])));

    const writes: Promise<unknown>[] = [];
    // If a later write throws synchronously, the earlier ones reject with AbortError and nobody awaits them:
    // mark each as handled now; Promise.all below still sees the failure.
    const write = (p: Promise<unknown>) => {
      p.catch(() => {});
      writes.push(p);
    };
    entries.forEach(([key, obs], i) => {
      const before = stored[i];
      prior[key] = priorOf(before);
      const { row, snapshot } = applyObservation(before, obs, observedAt);
      write(postStore.put(row));
      if (snapshot) write(snapStore.add({ site: obs.site, postId: obs.postId, observedAt, metrics: snapshot }));
    });
    await Promise.all(writes);
    const failed = await done;
    if (failed) throw failed;
  } catch (err) {
    // A put that threw synchronously leaves the transaction active with earlier writes queued: abort so
    // nothing of the batch lands. (Throws if it already finished; that is fine.)
    try {
      tx.abort();
    } catch {
      /* already aborted or committed */
    }
    const txError = await done;
    // Chromium reports a full disk on commit, as the transaction's error; other paths as a request error.
    const quota = [err, txError, safeTxError(tx)].find(isQuotaExceeded);
    if (quota) throw new QuotaError(undefined, { cause: quota });
    throw err;
  }
  return prior;
}

function safeTxError(tx: { error: unknown }): unknown {
  try {
    return tx.error;
  } catch {
    return undefined;
  }
}
