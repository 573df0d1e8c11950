// popup_open_ratio: time from navigation start until the popup shows what it has to show, with 10k posts /
// 200k snapshots stored ÷ with an empty database (issue 9, budget ≤ 1.5). Built extension, headless Chromium,
// the extension's real IndexedDB.
//
// Two browser profiles run side by side: one left empty, one seeded (rows written directly, in 10k-row
// transactions, from an extension page: same origin, so the popup's own database). Popup opens alternate
// between them (empty, seeded, seeded, empty, …) after a warm-up open of each, so both see the same machine.
// Each open is a fresh tab at chrome-extension://<id>/popup.html; the median of the runs is taken per side.
//
// What "shown" means (recorded in the page by an init script, performance.now() = ms since navigation start):
//   - seeded: the first post row ([data-postmeter-row]) is in the DOM (a MutationObserver callback);
//   - empty: the "Recent" section's empty message (.pm-empty) is in the DOM AND the popup's database reads
//     have finished. The empty message alone is not enough: the popup renders it before it has read anything
//     (its list starts empty), so it would time a render that has not looked at the database at all. The
//     reads' end is the last IndexedDB request's success event (seen through a hook on addEventListener of
//     IDBRequest), plus one task, so the render those results cause (Preact renders in a microtask) is in.
//     The bare empty message's time is printed too (popup_empty_message_ms, no budget), for comparison.
import type { BrowserContext, Page } from 'playwright-core';
import { callPage, injectPageScript, launchBenchBrowser, seconds, type BenchBrowser } from './browser';
import { figure, median, type BenchGroup } from './harness';
import type * as PopupPage from './pages/popup';

interface Probe {
  /** First [data-postmeter-row] in the DOM; -1: not yet. */
  firstRow: number;
  /** First .pm-empty in the "Recent" section; -1: not yet. */
  firstEmpty: number;
  /** IndexedDB request success events so far, and when the last one fired. */
  idbSuccesses: number;
  lastIdbSuccess: number;
  /** One task after the last success event (its consequences rendered); -1 until then. */
  afterLastIdb: number;
  /** When the database was open (the open request's success event); -1: not yet. */
  opened: number;
}

/** Runs in every popup.html document before its own scripts (context.addInitScript). */
function popupProbe(): void {
  if (location.protocol !== 'chrome-extension:' || location.pathname !== '/popup.html') return;
  const probe: Probe = { firstRow: -1, firstEmpty: -1, idbSuccesses: 0, lastIdbSuccess: -1, afterLastIdb: -1, opened: -1 };
  (window as unknown as { __pmProbe: Probe }).__pmProbe = probe;
  const channel = new MessageChannel();
  channel.port1.onmessage = (e: MessageEvent<number>) => {
    if (e.data === probe.idbSuccesses) probe.afterLastIdb = performance.now();
  };
  // Registered on each request before the page's own listener, so it runs first; the page's promise chain
  // (and the render it triggers) then runs in microtasks, before the message posted here is delivered.
  const onSuccess = (e: Event) => {
    if (probe.opened < 0 && e.target instanceof IDBOpenDBRequest) probe.opened = performance.now();
    probe.idbSuccesses++;
    probe.lastIdbSuccess = performance.now();
    channel.port2.postMessage(probe.idbSuccesses);
  };
  const add = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, listener: never, options?: never) {
    if (type === 'success' && this instanceof IDBRequest) add.call(this, 'success', onSuccess);
    return add.call(this, type, listener, options);
  } as typeof add;
  const check = () => {
    if (probe.firstRow < 0 && document.querySelector('[data-postmeter-row]')) probe.firstRow = performance.now();
    if (probe.firstEmpty < 0 && document.querySelector('[aria-labelledby="pm-recent"] .pm-empty')) probe.firstEmpty = performance.now();
  };
  // Preact may turn one element into another in place (the "Loading…" line becomes the empty message by a
  // class and text change), so attribute and text changes count too, not only added nodes.
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
}

interface Open {
  /** ms from navigation start until shown (see the header). */
  shown: number;
  probe: Probe;
}

