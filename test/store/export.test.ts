import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BOM } from '../../lib/csv';
import {
  POSTS_CSV_HEADER, SNAPSHOTS_CSV_HEADER, countCell, postsCsv, postsCsvChunks, rateCell, snapshotsCsv, snapshotsCsvChunks,
} from '../../lib/store/export';
import { countPosts, countSnapshots } from '../../lib/store/queries';
import { ingest } from '../../lib/store/ingest';
import type { PostmeterDatabase } from '../../lib/store/schema';
import { ex, freshStore, iv, obs } from './helpers';

let db: PostmeterDatabase;
beforeEach(async () => {
  db = await freshStore();
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

/** A small RFC 4180 reader, only for checking what the writer wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  expect(cell).toBe(''); // every record ends with CRLF
  return rows;
}
const asObjects = (text: string) => {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]])));
};

const T0 = Date.UTC(2026, 0, 2, 3, 4, 5, 6);
const H = 3_600_000;

describe('posts CSV header', () => {
  it('is exactly the documented header, one line, CRLF', async () => {
    expect(POSTS_CSV_HEADER).toBe(
      'site,post_id,url,author,published_at,first_seen,last_seen,snapshots,impressions,views,reach,likes,replies,reposts,quotes,bookmarks,saves,shares,clicks,followers,engagements,engagement_rate,engagement_rate_basis,frequency,ctr,views_per_hour',
    );
    expect(await postsCsv(db)).toBe(POSTS_CSV_HEADER + '\r\n');
  });
  it('takes an optional BOM', async () => {
    expect(await postsCsv(db, { bom: true })).toBe(BOM + POSTS_CSV_HEADER + '\r\n');
  });
});

describe('posts CSV rows', () => {
  it('round-trips one exact row', async () => {
    await ingest(db, [obs('1', { impressions: ex(1000), reach: ex(400), clicks: ex(20), likes: ex(30), replies: ex(5), reposts: ex(5) }, {
      author: 'Ann Example', publishedAt: T0 - 2 * H, text: 'not exported',
    })], T0);
    await ingest(db, [obs('1', { impressions: ex(1200), likes: ex(40) })], T0 + 2 * H);
    const [row] = asObjects(await postsCsv(db));
    expect(row).toEqual({
      site: 'x', post_id: '1', url: 'https://x.com/a/status/1', author: 'Ann Example',
      published_at: '2026-01-02T01:04:05.006Z', first_seen: '2026-01-02T03:04:05.006Z', last_seen: '2026-01-02T05:04:05.006Z',
      snapshots: '2',
      impressions: '1200', views: '', reach: '400', likes: '40', replies: '5', reposts: '5', quotes: '', bookmarks: '',
      saves: '', shares: '', clicks: '20', followers: '',
      engagements: '50',
      engagement_rate: '4.1667', // 50 / 1200
      engagement_rate_basis: 'impressions',
      frequency: '3', // 1200 / 400
      ctr: '1.6667', // 20 / 1200
      views_per_hour: '300', // 1200 impressions over 4 h
    });
  });

  it('writes interval counts as min..max and interval rates as min..max rounded outwards', async () => {
    await ingest(db, [obs('1', { impressions: iv(2300, 2399), likes: ex(23) })], T0);
    const [row] = asObjects(await postsCsv(db));
    expect(row).toMatchObject({
      impressions: '2300..2399', likes: '23', engagements: '23',
      engagement_rate: '0.95..1', // 23/2399 = 0.9587… floored; 23/2300 = 1 exactly
      engagement_rate_basis: 'impressions', published_at: '', views_per_hour: '',
    });
  });

  it('leaves every unknown empty: no rate without a denominator', async () => {
    await ingest(db, [obs('b', { likes: ex(4) }, { site: 'bluesky', url: 'https://bsky.app/p/b' })], T0);
    const [row] = asObjects(await postsCsv(db));
    expect(row).toMatchObject({ author: '', likes: '4', engagements: '4', engagement_rate: '', engagement_rate_basis: '', frequency: '', ctr: '' });
  });

  it('neutralises formulas in scraped cells (author, url, post id) and keeps numbers numeric', async () => {
    await ingest(db, [obs('-1+1', { likes: ex(0) }, {
      author: '=HYPERLINK("http://evil","click")', url: '@SUM(1+1)', text: '+cmd|calc',
    })], T0);
    const text = await postsCsv(db);
    const [row] = asObjects(text);
    expect(row).toMatchObject({ post_id: "'-1+1", author: '\'=HYPERLINK("http://evil","click")', url: "'@SUM(1+1)", likes: '0' });
    // No cell of the file starts with a formula character.
    for (const r of parseCsv(text)) for (const c of r) expect(c).not.toMatch(/^[=+\-@\t\r]/);
    expect(text).not.toContain('cmd|calc'); // text has no column
  });

  it('quotes cells with separators and newlines', async () => {
    await ingest(db, [obs('1', {}, { author: 'Doe, "J"\nJr' })], T0);
    const text = await postsCsv(db);
    expect(text).toContain('"Doe, ""J""\nJr"');
    expect(asObjects(text)[0]?.author).toBe('Doe, "J"\nJr');
  });

  it('streams in chunks: header first, then pages of rows', async () => {
    await ingest(db, Array.from({ length: 5 }, (_, i) => obs(String(i), { likes: ex(i) })), T0);
    const chunks: string[] = [];
    for await (const c of postsCsvChunks(db, { chunkRows: 2 })) chunks.push(c);
    expect(chunks[0]).toBe(POSTS_CSV_HEADER + '\r\n');
    expect(chunks.slice(1).map((c) => c.split('\r\n').length - 1)).toEqual([2, 2, 1]);
    expect(chunks.join('')).toBe(await postsCsv(db));
  });
});

describe('cells', () => {
  it.each([
    [undefined, undefined],
    [ex(0), 0],
    [ex(2370), 2370],
    [iv(2300, 2399), '2300..2399'],
  ])('countCell(%j) → %j', (c, expected) => expect(countCell(c)).toBe(expected));

  it.each([
    [undefined, undefined],
    [ex(4.166666), 4.1667],
    [ex(0), 0],
    [{ value: 1.15, min: 1.15, max: 1.151, exact: false }, '1.15..1.16'],
    [{ value: 0.5, min: 0.123, max: 0.987, exact: false }, '0.12..0.99'],
  ])('rateCell(%j) → %j', (r, expected) => expect(rateCell(r)).toBe(expected));
});

describe('snapshots CSV', () => {
  it('lists every snapshot with its time and the metrics read', async () => {
    await ingest(db, [obs('1', { likes: ex(1), profileVisits: ex(3) })], T0);
    await ingest(db, [obs('1', { likes: iv(1000, 1099) })], T0 + H);
    const rows = asObjects(await snapshotsCsv(db));
    expect(SNAPSHOTS_CSV_HEADER).toBe(
      'site,post_id,observed_at,impressions,views,reach,likes,replies,reposts,quotes,bookmarks,saves,shares,clicks,profile_visits,followers,reposts_and_quotes',
    );
    expect(rows.map((r) => [r.observed_at, r.likes, r.profile_visits])).toEqual([
      ['2026-01-02T03:04:05.006Z', '1', '3'],
      ['2026-01-02T04:04:05.006Z', '1000..1099', ''],
    ]);
  });
});

describe('streaming', () => {
  beforeEach(async () => {
    for (let k = 0; k < 3; k++) await ingest(db, Array.from({ length: 5 }, (_, i) => obs(String(i), { likes: ex(i + k) })), T0 + k * H);
  });

  // Snapshots are read row by row here (their CSV text dropped, as in a database from before schema v3); the text
  // path is test/store/snapshot-csv.test.ts's.
  it.each([
    ['posts', postsCsvChunks, countPosts, 5, [2, 4, 5]],
    ['snapshots', snapshotsCsvChunks, countSnapshots, 15, [2, 4, 6, 8, 10, 12, 14, 15]],
  ] as const)('%s: reports progress per chunk up to the count', async (_name, chunksOf, count, total, progress) => {
    await db.clear('snapshotCsv');
    expect(await count(db)).toBe(total);
    const done: number[] = [];
    const chunks: string[] = [];
    for await (const c of chunksOf(db, { chunkRows: 2, onProgress: (n) => done.push(n) })) chunks.push(c);
    expect(done).toEqual(progress);
    expect(chunks).toHaveLength(progress.length + 1); // the header, then one chunk per page
  });

  it.each([
    ['posts', postsCsvChunks],
    ['snapshots', snapshotsCsvChunks],
  ] as const)('%s: each page is read in its own short transaction, only when the consumer asks for it', async (name, chunksOf) => {
    await db.clear('snapshotCsv');
    const spy = vi.spyOn(db, 'transaction');
    const it = chunksOf(db, { chunkRows: 2 })[Symbol.asyncIterator]();
    await it.next(); // header
    await it.next(); // first page (snapshots: after one read of the CSV records, which found none)
    const first = name === 'snapshots' ? 2 : 1;
    expect(spy.mock.calls.length).toBe(first);
    // A slow consumer between pages (a transaction held across this would have committed and failed).
    await new Promise((r) => setTimeout(r, 5));
    await it.next();
    expect(spy.mock.calls.length).toBe(first + 1);
    await it.return?.(undefined);
  });

  it('the BOM comes once, before the header, for both files', async () => {
    expect((await snapshotsCsv(db, { bom: true })).startsWith(BOM + SNAPSHOTS_CSV_HEADER + '\r\n')).toBe(true);
    expect((await snapshotsCsv(db, { bom: true })).split(BOM)).toHaveLength(2);
  });
});
