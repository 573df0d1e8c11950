// A list of stored posts with their counts and rates. Every figure cell carries data-value (the exact
// number, or "min..max" for an interval) so what is shown can be checked against what is stored.
// Snapshots arrive after the first paint (the popup draws counts first): until then a row has no sparkline
// and no velocity, never a wrong one.
import { safeUrl } from '@/lib/safe-url';
import type { Count } from '@/lib/count';
import type { PostRow, SnapshotRow } from '@/lib/store/schema';
import { columnsFor } from '@/lib/site-columns';
import { postRowFigures, type FigureOptions } from '@/lib/figures';
import { formatCompact, formatCount, formatNumber } from '@/lib/format';
import { bestEngagementRate, engagementRate } from '@/lib/metrics';
import { postVelocity } from '@/lib/rankings';
import { t, uiLocale } from './i18n';
import { Sparkline } from './Sparkline';
import { figureWords } from './figure-words';
import { basisName, metricName, signedCompact, siteName } from './popup/words';

export const countValue = (c: Count): string => (c.exact ? String(c.value) : `${c.min}..${c.max}`);

export interface PostTableProps {
  /** undefined while the database is being read. */
  posts?: PostRow[];
  section: string;
  empty: string;
  /** Each post's snapshots by "site:postId"; absent while they load. */
  snapshots?: ReadonlyMap<string, readonly SnapshotRow[]>;
  figureOptions?: FigureOptions;
}

export function PostTable({ posts, section, empty, snapshots, figureOptions }: PostTableProps) {
  // Until the database answers, say so: "nothing recorded" would be a claim we have not checked yet.
  if (!posts) return <p class="pm-loading" aria-busy="true">{t('common.loading')}</p>;
  if (!posts.length) return <p class="pm-empty">{empty}</p>;
  return (
    <ul class="pm-posts" data-section={section}>
      {posts.map((p) => {
        const key = `${p.site}:${p.postId}`;
        return <PostItem post={p} key={key} snapshots={snapshots?.get(key)} figureOptions={figureOptions} />;
      })}
    </ul>
  );
}

function PostItem({ post, snapshots, figureOptions = {} }: { post: PostRow; snapshots?: readonly SnapshotRow[]; figureOptions?: FigureOptions }) {
  const key = `${post.site}:${post.postId}`;
  const locale = figureOptions.locale ?? uiLocale();
  const opts = { ...figureOptions, locale, words: figureOptions.words ?? figureWords() };
  return (
    <li class="pm-post" data-postmeter-row={key}>
      <div class="pm-post-head">
        <a class="pm-post-title" href={safeUrl(post.url)} target="_blank" rel="noreferrer noopener" title={post.text}>
          <span class="pm-site">{siteName(post.site)}</span> {post.author ? `@${post.author}` : post.postId}
          {post.promoted ? <span class="pm-promoted"> · {t('popup.promoted')}</span> : null}
          {post.text ? <span class="pm-text"> — {post.text.slice(0, 80)}</span> : null}
        </a>
        <Sparkline snapshots={snapshots} />
      </div>
      <dl class="pm-counts">
        {columnsFor(post.site, Object.keys(post.metrics)).map(({ metric, labelId }) => {
          const c = post.metrics[metric];
          return (
            <div class="pm-count" data-metric={metric} data-value={c ? countValue(c) : ''} key={metric}>
              <dt>{t(`common.count.${labelId}`)}</dt>
              <dd title={c ? formatCount(c, locale) : t('popup.notShown')}>{c ? formatCompact(c.value, locale, c.exact) : '—'}</dd>
            </div>
          );
        })}
      </dl>
      <p class="pm-rates">
        {postRowFigures(post, opts).map((f) => (
          <span class="pm-rate" data-figure={f.id} data-basis={f.id === 'er' ? rateBasis(post, opts) : undefined} title={f.title} key={f.id}>
            {f.text}
            {f.id === 'er' ? <BasisNote basis={rateBasis(post, opts)} /> : null}
          </span>
        ))}
        <VelocityFigure snapshots={snapshots} locale={locale} />
      </p>
    </li>
  );
}

/** The denominator the row's ER figure used: the user's choice, or the first the post has. */
function rateBasis(post: PostRow, { sets, basis = 'auto' }: FigureOptions) {
  return (basis === 'auto' ? bestEngagementRate(post.site, post.metrics, sets) : engagementRate(post.site, post.metrics, basis, sets))?.basis;
}

function BasisNote({ basis }: { basis: ReturnType<typeof rateBasis> }) {
  return basis ? <span class="pm-basis"> {basisName(basis)}</span> : null;
}

/**
 * The latest change per hour of the post's headline counter (impressions, else views, else likes) between its
 * two newest snapshots that read it: how fast it was moving when it last moved.
 */
function VelocityFigure({ snapshots, locale }: { snapshots?: readonly SnapshotRow[]; locale?: string }) {
  if (!snapshots) return null;
  const v = postVelocity(snapshots);
  if (!v) return null;
  const value = signedCompact(v.value, v.exact, locale);
  const title = t('popup.velocityTitle', {
    metric: metricName(v.metric),
    before: formatCount(v.before, locale),
    after: formatCount(v.after, locale),
    hours: formatNumber(v.hours, locale, 1),
    rate: formatNumber(v.value, locale, 1),
  });
  return (
    <span class="pm-rate" data-figure="velocity" data-metric-velocity={v.metric} data-value={String(v.value)} title={title}>
      {t('popup.velocity', { value, metric: metricName(v.metric) })}
    </span>
  );
}
