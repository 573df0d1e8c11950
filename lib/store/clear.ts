// "Clear all data" (options page): every post, snapshot and account, and the settings row, in one transaction,
// so a failure (a full disk, a closing connection) leaves everything as it was rather than half deleted.
// The schema row in `meta` stays: it records migrations, not the user's data. Preferences live in storage.local
// (lib/preferences.ts) and are not touched here.
import type { PostmeterDatabase } from './schema';
import { writeQueue, writeTransaction } from './tx';

export interface ClearResult {
  posts: number;
  snapshots: number;
  accounts: number;
}

export async function clearAllData(db: PostmeterDatabase): Promise<ClearResult> {
  const tx = db.transaction(['posts', 'snapshots', 'accounts', 'meta', 'snapshotCsv'], 'readwrite');
  return writeTransaction(tx, async () => {
    const posts = tx.objectStore('posts');
    const snapshots = tx.objectStore('snapshots');
    const accounts = tx.objectStore('accounts');
    // Counted inside the same transaction as the deletes: nothing can arrive in between.
    const counts = await Promise.all([posts.count(), snapshots.count(), accounts.count()]);
    const writes = writeQueue();
    writes.add(posts.clear());
    writes.add(snapshots.clear());
    writes.add(tx.objectStore('snapshotCsv').clear());
    writes.add(accounts.clear());
    writes.add(tx.objectStore('meta').delete('settings'));
    await writes.all();
    return { posts: counts[0], snapshots: counts[1], accounts: counts[2] };
  });
}
