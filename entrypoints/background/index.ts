// The only writer: receives observation batches from content scripts and stores them.
import { browser } from 'wxt/browser';
import type { ObserveReply } from '@/lib/messages';
import { isMessage } from '@/lib/validate';
import { openStore } from '@/lib/store/schema';
import { ingest, QuotaError } from '@/lib/store/ingest';
import { storeHandle } from '@/lib/db-handle';
import { pauseReason, recordingState } from './recording';
import { createPurger } from './retention';
import { listenForInstances } from './instances';
import { siteEnabled, type Preferences } from '@/lib/preferences';
import { getPreferences, watchPreferences } from '../shared/preferences';
import { keepCountTables } from '../shared/count-tables';

export default defineBackground(() => {
  // Reopens on demand: the connection closes itself when an upgrade (an extension update) needs it gone.
  const store = storeHandle(() => openStore());
  const maybePurge = createPurger(() => store.get());

  // Browser start (and install or update): purge old snapshots per the retention setting.
  browser.runtime.onStartup.addListener(() => void maybePurge(true));
  browser.runtime.onInstalled.addListener(() => void maybePurge(true));
  // The worker also starts on demand many times a day: purge then only if a day has passed.
  void maybePurge();

  // Mastodon instances added in the options page: their content scripts and permissions.
  listenForInstances();

  // parseCount's tables for the pages (45-70 ms of Intl work): built here once per browser and version, after the
  // worker's start-up work, instead of on the main thread of a page.
  setTimeout(() => void keepCountTables(), 0);

  // Defence in depth: a tab that has not yet heard that its site was switched off must still not get it stored.
  // Read once when the worker starts, then kept current; a message that arrives first waits for the read.
  let preferences: Promise<Preferences> = getPreferences();
  watchPreferences((next) => (preferences = Promise.resolve(next)));

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Only our own content scripts and pages may talk to the background.
    if (sender.id !== browser.runtime.id) return undefined;
    if (!isMessage(message) || message.type !== 'observe') return undefined;
    return (async (): Promise<ObserveReply> => {
      const reason = pauseReason(await recordingState.getValue());
      if (reason) return { prior: {}, paused: reason };
      const prefs = await preferences;
      const posts = message.posts.filter((post) => siteEnabled(prefs, post.site));
      if (posts.length === 0) return { prior: {} };
      try {
        // A batch whose transaction could not start on a closing connection stored nothing: run() retries it
        // once on a fresh connection.
        const prior = await store.run((db) => ingest(db, posts, message.observedAt));
        return { prior };
      } catch (error) {
        if (error instanceof QuotaError) {
          await recordingState.setValue({ ...(await recordingState.getValue()), quotaFullSince: Date.now() });
          return { prior: {}, paused: 'quota' };
        }
        store.reset(); // a broken connection: open a fresh one next time
        throw error;
      } finally {
        // After the reply is on its way; never awaited by the content script.
        setTimeout(() => void maybePurge(), 0);
      }
    })();
  });
});
