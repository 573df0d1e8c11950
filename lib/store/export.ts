// CSV export of posts (one row each) and of every snapshot. Streams page by page, each page read in its own
// short transaction (queries.ts's storePages), so a large database never sits in one transaction or in memory:
// the caller wraps the chunks in a Blob (or writes them to a stream) as they come.
import type { Count } from '../count';
import { BOM, csvRow, type CsvCell } from '../csv';
import type { Interval } from '../interval';
import { bestEngagementRate, ctr, engagements, frequency, viewsPerHour, type EngagementSetOption } from '../metrics';
import { METRICS, type Metric } from '../types';
import { postPages, snapshotPages } from './queries';
import type { PostRow, PostmeterDatabase, SnapshotRow } from './schema';

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
  /** Rows per yielded chunk (and per read transaction). */
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

export async function* snapshotsCsvChunks(db: PostmeterDatabase, opts: CsvOptions = {}): AsyncGenerator<string> {
  const { bom = false, chunkRows = 1000, onProgress } = opts;
  yield (bom ? BOM : '') + SNAPSHOTS_CSV_HEADER + '\r\n';
  let done = 0;
  for await (const page of snapshotPages(db, chunkRows)) {
    const chunk = page.map((s) => csvRow(snapshotCsvCells(s))).join('');
    onProgress?.((done += page.length));
    yield chunk;
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
