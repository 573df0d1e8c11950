// Every real saved X page from ../shared/fixtures/real/x/, opened as https://x.com/home in one browser
// with the built extension, in expected.json's order and scrolled through; then "Export CSV" from the
// popup must hold one row per distinct tweet, with the counts of the last page that showed it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  collectPageErrors,
  exportCsv,
  launchExtension,
  parseCsv,
  POSTS_CSV_HEADER,
  scrollThrough,
  serveSite,
  settle,
  tabIdOf,
  type Extension,
  type PageErrors,
  type SiteServer,
} from './harness';
import { loadRealXExpectations, REAL_X_MISSING, type ExpectedXPost } from '../fixtures/x-real-errata';

const real = loadRealXExpectations();
const inCi = process.env.CI === 'true';

if (!real) {
  describe('real X pages', () => {
    it.runIf(inCi)('are present under CI', () => {
      throw new Error(`${REAL_X_MISSING}; CI must run against them`);
    });
    it.skipIf(inCi)(`skipped: ${REAL_X_MISSING}`, () => undefined);
  });
} else {
  describe('real X pages in Chromium', () => {
    let ext: Extension;
    let site: SiteServer;

    beforeAll(async () => {
      ext = await launchExtension();
      site = await serveSite(ext.context);
    });
    afterAll(async () => {
      await ext?.close();
    });

    it('records each tweet once, with the counts of the last page that showed it', { timeout: 600_000 }, async () => {
      const page = await ext.context.newPage();
      const errors: PageErrors = collectPageErrors(page);
      /** postId → truth from the last file (in load order) that contained it. */
      const latest = new Map<string, ExpectedXPost & { file: string }>();

      for (const { file, path, posts } of real.files) {
        site.set(real.pageUrl, readFileSync(path, 'utf8'));
        await page.goto(real.pageUrl);
        await scrollThrough(page, { stepMs: 60 });
        const expectedKeys = posts.map((p) => `x:${p.postId}`).sort();
        // A badge per tweet read, none for anything else (a quoted tweet is not a post of its own).
        await expect
          .poll(
            () => page.locator('[data-postmeter-post]').evaluateAll((els) => els.map((e) => e.getAttribute('data-postmeter-post')!).sort()),
            { message: `badges on ${file}`, timeout: 10_000 },
          )
          .toEqual(expectedKeys);
        // Badges are drawn as soon as a tweet is read; the batch follows within BATCH_MS.
        if (posts.length) await settle(page);
        for (const post of posts) latest.set(post.postId, { ...post, file });
      }

      expect(errors.errors, 'page errors').toEqual([]);
      expect(site.blocked.filter((u) => !isMedia(u)), 'requests to hosts not served').toEqual([]);

      const csv = await exportCsv(ext, await tabIdOf(ext, page));
      expect(csv.filename).toMatch(/^postmeter-posts-\d{4}-\d{2}-\d{2}\.csv$/);
      const parsed = parseCsv(csv.text);
      expect(parsed.crlf, 'CRLF line ends').toBe(true);
      expect(parsed.header.join(',')).toBe(POSTS_CSV_HEADER);

      const ids = parsed.rows.map((r) => r.post_id);
      expect(new Set(ids).size, 'one row per post').toBe(ids.length);
      expect([...ids].sort(), 'exactly the tweets shown, no stray rows').toEqual([...latest.keys()].sort());

      for (const row of parsed.rows) {
        const truth = latest.get(row.post_id!)!;
        const where = `${row.post_id} (last seen in ${truth.file})`;
        expect(row.site, where).toBe('x');
        expect(row.author?.replace(/^@/, ''), where).toBe(truth.author);
        expect(row.url, where).toContain(`/status/${truth.postId}`);
        expect(
          {
            impressions: row.impressions,
            likes: row.likes,
            replies: row.replies,
            reposts: row.reposts,
            bookmarks: row.bookmarks,
          },
          where,
        ).toEqual({
          // X's views are impressions; an absent metric is an empty cell.
          impressions: cell(truth.metrics.views),
          likes: cell(truth.metrics.likes),
          replies: cell(truth.metrics.replies),
          reposts: cell(truth.metrics.reposts),
          bookmarks: cell(truth.metrics.bookmarks),
        });
      }
    });
  });
}

const cell = (n: number | undefined) => (n === undefined ? '' : String(n));

/** Avatars, emoji and video thumbnails on X's CDNs are deliberately not served. */
function isMedia(url: string): boolean {
  return /^https:\/\/(abs(-\d)?|pbs|video)\.twimg\.com\//.test(url);
}
