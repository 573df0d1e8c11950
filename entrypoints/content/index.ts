// One content script for every supported site: picks the site's adapter, runs the scanner, sends
// batches to the background and draws badges. Content scripts never open IndexedDB (theirs would be
// the site's own database). Follows the preferences at once: a site switched off in the options stops
// scanning and loses its badges, switched on again it starts over; badge figures, basis and engagement sets
// redraw the badges already shown.
import { browser } from 'wxt/browser';
import { adapterFor, type SiteAdapter } from '@/lib/sites';
import { CONTENT_MATCHES } from '@/lib/sites/hosts';
import { setMastodonInstances } from '@/lib/sites/mastodon';
import { mastodonInstances } from '../background/instances';
import { startScanner, type Scanner } from '@/lib/scanner';
import { badgeFigures, type FigureOptions } from '@/lib/figures';
import { siteEnabled, type Preferences } from '@/lib/preferences';
import { postKey, type PostObservation } from '@/lib/types';
import type { Message, ObserveReply, PriorState, TabPostsReply } from '@/lib/messages';
import { createBadgeLayer } from '@/components/badge-layer';
import { figureWords } from '@/components/figure-words';
import { uiLocale } from '@/components/i18n';
import { getPreferences, watchPreferences } from '../shared/preferences';

export default defineContentScript({
  matches: CONTENT_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    const adapter = adapterFor(location.href) ?? (await addedInstanceAdapter());
    if (!adapter) return;
    const debug = localStorage.getItem('postmeter:debug') ? console.debug.bind(console, '[postmeter]') : undefined;

    const badges = createBadgeLayer(document);
    /** Each post as stored before this page first reported it: "since you last saw it". */
    const priors = new Map<string, PriorState | null>();
    const lastRead = new Map<string, { el: Element; post: PostObservation }>();
    let paused: ObserveReply['paused'];
    let prefs: Preferences;
    try {
      prefs = await getPreferences();
    } catch {
      return; // the extension is being reloaded: nothing to run
    }
    const words = figureWords();
    const locale = uiLocale();
    const figureOptions = (): FigureOptions => ({ basis: prefs.erBasis, sets: prefs.engagement, locale, words });

    function drawBadge(el: Element, post: PostObservation): void {
      const anchor = adapter!.badgeAnchor?.(el);
      if (!anchor) return;
      const key = postKey(post);
      const figures = badgeFigures(post, priors.get(key), Date.now(), figureOptions()).filter((f) => prefs.badge[f.id]);
      badges.show(anchor, key, figures);
    }

    function redrawBadges(): void {
      for (const { el, post } of lastRead.values()) if (el.isConnected) drawBadge(el, post);
    }

    async function send(posts: PostObservation[]): Promise<void> {
      if (!ctx.isValid) return;
      const message: Message = { type: 'observe', observedAt: Date.now(), pageUrl: location.href, posts };
      try {
        const reply = (await browser.runtime.sendMessage(message)) as ObserveReply | undefined;
        if (!reply) return;
        paused = reply.paused;
        for (const [key, prior] of Object.entries(reply.prior)) {
          if (priors.has(key)) continue;
          priors.set(key, prior);
          const seen = lastRead.get(key);
          if (seen?.el.isConnected) drawBadge(seen.el, seen.post);
        }
      } catch (error) {
        // The extension was reloaded or updated: this script is orphaned and stops quietly.
        if (!ctx.isValid) return stop();
        debug?.('send failed', error);
      }
    }

    /** Running while the site is switched on; undefined while it is off. */
    let scanner: Scanner | undefined;
    function start(): void {
      if (scanner) return;
      scanner = startScanner({
        adapter: adapter!,
        document,
        getUrl: () => new URL(location.href),
        onBatch: (posts) => void send(posts),
        onRead(el, post) {
          lastRead.set(postKey(post), { el, post });
          drawBadge(el, post);
        },
        debug,
      });
    }
    function stop(): void {
      scanner?.stop();
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

    browser.runtime.onMessage.addListener((message: unknown) => {
      if ((message as Message | undefined)?.type !== 'tab-posts') return undefined;
      // Switched off: nothing read on this page, as far as the popup is concerned.
      const health = scanner?.health() ?? { containers: 0, withCounters: 0 };
      const reply: TabPostsReply = {
        site: adapter.id,
        keys: scanner?.seenKeys() ?? [],
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
    ctx.onInvalidated(() => {
      unwatch();
      stop();
    });
  },
});

/**
 * The adapter for a page that is none of the built-in sites: a Mastodon instance the user added in the options page
 * registers this script for its host at runtime, and the instance list in storage says which hosts those are.
 */
async function addedInstanceAdapter(): Promise<SiteAdapter | undefined> {
  try {
    setMastodonInstances(await mastodonInstances.getValue());
  } catch {
    return undefined; // the extension is being reloaded: nothing to run
  }
  return adapterFor(location.href);
}
