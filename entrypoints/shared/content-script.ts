// What every site's content script does (entrypoints/<site>.content.ts): runs the scanner with the site's adapter,
// sends batches to the background and draws badges. One script per site, each bundling only its own adapter, so a
// page loads the code for its site alone. Content scripts never open IndexedDB (theirs would be the site's own
// database). Follows the preferences at once: a site switched off in the options stops scanning and loses its
// badges, switched on again it starts over; badge figures, basis and engagement sets redraw the badges already shown.
//
// Orphaned (the extension reloaded, updated or removed under an open page): Chromium leaves this script running
// but takes every extension API away, and does not inject the new version into open tabs. The script notices
// (ctx.isValid, asked before each read and send and every LIVENESS_MS), stops its scanner, removes its badges and
// counts the observations it could no longer deliver: DROPPED_ATTRIBUTE. Reloading the page runs the new version.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { SiteAdapter } from '@/lib/types';
import { pauseReason, recordingState } from '../background/recording';
import { adapterMatches } from '@/lib/sites/match';
import { startScanner, type ReadPost, type Scanner } from '@/lib/scanner';
import { badgeFigures, type Figure, type FigureOptions } from '@/lib/figures';
import { siteEnabled, type Preferences } from '@/lib/preferences';
import { postKey, type PostObservation } from '@/lib/types';
import { setRecent } from '@/lib/recent';
import type { Message, ObserveReply, PriorState, TabPostsReply } from '@/lib/messages';
import { createBadgeLayer } from '@/components/badge-layer';
import { figureWords } from '@/components/figure-words';
import { uiLocale } from '@/components/i18n';
import { getPreferences, watchPreferences } from './preferences';
import { loadCountTables, saveCountTables } from './count-tables';

/** How often an idle page checks whether the extension is still there (a property read: cheap). */
const LIVENESS_MS = 1000;
/**
 * On <html>, set only once something was dropped: how many observations this page read but could not deliver
 * because the extension went away. A DOM attribute because it must outlive the extension: the script's own state
 * is unreachable from outside its isolated world, and with every extension API gone there is nowhere else to put
 * it; the page's DOM is what devtools and the browser tests can read. Absent when nothing was lost, so a page
 * that never met a reload carries no trace of it.
 */
const DROPPED_ATTRIBUTE = 'data-postmeter-dropped';
/** How many of the latest reads are kept for redrawing badges (far more than a screen shows). */
const LAST_READS = 500;
/**
 * How many posts' stored states from before this page are kept for the badge's growth figure, the most recent. A
 * post dropped here gets, with its next batch, the state this page stored for it earlier instead.
 */
const PRIORS_KEPT = 2_000;
/** A batch that got no reply while the extension still looked present is sent once more this much later. */
const RETRY_MS = 1000;

/**
 * Runs on the page when `adapter` reads it, else does nothing. `recognise` is asked only when the adapter does not
 * match at first (Mastodon: an instance the user added, which the adapter learns of from storage).
 */
