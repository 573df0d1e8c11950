// The dashboard (dashboard.html) with the built extension in Chromium: opened from the popup, its exports as
// real downloads with a progress bar and the BOM option, Export backup / Import backup (a malformed file is
// refused with a role="alert" message and changes nothing; a valid one restores a fresh profile), and the
// popup's full-disk banner. No page errors anywhere.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  collectPageErrors,
  downloadVia,
  launchExtension,
  openDashboard,
  openPopup,
  parseCsv,
  POSTS_CSV_HEADER,
  readFixture,
  scrollThrough,
  serveSite,
  settle,
  type Extension,
  type PageErrors,
} from './harness';

declare const chrome: { storage: { local: { set(items: object): Promise<void> } } };

const HOME = 'https://x.com/home';
/** Tweets in test/fixtures/x/timeline.html (x.e2e.ts checks their counts). */
const TIMELINE_POSTS = 9;

describe('dashboard', () => {
  let ext: Extension;
  const errors: PageErrors[] = [];
  /** A page whose errors count: every test's pages, checked after each test. */
  const watch = (page: Page) => {
    errors.push(collectPageErrors(page));
    return page;
  };

  beforeAll(async () => {
    ext = await launchExtension();
    await serveSite(ext.context, { [HOME]: readFixture('x', 'timeline.html') });
    const feed = watch(await ext.context.newPage());
    await feed.goto(HOME);
    await scrollThrough(feed);
    await feed.waitForFunction((n) => document.querySelectorAll('[data-postmeter-post]').length === n, TIMELINE_POSTS, {
      timeout: 10_000,
    });
    await settle(feed);
    await feed.close();
  });
  afterAll(async () => {
    await ext?.close();
  });
  afterEach(async () => {
    for (const e of errors.splice(0)) expect(e.errors, 'page errors').toEqual([]);
    for (const page of ext?.context.pages() ?? []) await page.close();
  });

  it("the popup's Open dashboard opens dashboard.html in a tab", async () => {
    const popup = watch(await openPopup(ext));
    const opened = ext.context.waitForEvent('page', { timeout: 10_000 });
    await popup.getByRole('button', { name: 'Open dashboard', exact: true }).click();
    const dash = watch(await opened);
    await dash.waitForURL(`chrome-extension://${ext.extensionId}/dashboard.html`);
    await expect.poll(() => dash.locator('[data-count="posts"]').getAttribute('data-value')).toBe(String(TIMELINE_POSTS));
    // Opened as a page (not as the toolbar popup), the popup stays open and still exports.
    expect(popup.isClosed()).toBe(false);
    const csv = parseCsv((await downloadVia(popup, 'Export CSV')).text);
    expect(csv.rows).toHaveLength(TIMELINE_POSTS);
  });

  it('the popup says when recording is paused because the disk is full, and resumes', async () => {
    const worker = await ext.worker();
    await worker.evaluate(() => chrome.storage.local.set({ recording: { paused: false, quotaFullSince: Date.now() } }));
    const popup = watch(await openPopup(ext));
    const banner = popup.locator('[data-state="paused-quota"]');
    await expect.poll(() => banner.getAttribute('role')).toBe('alert');
    expect(await banner.textContent()).toContain('the disk is full');
    await popup.getByRole('button', { name: 'Resume recording' }).click();
    await expect.poll(() => banner.count()).toBe(0);
  });

  it('exports with a progress bar that finishes; the counts match the files', async () => {
    const dash = watch(await openDashboard(ext));
    expect(await dash.title()).toBe('Postmeter dashboard');
    // Every state the progress bar goes through, recorded in the page as it happens.
    await dash.evaluate(() => {
      const log: string[] = ((window as unknown as { progressLog: string[] }).progressLog = []);
      new MutationObserver(() => {
        const bar = document.querySelector('.pm-progress');
        const p = bar?.querySelector('progress');
        if (bar && p) log.push(`${bar.getAttribute('data-state')} ${p.getAttribute('value')}/${p.getAttribute('max')}`);
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    const posts = await downloadVia(dash, 'Export posts CSV');
    expect(posts.filename).toMatch(/^postmeter-posts-\d{4}-\d{2}-\d{2}\.csv$/);
    const parsed = parseCsv(posts.text);
    expect(parsed.header.join(',')).toBe(POSTS_CSV_HEADER);
    expect(parsed.rows).toHaveLength(TIMELINE_POSTS);
    expect(parsed.bom).toBe(false);

    const bar = dash.getByRole('progressbar');
    await expect.poll(() => dash.locator('.pm-progress').getAttribute('data-state')).toBe('done');
    expect([await bar.getAttribute('value'), await bar.getAttribute('max')]).toEqual([String(TIMELINE_POSTS), String(TIMELINE_POSTS)]);
    const log = await dash.evaluate(() => (window as unknown as { progressLog: string[] }).progressLog);
    expect(log[0], `progress states: ${log.join(', ')}`).toMatch(/^running /);
    expect(log.at(-1)).toBe(`done ${TIMELINE_POSTS}/${TIMELINE_POSTS}`);
    expect(await dash.getByRole('status').textContent()).toContain(posts.filename);

    const snapshots = await downloadVia(dash, 'Export snapshots CSV');
    expect(snapshots.filename).toMatch(/^postmeter-snapshots-\d{4}-\d{2}-\d{2}\.csv$/);
    const snapRows = parseCsv(snapshots.text).rows;
    expect(snapRows.length).toBeGreaterThanOrEqual(TIMELINE_POSTS);
    expect(await dash.locator('[data-count="snapshots"]').getAttribute('data-value')).toBe(String(snapRows.length));
    expect(await dash.locator('[data-count="posts"]').getAttribute('data-value')).toBe(String(TIMELINE_POSTS));
  });

  it('"Include BOM for Excel" puts U+FEFF first, in both CSV exports', async () => {
    const dash = watch(await openDashboard(ext));
    const bom = dash.getByLabel('Include BOM for Excel');
    await bom.check();
    for (const button of ['Export posts CSV', 'Export snapshots CSV']) {
      const { text } = await downloadVia(dash, button);
      expect(text.charCodeAt(0), button).toBe(0xfeff);
      expect(text.slice(1, 13)).toBe('site,post_id');
    }
    await bom.uncheck();
    expect((await downloadVia(dash, 'Export posts CSV')).text.startsWith('site,post_id,')).toBe(true);
  });

  describe('backup', () => {
    let backup: string;

    it('Export backup downloads valid JSON named postmeter-backup', async () => {
      const dash = watch(await openDashboard(ext));
      const file = await downloadVia(dash, 'Export backup');
      expect(file.filename).toMatch(/^postmeter-backup-\d{4}-\d{2}-\d{2}\.json$/);
      const json = JSON.parse(file.text) as { format?: unknown };
      expect(json.format).toBe('postmeter-backup');
      backup = file.text;
    });

    it('a malformed backup is refused with what is wrong, in role="alert", and nothing changes', async () => {
      expect(backup, 'the backup from the test before').toBeTruthy();
      const dash = watch(await openDashboard(ext));
      const state = async () => ({
        posts: (await downloadVia(dash, 'Export posts CSV')).text,
        snapshots: (await downloadVia(dash, 'Export snapshots CSV')).text,
        counts: [
          await dash.locator('[data-count="posts"]').getAttribute('data-value'),
          await dash.locator('[data-count="snapshots"]').getAttribute('data-value'),
        ],
      });
      const before = await state();

      const bad: { name: string; text: string; says: RegExp }[] = [
        { name: 'truncated.json', text: backup.slice(0, Math.floor(backup.length / 2)), says: /not valid JSON/ },
        { name: 'negative.json', text: withNegativeCount(backup), says: /\b(posts|snapshots)\[\d+\]\S* is -5\b/ },
        { name: 'foreign.json', text: JSON.stringify({ format: 'someone-else', version: 1 }), says: /not a Postmeter backup.*someone-else/ },
        { name: 'newer.json', text: backup.replace(/"version":\d+/, '"version":99'), says: /newer Postmeter/ },
        { name: 'a-list.json', text: '[1, 2, 3]', says: /not a Postmeter backup/ },
      ];
      for (const { name, text, says } of bad) {
        await dash.getByLabel('Import backup').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
        const alert = dash.getByRole('alert');
        await expect.poll(() => alert.count(), { message: `alert for ${name}` }).toBe(1);
        const message = (await alert.textContent()) ?? '';
        expect(message, name).toMatch(/^Backup not imported: .+ Nothing was changed\.$/);
        expect(message, name).toMatch(says);
        expect(await dash.getByRole('status').count(), `no success message for ${name}`).toBe(0);
      }
      expect(await state(), 'the database is exactly as it was').toEqual(before);
    });

    it('a valid backup imported into a fresh profile restores the same posts CSV', async () => {
      expect(backup, 'the backup from the test before').toBeTruthy();
      const dash = watch(await openDashboard(ext));
      const original = {
        posts: (await downloadVia(dash, 'Export posts CSV')).text,
        snapshots: (await downloadVia(dash, 'Export snapshots CSV')).text,
      };

      const fresh = await launchExtension();
      try {
        const page = await openDashboard(fresh);
        const pageErrors = collectPageErrors(page);
        await expect.poll(() => page.locator('[data-count="posts"]').getAttribute('data-value')).toBe('0');
        await page.getByLabel('Import backup').setInputFiles({
          name: 'postmeter-backup.json',
          mimeType: 'application/json',
          buffer: Buffer.from(backup),
        });
        await expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toMatch(/^Backup imported from postmeter-backup\.json: /);
        expect(await page.getByRole('alert').count()).toBe(0);
        await expect.poll(() => page.locator('[data-count="posts"]').getAttribute('data-value')).toBe(String(TIMELINE_POSTS));
        expect((await downloadVia(page, 'Export posts CSV')).text).toBe(original.posts);
        const sortedRows = (csv: string) => parseCsv(csv).rows.map((r) => JSON.stringify(r)).sort();
        expect(sortedRows((await downloadVia(page, 'Export snapshots CSV')).text)).toEqual(sortedRows(original.snapshots));

        // Importing the same file again merges: nothing is duplicated.
        await page.getByLabel('Import backup').setInputFiles({
          name: 'again.json',
          mimeType: 'application/json',
          buffer: Buffer.from(backup),
        });
        await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^Backup imported from again\.json: /);
        expect((await downloadVia(page, 'Export posts CSV')).text).toBe(original.posts);
        expect(sortedRows((await downloadVia(page, 'Export snapshots CSV')).text)).toEqual(sortedRows(original.snapshots));

        // Retention in this profile: a year-old snapshot for every post (as if first seen then), then "30 days":
        // exactly those go, and every post keeps its latest counts.
        await page.getByLabel('Import backup').setInputFiles({
          name: 'aged.json',
          mimeType: 'application/json',
          buffer: Buffer.from(withOldSnapshots(backup, 365)),
        });
        await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^Backup imported from aged\.json: /);
        const snapshotCount = () => page.locator('[data-count="snapshots"]').getAttribute('data-value');
        const originalSnapshots = parseCsv(original.snapshots).rows.length;
        await expect.poll(snapshotCount).toBe(String(originalSnapshots + TIMELINE_POSTS));
        await page.getByLabel('Keep snapshots').selectOption({ label: '30 days' });
        await page.getByRole('button', { name: 'Apply' }).click();
        await expect
          .poll(() => page.getByRole('status').textContent())
          .toBe(`Keeping snapshots for 30 days: ${TIMELINE_POSTS} older snapshots deleted.`);
        await expect.poll(snapshotCount).toBe(String(originalSnapshots));
        const withoutFirstSeen = (csv: string) => parseCsv(csv).rows.map(({ first_seen: _, ...rest }) => rest);
        expect(withoutFirstSeen((await downloadVia(page, 'Export posts CSV')).text)).toEqual(withoutFirstSeen(original.posts));
        expect(sortedRows((await downloadVia(page, 'Export snapshots CSV')).text)).toEqual(sortedRows(original.snapshots));
        expect(pageErrors.errors).toEqual([]);
      } finally {
        await fresh.close();
      }
    });
  });

  it('retention: the choice is saved, applied at once, and every post keeps its latest row', async () => {
    const dash = watch(await openDashboard(ext));
    const postsBefore = (await downloadVia(dash, 'Export posts CSV')).text;
    const select = dash.getByLabel('Keep snapshots');
    await expect.poll(() => select.inputValue()).toBe('forever');
    await select.selectOption({ label: '30 days' });
    await dash.getByRole('button', { name: 'Apply' }).click();
    // Everything here was recorded minutes ago: nothing is old enough to go.
    await expect.poll(() => dash.getByRole('status').textContent()).toBe('Keeping snapshots for 30 days: 0 older snapshots deleted.');
    await dash.reload();
    await expect.poll(() => dash.getByLabel('Keep snapshots').inputValue()).toBe('30');
    expect((await downloadVia(dash, 'Export posts CSV')).text).toBe(postsBefore);
    // Back to forever, so later tests see the default.
    await dash.getByLabel('Keep snapshots').selectOption({ label: 'forever' });
    await dash.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => dash.getByRole('status').textContent()).toBe('Snapshots are now kept forever.');
  });
});

/** The backup with its first count (an object {value, min, max, exact}) made negative. */
function withNegativeCount(backup: string): string {
  const json: unknown = JSON.parse(backup);
  let done = false;
  const walk = (node: unknown): void => {
    if (done || typeof node !== 'object' || node === null) return;
    const o = node as Record<string, unknown>;
    if (typeof o.value === 'number' && typeof o.min === 'number' && typeof o.max === 'number' && typeof o.exact === 'boolean') {
      o.value = -5;
      o.min = -5;
      done = true;
      return;
    }
    for (const v of Object.values(o)) walk(v);
  };
  walk(json);
  if (!done) throw new Error('no count found in the backup to make negative');
  return JSON.stringify(json);
}

/** The backup with one more snapshot per post, `days` old (its counts as now), and each post first seen then. */
function withOldSnapshots(backup: string, days: number): string {
  const doc = JSON.parse(backup) as {
    stores: { posts: { site: string; postId: string; firstSeen: number; metrics: object }[]; snapshots: object[] };
  };
  const then = Date.now() - days * 24 * 3600 * 1000;
  for (const post of doc.stores.posts) {
    post.firstSeen = then;
    doc.stores.snapshots.push({ site: post.site, postId: post.postId, observedAt: then, metrics: post.metrics });
  }
  return JSON.stringify(doc);
}
