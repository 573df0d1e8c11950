// What the badge says and how the content script copes with a living page: the rate and its
// denominator in the tooltip, growth since the last visit (from stored history), a recycled tweet node,
// and SPA navigation. Pages are made with the demo feed's X-shaped builder (scripts/demo-feed.mjs).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { homePage, tweet, withIds } from '../../scripts/demo-feed.mjs';
import type { DemoTweet } from '../../scripts/demo-feed.mjs';
import {
  collectPageErrors,
  exportCsv,
  launchExtension,
  openPopup,
  parseCsv,
  scrollThrough,
  serveSite,
  settle,
  tabIdOf,
  type Extension,
  type SiteServer,
} from './harness';

const HOME = 'https://x.com/home';
// The extension API the worker-side functions below use (they run in the service worker, where `chrome` exists).
declare const chrome: {
  runtime: { getManifest(): { version: string } };
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void>; remove(key: string): Promise<void> } };
};

const make = (handle: string, c: DemoTweet['c'], age = 120): DemoTweet => ({ name: handle, handle, age, text: `Post by ${handle}`, c });

async function badge(page: Page, id: string, figure: string) {
  const el = page.locator(`[data-postmeter-post="x:${id}"] .pm-figure[data-figure="${figure}"]`);
  await expect.poll(() => el.count(), { message: `${figure} figure on ${id}`, timeout: 10_000 }).toBe(1);
  return { text: (await el.textContent())!, title: (await el.getAttribute('title'))! };
}

async function csvRows(ext: Extension, page: Page) {
  const csv = parseCsv((await exportCsv(ext, await tabIdOf(ext, page))).text);
  return new Map(csv.rows.map((r) => [r.post_id!, r]));
}

