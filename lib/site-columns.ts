// Which counters a post row shows, and what each site calls them. A row shows its site's usual
// counters (absent ones as "—", so a missing number is visible as missing) plus any other it has.
import { METRICS, type Metric, type SiteId } from './types';

// Counters only the author's analytics show (impressions, reach, clicks) join a row when its post has them.
export const SITE_COLUMNS: Record<SiteId, Metric[]> = {
  x: ['impressions', 'likes', 'replies', 'reposts', 'bookmarks'],
  youtube: ['views', 'likes', 'replies'],
  reddit: ['likes', 'replies'],
  bluesky: ['likes', 'replies', 'repostsAndQuotes'],
  mastodon: ['likes', 'reposts', 'replies'],
  linkedin: ['likes', 'replies', 'reposts'],
  instagram: ['likes', 'replies'],
  facebook: ['likes', 'replies', 'shares'],
  tiktok: ['views', 'likes', 'replies', 'shares', 'saves'],
  threads: ['likes', 'replies', 'reposts'],
};

const LABELS: Record<Metric, string> = {
  impressions: 'Impr.',
  views: 'Views',
  reach: 'Reach',
  likes: 'Likes',
  replies: 'Replies',
  reposts: 'Reposts',
  quotes: 'Quotes',
  bookmarks: 'Bkm.',
  saves: 'Saves',
  shares: 'Shares',
  clicks: 'Clicks',
  profileVisits: 'Profile',
  followers: 'Followers',
  repostsAndQuotes: 'Rp+Q',
};

/** The site's own words where they differ (Reddit's score, Mastodon's boosts and favourites). Bluesky's reposts and
 * quotes are the thread page's split figures; its visible repost count is repostsAndQuotes (lib/sites/bluesky.ts). */
const SITE_LABELS: Partial<Record<SiteId, Partial<Record<Metric, string>>>> = {
  reddit: { likes: 'Score', replies: 'Comments', impressions: 'Views' },
  // Mastodon's boost counter includes quotes (since quote posts, mastodon PR #35832): reposts = boosts + quotes.
  mastodon: { likes: 'Favs', reposts: 'Boosts+quotes' },
  linkedin: { likes: 'Reactions', replies: 'Comments', reach: 'Reached', shares: 'Sends' },
  // These sites call times-shown "Views"; Postmeter stores them as impressions (metrics.md).
  instagram: { impressions: 'Views', replies: 'Comments', reach: 'Reached' },
  facebook: { impressions: 'Views', likes: 'Reactions', replies: 'Comments', reach: 'Viewers' },
  threads: { impressions: 'Views' },
  tiktok: { impressions: 'Video views', replies: 'Comments', reach: 'Reached' },
  youtube: { replies: 'Comments' },
  bluesky: { repostsAndQuotes: 'Reposts+quotes' },
};

export function columnsFor(site: SiteId, present: Iterable<string>): { metric: Metric; label: string }[] {
  const have = new Set(present);
  const wanted = new Set<Metric>([...(SITE_COLUMNS[site] ?? []), ...METRICS.filter((m) => have.has(m))]);
  return METRICS.filter((m) => wanted.has(m)).map((metric) => ({ metric, label: SITE_LABELS[site]?.[metric] ?? LABELS[metric] }));
}
