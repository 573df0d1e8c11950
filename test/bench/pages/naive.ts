// In-page side of scan.bench.ts: the naive scanner Postmeter is compared with — the pattern most stat-overlay
// extensions use. One MutationObserver on the whole document; on every callback, every tweet in the document is
// queried again and read again with Postmeter's own X adapter (lib/sites/x.ts). No visibility tracking, no badges,
// no messaging: the comparison favours it. Evaluated with its own sourceURL so the trace can attribute its time.
import { x } from '../../../lib/sites/x';

let started = false;
const ids = new Set<string>();
let callbacks = 0;
let reads = 0;

export function startNaive(): void {
  if (started) return;
  started = true;
  const url = new URL(location.href);
  new MutationObserver(() => {
    callbacks++;
    for (const el of document.querySelectorAll(x.postSelector)) {
      const post = x.read(el, url);
      reads++;
      if (post && Object.keys(post.metrics).length > 0) ids.add(post.postId);
    }
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true });
}

/** What it did: distinct tweets read with counters, callbacks, reads. */
export function naiveStats(): { posts: number; callbacks: number; reads: number } {
  return { posts: ids.size, callbacks, reads };
}
