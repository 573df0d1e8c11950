// Synthetic but X-shaped data for the browser benches: 19-digit post ids, authors, URLs, post texts (some with
// commas, quotes and a formula-looking start), and counts as feeds show them — views truncated ("12K" is
// 12000..12999), small counters exact. Deterministic: the same arguments give the same rows on every run.
// Runs in the page (bundled into pages/*.ts); no Node APIs.
import type { Count } from '../../../lib/count';
import type { PostRow, SnapshotRow } from '../../../lib/store';
import type { Metrics, PostObservation } from '../../../lib/types';

const exact = (n: number): Count => ({ value: n, min: n, max: n, exact: true });

/** What a feed prints for n: exact below 1000, else truncated to 2 significant digits with K/M (never rounded). */
export function shown(n: number): Count {
  if (n < 1000) return exact(n);
  const digits = Math.floor(Math.log10(n)) + 1;
  const unit = 10 ** Math.max(0, digits - 2);
  const min = Math.floor(n / unit) * unit;
  return { value: min, min, max: min + unit - 1, exact: false };
}

export const postId = (i: number): string => String(1_735_935_432_297_160_849n + BigInt(i) * 7_919n);
export const author = (i: number): string => `user_${(i * 37) % 4099}`;
const TEXTS = [
  'Shipping a new release today, with the changelog below',
  'Thread: what we learned running IndexedDB at scale, part 2',
  '"Quoted" take, with commas, and a second clause',
  '=SUM(A1:A9) is not a formula here',
  'Short one',
  'Numbers up 12% week over week 📈 — details in replies',
];

/** Counts of post i at observation r (0, 1, …): every counter grows each time, so each observation is a change. */
export function metricsAt(i: number, r: number): Metrics {
  const base = 200 + ((i * 7919) % 50_000);
  const views = Math.floor(base * (1 + r) ** 1.6) + r * 131;
  return {
    views: shown(views),
    likes: exact(3 + (i % 200) + r * 3),
    replies: exact((i % 17) + r),
    reposts: exact((i % 29) + 2 * r),
    bookmarks: exact((i % 11) + r),
  };
}

export const T0 = Date.UTC(2025, 0, 1);
const HOUR = 3_600_000;

export function observation(i: number, r: number): PostObservation {
  const a = author(i);
  const id = postId(i);
  return {
    site: 'x',
    postId: id,
    url: `https://x.com/${a}/status/${id}`,
    author: a,
    publishedAt: T0 + i * 60_000,
    text: TEXTS[i % TEXTS.length]!,
    metrics: metricsAt(i, r),
  };
}

/** Post i as stored after `snapshots` observations, one an hour from its publication. */
export function postRow(i: number, snapshots: number): PostRow {
  const o = observation(i, snapshots - 1);
  return { ...o, firstSeen: o.publishedAt!, lastSeen: o.publishedAt! + (snapshots - 1) * HOUR, snapshots };
}

/** Post i's r-th snapshot. */
export function snapshotRow(i: number, r: number): SnapshotRow {
  return { site: 'x', postId: postId(i), observedAt: T0 + i * 60_000 + r * HOUR, metrics: metricsAt(i, r) };
}
