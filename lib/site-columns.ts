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

/** The words a count can be labelled with, in English; the UI shows them through its locale files by id. */
export const COUNT_LABELS = {
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
  score: 'Score',
  comments: 'Comments',
  favs: 'Favs',
  boostsAndQuotes: 'Boosts+quotes',
  reactions: 'Reactions',
  reached: 'Reached',
  sends: 'Sends',
  viewers: 'Viewers',
  videoViews: 'Video views',
  repostsPlusQuotes: 'Reposts+quotes',
} as const;
export type CountLabelId = keyof typeof COUNT_LABELS;

/** The site's own words where they differ (Reddit's score, Mastodon's boosts and favourites). Bluesky's reposts and
 * quotes are the thread page's split figures; its visible repost count is repostsAndQuotes (lib/sites/bluesky.ts). */
const SITE_LABELS: Partial<Record<SiteId, Partial<Record<Metric, CountLabelId>>>> = {
  reddit: { likes: 'score', replies: 'comments', impressions: 'views' },
  // Mastodon's boost counter includes quotes (since quote posts, mastodon PR #35832): reposts = boosts + quotes.
  mastodon: { likes: 'favs', reposts: 'boostsAndQuotes' },
  linkedin: { likes: 'reactions', replies: 'comments', reach: 'reached', shares: 'sends' },
  // These sites call times-shown "Views"; Postmeter stores them as impressions (metrics.md).
  instagram: { impressions: 'views', replies: 'comments', reach: 'reached' },
  facebook: { impressions: 'views', likes: 'reactions', replies: 'comments', reach: 'viewers' },
  threads: { impressions: 'views' },
  tiktok: { impressions: 'videoViews', replies: 'comments', reach: 'reached' },
  youtube: { replies: 'comments' },
  bluesky: { repostsAndQuotes: 'repostsPlusQuotes' },
};

/** The columns a row of this site shows: each metric with the id of its label and the English label. */
export function columnsFor(site: SiteId, present: Iterable<string>): { metric: Metric; labelId: CountLabelId; label: string }[] {
  const have = new Set(present);
  const wanted = new Set<Metric>([...(SITE_COLUMNS[site] ?? []), ...METRICS.filter((m) => have.has(m))]);
  return METRICS.filter((m) => wanted.has(m)).map((metric) => {
    const labelId: CountLabelId = SITE_LABELS[site]?.[metric] ?? metric;
    return { metric, labelId, label: COUNT_LABELS[labelId] };
  });
}
