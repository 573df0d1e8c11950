// Snapshot retention in the background: the purge (lib/store: keeps every post's latest row) runs when the
// browser starts and otherwise at most once a day, on the first batch that arrives 24 h after the last purge.
// No alarms permission: a purge only matters when something is being recorded, and the service worker is
// awake then anyway. The dashboard purges straight away when the user changes the setting.
import { storage } from 'wxt/utils/storage';
import { purgeSnapshots } from '@/lib/store';
import type { PostmeterDatabase } from '@/lib/store/schema';

export const PURGE_EVERY_MS = 24 * 60 * 60 * 1000;

/** When the background last purged (ms since epoch); in storage.local so it survives the worker stopping. */
export const lastPurge = storage.defineItem<number>('local:lastPurge', { fallback: 0 });

/** A purge is due when none ran in the last 24 h (or the clock went back past the last one). */
export function purgeDue(last: number, now: number): boolean {
  return !(now - last < PURGE_EVERY_MS && now >= last);
}

export function createPurger(db: () => Promise<PostmeterDatabase>, log: (...args: unknown[]) => void = console.warn) {
  let running: Promise<void> | undefined;
  /** Purges if due (or `force`); one purge at a time; never throws (a failed purge is retried next time). */
  return function maybePurge(force = false): Promise<void> {
    running ??= (async () => {
      try {
        const now = Date.now();
        if (!force && !purgeDue(await lastPurge.getValue(), now)) return;
        await purgeSnapshots(await db(), now);
        await lastPurge.setValue(now);
      } catch (error) {
        log('[postmeter] snapshot purge failed', error);
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
}
