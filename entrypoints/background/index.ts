// The only writer: receives observation batches from content scripts and stores them.
import { browser } from 'wxt/browser';
import type { ObserveReply } from '@/lib/messages';
import { isMessage } from '@/lib/validate';
import { openStore } from '@/lib/store/schema';
import { ingest, QuotaError } from '@/lib/store/ingest';
import { pauseReason, recordingState } from './recording';

export default defineBackground(() => {
  let db: ReturnType<typeof openStore> | undefined;
  // Reopen after the connection closed itself for an upgrade in another extension page.
  const store = async () => {
    const open = await (db ??= openStore());
    return open;
  };

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Only our own content scripts and pages may talk to the background.
    if (sender.id !== browser.runtime.id) return undefined;
    if (!isMessage(message) || message.type !== 'observe') return undefined;
    return (async (): Promise<ObserveReply> => {
      const reason = pauseReason(await recordingState.getValue());
      if (reason) return { prior: {}, paused: reason };
      try {
        const prior = await ingest(await store(), message.posts, message.observedAt);
        return { prior };
      } catch (error) {
        if (error instanceof QuotaError) {
          await recordingState.setValue({ ...(await recordingState.getValue()), quotaFullSince: Date.now() });
          return { prior: {}, paused: 'quota' };
        }
        db = undefined; // a closed or broken connection: open a fresh one next time
        throw error;
      }
    })();
  });
});
