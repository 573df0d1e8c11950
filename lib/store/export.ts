// CSV export of posts (one row each) and of every snapshot. Streams page by page, each page read in its own
// short transaction (posts: queries.ts's storePages; snapshots: the CSV text ingest kept for them, see
// ./snapshot-csv.ts, and a cursor per page for the rows without any, see snapshotPage), so a large database never
// sits in one transaction or in memory: the caller wraps the chunks in a Blob (or writes them to a stream) as they
// come.
import { unwrap } from 'idb';
import type { Count } from '../count';
import { BOM, csvRow, type CsvCell } from '../csv';
import type { Interval } from '../interval';
import { bestEngagementRate, ctr, engagements, frequency, viewsPerHour, type EngagementSetOption } from '../metrics';
import { METRICS, type Metric } from '../types';
import { postPages } from './queries';
import type { PostRow, PostmeterDatabase, SnapshotCsvRow, SnapshotRow } from './schema';

/** Fixed by DESIGN.md: other tools read these files. `profileVisits` has no column here. */
export const POSTS_CSV_HEADER =
  'site,post_id,url,author,published_at,first_seen,last_seen,snapshots,impressions,views,reach,likes,replies,reposts,quotes,bookmarks,saves,shares,clicks,followers,engagements,engagement_rate,engagement_rate_basis,frequency,ctr,views_per_hour';

const POST_METRIC_COLUMNS: readonly Metric[] = [
  'impressions', 'views', 'reach', 'likes', 'replies', 'reposts', 'quotes',
  'bookmarks', 'saves', 'shares', 'clicks', 'followers',
];

const snake = (m: string) => m.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());

/** site,post_id,observed_at then every metric in METRICS order (profileVisits as profile_visits). */
export const SNAPSHOTS_CSV_HEADER = ['site', 'post_id', 'observed_at', ...METRICS.map(snake)].join(',');

export interface CsvOptions {
  /** Prefix a UTF-8 BOM for Excel. */
  bom?: boolean;
  /**
   * Rows per yielded chunk (and per read transaction), at most. Default: 1000 posts, SNAPSHOT_PAGE_ROWS snapshots.
   * Snapshots whose CSV text was kept come a record (up to CSV_RECORD_ROWS) per chunk instead.
   */
  chunkRows?: number;
  /** The user's engagement sets: the engagements and engagement_rate columns count these. Absent = site defaults. */
  engagementSets?: EngagementSetOption;
  /**
   * Called after each chunk of rows is ready (before it is yielded) with the rows written so far. For a progress
   * bar, countPosts / countSnapshots give the total.
   */
  onProgress?: (rowsDone: number) => void;
}

