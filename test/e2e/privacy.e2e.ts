// The privacy controls in Chromium with the built extension, judged by what is STORED (the extension's IndexedDB,
// read from an extension page, and the posts CSV): "Pause recording" and a site switched off take effect at once in
// a tab that is already open, resuming and switching back on record again, and "Clear all data" leaves the posts,
// snapshots and accounts stores empty. What is kept and how to control it: docs/privacy.md. (options.e2e.ts covers
// the badges and the confirmation dialog of the same switches.)
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  collectPageErrors,
  exportCsv,
  openPopup,
  parseCsv,
  readFixture,
  scrollThrough,
  settle,
  useBrowser,
  type PageErrors,
} from './harness';
import { countExternalRequests } from './a11y';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const X_HOME = 'https://x.com/home';
const BSKY_HOME = 'https://bsky.app/';
const BSKY_PROFILE = 'https://bsky.app/profile/quinn.bsky.social';
const BSKY_POSTS = '[data-testid^="feedItem-by-"], [data-testid^="postThreadItem-by-"]';
/** timeline.html's last tweet, far below the first screen: read only once the tab is scrolled. */
const TIMELINE_LAST = '1371511509611446383';
/** focused.html's tweets, added to the open X tab after resuming (as X's infinite scroll adds tweets). */
const FOCUSED_IDS = ['1980274188874678494', '1980287891665846605', '1980305507742646716'];

interface StoreCounts {
  posts: number;
  snapshots: number;
  accounts: number;
  /** Post rows per site. */
  bySite: Record<string, number>;
  /** Keys of the meta store. */
  meta: string[];
}

