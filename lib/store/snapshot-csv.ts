// The snapshots CSV kept as text beside the rows (store `snapshotCsv`, schema v3). Reading a million snapshot rows
// back out of IndexedDB costs about 20 µs each (every row is deserialised: a dozen objects); reading their text in
// records of a few hundred rows costs about 1 µs a row. So ingest writes each batch's CSV rows when it adds the
// snapshots, in the same transaction, and the export copies that text (./export.ts), reading and formatting rows only
// for key ranges no record holds (snapshots stored before v3, imported, or in a range retention pruned).
//
// The one rule: a record holding keys first…last holds exactly the CSV of every snapshot with a key in that range,
// in key order. Adding snapshots never breaks it (new keys are always higher: the store's key generator); anything
// that deletes or replaces snapshots drops the records over those keys in the same transaction (dropSnapshotCsv).
import type { SnapshotCsvRow } from './schema';

/** Most snapshots in one record: the export then reads few records, and appending to the latest one stays cheap. */
export const CSV_RECORD_ROWS = 500;

/** What these functions need of the `snapshotCsv` store: idb's wrapper, as the write transactions use it. */
interface CsvStore {
  openCursor(range: IDBKeyRange | null, direction: 'prev'): Promise<{ value: SnapshotCsvRow; primaryKey: number } | null>;
  delete(key: number | IDBKeyRange): Promise<void>;
}

/** The record with the highest keys (the one new text may extend), read with the transaction's other reads. */
export async function latestSnapshotCsv(store: CsvStore): Promise<SnapshotCsvRow | undefined> {
  return (await store.openCursor(null, 'prev'))?.value;
}

/**
 * The record to put for `csv`, the rows of the snapshots just added with keys first…last in this transaction:
 * `latest` (latestSnapshotCsv, read in the same transaction) extended, when it ends right before `first` and has
 * room, else a record of its own.
 */
export function snapshotCsvRecord(latest: SnapshotCsvRow | undefined, first: number, last: number, csv: string): SnapshotCsvRow {
  const rows = last - first + 1;
  return latest && latest.last + 1 === first && latest.rows + rows <= CSV_RECORD_ROWS
    ? { first: latest.first, last, rows: latest.rows + rows, csv: latest.csv + csv }
    : { first, last, rows, csv };
}

/**
 * Drops every record holding a key in min…max (snapshots there are about to be deleted): those rows are then
 * exported from what is left of them.
 */
export async function dropSnapshotCsv(store: CsvStore, min: number, max: number): Promise<void> {
  const before = await store.openCursor(IDBKeyRange.upperBound(min), 'prev');
  await Promise.all([
    before && before.value.last >= min ? store.delete(before.primaryKey) : undefined,
    max > min ? store.delete(IDBKeyRange.bound(min, max, true, false)) : undefined,
  ]);
}
