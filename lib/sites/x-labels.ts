// Reading X's aria labels: the action bar's summary ("102 replies, 99 reposts, Reposted, 894 likes, 85 bookmarks,
// 116524 views") and each button's own label ("48 Replies. Reply", "2195266 views. View post analytics").
// See ../../../shared/reference/dom-anchors.md §1.1.
import { exactCount, parseCount, type Count } from '../count';
import type { Metric } from '../types';

/** The counters X shows on a tweet. X's "views" are impressions. */
export const X_COUNTERS = ['replies', 'reposts', 'likes', 'bookmarks', 'impressions'] as const;
export type XCounter = (typeof X_COUNTERS)[number];

/** No tweet has been seen this often; a larger number is a garbled label, not a count. */
export const MAX_PLAUSIBLE = 1e12;

/** English keywords of the summary label, singular and plural (older builds said "Retweets"). */
const KEYWORDS: Record<string, XCounter> = {
  reply: 'replies',
  replies: 'replies',
  repost: 'reposts',
  reposts: 'reposts',
  retweet: 'reposts',
  retweets: 'reposts',
  like: 'likes',
  likes: 'likes',
  bookmark: 'bookmarks',
  bookmarks: 'bookmarks',
  view: 'impressions',
  views: 'impressions',
};
/** The viewer's own state, interleaved in the summary; carries no number. */
const STATE_TOKEN = /^(reposted|retweeted|liked|bookmarked)$/i;


export interface GroupReading {
  /** Counters the label states. */
  values: Partial<Record<XCounter, number>>;
  /** Counters the label mentions but garbles: they must come out absent. */
  bad: Set<XCounter>;
  /** Every part was understood (or the label is ""), so a counter it omits is 0. */
  complete: boolean;
}

/** Parse the summary label of the action bar. `null` (no attribute) reads as nothing known. */
export function parseGroupLabel(label: string | null): GroupReading {
  const reading: GroupReading = { values: {}, bad: new Set(), complete: label !== null };
  if (label === null || label.trim() === '') return reading;
  for (const raw of label.trim().split(/\s*,\s+/)) {
    const part = raw.trim();
    if (STATE_TOKEN.test(part)) continue;
    const m = /^(\S+)\s+([A-Za-z]+)$/.exec(part);
    const metric = m ? KEYWORDS[m[2]!.toLowerCase()] : undefined;
    if (m && metric) {
      const c = parseCount(m[1]!);
      if (c?.exact && c.value <= MAX_PLAUSIBLE && !(metric in reading.values)) {
        reading.values[metric] = c.value;
        continue;
      }
      reading.bad.add(metric);
    }
    // Not understood: no omitted zeros, and a metric it names is garbled.
    reading.complete = false;
    for (const word of part.toLowerCase().match(/[a-z]+/g) ?? []) {
      const named = KEYWORDS[word];
      if (named) reading.bad.add(named);
    }
  }
  return reading;
}

/**
 * The full number in a button or link label, in any language ("48 件の返信。返信する"): 'none' when the label has
 * no digits ("Bookmark", "View post analytics"), 'bad' when its digits are not one plausible whole count.
 */
export function labelNumber(label: string | null, locale?: string): Count | 'none' | 'bad' {
  if (label === null || !/\p{Nd}/u.test(label)) return 'none';
  const c = parseCount(label, locale);
  return c?.exact && c.value <= MAX_PLAUSIBLE ? c : 'bad';
}

/**
 * Evidence for each counter from several sources. Aria numbers must agree or the counter is absent; visible text is
 * only a fallback. A zero inferred from an omission yields to visible text that shows a number.
 *
 * Visible text may be given as a function: it is then read only for a counter no aria label states, the only case
 * where it can change the outcome. Reading it costs queries inside each button, on every tweet a feed shows, and the
 * action bar's summary usually states every counter.
 */
export class Evidence {
  private aria = new Map<XCounter, Count[]>();
  private stated = new Set<XCounter>();
  private shown = new Map<XCounter, (Count | (() => Count | null))[]>();
  private garbled = new Set<XCounter>();

  exact(metric: XCounter, c: Count): void {
    this.aria.set(metric, [...(this.aria.get(metric) ?? []), c]);
    this.stated.add(metric);
  }
  /** 0 because a readable summary omits the counter (or the analytics link has no number). */
  omitted(metric: XCounter): void {
    this.aria.set(metric, [...(this.aria.get(metric) ?? []), exactCount(0)]);
  }
  visible(metric: XCounter, c: Count | null | (() => Count | null)): void {
    if (c) this.shown.set(metric, [...(this.shown.get(metric) ?? []), c]);
  }
  bad(metric: XCounter): void {
    this.garbled.add(metric);
  }
  private shownCounts(metric: XCounter): Count[] | undefined {
    const shown = this.shown.get(metric);
    if (!shown) return undefined;
    const counts: Count[] = [];
    for (const c of shown) {
      const read = typeof c === 'function' ? c() : c;
      if (read) counts.push(read);
    }
    return counts.length ? counts : undefined;
  }
  resolve(): Partial<Record<Metric, Count>> {
    const out: Partial<Record<Metric, Count>> = {};
    for (const metric of X_COUNTERS) {
      if (this.garbled.has(metric)) continue;
      if (this.stated.has(metric)) {
        // Stated by a label: visible text cannot change it (the labels agree, or the counter is absent).
        const c = agreed(this.aria.get(metric));
        if (c) out[metric] = c;
        continue;
      }
      const shown = this.shownCounts(metric);
      if (this.aria.has(metric) && shown?.some((c) => c.min > 0)) continue;
      const c = agreed(this.aria.get(metric)) ?? (this.aria.has(metric) ? undefined : agreed(shown));
      if (c) out[metric] = c;
    }
    return out;
  }
}

/** The one count all sources agree on, or undefined when there is none or they contradict each other. */
function agreed(counts: Count[] | undefined): Count | undefined {
  const first = counts?.[0];
  if (!first) return undefined;
  return counts.every((c) => c.min === first.min && c.max === first.max) ? first : undefined;
}