/** ISO 8601 UTC; empty when unknown. */
export function isoCell(ms: number | undefined): CsvCell {
  return ms !== undefined && Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

/**
 * An exact count is a plain integer. A truncated one ("2.3K") is written `min..max`, a text cell: keeping the
 * precision beats a false exact number that a spreadsheet would happily sum.
 */
export function countCell(c: Count | undefined): CsvCell {
  if (!c) return undefined;
  return c.exact ? c.value : `${c.min}..${c.max}`;
}

const round = (v: number, places: number, how: (x: number) => number) => {
  const k = 10 ** places;
  // toPrecision drops binary noise first, so 1.15 * 100 = 114.99999999999999 floors to 115, not 114.
  return how(Number((v * k).toPrecision(12))) / k;
};

/**
 * A computed rate: exact inputs → a plain number to 4 decimals; interval inputs → `min..max` to 2 decimals,
 * rounded outwards so the written interval still contains the true value.
 */
export function rateCell(r: Interval | undefined): CsvCell {
  if (!r) return undefined;
  if (r.exact) return round(r.value, 4, Math.round);
  return `${round(r.min, 2, Math.floor)}..${round(r.max, 2, Math.ceil)}`;
}

export function postCsvCells(p: PostRow, sets?: EngagementSetOption): CsvCell[] {
  const eng = engagements(p.site, p.metrics, sets);
  const rate = bestEngagementRate(p.site, p.metrics, sets);
  return [
    p.site,
    p.postId,
    p.url,
    p.author,
    isoCell(p.publishedAt),
    isoCell(p.firstSeen),
    isoCell(p.lastSeen),
    p.snapshots,
    ...POST_METRIC_COLUMNS.map((m) => countCell(p.metrics[m])),
    countCell(eng?.count),
    rateCell(rate),
    rate?.basis,
    rateCell(frequency(p.metrics, p.site)),
    rateCell(ctr(p.metrics)),
    rateCell(viewsPerHour(p.metrics, p.publishedAt, p.lastSeen)),
  ];
}

export async function* postsCsvChunks(db: PostmeterDatabase, opts: CsvOptions = {}): AsyncGenerator<string> {
  const { bom = false, chunkRows = 1000, engagementSets, onProgress } = opts;
  yield (bom ? BOM : '') + POSTS_CSV_HEADER + '\r\n';
  let done = 0;
  for await (const page of postPages(db, chunkRows)) {
    const chunk = page.map((p) => csvRow(postCsvCells(p, engagementSets))).join('');
    onProgress?.((done += page.length));
    yield chunk;
  }
}

/** The whole posts CSV as one string (tests, small databases). */
export async function postsCsv(db: PostmeterDatabase, opts: CsvOptions = {}): Promise<string> {
  return joinChunks(postsCsvChunks(db, opts));
}

export function snapshotCsvCells(s: SnapshotRow): CsvCell[] {
  return [s.site, s.postId, isoCell(s.observedAt), ...METRICS.map((m) => countCell(s.metrics[m]))];
}

// ── The snapshots file's fast path ──────────────────────────────────────────────────────────────────────────
// A large history is millions of rows. Reading them as pages of objects (getAll) and building strings row by row
// leaves hundreds of bytes of garbage per row that outlive the page, so V8 promotes them and the heap climbs
// to tens of MB before a full collection. Instead each page is walked with a cursor in its own short
// transaction, and every row is written as it arrives, as ASCII bytes into one reused buffer (outside the JS
// heap), its object dropped at once; the page's text is decoded from the buffer in one piece. Each shortcut
// writes exactly what csvRow(snapshotCsvCells(s)) writes (test/store/export-fast.test.ts checks them against
// each other); a row with anything unusual (non-ASCII text, a cell to quote or guard, a fraction, a time outside
// 1970–9999) is written by csvRow itself.
// Measured in headless Chromium 156 (300k snapshots, same run): getAll pages + strings peaked at +45 MB of JS
// heap, cursor pages + bytes at +7 MB, at the same speed (reading dominates: ~20 µs a row, formatting ~2 µs).

const DAY = 86_400_000;
/** Year 10000: from here on toISOString writes a signed six-digit year. */
const ISO_END = 253_402_300_800_000;
const COMMA = 44;
const DOT = 46;
/** Longest site or post id the fast path writes (longer ones go through csvRow): bounds a row's bytes. */
const ROW_TEXT_MAX = 256;

/** Bytes of ASCII text, reused page after page: the page's text is decoded from it in one piece. */
class AsciiPage {
  buf = new Uint8Array(1 << 16);
  n = 0;
  private readonly decoder = new TextDecoder();
  /** Rows that had to be written as strings, and the bytes before each (see text()). */
  private parts: string[] = [];
  private dayStart = NaN;
  private datePart = new Uint8Array(11);

  reserve(bytes: number): void {
    if (this.n + bytes <= this.buf.length) return;
    const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.n + bytes));
    bigger.set(this.buf.subarray(0, this.n));
    this.buf = bigger;
  }

  /** A string as it is, if it is printable ASCII with no comma, quote or formula start; false (nothing written) if not. */
  plain(v: unknown): boolean {
    if (typeof v !== 'string' || v.length === 0 || v.length > ROW_TEXT_MAX) return false;
    const c0 = v.charCodeAt(0);
    // = + - @ (and tab, CR, LF, NUL, which the loop below refuses anyway)
    if (c0 === 61 || c0 === 43 || c0 === 45 || c0 === 64) return false;
    const { buf } = this;
    let n = this.n;
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      if (c < 32 || c > 126 || c === 34 || c === COMMA) return false;
      buf[n++] = c;
    }
    this.n = n;
    return true;
  }

  /** A non-negative safe integer's digits; false (nothing written) for anything else. */
  uint(v: unknown): boolean {
    if (typeof v !== 'number' || !(v >= 0 && v <= Number.MAX_SAFE_INTEGER) || Math.floor(v) !== v) return false;
    const { buf } = this;
    if (v < 10) {
      buf[this.n++] = 48 + v;
      return true;
    }
    let digits = 1;
    for (let x = v; x >= 10; x = Math.floor(x / 10)) digits++;
    let n = this.n + digits;
    this.n = n;
    for (let x = v; ; ) {
      const q = Math.floor(x / 10);
      buf[--n] = 48 + (x - q * 10);
      if (q === 0) break;
      x = q;
    }
    return true;
  }

  /** A count cell as csvCell(countCell(c)) writes it, when that is plain digits; false if not (may have written). */
  count(c: Count | undefined): boolean {
    if (!c) return true;
    if (c.exact) return this.uint(c.value);
    return this.uint(c.min) && (this.buf[this.n++] = DOT, this.buf[this.n++] = DOT, this.uint(c.max));
  }

  /** toISOString() of a whole ms in 1970–9999 (the date part computed once per day); false for any other time. */
  iso(ms: unknown): boolean {
    if (typeof ms !== 'number' || !(ms >= 0 && ms < ISO_END) || Math.floor(ms) !== ms) return false;
    let t = ms - this.dayStart;
    if (!(t >= 0 && t < DAY)) {
      this.dayStart = ms - (ms % DAY);
      const d = new Date(this.dayStart).toISOString(); // "2025-01-01T00:00:00.000Z"
      for (let i = 0; i < 11; i++) this.datePart[i] = d.charCodeAt(i);
      t = ms - this.dayStart;
    }
    const { buf } = this;
    let n = this.n;
    buf.set(this.datePart, n);
    n += 11;
    const h = Math.floor(t / 3_600_000);
    t -= h * 3_600_000;
    const m = Math.floor(t / 60_000);
    t -= m * 60_000;
    const sec = Math.floor(t / 1000);
    t -= sec * 1000;
    buf[n++] = 48 + Math.floor(h / 10);
    buf[n++] = 48 + (h % 10);
    buf[n++] = 58;
    buf[n++] = 48 + Math.floor(m / 10);
    buf[n++] = 48 + (m % 10);
    buf[n++] = 58;
    buf[n++] = 48 + Math.floor(sec / 10);
    buf[n++] = 48 + (sec % 10);
    buf[n++] = DOT;
    buf[n++] = 48 + Math.floor(t / 100);
    buf[n++] = 48 + (Math.floor(t / 10) % 10);
    buf[n++] = 48 + (t % 10);
    buf[n++] = 90; // Z
    this.n = n;
    return true;
  }

  /** One snapshot as a CSV record. */
  row(s: SnapshotRow): void {
    this.reserve(ROW_TEXT_MAX * 2 + 40 * METRICS.length);
    const start = this.n;
    const { buf } = this;
    let ok = this.plain(s.site);
    if (ok) (buf[this.n++] = COMMA), (ok = this.plain(s.postId));
    if (ok) (buf[this.n++] = COMMA), (ok = this.iso(s.observedAt));
    const m = s.metrics;
    for (let k = 0; ok && k < METRICS.length; k++) {
      buf[this.n++] = COMMA;
      ok = this.count(m[METRICS[k]!]);
    }
    if (ok) {
      buf[this.n++] = 13;
      buf[this.n++] = 10;
      return;
    }
    // Unusual: the row goes in as csvRow writes it, after the bytes before it.
    this.n = start;
    this.flushBytes();
    this.parts.push(csvRow(snapshotCsvCells(s)));
  }

  private flushBytes(): void {
    if (this.n > 0) this.parts.push(this.decoder.decode(this.buf.subarray(0, this.n)));
    this.n = 0;
  }

  /** The page's text so far, and start a new page. */
  text(): string {
    this.flushBytes();
    const out = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
    this.parts = [];
    return out;
  }
}

