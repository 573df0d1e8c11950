// Which accounts are the user's: the ones marked on the options page, and the authors of posts read on an
// analytics page. Reach, clicks and profile visits are shown only to a post's author (X/LinkedIn/Instagram/
// Facebook/TikTok analytics, YouTube Studio), so a post carrying one of them was read on its author's own
// analytics page. Impressions alone do not count: X shows "Views" to everyone.
import type { Metrics, SiteId } from './types';

export const AUTHOR_ONLY_METRICS = ['reach', 'clicks', 'profileVisits'] as const;

export const accountKey = (site: SiteId, handle: string): string => `${site}:${handle}`;

/** Read on its author's analytics page (see above). */
export function isAnalyticsPost(post: { metrics: Metrics }): boolean {
  return AUTHOR_ONLY_METRICS.some((m) => post.metrics[m] !== undefined);
}

export interface OwnAccount {
  site: SiteId;
  handle: string;
  /** 'marked': the user said so (options); 'analytics': recognised from an analytics page. */
  source: 'marked' | 'analytics';
}

/**
 * The user's accounts, marked ones first, then recognised ones, each once. An account the user explicitly
 * unmarked (own: false on a stored account row that was marked before) is still recognised from analytics
 * pages: unmarking removes the mark, not the evidence. `accounts`: rows of the accounts store.
 */
export function ownAccountList(
  accounts: Iterable<{ site: SiteId; handle: string; own: boolean }>,
  posts: Iterable<{ site: SiteId; author?: string; metrics: Metrics }>,
): OwnAccount[] {
  const out = new Map<string, OwnAccount>();
  for (const a of accounts) if (a.own) out.set(accountKey(a.site, a.handle), { site: a.site, handle: a.handle, source: 'marked' });
  for (const p of posts) {
    if (!p.author || !isAnalyticsPost(p)) continue;
    const key = accountKey(p.site, p.author);
    if (!out.has(key)) out.set(key, { site: p.site, handle: p.author, source: 'analytics' });
  }
  return [...out.values()];
}
