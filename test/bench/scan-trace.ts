// Reading a Chromium trace (CDP Tracing, JSON) for scan.bench.ts: main-thread time attributed to a script, by
// CPU-profile samples, and the long tasks it took part in. Pure functions over the parsed trace, no browser.
//
// - Samples: the V8 sampling profiler's Profile / ProfileChunk events (category disabled-by-default-v8.cpu_profiler).
//   Each chunk carries new profile nodes ({id, parent, callFrame: {url, functionName}}), the sampled leaf node ids
//   and the time since the previous sample (timeDeltas, µs). A sample counts for the script when ANY frame of its
//   stack has a url the script owns (e.g. starts with chrome-extension://<id>/): its own JS, native work it called
//   (querySelectorAll, a forced layout, structured cloning for sendMessage: those run under its frame) and its
//   async continuations (a promise reaction or observer callback enters its code again). Each sample stands for
//   the time since the previous sample of the same profile, capped at MAX_SAMPLE_US so a stall of the sampler
//   never lends a long gap to one stack.
// - Long tasks: toplevel RunTask / ThreadControllerImpl::RunTask complete events on the page's renderer main thread
//   longer than 50 ms (the Long Tasks API's threshold) holding at least one of the script's samples. Nested task
//   events are counted once (the outermost).
// - Which process: the renderer whose profile has frames of `pageScriptUrl` (the feed driver's sourceURL): the
//   extension's own processes (service worker) and other tabs are left out.
// Not seen by this method: work with no JS frame on the stack — style, layout and paint in the rendering step, and
// Blink's IntersectionObserver computation there — and garbage collection (its own "(garbage collector)" node).

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: Record<string, unknown>;
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { url?: string; functionName?: string; lineNumber?: number; columnNumber?: number };
}

interface ChunkData {
  cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
  timeDeltas?: number[];
}

export const LONG_TASK_MS = 50;
const MAX_SAMPLE_US = 10_000;

export interface Sample {
  /** Trace clock, µs. */
  ts: number;
  /** µs this sample stands for. */
  us: number;
  /** Indexes into the `owners` given to analyseTrace: which scripts are on its stack. */
  owners: number;
  /** The innermost frame of the first owner on its stack ("function file:line"), or the leaf frame. */
  where: string;
  /** Every distinct frame of owner 0 on its stack, innermost first (shared between samples of one node). */
  stack: readonly string[];
}

export interface LongTask {
  ts: number;
  durMs: number;
  /** ms of the owner's samples inside it. */
  ownerMs: number;
}

export interface TraceAnalysis {
  pid: number;
  samples: Sample[];
  /** Median µs between samples (the profiler's effective interval). */
  intervalUs: number;
  /** User-timing marks by name (first occurrence), trace clock µs. */
  marks: Map<string, number>;
  /** Top-level main-thread tasks of the page's renderer, longer than LONG_TASK_MS. */
  longTasks: { ts: number; dur: number }[];
}

