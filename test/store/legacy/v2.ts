// FROZEN: builds an empty database exactly as Postmeter's schema v2 did (lib/store/migrations.ts's steps 1 and 2 at
// commit 38099c1). Never edit the upgrade code below: migrations must keep working on databases it made.
import { openDB, type IDBPDatabase } from 'idb';

export async function openV2(name: string): Promise<IDBPDatabase> {
  return openDB(name, 2, {
    // --- v2 upgrade, verbatim (from nothing) ---
    upgrade(db) {
      const posts = db.createObjectStore('posts', { keyPath: ['site', 'postId'] });
      posts.createIndex('by-lastSeen', 'lastSeen');
      posts.createIndex('by-site-lastSeen', ['site', 'lastSeen']);
      const snapshots = db.createObjectStore('snapshots', { autoIncrement: true });
      snapshots.createIndex('by-post', ['site', 'postId', 'observedAt']);
      snapshots.createIndex('by-time', 'observedAt');
      posts.createIndex('by-author', ['site', 'author']);
      posts.createIndex('by-publishedAt', 'publishedAt');
      db.createObjectStore('accounts', { keyPath: ['site', 'handle'] });
      db.createObjectStore('meta', { keyPath: 'key' });
    },
    // --- end of v2 upgrade ---
  });
}
