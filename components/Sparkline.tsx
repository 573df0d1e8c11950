// A post's history as a small line: one counter over time from its snapshots (lib/sparkline.ts scales it).
// role="img" with a <title> saying what it shows, so a screen reader hears "Impressions from 1,000 to 5,000 over
// 3 days" instead of nothing. Nothing is drawn with fewer than two readings: one point is not a trend.
import { t, uiLocale } from './i18n';
import type { SnapshotLike } from '@/lib/metrics';
import { pathOf, scalePoints, sparklineSeries } from '@/lib/sparkline';
import { formatCount, formatDuration } from '@/lib/format';
import { metricName, sentenceStart } from './popup/words';

const BOX = { width: 96, height: 24, pad: 2 };

export function Sparkline({ snapshots }: { snapshots: readonly SnapshotLike[] | undefined }) {
  const series = snapshots && sparklineSeries(snapshots);
  if (!series) return null;
  const locale = uiLocale();
  const { points, metric } = series;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const xy = scalePoints(points, BOX);
  const end = xy[xy.length - 1]!;
  const title = t('popup.sparkline', {
    metric: sentenceStart(metricName(metric)),
    from: formatCount({ value: first.value, min: first.value, max: first.value, exact: true }, locale),
    to: formatCount({ value: last.value, min: last.value, max: last.value, exact: true }, locale),
    span: formatDuration(last.at - first.at, locale),
  });
  return (
    <svg
      class="pm-spark"
      role="img"
      aria-label={title}
      width={BOX.width}
      height={BOX.height}
      viewBox={`0 0 ${BOX.width} ${BOX.height}`}
      data-sparkline={metric}
      data-points={points.length}
    >
      <title>{title}</title>
      <path d={pathOf(xy)} fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" stroke-linecap="round" />
      <circle cx={end.x} cy={end.y} r="2" fill="currentColor" />
    </svg>
  );
}