/** Counts every store of the extension's database, from an extension page. */
function storeCounts(page: Page): Promise<StoreCounts> {
  return page.evaluate(
    () =>
      new Promise<StoreCounts>((resolve, reject) => {
        const open = indexedDB.open('postmeter');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['posts', 'snapshots', 'accounts', 'meta']);
          const counts = (['posts', 'snapshots', 'accounts'] as const).map((n) => [n, tx.objectStore(n).count()] as const);
          const rows = tx.objectStore('posts').getAll();
          const meta = tx.objectStore('meta').getAllKeys();
          tx.oncomplete = () => {
            db.close();
            const bySite: Record<string, number> = {};
            for (const p of rows.result as { site: string }[]) bySite[p.site] = (bySite[p.site] ?? 0) + 1;
            resolve({
              ...(Object.fromEntries(counts.map(([n, r]) => [n, r.result as number])) as Omit<StoreCounts, 'bySite' | 'meta'>),
              bySite,
              meta: (meta.result as string[]).map(String),
            });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

describe('privacy controls', () => {
  const b = useBrowser();
  const errors: PageErrors[] = [];
  let external: ReturnType<typeof countExternalRequests>;
  beforeAll(() => {
    external = countExternalRequests(b.ext.context);
  });

  async function open(url: string): Promise<Page> {
    const page = await b.ext.context.newPage();
    errors.push(collectPageErrors(page));
    await page.goto(url);
    return page;
  }

  async function openOptions(): Promise<Page> {
    const page = await open(`chrome-extension://${b.ext.extensionId}/options.html`);
    await page.locator('section[data-section="recording"] input[role="switch"]:not([disabled])').waitFor();
    return page;
  }
  const saved = (options: Page) => expect.poll(() => options.locator('[data-save-status]').getAttribute('data-save-status')).toBe('saved');

  /** What is stored, as the user would see it: the posts CSV, and the count of every store. */
  async function stored(): Promise<{ csv: string; counts: StoreCounts }> {
    const csv = (await exportCsv(b.ext)).text;
    const popup = await openPopup(b.ext);
    const counts = await storeCounts(popup);
    await popup.close();
    return { csv, counts };
  }
  const csvIds = (csv: string) => new Set(parseCsv(csv).rows.map((r) => r.post_id));
  const badges = (page: Page) => page.locator('[data-postmeter-post]').count();

  it('"Pause recording" stops storing at once in an open tab; resuming stores again', async () => {
    b.site.set(X_HOME, readFixture('x', 'timeline.html'));
    const x = await open(X_HOME);
    await expect.poll(() => badges(x), { message: 'the first screen read', timeout: 10_000 }).toBeGreaterThan(0);
    await settle(x);
    const before = await stored();
    expect(before.counts.bySite.x, 'the first screen was recorded').toBeGreaterThan(0);
    expect(csvIds(before.csv).has(TIMELINE_LAST)).toBe(false);

    const options = await openOptions();
    const pause = options.getByRole('switch', { name: 'Pause recording' });
    await pause.check();
    await saved(options);

    // The tab was open before the pause: everything scrolled now is read and badged, and nothing is stored.
    await x.bringToFront();
    await scrollThrough(x);
    await expect.poll(() => badges(x), { message: 'badges still shown while paused', timeout: 10_000 }).toBeGreaterThan(5);
    await settle(x);
    const paused = await stored();
    expect(paused.csv).toBe(before.csv);
    expect(paused.counts).toEqual(before.counts);
    const popup = await openPopup(b.ext);
    await popup.locator('[data-state="paused-user"]').waitFor();
    await popup.close();

    // Resume, then the same tab gets more tweets and is scrolled through again: everything seen after the resume is
    // stored — the added tweets and the timeline's, now that they are seen while recording (while paused the
    // background refused them, so the page must not treat them as sent) — and nothing else.
    await options.bringToFront();
    await pause.uncheck();
    await saved(options);
    const focused = /<body[^>]*>([\s\S]*)<\/body>/i.exec(readFixture('x', 'focused.html'))![1]!;
    await x.bringToFront();
    await x.evaluate((html) => {
      const more = document.createElement('div');
      more.style.cssText = 'position: relative; min-height: 1600px;';
      more.innerHTML = html;
      document.body.append(more);
    }, focused);
    await scrollThrough(x);
    await settle(x);
    const shown = new Set(
      (await x.locator('[data-postmeter-post]').evaluateAll((els) => els.map((e) => e.getAttribute('data-postmeter-post'))))
        .map((key) => key!.replace(/^x:/, '')),
    );
    for (const id of [...FOCUSED_IDS, TIMELINE_LAST]) expect(shown.has(id), id).toBe(true);
    const resumed = await stored();
    const ids = csvIds(resumed.csv);
    for (const id of shown) expect(ids.has(id), id).toBe(true);
    const added = [...shown].filter((id) => !csvIds(before.csv).has(id));
    expect(resumed.counts.posts).toBe(before.counts.posts + added.length);
  });

  it('a site switched off stores nothing from it, in an open tab or a new one, until switched on', async () => {
    b.site.set(BSKY_HOME, readFixture('bluesky', 'home.html'));
    b.site.set(BSKY_PROFILE, readFixture('bluesky', 'profile.html'));
    const bsky = await open(BSKY_HOME);
    await expect.poll(() => badges(bsky), { message: 'the first screen read', timeout: 10_000 }).toBeGreaterThan(0);
    await settle(bsky);
    const before = await stored();
    expect(before.counts.bySite.bluesky, 'the first screen was recorded').toBeGreaterThan(0);

    const options = await openOptions();
    const bluesky = options.getByRole('switch', { name: 'Bluesky', exact: true });
    await bluesky.uncheck();
    await saved(options);

    await bsky.bringToFront();
    await scrollThrough(bsky, { selector: BSKY_POSTS });
    await settle(bsky);
    const profile = await open(BSKY_PROFILE);
    await scrollThrough(profile, { selector: BSKY_POSTS });
    await settle(profile);
    expect(await badges(bsky)).toBe(0);
    expect(await badges(profile)).toBe(0);
    // A batch that a tab sent before it heard of the switch is dropped by the background too.
    const late = {
      site: 'bluesky',
      postId: 'did:plc:privacyprobe/3m24privacy1',
      url: 'https://bsky.app/profile/did:plc:privacyprobe/post/3m24privacy1',
      metrics: { likes: { value: 1, min: 1, max: 1, exact: true } },
    };
    const message = { type: 'observe', observedAt: Date.now(), pageUrl: BSKY_HOME, posts: [late] };
    expect(await options.evaluate((m) => chrome.runtime.sendMessage(m), message)).toEqual({ prior: {} });
    const off = await stored();
    expect(off.csv).toBe(before.csv);
    expect(off.counts).toEqual(before.counts);

    // Switched on again, the open tab reads and stores again: the posts further down are added.
    await options.bringToFront();
    await bluesky.check();
    await saved(options);
    await bsky.bringToFront();
    await scrollThrough(bsky, { selector: BSKY_POSTS });
    await settle(bsky);
    const on = await stored();
    expect(on.counts.bySite.bluesky).toBeGreaterThan(before.counts.bySite.bluesky!);
  });

  it('"Clear all data" leaves the posts, snapshots and accounts stores empty', async () => {
    const before = await stored();
    expect(before.counts.posts).toBeGreaterThan(0);
    expect(before.counts.snapshots).toBeGreaterThan(0);

    const options = await openOptions();
    await options.getByRole('button', { name: 'Clear all data…' }).click();
    await options.getByRole('alertdialog', { name: 'Delete everything?' }).getByRole('button', { name: 'Delete everything' }).click();
    await options.locator('[data-cleared]').waitFor();

    // Counted from a fresh extension page, not the one that cleared.
    const after = await stored();
    expect({ posts: after.counts.posts, snapshots: after.counts.snapshots, accounts: after.counts.accounts }).toEqual({ posts: 0, snapshots: 0, accounts: 0 });
    expect(after.counts.bySite).toEqual({});
    // Only the schema version is left in meta (lib/store/clear.ts): no user data.
    expect(after.counts.meta).toEqual(['schema']);
    expect(parseCsv(after.csv).rows).toEqual([]);
  });

  it('made no external requests and raised no page errors', () => {
    expect(external.urls()).toEqual([]);
    expect(errors.flatMap((e) => e.errors)).toEqual([]);
  });
});