/**
 * A page of snapshots as CSV text: exactly rows.map((s) => csvRow(snapshotCsvCells(s))).join('').
 */
export function snapshotsCsvText(rows: Iterable<SnapshotRow>): string {
  const page = new AsciiPage();
  for (const s of rows) page.row(s);
  return page.text();
}

/**
 * Snapshots per page (read transaction) and per chunk of the snapshots file: large enough that a cursor's
 * start-up is paid rarely, small enough that a chunk of text (about 85 bytes a row) stays well under a MB.
 */
export const SNAPSHOT_PAGE_ROWS = 5000;

/**
 * Walks up to `limit` snapshots after key `after` (and before key `before`, when given) with a cursor, in one readonly
 * transaction of its own, handing each row to `row` as it comes (the cursor's value is not kept). Resolves with the
 * last key read, or undefined when there was nothing in that range.
 */
function snapshotPage(
  db: PostmeterDatabase,
  after: number | undefined,
  before: number | undefined,
  limit: number,
  row: (s: SnapshotRow) => void,
): Promise<{ last: number | undefined; rows: number }> {
  const wrapped = db.transaction('snapshots');
  wrapped.done.catch(() => {}); // a failed page is reported below; idb's own promise must not go unhandled
  const tx = unwrap(wrapped);
  const range =
    after === undefined
      ? before === undefined ? null : IDBKeyRange.upperBound(before, true)
      : before === undefined ? IDBKeyRange.lowerBound(after, true) : IDBKeyRange.bound(after, before, true, true);
  return new Promise((resolve, reject) => {
    const req = tx.objectStore('snapshots').openCursor(range);
    let rows = 0;
    let last: number | undefined;
    req.onsuccess = () => {
      const cursor = req.result;
      if (!cursor) return resolve({ last, rows });
      try {
        row(cursor.value as SnapshotRow);
      } catch (err) {
        tx.abort();
        return reject(err);
      }
      rows++;
      last = cursor.primaryKey as number;
      if (rows >= limit) resolve({ last, rows });
      else cursor.continue();
    };
    req.onerror = () => reject(req.error);
  });
}

