// Whether an adapter reads a page, for the registry (./index.ts) and for the per-site content scripts, which
// import their own adapter only and so cannot go through the registry.
import type { SiteAdapter } from '../types';

/** `adapter.matches` for a URL or its text; a string that is not a URL, or a throwing `matches`, is a no. */
export function adapterMatches(adapter: SiteAdapter, url: string | URL): boolean {
  try {
    return adapter.matches(typeof url === 'string' ? new URL(url) : url);
  } catch {
    return false;
  }
}
