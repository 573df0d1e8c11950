// The snapshots file's fast path (bytes written row by row as a cursor walks each page) must write exactly what
// the plain writer writes: csvRow(snapshotCsvCells(s)) for every row, whatever is stored. Checked on ordinary
// rows, on every edge a shortcut has (times, counts, text), and on random rows, malformed ones included.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csvRow } from '../../lib/csv';
import { snapshotCsvCells, snapshotsCsv, snapshotsCsvChunks, snapshotsCsvText, SNAPSHOTS_CSV_HEADER } from '../../lib/store/export';
import type { PostmeterDatabase, SnapshotRow } from '../../lib/store/schema';
import { METRICS } from '../../lib/types';
import { ex, freshStore, iv } from './helpers';

const plain = (rows: SnapshotRow[]) => rows.map((s) => csvRow(snapshotCsvCells(s))).join('');
const row = (over: Partial<SnapshotRow> = {}): SnapshotRow => ({
  site: 'x',
  postId: '1735935432297160849',
  observedAt: Date.UTC(2026, 0, 2, 3, 4, 5, 6),
  metrics: { views: iv(12000, 12999), likes: ex(5), replies: ex(0) },
  ...over,
});
const D = 86_400_000;

describe('snapshotsCsvText', () => {
  it.each<[string, SnapshotRow[]]>([
    ['an ordinary row', [row()]],
    ['no rows', []],
    ['every metric', [row({ metrics: Object.fromEntries(METRICS.map((m, i) => [m, i % 2 ? ex(i * 1234) : iv(i * 1000, i * 1000 + 999)])) })]],
    ['no metrics', [row({ metrics: {} })]],
    ['time 0, the last ms of a day, the next day, and many rows in one day', [
      row({ observedAt: 0 }), row({ observedAt: D - 1 }), row({ observedAt: D }), row({ observedAt: 5 * D + 3_599_999 }),
      row({ observedAt: 5 * D + 7 }), row({ observedAt: 4 * D + 86_399_999 }), row({ observedAt: 253_402_300_799_999 }),
    ]],
    ['times toISOString writes with a sign, fractions, and times that are not times', [
      row({ observedAt: -1 }), row({ observedAt: 253_402_300_800_000 }), row({ observedAt: 1.5 }), row({ observedAt: NaN }),
      row({ observedAt: Infinity }), row({ observedAt: '5' as never }), row({ observedAt: undefined as never }), row({ observedAt: -0 }),
    ]],
    ['counts: zero, -0, large, unsafe, negative, fractions, NaN, Infinity, non-numbers', [
      row({ metrics: { likes: ex(0), views: ex(-0), replies: ex(Number.MAX_SAFE_INTEGER), reposts: ex(2 ** 60) } }),
      row({ metrics: { likes: ex(-5), views: ex(1.5), replies: ex(NaN), reposts: ex(Infinity), quotes: ex(1e21) } }),
      row({ metrics: { likes: iv(-5, 3), views: iv(0, 0.5), replies: iv(NaN, 1), reposts: iv(1, Infinity), quotes: iv(-0, 9) } }),
      row({ metrics: { likes: { value: '7' as never, min: 7, max: 7, exact: true }, views: { value: 1, min: '=1' as never, max: 2, exact: false } } }),
      row({ metrics: { likes: { value: 1, min: 1, max: '2,3' as never, exact: false }, views: null as never, replies: { value: 4, min: 4, max: 4, exact: 1 as never } } }),
    ]],
    ['text that is guarded, quoted, non-ASCII, empty, long or not text', [
      row({ postId: '=1+1' }), row({ postId: '-5' }), row({ postId: '+5' }), row({ postId: '@a' }), row({ postId: '\tx' }),
      row({ postId: 'a,b' }), row({ postId: 'say "hi"' }), row({ postId: 'a\r\nb' }), row({ postId: 'ünïcödé 🚀' }),
      row({ postId: '' }), row({ postId: 'x'.repeat(300) }), row({ postId: 'mid=dle-ok@' }), row({ postId: 123 as never }),
      row({ site: 'y,z' as never }), row({ site: undefined as never }), row({ postId: 'lone \uD800 surrogate' }), row({ postId: 'del\u007f' }),
    ]],
  ])('%s: the same text as csvRow(snapshotCsvCells(s))', (_name, rows) => {
    expect(snapshotsCsvText(rows)).toBe(plain(rows));
  });

  it('random rows, unusual ones mixed in among ordinary ones', () => {
    let seed = 42;
    const rnd = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const pick = <T,>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const nums = [0, 1, 9, 10, 99, 1000, 12_345, 2 ** 31, Number.MAX_SAFE_INTEGER, -1, 0.5, NaN, 1e21];
    const texts = ['x', 'linkedin', '1735935432297160849', 'abc:def', '=x', 'a"b', 'ü', '', ' spaced ', 'a\nb'];
    const rows: SnapshotRow[] = [];
    for (let i = 0; i < 3000; i++) {
      const metrics: SnapshotRow['metrics'] = {};
      for (const m of METRICS) {
        const r = rnd();
        if (r < 0.5) continue;
        const a = rnd() < 0.9 ? Math.floor(rnd() * 100_000) : pick(nums);
        metrics[m] = r < 0.8 ? ex(a) : iv(a, rnd() < 0.9 ? a + 999 : pick(nums));
      }
      rows.push({
        site: rnd() < 0.95 ? 'x' : (pick(texts) as never),
        postId: rnd() < 0.9 ? String(1_700_000_000_000_000_000n + BigInt(i)) : pick(texts),
        observedAt: rnd() < 0.95 ? 1_767_225_600_000 + Math.floor(rnd() * 40 * D) : pick([...nums.filter((n) => !(Math.abs(n) > 8.64e15)), -D, 253_402_300_800_000]),
        metrics,
      });
    }
    expect(snapshotsCsvText(rows)).toBe(plain(rows));
  });

  it('a time no Date can hold throws, as toISOString does', () => {
    const bad = [row({ observedAt: 1e21 })];
    expect(() => plain(bad)).toThrow(RangeError);
    expect(() => snapshotsCsvText(bad)).toThrow(RangeError);
  });
});

