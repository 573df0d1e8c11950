// The figures a badge or a popup row shows, each with the sentence that says what it counts.
// One place, so the badge and the popup never disagree about a rate or its denominator.
import type { PriorState } from './messages';
import type { PostRow } from './store/schema';
import type { Metric, Metrics, PostObservation, SiteId } from './types';
import { bestEngagementRate, ctr, engagementRate, frequency, growth, viewsPerHour, type EngagementSetOption } from './metrics';
import type { ErBasisChoice } from './preferences';
import { formatAgo, formatCompact, formatCount, formatNumber, formatPercent } from './format';

export interface Figure {
  id: 'er' | 'vph' | 'growth' | 'frequency' | 'ctr';
  text: string;
  title: string;
}

const PLURAL: Partial<Record<Metric, string>> = { profileVisits: 'profile visits', repostsAndQuotes: 'reposts and quotes' };
const metricName = (m: Metric): string => PLURAL[m] ?? m;

/** How figures are worded and computed: the user's locale and choices (lib/preferences.ts). */
export interface FigureOptions {
  locale?: string;
  /** The user's engagement sets; absent = each site's default set. */
  sets?: EngagementSetOption;
  /** Which denominator the engagement rate uses; 'auto' (default) = the first one the page shows. */
  basis?: ErBasisChoice;
}

export function erFigure(site: SiteId, metrics: Metrics, { locale, sets, basis = 'auto' }: FigureOptions = {}): Figure | undefined {
  const er = basis === 'auto' ? bestEngagementRate(site, metrics, sets) : engagementRate(site, metrics, basis, sets);
  if (!er) return undefined;
  const counted = er.counted.map(metricName).join(' + ');
  return {
    id: 'er',
    text: `ER ${formatPercent(er, locale)}`,
    title:
      `Engagement rate by ${metricName(er.basis)}: ${formatCount(er.engagements, locale)} engagements (${counted}) ` +
      `÷ ${formatCount(er.denominator, locale)} ${metricName(er.basis)}`,
  };
}

export function vphFigure(metrics: Metrics, publishedAt: number | undefined, at: number, locale?: string): Figure | undefined {
  const vph = viewsPerHour(metrics, publishedAt, at);
  if (!vph) return undefined;
  return {
    id: 'vph',
    text: `${formatCompact(vph.value, locale, vph.exact)}/h`,
    title:
      `${formatCount(metrics[vph.metric]!, locale)} ${metricName(vph.metric)} over ${formatNumber(vph.hours, locale, 1)} h ` +
      `since published: ${formatNumber(vph.value, locale, 1)} per hour`,
  };
}

/** Growth of the headline counter since the user last saw the post (an earlier visit). */
export function growthFigure(metrics: Metrics, prior: PriorState | null | undefined, now: number, locale?: string): Figure | undefined {
  if (!prior) return undefined;
  for (const metric of ['impressions', 'views', 'likes'] as const) {
    const delta = growth(metrics[metric], prior.metrics[metric]);
    if (!delta) continue;
    const sign = delta.value >= 0 ? '+' : '−';
    const magnitude = { ...delta, value: Math.abs(delta.value) };
    return {
      id: 'growth',
      text: `${sign}${formatCompact(magnitude.value, locale, delta.exact)}`,
      title: `${sign}${formatCount(delta.exact ? magnitude : delta, locale)} ${metricName(metric)} since you last saw it (${formatAgo(prior.lastSeen, now, locale)})`,
    };
  }
  return undefined;
}

/** Said instead of a rate when the page shows no denominator: the badge stays, the rate is not invented. */
function noRateFigure(post: PostObservation): Figure {
  const known = Object.keys(post.metrics).length > 0;
  const zero = post.metrics.impressions?.max === 0;
  return {
    id: 'er',
    text: 'ER —',
    title: !known
      ? 'No counters could be read on this post; nothing was recorded for it.'
      : zero
        ? 'No engagement rate yet: 0 impressions so far.'
        : 'No engagement rate: the page shows no impressions, views, reach or followers for this post, so there is no denominator.',
  };
}

export function badgeFigures(
  post: PostObservation,
  prior: PriorState | null | undefined,
  now: number,
  opts: FigureOptions = {},
): Figure[] {
  const { locale } = opts;
  return [
    erFigure(post.site, post.metrics, opts) ?? noRateFigure(post),
    vphFigure(post.metrics, post.publishedAt, now, locale),
    growthFigure(post.metrics, prior, now, locale),
    frequencyFigure(post.site, post.metrics, locale),
    ctrFigure(post.metrics, locale),
  ].filter((f): f is Figure => f !== undefined);
}

/** Impressions per person reached (on YouTube, views per unique viewer): only on the author's analytics pages. */
export function frequencyFigure(site: SiteId, metrics: Metrics, locale?: string): Figure | undefined {
  const f = frequency(metrics, site);
  if (!f) return undefined;
  const times = f.exact || formatNumber(f.min, locale) === formatNumber(f.max, locale)
    ? formatNumber(f.value, locale)
    : `${formatNumber(f.min, locale)}–${formatNumber(f.max, locale)}`;
  return {
    id: 'frequency',
    text: `Freq ${times}×`,
    title: `Frequency: ${formatCount(f.numeratorCount, locale)} ${metricName(f.numerator)} ÷ ${formatCount(f.denominator, locale)} reached = ${times} per person`,
  };
}

/** Clicks per impression, where the page shows clicks. */
export function ctrFigure(metrics: Metrics, locale?: string): Figure | undefined {
  const r = ctr(metrics);
  if (!r) return undefined;
  return {
    id: 'ctr',
    text: `CTR ${formatPercent(r, locale)}`,
    title: `Click-through rate: ${formatCount(r.clicks, locale)} clicks ÷ ${formatCount(r.denominator, locale)} impressions`,
  };
}

/** A stored post's rates, as of when it was last seen. */
export function postRowFigures(row: PostRow, opts: FigureOptions = {}): Figure[] {
  const { locale } = opts;
  return [
    erFigure(row.site, row.metrics, opts),
    vphFigure(row.metrics, row.publishedAt, row.lastSeen, locale),
    frequencyFigure(row.site, row.metrics, locale),
    ctrFigure(row.metrics, locale),
  ].filter(
    (f): f is Figure => f !== undefined,
  );
}
