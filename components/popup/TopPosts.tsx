// Top posts across sites: ranked by impressions, engagement rate or velocity (lib/rankings.ts), in a time
// window, filtered by site and author. The choices are local state; the rows come from one bounded read
// (the most recently seen posts and the newest snapshots), so switching a control never touches the database.
import { safeUrl } from '@/lib/safe-url';
import { useMemo, useState } from 'preact/hooks';
import type { PostRow } from '@/lib/store/schema';
import type { FigureOptions } from '@/lib/figures';
import { filterChoices, postKey, rankPosts, RANK_BY, TIME_WINDOWS, type RankBy, type Ranked, type TimeWindow } from '@/lib/rankings';
import { formatCount, formatNumber, formatPercent } from '@/lib/format';
import { bestEngagementRate, engagementRate, type MetricVelocity } from '@/lib/metrics';
import type { SiteId } from '@/lib/types';
import { t, uiLocale } from '../i18n';
import { basisName, metricName, rankByName, signedCompact, siteName, windowName } from './words';

export interface TopPostsProps {
  /** The candidate posts; undefined while they load. */
  posts?: readonly PostRow[];
  velocities?: ReadonlyMap<string, MetricVelocity>;
  /** Set when the read stopped at its limit: the ranking covers only the most recently seen posts. */
  scanLimit?: number;
  now: number;
  figureOptions?: FigureOptions;
  limit?: number;
}

export function TopPosts({ posts, velocities, scanLimit, now, figureOptions = {}, limit = 10 }: TopPostsProps) {
  const [by, setBy] = useState<RankBy>('impressions');
  const [period, setPeriod] = useState<TimeWindow>('7d');
  const [site, setSite] = useState<SiteId | ''>('');
  const [author, setAuthor] = useState('');
  const choices = useMemo(() => filterChoices(posts ?? []), [posts]);
  const ranked = useMemo(
    () =>
      rankPosts(posts ?? [], {
        by, window: period, now, limit, velocities,
        site: site || undefined,
        author: author || undefined,
        sets: figureOptions.sets,
        basis: figureOptions.basis,
      }),
    [posts, velocities, by, period, site, author, now, limit, figureOptions.sets, figureOptions.basis],
  );

  return (
    <section aria-labelledby="pm-top" class="pm-top">
      <h2 id="pm-top">{t('popup.top')}</h2>
      <div class="pm-segmented" role="group" aria-label={t('popup.rankByLabel')}>
        {RANK_BY.map((r) => (
          <button type="button" key={r} aria-pressed={by === r} data-rank-by={r} onClick={() => setBy(r)}>
            {rankByName(r)}
          </button>
        ))}
      </div>
      <div class="pm-filters">
        <label>
          {t('popup.period')}
          <select value={period} onChange={(e) => setPeriod(e.currentTarget.value as TimeWindow)} data-filter="window">
            {TIME_WINDOWS.map((w) => (
              <option value={w} key={w}>
                {windowName(w)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('popup.site')}
          <select value={site} onChange={(e) => setSite(e.currentTarget.value as SiteId | '')} data-filter="site">
            <option value="">{t('popup.allSites')}</option>
            {choices.sites.map((s) => (
              <option value={s} key={s}>
                {siteName(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('popup.author')}
          <input
            type="search"
            value={author}
            list="pm-authors"
            autoComplete="off"
            spellcheck={false}
            data-filter="author"
            onInput={(e) => setAuthor(e.currentTarget.value)}
          />
        </label>
        <datalist id="pm-authors">
          {choices.authors.map((a) => (
            <option value={a} key={a} />
          ))}
        </datalist>
      </div>
      {!posts || (by === 'velocity' && !velocities) ? (
        <p class="pm-loading" aria-busy="true">{t('common.loading')}</p>
      ) : (
        <div>
          {/* Announced on every change of a control; the list itself is not read out again each time. */}
          <p class="pm-visually-hidden" role="status">
            {t('popup.topCount', ranked.length, { n: formatNumber(ranked.length, uiLocale(), 0) })}
          </p>
          {ranked.length ? (
            <ol class="pm-top-list" data-section="top" data-rank-by={by}>
              {ranked.map((r) => (
                <TopRow ranked={r} by={by} figureOptions={figureOptions} key={postKey(r.post)} />
              ))}
            </ol>
          ) : (
            <p class="pm-empty">{t('popup.topEmpty')}</p>
          )}
          {scanLimit !== undefined ? (
            <p class="pm-note">{t('popup.topScanned', { n: formatNumber(scanLimit, uiLocale(), 0) })}</p>
          ) : null}
        </div>
      )}
    </section>
  );
}

function TopRow({ ranked, by, figureOptions }: { ranked: Ranked; by: RankBy; figureOptions: FigureOptions }) {
  const { post } = ranked;
  const locale = figureOptions.locale ?? uiLocale();
  const score = scoreText(ranked, by, figureOptions, locale);
  return (
    <li class="pm-top-row" data-top-row={postKey(post)} data-score={String(ranked.score)}>
      <a class="pm-post-title" href={safeUrl(post.url)} target="_blank" rel="noreferrer noopener" title={post.text}>
        <span class="pm-site">{siteName(post.site)}</span> {post.author ? `@${post.author}` : post.postId}
        {post.text ? <span class="pm-text"> — {post.text.slice(0, 60)}</span> : null}
      </a>
      <span class="pm-score" title={score.title}>
        {score.text}
      </span>
    </li>
  );
}

function scoreText(r: Ranked, by: RankBy, opts: FigureOptions, locale?: string): { text: string; title: string } {
  const { post } = r;
  if (by === 'impressions') {
    const c = post.metrics.impressions!;
    const n = formatCount(c, locale);
    return { text: n, title: t('popup.scoreImpressions', { n }) };
  }
  if (by === 'er') {
    const basis = opts.basis ?? 'auto';
    const er = basis === 'auto' ? bestEngagementRate(post.site, post.metrics, opts.sets) : engagementRate(post.site, post.metrics, basis, opts.sets);
    const rate = er ? formatPercent(er, locale) : '';
    return { text: rate, title: er ? t('popup.scoreEr', { rate, basis: basisName(er.basis) }) : '' };
  }
  const value = signedCompact(r.score, r.exact ?? true, locale);
  const metric = metricName(r.metric ?? 'impressions');
  return { text: t('popup.velocity', { value, metric }), title: t('popup.velocity', { value, metric }) };
}
