// The generic observe → scan → batch loop, given a site adapter.
//
// What counts as an impression is a post actually on screen, so posts are read only once an
// IntersectionObserver says at least half of them (or half the viewport) is visible. Feeds recycle
// nodes (X moves one cellInnerDiv to another tweet), so a post's identity is re-read from its own
// links at every read and never kept on the element. Work is coalesced to one flush every FRAMES_PER_FLUSH
// animation frames (a post leaving the screen before then is read as it leaves), and batches leave at most every
// `sendEveryMs`. The flush runs in a task of its own just after a frame (animation frames, then a zero timeout), not
// among the frame's rAF callbacks: a heavy page frame and the scanner's work never add up to one long task.
//
// The cost of a frame follows what changed, not how long the feed is (a Reddit or YouTube page keeps thousands of
// posts): new post elements come from the MutationObserver's added nodes (the whole document is queried only at
// the start and after SPA navigation), and a visible post is read again only when it has just come on screen or a
// mutation happened inside it (its attributes, text, children: a recycled cell gets its new tweet that way). The
// extension's own badge hosts (<postmeter-*>) going into a post are not a change of the post.
// Before the first read, parseCount's tables are built in short tasks (warm()), not in one long one inside it.
//
// When the extension is reloaded, updated or removed, the content script running this is orphaned: it can no
// longer reach the background (nor any extension API). `connected` tells the scanner so before every read and
// send; it then stops, and what it had read but not delivered counts as dropped (`dropped()`), so the loss is
// visible rather than silent.
import { parseCountReady, warmParseCount } from './count';
import { setRecent } from './recent';
import type { Metric, PostObservation, SiteAdapter } from './types';
import { postKey } from './types';

export interface ScannerOptions {
  adapter: SiteAdapter;
  document: Document;
  /** The page's current URL (it changes under SPA navigation). */
  getUrl: () => URL;
  /** Posts whose counts changed (or were first seen) while visible. */
  onBatch: (posts: PostObservation[]) => void;
  /**
   * Posts were (re-)read, each when it came on screen and whenever it changed there: render their badges. All the
   * posts one flush read, in one call.
   */
  onRead?: (reads: ReadPost[]) => void;
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
  /** How many posts' last sent readings are remembered (SENT_KEPT; tests set fewer). */
  sentKept?: number;
  debug?: (...args: unknown[]) => void;
}

/** A post element, and what its read gave. */
export interface ReadPost {
  el: Element;
  post: PostObservation;
}

export interface ScanHealth {
  containers: number;
  withCounters: number;
}

