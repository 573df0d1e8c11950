// In-page side of scan.bench.ts: the naive scanner Postmeter is compared with — the pattern most stat-overlay
// extensions use. One MutationObserver on the whole document; on every callback, every tweet in the document is
// queried again and read again with Postmeter's own X adapter (lib/sites/x.ts). No visibility tracking, no badges,
// no messaging: the comparison favours it. Evaluated with its own sourceURL so the trace can attribute its time.
//
// Timed (a run of its own, never one the ratios use: the clock calls are the naive side's time too): each read is
// timed, split into a tweet's first read and its repeats. A scanner that reads every tweet once cannot cost less per
// tweet than one first read, which bounds the ratios (scan.bench.ts, the *_ceiling figures).
import { x } from '../../../lib/sites/x';

let started = false;
const ids = new Set<string>();
let callbacks = 0;
let reads = 0;
/** Timed runs: tweets read at least once, and the µs of first reads and of repeats. */
const readOnce = new Set<string>();
let firstUs = 0;
let repeatUs = 0;

export function startNaive(timed = false): void {
  if (started) return;
  started = true;
  const url = new URL(location.href);
  new MutationObserver(() => {
    callbacks++;
    for (const el of document.querySelectorAll(x.postSelector)) {
      const t0 = timed ? performance.now() : 0;
      const post = x.read(el, url);
      if (timed) timeRead(post?.postId, (performance.now() - t0) * 1000);
      reads++;
      if (post && Object.keys(post.metrics).length > 0) ids.add(post.postId);
    }
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true });
}

/** A timed read: the first of its tweet, or a repeat (a read that recognised no tweet counts as a repeat). */
function timeRead(postId: string | undefined, us: number): void {
  if (postId !== undefined && !readOnce.has(postId)) {
    readOnce.add(postId);
    firstUs += us;
  } else repeatUs += us;
}

export interface NaiveStats {
  /** Distinct tweets read with counters. */
  posts: number;
  callbacks: number;
  reads: number;
  /** Timed runs only (else null): mean µs of a tweet's first read, and of a read after that. */
  firstReadUs: number | null;
  repeatReadUs: number | null;
}

export function naiveStats(): NaiveStats {
  const firsts = readOnce.size;
  const repeats = reads - firsts;
  return {
    posts: ids.size,
    callbacks,
    reads,
    firstReadUs: firsts ? firstUs / firsts : null,
    repeatReadUs: firsts && repeats ? repeatUs / repeats : null,
  };
}
