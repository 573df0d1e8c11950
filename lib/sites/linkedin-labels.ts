// LinkedIn's words for its counters, in the UI languages Postmeter's fixtures cover (English, French, German), and
// the number reading shared by the feed and the analytics page. See ../../../shared/reference/dom-anchors.md §2 and
// metrics.md §4 (ReachLab's label → value approach).
import { parseCount, type Count } from '../count';
import type { Metric } from '../types';

/** No LinkedIn post has been seen this often; a larger number is garbled text, not a count. */
export const MAX_PLAUSIBLE = 1e11;

/** Feed count nouns ("1,234 reactions", "13 comments on Ada’s post", "5 reposts"): the word right after the number. */
const FEED_NOUNS: [RegExp, Metric][] = [
  [/^(reactions?|réactions?|reaktion(en)?)$/i, 'likes'],
  [/^(comments?|commentaires?|kommentare?)$/i, 'replies'],
  [/^(reposts?|republications?)$/i, 'reposts'],
  [/^(impressions?|impressionen)$/i, 'impressions'],
];

/** A leading number and the noun after it: "1,234 reactions" → [1234 reactions]; else undefined. */
const NUMBER_NOUN = /^\s*([\p{Nd}][\p{Nd}.,\u00a0\u202f' ]*?(?:\s?[KkMm])?)\s+(\p{L}+)/u;

export type Reading = Count | 'bad';

/**
 * "1,234 reactions" / "13 comments on Ada’s post" / "1 234 réactions": the counter it names and its count; 'bad' when
 * the noun is known but the number is not a plausible count; undefined when the text is not a count label.
 */
export function feedCount(text: string | null | undefined, locale?: string): [Metric, Reading] | undefined {
  if (!text) return undefined;
  const m = NUMBER_NOUN.exec(text.replace(/\s+/g, ' '));
  if (!m) return undefined;
  const metric = FEED_NOUNS.find(([re]) => re.test(m[2]!))?.[1];
  if (!metric) return undefined;
  return [metric, countOf(m[1]!, locale)];
}

/** A number as LinkedIn prints it: full counts are exact, "1.2K" an interval; absurd or unreadable → 'bad'. */
export function countOf(text: string, locale?: string): Reading {
  const c = parseCount(text.trim(), locale);
  return c && c.max <= MAX_PLAUSIBLE && c.min >= 0 ? c : 'bad';
}

/** Analytics card headers whose label → value pairs are read (others, e.g. demographics, are not). */
export const ANALYTICS_CARDS = new Set(
  [
    'discovery',
    'social engagement',
    'profile activity',
    'link engagement',
    // French
    'découverte',
    'engagement social',
    'activité du profil',
    'engagement avec le lien',
  ].map((s) => s.normalize('NFC')),
);

/** Analytics labels (lower-cased, trimmed) → metric. "Followers gained" is recorded as followers (the gain). */
export const ANALYTICS_LABELS: Record<string, Metric> = {
  impressions: 'impressions',
  'members reached': 'reach',
  reactions: 'likes',
  comments: 'replies',
  reposts: 'reposts',
  saves: 'saves',
  sends: 'shares',
  'sends on linkedin': 'shares',
  'profile viewers from this post': 'profileVisits',
  'link clicks': 'clicks',
  // French
  'membres touchés': 'reach',
  réactions: 'likes',
  commentaires: 'replies',
  republications: 'reposts',
  enregistrements: 'saves',
  'envois sur linkedin': 'shares',
  'visiteurs du profil grâce à ce post': 'profileVisits',
  'clics sur le lien': 'clicks',
};

/** Labels LinkedIn shows that Postmeter deliberately does not record (no matching metric). */
export const ANALYTICS_SKIPPED = new Set(['followers gained from this post', 'followers gained', 'abonnés gagnés grâce à ce post']);

export const normLabel = (s: string | null | undefined): string =>
  (s ?? '').normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
