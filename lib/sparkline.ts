// The numbers behind a post's sparkline: one counter's history from its snapshots, scaled into a small box.
// Pure (components/Sparkline.tsx draws it). Time runs along x in proportion (a gap of two days looks like one),
// y from the series' own minimum to its maximum, so the shape shows the change, not the size.
import type { SnapshotLike } from './metrics';
import type { Metric } from './types';

export interface SeriesPoint {
  /** ms since epoch */
  at: number;
  value: number;
}

/** The counters a sparkline prefers, in order: audience first, then the commonest engagement. */
export const SPARKLINE_METRICS: readonly Metric[] = ['impressions', 'views', 'likes', 'reach', 'replies', 'reposts'];

/**
 * One metric's readings over time, oldest first. Snapshots that did not read the metric are skipped (absent is
 * not 0); an interval count contributes its shown value. Readings at the same instant keep the last one.
 */
export function seriesOf(snapshots: readonly SnapshotLike[], metric: Metric): SeriesPoint[] {
  const byTime = new Map<number, number>();
  for (const s of snapshots) {
    const c = s.metrics[metric];
    if (c && Number.isFinite(c.value) && Number.isFinite(s.observedAt)) byTime.set(s.observedAt, c.value);
  }
  return [...byTime].map(([at, value]) => ({ at, value })).sort((a, b) => a.at - b.at);
}

/** The first preferred metric with at least two readings, and its series; undefined when none has two. */
export function sparklineSeries(
  snapshots: readonly SnapshotLike[],
  prefer: readonly Metric[] = SPARKLINE_METRICS,
): { metric: Metric; points: SeriesPoint[] } | undefined {
  for (const metric of prefer) {
    const points = seriesOf(snapshots, metric);
    if (points.length >= 2) return { metric, points };
  }
  return undefined;
}

export interface Box {
  width: number;
  height: number;
  /** Space kept free on every side, so a stroke on the edge is not clipped. */
  pad: number;
}

export interface XY {
  x: number;
  y: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Points scaled into the box (SVG coordinates: y grows downwards, so the largest value is at the top).
 * A flat series sits on the middle line; readings all at one instant spread evenly across the width.
 */
export function scalePoints(points: readonly SeriesPoint[], box: Box): XY[] {
  if (points.length === 0) return [];
  const innerW = Math.max(0, box.width - 2 * box.pad);
  const innerH = Math.max(0, box.height - 2 * box.pad);
  let t0 = Infinity, t1 = -Infinity, v0 = Infinity, v1 = -Infinity;
  for (const p of points) {
    t0 = Math.min(t0, p.at);
    t1 = Math.max(t1, p.at);
    v0 = Math.min(v0, p.value);
    v1 = Math.max(v1, p.value);
  }
  const last = Math.max(1, points.length - 1);
  return points.map((p, i) => ({
    x: round1(box.pad + (t1 > t0 ? ((p.at - t0) / (t1 - t0)) * innerW : points.length === 1 ? innerW / 2 : (i / last) * innerW)),
    y: round1(box.pad + (v1 > v0 ? (1 - (p.value - v0) / (v1 - v0)) * innerH : innerH / 2)),
  }));
}

/** An SVG path through the points: "M1 2L3 4…"; empty for no points. */
export function pathOf(points: readonly XY[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join('');
}

/**
 * Bar heights from a zero baseline (a bar chart that does not start at 0 exaggerates): the largest value fills
 * `height`; unknown values (undefined) and non-positive ones get 0.
 */
export function scaleBars(values: readonly (number | undefined)[], height: number): number[] {
  let max = 0;
  for (const v of values) if (v !== undefined && Number.isFinite(v) && v > max) max = v;
  return values.map((v) => (max > 0 && v !== undefined && Number.isFinite(v) && v > 0 ? round1((v / max) * height) : 0));
}
