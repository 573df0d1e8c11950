// Backup: every store as one JSON document, written page by page. Import: the whole file is checked first
// (./backup-validate.ts), then merged into the database in one transaction: all of it or none of it.
import { postKey } from '../types';
import { mergeAccountRows, normaliseFollowers } from './accounts';
import { BACKUP_FORMAT, BACKUP_VERSION, parseBackup, type ParseOptions } from './backup-validate';
import { mergePostRows } from './merge';
import { storePages } from './queries';
import type { PostmeterDatabase } from './schema';
import { writeQueue, writeTransaction } from './tx';

export { BACKUP_FORMAT, BACKUP_VERSION, BackupError, DEFAULT_MAX_BACKUP_BYTES, parseBackup } from './backup-validate';
export type { ParseOptions, ValidBackup } from './backup-validate';

export interface BackupOptions {
  /** Rows per page (and per read transaction). */
  pageRows?: number;
  /** The exportedAt time (ms). */
  now?: number;
}

const STORES = ['posts', 'snapshots', 'accounts', 'meta'] as const;

/**
 * The backup as chunks of text that, joined, are one JSON document:
 * `{"format":"postmeter-backup","version":2,"exportedAt":"<ISO>","stores":{"posts":[…],"snapshots":[…],"accounts":[…],"meta":[…]}}`.
 * Each page of rows is read in its own short transaction, so a large database is never held in one
 * transaction or in memory. Snapshot keys are not written: importing assigns new ones.
 */
export async function* backupChunks(db: PostmeterDatabase, opts: BackupOptions = {}): AsyncGenerator<string> {
  const { pageRows = 1000, now = Date.now() } = opts;
  yield `{"format":${JSON.stringify(BACKUP_FORMAT)},"version":${BACKUP_VERSION},"exportedAt":${JSON.stringify(new Date(now).toISOString())},"stores":{`;
  for (const [i, store] of STORES.entries()) {
    yield `${i ? ',' : ''}"${store}":[`;
    let first = true;
    for await (const page of storePages(db, store, pageRows)) {
      yield (first ? '' : ',') + page.map((row) => JSON.stringify(row)).join(',');
      first = false;
    }
    yield ']';
  }
  yield '}}';
}

/** What an import changed. Numbers only, named so "postsAdded" reads as "posts added". */
export interface ImportSummary {
  postsAdded: number;
  /** Posts we already had that the backup changed (a later lastSeen, newer counts, more history…). */
  postsUpdated: number;
  snapshotsAdded: number;
  /** Snapshots we already had (same post, same observedAt): kept as they were. */
  snapshotsAlreadyPresent: number;
  accountsAdded: number;
  accountsUpdated: number;
  /** 1 when the backup's settings were taken (this database had none), else 0. */
  settingsImported: number;
}

export interface ImportOptions extends ParseOptions {}

/**
 * Import a backup file's text. Everything is validated before anything is written (BackupError otherwise,
 * with the database untouched); then, in one transaction:
 * - posts are merged with ours (earliest firstSeen, latest lastSeen, the more recently seen record's counts),
 * - snapshots are added unless we have one for the same post at the same observedAt, and each post's
 *   `snapshots` count is recounted,
 * - accounts are merged (union of follower histories),
 * - settings are taken only if this database has none.
 * A full disk rejects with QuotaError, also with nothing written.
 */
export async function importBackup(db: PostmeterDatabase, text: string, opts: ImportOptions = {}): Promise<ImportSummary> {
  const backup = parseBackup(text, opts);

  const summary: ImportSummary = {
    postsAdded: 0, postsUpdated: 0, snapshotsAdded: 0, snapshotsAlreadyPresent: 0,
    accountsAdded: 0, accountsUpdated: 0, settingsImported: 0,
  };
  const tx = db.transaction(['posts', 'snapshots', 'accounts', 'meta'], 'readwrite');
  await writeTransaction(tx, async () => {
    const posts = tx.objectStore('posts');
    const snapshots = tx.objectStore('snapshots');
    const byPost = snapshots.index('by-post');
    const accounts = tx.objectStore('accounts');
    const meta = tx.objectStore('meta');

    // Every read first (all IDB requests, so the transaction stays alive), then every write.
    const [ourPosts, ourTimes, ourAccounts, ourSettings] = await Promise.all([
      Promise.all(backup.posts.map((p) => posts.get([p.site, p.postId]))),
      // observedAt of each of our snapshots of that post: its index keys are [site, postId, observedAt].
      Promise.all(
        backup.posts.map(async (p) => {
          const times: number[] = [];
          const range = IDBKeyRange.bound([p.site, p.postId, -Infinity], [p.site, p.postId, Infinity]);
          for (let c = await byPost.openKeyCursor(range); c; c = await c.continue()) times.push(c.key[2]);
          return times;
        }),
      ),
      Promise.all(backup.accounts.map((a) => accounts.get([a.site, a.handle]))),
      meta.get('settings'),
    ]);

    const writes = writeQueue();
    // Snapshots in the backup's order (their keys then keep its order); one we have already is skipped.
    const have = new Map(backup.posts.map((p, i) => [postKey(p), new Set(ourTimes[i])]));
    const added = new Map<string, number>();
    for (const s of backup.snapshots) {
      const k = postKey(s);
      if (have.get(k)!.has(s.observedAt)) {
        summary.snapshotsAlreadyPresent++;
        continue;
      }
      writes.add(snapshots.add(s));
      added.set(k, (added.get(k) ?? 0) + 1);
      summary.snapshotsAdded++;
    }

    backup.posts.forEach((incoming, i) => {
      const ours = ourPosts[i];
      const merged = ours ? mergePostRows(ours, incoming) : { ...incoming };
      merged.snapshots = ourTimes[i]!.length + (added.get(postKey(incoming)) ?? 0);
      const changed = !ours || !sameJson(ours, merged);
      if (!ours) summary.postsAdded++;
      else if (changed) summary.postsUpdated++;
      if (changed) writes.add(posts.put(merged));
    });

    backup.accounts.forEach((incoming, i) => {
      const ours = ourAccounts[i];
      const merged = ours ? mergeAccountRows(ours, incoming) : { ...incoming, followers: normaliseFollowers(incoming.followers) };
      const changed = !ours || !sameJson(ours, merged);
      if (!ours) summary.accountsAdded++;
      else if (changed) summary.accountsUpdated++;
      if (changed) writes.add(accounts.put(merged));
    });

    if (!ourSettings && backup.settings) {
      writes.add(meta.put({ key: 'settings', value: backup.settings }));
      summary.settingsImported = 1;
    }
    await writes.all();
  });
  return summary;
}

/** Same data, whatever the order of the keys. */
function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}
