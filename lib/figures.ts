// The figures a badge or a popup row shows, each with the sentence that says what it counts.
// One place, so the badge and the popup never disagree about a rate or its denominator.
import type { PriorState } from './messages';
import type { PostRow } from './store/schema';
import type { Metrics, PostObservation, SiteId } from './types';
import { bestEngagementRate, ctr, engagementRate, frequency, growth, viewsPerHour, type EngagementSetOption } from './metrics';
import type { ErBasisChoice } from './preferences';
import { formatAgo, formatCompact, formatCount, formatNumber, formatPercent, formatTimes } from './format';
import { ENGLISH_FIGURE_WORDS, type FigureWords } from './figure-words';

export type { FigureWords } from './figure-words';

export interface Figure {
  id: 'er' | 'vph' | 'growth' | 'frequency' | 'ctr';
  text: string;
  title: string;
}

/** How figures are worded and computed: the user's locale and choices (lib/preferences.ts). */
export interface FigureOptions {
  locale?: string;
  /** The user's engagement sets; absent = each site's default set. */
  sets?: EngagementSetOption;
  /** Which denominator the engagement rate uses; 'auto' (default) = the first one the page shows. */
  basis?: ErBasisChoice;
  /** The words figures are made of; absent = English (lib/figure-words.ts). */
  words?: FigureWords;
}

export function erFigure(
  site: SiteId,
  metrics: Metrics,
  { locale, sets, basis = 'auto', words = ENGLISH_FIGURE_WORDS }: FigureOptions = {},
): Figure | undefined {
  const er = basis === 'auto' ? bestEngagementRate(site, metrics, sets) : engagementRate(site, metrics, basis, sets);
  if (!er) return undefined;
  return {
    id: 'er',
    text: words.erText({ rate: formatPercent(er, locale) }),
    title: words.erTitle({
      basis: words.metric(er.basis),
      engagements: formatCount(er.engagements, locale),
      counted: er.counted.map((m) => words.metric(m)).join(' + '),
      denominator: formatCount(er.denominator, locale),
    }),
  };
}

export function vphFigure(
  metrics: Metrics,
  publishedAt: number | undefined,
  at: number,
  locale?: string,
  words: FigureWords = ENGLISH_FIGURE_WORDS,
): Figure | undefined {
  const vph = viewsPerHour(metrics, publishedAt, at);
  if (!vph) return undefined;
  return {
    id: 'vph',
    text: words.vphText({ rate: formatCompact(vph.value, locale, vph.exact) }),
    title: words.vphTitle({
      count: formatCount(metrics[vph.metric]!, locale),
      metric: words.metric(vph.metric),
      hours: formatNumber(vph.hours, locale, 1),
      rate: formatNumber(vph.value, locale, 1),
    }),
  };
}

/** Growth of the headline counter since the user last saw the post (an earlier visit). */
export function growthFigure(
  metrics: Metrics,
  prior: PriorState | null | undefined,
  now: number,
  locale?: string,
  words: FigureWords = ENGLISH_FIGURE_WORDS,
): Figure | undefined {
  if (!prior) return undefined;
  for (const metric of ['impressions', 'views', 'likes'] as const) {
    const delta = growth(metrics[metric], prior.metrics[metric]);
    if (!delta) continue;
    const sign = delta.value >= 0 ? '+' : '−';
    const magnitude = { ...delta, value: Math.abs(delta.value) };
    return {
      id: 'growth',
      text: `${sign}${formatCompact(magnitude.value, locale, delta.exact)}`,
      title: words.growthTitle({
        change: `${sign}${formatCount(delta.exact ? magnitude : delta, locale)}`,
        metric: words.metric(metric),
        ago: formatAgo(prior.lastSeen, now, locale),
      }),
    };
  }
  return undefined;
}

/** Said instead of a rate when the page shows no denominator: the badge stays, the rate is not invented. */
function noRateFigure(post: PostObservation, words: FigureWords): Figure {
  const known = Object.keys(post.metrics).length > 0;
  const zero = post.metrics.impressions?.max === 0;
  return {
    id: 'er',
    text: words.noRateText(),
    title: !known ? words.noCounters() : zero ? words.noRateZero() : words.noRateNoDenominator(),
  };
}

export function badgeFigures(
  post: PostObservation,
  prior: PriorState | null | undefined,
  now: number,
  opts: FigureOptions = {},
): Figure[] {
  const { locale, words = ENGLISH_FIGURE_WORDS } = opts;
  return [
    erFigure(post.site, post.metrics, opts) ?? noRateFigure(post, words),
    vphFigure(post.metrics, post.publishedAt, now, locale, words),
    growthFigure(post.metrics, prior, now, locale, words),
    frequencyFigure(post.site, post.metrics, locale, words),
    ctrFigure(post.metrics, locale, words),
  ].filter((f): f is Figure => f !== undefined);
}

/** Impressions per person reached (on YouTube, views per unique viewer): only on the author's analytics pages. */
export function frequencyFigure(
  site: SiteId,
  metrics: Metrics,
  locale?: string,
  words: FigureWords = ENGLISH_FIGURE_WORDS,
): Figure | undefined {
  const f = frequency(metrics, site);
  if (!f) return undefined;
  // Three significant digits (10.0×, 1.25×): the dashboard and the popup print multiples the same way.
  const times = f.exact || formatTimes(f.min, locale) === formatTimes(f.max, locale)
    ? formatTimes(f.value, locale)
    : `${formatTimes(f.min, locale)}–${formatTimes(f.max, locale)}`;
  return {
    id: 'frequency',
    text: words.frequencyText({ times }),
    title: words.frequencyTitle({
      numerator: formatCount(f.numeratorCount, locale),
      metric: words.metric(f.numerator),
      reach: formatCount(f.denominator, locale),
      times,
    }),
  };
}

/** Clicks per impression, where the page shows clicks. */
export function ctrFigure(metrics: Metrics, locale?: string, words: FigureWords = ENGLISH_FIGURE_WORDS): Figure | undefined {
  const r = ctr(metrics);
  if (!r) return undefined;
  return {
    id: 'ctr',
    text: words.ctrText({ rate: formatPercent(r, locale) }),
    title: words.ctrTitle({ clicks: formatCount(r.clicks, locale), impressions: formatCount(r.denominator, locale) }),
  };
}

/** A stored post's rates, as of when it was last seen. */
export function postRowFigures(row: PostRow, opts: FigureOptions = {}): Figure[] {
  const { locale, words = ENGLISH_FIGURE_WORDS } = opts;
  return [
    erFigure(row.site, row.metrics, opts),
    vphFigure(row.metrics, row.publishedAt, row.lastSeen, locale, words),
    frequencyFigure(row.site, row.metrics, locale, words),
    ctrFigure(row.metrics, locale, words),
  ].filter(
    (f): f is Figure => f !== undefined,
  );
}
