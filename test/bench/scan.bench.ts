// The content script's cost while the user scrolls a feed (issue 9). Built extension, headless Chromium.
//
// Feeds (test/bench/pages/feed.ts): a synthetic X home timeline at https://x.com/home (the demo page shell from
// scripts/demo-feed.mjs, served by request routing; tweets built by the demo's X-shaped `tweet()`), grown by a
// script in the page that scrolls 200 px per animation frame (the tweets drawn compact, about 50 px each, so a tweet
// stays on screen for several frames and 2,000 of them go by in 480 frames) until every tweet has gone through:
//   - 'recycle': ~30 cellInnerDivs kept mounted, moved with translateY, the next tweet written into them (X);
//   - 'keep': cells appended and never removed (Reddit, YouTube grids).
// The naive scanner (pages/naive.ts: MutationObserver → querySelectorAll(every tweet) → the real X adapter's read of
// each; no visibility tracking, no badges, no messaging) runs on the same feed in the same browser, on
// https://bench.localhost/home (no content script there), injected as a page script.
//
// Method (test/bench/scan-trace.ts): each run is one Chromium trace (CDP Tracing: toplevel, blink.user_timing and
// the V8 sampling profiler). Main-thread time is summed from CPU-profile samples whose stack holds a frame of the
// script measured: any url starting with chrome-extension://<id>/ for Postmeter (content script, its callbacks and
// promise continuations, native work it called: scan, parse, badge, messaging), the naive scanner's sourceURL
// (pm-naive-scanner.js) for it — the same method for both sides. A sample stands for the time since the previous one
// (about 180 µs; at most 10 ms). Long tasks: top-level main-thread tasks > 50 ms with an extension sample in them
// (see long_tasks below). The method is checked at the start of every run of the group: a script evaluated
// with a chrome-extension://<id>/ sourceURL busies one animation frame for 80 ms; the trace must give it one long
// task of at least 80 ms with at least a quarter of it attributed to it (most of it on an idle machine: the
// figure attribution_check_ms), or the group fails.
// Not counted on either side: style/layout/paint in the rendering step and Blink's IntersectionObserver work
// (no JS frame on the stack), and garbage collection.
//
// Figures (medians over the rounds: two of the recycling feed, one of the keeping feed, whose runs are the long ones —
// the naive scanner's is quadratic — so the group stays near 2–2.5 minutes with the two timed naive runs below; the two
// sides of each ratio run one after the other in the same browser, order flipped every round):
//   - scan_flatness ≤ 1.3: on the recycling feed, extension µs per new post over posts 1,801–2,000 ÷ over posts
//     201–400 (windows between the marks set when those tweets are written into the DOM; the first 200 are left
//     out as warm-up, when the JIT has not yet compiled the content script and early costs flatter the ratio).
//     In quick mode (100 tweets) tweets 1–51 against 51–100. scan_flatness_keep: the same on the keeping feed (no
//     budget).
//   - content_us_per_post ≤ 150: all extension main-thread µs over the whole recycling run (from the first frame
//     until 1.5 s after the last tweet has gone by, so the last batch is sent) ÷ tweets.
//     content_us_per_post_keep: the same on the keeping feed (no budget).
//   - scan_vs_naive ≥ 20: the naive scanner's time ÷ Postmeter's whole content-script time, keeping feed.
//   - scan_vs_naive_recycled ≥ 5: the same on the recycling feed.
//     naive_us_per_post(_keep) and naive_reads_per_post(_keep) (no budget): the naive side's time per tweet and how
//     many times it read each tweet, on the recycling (keeping) feed.
//   - What bounds the two ratios (no budget): after the rounds, one more naive run per feed with each read timed
//     (performance.now around the adapter's read: a run of its own, as the clock calls are the naive side's time
//     too, and left out of every other figure). naive_first_read_us(_keep): the mean µs of a tweet's first read;
//     naive_repeat_read_us(_keep): of a read after that. scan_vs_naive(_recycled)_ceiling: that run's time ÷ (tweets ×
//     naive_first_read_us), both sides from the one run: the ratio a scanner would get whose whole cost was one read
//     of each tweet at the naive scanner's own first-read cost — no observers, no badges, no messages. The clock:
//     performance.now() is coarsened to 100 µs with jitter on these pages, so one read's time is not known but the
//     mean over thousands is (measured 2026-11-30: 3,000 timed calls of a 45 µs workload averaged 45.4 µs, the
//     same loop timed whole 46.0); its two calls per read, about 0.19 µs each, add under 1 % to the timed run.
//   - long_tasks = 0: long tasks the extension made long, summed over every Postmeter run: top-level main-thread tasks
//     over 50 ms that hold extension samples and would not be over 50 ms without them (duration − the extension's
//     time in it ≤ 50 ms). A frame task runs the page's work and every rAF callback together, so a frame the page
//     made long (its own layout of a 2,000-post document) holds an extension sample whenever the scanner's rAF
//     flush ran in it; those are counted in long_tasks_with_extension (no budget), not blamed on the extension.
// Each Postmeter run starts once the content script answers (its scanner runs) and is checked: the scanner must have
// seen every tweet (the tab's 'tab-posts' keys) with counters, and the naive scanner must have read every tweet with
// counters (so the real X adapter reads every synthetic tweet with its counts).
// Diagnostics: POSTMETER_SCAN_HOTSPOTS=1 logs where each run's time went; POSTMETER_SCAN_ONLY=postmeter:recycle
// (side:mode; naive*:mode for a timed naive run) runs one kind of run only.
import type { Browser, Page } from 'playwright-core';
import { homePage } from '../../scripts/demo-feed.mjs';
import { tabIdOf } from '../e2e/harness';
import { callPage, launchBenchBrowser, pageScript, seconds, type BenchBrowser } from './browser';
import { figure, median, type BenchGroup, type Figure } from './harness';
import type * as FeedPage from './pages/feed';
import type { NaiveStats } from './pages/naive';
import { analyseTrace, hotspots, inclusiveHotspots, LONG_TASK_MS, mark, ownedLongTasks, ownedUs, type TraceAnalysis, type TraceEvent } from './scan-trace';

