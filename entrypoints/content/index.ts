// One content script for every supported site: picks the site's adapter, runs the scanner, sends
// batches to the background and draws badges. Content scripts never open IndexedDB (theirs would be
// the site's own database).
import { browser } from 'wxt/browser';
import { adapterFor, type SiteAdapter } from '@/lib/sites';
import { CONTENT_MATCHES } from '@/lib/sites/hosts';
import { setMastodonInstances } from '@/lib/sites/mastodon';
import { mastodonInstances } from '../background/instances';
import { startScanner } from '@/lib/scanner';
import { badgeFigures } from '@/lib/figures';
import { postKey, type PostObservation } from '@/lib/types';
import type { Message, ObserveReply, PriorState, TabPostsReply } from '@/lib/messages';
import { createBadgeLayer } from '@/components/badge-layer';

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

    function drawBadge(el: Element, post: PostObservation): void {
      const anchor = adapter!.badgeAnchor?.(el);
      if (!anchor) return;
      const key = postKey(post);
      badges.show(anchor, key, badgeFigures(post, priors.get(key), Date.now()));
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
        if (!ctx.isValid) return scanner.stop();
        debug?.('send failed', error);
      }
    }

    const scanner = startScanner({
      adapter,
      document,
      getUrl: () => new URL(location.href),
      onBatch: (posts) => void send(posts),
      onRead(el, post) {
        lastRead.set(postKey(post), { el, post });
        drawBadge(el, post);
      },
      debug,
    });

    browser.runtime.onMessage.addListener((message: unknown) => {
      if ((message as Message | undefined)?.type !== 'tab-posts') return undefined;
      const health = scanner.health();
      const reply: TabPostsReply = {
        site: adapter.id,
        keys: scanner.seenKeys(),
        pageUrl: location.href,
        unrecognised: health.containers > 0 && health.withCounters === 0,
        paused,
      };
      return Promise.resolve(reply);
    });

    ctx.addEventListener(window, 'wxt:locationchange', () => scanner.reset());
    // Leaving or hiding the page must not drop the batch still waiting for its timer.
    ctx.addEventListener(window, 'pagehide', () => scanner.flushNow());
    ctx.addEventListener(document, 'visibilitychange', () => {
      if (document.visibilityState === 'hidden') scanner.flushNow();
    });
    ctx.onInvalidated(() => {
      scanner.stop();
      badges.removeAll();
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
