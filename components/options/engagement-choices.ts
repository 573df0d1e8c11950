// Which counters each site can show that could count as engagement: the non-audience metrics its adapter reads
// (lib/sites/*, public pages and analytics pages alike). The options page offers these per site; the default
// set (lib/metrics.ts ENGAGEMENT_METRICS) is always among them.
import { AUDIENCE_METRICS, ENGAGEMENT_METRICS } from '@/lib/metrics';
import { METRICS, type Metric, type SiteId } from '@/lib/types';

const READ_BY_ADAPTER: Record<SiteId, Metric[]> = {
  x: ['likes', 'replies', 'reposts', 'quotes', 'bookmarks'],
  linkedin: ['likes', 'replies', 'reposts', 'saves', 'shares', 'clicks', 'profileVisits'],
  youtube: ['likes', 'replies', 'clicks'],
  instagram: ['likes', 'replies', 'shares', 'saves', 'profileVisits'],
  facebook: ['likes', 'replies', 'shares', 'clicks'],
  tiktok: ['likes', 'replies', 'shares', 'saves'],
  threads: ['likes', 'replies', 'reposts', 'quotes', 'shares'],
  bluesky: ['likes', 'replies', 'repostsAndQuotes', 'reposts', 'quotes', 'bookmarks'],
  reddit: ['likes', 'replies', 'shares'],
  mastodon: ['likes', 'replies', 'reposts', 'quotes'],
};

/** The site's choices in METRICS order, plus any metric `current` holds (so nothing set is ever hidden). */
export function engagementChoices(site: SiteId, current: readonly Metric[] = []): Metric[] {
  const wanted = new Set<Metric>([...READ_BY_ADAPTER[site], ...ENGAGEMENT_METRICS[site], ...current]);
  return METRICS.filter((m) => wanted.has(m) && !AUDIENCE_METRICS.includes(m));
}

/** Same members, any order. */
export const sameSet = (a: readonly Metric[], b: readonly Metric[]): boolean =>
  a.length === b.length && a.every((m) => b.includes(m));
