// The words a badge figure is made of (lib/figures.ts), injectable so the extension can pass its translations
// (components/figure-words.ts builds them from the locale files) while lib/ stays free of extension globals.
// Each entry takes already formatted numbers, so word order is the translation's business, not the caller's.
// ENGLISH_FIGURE_WORDS is the default and reproduces the figures' English text exactly.
import type { Metric } from './types';

export interface FigureWords {
  /** A metric as a plural noun in running text: "impressions", "profile visits". */
  metric(m: Metric): string;
  /** Badge text of an engagement rate: "ER 4.2%". */
  erText(p: { rate: string }): string;
  /** "Engagement rate by impressions: 10 engagements (likes) ÷ 1,000 impressions". */
  erTitle(p: { basis: string; engagements: string; counted: string; denominator: string }): string;
  /** Badge text where no rate can be computed: "ER —". */
  noRateText(): string;
  /** Tooltip when no counter at all was read. */
  noCounters(): string;
  /** Tooltip when impressions are 0 so far. */
  noRateZero(): string;
  /** Tooltip when the page shows no denominator. */
  noRateNoDenominator(): string;
  /** "1.2K/h". */
  vphText(p: { rate: string }): string;
  /** "1,234 views over 5.5 h since published: 224.4 per hour". */
  vphTitle(p: { count: string; metric: string; hours: string; rate: string }): string;
  /** "+1,200 impressions since you last saw it (3 hours ago)". */
  growthTitle(p: { change: string; metric: string; ago: string }): string;
  /** "Freq 1.25×". */
  frequencyText(p: { times: string }): string;
  /** "Frequency: 1,234 impressions ÷ 987 reached = 1.25 per person". */
  frequencyTitle(p: { numerator: string; metric: string; reach: string; times: string }): string;
  /** "CTR 1.5%". */
  ctrText(p: { rate: string }): string;
  /** "Click-through rate: 30 clicks ÷ 2,000 impressions". */
  ctrTitle(p: { clicks: string; impressions: string }): string;
}

const ENGLISH_METRIC: Partial<Record<Metric, string>> = { profileVisits: 'profile visits', repostsAndQuotes: 'reposts and quotes' };

export const ENGLISH_FIGURE_WORDS: Readonly<FigureWords> = Object.freeze({
  metric: (m: Metric) => ENGLISH_METRIC[m] ?? m,
  erText: ({ rate }) => `ER ${rate}`,
  erTitle: ({ basis, engagements, counted, denominator }) =>
    `Engagement rate by ${basis}: ${engagements} engagements (${counted}) ÷ ${denominator} ${basis}`,
  noRateText: () => 'ER —',
  noCounters: () => 'No counters could be read on this post; nothing was recorded for it.',
  noRateZero: () => 'No engagement rate yet: 0 impressions so far.',
  noRateNoDenominator: () =>
    'No engagement rate: the page shows no impressions, views, reach or followers for this post, so there is no denominator.',
  vphText: ({ rate }) => `${rate}/h`,
  vphTitle: ({ count, metric, hours, rate }) => `${count} ${metric} over ${hours} h since published: ${rate} per hour`,
  growthTitle: ({ change, metric, ago }) => `${change} ${metric} since you last saw it (${ago})`,
  frequencyText: ({ times }) => `Freq ${times}×`,
  frequencyTitle: ({ numerator, metric, reach, times }) => `Frequency: ${numerator} ${metric} ÷ ${reach} reached = ${times} per person`,
  ctrText: ({ rate }) => `CTR ${rate}`,
  ctrTitle: ({ clicks, impressions }) => `Click-through rate: ${clicks} clicks ÷ ${impressions} impressions`,
} satisfies FigureWords);
