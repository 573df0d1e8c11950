// The generic observe → scan → batch loop, given a site adapter.
//
// What counts as an impression is a post actually on screen, so posts are read only while an
// IntersectionObserver says at least half of them (or half the viewport) is visible. Feeds recycle
// nodes (X moves one cellInnerDiv to another tweet), so a post's identity is re-read from its own
// links at every scan and never kept on the element. Work is coalesced to one flush per animation
// frame, and batches leave at most every `sendEveryMs`.
//
// When the extension is reloaded, updated or removed, the content script running this is orphaned: it can no
// longer reach the background (nor any extension API). `connected` tells the scanner so before every read and
// send; it then stops, and what it had read but not delivered counts as dropped (`dropped()`), so the loss is
// visible rather than silent.
import type { PostObservation, SiteAdapter } from './types';
import { postKey } from './types';

export interface ScannerOptions {
  adapter: SiteAdapter;
  document: Document;
  /** The page's current URL (it changes under SPA navigation). */
  getUrl: () => URL;
  /** Posts whose counts changed (or were first seen) while visible. */
  onBatch: (posts: PostObservation[]) => void;
  /** A visible post was (re-)read: render its badge. Called for every visible post on each read. */
  onRead?: (el: Element, post: PostObservation) => void;
  /** Post containers were found on screen, yet none gave a counter: the adapter may be out of date. */
  onHealth?: (health: ScanHealth) => void;
  /**
   * Whether batches can still reach the background (false once the extension was reloaded, updated or removed
   * under this page). Asked before every read and send; once false the scanner abandons itself. Default: always.
   */
  connected?: () => boolean;
  /** The number of observations read but never delivered grew to `total` (see Scanner.dropped). */
  onDropped?: (total: number) => void;
  sendEveryMs?: number;
  debug?: (...args: unknown[]) => void;
}

export interface ScanHealth {
  containers: number;
  withCounters: number;
}

export interface Scanner {
  /** Keys ("site:postId") this page has shown, most recent first. */
  seenKeys(): string[];
  health(): ScanHealth;
  /** Forget what was sent (SPA navigation to a new page keeps the scanner but restarts its memory). */
  reset(): void;
  /** Read and send now, without waiting for the batch timer (the page is being hidden or left). */
  flushNow(): void;
  /** Send the posts on screen at the next read even if unchanged (recording resumed: they were refused while paused). */
  resendVisible(): void;
  /** Stop reading and sending; what is still queued is discarded on purpose (the site was switched off). */
  stop(): void;
  /** The extension went away: stop, and count what is still queued as dropped. */
  abandon(): void;
  /** A batch given to onBatch never reached the background because the extension went away: count it as dropped. */
  lost(observations: number): void;
  /** Observations read but never delivered (queued when the scanner was abandoned, or reported lost). */
  dropped(): number;
}

const VISIBLE_RATIO = 0.5;

