// parseCount's tables kept in storage.local between pages (lib/count-tables-saved.ts says why, and when saved
// tables are trusted). Read once when a content script starts. Built and kept by the background when it starts
// (keepCountTables), so no page spends its main thread on them; a page that finds none for its browser and version
// (the background not done yet, or another browser build) builds its own and keeps them, as before.
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { restoreCountTables, savedCountTables, warmCountTables } from '@/lib/count-locales';
import { countTablesKey, parseSavedCountTables } from '@/lib/count-tables-saved';

/** `key`: the extension version and countTablesKey() of the browser that built `tables`. */
export interface KeptCountTables {
  key: string;
  tables: unknown;
}

export const countTablesItem = storage.defineItem<KeptCountTables | null>('local:countTables', { fallback: null });

let thisBrowser: string | undefined;
/** The key tables built here are kept under (the probes cost a few Intl formatters: once per page). */
export const countTablesKeyHere = (): string =>
  (thisBrowser ??= `${browser.runtime.getManifest().version} ${countTablesKey(navigator.userAgent)}`);

/** Restores the tables kept for this browser and version: true when it did. Never throws; false builds them as before. */
export async function loadCountTables(): Promise<boolean> {
  try {
    const kept = await countTablesItem.getValue();
    if (!kept || kept.key !== countTablesKeyHere()) return false;
    const tables = parseSavedCountTables(kept.tables);
    if (!tables) return false;
    restoreCountTables(tables);
    return true;
  } catch {
    return false;
  }
}

/** Keeps the tables this page built (nothing while they are not all built). */
export async function saveCountTables(): Promise<boolean> {
  const tables = savedCountTables();
  if (!tables) return false;
  try {
    await countTablesItem.setValue({ key: countTablesKeyHere(), tables });
    return true;
  } catch {
    return false; // storage full or the extension going away: the next page builds them again
  }
}

/**
 * The background's part: when no usable tables are kept for this browser and version (a fresh install, an update
 * of the extension or of the browser, storage cleared), build them here, off every page's main thread, and keep
 * them. 'kept' when they already were. Never throws.
 */
export async function keepCountTables(): Promise<'kept' | 'built' | 'failed'> {
  try {
    const kept = await countTablesItem.getValue();
    if (kept?.key === countTablesKeyHere() && parseSavedCountTables(kept.tables)) return 'kept';
    warmCountTables(Infinity);
    return (await saveCountTables()) ? 'built' : 'failed';
  } catch {
    return 'failed';
  }
}