export async function runContentScript(
  ctx: ContentScriptContext,
  adapter: SiteAdapter,
  recognise?: () => Promise<boolean>,
): Promise<void> {
  if (!adapterMatches(adapter, location.href) && !(await recognise?.())) return;
  const debug = localStorage.getItem('postmeter:debug') ? console.debug.bind(console, '[postmeter]') : undefined;

  const badges = createBadgeLayer(document);
  /** Each post as stored before this page first reported it: "since you last saw it" (at most PRIORS_KEPT). */
  const priors = new Map<string, PriorState | null>();
  /**
   * The latest reads, oldest first, at most LAST_READS: what a badge is redrawn from (preferences changed, the
   * stored prior arrived). Bounded because each entry holds its element: a feed scrolled for hours would otherwise
   * keep every tweet it ever showed, detached subtrees and all. Posts on screen are always among the latest reads.
   */
  const lastRead = new Map<string, ReadPost>();
  /**
   * The post each element held at its latest read. A feed recycles elements (X writes the next tweet into a cell):
   * a redraw from a post's last read is for its element only while the element still holds that post, or the new
   * tweet would get the old one's badge.
   */
  const heldBy = new WeakMap<Element, string>();
  const stillHolds = (read: ReadPost, key: string) => read.el.isConnected && heldBy.get(read.el) === key;
  let paused: ObserveReply['paused'];
  let prefs: Preferences;
  /** parseCount's tables came from storage (else this page builds them, and keeps them once it has sent a batch). */
  let countTablesKept: boolean;
  try {
    [prefs, countTablesKept] = await Promise.all([getPreferences(), loadCountTables()]);
  } catch {
    return; // the extension is being reloaded: nothing to run
  }
  debug?.(countTablesKept ? 'count tables restored' : 'count tables to build');
  const words = figureWords();
  const locale = uiLocale();
  const figureOptions = (): FigureOptions => ({ basis: prefs.erBasis, sets: prefs.engagement, locale, words });

  /** Each post's figures first, then every badge into the page (the same code for every post in turn). */
  function drawBadges(reads: readonly ReadPost[]): void {
    const now = Date.now();
    const options = figureOptions();
    const drawn: [Element, string, Figure[]][] = [];
    for (const { el, post } of reads) {
      const anchor = adapter.badgeAnchor?.(el);
      if (!anchor) continue;
      const key = postKey(post);
      drawn.push([anchor, key, badgeFigures(post, priors.get(key), now, options).filter((f) => prefs.badge[f.id])]);
    }
    for (const [anchor, key, figures] of drawn) badges.show(anchor, key, figures);
  }

  function redrawBadges(): void {
    drawBadges([...lastRead.entries()].filter(([key, read]) => stillHolds(read, key)).map(([, read]) => read));
  }

  /** Sends a batch; 'orphaned' when it could not be delivered because the extension went away. */
  async function send(posts: PostObservation[]): Promise<'sent' | 'failed' | 'orphaned'> {
    const message: Message = { type: 'observe', observedAt: Date.now(), pageUrl: location.href, posts };
    const outcome = await sendOnce(message);
    if (outcome !== 'failed') return outcome;
    // No reply while the extension still looked present. Either its service worker was stopped in the middle
    // of the batch (a batch is stored whole or not at all, and the same counts sent again add no snapshot, so
    // trying again is safe), or the extension is being reloaded and this script is not told yet (Chromium
    // rejects the pending message about 0.1 s before runtime.id goes). A moment later tells which. A plain
    // timer: ctx.setTimeout would never fire once orphaned, and the batch would go uncounted.
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    return sendOnce(message);
  }

  async function sendOnce(message: Message & { type: 'observe' }): Promise<'sent' | 'failed' | 'orphaned'> {
    if (!ctx.isValid) return 'orphaned';
    try {
      const reply = (await browser.runtime.sendMessage(message)) as ObserveReply | undefined;
      // The background always answers with an ObserveReply. Chromium resolves with nothing instead when the
      // service worker is stopped while the batch is being stored, and then it may not have been: not delivered.
      if (!reply) {
        debug?.('no reply');
        return 'failed';
      }
      paused = reply.paused;
      for (const [key, prior] of Object.entries(reply.prior)) {
        if (priors.has(key)) continue;
        setRecent(priors, key, prior, PRIORS_KEPT);
        // A post never stored before (null) has no "since you last saw it": its badge, drawn when read, is already
        // what it would be now. Drawing it again cost a second read of the tweet (its anchor) for nothing. An element
        // that holds another post by now has that post's badge.
        const seen = prior && lastRead.get(key);
        if (seen && stillHolds(seen, key)) drawBadges([seen]);
      }
      // A batch was read, so parseCount's tables are built: the first page to build them keeps them for the next.
      if (!countTablesKept) {
        countTablesKept = true;
        void saveCountTables().then((saved) => debug?.('count tables kept', saved));
      }
      return 'sent';
    } catch (error) {
      // The extension was reloaded or updated while this was on its way (reading ctx.isValid then stops the
      // script through onInvalidated below).
      if (!ctx.isValid) return 'orphaned';
      debug?.('send failed', error);
      return 'failed';
    }
  }

  /** The page's URL, parsed again only when it changed (SPA navigation): every flush asks for it. */
  let parsedHref = '';
  let parsedUrl: URL | undefined;
  function pageUrl(): URL {
    if (!parsedUrl || parsedHref !== location.href) {
      parsedHref = location.href;
      parsedUrl = new URL(parsedHref);
    }
    return parsedUrl;
  }

  /** Running while the site is switched on; undefined while it is off. */
  let scanner: Scanner | undefined;
  function start(): void {
    if (scanner) return;
    const started: Scanner = startScanner({
      adapter,
      document,
      getUrl: pageUrl,
      // Reading ctx.isValid is what notices the orphaning (WXT checks browser.runtime.id then).
      connected: () => ctx.isValid,
      onBatch: (posts) =>
        void send(posts).then((outcome) => {
          if (outcome === 'orphaned') started.lost(posts.length);
        }),
      onDropped: (total) => document.documentElement.setAttribute(DROPPED_ATTRIBUTE, String(total)),
      onRead(reads) {
        for (const read of reads) {
          const key = postKey(read.post);
          setRecent(lastRead, key, read, LAST_READS);
          heldBy.set(read.el, key);
        }
        drawBadges(reads);
      },
      debug,
    });
    scanner = started;
  }
  /** Switched off (what was queued is discarded on purpose), or orphaned (what was queued counts as dropped). */
  function stop({ orphaned = false } = {}): void {
    if (orphaned) scanner?.abandon();
    else scanner?.stop();
    scanner = undefined;
    lastRead.clear();
    badges.removeAll();
  }

  if (siteEnabled(prefs, adapter.id)) start();
  const unwatch = watchPreferences((next) => {
    prefs = next;
    if (!siteEnabled(prefs, adapter.id)) return stop();
    if (scanner) redrawBadges();
    else start();
  });

  // Recording resumed: what is on screen now is recorded now, not only once its counts next change (while paused
  // the background refused it, but the scanner remembers it as sent).
  const unwatchRecording = recordingState.watch((state) => {
    const now = state ? pauseReason(state) : undefined;
    if (paused && !now) scanner?.resendVisible();
    paused = now;
  });

  browser.runtime.onMessage.addListener((message: unknown) => {
    const asked = message as Message | undefined;
    if (asked?.type !== 'tab-posts') return undefined;
    const limit = typeof asked.limit === 'number' && asked.limit > 0 ? asked.limit : undefined;
    // Switched off: nothing read on this page, as far as the popup is concerned.
    const health = scanner?.health() ?? { containers: 0, withCounters: 0 };
    const reply: TabPostsReply = {
      site: adapter.id,
      keys: scanner?.seenKeys(limit) ?? [],
      seen: scanner?.seenCount() ?? 0,
      pageUrl: location.href,
      unrecognised: health.containers > 0 && health.withCounters === 0,
      paused,
    };
    return Promise.resolve(reply);
  });

  ctx.addEventListener(window, 'wxt:locationchange', () => scanner?.reset());
  // Leaving or hiding the page must not drop the batch still waiting for its timer.
  ctx.addEventListener(window, 'pagehide', () => scanner?.flushNow());
  ctx.addEventListener(document, 'visibilitychange', () => {
    if (document.visibilityState === 'hidden') scanner?.flushNow();
  });
  // Chromium tells an orphaned script nothing; an idle page (nothing read, nothing sent) asks now and then.
  const liveness = setInterval(() => {
    if (!ctx.isValid) clearInterval(liveness);
  }, LIVENESS_MS);
  ctx.onInvalidated(() => {
    clearInterval(liveness);
    stop({ orphaned: true });
    for (const stopWatching of [unwatch, unwatchRecording]) {
      try {
        stopWatching();
      } catch (error) {
        // storage.onChanged.removeListener throws "Extension context invalidated." once orphaned; the listener
        // went with the context anyway.
        debug?.('unwatch after invalidation', error);
      }
    }
  });
}