describe('X in Chromium: badges and a living page', () => {
  let ext: Extension;
  let site: SiteServer;

  beforeAll(async () => {
    ext = await launchExtension();
    site = await serveSite(ext.context);
  });
  afterAll(async () => ext?.close());
  afterEach(async () => {
    for (const page of ext?.context.pages() ?? []) await page.close();
  });

  // First in the file: no page has run a content script yet, so tables kept now were built by the background.
  it("has parseCount's tables built and kept by the background before any page needs them", async () => {
    const worker = await ext.worker();
    const version = await worker.evaluate(() => chrome.runtime.getManifest().version);
    const kept = () => worker.evaluate(async () => (await chrome.storage.local.get('countTables')).countTables as { key: string; tables: { resolved: unknown[] } } | undefined);
    await expect.poll(async () => (await kept())?.tables.resolved.length, { timeout: 15_000 }).toBe(40);
    expect((await kept())?.key.startsWith(`${version} `)).toBe(true);
  });

  async function open(url: string, html: string) {
    site.set(url, html);
    const page = await ext.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(url);
    await scrollThrough(page);
    return { page, errors };
  }

  it('names the rate, its engagements and its denominator', async () => {
    const [t] = withIds([make('rate_check', { replies: 48, reposts: 152, likes: 1204, bookmarks: 89, views: 38410 })], Date.now(), 11);
    const { page, errors } = await open(HOME, homePage([t!]));
    const er = await badge(page, t!.id, 'er');
    // (48 + 152 + 1204 + 89) / 38410 = 3.887%
    expect(er.text).toBe('ER 3.89%');
    expect(er.title).toContain('1,493 engagements (replies + reposts + likes + bookmarks)');
    expect(er.title).toContain('38,410 impressions');
    const vph = await badge(page, t!.id, 'vph');
    expect(vph.title).toMatch(/38,410 impressions over 2(\.0)? h since published/);
    expect(errors.errors).toEqual([]);
  });

  it('shows growth since the last visit, and keeps both snapshots', async () => {
    const now = Date.now();
    const [v1] = withIds([make('grower', { replies: 1, reposts: 2, likes: 10, bookmarks: 0, views: 1000 })], now, 21);
    const first = await open(HOME, homePage([v1!]));
    await badge(first.page, v1!.id, 'er');
    expect(await first.page.locator('.pm-figure[data-figure="growth"]').count(), 'no growth on a first sight').toBe(0);
    await settle(first.page);
    await first.page.close();

    const v2 = { ...v1!, c: { ...v1!.c, likes: 12, views: 1500 } };
    const second = await open(HOME, homePage([v2]));
    const growth = await badge(second.page, v1!.id, 'growth');
    expect(growth.text).toBe('+500');
    expect(growth.title).toMatch(/^\+500 impressions since you last saw it/);
    await settle(second.page);
    const row = (await csvRows(ext, second.page)).get(v1!.id)!;
    expect([row.impressions, row.likes, row.snapshots]).toEqual(['1500', '12', '2']);
    expect(second.errors.errors).toEqual([]);
  });

  it('re-keys a recycled tweet node: each tweet keeps its own counts', async () => {
    const [a, b] = withIds(
      [make('first_in_cell', { replies: 3, reposts: 4, likes: 5, bookmarks: 6, views: 700 }), make('second_in_cell', { replies: 30, reposts: 40, likes: 50, bookmarks: 60, views: 7000 })],
      Date.now(),
      31,
    );
    // X's virtual list reuses a cell for another tweet; here the page does the same after a moment.
    const recycle = `<template id="next">${tweet(b!)}</template><script>
      setTimeout(() => {
        const next = document.getElementById('next').content.querySelector('article');
        document.querySelector('article').replaceChildren(...next.cloneNode(true).childNodes);
      }, 1500);</script>`;
    const { page, errors } = await open(HOME, homePage([a!]).replace('</body>', `${recycle}</body>`));
    await badge(page, a!.id, 'er');
    await expect.poll(() => page.locator(`[data-postmeter-post="x:${b!.id}"]`).count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator(`[data-postmeter-post="x:${a!.id}"]`).count(), 'old key gone from the cell').toBe(0);
    await settle(page);
    const rows = await csvRows(ext, page);
    expect([rows.get(a!.id)?.likes, rows.get(a!.id)?.impressions]).toEqual(['5', '700']);
    expect([rows.get(b!.id)?.likes, rows.get(b!.id)?.impressions]).toEqual(['50', '7000']);
    expect(errors.errors).toEqual([]);
  });

  it("keeps the new tweet's badge on a recycled node when the old tweet's stored state arrives after", async () => {
    const [a, b] = withIds(
      [make('seen_before', { replies: 1, reposts: 1, likes: 9, bookmarks: 0, views: 900 }), make('now_in_cell', { replies: 2, reposts: 2, likes: 20, bookmarks: 1, views: 2000 })],
      Date.now(),
      41,
    );
    const first = await open(HOME, homePage([a!]));
    await badge(first.page, a!.id, 'er');
    await settle(first.page);
    await first.page.close();

    // Seen again: its batch goes out about a second after the read, and the answer carries its stored state (the
    // growth figure's "before"). The cell gets the next tweet before that answer comes.
    const { page, errors } = await open(HOME, homePage([{ ...a!, c: { ...a!.c, views: 950 } }]).replace('</body>', `<template id="next">${tweet(b!)}</template></body>`));
    await badge(page, a!.id, 'er');
    await page.evaluate(() => {
      const next = (document.getElementById('next') as HTMLTemplateElement).content.querySelector('article')!;
      document.querySelector('article')!.replaceChildren(...next.cloneNode(true).childNodes);
    });
    await badge(page, b!.id, 'er');
    await settle(page);
    expect(await page.locator('[data-postmeter-post]').evaluateAll((hosts) => hosts.map((h) => h.getAttribute('data-postmeter-post')))).toEqual([`x:${b!.id}`]);
    expect(errors.errors).toEqual([]);
  });

  it('follows SPA navigation: the new page is read and the popup lists its posts', async () => {
    const [a, b] = withIds(
      [make('before_nav', { replies: 1, reposts: 1, likes: 1, bookmarks: 1, views: 100 }), make('after_nav', { replies: 2, reposts: 2, likes: 2, bookmarks: 2, views: 200 })],
      Date.now(),
      41,
    );
    const navigate = `<template id="next">${tweet(b!)}</template><script>
      setTimeout(() => {
        history.pushState({}, '', '/explore');
        const main = document.querySelector('article').closest('[data-testid="cellInnerDiv"]').parentElement;
        main.replaceChildren(document.getElementById('next').content.cloneNode(true));
      }, 1500);</script>`;
    const { page, errors } = await open(HOME, homePage([a!]).replace('</body>', `${navigate}</body>`));
    await badge(page, a!.id, 'er');
    await page.waitForURL('https://x.com/explore');
    await scrollThrough(page);
    await badge(page, b!.id, 'er');
    await settle(page);
    const popup = await openPopup(ext, await tabIdOf(ext, page));
    const tabRows = popup.locator('[data-section="tab"] [data-postmeter-row]');
    await expect.poll(() => tabRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-postmeter-row')))).toEqual([`x:${b!.id}`]);
    await popup.close();
    expect(errors.errors).toEqual([]);
  });

  it("lists the tab's 50 most recently read posts in the popup, and says how many the tab has shown", async () => {
    const tweets = withIds(
      Array.from({ length: 60 }, (_, i) => make(`long_tab_${i}`, { replies: 1, reposts: 2, likes: 3 + i, bookmarks: 1, views: 500 + i }, 10 + i)),
      Date.now(),
      71,
    );
    const { page, errors } = await open(HOME, homePage(tweets));
    await settle(page);
    const popup = await openPopup(ext, await tabIdOf(ext, page));
    const tabRows = popup.locator('[data-section="tab"] [data-postmeter-row]');
    await expect.poll(() => tabRows.count()).toBe(50);
    await expect.poll(() => popup.locator('[data-tab-seen]').getAttribute('data-tab-seen')).toBe('60');
    const listed = await tabRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-postmeter-row')));
    // scrollThrough read them top to bottom, then brought each into view again in the same order.
    expect(listed).toContain(`x:${tweets[59]!.id}`);
    expect(listed).not.toContain(`x:${tweets[0]!.id}`);
    await popup.close();
    expect(errors.errors).toEqual([]);
  });

  it("keeps parseCount's tables for the pages, which restore them instead of asking Intl again", async () => {
    const worker = await ext.worker();
    const kept = () => worker.evaluate(async () => (await chrome.storage.local.get('countTables')).countTables as { key: string; tables: { resolved: unknown[] } } | undefined);
    const version = await worker.evaluate(() => chrome.runtime.getManifest().version);
    /** A page with one tweet; resolves once its content script has logged `expected` about the tables (nothing more). */
    const visit = async (handle: string, seed: number, expected: string[]) => {
      const [t] = withIds([make(handle, { replies: 3, reposts: 4, likes: 25, bookmarks: 1, views: 1600 })], Date.now(), seed);
      const page = await ext.context.newPage();
      await page.addInitScript(() => localStorage.setItem('postmeter:debug', '1')); // the content script's debug log
      const log: string[] = [];
      page.on('console', (m) => log.push(m.text()));
      site.set(HOME, homePage([t!]));
      const errors = collectPageErrors(page);
      await page.goto(HOME);
      await scrollThrough(page);
      expect((await badge(page, t!.id, 'er')).text).toBe('ER 2.06%'); // (3 + 4 + 25 + 1) / 1600
      // Kept after the first batch's reply: waited for, not timed (a loaded machine stores the batch later).
      const tablesLog = () => log.filter((line) => line.includes('count tables'));
      await expect.poll(tablesLog, { timeout: 15_000 }).toEqual(expected.map((line) => `[postmeter] ${line}`));
      await settle(page);
      expect(tablesLog()).toEqual(expected.map((line) => `[postmeter] ${line}`));
      await page.close();
      expect(errors.errors).toEqual([]);
    };

    // What the background kept (the first test): a page restores it without building any.
    const fromBackground = await kept();
    expect(fromBackground?.key.startsWith(`${version} `)).toBe(true);
    await visit('tables_restored', 60, ['count tables restored']);
    expect(await kept()).toEqual(fromBackground);

    // None kept (storage cleared since the background started): the first page builds them and keeps them.
    await worker.evaluate(() => chrome.storage.local.remove('countTables'));
    await visit('tables_first', 61, ['count tables to build', 'count tables kept true']);
    const saved = await kept();
    expect(saved?.key.startsWith(`${version} `)).toBe(true);
    expect(saved?.tables.resolved).toHaveLength(40);
    await visit('tables_second', 62, ['count tables restored']);

    // Kept tables of the wrong shape are not used: the page builds its own, and keeps those.
    await worker.evaluate((key) => chrome.storage.local.set({ countTables: { key, tables: { resolved: [], found: {} } } }), saved!.key);
    await visit('tables_broken', 63, ['count tables to build', 'count tables kept true']);
    expect(await kept()).toEqual(saved);
  });

  it('says the site was not recognised when tweets show no readable counter, and records nothing', async () => {
    const [a, b] = withIds(
      [make('stripped_one', { replies: 5, reposts: 6, likes: 7, bookmarks: 8, views: 900 }), make('stripped_two', { replies: 1, reposts: 2, likes: 3, bookmarks: 4, views: 500 })],
      Date.now(),
      51,
    );
    // As if X renamed its labels and test ids: the tweets are there, their numbers are not readable.
    const stripped = homePage([a!, b!])
      .replace(/ aria-label="[^"]*"/g, '')
      .replace(/data-testid="app-text-transition-container"/g, '')
      .replace(/\/analytics"/g, '/stats"');
    const { page, errors } = await open(HOME, stripped);
    await settle(page);
    const popup = await openPopup(ext, await tabIdOf(ext, page));
    const note = popup.locator('[data-health="unrecognised"]');
    await expect.poll(() => note.count(), { timeout: 10_000 }).toBe(1);
    expect(await note.getAttribute('data-site')).toBe('x');
    expect(await popup.locator(`[data-postmeter-row="x:${a!.id}"], [data-postmeter-row="x:${b!.id}"]`).count(), 'nothing recorded').toBe(0);
    await popup.close();
    expect(errors.errors).toEqual([]);
  });
});