export interface Scanner {
  /** Keys ("site:postId") this page has shown, most recent first; the `limit` most recent when given. */
  seenKeys(limit?: number): string[];
  /** How many distinct posts this page has shown. */
  seenCount(): number;
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
/**
 * Frames between a change and the flush that reads it (about 33 ms at 60 Hz). Every flush has a cost of its own
 * (the mutations to sort, the health count, the reading code run cold after the page's work in the frame), so
 * two frames' posts are read together: about 15 % less main-thread time per post on a fast-scrolled X feed than a
 * flush per frame, and no less with three or more (docs/performance.md). A post that leaves the screen before
 * its flush is read at once, while the page still holds it (track()).
 */
const FRAMES_PER_FLUSH = 2;
/** Watched posts up to which removals are swept at every flush, and how often beyond that (sweepRemoved). */
const SWEEP_EVERY_FLUSH_UP_TO = 256;
const SWEEP_MS = 1000;
/**
 * Posts whose last sent reading is remembered, the most recently sent: a feed scrolled for hours shows tens of
 * thousands, and each reading kept costs a few hundred bytes. A post forgotten here and read again unchanged is sent
 * again, which only moves its lastSeen in the store (an equal reading adds no snapshot).
 */
const SENT_KEPT = 2_000;
/** Longest piece of parseCount's table building per task before the first read (see warm()). */
const WARM_SLICE_MS = 6;

/** What a post was last sent with: a read that gives the same again sends nothing. */
type SentPost = Pick<PostObservation, 'metrics' | 'author' | 'url'>;

function sameAsSent(last: SentPost, post: PostObservation): boolean {
  if (last.author !== post.author || last.url !== post.url) return false;
  const before = last.metrics;
  const now = post.metrics;
  let n = 0;
  for (const metric in now) {
    const a = before[metric as Metric];
    const b = now[metric as Metric];
    n++;
    if (a === b) continue; // the same reading, or both absent
    if (!a || !b || a.value !== b.value || a.min !== b.min || a.max !== b.max || a.exact !== b.exact) return false;
  }
  return n === Object.keys(before).length;
}

/** Did the read give any counter? (Without an array of the keys: asked twice for every read.) */
function hasMetrics(post: PostObservation): boolean {
  for (const _ in post.metrics) return true;
  return false;
}

/** Elements the extension itself puts in the page (the badge hosts): adding one is not a change of the post. */
const isOwnNode = (n: Node): boolean => n.nodeType === 1 && (n as Element).localName.startsWith('postmeter-');

export function startScanner(opts: ScannerOptions): Scanner {
  const { adapter, document: doc, debug } = opts;
  const win = doc.defaultView!;
  const sendEveryMs = opts.sendEveryMs ?? 1000;
  const selector = adapter.postSelector;

  /**
   * The posts observed. Held until a sweep finds them out of the document (sweepRemoved): that costs a look at
   * each watched post instead of a query of every removed subtree, whose nodes the extension never touched.
   */
  const watched = new Set<Element>();
  let removals = false;
  let sweptAt = -Infinity;
  const visible = new Set<Element>();
  /** Visible posts to read at the next flush: they just became visible, or a mutation touched them. */
  const dirty = new Set<Element>();
  /** Whether a visible post's last read gave counters (for health). */
  const counted = new WeakMap<Element, boolean>();
  /** What was last sent per key, least recently sent first, at most sentKept: an unchanged post is not sent again. */
  const sent = new Map<string, SentPost>();
  const sentKept = opts.sentKept ?? SENT_KEPT;
  /** Keys this page has shown, least recently read first (a read moves its key to the end). */
  const seen = new Set<string>();
  let outbox = new Map<string, PostObservation>();
  /** A flush is scheduled: waiting for a frame (`framesLeft` more), or for the task just after the last one. */
  let frame = 0;
  let framesLeft = 0;
  let afterFrame: number | undefined;
  let sendTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let abandoned = false;
  let dropped = 0;
  let containers = 0;
  let withCounters = 0;
  let lastHealth = '';
  /** parseCount's tables are built (reads wait for that: see warm()). */
  let countReady = parseCountReady();
  let warming = false;
  /** Query the whole document for posts at the next flush (at the start, and after SPA navigation). */
  let fullScan = true;
  /** Visibility changed since the last health count. */
  let visibilityChanged = false;
  // What mutations brought since the last flush: nodes added and removed, and the nodes they touched.
  let added: Node[] = [];
  let touched = new Set<Node>();

  // Two observers decide "on screen": at least half the post is visible (onScreenShare), or the post
  // crosses the middle of the viewport (viewportMiddle) — a tweet taller than the screen never shows
  // half of itself, and ratio thresholds alone would never fire while scrolling through it.
  const half = new Set<Element>();
  const middle = new Set<Element>();
  const track = (set: Set<Element>, test: (e: IntersectionObserverEntry) => boolean) => (entries: IntersectionObserverEntry[]) => {
    const leaving: Element[] = [];
    for (const e of entries) {
      const el = e.target;
      if (test(e)) set.add(el);
      else set.delete(el);
      if (half.has(el) || middle.has(el)) {
        if (!visible.has(el)) {
          visible.add(el);
          dirty.add(el); // just came on screen: read it
          visibilityChanged = true;
        }
      } else if (visible.delete(el)) {
        visibilityChanged = true;
        // Not read yet, and the page may recycle it by the next frame: it was on screen, so it is read now.
        if (dirty.has(el)) leaving.push(el);
      }
    }
    if (leaving.length && countReady && !halted()) readPosts(leaving);
    schedule();
  };
  const onScreenShare = new win.IntersectionObserver(
    track(half, (e) => e.isIntersecting && e.intersectionRatio >= VISIBLE_RATIO),
    { threshold: VISIBLE_RATIO }, // crossings of half only: nothing is decided at 0, and each entry costs
  );
  const viewportMiddle = new win.IntersectionObserver(
    track(middle, (e) => e.isIntersecting),
    { rootMargin: '-49% 0px -49% 0px', threshold: 0 },
  );

  // Named so the debug log says which observer fired when a site changes its DOM. Records are only collected
  // here; the flush works out which posts they concern, once per frame.
  const feedMutations = new win.MutationObserver((records) => {
    if (collect(records)) schedule();
  });
  const observeFeed = () =>
    feedMutations.observe(doc.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['aria-label', 'href', 'datetime', ...(adapter.watchAttributes ?? [])],
    });
  observeFeed();

