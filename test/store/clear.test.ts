// clearAllData: the options page's "Clear all data". Everything the user recorded goes in one transaction; the
// schema row stays, and a failure deletes nothing.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearAllData } from '../../lib/store/clear';
import { ingest } from '../../lib/store/ingest';
import { setOwnAccount, listAccounts } from '../../lib/store/accounts';
import { getSettings, setSettings, DEFAULT_SETTINGS } from '../../lib/store/settings';
import type { PostmeterDatabase } from '../../lib/store/schema';
import { dumpText, ex, freshStore, obs } from './helpers';

const NOW = Date.UTC(2026, 5, 1);
let db: PostmeterDatabase;
beforeEach(async () => {
  db = await freshStore();
});
afterEach(() => db.close());

/** Two posts with 3 snapshots between them, a follower reading (1 account), a marked account, retention 30 days. */
async function fill() {
  await ingest(db, [obs('1', { likes: ex(1) }), obs('2', { likes: ex(5), followers: ex(100) }, { author: 'someone' })], NOW - 2000);
  await ingest(db, [obs('1', { likes: ex(2) })], NOW - 1000);
  await setOwnAccount(db, 'linkedin', 'me', true, NOW);
  await setSettings(db, { retentionDays: 30 });
}

describe('clearAllData', () => {
  it('deletes every post, snapshot and account and the settings, and says how many of each', async () => {
    await fill();
    const before = { posts: await db.count('posts'), snapshots: await db.count('snapshots'), accounts: await db.count('accounts') };
    expect(before).toEqual({ posts: 2, snapshots: 3, accounts: 2 });
    expect(await clearAllData(db)).toEqual(before);
    expect(await db.count('posts')).toBe(0);
    expect(await db.count('snapshots')).toBe(0);
    expect(await listAccounts(db)).toEqual([]);
    expect(await db.get('meta', 'settings')).toBeUndefined();
    expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps the schema row (migration bookkeeping, not user data)', async () => {
    await fill();
    const schema = await db.get('meta', 'schema');
    await clearAllData(db);
    expect(await db.get('meta', 'schema')).toEqual(schema);
  });

  it('on an empty store reports zeros and leaves it as it was', async () => {
    const before = await dumpText(db);
    expect(await clearAllData(db)).toEqual({ posts: 0, snapshots: 0, accounts: 0 });
    expect(await dumpText(db)).toBe(before);
  });

  it('deletes nothing when the transaction fails part way', async () => {
    await fill();
    const before = await dumpText(db);
    // The last request (deleting the settings row) throws: the clears queued before it must be rolled back.
    vi.spyOn(IDBObjectStore.prototype, 'delete').mockImplementation(() => {
      throw new DOMException('boom', 'UnknownError');
    });
    await expect(clearAllData(db)).rejects.toThrow('boom');
    vi.restoreAllMocks();
    expect(await dumpText(db)).toBe(before);
  });

  it('a store still usable afterwards: new observations are recorded as new', async () => {
    await fill();
    await clearAllData(db);
    await ingest(db, [obs('1', { likes: ex(9) })], NOW);
    expect(await db.count('posts')).toBe(1);
    expect(await db.count('snapshots')).toBe(1);
  });
});
