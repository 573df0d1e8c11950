// In-page side of ingest.bench.ts: the real ingest() on the real IndexedDB of the page's origin.
import { deleteDB } from 'idb';
import { countSnapshots, ingest, openStore } from '../../../lib/store';
import type { PostObservation } from '../../../lib/types';
import { observation, T0 } from './data';

export interface IngestRun {
  /** Time spent in ingest() calls (every transaction committed), ms. */
  ms: number;
  calls: number;
  /** Snapshot rows in the database afterwards (must equal posts × rounds). */
  snapshots: number;
}

/**
 * `posts` posts each observed `rounds` times (every observation a change, so one snapshot each), fed to ingest()
 * `perCall` observations at a time, in a database of its own that is deleted before and after.
 */
export async function runIngest(opts: { name: string; posts: number; rounds: number; perCall: number }): Promise<IngestRun> {
  const { name, posts, rounds, perCall } = opts;
  await deleteDB(name);
  const db = await openStore(name);
  try {
    // Built before the clock starts: the same observations for either side.
    const calls: { at: number; obs: PostObservation[] }[] = [];
    for (let r = 0; r < rounds; r++) {
      const at = T0 + 86_400_000 + r * 600_000;
      for (let i = 0; i < posts; i += perCall) {
        const obs: PostObservation[] = [];
        for (let j = i; j < Math.min(posts, i + perCall); j++) obs.push(observation(j, r));
        calls.push({ at, obs });
      }
    }
    const t0 = performance.now();
    for (const c of calls) await ingest(db, c.obs, c.at);
    const ms = performance.now() - t0;
    return { ms, calls: calls.length, snapshots: await countSnapshots(db) };
  } finally {
    db.close();
    await deleteDB(name);
  }
}
