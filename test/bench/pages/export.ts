// In-page side of export.bench.ts (a page with real IndexedDB): seeding many snapshots fast, the shipped
// snapshots CSV export into a Blob, and papaparse's unparse of the same rows held in memory.
import Papa from 'papaparse';
import { deleteDB, unwrap } from 'idb';
import { chunksToBlob } from '../../../lib/blob';
import type { Count } from '../../../lib/count';
import { countSnapshots, openStore, snapshotsCsvChunks, snapshotsCsvText, SNAPSHOT_PAGE_ROWS, type SnapshotRow } from '../../../lib/store';
import { CSV_RECORD_ROWS } from '../../../lib/store/snapshot-csv';
import { METRICS } from '../../../lib/types';
import { snapshotRow } from './data';

const completion = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });

/**
 * `count` snapshots of `count / perPost` posts, written straight into the store openStore() made, `rowsPerTx`
 * per transaction, through the bare IndexedDB API (idb's promise per request costs time and nothing is read
 * back), with their CSV text as ingest keeps it (lib/store/snapshot-csv.ts): records of CSV_RECORD_ROWS
 * consecutive keys, each exactly snapshotsCsvText() of its rows. Not measured: only its duration is reported.
 */
export async function seedSnapshots(opts: { name: string; count: number; perPost: number; rowsPerTx: number }) {
  const { name, count, perPost, rowsPerTx } = opts;
  await deleteDB(name);
  const t0 = performance.now();
  const db = await openStore(name);
  try {
    const raw = unwrap(db);
    for (let n = 0; n < count; n += rowsPerTx) {
      const tx = raw.transaction(['snapshots', 'snapshotCsv'], 'readwrite');
      const store = tx.objectStore('snapshots');
      const text = tx.objectStore('snapshotCsv');
      const end = Math.min(count, n + rowsPerTx);
      for (let k = n; k < end; k += CSV_RECORD_ROWS) {
        const rows: SnapshotRow[] = [];
        for (let j = k; j < Math.min(end, k + CSV_RECORD_ROWS); j++) rows.push(snapshotRow(Math.floor(j / perPost), j % perPost));
        const reqs = rows.map((r) => store.add(r));
        const csv = snapshotsCsvText(rows);
        reqs[reqs.length - 1]!.onsuccess = () => {
          const first = reqs[0]!.result as number;
          const last = reqs[reqs.length - 1]!.result as number;
          if (last - first + 1 !== rows.length) throw new Error(`keys ${first}…${last} for ${rows.length} rows`);
          text.put({ first, last, rows: rows.length, csv });
        };
      }
      await completion(tx);
    }
    const records = await db.getAll('snapshotCsv');
    return { ms: performance.now() - t0, snapshots: await countSnapshots(db), textRows: records.reduce((n, r) => n + r.rows, 0) };
  } finally {
    db.close();
  }
}

let lastExport: Blob | undefined;

/**
 * The snapshots CSV as the dashboard's "Export snapshots CSV" makes it: snapshotsCsvChunks() (default page size)
 * drained by chunksToBlob() (lib/blob.ts: every ~1 MB of chunks becomes a Blob part at once, the file is one Blob
 * of those parts), so the text is never held whole in the JS heap. Only the download itself is left out.
 */
export async function exportToBlob(opts: { name: string }): Promise<{ ms: number; bytes: number; chunks: number }> {
  lastExport = undefined;
  const db = await openStore(opts.name);
  try {
    let chunks = 0;
    const t0 = performance.now();
    const blob = await chunksToBlob(snapshotsCsvChunks(db), 'text/csv;charset=utf-8', () => chunks++);
    const ms = performance.now() - t0;
    lastExport = blob;
    return { ms, bytes: blob.size, chunks };
  } finally {
    db.close();
  }
}

/** Records (CRLF-ended lines, header included) in the last export, and its first line. Read as bytes. */
export async function inspectExport(): Promise<{ lines: number; header: string }> {
  if (!lastExport) throw new Error('no export yet');
  const head = await lastExport.slice(0, 2000).text();
  let lines = 0;
  const reader = lastExport.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (let i = 0; i < value.length; i++) if (value[i] === 10 && value[i - 1] === 13) lines++;
  }
  lastExport = undefined;
  return { lines, header: head.slice(0, head.indexOf('\r\n')) };
}

