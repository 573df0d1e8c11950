// Host match patterns of the ten supported sites. The manifest's host_permissions and each site's content
// script's `matches` (entrypoints/<site>.content.ts) come from here, so a site is added in one place.
// Mastodon runs on any instance: mastodon.social works out of the box; users grant other instances at
// runtime from the options page (optional host permission + a registered content script).
export const SITE_MATCHES = {
  x: ['https://x.com/*', 'https://twitter.com/*', 'https://mobile.x.com/*'],
  linkedin: ['https://www.linkedin.com/*'],
  youtube: ['https://www.youtube.com/*', 'https://m.youtube.com/*', 'https://studio.youtube.com/*'],
  instagram: ['https://www.instagram.com/*'],
  facebook: ['https://www.facebook.com/*', 'https://web.facebook.com/*'],
  tiktok: ['https://www.tiktok.com/*'],
  threads: ['https://www.threads.com/*', 'https://www.threads.net/*'],
  bluesky: ['https://bsky.app/*'],
  reddit: ['https://www.reddit.com/*', 'https://old.reddit.com/*'],
  mastodon: ['https://mastodon.social/*'],
} as const;

export const HOST_PERMISSIONS: string[] = Object.values(SITE_MATCHES).flat();

export type SiteWithHosts = keyof typeof SITE_MATCHES;

/** The `matches` of one site's content script: that site's hosts only. */
export const siteMatches = (site: SiteWithHosts): string[] => [...SITE_MATCHES[site]];
