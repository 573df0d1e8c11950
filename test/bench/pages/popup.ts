// In-page side of popup.bench.ts, run in an extension page: fills the extension's own database (the one the
// popup reads) with rows written directly in big transactions — seeding, not the thing measured — and checks
// that the popup's query sees them.
import { countSnapshots, openStore, recentPosts } from '../../../lib/store';
import { postRow, snapshotRow } from './data';

export interface Seeded {
  ms: number;
  posts: number;
  snapshots: number;
  /** What recentPosts(db, 20) returns afterwards (the popup's query). */
  recent: number;
}

export async function seedPopupDatabase(opts: { posts: number; snapshotsPerPost: number; rowsPerTx: number }): Promise<Seeded> {
  const { posts, snapshotsPerPost, rowsPerTx } = opts;
  const t0 = performance.now();
  const db = await openStore();
  try {
    for (let i = 0; i < posts; i += rowsPerTx) {
      const tx = db.transaction('posts', 'readwrite');
      for (let j = i; j < Math.min(posts, i + rowsPerTx); j++) void tx.store.put(postRow(j, snapshotsPerPost));
      await tx.done;
    }
    const total = posts * snapshotsPerPost;
    for (let n = 0; n < total; n += rowsPerTx) {
      const tx = db.transaction('snapshots', 'readwrite');
      for (let k = n; k < Math.min(total, n + rowsPerTx); k++) void tx.store.add(snapshotRow(Math.floor(k / snapshotsPerPost), k % snapshotsPerPost));
      await tx.done;
    }
    const ms = performance.now() - t0;
    return { ms, posts, snapshots: await countSnapshots(db), recent: (await recentPosts(db, 20)).length };
  } finally {
    db.close();
  }
}
