import { describe, expect, it } from 'vitest';
import {
  dayBound, filterRows, nextSort, sitesIn, sortRows, sortValue, tableRow, tableRows,
  type PostColumn, type SortState, type TableRow,
} from '@/lib/post-table';
import { SITES } from '@/lib/fields';
import type { PostRow } from '@/lib/store/schema';
import type { Metrics, SiteId } from '@/lib/types';

const ex = (n: number) => ({ value: n, min: n, max: n, exact: true });
const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 2, 10, 12);

function post(postId: string, over: Partial<PostRow> & { metrics?: Metrics } = {}): PostRow {
  return {
    site: 'x', postId, url: `https://x.com/a/status/${postId}`, author: 'alice',
    publishedAt: T0, firstSeen: T0 + HOUR, lastSeen: T0 + 10 * HOUR, snapshots: 1, metrics: {}, ...over,
  };
}

describe('tableRow', () => {
  it('computes each rate once, with its basis', () => {
    const row = tableRow(post('1', {
      site: 'linkedin',
      metrics: { impressions: ex(50_000), reach: ex(5_000), likes: ex(400), replies: ex(60), reposts: ex(40), clicks: ex(1_500) },
    }));
    expect(row.key).toBe('linkedin:1');
    expect(row.frequency?.value).toBe(10);
    expect(row.er).toMatchObject({ value: 1, basis: 'impressions' });
    expect(row.ctr?.value).toBe(3);
    // 50,000 impressions over the 10 h from publish to last seen.
    expect(row.vph).toMatchObject({ value: 5_000, metric: 'impressions' });
  });

  it.each([
    ['auto: impressions first', 'auto', 'impressions', 1],
    ['reach chosen', 'reach', 'reach', 10],
  ] as const)('ER basis %s', (_, basis, expected, value) => {
    const row = tableRow(post('1', { site: 'linkedin', metrics: { impressions: ex(1000), reach: ex(100), likes: ex(10) } }), { basis });
    expect(row.er).toMatchObject({ basis: expected, value });
  });

  it('no denominator, no rate; no publish date: `when` is firstSeen', () => {
    const row = tableRow(post('1', { publishedAt: undefined, metrics: { likes: ex(5) } }));
    expect(row.er).toBeUndefined();
    expect(row.frequency).toBeUndefined();
    expect(row.vph).toBeUndefined();
    expect(row.when).toBe(T0 + HOUR);
  });
});

describe('sortRows', () => {
  const rows = tableRows([
    post('a', { author: 'Carol', publishedAt: T0 - 3 * HOUR, metrics: { impressions: ex(300), likes: ex(3) } }),
    post('b', { author: 'alice', publishedAt: T0 - 1 * HOUR, metrics: { impressions: ex(100), likes: ex(50) } }),
    post('c', { author: 'bob', publishedAt: T0 - 2 * HOUR, metrics: { likes: ex(1) } }),
    post('d', { author: undefined, site: 'reddit', publishedAt: T0 - 4 * HOUR, metrics: { impressions: ex(200) } }),
  ]);
  const keys = (r: TableRow[]) => r.map((x) => x.post.postId).join('');

  it.each<[PostColumn, SortState['direction'], string]>([
    ['impressions', 'descending', 'adbc'],
    ['impressions', 'ascending', 'bdac'], // unknown (c) last either way
    ['likes', 'descending', 'bacd'],
    ['published', 'descending', 'bcad'],
    ['published', 'ascending', 'dacb'],
    ['author', 'ascending', 'bcad'], // case-insensitive; no author last
    ['site', 'ascending', 'dbca'], // reddit < x; ties newest first
    ['er', 'descending', 'bac' + 'd'], // b 50%, a 1%, c none, d none (d has impressions but no engagements)
  ])('by %s %s → %s', (column, direction, expected) => {
    expect(keys(sortRows(rows, { column, direction }))).toBe(expected);
  });

  it('does not change its input, and sorts 10,000 rows quickly', () => {
    const before = keys(rows);
    sortRows(rows, { column: 'impressions', direction: 'descending' });
    expect(keys(rows)).toBe(before);
    const many = tableRows(Array.from({ length: 10_000 }, (_, i) => post(String(i), { metrics: { impressions: ex((i * 7919) % 10_007) } })));
    const start = performance.now();
    const sorted = sortRows(many, { column: 'impressions', direction: 'descending' });
    const ms = performance.now() - start;
    expect(sorted[0]!.post.metrics.impressions!.value).toBe(10_006);
    expect(ms).toBeLessThan(2_000); // generous: a bound against accidental quadratic work, not a benchmark
  });

  it('sortValue reads the computed rates', () => {
    const row = rows[1]!;
    expect(sortValue(row, 'er')).toBe(50);
    expect(sortValue(row, 'author')).toBe('alice');
    expect(sortValue(rows[3]!, 'author')).toBeUndefined();
  });
});

describe('nextSort', () => {
  it.each<[SortState | undefined, PostColumn, SortState]>([
    [undefined, 'impressions', { column: 'impressions', direction: 'descending' }],
    [undefined, 'author', { column: 'author', direction: 'ascending' }],
    [{ column: 'impressions', direction: 'descending' }, 'impressions', { column: 'impressions', direction: 'ascending' }],
    [{ column: 'impressions', direction: 'ascending' }, 'likes', { column: 'likes', direction: 'descending' }],
  ])('%j + click %s', (current, column, expected) => {
    expect(nextSort(current, column)).toEqual(expected);
  });
});

describe('filterRows', () => {
  const rows = tableRows([
    post('1', { site: 'x', author: 'Alice', publishedAt: T0 }),
    post('2', { site: 'linkedin', author: 'bob', publishedAt: T0 + 24 * HOUR }),
    post('3', { site: 'x', author: 'malice', publishedAt: undefined, firstSeen: T0 + 48 * HOUR }),
  ]);
  const ids = (r: TableRow[]) => r.map((x) => x.post.postId).join('');
  it.each([
    ['nothing', {}, '123'],
    ['site', { site: 'x' as SiteId }, '13'],
    ['from (inclusive)', { from: T0 + 24 * HOUR }, '23'],
    ['to (exclusive)', { to: T0 + 24 * HOUR }, '1'],
    ['firstSeen stands in for a missing date', { from: T0 + 47 * HOUR, to: T0 + 49 * HOUR }, '3'],
    ['author, any case, any part', { author: ' ALIC ' }, '13'],
    ['all together', { site: 'x' as SiteId, author: 'alice', to: T0 + HOUR }, '1'],
  ])('%s', (_, filter, expected) => {
    expect(ids(filterRows(rows, filter))).toBe(expected);
  });

  it('sitesIn lists the present sites in the given order', () => {
    expect(sitesIn(rows, SITES)).toEqual(['x', 'linkedin']);
  });
});

describe('dayBound', () => {
  it.each([
    ['2026-03-10', false, new Date(2026, 2, 10).getTime()],
    ['2026-03-10', true, new Date(2026, 2, 11).getTime()],
    ['2026-12-31', true, new Date(2027, 0, 1).getTime()],
    ['', false, undefined],
    ['10/03/2026', false, undefined],
  ])('%s (end of day: %s)', (value, end, expected) => {
    expect(dayBound(value, end)).toBe(expected);
  });
});
