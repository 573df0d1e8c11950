// The site adapters Postmeter knows, and which one reads a given page.
import type { SiteAdapter } from '../types';
import { adapterMatches } from './match';
import { facebook } from './facebook';
import { instagram } from './instagram';
import { x } from './x';
import { linkedin } from './linkedin';
import { youtube } from './youtube';
import { reddit } from './reddit';
import { mastodon } from './mastodon';
import { bluesky } from './bluesky';
import { tiktok } from './tiktok';
import { threads } from './threads';

export type { Metric, Metrics, PostObservation, SiteAdapter, SiteId } from '../types';
export type { Count } from '../count';

export const adapters: SiteAdapter[] = [x, linkedin, reddit, youtube, mastodon, bluesky, instagram, threads, tiktok, facebook];

/** The adapter for a page, or undefined (also for a string that is not a URL). */
export function adapterFor(url: string | URL): SiteAdapter | undefined {
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return undefined;
  }
  return adapters.find((a) => adapterMatches(a, u));
}
