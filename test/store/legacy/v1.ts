// FROZEN: builds a database exactly as Postmeter's schema v1 did (lib/store/schema.ts at commit 822dfc4),
// filled with sample rows of every shape v1 could store. Never edit the upgrade code below: migrations must
// keep working on databases made by this code, whatever the current schema looks like.
import { openDB, type IDBPDatabase } from 'idb';

// v1's row shapes, copied rather than imported: the current types may move on.
interface CountV1 { value: number; min: number; max: number; exact: boolean }
type MetricsV1 = Record<string, CountV1>;
export interface PostRowV1 {
  site: string; postId: string; url: string; author?: string; publishedAt?: number; text?: string;
  promoted?: boolean; metrics: MetricsV1; firstSeen: number; lastSeen: number; snapshots: number;
}
export interface SnapshotRowV1 { site: string; postId: string; observedAt: number; metrics: MetricsV1 }

/** Opens (creating) a v1 database. `onVersionChange` is this connection's versionchange handler, if any. */
export async function openV1(name: string, onVersionChange?: (db: IDBPDatabase) => void): Promise<IDBPDatabase> {
  const db = await openDB(name, 1, {
    // --- v1 upgrade, verbatim ---
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
    // --- end of v1 upgrade ---
    blocking() {
      if (onVersionChange) onVersionChange(db);
    },
  });
  return db;
}

const ex = (n: number): CountV1 => ({ value: n, min: n, max: n, exact: true });
const iv = (min: number, max: number): CountV1 => ({ value: min, min, max, exact: false });

export const T = Date.UTC(2026, 0, 10, 12, 0, 0);
const H = 3_600_000;

/** Every shape v1 stored: intervals, absent metrics, promoted, no author, emoji / RTL / newlines in text. */
export const V1_POSTS: PostRowV1[] = [
  {
    site: 'x', postId: '1735935432297160849', url: 'https://x.com/rvinowise/status/1735935432297160849',
    author: 'rvinowise', publishedAt: T - 48 * H, text: 'Read list updates 🚀\n«quoted», "double", comma, here',
    metrics: { views: ex(12), likes: ex(1), replies: ex(0), followers: ex(150) },
    firstSeen: T, lastSeen: T + 5 * H, snapshots: 2,
  },
  {
    site: 'x', postId: '2', url: 'https://x.com/bigacct/status/2', author: 'bigacct',
    text: 'مرحبا بالعالم \u202Egnp.exe\u202C 👋🏽', promoted: true,
    metrics: { views: iv(2300000, 2399999), likes: iv(12000, 12999), reposts: ex(870), followers: iv(1200000, 1299999) },
    firstSeen: T + H, lastSeen: T + 3 * H, snapshots: 2,
  },
  {
    // Seen once with no counter readable: no snapshot, empty metrics.
    site: 'bluesky', postId: 'at://did:plc:abc/app.bsky.feed.post/3k', url: 'https://bsky.app/profile/a/post/3k',
    metrics: {}, firstSeen: T + 2 * H, lastSeen: T + 2 * H, snapshots: 0,
  },
  {
    // Reddit score below zero, own-post metrics, a post id with a colon.
    site: 'reddit', postId: 't3:abc', url: 'https://www.reddit.com/r/x/comments/abc/', author: 'u_someone',
    text: '', promoted: false,
    metrics: { likes: { value: -4, min: -4, max: -4, exact: true }, impressions: ex(5000), reach: ex(3100), profileVisits: ex(7), clicks: ex(40) },
    firstSeen: T, lastSeen: T + 6 * H, snapshots: 1,
  },
];

export const V1_SNAPSHOTS: SnapshotRowV1[] = [
  { site: 'x', postId: '1735935432297160849', observedAt: T, metrics: { views: ex(9), likes: ex(1), replies: ex(0), followers: ex(149) } },
  { site: 'x', postId: '2', observedAt: T + H, metrics: { views: iv(2300000, 2399999), likes: iv(12000, 12999), reposts: ex(870), followers: ex(1234567) } },
  { site: 'reddit', postId: 't3:abc', observedAt: T, metrics: { likes: { value: -4, min: -4, max: -4, exact: true }, impressions: ex(5000), reach: ex(3100), profileVisits: ex(7), clicks: ex(40) } },
  // A late batch: inserted after a newer one, older observedAt.
  { site: 'x', postId: '1735935432297160849', observedAt: T + 5 * H, metrics: { views: ex(12), followers: ex(150) } },
  // The exact 1234567 followers read again as "1.2M": no change, but v1 still stored the post's change.
  { site: 'x', postId: '2', observedAt: T + 3 * H, metrics: { views: iv(2300000, 2399999), followers: iv(1200000, 1299999) } },
];

/** A v1 database holding V1_POSTS and V1_SNAPSHOTS, closed again. */
export async function buildV1(name: string): Promise<void> {
  const db = await openV1(name);
  const tx = db.transaction(['posts', 'snapshots'], 'readwrite');
  await Promise.all([
    ...V1_POSTS.map((p) => tx.objectStore('posts').put(p)),
    ...V1_SNAPSHOTS.map((s) => tx.objectStore('snapshots').add(s)),
    tx.done,
  ]);
  db.close();
}
