// Pure rules for folding observations into a stored post row. No IDB here: ingest.ts does the I/O.
import type { PriorState } from '../messages';
import { METRICS, type Metrics, type PostObservation } from '../types';
import { cleanMetrics, resolveCount, sameCount } from './precision';
import type { PostRow } from './schema';

/**
 * Several reads of one post in one batch (a feed and its detail view, say) become one observation, in order:
 * later url/text win, author/publishedAt are filled by the first read that has them, and counts follow the
 * precision rule so an exact read is not undone by a truncated one that agrees with it.
 */
export function mergeObservations(a: PostObservation, b: PostObservation): PostObservation {
  const metrics: Metrics = { ...a.metrics };
  for (const name of METRICS) {
    const c = b.metrics[name];
    if (c) metrics[name] = resolveCount(metrics[name], c);
  }
  const out: PostObservation = { site: a.site, postId: a.postId, url: b.url || a.url, metrics };
  const author = a.author ?? b.author;
  const publishedAt = a.publishedAt ?? b.publishedAt;
  const text = b.text ?? a.text;
  const promoted = a.promoted === undefined && b.promoted === undefined ? undefined : !!(a.promoted || b.promoted);
  if (author !== undefined) out.author = author;
  if (publishedAt !== undefined) out.publishedAt = publishedAt;
  if (text !== undefined) out.text = text;
  if (promoted !== undefined) out.promoted = promoted;
  return out;
}

/** Drop what cannot be stored honestly: unknown metric names, malformed counts, non-string fields. */
export function sanitize(o: PostObservation): PostObservation | undefined {
  if (typeof o?.site !== 'string' || typeof o.postId !== 'string' || o.postId === '') return undefined;
  const out: PostObservation = {
    site: o.site,
    postId: o.postId,
    url: typeof o.url === 'string' ? o.url : '',
    metrics: cleanMetrics(o.metrics),
  };
  if (typeof o.author === 'string') out.author = o.author;
  if (typeof o.text === 'string') out.text = o.text;
  if (typeof o.publishedAt === 'number' && Number.isFinite(o.publishedAt)) out.publishedAt = o.publishedAt;
  if (typeof o.promoted === 'boolean') out.promoted = o.promoted;
  return out;
}

export function priorOf(row: PostRow | undefined): PriorState | null {
  return row ? { firstSeen: row.firstSeen, lastSeen: row.lastSeen, metrics: row.metrics } : null;
}

export interface Applied {
  row: PostRow;
  /** Metrics for a new snapshot row, or undefined when nothing changed (only lastSeen moved). */
  snapshot?: Metrics;
}

/** Fold one (merged) observation into the stored row. Never mutates `stored`. */
export function applyObservation(stored: PostRow | undefined, obs: PostObservation, observedAt: number): Applied {
  const base: PostRow = stored ?? {
    site: obs.site,
    postId: obs.postId,
    url: obs.url,
    firstSeen: observedAt,
    lastSeen: observedAt,
    snapshots: 0,
    metrics: {},
  };
  // A batch that arrives after a newer one (two tabs racing) still adds its history, but must not roll the
  // post's latest state back.
  const isLatest = observedAt >= base.lastSeen;

  const observed: Metrics = {};
  let changed = false;
  for (const name of METRICS) {
    const c = obs.metrics[name];
    if (!c) continue;
    const before = base.metrics[name];
    const kept = resolveCount(before, c);
    observed[name] = kept;
    if (!before || !sameCount(before, kept)) changed = true;
  }

  const row: PostRow = {
    ...base,
    lastSeen: Math.max(base.lastSeen, observedAt),
    // Absent means "not read", so stored metrics the batch did not read stay as they are.
    metrics: isLatest ? { ...base.metrics, ...observed } : base.metrics,
    snapshots: base.snapshots + (changed ? 1 : 0),
  };
  if (isLatest && obs.url) row.url = obs.url;
  if (isLatest && obs.text !== undefined) row.text = obs.text;
  if (row.author === undefined && obs.author !== undefined) row.author = obs.author;
  if (row.publishedAt === undefined && obs.publishedAt !== undefined) row.publishedAt = obs.publishedAt;
  // Once seen as paid placement, always paid: rankings leave it out.
  if (obs.promoted !== undefined) row.promoted = !!(row.promoted || obs.promoted);

  return changed ? { row, snapshot: observed } : { row };
}

/**
 * Two records of one post (ours and a backup's): earliest firstSeen, latest lastSeen; the more recently seen
 * record's url, text and metrics win, the other's metrics fill what it did not read; author and publishedAt
 * are kept from `a` when it has them; promoted if either says so. `snapshots` is the caller's to recount.
 */
export function mergePostRows(a: PostRow, b: PostRow): PostRow {
  const [older, newer] = b.lastSeen > a.lastSeen ? [a, b] : [b, a];
  const row: PostRow = {
    site: a.site,
    postId: a.postId,
    url: newer.url || older.url,
    firstSeen: Math.min(a.firstSeen, b.firstSeen),
    lastSeen: Math.max(a.lastSeen, b.lastSeen),
    snapshots: a.snapshots,
    metrics: { ...older.metrics, ...newer.metrics },
  };
  const author = a.author ?? b.author;
  const publishedAt = a.publishedAt ?? b.publishedAt;
  const text = newer.text ?? older.text;
  if (author !== undefined) row.author = author;
  if (publishedAt !== undefined) row.publishedAt = publishedAt;
  if (text !== undefined) row.text = text;
  if (a.promoted !== undefined || b.promoted !== undefined) row.promoted = !!(a.promoted || b.promoted);
  return row;
}
