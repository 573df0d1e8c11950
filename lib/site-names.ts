// The sites' own names, for every page that names a site. Brand names: the same in every language, so not in the
// locale files.
import type { SiteId } from './types';

export const SITE_NAMES: Readonly<Record<SiteId, string>> = {
  x: 'X',
  linkedin: 'LinkedIn',
  youtube: 'YouTube',
  instagram: 'Instagram',
  facebook: 'Facebook',
  tiktok: 'TikTok',
  threads: 'Threads',
  bluesky: 'Bluesky',
  reddit: 'Reddit',
  mastodon: 'Mastodon',
};

/** A site's name; an unknown id (an old backup, a future site) as itself. */
export const siteName = (site: SiteId): string => SITE_NAMES[site] ?? site;
