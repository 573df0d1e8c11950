import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ingest } from '../../lib/store/ingest';
import { purgeSnapshots } from '../../lib/store/retention';
import type { PostmeterDatabase } from '../../lib/store/schema';
import { setSettings } from '../../lib/store/settings';
import { ex, expectCountsConsistent, freshStore, obs } from './helpers';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 1);
let db: PostmeterDatabase;
beforeEach(async () => {
  db = await freshStore();
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

const times = async (postId: string) =>
  (await db.getAll('snapshots')).filter((s) => s.postId === postId).map((s) => (NOW - s.observedAt) / DAY);

/** Post `id` changed on each of these days ago. */
async function history(id: string, daysAgo: number[]) {
  for (const [i, d] of daysAgo.entries()) await ingest(db, [obs(id, { likes: ex(i + 1) })], NOW - d * DAY);
}

describe('purgeSnapshots', () => {
  it('does nothing while retention is "keep everything"', async () => {
    await history('1', [400, 200, 1]);
    expect(await purgeSnapshots(db, NOW)).toEqual({ deleted: 0 });
    expect(await db.count('snapshots')).toBe(3);
  });

  it('deletes snapshots older than N days, keeps newer ones, recounts the posts', async () => {
    await history('1', [100, 50, 31, 29, 1]);
    await setSettings(db, { retentionDays: 30 });
    expect(await purgeSnapshots(db, NOW)).toEqual({ deleted: 3 });
    expect(await times('1')).toEqual([29, 1]);
    expect((await db.get('posts', ['x', '1']))?.snapshots).toBe(2);
    await expectCountsConsistent(db);
  });

  it("keeps every post's latest snapshot however old, and never deletes a post", async () => {
    await history('old', [300, 200, 100]);
    await history('once', [365]);
    await history('fresh', [90, 2]);
    await ingest(db, [obs('nocount', {})], NOW - 400 * DAY);
    await setSettings(db, { retentionDays: 7 });
    expect(await purgeSnapshots(db, NOW)).toEqual({ deleted: 3 });
    expect(await times('old')).toEqual([100]);
    expect(await times('once')).toEqual([365]);
    expect(await times('fresh')).toEqual([2]);
    expect(await db.count('posts')).toBe(4);
    await expectCountsConsistent(db);
    // Running again finds nothing more.
    expect(await purgeSnapshots(db, NOW)).toEqual({ deleted: 0 });
  });

  it('the latest row is the newest by observedAt, even when it was inserted first (a late batch)', async () => {
    await ingest(db, [obs('1', { likes: ex(9) })], NOW - 40 * DAY);
    await ingest(db, [obs('1', { likes: ex(7) })], NOW - 60 * DAY); // arrives late, older
    await setSettings(db, { retentionDays: 30 });
    expect(await purgeSnapshots(db, NOW)).toEqual({ deleted: 1 });
    expect((await db.getAll('snapshots')).map((s) => s.metrics.likes)).toEqual([ex(9)]);
  });

  it('works in bounded chunks, each its own transaction, with equal times across chunk borders', async () => {
    // 25 posts, each changed at the same 4 moments: many rows share an observedAt.
    for (const d of [100, 80, 60, 3]) {
      await ingest(db, Array.from({ length: 25 }, (_, i) => obs(String(i), { likes: ex(d + i) })), NOW - d * DAY);
    }
    // One old-only post whose latest rows sit in the middle of the range.
    await history('lonely', [90, 70]);
    await setSettings(db, { retentionDays: 30 });
    const spy = vi.spyOn(db, 'transaction');
    const { deleted } = await purgeSnapshots(db, NOW, { chunkRows: 7 });
    expect(deleted).toBe(25 * 3 + 1);
    const chunks = spy.mock.calls.filter(([, mode]) => mode === 'readwrite').length;
    expect(chunks).toBeGreaterThanOrEqual(Math.ceil(76 / 7));
    expect(await db.count('snapshots')).toBe(25 + 1);
    expect(await times('lonely')).toEqual([70]);
    await expectCountsConsistent(db);
  });

  it('ingest may run between chunks', async () => {
    await history('1', [100, 90, 80, 70, 60, 50]);
    await setSettings(db, { retentionDays: 30 });
    // Just before the purge's third chunk starts, a batch arrives that gives post 1 a new latest row.
    const transaction = db.transaction.bind(db);
    let purgeChunks = 0;
    let batch: Promise<unknown> | undefined;
    vi.spyOn(db, 'transaction').mockImplementation(((stores: never, mode: never) => {
      if (mode === 'readwrite' && !batch && ++purgeChunks === 3) {
        batch = ingest(db, [obs('1', { likes: ex(99) }), obs('2', { likes: ex(1) })], NOW);
      }
      return transaction(stores, mode);
    }) as never);
    const { deleted } = await purgeSnapshots(db, NOW, { chunkRows: 1 });
    await batch;
    expect(batch).toBeDefined();
    // Chunks 1-2 kept the 50-day row as the latest; from chunk 3 on the new row is, so the 50-day one went too.
    expect(deleted).toBe(6);
    expect(await times('1')).toEqual([0]);
    await expectCountsConsistent(db);
  });
});