const X_HOME = 'https://x.com/home';
const NAIVE_HOME = 'https://bench.localhost/home';
const FEED_URL = 'pm-feed.js';
const NAIVE_URL = 'pm-naive-scanner.js';
const CATEGORIES = [
  '-*',
  'toplevel',
  'blink.user_timing',
  '__metadata',
  'disabled-by-default-v8.cpu_profiler',
];

type Side = 'postmeter' | 'naive';
type Mode = FeedPage.FeedOptions['mode'];

interface Run {
  side: Side;
  mode: Mode;
  /** µs of the measured script over the whole run. */
  totalUs: number;
  /** µs per post in the early and late windows. */
  earlyUs: number;
  lateUs: number;
  /** Long tasks the script made long (see the header), and long tasks it merely ran in. */
  longTasks: number;
  longTasksWith: number;
  wallMs: number;
  /** Reads of a tweet by the adapter (the naive side only; Postmeter reads each once, and again only on a change). */
  reads?: number;
  /** A timed naive run (see pages/naive.ts): mean µs of a tweet's first read by the adapter, and of a repeat. */
  firstReadUs?: number;
  repeatReadUs?: number;
}

declare const chrome: { tabs: { sendMessage(tabId: number, message: unknown): Promise<{ keys: string[]; unrecognised: boolean }> } };

