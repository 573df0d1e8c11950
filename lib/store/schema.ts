// The IndexedDB schema and how to open it. Only the background writes; popup, dashboard and options read the
// same database (same extension origin). Content scripts never open it: their `indexedDB` is the page's.
// How a database at any older version gets here: ./migrations.ts.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Count } from '../count';
import type { Metrics, PostObservation, SiteId } from '../types';
import { migrate } from './migrations';

/**
 * One row per post: what we know about it now — the observation's fields, with `metrics` the latest known
 * count per metric (with its precision; a metric never read is absent, not 0), plus when we saw it.
 */
export interface PostRow extends PostObservation {
  /** ms since epoch: the first batch that saw the post. Never moves. */
  firstSeen: number;
  /** ms since epoch: the latest batch that saw the post, changed or not. */
  lastSeen: number;
  /** How many rows in `snapshots` belong to this post. */
  snapshots: number;
}

/** A post's counts when they changed: history for growth, velocity and charts. */
export interface SnapshotRow {
  site: SiteId;
  postId: string;
  /** ms since epoch */
  observedAt: number;
  /** Only the metrics read in that batch. */
  metrics: Metrics;
}

/**
 * The snapshots CSV's rows, written when the snapshots were: `csv` is exactly what the export writes for the
 * snapshots whose keys are first…last (all of them, in key order, and no other key in that range exists). Derived
 * data, so the export can copy text instead of reading and formatting every row (./snapshot-csv.ts); a backup leaves
 * it out. A range without one is exported from the rows themselves.
 */
export interface SnapshotCsvRow {
  /** Key of the first snapshot in `csv`. */
  first: number;
  /** Key of the last snapshot in `csv`. */
  last: number;
  /** Snapshots in `csv`: last - first + 1. */
  rows: number;
  csv: string;
}

/** One follower count of an account, as read beside one of its posts. */
export interface FollowerReading {
  observedAt: number;
  count: Count;
}

/** An author whose follower count we have seen (or the user's own account). */
export interface AccountRow {
  site: SiteId;
  /** The post's `author` (on X the @handle without the @). */
  handle: string;
  /** The user says this account is theirs (setOwnAccount). */
  own: boolean;
  /** Oldest first, newest last; a reading equal to the one before it is not kept (only changes). */
  followers: FollowerReading[];
  firstSeen: number;
  lastSeen: number;
}

/** User settings, stored in `meta` under 'settings'. Validated by ./settings.ts; more fields will come. */
export interface Settings {
  /** Keep snapshots this many days (each post's latest snapshot is always kept); null = keep everything. */
  retentionDays: number | null;
}

/** Which schema the database was last upgraded to, and when. */
export interface SchemaInfo {
  version: number;
  migratedAt: number;
}

export type MetaRow = { key: 'settings'; value: Settings } | { key: 'schema'; value: SchemaInfo };

export type PostKey = [SiteId, string];
export type AccountKey = [SiteId, string];

export interface PostmeterDB extends DBSchema {
  posts: {
    key: PostKey;
    value: PostRow;
    indexes: {
      'by-lastSeen': number;
      'by-site-lastSeen': [SiteId, number];
      'by-author': [SiteId, string];
      'by-publishedAt': number;
    };
  };
  snapshots: {
    key: number;
    value: SnapshotRow;
    indexes: {
      'by-post': [SiteId, string, number];
      'by-time': number;
    };
  };
  accounts: {
    key: AccountKey;
    value: AccountRow;
  };
  snapshotCsv: {
    key: number;
    value: SnapshotCsvRow;
  };
  meta: {
    key: MetaRow['key'];
    value: MetaRow;
  };
}

export type PostmeterDatabase = IDBPDatabase<PostmeterDB>;

export const DB_NAME = 'postmeter';
export const DB_VERSION = 3;

export interface OpenStoreOptions {
  /**
   * The connection was closed from outside: 'versionchange' when another context opens a newer version (an
   * extension update) or deletes the database, 'terminated' when the browser closed it (storage cleared, disk
   * error). The handle is then unusable; open a new one (lib/db-handle.ts's storeHandle does it on demand).
   */
  onClosed?: (reason: 'versionchange' | 'terminated') => void;
}

/**
 * Open (creating or upgrading) the database. A failed migration aborts the upgrade, so the database stays at
 * its old version with its data untouched, and this rejects with the migration's error.
 */
export async function openStore(name = DB_NAME, opts: OpenStoreOptions = {}): Promise<PostmeterDatabase> {
  let failure: unknown;
  try {
    return await openDB<PostmeterDB>(name, DB_VERSION, {
      upgrade(db, oldVersion, newVersion, tx) {
        tx.done.catch(() => {}); // an aborted upgrade is reported by openDB's rejection below
        // idb ignores upgrade's result: without this, a failed step would leave the version bumped and the data
        // half-migrated (trezor-suite#31557). Aborting the versionchange transaction rolls everything back.
        migrate(db, oldVersion, newVersion ?? DB_VERSION, tx).catch((err: unknown) => {
          failure = err ?? new Error('migration failed');
          try {
            tx.abort();
          } catch {
            /* already finished */
          }
        });
      },
      // Another context wants a higher version (or to delete the database): step aside instead of stalling it
      // while a popup or dashboard stays open.
      blocking(_current, _blocked, event) {
        (event.target as IDBDatabase).close();
        opts.onClosed?.('versionchange');
      },
      terminated() {
        opts.onClosed?.('terminated');
      },
    });
  } catch (err) {
    throw failure ?? err;
  }
}
