// History across visits, end to end: two real saved X pages (the same list, a little later) opened as x.com
// pages in Chromium with the built extension, then the dashboard's exports. The snapshots CSV holds every change
// of a post's counts and nothing for a visit that changed nothing; the posts CSV holds the latest counts.
// The pages are read by path from ../shared beside the repository: skipped when absent, a failure under CI.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collectPageErrors,
  downloadVia,
  launchExtension,
  openDashboard,
  parseCsv,
  POSTS_CSV_HEADER,
  scrollThrough,
  serveSite,
  settle,
  type Extension,
  type PageErrors,
  type SiteServer,
} from './harness';
import { loadRealXExpectations, REAL_X_DIR } from '../fixtures/x-real-errata';

const FILES = ['rvinowise-twitter_bot/Read_list_updates_test__00.html', 'rvinowise-twitter_bot/Read_list_updates_test__01.html'];
const PATHS = FILES.map((f) => join(REAL_X_DIR, f));
const MISSING = PATHS.filter((p) => !existsSync(p));
const inCi = process.env.CI === 'true';

/** Views 9 on the first page, 12 on the second (X's views are stored as impressions). */
const GROWING = '1735935432297160849';

if (MISSING.length) {
  const why = `real X pages not found (${MISSING.join(', ')}): ../shared is absent`;
  describe('history across two real X pages', () => {
    it.runIf(inCi)('are present under CI', () => {
      throw new Error(`${why}; CI must run against them`);
    });
    it.skipIf(inCi)(`skipped: ${why}`, () => undefined);
  });
} else {
  describe('history across two real X pages', () => {
    let ext: Extension;
    let site: SiteServer;
    const errors: PageErrors[] = [];
    const truth = loadRealXExpectations()!;
    const postsOf = (file: string) => truth.files.find((f) => f.file === file)!.posts;
    const [first, second] = FILES.map(postsOf) as [ReturnType<typeof postsOf>, ReturnType<typeof postsOf>];

    beforeAll(async () => {
      ext = await launchExtension();
      site = await serveSite(ext.context);
    });
    afterAll(async () => {
      await ext?.close();
    });

    it('the truth files say what this test relies on', () => {
      const views = (posts: typeof first) => posts.find((p) => p.postId === GROWING)?.metrics.views;
      expect([views(first), views(second)]).toEqual([9, 12]);
    });

    it('snapshots hold each change once; the posts CSV the latest counts', { timeout: 300_000 }, async () => {
      const page = await ext.context.newPage();
      errors.push(collectPageErrors(page));
      // The first page twice (a reload that changes nothing), then the later one.
      for (const path of [PATHS[0]!, PATHS[0]!, PATHS[1]!]) {
        site.set(truth.pageUrl, readFileSync(path, 'utf8'));
        await page.goto(truth.pageUrl);
        await scrollThrough(page, { stepMs: 60 });
        await expect
          .poll(() => page.locator('[data-postmeter-post]').count(), { message: `badges on ${path}`, timeout: 10_000 })
          .toBeGreaterThan(0);
        await settle(page);
      }

      const dash = await openDashboard(ext);
      errors.push(collectPageErrors(dash));
      const snapshots = parseCsv((await downloadVia(dash, 'Export snapshots CSV')).text);
      const posts = parseCsv((await downloadVia(dash, 'Export posts CSV')).text);
      expect(posts.header.join(',')).toBe(POSTS_CSV_HEADER);
      expect(snapshots.header.slice(0, 3)).toEqual(['site', 'post_id', 'observed_at']);

      const history = (id: string) =>
        snapshots.rows
          .filter((r) => r.post_id === id)
          .sort((a, b) => a.observed_at!.localeCompare(b.observed_at!))
          .map((r) => r.impressions);
      const post = (id: string) => posts.rows.find((r) => r.post_id === id);

      // Both view counts of the growing post, in order; its latest in the posts CSV.
      expect(history(GROWING)).toEqual(['9', '12']);
      expect(post(GROWING)?.impressions).toBe('12');
      expect(post(GROWING)?.snapshots).toBe('2');

      // Every post: one snapshot per distinct reading, in order; the reload of the first page added none.
      const ids = new Set([...first, ...second].map((p) => p.postId));
      expect(new Set(posts.rows.map((r) => r.post_id)), 'one row per post, no strays').toEqual(ids);
      let unchanged = 0;
      for (const id of ids) {
        const seen = [first, second]
          .map((posts) => posts.find((p) => p.postId === id)?.metrics.views)
          .filter((v): v is number => v !== undefined)
          .map(String);
        const distinct = seen.filter((v, i) => i === 0 || v !== seen[i - 1]);
        expect(history(id), `snapshots of ${id}`).toEqual(distinct);
        expect(post(id)?.snapshots, `snapshot count of ${id}`).toBe(String(distinct.length));
        expect(post(id)?.impressions, `latest views of ${id}`).toBe(seen.at(-1));
        if (distinct.length === 1) unchanged++;
      }
      // At least one post's counts did not change between visits (the reload, and one post only on the first
      // page): it has exactly one snapshot.
      expect(unchanged).toBeGreaterThan(0);

      // The dashboard counts the same rows.
      await expect.poll(() => dash.locator('[data-count="snapshots"]').getAttribute('data-value')).toBe(String(snapshots.rows.length));
      expect(await dash.locator('[data-count="posts"]').getAttribute('data-value')).toBe(String(posts.rows.length));

      for (const e of errors) expect(e.errors).toEqual([]);
    });

    it('the background and an open dashboard step aside when the database must go, then reopen it', async () => {
      // The dashboard from the test before is still open and holds a connection; so does the background.
      const dash = await openDashboard(ext);
      errors.push(collectPageErrors(dash));
      const outcome = await dash.evaluate(
        () =>
          new Promise<string>((resolve) => {
            const req = indexedDB.deleteDatabase('postmeter');
            req.onblocked = () => resolve('blocked');
            req.onsuccess = () => resolve('deleted');
            req.onerror = () => resolve(`error: ${req.error?.message}`);
          }),
      );
      expect(outcome, 'no open connection blocks it').toBe('deleted');

      // The background opens a fresh database for the next batch instead of failing on its closed connection.
      const page = await ext.context.newPage();
      errors.push(collectPageErrors(page));
      site.set(truth.pageUrl, readFileSync(PATHS[1]!, 'utf8'));
      await page.goto(truth.pageUrl);
      await scrollThrough(page, { stepMs: 60 });
      await settle(page);
      // The dashboard reopens too: its next export reads the new database.
      const posts = parseCsv((await downloadVia(dash, 'Export posts CSV')).text);
      expect(posts.rows.map((r) => r.post_id).sort()).toEqual(second.map((p) => p.postId).sort());
      expect(posts.rows.find((r) => r.post_id === GROWING)?.snapshots).toBe('1');
      for (const e of errors) expect(e.errors).toEqual([]);
    });
  });
}
