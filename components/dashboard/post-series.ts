// A post's snapshots as chart series: one per metric, each point a recorded change of that counter. The store
// writes a snapshot only when a count changed, so the post's latest counts as of lastSeen are appended: a
// counter that has not moved since shows as a flat line up to when it was last seen, not as stopping early.
import type { PostRow, SnapshotRow } from '@/lib/store/schema';
import type { Metric } from '@/lib/types';

export type Points = [number, number][];

export function metricSeries(post: PostRow, snapshots: readonly SnapshotRow[], metrics: readonly Metric[]): Map<Metric, Points> {
  const out = new Map<Metric, Points>();
  const rows = [...snapshots].sort((a, b) => a.observedAt - b.observedAt);
  const last = rows.at(-1);
  if (!last || post.lastSeen > last.observedAt) rows.push({ site: post.site, postId: post.postId, observedAt: post.lastSeen, metrics: post.metrics });
  for (const m of metrics) {
    const points: Points = [];
    for (const s of rows) {
      const c = s.metrics[m];
      if (c) points.push([s.observedAt, c.value]);
    }
    if (points.length) out.set(m, points);
  }
  return out;
}

/** The same series with x as hours since the post was published (or first seen, when no date was shown). */
export function sincePublished(post: PostRow, points: Points): Points {
  const start = post.publishedAt ?? post.firstSeen;
  return points.map(([x, y]) => [Math.round(((x - start) / 3_600_000) * 10) / 10, y]);
}
