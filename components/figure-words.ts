// The badge's words in the browser's language: lib/figures.ts takes them as FigureWords (lib stays free of
// extension globals), this builds them from the `badge` section of locales/*.yml.
import type { FigureWords } from '@/lib/figure-words';
import type { Metric } from '@/lib/types';
import { t } from './i18n';

/** One literal key per metric: t() only accepts the typed keys. */
const METRIC_NAME: Record<Metric, () => string> = {
  impressions: () => t('badge.metric.impressions'),
  views: () => t('badge.metric.views'),
  reach: () => t('badge.metric.reach'),
  likes: () => t('badge.metric.likes'),
  replies: () => t('badge.metric.replies'),
  reposts: () => t('badge.metric.reposts'),
  quotes: () => t('badge.metric.quotes'),
  bookmarks: () => t('badge.metric.bookmarks'),
  saves: () => t('badge.metric.saves'),
  shares: () => t('badge.metric.shares'),
  clicks: () => t('badge.metric.clicks'),
  profileVisits: () => t('badge.metric.profileVisits'),
  followers: () => t('badge.metric.followers'),
  repostsAndQuotes: () => t('badge.metric.repostsAndQuotes'),
};

/** A metric as a plural noun in the UI language ("impressions", "Impressionen"). */
export const metricName = (m: Metric): string => METRIC_NAME[m]?.() ?? m;

export function figureWords(): FigureWords {
  return {
    metric: metricName,
    erText: (p) => t('badge.erText', p),
    erTitle: (p) => t('badge.erTitle', p),
    noRateText: () => t('badge.noRateText'),
    noCounters: () => t('badge.noCounters'),
    noRateZero: () => t('badge.noRateZero'),
    noRateNoDenominator: () => t('badge.noRateNoDenominator'),
    vphText: (p) => t('badge.vphText', p),
    vphTitle: (p) => t('badge.vphTitle', p),
    growthTitle: (p) => t('badge.growthTitle', p),
    frequencyText: (p) => t('badge.frequencyText', p),
    frequencyTitle: (p) => t('badge.frequencyTitle', p),
    ctrText: (p) => t('badge.ctrText', p),
    ctrTitle: (p) => t('badge.ctrTitle', p),
  };
}
