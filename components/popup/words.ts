// Names the popup shows for sites, rate bases and choices, from the locale files. Written out key by key because
// i18n.t's keys are typed: a computed key would escape the check that every key exists in every language.
import { t } from '../i18n';
import { formatCompact } from '@/lib/format';
import type { RankBy, TimeWindow } from '@/lib/rankings';
import type { RateBasis } from '@/lib/metrics';

/** "impressions", "Impressionen", "インプレッション"… (the badge's words: components/figure-words.ts). */
export { metricName } from '../figure-words';

export { siteName } from '@/lib/site-names';

const BASIS: Record<RateBasis, () => string> = {
  impressions: () => t('popup.erBasis.impressions'),
  views: () => t('popup.erBasis.views'),
  reach: () => t('popup.erBasis.reach'),
  followers: () => t('popup.erBasis.followers'),
};

/** "by impressions": what an engagement rate was divided by. */
export const basisName = (b: RateBasis): string => BASIS[b]();

const RANK_BY: Record<RankBy, () => string> = {
  impressions: () => t('popup.rankBy.impressions'),
  er: () => t('popup.rankBy.er'),
  velocity: () => t('popup.rankBy.velocity'),
};
export const rankByName = (r: RankBy): string => RANK_BY[r]();

const WINDOWS: Record<TimeWindow, () => string> = {
  '24h': () => t('popup.window.day'),
  '7d': () => t('popup.window.week'),
  '30d': () => t('popup.window.month'),
  all: () => t('popup.window.all'),
};
export const windowName = (w: TimeWindow): string => WINDOWS[w]();

/** Upper-cases the first letter (a metric name opening a sentence); scripts without case are unchanged. */
export const sentenceStart = (s: string): string => s.charAt(0).toLocaleUpperCase() + s.slice(1);

/** A change with its sign, compact: "+1.2K", "−40", "~+333.3" for an interval (the "~" first, as counts print it). */
export function signedCompact(value: number, exact: boolean, locale?: string): string {
  return `${exact ? '' : '~'}${value < 0 ? '−' : '+'}${formatCompact(Math.abs(value), locale)}`;
}
