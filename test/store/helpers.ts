// Shared fixtures for the store tests: a fresh in-memory IndexedDB per test and short Count builders.
import { IDBFactory } from 'fake-indexeddb';
import type { Count } from '../../lib/count';
import { openStore, type PostmeterDatabase } from '../../lib/store/schema';
import type { Metrics, PostObservation, SiteId } from '../../lib/types';

export const ex = (n: number): Count => ({ value: n, min: n, max: n, exact: true });
export const iv = (min: number, max: number, value = min): Count => ({ value, min, max, exact: false });

let n = 0;
/** A fresh factory (no state from earlier tests) and an open store on it. */
export async function freshStore(): Promise<PostmeterDatabase> {
  globalThis.indexedDB = new IDBFactory();
  return openStore(`test-${++n}`);
}

export function obs(postId: string, metrics: Metrics, extra: Partial<PostObservation> = {}): PostObservation {
  const site: SiteId = extra.site ?? 'x';
  return { site, postId, url: `https://x.com/a/status/${postId}`, metrics, ...extra };
}
