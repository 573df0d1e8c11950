// The options page in Chromium with the built extension, over a seeded database: own accounts (marked and
// recognised from analytics), preferences that reach an open X tab at once (site switch, badge figures and
// basis), "Clear all data" with its inline confirmation, accessibility in both schemes, and nothing that leaves
// the machine.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { collectPageErrors, openDashboard, readFixture, scrollThrough, useBrowser, type PageErrors } from './harness';
import { SEED, seedDatabase, standardSeed } from './seed';
import { countExternalRequests, expectAccessible } from './a11y';

const HOME = 'https://x.com/home';

describe('options page', () => {
  const b = useBrowser();
  let external: ReturnType<typeof countExternalRequests>;
  const errors: PageErrors[] = [];

  beforeAll(async () => {
    external = countExternalRequests(b.ext.context);
    await seedDatabase(b.ext, standardSeed(Date.now()));
  });

  async function openOptions(): Promise<Page> {
    const page = await b.ext.context.newPage();
    errors.push(collectPageErrors(page));
    await page.goto(`chrome-extension://${b.ext.extensionId}/options.html`);
    await page.locator('section[data-section="sites"] input[role="switch"]:not([disabled])').first().waitFor();
    return page;
  }

  /** The X timeline fixture, scrolled through until its posts have badges. */
  async function openTimeline(): Promise<Page> {
    b.site.set(HOME, readFixture('x', 'timeline.html'));
    const page = await b.ext.context.newPage();
    errors.push(collectPageErrors(page));
    await page.goto(HOME);
    await scrollThrough(page);
    await expect.poll(() => badgeCount(page), { message: 'badges on the timeline', timeout: 10_000 }).toBeGreaterThan(3);
    return page;
  }

  /** Whether the extension's database holds this post (asked from an extension page). */
  const storedPost = (page: Page, key: [string, string]) =>
    page.evaluate(
      (k) =>
        new Promise<boolean>((resolve, reject) => {
          const open = indexedDB.open('postmeter');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const get = open.result.transaction('posts').objectStore('posts').get(k);
            get.onsuccess = () => {
              open.result.close();
              resolve(get.result !== undefined);
            };
            get.onerror = () => reject(get.error);
          };
        }),
      key,
    );
  const badgeCount = (page: Page) => page.locator('[data-postmeter-post]').count();
  const figureTexts = (page: Page, figure: string) => page.locator(`[data-postmeter-post] [data-figure="${figure}"]`).allTextContents();
  const saved = (options: Page) => expect.poll(() => options.locator('[data-save-status]').getAttribute('data-save-status')).toBe('saved');

  it('lists the own accounts: the marked X account and the LinkedIn author recognised from analytics', async () => {
    const options = await openOptions();
    const marked = options.locator(`[data-account="x:${SEED.own.handle}"]`);
    const recognised = options.locator(`[data-account="linkedin:${SEED.analytics.author}"]`);
    await expect.poll(() => marked.getAttribute('data-source')).toBe('marked');
    expect(await recognised.getAttribute('data-source')).toBe('analytics');
    expect(await recognised.textContent()).toContain('recognised from an analytics page');

    // Mark one through the form, then unmark it: written to the accounts store, listed and gone again.
    await options.getByLabel('Site', { exact: true }).selectOption('reddit');
    await options.getByLabel('Handle', { exact: true }).fill('@pm_reddit');
    await options.getByRole('button', { name: 'Mark as mine' }).click();
    await options.locator('[data-account="reddit:pm_reddit"][data-source="marked"]').waitFor();
    await saved(options);
    await options.getByRole('button', { name: 'Unmark Reddit pm_reddit' }).click();
    await options.locator('[data-account="reddit:pm_reddit"]').waitFor({ state: 'detached' });

    await expectAccessible(options, 'options.html');
  });

  it('switching X off removes its badges in an open tab without a reload; switching it on brings them back', async () => {
    const x = await openTimeline();
    const options = await openOptions();
    const xSwitch = options.getByRole('switch', { name: 'X', exact: true });
    expect(await xSwitch.isChecked()).toBe(true);

    await xSwitch.uncheck();
    await saved(options);
    await expect.poll(() => badgeCount(x), { message: 'badges after X was switched off' }).toBe(0);
    // Stays off: scrolling reads nothing and draws nothing.
    await x.bringToFront();
    await scrollThrough(x);
    expect(await badgeCount(x)).toBe(0);
    // And the background drops an X batch that still arrives (a tab that has not heard yet): nothing stored.
    const late = { site: 'x', postId: '1999999999999999999', url: 'https://x.com/late/status/1999999999999999999', metrics: { likes: { value: 1, min: 1, max: 1, exact: true } } };
    const reply = await options.evaluate(
      (post) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'observe', observedAt: Date.now(), pageUrl: 'https://x.com/home', posts: [post] }),
      late,
    );
    expect(reply).toEqual({ prior: {} });
    expect(await storedPost(options, ['x', late.postId])).toBe(false);

    await options.bringToFront();
    await xSwitch.check();
    await saved(options);
    await x.bringToFront();
    await scrollThrough(x);
    await expect.poll(() => badgeCount(x), { message: 'badges after X was switched on again', timeout: 10_000 }).toBeGreaterThan(3);
  });

  it('the badge follows the engagement-rate basis and the figures chosen, in an open tab', async () => {
    const x = await openTimeline();
    const options = await openOptions();
    const er = () => figureTexts(x, 'er');
    await expect.poll(async () => (await er()).some((t) => /^ER \d/.test(t)), { message: 'a rate by impressions' }).toBe(true);

    // X shows no follower counts on a timeline: by followers there is no rate, and the badge says so.
    const basis = options.getByLabel('Engagement rate by');
    await basis.selectOption('followers');
    await saved(options);
    await expect.poll(async () => new Set(await er()), { message: 'every rate gone by followers' }).toEqual(new Set(['ER —']));

    await basis.selectOption('auto');
    await expect.poll(async () => (await er()).some((t) => /^ER \d/.test(t)), { message: 'rates back on automatic' }).toBe(true);

    // A figure switched off leaves every badge.
    await expect.poll(async () => (await figureTexts(x, 'vph')).length, { message: 'views per hour shown' }).toBeGreaterThan(0);
    const vph = options.getByLabel('Views per hour');
    await vph.uncheck();
    await expect.poll(async () => (await figureTexts(x, 'vph')).length, { message: 'views per hour hidden' }).toBe(0);
    await vph.check();
    await expect.poll(async () => (await figureTexts(x, 'vph')).length, { message: 'views per hour back' }).toBeGreaterThan(0);
  });

  it('Clear all data asks first, then empties the database and keeps the preferences', async () => {
    const options = await openOptions();
    // A preference to prove it survives.
    await options.getByRole('switch', { name: 'TikTok', exact: true }).uncheck();
    await saved(options);

    await options.getByRole('button', { name: 'Clear all data…' }).click();
    const dialog = options.getByRole('alertdialog', { name: 'Delete everything?' });
    await dialog.waitFor();
    expect(await dialog.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectAccessible(options, 'options.html with the confirmation open');
    await dialog.getByRole('button', { name: 'Delete everything' }).click();

    const done = options.locator('[data-cleared]');
    await done.waitFor();
    const [posts, snapshots, accounts] = (await done.getAttribute('data-cleared'))!.split(',').map(Number);
    const seed = standardSeed(Date.now());
    expect(posts).toBeGreaterThanOrEqual(seed.posts.length);
    expect(snapshots).toBeGreaterThan(0);
    expect(accounts).toBeGreaterThan(0);
    expect(await done.textContent()).toContain('Your preferences were kept.');
    await options.locator('[data-accounts="none"]').waitFor();

    const dash = await openDashboard(b.ext);
    await expect.poll(() => dash.locator('[data-count="posts"]').getAttribute('data-value')).toBe('0');
    expect(await dash.locator('[data-count="snapshots"]').getAttribute('data-value')).toBe('0');
    const left = await dash.evaluate(
      () =>
        new Promise<number[]>((resolve, reject) => {
          const open = indexedDB.open('postmeter');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(['posts', 'snapshots', 'accounts']);
            const counts = ['posts', 'snapshots', 'accounts'].map((name) => tx.objectStore(name).count());
            tx.oncomplete = () => {
              db.close();
              resolve(counts.map((r) => r.result as number));
            };
          };
        }),
    );
    expect(left).toEqual([0, 0, 0]);

    const again = await openOptions();
    expect(await again.getByRole('switch', { name: 'TikTok', exact: true }).isChecked()).toBe(false);
    await again.getByRole('switch', { name: 'TikTok', exact: true }).check();
    await saved(again);
    await expectAccessible(again, 'options.html after clearing');
  });

  it('made no external requests and raised no page errors', () => {
    expect(external.urls()).toEqual([]);
    expect(errors.flatMap((e) => e.errors)).toEqual([]);
  });
});
