// The extension's lifecycle under open pages: reloaded or updated while a site tab is open (the old content
// script is orphaned: it must stop and take its badges away without one uncaught error, and count what it
// could no longer deliver), and the service worker killed in the middle of ingesting (every batch it
// acknowledged is stored whole, none is half-written, and the next one after the restart is stored).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { homePage, tweet, withIds } from '../../scripts/demo-feed.mjs';
import type { DemoTweet, DemoTweetWithId } from '../../scripts/demo-feed.mjs';
import { collectPageErrors, scrollThrough, settle, useBrowser, type Extension, type SiteServer } from './harness';

// What the functions passed to evaluate() use inside the extension (service worker or extension page) and
// chrome://extensions.
declare const chrome: {
  runtime: { id: string; reload(): void; sendMessage(message: unknown): Promise<unknown> };
  /** chrome://extensions only. */
  developerPrivate: { updateProfileConfiguration(update: { inDeveloperMode: boolean }): Promise<void> };
};

const HOME = 'https://x.com/home';
const EXPLORE = 'https://x.com/explore';

const make = (handle: string, c: DemoTweet['c'], age = 90): DemoTweet => ({ name: handle, handle, age, text: `Post by ${handle}`, c });
const isOurs = (ext: Extension) => (w: Worker) => w.url().startsWith(`chrome-extension://${ext.extensionId}/`);

/**
 * Chromium 156 disables an extension loaded with --load-extension when it reloads, unless the profile is in
 * developer mode (disable reason DISABLE_UNSUPPORTED_DEVELOPER_EXTENSION): switched on in chrome://extensions.
 */
async function allowReloads(ext: Extension): Promise<void> {
  const settings = await ext.context.newPage();
  await settings.goto('chrome://extensions');
  await settings.evaluate(() => chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true }));
  await settings.close();
}

/** chrome.runtime.reload() in the service worker (what an update does to open tabs too); resolves with the new worker. */
async function reloadExtension(ext: Extension): Promise<Worker> {
  const old = await ext.worker();
  const next = ext.context.waitForEvent('serviceworker', { predicate: (w) => isOurs(ext)(w) && w !== old, timeout: 15_000 });
  // Deferred, so the evaluate call returns before its worker goes away.
  await old.evaluate(() => void setTimeout(() => chrome.runtime.reload(), 0));
  return next;
}

interface StoredPost {
  postId: string;
  metrics: Record<string, { value: number }>;
  lastSeen: number;
  snapshots: number;
}
interface StoredSnapshot {
  postId: string;
  observedAt: number;
}

/** Every post and snapshot in the extension's IndexedDB, read in an extension page (same origin as the background). */
async function readDatabase(ext: Extension): Promise<{ posts: StoredPost[]; snapshots: StoredSnapshot[] }> {
  const page = await ext.context.newPage();
  try {
    await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    return await page.evaluate(
      () =>
        new Promise<{ posts: StoredPost[]; snapshots: StoredSnapshot[] }>((resolve, reject) => {
          const open = indexedDB.open('postmeter');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(['posts', 'snapshots']);
            const posts = tx.objectStore('posts').getAll();
            const snapshots = tx.objectStore('snapshots').getAll();
            tx.oncomplete = () => {
              db.close();
              resolve({ posts: posts.result, snapshots: snapshots.result });
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
  } finally {
    await page.close();
  }
}

/**
 * Replaces a tweet's cell with `next` (same id, new counts), as X re-renders one, and waits until the content
 * script has read it: its badge is drawn again on the new element (`badges` in all). Its batch leaves a second later.
 */
async function showChanged(page: Page, next: DemoTweetWithId, now: number, badges: number): Promise<void> {
  await page.evaluate(
    ({ id, html }) => {
      const cell = document.querySelector(`a[href$="/status/${id}"]`)!.closest('[data-testid="cellInnerDiv"]')!;
      const template = document.createElement('template');
      template.innerHTML = html;
      cell.replaceWith(template.content.firstElementChild!);
    },
    { id: next.id, html: tweet(next, { now }) },
  );
  await expect.poll(() => badgeCount(page), { timeout: 2_000, interval: 20 }).toBe(badges);
}

/**
 * An extension page that holds a readwrite transaction on `posts` open until it is closed: the background's
 * ingest of the next batch waits behind it, so the content script's sendMessage stays unanswered meanwhile.
 */
async function holdIngest(ext: Extension): Promise<Page> {
  const blocker = await ext.context.newPage();
  await blocker.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  await blocker.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('postmeter');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction('posts', 'readwrite').objectStore('posts');
          // A request chained on each success keeps the transaction alive until the page goes away.
          const spin = () => (store.count().onsuccess = spin);
          spin();
          resolve();
        };
      }),
  );
  return blocker;
}