/** `owners[i]` decides whether a frame url belongs to owner i (at most 31 owners: a bit each). */
export function analyseTrace(events: TraceEvent[], pageScriptUrl: string, owners: ((url: string) => boolean)[]): TraceAnalysis {
  // Profiles: id → pid, start, nodes.
  interface Prof {
    pid: number;
    tid: number;
    time: number;
    nodes: Map<number, { parent?: number; url: string; name: string; mask?: number; where?: string; stack?: string[] }>;
    samples: { ts: number; node: number; delta: number }[];
    hasPage: boolean;
  }
  const profiles = new Map<string, Prof>();
  const key = (e: TraceEvent) => `${e.pid}:${e.id}`;
  for (const e of events) {
    if (e.name === 'Profile') {
      const data = (e.args?.data ?? {}) as { startTime?: number };
      profiles.set(key(e), { pid: e.pid, tid: e.tid, time: data.startTime ?? e.ts, nodes: new Map(), samples: [], hasPage: false });
    }
  }
  const chunks = events.filter((e) => e.name === 'ProfileChunk').sort((a, b) => a.ts - b.ts);
  for (const e of chunks) {
    const p = profiles.get(key(e));
    if (!p) continue;
    const data = (e.args?.data ?? {}) as ChunkData;
    for (const n of data.cpuProfile?.nodes ?? []) {
      const url = n.callFrame.url ?? '';
      if (url === pageScriptUrl) p.hasPage = true;
      const name = `${n.callFrame.functionName || '(anonymous)'} ${url.split('/').pop() ?? ''}:${(n.callFrame.lineNumber ?? -1) + 1}:${(n.callFrame.columnNumber ?? -1) + 1}`;
      p.nodes.set(n.id, { parent: n.parent, url, name });
    }
    const ids = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < ids.length; i++) {
      p.time += deltas[i] ?? 0;
      p.samples.push({ ts: p.time, node: ids[i]!, delta: deltas[i] ?? 0 });
    }
  }
  const mine = [...profiles.values()].filter((p) => p.hasPage);
  if (mine.length === 0) throw new Error(`no CPU profile in the trace has frames of ${pageScriptUrl}: was the profiler category on?`);
  const pid = mine[0]!.pid;

  const maskOf = (p: Prof, id: number): number => {
    const n = p.nodes.get(id);
    if (!n) return 0;
    if (n.mask !== undefined) return n.mask;
    let m = 0;
    owners.forEach((own, i) => {
      if (n.url && own(n.url)) m |= 1 << i;
    });
    n.mask = 0; // guards against a cycle in a malformed trace
    if (n.parent !== undefined) m |= maskOf(p, n.parent);
    n.mask = m;
    return m;
  };

  /** Innermost frame owned by owner 0, else the leaf's name. */
  const whereOf = (p: Prof, id: number): string => {
    const leaf = p.nodes.get(id);
    if (!leaf) return '?';
    if (leaf.where !== undefined) return leaf.where;
    let w = leaf.name;
    for (let n: typeof leaf | undefined = leaf; n; n = n.parent === undefined ? undefined : p.nodes.get(n.parent)) {
      if (n.url && owners[0]?.(n.url)) {
        w = n === leaf ? n.name : `${n.name} > ${leaf.name}`;
        break;
      }
    }
    leaf.where = w;
    return w;
  };

  /** Owner 0's frames on the stack, each name once. */
  const stackOf = (p: Prof, id: number): string[] => {
    const leaf = p.nodes.get(id);
    if (!leaf) return [];
    if (leaf.stack) return leaf.stack;
    const names = new Set<string>();
    for (let n: typeof leaf | undefined = leaf; n; n = n.parent === undefined ? undefined : p.nodes.get(n.parent)) {
      if (n.url && owners[0]?.(n.url)) names.add(n.name);
    }
    return (leaf.stack = [...names]);
  };

  const samples: Sample[] = [];
  const deltas: number[] = [];
  for (const p of profiles.values()) {
    if (p.pid !== pid) continue;
    p.samples.forEach((s, i) => {
      if (i === 0) return; // its delta is from the profile's start, not from a sample
      const us = Math.min(Math.max(s.delta, 0), MAX_SAMPLE_US);
      deltas.push(us);
      samples.push({ ts: s.ts, us, owners: maskOf(p, s.node), where: whereOf(p, s.node), stack: stackOf(p, s.node) });
    });
  }
  samples.sort((a, b) => a.ts - b.ts);
  deltas.sort((a, b) => a - b);

  const marks = new Map<string, number>();
  for (const e of events) {
    if (e.pid === pid && e.cat?.includes('blink.user_timing') && !marks.has(e.name)) marks.set(e.name, e.ts);
  }

  const mainTids = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && (e.args as { name?: string })?.name === 'CrRendererMain').map((e) => e.tid),
  );
  const tasks = events
    .filter(
      (e) =>
        e.ph === 'X' &&
        e.pid === pid &&
        (mainTids.size === 0 || mainTids.has(e.tid)) &&
        (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') &&
        (e.dur ?? 0) > LONG_TASK_MS * 1000,
    )
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const longTasks: { ts: number; dur: number }[] = [];
  for (const t of tasks) {
    const last = longTasks[longTasks.length - 1];
    if (last && t.ts < last.ts + last.dur) continue; // nested in the one before
    longTasks.push({ ts: t.ts, dur: t.dur! });
  }

  return { pid, samples, intervalUs: deltas[deltas.length >> 1] ?? NaN, marks, longTasks };
}

/** µs of samples owned by `owner` (an index into the owners) in [from, to) of the trace clock. */
export function ownedUs(a: TraceAnalysis, owner: number, from = -Infinity, to = Infinity): number {
  let us = 0;
  const bit = 1 << owner;
  for (const s of a.samples) if (s.ts >= from && s.ts < to && s.owners & bit) us += s.us;
  return us;
}

/** The long tasks (in [from, to)) holding at least one sample of `owner`. */
export function ownedLongTasks(a: TraceAnalysis, owner: number, from = -Infinity, to = Infinity): LongTask[] {
  const out: LongTask[] = [];
  for (const t of a.longTasks) {
    if (t.ts < from || t.ts >= to) continue;
    const us = ownedUs(a, owner, t.ts, t.ts + t.dur);
    if (us > 0) out.push({ ts: t.ts, durMs: t.dur / 1000, ownerMs: us / 1000 });
  }
  return out;
}

/** The mark's trace time, or an error naming what is missing. */
export function mark(a: TraceAnalysis, name: string): number {
  const ts = a.marks.get(name);
  if (ts === undefined) throw new Error(`no performance mark ${name} in the trace (have: ${[...a.marks.keys()].join(', ') || 'none'})`);
  return ts;
}

/** Where `owner`'s time went in [from, to): the heaviest `where` entries, µs. */
export function hotspots(a: TraceAnalysis, owner: number, n: number, from = -Infinity, to = Infinity): [string, number][] {
  const by = new Map<string, number>();
  const bit = 1 << owner;
  for (const s of a.samples) if (s.ts >= from && s.ts < to && s.owners & bit) by.set(s.where, (by.get(s.where) ?? 0) + s.us);
  return [...by].sort((x, y) => y[1] - x[1]).slice(0, n);
}

/** Where owner 0's time went in [from, to), each function counted with everything it called (inclusive), µs. */
export function inclusiveHotspots(a: TraceAnalysis, n: number, from = -Infinity, to = Infinity): [string, number][] {
  const by = new Map<string, number>();
  for (const s of a.samples) {
    if (s.ts < from || s.ts >= to || !(s.owners & 1)) continue;
    for (const name of s.stack) by.set(name, (by.get(name) ?? 0) + s.us);
  }
  return [...by].sort((x, y) => y[1] - x[1]).slice(0, n);
}
