// The offline demo feed (scripts/demo-feed.mjs, what `npm run demo` serves) stays readable by the X adapter:
// every demo tweet gets a badge and is recorded with the counts the page shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  homePage,
  linkedinAnalyticsPage,
  LINKEDIN_ACTIVITY,
  OWN_HANDLE,
  ownTweets,
  profilePage,
  statusPage,
  withIds,
  TWEETS,
  REPLIES,
} from '../../scripts/demo-feed.mjs';
import {
  collectPageErrors,
  exportCsv,
  launchExtension,
  parseCsv,
  scrollThrough,
  serveSite,
  settle,
  tabIdOf,
  type Extension,
  type SiteServer,
} from './harness';

describe('the demo feed', () => {
  let ext: Extension;
  let site: SiteServer;
  const now = Date.now();
  const tweets = withIds(TWEETS, now);

  beforeAll(async () => {
    ext = await launchExtension();
    site = await serveSite(ext.context, { 'https://x.com/home': homePage(tweets, now) });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('home: every tweet is badged and recorded with its counts', async () => {
    const page = await ext.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto('https://x.com/home');
    await scrollThrough(page);
    const keys = () => page.locator('[data-postmeter-post]').evaluateAll((h) => h.map((e) => e.getAttribute('data-postmeter-post')));
    await expect.poll(async () => new Set(await keys()).size).toBe(tweets.length);
    await settle(page);
    const csv = parseCsv((await exportCsv(ext, await tabIdOf(ext, page))).text);
    for (const t of tweets) {
      const row = csv.rows.find((r) => r.post_id === t.id);
      expect(row, t.handle).toBeDefined();
      // Omitted zeros on a complete summary are zeros; views are impressions.
      expect([row!.replies, row!.reposts, row!.likes, row!.bookmarks, row!.impressions], t.handle).toEqual(
        [t.c.replies, t.c.reposts, t.c.likes, t.c.bookmarks, t.c.views].map(String),
      );
    }
    expect(errors.errors).toEqual([]);
    await page.close();
  });

  it('a focused tweet page: the tweet and its replies are badged', async () => {
    const t = tweets[0]!;
    const url = `https://x.com/${t.handle}/status/${t.id}`;
    site.set(url, statusPage(tweets, t.id, now)!);
    const page = await ext.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(url);
    await scrollThrough(page);
    await expect
      .poll(() => page.locator('[data-postmeter-post]').count())
      .toBe(1 + REPLIES.length);
    expect(await page.locator(`[data-postmeter-post="x:${t.id}"]`).count()).toBe(1);
    expect(errors.errors).toEqual([]);
    await page.close();
  });

  it("the demo user's profile: 24 own tweets over 8 weeks, each with its views and publish time", async () => {
    const own = withIds(ownTweets(now), now, 500);
    const url = `https://x.com/${OWN_HANDLE}`;
    site.set(url, profilePage(own, now));
    const page = await ext.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(url);
    await scrollThrough(page);
    await expect.poll(() => page.locator('[data-postmeter-post]').count()).toBe(own.length);
    await settle(page);
    const csv = parseCsv((await exportCsv(ext, await tabIdOf(ext, page))).text);
    for (const t of own) {
      const row = csv.rows.find((r) => r.post_id === t.id);
      expect(row?.impressions, t.id).toBe(String(t.c.views));
      expect(row?.author).toBe(OWN_HANDLE);
      expect(Math.abs(Date.parse(row!.published_at!) - t.at), 'published_at from the snowflake id').toBeLessThan(1000);
    }
    expect(errors.errors).toEqual([]);
    await page.close();
  });

  it('the LinkedIn analytics page: impressions 50,000 and members reached 5,000 are recorded', async () => {
    const url = `https://www.linkedin.com/analytics/post-summary/urn:li:activity:${LINKEDIN_ACTIVITY}/`;
    site.set(url, linkedinAnalyticsPage());
    const page = await ext.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(url);
    await scrollThrough(page);
    await settle(page);
    const csv = parseCsv((await exportCsv(ext, await tabIdOf(ext, page))).text);
    const row = csv.rows.find((r) => r.post_id === `urn:li:activity:${LINKEDIN_ACTIVITY}`);
    expect([row?.impressions, row?.reach, row?.clicks, row?.frequency]).toEqual(['50000', '5000', '1500', '10']);
    expect(errors.errors).toEqual([]);
    await page.close();
  });
});