  /** Keeps what the records bring for the next flush; false when they are only the extension's own badges. */
  function collect(records: MutationRecord[]): boolean {
    let any = false;
    for (const r of records) {
      if (r.type === 'childList') {
        const adds = r.addedNodes;
        const removes = r.removedNodes;
        let own = removes.length === 0;
        for (let i = 0; own && i < adds.length; i++) own = isOwnNode(adds[i]!);
        if (own) continue; // a badge host put after a post's anchor
        for (let i = 0; i < adds.length; i++) added.push(adds[i]!);
        if (removes.length) removals = true;
      } else if (isOwnNode(r.target)) continue;
      touched.add(r.target);
      any = true;
    }
    return any;
  }

  function watch(el: Element): void {
    if (watched.has(el)) return;
    watched.add(el);
    onScreenShare.observe(el);
    viewportMiddle.observe(el);
    if (!countReady) warm();
  }

  /**
   * The first read needs parseCount's tables for every supported locale (tens of ms to build from Intl: one long
   * task if the first read built them). Once the page shows a post, they are built in short tasks, and reads wait
   * for them (a fraction of a second, once per page).
   */
  function warm(): void {
    if (warming || countReady) return;
    warming = true;
    const step = () => {
      if (stopped) return;
      if (warmParseCount(WARM_SLICE_MS)) {
        countReady = true;
        warming = false;
        schedule();
      } else setTimeout(step, 0);
    };
    setTimeout(step, 0);
  }

  function forget(el: Element): void {
    watched.delete(el);
    onScreenShare.unobserve(el);
    viewportMiddle.unobserve(el);
    if (visible.delete(el)) visibilityChanged = true;
    half.delete(el);
    middle.delete(el);
    dirty.delete(el);
  }

  /**
   * Forgets the watched posts no longer in the document (a moved post is still in it: it stays). A feed that keeps
   * thousands of posts and removes a few now and then is swept at most once a second; a recycling one (a few dozen
   * posts watched at a time) at every flush after removals.
   */
  function sweepRemoved(): void {
    const now = win.performance.now();
    if (watched.size > SWEEP_EVERY_FLUSH_UP_TO && now - sweptAt < SWEEP_MS) return; // removals stays set: a later flush
    removals = false;
    sweptAt = now;
    for (const p of watched) if (!p.isConnected) forget(p);
  }

  /** Each post element in the subtree (the root included). */
  function postsIn(el: Element, each: (post: Element) => void): void {
    if (el.matches(selector)) each(el);
    if (el.firstElementChild) for (const p of el.querySelectorAll(selector)) each(p);
  }

  /**
   * Turns the collected mutations into posts: removed posts are no longer observed, added ones are; a post a
   * mutation happened in (its attributes, its text, nodes added to or removed from it — a recycled cell gets its
   * new tweet that way) is read again if it is on screen. An element that became a post by a change inside it
   * (a selector with :has()) is found the same way, from the mutation's target up.
   */
  function takeMutations(): void {
    const pending = feedMutations.takeRecords();
    if (pending.length) collect(pending);
    if (removals) sweepRemoved();
    if (added.length) {
      const fresh = added;
      added = [];
      for (const n of fresh) {
        if (n.nodeType !== 1 || !n.isConnected || isOwnNode(n)) continue;
        postsIn(n as Element, (p) => {
          watch(p);
          if (visible.has(p)) dirty.add(p);
        });
      }
    }
    if (touched.size) {
      const targets = touched;
      touched = new Set();
      for (const t of targets) {
        const el = t.nodeType === 1 ? (t as Element) : t.parentElement;
        if (!el || !el.isConnected) continue;
        for (let p = el.closest(selector); p; p = p.parentElement?.closest(selector) ?? null) {
          watch(p);
          if (visible.has(p)) dirty.add(p);
        }
      }
    }
  }

  /** A flush after FRAMES_PER_FLUSH frames, unless one is already on its way. */
  function schedule(): void {
    if (stopped || frame || afterFrame) return;
    framesLeft = FRAMES_PER_FLUSH;
    frame = win.requestAnimationFrame(nextFrame);
  }

  function nextFrame(): void {
    if (--framesLeft > 0) {
      frame = win.requestAnimationFrame(nextFrame);
      return;
    }
    frame = 0;
    afterFrame = win.setTimeout(flush, 0);
  }

