// lib/store/newest.ts: the newest rows of an index range, by one getAll with a direction or by a cursor walked
// backwards — both paths give the same rows in the same order (fake-indexeddb has both, as Chromium does).
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingest } from '../../lib/store/ingest';
import { getAllTakesDirection, newestFirst } from '../../lib/store/newest';
import type { PostmeterDatabase, SnapshotRow } from '../../lib/store/schema';
import { ex, freshStore, obs } from './helpers';

let db: PostmeterDatabase;
beforeEach(async () => {
  db = await freshStore();
  // Five snapshots: x:1 at 1000, 3000, 5000; x:2 at 2000 and 4000.
  for (const [id, likes, at] of [['1', 1, 1000], ['2', 1, 2000], ['1', 2, 3000], ['2', 2, 4000], ['1', 3, 5000]] as const) {
    await ingest(db, [obs(id, { likes: ex(likes) })], at);
  }
});
afterEach(() => db.close());

const times = (rows: SnapshotRow[]) => rows.map((r) => r.observedAt);
const read = (oneRequest: boolean, range: IDBKeyRange | null, count: number) =>
  newestFirst<SnapshotRow>(db.transaction('snapshots').store.index('by-time'), range, count, oneRequest);

describe.each([
  ['one getAll request', true],
  ['a cursor backwards', false],
])('newestFirst by %s', (_name, oneRequest) => {
  it.each<[string, IDBKeyRange | null, number, number[]]>([
    ['all, newest first', null, 10, [5000, 4000, 3000, 2000, 1000]],
    ['the newest n', null, 2, [5000, 4000]],
    ['within a range', IDBKeyRange.bound(2000, 4000), 10, [4000, 3000, 2000]],
    ['the newest n of a range', IDBKeyRange.lowerBound(2500), 1, [5000]],
    ['an empty range', IDBKeyRange.lowerBound(9000), 5, []],
    ['nothing asked', null, 0, []],
  ])('%s', async (_n, range, count, expected) => {
    expect(times(await read(oneRequest, range, count))).toEqual(expected);
  });
});

it('Chromium and fake-indexeddb both take a direction in getAll', () => expect(getAllTakesDirection()).toBe(true));