/** CSV records (./snapshot-csv.ts) read per transaction: at most CSV_RECORD_ROWS rows each. */
const CSV_RECORDS_PER_READ = 20;

/** The next CSV records after the one starting at `after` (from the start when undefined), in key order. */
const csvRecords = (db: PostmeterDatabase, after: number | undefined) =>
  db.getAll('snapshotCsv', after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), CSV_RECORDS_PER_READ);

/**
 * Every snapshot in key order: the text ingest kept for them where there is some (./snapshot-csv.ts), copied as it
 * is; the rows between those records (stored before schema v3, imported, left by retention) read and formatted.
 * One chunk per record (at most CSV_RECORD_ROWS rows) and per page of up to `chunkRows` rows read: each is handed on
 * as it comes, not joined to others, so no copy of the text piles up in the JS heap.
 */
export async function* snapshotsCsvChunks(db: PostmeterDatabase, opts: CsvOptions = {}): AsyncGenerator<string> {
  const { bom = false, chunkRows = SNAPSHOT_PAGE_ROWS, onProgress } = opts;
  const size = Math.max(1, Math.floor(chunkRows));
  yield (bom ? BOM : '') + SNAPSHOTS_CSV_HEADER + '\r\n';
  let done = 0;
  const text = new AsciiPage();
  const write = (s: SnapshotRow) => text.row(s);
  /** Every snapshot up to this key is written (undefined: none yet). */
  let after: number | undefined;
  let records: (SnapshotCsvRow | undefined)[] = await csvRecords(db, undefined);
  let lastRead = records.at(-1)?.first;
  let next = 0;
  for (;;) {
    if (next === records.length && records.length === CSV_RECORDS_PER_READ) {
      records = await csvRecords(db, lastRead);
      lastRead = records.at(-1)?.first;
      next = 0;
    }
    const record = records[next];
    if (record && after !== undefined && record.first <= after) {
      next++; // cannot happen (records never overlap written keys); its keys past `after` are read as rows
      continue;
    }
    // Rows no record holds, before the next record (or to the end): read from the store, a page at a time.
    if (!record || after === undefined || record.first > after + 1) {
      const page = await snapshotPage(db, after, record?.first, size, write);
      if (page.rows > 0) {
        after = page.last;
        onProgress?.((done += page.rows));
        yield text.text();
      }
      if (page.rows === size) continue; // there may be more before the record
      if (!record) return;
    }
    records[next++] = undefined; // let the text go once handed on
    after = record.last;
    onProgress?.((done += record.rows));
    yield record.csv;
  }
}

export async function snapshotsCsv(db: PostmeterDatabase, opts: CsvOptions = {}): Promise<string> {
  return joinChunks(snapshotsCsvChunks(db, opts));
}

async function joinChunks(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const c of chunks) out += c;
  return out;
}
