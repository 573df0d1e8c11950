// The preferences storage item (lib/preferences.ts says what is in it and why storage.local). Every context
// reads it through normalisePreferences, and watches it so a change on the options page applies at once.
import { storage } from 'wxt/utils/storage';
import { DEFAULT_PREFERENCES, normalisePreferences, type Preferences } from '@/lib/preferences';

export const preferencesItem = storage.defineItem<Preferences>('local:preferences', {
  fallback: DEFAULT_PREFERENCES as Preferences,
});

export async function getPreferences(): Promise<Preferences> {
  return normalisePreferences(await preferencesItem.getValue());
}

/** Calls back with the normalised preferences on every change; returns the unwatch function. */
export function watchPreferences(callback: (p: Preferences) => void): () => void {
  return preferencesItem.watch((value) => callback(normalisePreferences(value)));
}

export async function updatePreferences(change: (p: Preferences) => Preferences): Promise<Preferences> {
  const next = normalisePreferences(change(await getPreferences()));
  await preferencesItem.setValue(next);
  return next;
}
