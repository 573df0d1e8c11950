// The site adapters Postmeter knows, and which one reads a given page.
import type { SiteAdapter } from '../types';
import { x } from './x';
import { youtube } from './youtube';
import { reddit } from './reddit';
import { mastodon } from './mastodon';
import { bluesky } from './bluesky';

export type { Metric, Metrics, PostObservation, SiteAdapter, SiteId } from '../types';
export type { Count } from '../count';

export const adapters: SiteAdapter[] = [x, reddit, youtube, mastodon, bluesky];

/** The adapter for a page, or undefined (also for a string that is not a URL). */
export function adapterFor(url: string | URL): SiteAdapter | undefined {
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return undefined;
  }
  return adapters.find((a) => {
    try {
      return a.matches(u);
    } catch {
      return false;
    }
  });
}
