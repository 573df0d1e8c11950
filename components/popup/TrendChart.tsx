// One account's weeks as a small chart: bars for impressions per post (from zero), a line for posts per week
// on its own scale. role="img" with a title and a description naming the first and last week's figures; the
// full numbers are in the table OwnAccounts puts beside it.
import type { WeekTrend } from '@/lib/trend';
import { pathOf, scaleBars } from '@/lib/sparkline';
import { formatCompact, formatNumber } from '@/lib/format';
import { t } from '../i18n';

const W = 360;
const H = 64;
const PAD = 4;

export function TrendChart({ weeks, handle, locale }: { weeks: readonly WeekTrend[]; handle: string; locale?: string }) {
  if (weeks.length === 0) return null;
  const slot = (W - 2 * PAD) / weeks.length;
  const bars = scaleBars(weeks.map((w) => w.impressionsPerPost?.value), H - 2 * PAD);
  // Posts per week on its own scale from 0, so an unchanged posting rate draws a flat line.
  const postHeights = scaleBars(weeks.map((w) => w.posts), H - 2 * PAD);
  const points = postHeights.map((h, i) => ({ x: Math.round((PAD + slot * (i + 0.5)) * 10) / 10, y: H - PAD - h }));
  const first = weeks[0]!;
  const last = weeks[weeks.length - 1]!;
  const perPost = (w: WeekTrend) => (w.impressionsPerPost ? formatCompact(w.impressionsPerPost.value, locale, w.impressionsPerPost.exact) : '—');
  const title = t('popup.chartTitle', { handle, weeks: formatNumber(weeks.length, locale, 0) });
  const desc = t('popup.chartDesc', {
    firstPerPost: perPost(first),
    firstPosts: formatNumber(first.posts, locale, 0),
    lastPerPost: perPost(last),
    lastPosts: formatNumber(last.posts, locale, 0),
  });
  const id = `pm-chart-${handle}`.replace(/[^\w-]/g, '_');
  return (
    <svg class="pm-chart" role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${W} ${H}`} width="100%" height={H} preserveAspectRatio="none">
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{desc}</desc>
      {bars.map((h, i) => (
        <rect class="pm-bar" key={weeks[i]!.weekStart} x={PAD + slot * i + slot * 0.15} width={slot * 0.7} y={H - PAD - h} height={h} />
      ))}
      <path class="pm-line" d={pathOf(points)} fill="none" stroke-width="2" />
      {points.map((p, i) => (
        <circle class="pm-dot" key={weeks[i]!.weekStart} cx={p.x} cy={p.y} r="2.5" />
      ))}
    </svg>
  );
}
