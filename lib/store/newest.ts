// The last `count` rows of an index range, newest (highest key) first — what the popup's lists read.
// One getAll request where the browser takes a direction (IDBGetAllOptions: Chromium 141+), which hands over all
// rows at once; elsewhere a cursor walked backwards, one round trip to the database per row. At the popup's
// 10,000 newest snapshots that is one request instead of ten thousand.
import { unwrap } from 'idb';

/** Whether getAll() takes `{ query, count, direction }` here (shipped with getAllRecords). */
export const getAllTakesDirection = (): boolean =>
  typeof IDBIndex !== 'undefined' && 'getAllRecords' in IDBIndex.prototype;

const done = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

/**
 * Up to `count` values of `index` within `range` (null: all), highest key first. `index` is an idb index or a
 * plain IDBIndex; its transaction must be active. `oneRequest` is for tests (both paths are covered).
 */
export async function newestFirst<T>(
  index: object,
  range: IDBKeyRange | null,
  count: number,
  oneRequest = getAllTakesDirection(),
): Promise<T[]> {
  if (count <= 0) return [];
  // idb's wrapper passes `instanceof IDBIndex` yet answers with promises: take the index it wraps.
  const raw = ((unwrap(index as never) as unknown) ?? index) as IDBIndex;
  if (oneRequest) {
    const getAll = raw.getAll as unknown as (options: { query: IDBKeyRange | null; count: number; direction: IDBCursorDirection }) => IDBRequest<T[]>;
    return done(getAll.call(raw, { query: range, count, direction: 'prev' }));
  }
  const out: T[] = [];
  const request = raw.openCursor(range, 'prev');
  return new Promise((resolve, reject) => {
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve(out);
      out.push(cursor.value as T);
      if (out.length >= count) return resolve(out);
      cursor.continue();
    };
  });
}