describe('snapshotsCsvChunks (cursor pages)', () => {
  let db: PostmeterDatabase;
  beforeEach(async () => {
    db = await freshStore();
  });
  afterEach(() => db.close());

  const rows = Array.from({ length: 23 }, (_, i) =>
    row({ postId: i % 5 === 0 ? `=${i}` : String(1000 + i), observedAt: Date.UTC(2026, 0, 1) + i * 3_600_000, metrics: { likes: ex(i) } }),
  );
  async function seed() {
    const tx = db.transaction('snapshots', 'readwrite');
    for (const r of rows) void tx.store.add(r);
    await tx.done;
  }

  it.each([1, 2, 5, 22, 23, 24, 5000])('pages of %i: every row once, in key order, as the plain writer writes it', async (chunkRows) => {
    await seed();
    const chunks: string[] = [];
    const progress: number[] = [];
    for await (const c of snapshotsCsvChunks(db, { chunkRows, onProgress: (n) => progress.push(n) })) chunks.push(c);
    expect(chunks.join('')).toBe(SNAPSHOTS_CSV_HEADER + '\r\n' + plain(rows));
    const pages = Math.ceil(rows.length / chunkRows);
    expect(chunks).toHaveLength(pages + 1);
    expect(progress).toEqual(Array.from({ length: pages }, (_, i) => Math.min(rows.length, (i + 1) * chunkRows)));
  });

  it('resumes after the last key read, so rows deleted or added between pages are neither repeated nor lost', async () => {
    await seed();
    const it = snapshotsCsvChunks(db, { chunkRows: 10 })[Symbol.asyncIterator]();
    const got: string[] = [];
    got.push((await it.next()).value as string); // header
    got.push((await it.next()).value as string); // rows 1-10
    // Between pages: the first row goes, a new one comes (after every existing key).
    await db.delete('snapshots', 1);
    const extra = row({ postId: 'late', metrics: { likes: ex(99) } });
    await db.add('snapshots', extra);
    for (let r = await it.next(); !r.done; r = await it.next()) got.push(r.value);
    expect(got.join('')).toBe(SNAPSHOTS_CSV_HEADER + '\r\n' + plain([...rows, extra]));
  });

  it('a row that cannot be written fails the export (as the plain writer would), and the store stays usable', async () => {
    await seed();
    await db.add('snapshots', row({ observedAt: 1e21 }));
    await expect(snapshotsCsv(db, { chunkRows: 4 })).rejects.toThrow(RangeError);
    expect(await db.count('snapshots')).toBe(rows.length + 1);
  });

  it('an empty store: the header only', async () => {
    expect(await snapshotsCsv(db)).toBe(SNAPSHOTS_CSV_HEADER + '\r\n');
  });
});
