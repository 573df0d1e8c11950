// Authors' follower counts over time, and the user's own accounts. The pure rules first, then the I/O.
// ingest.ts records a reading whenever an observation carries metrics.followers for its author.
import type { Count } from '../count';
import type { SiteId } from '../types';
import { resolveCount, sameCount } from './precision';
import type { AccountRow, FollowerReading, PostmeterDatabase } from './schema';
import { writeTransaction } from './tx';

/**
 * Oldest first; a reading that says nothing new about the one before it is dropped, with the same precision
 * rule as snapshots (an interval that contains the exact count already known is no change). Never mutates.
 */
export function normaliseFollowers(readings: readonly FollowerReading[]): FollowerReading[] {
  const sorted = [...readings].sort((a, b) => a.observedAt - b.observedAt);
  const out: FollowerReading[] = [];
  for (const r of sorted) {
    const prev = out[out.length - 1];
    if (!prev) {
      out.push({ observedAt: r.observedAt, count: { ...r.count } });
      continue;
    }
    const kept = resolveCount(prev.count, r.count);
    if (!sameCount(kept, prev.count)) out.push({ observedAt: r.observedAt, count: { ...kept } });
  }
  return out;
}

/** Fold one follower reading into an account (new when `stored` is undefined). Never mutates `stored`. */
export function recordFollowers(
  stored: AccountRow | undefined,
  site: SiteId,
  handle: string,
  count: Count,
  observedAt: number,
): AccountRow {
  const base: AccountRow = stored ?? { site, handle, own: false, followers: [], firstSeen: observedAt, lastSeen: observedAt };
  return {
    ...base,
    followers: normaliseFollowers([...base.followers, { observedAt, count }]),
    firstSeen: Math.min(base.firstSeen, observedAt),
    lastSeen: Math.max(base.lastSeen, observedAt),
  };
}

/** Two records of one account (a backup's and ours): union of histories, own if either says so. */
export function mergeAccountRows(a: AccountRow, b: AccountRow): AccountRow {
  return {
    site: a.site,
    handle: a.handle,
    own: a.own || b.own,
    followers: normaliseFollowers([...a.followers, ...b.followers]),
    firstSeen: Math.min(a.firstSeen, b.firstSeen),
    lastSeen: Math.max(a.lastSeen, b.lastSeen),
  };
}

export async function getAccount(db: PostmeterDatabase, site: SiteId, handle: string): Promise<AccountRow | undefined> {
  return db.get('accounts', [site, handle]);
}

/** Every account (optionally of one site), in key order. Accounts are few next to posts. */
export async function listAccounts(db: PostmeterDatabase, site?: SiteId): Promise<AccountRow[]> {
  return site
    ? db.getAll('accounts', IDBKeyRange.bound([site, ''], [site, []]))
    : db.getAll('accounts');
}

/** The accounts the user marked as their own. */
export async function ownAccounts(db: PostmeterDatabase): Promise<AccountRow[]> {
  return (await db.getAll('accounts')).filter((a) => a.own);
}

/** Mark (or unmark) an account as the user's own; creates it, without follower history, if unknown. */
export async function setOwnAccount(
  db: PostmeterDatabase,
  site: SiteId,
  handle: string,
  own: boolean,
  now = Date.now(),
): Promise<AccountRow> {
  const tx = db.transaction('accounts', 'readwrite');
  return writeTransaction(tx, async () => {
    const stored = await tx.store.get([site, handle]);
    const row: AccountRow = stored
      ? { ...stored, own }
      : { site, handle, own, followers: [], firstSeen: now, lastSeen: now };
    await tx.store.put(row);
    return row;
  });
}