export function startScanner(opts: ScannerOptions): Scanner {
  const { adapter, document: doc, debug } = opts;
  const win = doc.defaultView!;
  const sendEveryMs = opts.sendEveryMs ?? 1000;

  const watched = new WeakSet<Element>();
  const visible = new Set<Element>();
  /** Last counts sent per key, serialised: an unchanged post is not sent again. */
  const sent = new Map<string, string>();
  const seen = new Map<string, number>();
  let outbox = new Map<string, PostObservation>();
  let frame = 0;
  let sendTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let abandoned = false;
  let dropped = 0;
  let containers = 0;
  let withCounters = 0;
  let lastHealth = '';
  let seq = 0;

  // Two observers decide "on screen": at least half the post is visible (onScreenShare), or the post
  // crosses the middle of the viewport (viewportMiddle) — a tweet taller than the screen never shows
  // half of itself, and ratio thresholds alone would never fire while scrolling through it.
  const half = new Set<Element>();
  const middle = new Set<Element>();
  const track = (set: Set<Element>, test: (e: IntersectionObserverEntry) => boolean) => (entries: IntersectionObserverEntry[]) => {
    for (const e of entries) {
      if (test(e)) set.add(e.target);
      else set.delete(e.target);
      if (half.has(e.target) || middle.has(e.target)) visible.add(e.target);
      else visible.delete(e.target);
    }
    schedule();
  };
  const onScreenShare = new win.IntersectionObserver(
    track(half, (e) => e.isIntersecting && e.intersectionRatio >= VISIBLE_RATIO),
    { threshold: [0, VISIBLE_RATIO] },
  );
  const viewportMiddle = new win.IntersectionObserver(
    track(middle, (e) => e.isIntersecting),
    { rootMargin: '-49% 0px -49% 0px', threshold: 0 },
  );

  // Named so the debug log says which observer fired when a site changes its DOM.
  const feedMutations = new win.MutationObserver(() => schedule());
  feedMutations.observe(doc.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['aria-label', 'href', 'datetime', ...(adapter.watchAttributes ?? [])],
  });

  function schedule(): void {
    if (stopped || frame) return;
    frame = win.requestAnimationFrame(flush);
  }

  /** Stopped, or abandoned just now because the extension is gone. */
  function halted(): boolean {
    if (!stopped && opts.connected?.() === false) abandon();
    return stopped;
  }

  function flush(): void {
    frame = 0;
    if (halted()) return;
    watchNewPosts();
    readVisible();
  }

  function watchNewPosts(): void {
    for (const el of doc.querySelectorAll(adapter.postSelector)) {
      if (watched.has(el)) continue;
      watched.add(el);
      onScreenShare.observe(el);
      viewportMiddle.observe(el);
    }
  }

  function readVisible(): void {
    const url = opts.getUrl();
    let found = 0;
    let counted = 0;
    for (const el of visible) {
      if (!el.isConnected) {
        visible.delete(el);
        half.delete(el);
        middle.delete(el);
        continue;
      }
      found++;
      const post = adapter.read(el, url);
      if (!post) continue;
      const hasCounters = Object.keys(post.metrics).length > 0;
      if (hasCounters) counted++;
      const key = postKey(post);
      seen.set(key, ++seq);
      opts.onRead?.(el, post);
      if (!hasCounters) continue; // nothing worth recording; health reports it
      const signature = JSON.stringify([post.metrics, post.author, post.url]);
      if (sent.get(key) === signature) continue;
      sent.set(key, signature);
      outbox.set(key, post);
    }
    if (found) {
      containers = found;
      withCounters = counted;
      const health = `${found}/${counted}`;
      if (health !== lastHealth) {
        lastHealth = health;
        opts.onHealth?.({ containers, withCounters });
      }
    }
    if (outbox.size && !sendTimer) sendTimer = setTimeout(sendBatch, sendEveryMs);
  }

  function sendBatch(): void {
    sendTimer = undefined;
    if (halted() || !outbox.size) return;
    const posts = [...outbox.values()];
    outbox = new Map();
    debug?.('batch', posts.length);
    opts.onBatch(posts);
  }

  function stop(): void {
    stopped = true;
    feedMutations.disconnect();
    onScreenShare.disconnect();
    viewportMiddle.disconnect();
    if (frame) win.cancelAnimationFrame(frame);
    if (sendTimer) clearTimeout(sendTimer);
    visible.clear();
    half.clear();
    middle.clear();
    outbox = new Map();
  }

  function countDropped(observations: number, why: string): void {
    if (observations <= 0) return;
    dropped += observations;
    debug?.('dropped', observations, why, 'total', dropped);
    opts.onDropped?.(dropped);
  }

  function abandon(): void {
    if (abandoned) return;
    abandoned = true;
    // After a stop on purpose (site switched off) the queue is already empty: discarded then, not lost now.
    const queued = outbox.size;
    stop();
    countDropped(queued, 'queued when the extension went away');
  }

  schedule();

  return {
    seenKeys: () => [...seen.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k),
    health: () => ({ containers, withCounters }),
    flushNow() {
      if (halted()) return;
      if (frame) win.cancelAnimationFrame(frame);
      flush();
      if (sendTimer) clearTimeout(sendTimer);
      sendBatch();
    },
    reset() {
      sendBatch();
      sent.clear();
      seen.clear();
      schedule();
    },
    resendVisible() {
      sent.clear();
      schedule();
    },
    stop,
    abandon,
    lost: (observations) => countDropped(observations, 'in flight when the extension went away'),
    dropped: () => dropped,
  };
}
