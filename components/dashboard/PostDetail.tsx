// The selected post over time: its audience counters (impressions, views, reach) in one chart and its
// interactions in another (different scales: tens of thousands against hundreds), from its snapshots.
import { useEffect, useState } from 'preact/hooks';
import { t, uiLocale } from '@/components/i18n';
import { formatNumber } from '@/lib/format';
import type { TableRow } from '@/lib/post-table';
import type { SnapshotRow } from '@/lib/store/schema';
import type { Metric, SiteId } from '@/lib/types';
import { cellOf, columnLabel, metricLabel, SITE_NAMES } from './post-cells';
import { metricSeries } from './post-series';
import { TimeChart } from './TimeChart';

export type LoadSnapshots = (site: SiteId, postId: string) => Promise<SnapshotRow[]>;

const AUDIENCE: Metric[] = ['impressions', 'views', 'reach'];
const INTERACTIONS: Metric[] = ['likes', 'replies', 'reposts', 'repostsAndQuotes', 'quotes', 'bookmarks', 'saves', 'shares', 'clicks', 'profileVisits'];
const FIGURES = ['er', 'frequency', 'ctr', 'vph'] as const;

export function PostDetail({ row, loadSnapshots, now }: { row: TableRow; loadSnapshots: LoadSnapshots; now: number }) {
  const locale = uiLocale();
  const { post } = row;
  const [snapshots, setSnapshots] = useState<SnapshotRow[]>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    setSnapshots(undefined);
    setError(undefined);
    loadSnapshots(post.site, post.postId).then(
      (s) => live && setSnapshots(s),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [post.site, post.postId, loadSnapshots]);

  const format = (y: number) => formatNumber(y, locale, 0);
  const chart = (title: string, metrics: Metric[]) => {
    if (!snapshots) return null;
    const series = [...metricSeries(post, snapshots, metrics)].map(([m, points]) => ({ label: metricLabel(m), points }));
    return series.length ? <TimeChart title={title} series={series} x="time" formatY={format} minSpan={2 * 3_600_000} /> : null;
  };

  return (
    <section class="pm-card pm-detail" aria-labelledby="pm-detail-h" data-detail={row.key}>
      <h2 id="pm-detail-h">
        {t('dashboard.detail.heading', {
          author: post.author ?? '—',
          site: SITE_NAMES[post.site] ?? post.site,
          date: cellOf(row, 'published', locale, now).text,
        })}
      </h2>
      {post.text ? <p class="pm-post-text">{post.text.slice(0, 280)}</p> : null}
      <dl class="pm-figures">
        {FIGURES.map((f) => {
          const cell = cellOf(row, f, locale, now);
          return (
            <div key={f} title={cell.title}>
              <dt>{columnLabel(f)}</dt>
              <dd>{cell.text}</dd>
            </div>
          );
        })}
      </dl>
      {error ? (
        <p class="pm-error" role="alert">
          {t('dashboard.detail.failed', { reason: error })}
        </p>
      ) : !snapshots ? (
        <p class="pm-hint" aria-live="polite">
          {t('common.loading')}
        </p>
      ) : (
        <>
          {chart(t('dashboard.detail.audience'), AUDIENCE)}
          {chart(t('dashboard.detail.interactions'), INTERACTIONS)}
        </>
      )}
    </section>
  );
}