/** Opens the popup in a fresh tab and waits until it has shown its rows (or, empty, finished reading). */
async function openPopup(context: BrowserContext, extensionId: string, expectRows: boolean): Promise<Open> {
  const page: Page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    const read = () => page.evaluate(() => ({ ...(window as unknown as { __pmProbe: Probe }).__pmProbe }));
    if (expectRows) {
      await page.waitForFunction(() => (window as unknown as { __pmProbe?: Probe }).__pmProbe!.firstRow >= 0, null, { timeout: 30_000, polling: 50 });
    } else {
      await page.waitForFunction(() => (window as unknown as { __pmProbe?: Probe }).__pmProbe!.firstEmpty >= 0, null, { timeout: 30_000, polling: 50 });
    }
    // Reads are over when no request has succeeded for a while and the task after the last one has run.
    let probe = await read();
    for (let quiet = 0; quiet < 4; ) {
      await page.waitForTimeout(100);
      const next = await read();
      quiet = next.idbSuccesses === probe.idbSuccesses && next.afterLastIdb >= next.lastIdbSuccess ? quiet + 1 : 0;
      probe = next;
    }
    if (probe.idbSuccesses === 0) throw new Error('the popup made no IndexedDB request: nothing to time (did it change how it reads?)');
    if (expectRows && probe.firstRow < 0) throw new Error('no post row in the seeded popup');
    if (!expectRows && probe.firstRow >= 0) throw new Error('a post row in the empty popup');
    return { shown: expectRows ? probe.firstRow : Math.max(probe.firstEmpty, probe.afterLastIdb), probe };
  } finally {
    await page.close();
  }
}

const popupGroup: BenchGroup = async (ctx) => {
  const size = ctx.quick
    ? { posts: 200, snapshotsPerPost: 20, warmups: 0, runs: 1 }
    : { posts: 10_000, snapshotsPerPost: 20, warmups: 2, runs: 9 };
  const browsers: BenchBrowser[] = [];
  try {
    const launched = await Promise.allSettled([launchBenchBrowser(), launchBenchBrowser()]);
    for (const l of launched) if (l.status === 'fulfilled') browsers.push(l.value);
    for (const l of launched) if (l.status === 'rejected') throw l.reason;
    const [empty, seeded] = browsers as [BenchBrowser, BenchBrowser];
    ctx.log(`Chromium ${empty.version}`);
    for (const b of browsers) await b.ext.context.addInitScript(popupProbe);

    const seedPage = await seeded.extensionPage('popup.html');
    await injectPageScript(seedPage, ctx.root, 'popup');
    const s = await callPage<typeof PopupPage, 'seedPopupDatabase'>(seedPage, 'seedPopupDatabase', {
      posts: size.posts,
      snapshotsPerPost: size.snapshotsPerPost,
      rowsPerTx: 10_000,
    });
    await seedPage.close();
    ctx.log(`seeded ${s.posts} posts / ${s.snapshots} snapshots in ${seconds(s.ms)} (recentPosts sees ${s.recent})`);
    if (s.snapshots !== size.posts * size.snapshotsPerPost || s.recent === 0) throw new Error('seeding did not land');

    const times = { empty: [] as number[], seeded: [] as number[] };
    const bareEmpty: number[] = [];
    const once = async (side: 'empty' | 'seeded', record: boolean) => {
      const b = side === 'empty' ? empty : seeded;
      const o = await openPopup(b.ext.context, b.ext.extensionId, side === 'seeded');
      const p = o.probe;
      ctx.log(
        `${record ? '' : '(warm-up) '}${side}: shown at ${o.shown.toFixed(1)} ms` +
          ` (database open ${p.opened.toFixed(1)}, empty message ${p.firstEmpty.toFixed(1)}, first row ${p.firstRow.toFixed(1)},` +
          ` ${p.idbSuccesses} IDB reads, last at ${p.lastIdbSuccess.toFixed(1)} ms)`,
      );
      if (record) times[side].push(o.shown);
      if (record && side === 'empty') bareEmpty.push(p.firstEmpty);
    };
    for (let i = 0; i < size.warmups; i++) for (const side of ['empty', 'seeded'] as const) await once(side, false);
    for (let i = 0; i < size.runs; i++) {
      const order = i % 2 === 0 ? (['empty', 'seeded'] as const) : (['seeded', 'empty'] as const);
      for (const side of order) await once(side, true);
    }
    const e = median(times.empty);
    const sd = median(times.seeded);
    return [
      figure('popup_open_ratio', sd / e, 'x', { op: '<=', limit: 1.5 }),
      figure('popup_open_empty_ms', e, 'ms'),
      figure('popup_open_seeded_ms', sd, 'ms'),
      // The empty side timed at its bare empty message, before any read (see the header): for comparison only.
      figure('popup_empty_message_ms', median(bareEmpty), 'ms'),
    ];
  } finally {
    await Promise.all(browsers.map((b) => b.close().catch(() => undefined)));
  }
};

export default popupGroup;