const scanGroup: BenchGroup = async (ctx) => {
  const size = ctx.quick
    ? { posts: 100, rounds: 1, keepRounds: 1, stepPx: 200, cells: 30 }
    : { posts: 2000, rounds: 2, keepRounds: 1, stepPx: 200, cells: 30 };
  // Posts 201–400 and 1,801–2,000 (see the header); in quick mode two windows after the first screens.
  const windows = ctx.quick
    ? ({ early: [1, 51], late: [51, 100] } as const)
    : ({ early: [200, 400], late: [size.posts - 200, size.posts] } as const);
  const feedOptions = (mode: Mode): FeedPage.FeedOptions => ({
    mode,
    posts: size.posts,
    stepPx: size.stepPx,
    cells: size.cells,
    marks: [...windows.early, ...windows.late],
    settleMs: 1500,
  });

  const b: BenchBrowser = await launchBenchBrowser();
  try {
    ctx.log(`Chromium ${b.version}`);
    const context = b.ext.context;
    const browser = context.browser() as Browser;
    const extOrigin = `chrome-extension://${b.ext.extensionId}/`;
    const shell = homePage([]);
    // Registered after launchBenchBrowser's bench.localhost route: Playwright tries the latest first.
    for (const url of [X_HOME, NAIVE_HOME]) {
      await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: shell }));
    }
    const feedSource = `${await pageScript(ctx.root, 'feed')}\n//# sourceURL=${FEED_URL}\n`;
    const naiveSource = `${await pageScript(ctx.root, 'naive')}\n//# sourceURL=${NAIVE_URL}\n`;
    const CHECK_URL = `${extOrigin}bench-slow-check.js`;
    // Owners: 0 the extension (anything under its origin), 1 the naive scanner, 2 the self-check's slow script.
    const owners = [(u: string) => u.startsWith(extOrigin), (u: string) => u === NAIVE_URL, (u: string) => u === CHECK_URL];

    async function traced<T>(page: Page, work: () => Promise<T>): Promise<{ result: T; trace: TraceAnalysis }> {
      await browser.startTracing(page, { categories: CATEGORIES });
      let result: T;
      try {
        result = await work();
      } catch (error) {
        await browser.stopTracing().catch(() => undefined);
        throw error;
      }
      const raw = await browser.stopTracing();
      const parsed = JSON.parse(raw.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
      const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
      return { result, trace: analyseTrace(events, FEED_URL, owners) };
    }

    async function openFeedPage(side: Side, timed = false): Promise<Page> {
      const page = await context.newPage();
      await page.goto(side === 'postmeter' ? X_HOME : NAIVE_HOME);
      if (side === 'postmeter') {
        // The content script starts at document_idle and reads its preferences first; it answers the popup's
        // question once its scanner runs. Nothing of it is read before (its first tweet is part of the run).
        const tabId = await tabIdOf(b.ext, page);
        const worker = await b.ext.worker();
        for (let i = 0; ; i++) {
          const ok = await worker
            .evaluate(([id]) => chrome.tabs.sendMessage(id, { type: 'tab-posts' }).then(() => true, () => false), [tabId] as const)
            .catch(() => false);
          if (ok) break;
          if (i > 100) throw new Error('the content script never answered on the feed page');
          await page.waitForTimeout(50);
        }
      }
      await page.evaluate(feedSource);
      if (side === 'naive') {
        const world = await naiveWorld(page);
        await world.evaluate(`${naiveSource}; globalThis.__pmBench.startNaive(${timed}); true`);
        naiveWorlds.set(page, world);
      }
      return page;
    }

    /**
     * The naive scanner runs where a stat-overlay extension's code runs: a content script's isolated world, as
     * Postmeter's does, not the page's own. An isolated world reaches each DOM node through its own wrapper (Blink
     * keeps them in a per-world map), so the same reading costs more there; run in the page's world the naive side
     * would be measured on cheaper DOM access than any extension gets.
     */
    const naiveWorlds = new Map<Page, { evaluate(expression: string): Promise<unknown> }>();
    async function naiveWorld(page: Page) {
      const cdp = await context.newCDPSession(page);
      const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
      const { executionContextId } = (await cdp.send('Page.createIsolatedWorld', {
        frameId: frameTree.frame.id,
        worldName: 'postmeter-bench-naive',
      })) as { executionContextId: number };
      return {
        async evaluate(expression: string): Promise<unknown> {
          const r = (await cdp.send('Runtime.evaluate', { expression, contextId: executionContextId, returnByValue: true })) as {
            result: { value?: unknown };
            exceptionDetails?: { text?: string; exception?: { description?: string } };
          };
          if (r.exceptionDetails) throw new Error(`naive scanner: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
          return r.result.value;
        },
      };
    }

    // ── the method's self-check: an extension-like script that takes 80 ms in one frame ──────────────────────
    const check = await (async () => {
      const page = await openFeedPage('postmeter');
      try {
        const slow = `requestAnimationFrame(function pmSlowCheck() { const until = performance.now() + 80; while (performance.now() < until); });\n//# sourceURL=${CHECK_URL}\n`;
        const { trace } = await traced(page, async () => {
          await page.evaluate(`performance.mark('pm-check-start'); requestAnimationFrame(() => {});`);
          // The feed driver's frames must be in the profile (it names the page's process): one tiny frame of it.
          await callPage<typeof FeedPage, 'runFeed'>(page, 'runFeed', { ...feedOptions('keep'), posts: 1, settleMs: 50 });
          await page.evaluate(slow);
          await page.waitForTimeout(300);
        });
        // Its own url (owner 2) must give exactly one long task of about 80 ms, also counted as the extension's
        // (owner 0: any url under the extension's origin).
        const long = ownedLongTasks(trace, 2);
        const asExtension = ownedLongTasks(trace, 0);
        const ms = long[0]?.ownerMs ?? 0;
        const describe = (ts: typeof long) => ts.map((t) => `${t.durMs.toFixed(0)} ms task, ${t.ownerMs.toFixed(1)} ms attributed`).join('; ');
        ctx.log(
          `attribution check: an 80 ms busy frame → ${long.length} long task(s) (${describe(long)}); long tasks holding` +
            ` extension samples on that page: ${asExtension.length} (${describe(asExtension)}); sample interval ${trace.intervalUs.toFixed(0)} µs`,
        );
        // On a loaded machine the busy loop (80 ms of wall time) loses the CPU now and then, and the samples with it
        // (a sample stands for at most 10 ms): a quarter of it must be found, and never more than the task lasted.
        const found =
          long.length === 1 && long[0]!.durMs >= 79 && ms >= 20 && ms <= long[0]!.durMs + 1 && asExtension.some((t) => t.ts === long[0]!.ts);
        if (!found) throw new Error('the trace attribution did not find the deliberately slow extension-like script');
        return ms;
      } finally {
        await page.close();
      }
    })();

    async function run(side: Side, mode: Mode, timed = false): Promise<Run> {
      const page = await openFeedPage(side, timed);
      try {
        const t0 = performance.now();
        const { result, trace } = await traced(page, () => callPage<typeof FeedPage, 'runFeed'>(page, 'runFeed', feedOptions(mode)));
        const wallMs = performance.now() - t0;
        if (result.written !== size.posts) throw new Error(`the feed wrote ${result.written} tweets, not ${size.posts}`);
        const owner = side === 'postmeter' ? 0 : 1;
        const from = mark(trace, 'pm-feed-start');
        const to = mark(trace, 'pm-feed-settled');
        const per = (w: readonly [number, number]) =>
          ownedUs(trace, owner, mark(trace, `pm-post-${w[0]}`), mark(trace, `pm-post-${w[1]}`)) / (w[1] - w[0]);
        const r: Run = {
          side,
          mode,
          totalUs: ownedUs(trace, owner, from, to),
          earlyUs: per(windows.early),
          lateUs: per(windows.late),
          longTasks: ownedLongTasks(trace, owner, from, to).filter((t) => t.durMs - t.ownerMs <= LONG_TASK_MS).length,
          longTasksWith: ownedLongTasks(trace, owner, from, to).length,
          wallMs,
        };
        // Did it read every tweet?
        let seen: string;
        if (side === 'postmeter') {
          const tabId = await tabIdOf(b.ext, page);
          const worker = await b.ext.worker();
          const reply = await worker.evaluate(([id]) => chrome.tabs.sendMessage(id, { type: 'tab-posts' }), [tabId] as const);
          if (reply.keys.length !== size.posts || reply.unrecognised) {
            const keys = new Set(reply.keys);
            const missed = result.ids.flatMap((id, i) => (keys.has(`x:${id}`) ? [] : [i + 1]));
            throw new Error(
              `Postmeter saw ${reply.keys.length} of ${size.posts} tweets on the ${mode} feed (unrecognised: ${reply.unrecognised};` +
                ` missed tweets ${missed.slice(0, 20).join(', ')}; ${result.frames} frames, cell ${result.cellHeight.toFixed(0)} px)`,
            );
          }
          seen = `${reply.keys.length} seen`;
        } else {
          const stats = (await naiveWorlds.get(page)!.evaluate('globalThis.__pmBench.naiveStats()')) as NaiveStats;
          if (stats.posts !== size.posts) throw new Error(`the naive scanner read ${stats.posts} of ${size.posts} tweets with counters`);
          seen = `${stats.posts} read with counters, ${stats.callbacks} callbacks, ${stats.reads} reads`;
          r.reads = stats.reads;
          if (timed) {
            if (stats.firstReadUs === null) throw new Error('the timed naive scanner timed no first read');
            r.firstReadUs = stats.firstReadUs;
            r.repeatReadUs = stats.repeatReadUs ?? NaN;
            seen += ` (timed: first read ${r.firstReadUs.toFixed(1)} µs, repeat ${r.repeatReadUs.toFixed(1)} µs)`;
          }
        }
        ctx.log(
          `${(timed ? `${side}*` : side).padEnd(9)} ${mode.padEnd(7)} ${(r.totalUs / 1000).toFixed(1).padStart(8)} ms (${(r.totalUs / size.posts).toFixed(1)} µs/post;` +
            ` early ${r.earlyUs.toFixed(1)}, late ${r.lateUs.toFixed(1)} µs/post), ${r.longTasks} long tasks made long by it` +
            ` (${r.longTasksWith} with some of it), ${seen},` +
            ` ${result.frames} frames, cell ${result.cellHeight.toFixed(0)} px, ${result.articles} articles, ${seconds(wallMs)}`,
        );
        if (process.env.POSTMETER_SCAN_HOTSPOTS) {
          for (const [where, us] of hotspots(trace, owner, 25, from, to)) ctx.log(`    ${(us / 1000).toFixed(1).padStart(8)} ms  ${where}`);
          if (owner === 0) {
            ctx.log('    inclusive (each function with what it called):');
            for (const [where, us] of inclusiveHotspots(trace, 40, from, to)) ctx.log(`    ${(us / 1000).toFixed(1).padStart(8)} ms  ${where}`);
          }
          // Each task the script made long: when, how long, its share, and where that share went.
          for (const t of ownedLongTasks(trace, owner, from, to).filter((l) => l.durMs - l.ownerMs <= LONG_TASK_MS)) {
            const at = ((t.ts - from) / 1000).toFixed(0);
            const top = hotspots(trace, owner, 4, t.ts, t.ts + t.durMs * 1000).map(([w, us]) => `${(us / 1000).toFixed(1)} ms ${w}`);
            ctx.log(`    long task at +${at} ms: ${t.durMs.toFixed(1)} ms, ${t.ownerMs.toFixed(1)} ms of it ours: ${top.join('; ')}`);
          }
        }
        return r;
      } finally {
        naiveWorlds.delete(page);
        await page.close();
      }
    }

    // Diagnostics (see the header): the figures of the runs left out are NaN.
    const only = process.env.POSTMETER_SCAN_ONLY;
    const runs: Run[] = [];
    for (let round = 0; round < size.rounds; round++) {
      const sides: Side[] = round % 2 === 0 ? ['postmeter', 'naive'] : ['naive', 'postmeter'];
      for (const mode of round < size.keepRounds ? (['recycle', 'keep'] as const) : (['recycle'] as const)) {
        for (const side of sides) if (!only || only === `${side}:${mode}`) runs.push(await run(side, mode));
      }
    }

    // One timed naive run per feed, after the rounds and left out of them (see the header).
    const timedRuns: Run[] = [];
    for (const mode of ['recycle', 'keep'] as const) if (!only || only === `naive*:${mode}`) timedRuns.push(await run('naive', mode, true));
    const timedRun = (mode: Mode) => timedRuns.find((r) => r.mode === mode);

    const pick = (side: Side, mode: Mode, f: (r: Run) => number) => median(runs.filter((r) => r.side === side && r.mode === mode).map(f));
    /** The timed run's time ÷ its first reads (one per tweet): the ratio of a scanner whose only cost is that one read. */
    const ceiling = (mode: Mode) => {
      const r = timedRun(mode);
      return r?.firstReadUs ? r.totalUs / (size.posts * r.firstReadUs) : NaN;
    };
    const flat = (mode: Mode) => pick('postmeter', mode, (r) => r.lateUs / r.earlyUs);
    const out: Figure[] = [
      figure('scan_flatness', flat('recycle'), 'x', { op: '<=', limit: 1.3 }),
      figure('content_us_per_post', pick('postmeter', 'recycle', (r) => r.totalUs) / size.posts, 'us', { op: '<=', limit: 150 }),
      figure('scan_vs_naive', pick('naive', 'keep', (r) => r.totalUs) / pick('postmeter', 'keep', (r) => r.totalUs), 'x', { op: '>=', limit: 20 }),
      figure('scan_vs_naive_recycled', pick('naive', 'recycle', (r) => r.totalUs) / pick('postmeter', 'recycle', (r) => r.totalUs), 'x', { op: '>=', limit: 5 }),
      figure('long_tasks', runs.filter((r) => r.side === 'postmeter').reduce((n, r) => n + r.longTasks, 0), 'count', { op: '<=', limit: 0 }),
      figure('long_tasks_with_extension', runs.filter((r) => r.side === 'postmeter').reduce((n, r) => n + r.longTasksWith, 0), 'count'),
      figure('scan_flatness_keep', flat('keep'), 'x'),
      figure('content_us_per_post_keep', pick('postmeter', 'keep', (r) => r.totalUs) / size.posts, 'us'),
      figure('naive_us_per_post', pick('naive', 'recycle', (r) => r.totalUs) / size.posts, 'us'),
      figure('naive_us_per_post_keep', pick('naive', 'keep', (r) => r.totalUs) / size.posts, 'us'),
      // How often the naive scanner reads each tweet: its repeat reads are what the ratios weigh Postmeter's one against.
      figure('naive_reads_per_post', pick('naive', 'recycle', (r) => r.reads ?? NaN) / size.posts, 'x'),
      figure('naive_reads_per_post_keep', pick('naive', 'keep', (r) => r.reads ?? NaN) / size.posts, 'x'),
      figure('naive_first_read_us', timedRun('recycle')?.firstReadUs ?? NaN, 'us'),
      figure('naive_repeat_read_us', timedRun('recycle')?.repeatReadUs ?? NaN, 'us'),
      figure('naive_first_read_us_keep', timedRun('keep')?.firstReadUs ?? NaN, 'us'),
      figure('naive_repeat_read_us_keep', timedRun('keep')?.repeatReadUs ?? NaN, 'us'),
      // The most either ratio can be for a scanner that reads each tweet once with the same adapter (at the naive
      // side's cost of a first read) and does nothing else: no observers, no badges, no messages.
      figure('scan_vs_naive_ceiling', ceiling('keep'), 'x'),
      figure('scan_vs_naive_recycled_ceiling', ceiling('recycle'), 'x'),
      figure('attribution_check_ms', check, 'ms'),
    ];
    return out;
  } finally {
    await b.close().catch(() => undefined);
  }
};

export default scanGroup;
