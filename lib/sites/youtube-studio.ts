// YouTube Studio, the user's own video's analytics (studio.youtube.com/video/<id>/analytics/tab-…): the key-metric
// cards' impressions, views, unique viewers (→ reach) and, where Studio shows it as a count, views from impressions
// (→ clicks). Selectors and where they come from: ./youtube-selectors.ts.
//
// Impressions click-through rate is views from impressions ÷ impressions. It is never turned into a click count:
// Studio prints it rounded ("4.5%"), so impressions × rate is not a count anyone saw. Clicks are recorded only from
// a block that shows the count itself; lib/metrics ctr() then recomputes the rate from the two counts.
import type { Count } from '../count';
import type { Metric } from '../types';
import { SELECTORS } from './youtube-selectors';
import { agree, bareCount } from './youtube-text';

/**
 * Block labels (English Studio; whitespace collapsed, case ignored) → the metric recorded. Labels in other UI
 * languages are not known from any saved page: such a Studio page reads no counter (and the popup says so).
 * `null`: a label we know and deliberately do not record.
 */
const LABELS: Record<string, Metric | null> = {
  impressions: 'impressions',
  'impressions click-through rate': null,
  views: 'views',
  'unique viewers': 'reach',
  'views from impressions': 'clicks',
};

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Every key-metric block of the page the card is on, read together: Studio splits a tab's metrics over one or more
 * cards, and each card read must give the video's whole set (the scanner keeps the last read per video).
 */
export function readStudioMetrics(card: Element, locale: string | undefined): Partial<Record<Metric, Count>> {
  const root: ParentNode = card.ownerDocument ?? card;
  const found = new Map<Metric, (Count | null)[]>();
  for (const block of Array.from(root.querySelectorAll(SELECTORS.studioBlock))) {
    const label = norm(block.querySelector(SELECTORS.studioLabel)?.textContent);
    if (!(label in LABELS)) continue;
    const metric = LABELS[label];
    if (!metric) continue;
    const total = block.querySelector(SELECTORS.studioTotal)?.textContent;
    const c = bareCount(total, locale);
    // A block that shows something unreadable for a counter makes that counter absent, not another block's value.
    found.set(metric, [...(found.get(metric) ?? []), c]);
  }
  const out: Partial<Record<Metric, Count>> = {};
  for (const [metric, counts] of found) {
    if (counts.some((c) => c === null)) continue;
    const c = agree(counts);
    if (c) out[metric] = c;
  }
  return out;
}
