// The dashboard's table of every stored post, as data: each post's rates computed once (not per render or per
// comparison), then filtering and sorting over those rows. Pure, so 10,000 rows sort in a unit test as they do
// in the page.
import type { Count } from './count';
import {
  bestEngagementRate, ctr, engagementRate, frequency, viewsPerHour,
  type ClickThroughRate, type EngagementRate, type EngagementSetOption, type Frequency, type PerHour,
} from './metrics';
import type { ErBasisChoice } from './preferences';
import type { PostRow } from './store/schema';
import type { Metric, SiteId } from './types';

export const POST_COLUMNS = [
  'site', 'author', 'published', 'impressions', 'views', 'reach', 'likes', 'replies', 'reposts',
  'er', 'frequency', 'ctr', 'vph', 'lastSeen',
] as const;
export type PostColumn = (typeof POST_COLUMNS)[number];

/** The columns that are a stored counter, shown as it is. */
export const COUNT_COLUMNS = ['impressions', 'views', 'reach', 'likes', 'replies', 'reposts'] as const satisfies readonly Metric[];

export interface TableRow {
  /** "site:postId": the row's identity (data-postmeter-row). */
  key: string;
  post: PostRow;
  /** publishedAt, or firstSeen for a post whose page showed no date: what the date filter compares. */
  when: number;
  er?: EngagementRate;
  frequency?: Frequency;
  ctr?: ClickThroughRate;
  /** Lifetime views (or impressions) per hour, as of when the post was last seen. */
  vph?: PerHour;
}

export interface RowOptions {
  sets?: EngagementSetOption;
  /** The ER denominator; 'auto' = the first known of impressions, views, reach, followers. */
  basis?: ErBasisChoice;
}

export function tableRow(post: PostRow, { sets, basis = 'auto' }: RowOptions = {}): TableRow {
  const m = post.metrics;
  return {
    key: `${post.site}:${post.postId}`,
    post,
    when: post.publishedAt ?? post.firstSeen,
    er: basis === 'auto' ? bestEngagementRate(post.site, m, sets) : engagementRate(post.site, m, basis, sets),
    frequency: frequency(m, post.site),
    ctr: ctr(m),
    vph: viewsPerHour(m, post.publishedAt, post.lastSeen),
  };
}

export const tableRows = (posts: Iterable<PostRow>, opts?: RowOptions): TableRow[] => [...posts].map((p) => tableRow(p, opts));

/** What a column sorts by: a number, or text for site and author; undefined = unknown (always sorted last). */
export function sortValue(row: TableRow, column: PostColumn): number | string | undefined {
  const p = row.post;
  switch (column) {
    case 'site':
      return p.site;
    case 'author':
      return p.author?.toLocaleLowerCase();
    case 'published':
      return p.publishedAt;
    case 'lastSeen':
      return p.lastSeen;
    case 'er':
    case 'frequency':
    case 'ctr':
    case 'vph':
      return row[column]?.value;
    default:
      return (p.metrics[column] as Count | undefined)?.value;
  }
}

export type SortDirection = 'ascending' | 'descending';
export interface SortState {
  column: PostColumn;
  direction: SortDirection;
}

/** Text columns start A→Z; numbers and dates start with the largest / newest, which is what one looks for. */
export const firstDirection = (column: PostColumn): SortDirection =>
  column === 'site' || column === 'author' ? 'ascending' : 'descending';

/** The sort after a click on `column`: the same column flips, another one starts at its first direction. */
export function nextSort(current: SortState | undefined, column: PostColumn): SortState {
  if (current?.column === column) {
    return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  return { column, direction: firstDirection(column) };
}

/**
 * A sorted copy. Unknown values go last in either direction (an unknown rate is not a small one); ties keep
 * a fixed order (newest published first, then the key), so equal rows do not shuffle between sorts.
 */
export function sortRows(rows: readonly TableRow[], { column, direction }: SortState): TableRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const keyed = rows.map((row) => ({ row, v: sortValue(row, column) }));
  keyed.sort((a, b) => {
    if (a.v !== b.v) {
      if (a.v === undefined) return 1;
      if (b.v === undefined) return -1;
      const c = typeof a.v === 'string' || typeof b.v === 'string' ? String(a.v).localeCompare(String(b.v)) : a.v - b.v;
      if (c !== 0) return sign * c;
    }
    return b.row.when - a.row.when || (a.row.key < b.row.key ? -1 : a.row.key > b.row.key ? 1 : 0);
  });
  return keyed.map((k) => k.row);
}

export interface PostFilter {
  /** ms, inclusive: rows whose `when` is earlier are left out. */
  from?: number;
  /** ms, exclusive. */
  to?: number;
  site?: SiteId;
  /** Case-insensitive part of the author's handle. */
  author?: string;
}

export function filterRows(rows: readonly TableRow[], { from, to, site, author }: PostFilter): TableRow[] {
  const needle = author?.trim().toLocaleLowerCase();
  if (from === undefined && to === undefined && !site && !needle) return rows.slice();
  return rows.filter(
    (r) =>
      (from === undefined || r.when >= from) &&
      (to === undefined || r.when < to) &&
      (!site || r.post.site === site) &&
      (!needle || (r.post.author?.toLocaleLowerCase().includes(needle) ?? false)),
  );
}

/**
 * A date input's value ("2026-03-01") as the start of that day in local time, or of the next day when
 * `endOfDay` (a "to" date includes its whole day). Empty or malformed → undefined (no bound).
 */
export function dayBound(value: string, endOfDay = false): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  const t = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + (endOfDay ? 1 : 0)).getTime();
  return Number.isFinite(t) ? t : undefined;
}

/** The sites present in the rows, in the order of `order` (lib/fields.ts SITES). */
export function sitesIn(rows: readonly TableRow[], order: readonly SiteId[]): SiteId[] {
  const present = new Set(rows.map((r) => r.post.site));
  return order.filter((s) => present.has(s));
}