const badgeCount = (page: Page) => page.locator('[data-postmeter-post]').count();
const dropped = (page: Page) => page.evaluate(() => document.documentElement.getAttribute('data-postmeter-dropped'));

/** x.com/home showing one tweet, opened, read, badged and recorded. */
async function openOnePost(b: { ext: Extension; site: SiteServer }, tweet: DemoTweet, seq: number) {
  const now = Date.now();
  const [post] = withIds([tweet], now, seq);
  b.site.set(HOME, homePage([post!], now));
  const page = await b.ext.context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(HOME);
  await scrollThrough(page);
  await expect.poll(() => badgeCount(page), { timeout: 10_000 }).toBe(1);
  await settle(page);
  return { now, post: post!, page, errors };
}
/** The like count a post has in the database (undefined: not stored). */
const storedLikes = async (ext: Extension, id: string) => (await readDatabase(ext)).posts.find((p) => p.postId === id)?.metrics.likes?.value;

describe('extension lifecycle in Chromium', () => {
  const b = useBrowser();
  beforeAll(() => allowReloads(b.ext));

  it('reloaded under an open tab: the old script stops quietly and counts what it could not send; a reload of the page records again', async () => {
    const now = Date.now();
    const [steady, changing] = withIds(
      [make('steady_one', { replies: 1, reposts: 2, likes: 30, bookmarks: 0, views: 4000 }), make('changing_one', { replies: 3, reposts: 4, likes: 50, bookmarks: 0, views: 6000 })],
      now,
      61,
    );
    b.site.set(HOME, homePage([steady!, changing!], now));
    const page = await b.ext.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(HOME);
    await scrollThrough(page);
    await expect.poll(() => badgeCount(page), { message: 'badges before the reload', timeout: 10_000 }).toBe(2);
    await settle(page);
    expect(await storedLikes(b.ext, changing!.id)).toBe(50);

    // The post's counts change on screen; the scanner reads them at once and holds them for its batch timer
    // (a second): the extension is reloaded before that.
    const grown = { ...changing!, c: { ...changing!.c, likes: 77 } };
    await showChanged(page, grown, now, 2);
    await reloadExtension(b.ext);

    // The orphaned script notices, stops and removes its badges; what it held is counted, never stored.
    await expect.poll(() => badgeCount(page), { message: 'badges of the orphaned script', timeout: 10_000 }).toBe(0);
    await expect.poll(() => dropped(page), { message: 'dropped count', timeout: 5_000 }).toBe('1');
    // Nothing the old script owns wakes up again: more changes, scrolling, hiding the page.
    await page.evaluate(() => document.querySelectorAll('article').forEach((a) => a.setAttribute('aria-label', 'changed')));
    await scrollThrough(page);
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await page.waitForTimeout(1_500);
    expect(await badgeCount(page)).toBe(0);
    expect(await storedLikes(b.ext, changing!.id), 'the undelivered count is not stored').toBe(50);
    expect(errors.errors, 'uncaught errors in the page after the reload').toEqual([]);

    // Reloading the page runs the new script, which reads and records the post again.
    b.site.set(HOME, homePage([steady!, grown], now));
    await page.reload();
    await scrollThrough(page);
    await expect.poll(() => badgeCount(page), { message: 'badges from the new script', timeout: 10_000 }).toBe(2);
    await settle(page);
    expect(await storedLikes(b.ext, changing!.id)).toBe(77);
    expect(await dropped(page), 'a fresh page has dropped nothing').toBeNull();
    expect(errors.errors).toEqual([]);
  });

  it('a page opened after the reload is read and recorded normally', async () => {
    const [fresh] = withIds([make('after_reload', { replies: 5, reposts: 6, likes: 70, bookmarks: 0, views: 9000 })], Date.now(), 71);
    b.site.set(EXPLORE, homePage([fresh!]));
    await reloadExtension(b.ext);
    const page = await b.ext.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(EXPLORE);
    await scrollThrough(page);
    await expect.poll(() => badgeCount(page), { message: 'badges on a page opened after the reload', timeout: 10_000 }).toBe(1);
    await settle(page);
    expect(await storedLikes(b.ext, fresh!.id)).toBe(70);
    expect(await dropped(page)).toBeNull();
    expect(errors.errors).toEqual([]);
  });

  it('the service worker stopped mid-ingest loses nothing it acknowledged, half-writes nothing, and stores the next batch', async () => {
    // Batches of POSTS_PER_BATCH new posts each, sent by an extension page (the background accepts only the
    // extension's own senders), IN_FLIGHT at a time, without pause; the worker is stopped once KILL_AFTER have
    // been acknowledged, and the page goes on until AFTER_KILL more batches have been sent.
    const POSTS_PER_BATCH = 10;
    const IN_FLIGHT = 4;
    const KILL_AFTER = 12;
    const AFTER_KILL = 12;
    const sender = await b.ext.context.newPage();
    await sender.goto(`chrome-extension://${b.ext.extensionId}/popup.html`);
    const cdp = await b.ext.context.newCDPSession(sender);
    await cdp.send('ServiceWorker.enable');
    const run = sender.evaluate(
      async ({ size, inFlight, afterKill }) => {
        const state = { acked: 0, killed: false };
        (globalThis as unknown as { killState: typeof state }).killState = state;
        type Outcome = 'acknowledged' | 'no reply' | 'failed';
        const outcomes: { batch: number; outcome: Outcome; afterKill: boolean; error?: string }[] = [];
        let next = 0;
        let sentAfterKill = 0;
        async function lane(): Promise<void> {
          // A cap, so a kill that never comes cannot loop for ever.
          while ((!state.killed || sentAfterKill < afterKill) && next < 5_000) {
            const batch = next++;
            const startedAfterKill = state.killed;
            if (startedAfterKill) sentAfterKill++;
            const posts = Array.from({ length: size }, (_, i) => ({
              site: 'x',
              postId: `kill-${batch}-${i}`,
              url: `https://x.com/kill/status/kill-${batch}-${i}`,
              metrics: { likes: { value: batch, min: batch, max: batch, exact: true } },
            }));
            try {
              const reply = await chrome.runtime.sendMessage({ type: 'observe', observedAt: Date.now(), pageUrl: 'https://x.com/home', posts });
              // The background's answer is an ObserveReply; a worker stopped mid-batch can make Chromium resolve
              // the call with nothing instead, which acknowledges nothing.
              const answered = typeof reply === 'object' && reply !== null && 'prior' in reply;
              if (answered) state.acked++;
              outcomes.push({ batch, outcome: answered ? 'acknowledged' : 'no reply', afterKill: startedAfterKill });
            } catch (error) {
              outcomes.push({ batch, outcome: 'failed', afterKill: startedAfterKill, error: String(error) });
            }
          }
        }
        await Promise.all(Array.from({ length: inFlight }, lane));
        return outcomes;
      },
      { size: POSTS_PER_BATCH, inFlight: IN_FLIGHT, afterKill: AFTER_KILL },
    );
    const killState = () => sender.evaluate(() => (globalThis as unknown as { killState?: { acked: number } }).killState?.acked ?? 0);
    await expect.poll(killState, { timeout: 10_000, interval: 5 }).toBeGreaterThanOrEqual(KILL_AFTER);
    await cdp.send('ServiceWorker.stopAllWorkers');
    const ackedAtKill = await killState();
    await sender.evaluate(() => ((globalThis as unknown as { killState: { killed: boolean } }).killState.killed = true));
    const outcomes = await run;

    const { posts, snapshots } = await readDatabase(b.ext);
    const storedPerBatch = new Map<number, { posts: number; snapshots: number }>();
    const batchOf = (postId: string) => Number(/^kill-(\d+)-/.exec(postId)?.[1] ?? NaN);
    for (const p of posts.filter((p) => p.postId.startsWith('kill-'))) {
      const n = storedPerBatch.get(batchOf(p.postId)) ?? { posts: 0, snapshots: 0 };
      storedPerBatch.set(batchOf(p.postId), { ...n, posts: n.posts + 1 });
    }
    for (const s of snapshots.filter((s) => s.postId.startsWith('kill-'))) {
      const n = storedPerBatch.get(batchOf(s.postId)) ?? { posts: 0, snapshots: 0 };
      storedPerBatch.set(batchOf(s.postId), { ...n, snapshots: n.snapshots + 1 });
    }
    const acked = outcomes.filter((o) => o.outcome === 'acknowledged');
    const failed = outcomes.filter((o) => o.outcome !== 'acknowledged');
    const stored = [...storedPerBatch.values()].filter((n) => n.posts > 0).length;
    console.info(
      `kill test: ${outcomes.length} batches sent, ${acked.length} acknowledged (${ackedAtKill} when the worker was stopped), ` +
        `${failed.length} not (${outcomes.filter((o) => o.outcome === 'no reply').length} resolved without a reply; ` +
        `${failed.filter((o) => storedPerBatch.has(o.batch)).length} of them stored anyway), ${stored} stored; ` +
        `errors: ${[...new Set(failed.map((o) => o.error ?? 'none'))].join(' | ')}`,
    );

    expect(outcomes.filter((o) => o.afterKill)).toHaveLength(AFTER_KILL);
    // Every acknowledged batch is there whole: all its posts, one snapshot each, at its own time.
    for (const o of acked) expect(storedPerBatch.get(o.batch), `acknowledged batch ${o.batch}`).toEqual({ posts: POSTS_PER_BATCH, snapshots: POSTS_PER_BATCH });
    // No batch half-written: each is all or nothing (an unacknowledged one may have committed before its reply was lost).
    for (const [batch, n] of storedPerBatch) expect(n, `batch ${batch}`).toEqual({ posts: POSTS_PER_BATCH, snapshots: POSTS_PER_BATCH });
    expect(failed.length, 'batches in flight when the worker was stopped').toBeGreaterThan(0);
    // Batches sent after the kill went to a restarted worker and were stored.
    expect(acked.filter((o) => o.afterKill).length, 'batches acknowledged after the restart').toBeGreaterThan(0);
    const last = outcomes.reduce((a, o) => (o.batch > a.batch ? o : a));
    expect(last.outcome, 'the last batch').toBe('acknowledged');
  });

  it('reloaded while a batch waits for its reply: the pending send ends quietly and is counted as dropped', async () => {
    const { now, post, page, errors } = await openOnePost(b, make('pending_send', { replies: 2, reposts: 3, likes: 40, bookmarks: 0, views: 5000 }), 81);

    await holdIngest(b.ext);
    await showChanged(page, { ...post, c: { ...post.c, likes: 41 } }, now, 1);
    await page.waitForTimeout(1_500); // the batch is sent, and waits
    await reloadExtension(b.ext);

    await expect.poll(() => badgeCount(page), { message: 'badges of the orphaned script', timeout: 10_000 }).toBe(0);
    await expect.poll(() => dropped(page), { message: 'dropped count', timeout: 5_000 }).toBe('1');
    expect(errors.errors, 'uncaught errors in the page after the reload').toEqual([]);
  });

  it('the worker stopped while a page waits for its reply: the page sends the batch again and it is stored', async () => {
    const { now, post, page, errors } = await openOnePost(b, make('retried_send', { replies: 4, reposts: 5, likes: 60, bookmarks: 0, views: 7000 }), 91);

    const blocker = await holdIngest(b.ext);
    await showChanged(page, { ...post, c: { ...post.c, likes: 61 } }, now, 1);
    await page.waitForTimeout(1_500); // the batch is sent, and waits
    const cdp = await b.ext.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await blocker.close();

    await expect.poll(() => storedLikes(b.ext, post.id), { message: 'the batch, sent again', timeout: 10_000 }).toBe(61);
    expect(await badgeCount(page), 'the script still runs').toBe(1);
    expect(await dropped(page)).toBeNull();
    expect(errors.errors).toEqual([]);
  });
});
