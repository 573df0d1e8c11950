// Posts side by side: one column per post (counters, rates, when published and last seen), and one chart
// overlaying their headline counter against hours since each was published, so a post from last month and
// one from yesterday are compared at the same age.
import { useEffect, useState } from 'preact/hooks';
import { t, uiLocale } from '@/components/i18n';
import { formatNumber } from '@/lib/format';
import type { PostColumn, TableRow } from '@/lib/post-table';
import type { SnapshotRow } from '@/lib/store/schema';
import type { Metric } from '@/lib/types';
import { cellOf, columnHint, columnLabel, metricLabel, SITE_NAMES } from './post-cells';
import type { LoadSnapshots } from './PostDetail';
import { metricSeries, sincePublished } from './post-series';
import { TimeChart } from './TimeChart';
import type { ErBasisChoice } from '@/lib/preferences';

const ROWS: PostColumn[] = ['published', 'impressions', 'views', 'reach', 'likes', 'replies', 'reposts', 'er', 'frequency', 'ctr', 'vph', 'lastSeen'];
const HEADLINES: Metric[] = ['impressions', 'views', 'likes', 'reach', 'replies'];

/** The counter to overlay: the first of HEADLINES every post has, else the first any of them has. */
export function headlineMetric(rows: readonly TableRow[]): Metric | undefined {
  return HEADLINES.find((m) => rows.every((r) => r.post.metrics[m])) ?? HEADLINES.find((m) => rows.some((r) => r.post.metrics[m]));
}

export interface ComparePostsProps {
  rows: readonly TableRow[];
  loadSnapshots: LoadSnapshots;
  onRemove: (key: string) => void;
  onClear: () => void;
  basis: ErBasisChoice;
  now: number;
}

export function ComparePosts({ rows, loadSnapshots, onRemove, onClear, basis, now }: ComparePostsProps) {
  const locale = uiLocale();
  const [history, setHistory] = useState<Map<string, SnapshotRow[]>>(new Map());
  const keys = rows.map((r) => r.key).join('\n');

  useEffect(() => {
    let live = true;
    Promise.all(rows.map(async (r) => [r.key, await loadSnapshots(r.post.site, r.post.postId)] as const)).then(
      (entries) => live && setHistory(new Map(entries)),
      () => live && setHistory(new Map()),
    );
    return () => {
      live = false;
    };
  }, [keys, loadSnapshots]);

  const name = (r: TableRow) => `${r.post.author ?? '—'} · ${SITE_NAMES[r.post.site] ?? r.post.site}`;
  const metric = headlineMetric(rows);
  const series = metric
    ? rows.flatMap((r) => {
        const points = metricSeries(r.post, history.get(r.key) ?? [], [metric]).get(metric);
        return points ? [{ label: name(r), points: sincePublished(r.post, points) }] : [];
      })
    : [];

  return (
    <section class="pm-card pm-compare" aria-labelledby="pm-compare-h">
      <h2 id="pm-compare-h">{t('dashboard.compare.heading')}</h2>
      {rows.length < 2 ? <p class="pm-hint">{t('dashboard.compare.pickMore')}</p> : null}
      <div class="pm-wide">
        <table class="pm-data-table pm-compare-table">
          <caption class="pm-visually-hidden">{t('dashboard.compare.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.compare.figure')}</th>
              {rows.map((r) => (
                <th scope="col" key={r.key} data-compare={r.key}>
                  {name(r)}{' '}
                  <button type="button" class="pm-secondary pm-small" onClick={() => onRemove(r.key)}>
                    {t('dashboard.compare.remove')}
                    <span class="pm-visually-hidden"> {name(r)}</span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ROWS.map((c) => (
              <tr key={c}>
                <th scope="row" title={columnHint(c, basis)}>
                  {columnLabel(c)}
                </th>
                {rows.map((r) => {
                  const cell = cellOf(r, c, locale, now);
                  return (
                    <td key={r.key} title={cell.title} data-column={c}>
                      {cell.text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <button type="button" class="pm-secondary" onClick={onClear}>
          {t('dashboard.compare.clear')}
        </button>
      </p>
      {metric && series.length ? (
        <TimeChart
          title={t('dashboard.compare.chart', { metric: metricLabel(metric) })}
          series={series}
          x="hours"
          formatY={(y) => formatNumber(y, locale, 0)}
        />
      ) : null}
    </section>
  );
}