// ── papaparse, the alternative ──────────────────────────────────────────────────────────────────────────────

const snake = (m: string) => m.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());
const FIELDS = ['site', 'post_id', 'observed_at', ...METRICS.map(snake)];
/** As the CSV writes a count: exact → the number; truncated → "min..max"; absent → empty. */
const countCell = (c: Count | undefined) => (c === undefined ? null : c.exact ? c.value : `${c.min}..${c.max}`);
const cells = (s: SnapshotRow) => [s.site, s.postId, new Date(s.observedAt).toISOString(), ...METRICS.map((m) => countCell(s.metrics[m]))];

let held: unknown[][] | undefined;

/**
 * Only reading the rows, as the export reads a range no CSV record holds (rows stored before schema v3, imported
 * ones): a cursor over `pageSize` rows (default: the export's SNAPSHOT_PAGE_ROWS) in its own readonly transaction
 * per page, every value deserialized, nothing kept or formatted. What no export that reads rows can beat. `limit`: stop after about that many rows (whole pages).
 */
export async function readOnly(opts: { name: string; pageSize?: number; limit?: number }): Promise<{ ms: number; rows: number; pageSize: number }> {
  const limit = opts.limit ?? Infinity;
  const pageSize = opts.pageSize ?? SNAPSHOT_PAGE_ROWS;
  const db = await openStore(opts.name);
  try {
    const raw = unwrap(db);
    let rows = 0;
    let touched = 0;
    const t0 = performance.now();
    let after: IDBValidKey | undefined;
    for (;;) {
      const tx = raw.transaction('snapshots');
      const req = tx.objectStore('snapshots').openCursor(after === undefined ? null : IDBKeyRange.lowerBound(after, true));
      let n = 0;
      await new Promise<void>((resolve, reject) => {
        req.onsuccess = () => {
          const c = req.result;
          if (!c) return resolve();
          if ((c.value as SnapshotRow).observedAt !== undefined) touched++;
          after = c.primaryKey;
          if (++n >= pageSize) resolve();
          else c.continue();
        };
        req.onerror = () => reject(req.error);
      });
      rows += n;
      if (n < pageSize || rows >= limit) break;
    }
    const ms = performance.now() - t0;
    if (touched !== rows) throw new Error(`read ${rows} rows but ${touched} values`);
    return { ms, rows, pageSize };
  } finally {
    db.close();
  }
}

/**
 * The same rows as seedSnapshots wrote (the generator is deterministic: row k is snapshotRow(k / perPost, k % perPost),
 * in the order the export reads them), as the records papaparse takes (one array of cells per row): the state
 * "rows held in memory" that unparse() starts from. Built from the generator rather than read back from
 * IndexedDB, which took longer than the rest of papaparse's side together; export.bench.ts checks that the two
 * CSVs come out the same size. Not timed as part of papaparse's side.
 */
export function holdRows(opts: { count: number; perPost: number }): { ms: number; rows: number } {
  const { count, perPost } = opts;
  const rows: unknown[][] = new Array(count);
  const t0 = performance.now();
  for (let k = 0; k < count; k++) rows[k] = cells(snapshotRow(Math.floor(k / perPost), k % perPost));
  held = rows;
  return { ms: performance.now() - t0, rows: rows.length };
}

/** Papa.unparse of the held rows, with the same header, CRLF and formula guard as the extension's CSV. */
export function papaUnparse(): { ms: number; chars: number; rows: number; header: string } {
  if (!held) throw new Error('holdRows first');
  const data = held;
  const t0 = performance.now();
  const csv = Papa.unparse({ fields: FIELDS, data }, { newline: '\r\n', escapeFormulae: true });
  const ms = performance.now() - t0;
  held = undefined;
  return { ms, chars: csv.length, rows: data.length, header: csv.slice(0, csv.indexOf('\r\n')) };
}
