// The IndexedDB schema and how to open it. Only the background writes; popup, dashboard and options read the
// same database (same extension origin). Content scripts never open it: their `indexedDB` is the page's.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Metrics, PostObservation, SiteId } from '../types';

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

export type PostKey = [SiteId, string];

export interface PostmeterDB extends DBSchema {
  posts: {
    key: PostKey;
    value: PostRow;
    indexes: {
      'by-lastSeen': number;
      'by-site-lastSeen': [SiteId, number];
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
}

export type PostmeterDatabase = IDBPDatabase<PostmeterDB>;

export const DB_VERSION = 1;

export async function openStore(name = 'postmeter'): Promise<PostmeterDatabase> {
  return openDB<PostmeterDB>(name, DB_VERSION, {
    // Cumulative blocks: a database at any older version walks every step up to DB_VERSION.
    // Only IDB requests may be awaited in here (idb#281); idb ignores upgrade's result.
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const posts = db.createObjectStore('posts', { keyPath: ['site', 'postId'] });
        posts.createIndex('by-lastSeen', 'lastSeen');
        posts.createIndex('by-site-lastSeen', ['site', 'lastSeen']);
        const snapshots = db.createObjectStore('snapshots', { autoIncrement: true });
        snapshots.createIndex('by-post', ['site', 'postId', 'observedAt']);
        snapshots.createIndex('by-time', 'observedAt');
      }
    },
    // Another context (a newer background after an update) wants a higher version: step aside instead of
    // stalling its upgrade while a popup or dashboard stays open. Readers reopen on their next query.
    blocking(_current, _blocked, event) {
      (event.target as IDBDatabase).close();
    },
  });
}
