// The snapshots' CSV text kept beside the rows (lib/store/snapshot-csv.ts): ingest writes it, the export copies it,
// and whatever the history of the database (rows from before schema v3, imports, retention, clearing) the export says
// exactly what it says when every row is read and formatted.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backupChunks, importBackup } from '../../lib/store/backup';
import { clearAllData } from '../../lib/store/clear';
import { snapshotsCsv, snapshotsCsvChunks, snapshotsCsvText } from '../../lib/store/export';
import { ingest } from '../../lib/store/ingest';
import { purgeSnapshots } from '../../lib/store/retention';
import type { PostmeterDatabase, SnapshotRow } from '../../lib/store/schema';
import { setSettings } from '../../lib/store/settings';
import { CSV_RECORD_ROWS } from '../../lib/store/snapshot-csv';
import { anotherStore, ex, freshStore, iv, obs } from './helpers';

const T = Date.UTC(2026, 2, 1);
const H = 3_600_000;
const DAY = 24 * H;
let db: PostmeterDatabase;
beforeEach(async () => {
  db = await freshStore();
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

/** `n` posts changing `rounds` times, one batch per round. */
async function batches(rounds: number, n: number, at = T, from = 0) {
  for (let r = 0; r < rounds; r++) {
    await ingest(db, Array.from({ length: n }, (_, i) => obs(String(from + i), { likes: ex(r * 10 + i), views: iv(1000 * r, 1000 * r + 99) })), at + r * H);
  }
}

/** The export as it is, and as it is when every row is read and formatted (no CSV records): they must be equal. */
async function expectSameAsRows(): Promise<string> {
  const withText = await snapshotsCsv(db, { chunkRows: 7 });
  const rows = await db.getAll('snapshots');
  const records = await db.getAll('snapshotCsv');
  await db.clear('snapshotCsv');
  const fromRows = await snapshotsCsv(db, { chunkRows: 7 });
  const tx = db.transaction('snapshotCsv', 'readwrite');
  await Promise.all(records.map((r) => tx.store.put(r)));
  await tx.done;
  expect(withText).toBe(fromRows);
  expect(fromRows.split('\r\n').length - 2).toBe(rows.length);
  return withText;
}

describe('snapshot CSV records', () => {
  it('ingest writes the CSV of the snapshots it adds, extending the latest record while the keys follow on', async () => {
    await batches(3, 4);
    const records = await db.getAll('snapshotCsv');
    const rows = await db.getAll('snapshots');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ first: 1, last: 12, rows: 12 });
    expect(records[0]!.csv).toBe(snapshotsCsvText(rows));
    await expectSameAsRows();
  });

  it('an unchanged batch adds no snapshot and no text', async () => {
    await batches(1, 3);
    await ingest(db, [obs('0', { likes: ex(0), views: iv(0, 99) })], T + DAY);
    expect(await db.count('snapshots')).toBe(3);
    expect((await db.getAll('snapshotCsv'))[0]).toMatchObject({ rows: 3 });
  });

  it(`starts a new record after ${CSV_RECORD_ROWS} rows`, async () => {
    const per = Math.ceil(CSV_RECORD_ROWS / 4) + 1;
    await batches(5, per);
    const records = await db.getAll('snapshotCsv');
    expect(records.length).toBeGreaterThan(1);
    for (const r of records) {
      expect(r.rows).toBeLessThanOrEqual(CSV_RECORD_ROWS);
      expect(r.rows).toBe(r.last - r.first + 1);
    }
    expect(records.reduce((n, r) => n + r.rows, 0)).toBe(5 * per);
    await expectSameAsRows();
  });

  it('the export copies the records (the text is what it writes) and reads rows only where there is none', async () => {
    await db.add('snapshots', { site: 'x', postId: 'old', observedAt: T - DAY, metrics: { likes: ex(5) } } satisfies SnapshotRow);
    await batches(2, 3);
    const [record] = await db.getAll('snapshotCsv');
    expect(record).toMatchObject({ first: 2, last: 7 });
    await db.put('snapshotCsv', { ...record!, csv: 'copied\r\n' });
    const lines = (await snapshotsCsv(db)).split('\r\n');
    expect(lines[1]).toMatch(/^x,old,/);
    expect(lines[2]).toBe('copied');
    expect(lines).toHaveLength(4);
  });

  it('rows from before v3, imported ones and ingested ones, in any order, export as their rows do', async () => {
    await db.add('snapshots', { site: 'x', postId: 'legacy', observedAt: T - 2 * DAY, metrics: { likes: ex(1), replies: iv(10, 19) } } satisfies SnapshotRow);
    await batches(2, 3);
    // A backup from another database, imported in between: its rows get keys here but no text.
    const other = await anotherStore();
    await ingest(other, [obs('b1', { likes: ex(7) }, { site: 'bluesky' }), obs('b2', { likes: ex(8) }, { site: 'bluesky' })], T);
    let text = '';
    for await (const c of backupChunks(other)) text += c;
    other.close();
    await importBackup(db, text);
    await batches(2, 3, T + DAY, 10);
    const records = await db.getAll('snapshotCsv');
    expect(records.map((r) => [r.first, r.last])).toEqual([
      [2, 7],
      [10, 15],
    ]);
    const csv = await expectSameAsRows();
    expect(csv).toContain('bluesky,b1,');
    expect(csv.split('\r\n')[1]).toMatch(/^x,legacy,/);
  });

  it('one chunk per record, and per page of rows where there is none; progress reaches the count', async () => {
    await db.add('snapshots', { site: 'x', postId: 'old', observedAt: T - DAY, metrics: { likes: ex(5) } } satisfies SnapshotRow);
    await db.add('snapshots', { site: 'x', postId: 'old2', observedAt: T - DAY, metrics: { likes: ex(6) } } satisfies SnapshotRow);
    await batches(3, 5);
    const done: number[] = [];
    const chunks: string[] = [];
    for await (const c of snapshotsCsvChunks(db, { chunkRows: 1, onProgress: (n) => done.push(n) })) chunks.push(c);
    expect(done).toEqual([1, 2, 17]);
    expect(chunks).toHaveLength(4); // the header, two rows read one per page, the record of 15
  });

  it('many records, each after a row that has none: every record and every row in between, in key order', async () => {
    for (let k = 0; k < 45; k++) {
      await db.add('snapshots', { site: 'x', postId: `raw${k}`, observedAt: T + k * H, metrics: { likes: ex(k) } } satisfies SnapshotRow);
      await ingest(db, [obs(String(k), { likes: ex(k) }), obs(String(k + 100), { likes: iv(10 * k, 10 * k + 9) })], T + k * H);
    }
    expect(await db.count('snapshotCsv')).toBe(45);
    const csv = await expectSameAsRows();
    expect(csv.split('\r\n')).toHaveLength(45 * 3 + 2);
  });

  it('the key generator ahead of the highest key (the newest rows deleted): the text gets the keys the rows got', async () => {
    await batches(2, 3);
    // A late batch (older observedAt) takes the highest keys; retention deletes it, the newest rows by key.
    await ingest(db, [obs('0', { likes: ex(500) })], T - 90 * DAY);
    await setSettings(db, { retentionDays: 30 });
    expect((await purgeSnapshots(db, T + H)).deleted).toBe(1);
    await batches(1, 3, T + DAY, 50);
    // Key 7 went with the record that held it (1…7); the next batch is guessed at 7…9 but gets 8…10.
    const records = await db.getAll('snapshotCsv');
    expect(records.map((r) => [r.first, r.last])).toEqual([[8, 10]]);
    await expectSameAsRows();
  });

  it('retention drops the records over the rows it deletes; the export still says what the rows say', async () => {
    await batches(4, 3, T - 100 * DAY);
    await batches(2, 3, T, 0);
    await setSettings(db, { retentionDays: 30 });
    const before = await db.count('snapshots');
    const { deleted } = await purgeSnapshots(db, T + H, { chunkRows: 2 });
    expect(deleted).toBeGreaterThan(0);
    expect(await db.count('snapshots')).toBe(before - deleted);
    for (const r of await db.getAll('snapshotCsv')) {
      expect(await db.count('snapshots', IDBKeyRange.bound(r.first, r.last))).toBe(r.rows);
    }
    await expectSameAsRows();
  });

  it('clearing all data clears the text too', async () => {
    await batches(2, 2);
    await clearAllData(db);
    expect(await db.count('snapshotCsv')).toBe(0);
    await batches(1, 2, T + DAY);
    await expectSameAsRows();
  });

  it('a batch that fails stores no text either', async () => {
    await batches(1, 2);
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'snapshotCsv') throw new DOMException('simulated', 'UnknownError');
      return put.apply(this, args);
    });
    await expect(batches(1, 2, T + DAY, 5)).rejects.toBeDefined();
    vi.restoreAllMocks();
    expect(await db.count('snapshots')).toBe(2);
    expect((await db.getAll('snapshotCsv')).map((r) => r.rows)).toEqual([2]);
    await expectSameAsRows();
  });
});
