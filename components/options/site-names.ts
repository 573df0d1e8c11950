// The sites' own names. Brand names: the same in every language, so not in the locale files.
import type { SiteId } from '@/lib/types';

export const SITE_NAMES: Record<SiteId, string> = {
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
