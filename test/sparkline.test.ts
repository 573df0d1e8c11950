// lib/sparkline.ts: which counter a sparkline draws, and how its points are scaled into the box.
import { describe, expect, it } from 'vitest';
import { pathOf, scaleBars, scalePoints, seriesOf, sparklineSeries } from '@/lib/sparkline';
import type { Metrics } from '@/lib/types';

const ex = (n: number) => ({ value: n, min: n, max: n, exact: true });
const snap = (observedAt: number, metrics: Metrics) => ({ observedAt, metrics });
const BOX = { width: 100, height: 20, pad: 0 };

describe('seriesOf', () => {
  it.each([
    ['oldest first, whatever the input order', [snap(30, { likes: ex(3) }), snap(10, { likes: ex(1) }), snap(20, { likes: ex(2) })], [[10, 1], [20, 2], [30, 3]]],
    ['snapshots without the metric are skipped, not read as 0', [snap(10, { likes: ex(5) }), snap(20, { replies: ex(1) }), snap(30, { likes: ex(7) })], [[10, 5], [30, 7]]],
    ['an interval gives its shown value', [snap(10, { likes: { value: 1200, min: 1200, max: 1299, exact: false } })], [[10, 1200]]],
    ['two readings at one instant: the later in the list', [snap(10, { likes: ex(1) }), snap(10, { likes: ex(2) })], [[10, 2]]],
    ['no readings', [snap(10, { replies: ex(1) })], []],
  ] as const)('%s', (_name, snaps, expected) => {
    expect(seriesOf(snaps, 'likes').map((p) => [p.at, p.value])).toEqual(expected);
  });
});

describe('sparklineSeries', () => {
  it.each([
    ['impressions first when it has two readings', [snap(1, { impressions: ex(10), likes: ex(1) }), snap(2, { impressions: ex(20), likes: ex(2) })], 'impressions'],
    ['views when impressions were read once only', [snap(1, { impressions: ex(10), views: ex(1) }), snap(2, { views: ex(2) })], 'views'],
    ['likes when nothing else moved twice', [snap(1, { likes: ex(1) }), snap(2, { likes: ex(2) })], 'likes'],
    ['nothing with a single snapshot', [snap(1, { impressions: ex(10), likes: ex(1) })], undefined],
  ] as const)('%s', (_name, snaps, metric) => {
    expect(sparklineSeries(snaps)?.metric).toBe(metric);
  });
});

describe('scalePoints', () => {
  it.each([
    ['time in proportion, largest value at the top (y = 0)', [[0, 1000], [10, 3000], [40, 5000]], BOX, [[0, 20], [25, 10], [100, 0]]],
    ['padding keeps points off the edge', [[0, 0], [1, 1]], { width: 100, height: 20, pad: 2 }, [[2, 18], [98, 2]]],
    ['a flat series sits on the middle line', [[0, 7], [5, 7], [10, 7]], BOX, [[0, 10], [50, 10], [100, 10]]],
    ['readings at one instant spread evenly', [[5, 1], [5, 2], [5, 3]], BOX, [[0, 20], [50, 10], [100, 0]]],
    ['one point: in the middle', [[5, 1]], BOX, [[50, 10]]],
    ['no points', [], BOX, []],
    ['rounded to 0.1', [[0, 0], [3, 1], [9, 2]], BOX, [[0, 20], [33.3, 10], [100, 0]]],
  ] as const)('%s', (_name, pts, box, expected) => {
    const out = scalePoints(pts.map(([at, value]) => ({ at, value })), box);
    expect(out.map((p) => [p.x, p.y])).toEqual(expected);
  });

  it('falling counts (a Reddit score) go down the box', () => {
    const [a, b] = scalePoints([{ at: 0, value: 10 }, { at: 1, value: -5 }], BOX);
    expect(a!.y).toBeLessThan(b!.y);
  });
});

describe('pathOf', () => {
  it.each([
    [[], ''],
    [[{ x: 1, y: 2 }], 'M1 2'],
    [[{ x: 0, y: 20 }, { x: 33.3, y: 10 }, { x: 100, y: 0 }], 'M0 20L33.3 10L100 0'],
  ])('%j → %s', (pts, d) => expect(pathOf(pts)).toBe(d));
});

describe('scaleBars', () => {
  it.each([
    ['the largest fills the height', [10, 5, 2.5], 40, [40, 20, 10]],
    ['from zero: equal values are full bars, not empty ones', [4, 4], 10, [10, 10]],
    ['unknown and non-positive values are empty bars', [undefined, 0, -3, 8], 16, [0, 0, 0, 16]],
    ['nothing known: all empty', [undefined, undefined], 16, [0, 0]],
  ] as const)('%s', (_name, values, height, expected) => {
    expect(scaleBars(values, height)).toEqual(expected);
  });
});