  function cancelFlush(): void {
    if (frame) win.cancelAnimationFrame(frame);
    if (afterFrame) win.clearTimeout(afterFrame);
    frame = 0;
    afterFrame = undefined;
  }

  /** Stopped, or abandoned just now because the extension is gone. */
  function halted(): boolean {
    if (!stopped && opts.connected?.() === false) abandon();
    return stopped;
  }

  function flush(): void {
    cancelFlush(); // when called directly (flushNow), the scheduled one is not needed any more
    if (halted()) return;
    takeMutations();
    if (fullScan) {
      fullScan = false;
      for (const el of doc.querySelectorAll(selector)) watch(el);
    }
    if (countReady) readDirty(); // else warm() schedules a flush once the tables are built
  }

  /** Reads posts that came on screen or changed there (dirty ones), and queues what changed for the next batch. */
  function readPosts(posts: Element[]): void {
    const url = opts.getUrl();
    // All reads first, then all badges, then what to send: each step's code runs for every post in turn (a flush
    // reads several), and the badges' writes to the page come after every read of it.
    const read: ReadPost[] = [];
    for (const el of posts) {
      dirty.delete(el);
      if (!el.isConnected) {
        forget(el);
        continue;
      }
      const post = adapter.read(el, url);
      const hasCounters = !!post && hasMetrics(post);
      if (counted.get(el) !== hasCounters) visibilityChanged = true;
      counted.set(el, hasCounters);
      if (post) read.push({ el, post });
    }
    if (read.length && opts.onRead) {
      // The badges go in unobserved: a record per badge, made and then skipped, cost more than leaving and taking up
      // the observation once. The page's records so far are kept first; no page code runs until it is taken up again.
      const pending = feedMutations.takeRecords();
      feedMutations.disconnect();
      try {
        opts.onRead(read);
      } finally {
        if (!stopped) observeFeed();
      }
      if (pending.length && collect(pending)) schedule();
    }
    for (const { post } of read) {
      const key = postKey(post);
      seen.delete(key);
      seen.add(key);
      if (!hasMetrics(post)) continue; // nothing worth recording; health reports it
      const last = sent.get(key);
      if (last && sameAsSent(last, post)) continue;
      setRecent(sent, key, { metrics: post.metrics, author: post.author, url: post.url }, sentKept);
      outbox.set(key, post);
    }
    if (outbox.size && !sendTimer) sendTimer = setTimeout(sendBatch, sendEveryMs);
  }

  /** Reads the posts that need it; then health over every visible post. */
  function readDirty(): void {
    if (dirty.size) readPosts([...dirty]);
    if (visibilityChanged) {
      visibilityChanged = false;
      let found = 0;
      let withCount = 0;
      for (const el of visible) {
        if (!el.isConnected) {
          forget(el);
          continue;
        }
        found++;
        if (counted.get(el)) withCount++;
      }
      if (found) {
        containers = found;
        withCounters = withCount;
        const health = `${found}/${withCount}`;
        if (health !== lastHealth) {
          lastHealth = health;
          opts.onHealth?.({ containers, withCounters });
        }
      }
    }
  }

  /** Every post on screen is read at the next flush (recording resumed, SPA navigation). */
  function rereadVisible(): void {
    for (const el of visible) dirty.add(el);
    schedule();
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
    cancelFlush();
    if (sendTimer) clearTimeout(sendTimer);
    visible.clear();
    half.clear();
    middle.clear();
    dirty.clear();
    added = [];
    removals = false;
    watched.clear();
    touched = new Set();
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
    seenKeys: (limit = Infinity) => {
      const keys = [...seen];
      const recent: string[] = [];
      for (let i = keys.length - 1; i >= 0 && recent.length < limit; i--) recent.push(keys[i]!);
      return recent;
    },
    seenCount: () => seen.size,
    health: () => ({ containers, withCounters }),
    flushNow() {
      if (halted()) return;
      cancelFlush();
      if (!countReady) countReady = warmParseCount(Infinity); // the page is going: read now
      flush();
      if (sendTimer) clearTimeout(sendTimer);
      sendBatch();
    },
    reset() {
      sendBatch();
      sent.clear();
      seen.clear();
      fullScan = true;
      rereadVisible();
    },
    resendVisible() {
      sent.clear();
      rereadVisible();
    },
    stop,
    abandon,
    lost: (observations) => countDropped(observations, 'in flight when the extension went away'),
    dropped: () => dropped,
  };
}
