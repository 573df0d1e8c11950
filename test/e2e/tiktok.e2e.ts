// The whole path on TikTok, in Chromium with the built extension, over the hand-made fixtures in
// test/fixtures/tiktok/ served as https://www.tiktok.com pages: videos scrolled past are read, badged after their
// counters, listed in the popup and exported to CSV; the author's Studio analytics page gives impressions (video
// views), reach (reached audience) and the frequency figure; a page whose counters cannot be read says so in the
// popup and records nothing. The facts checked are the ones test/sites/tiktok.test.ts checks, in stored form.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { exportCsv, openFixture, openPopup, parseCsv, POSTS_CSV_HEADER, settle, tabIdOf, useBrowser } from './harness';
import { badgeKeys, rowCells } from './page-reads';

const TT = 'https://www.tiktok.com';
const POST = 'article[data-e2e="recommend-list-item-container"], #main-content-video_detail, [data-e2e="user-post-item"], [data-tt="VideoOverviewPage_Container"]';

type Cell = 'impressions' | 'views' | 'reach' | 'likes' | 'replies' | 'shares' | 'saves';
const CELLS: Cell[] = ['impressions', 'views', 'reach', 'likes', 'replies', 'shares', 'saves'];
type Cells = Partial<Record<Cell, string>>;
interface Expected {
  postId: string;
  author: string;
  publishedAt: string;
  cells: Cells;
}
const x = (postId: string, author: string, publishedAt: string, cells: Cells): Expected => ({ postId, author, publishedAt, cells });

const PAGES: Record<string, { url: string; posts: Expected[] }> = {
  'foryou.html': {
    url: `${TT}/foryou`,
    posts: [
      x('7556160017660692843', 'alice_bakes', '2025-10-01T08:00:00.000Z', {
        likes: '1200000..1299999',
        replies: '345',
        shares: '12300..12399',
        saves: '45600..45699',
      }),
      x('7556708977831106791', 'bob.rides', '2025-10-02T19:30:15.000Z', { likes: '987', replies: '0', shares: '12', saves: '3' }),
      x('7549913445785408953', 'carol_cooks', '2025-09-14T12:00:07.000Z', { likes: '10000..10999', replies: '1234', saves: '0' }),
    ],
  },
  'video.html': {
    url: `${TT}/@dana.dance/video/7544513354287534846`,
    posts: [
      x('7544513354287534846', 'dana.dance', '2025-08-30T22:45:00.000Z', {
        views: '2300000..2399999',
        likes: '56700..56799',
        replies: '890',
        shares: '1100..1199',
        saves: '2345',
      }),
    ],
  },
  'profile.html': {
    url: `${TT}/@erin.art`,
    posts: [
      x('7557693624014154212', 'erin.art', '2025-10-05T11:11:11.000Z', { views: '1500000..1599999' }),
      x('7558092752092087540', 'erin.art', '2025-10-06T13:00:00.000Z', { views: '876' }),
      x('7558372898869717380', 'erin.art', '2025-10-07T07:07:07.000Z', { views: '12500..12599' }),
    ],
  },
  'ja.html': {
    url: `${TT}/foryou?lang=ja-JP`,
    posts: [
      x('7558912230902555035', 'hana_cafe', '2025-10-08T18:00:00.000Z', { likes: '34000..34999', replies: '1500..1599', shares: '97', saves: '812' }),
      x('7559319480464254829', 'sora.trip', '2025-10-09T20:20:20.000Z', { likes: '2', replies: '0', shares: '0', saves: '0' }),
    ],
  },
  'de.html': {
    url: `${TT}/@lena.backt/video/7556873839589594041`,
    posts: [
      x('7556873839589594041', 'lena.backt', '2025-10-03T06:10:00.000Z', {
        views: '1200000..1299999',
        likes: '45600..45699',
        replies: '1234',
        saves: '3210',
      }),
    ],
  },
  'dark.html': {
    url: `${TT}/foryou?dark`,
    posts: [
      x('7557288734106726087', 'milo.music', '2025-10-04T09:00:00.000Z', {
        likes: '789100..789199',
        replies: '4321',
        shares: '3300..3399',
        saves: '20200..20299',
      }),
    ],
  },
  'logged-out.html': {
    url: `${TT}/@gus.garden`,
    posts: [
      x('7523305617381394535', 'gus.garden', '2025-07-04T19:08:09.000Z', { views: '3400000..3499999' }),
      x('7523305617381394536', 'gus.garden', '2025-07-04T19:08:09.000Z', { views: '0' }),
    ],
  },
};
const STUDIO = x('7523262414285882135', 'fern.studio', '2025-07-04T16:20:30.000Z', {
  impressions: '1234',
  reach: '987',
  likes: '210',
  replies: '34',
  shares: '12',
  saves: '56',
});

const key = (id: string) => `tiktok:${id}`;
const full = (c: Cells): Record<Cell, string> => Object.fromEntries(CELLS.map((m) => [m, c[m] ?? ''])) as Record<Cell, string>;

describe('TikTok in Chromium, hand-made fixtures', () => {
  const b = useBrowser();
  const recorded = new Set<string>();

  async function visit(file: string, url: string, ids: string[]) {
    const { page, errors } = await openFixture(b, 'tiktok', file, url, POST);
    await expect
      .poll(() => badgeKeys(page), { message: `badges on ${file}`, timeout: 10_000 })
      .toEqual(expect.arrayContaining(ids.map(key)));
    await settle(page);
    return { page, errors };
  }

  async function checkCsv(page: Page, posts: Expected[]) {
    const csv = parseCsv((await exportCsv(b.ext, await tabIdOf(b.ext, page))).text);
    expect(csv.header.join(',')).toBe(POSTS_CSV_HEADER);
    for (const post of posts) {
      const row = csv.rows.find((r) => r.post_id === post.postId);
      expect(row, `CSV row for ${post.postId}`).toBeDefined();
      expect(row!.site).toBe('tiktok');
      expect(row!.url).toBe(`${TT}/@${post.author}/video/${post.postId}`);
      expect(row!.author?.replace(/^@/, '')).toBe(post.author);
      expect(row!.published_at).toBe(post.publishedAt);
      expect(Object.fromEntries(CELLS.map((m) => [m, row![m]])), post.postId).toEqual(full(post.cells));
      recorded.add(post.postId);
    }
    return csv;
  }

  for (const [file, { url, posts }] of Object.entries(PAGES)) {
    it(`${file}: a badge per video, popup rows, CSV rows`, async () => {
      const { page, errors } = await visit(file, url, posts.map((p) => p.postId));
      expect((await badgeKeys(page)).sort()).toEqual(posts.map((p) => key(p.postId)).sort());
      const placement = await page.locator('[data-postmeter-post]').evaluateAll((hosts, sel) =>
        hosts.map((h) => ({ inPost: !!h.closest(sel), afterCounters: !!h.previousElementSibling?.querySelector('strong[data-e2e]') })), POST);
      for (const p of placement) expect(p).toEqual({ inPost: true, afterCounters: true });

      const popup = await openPopup(b.ext, await tabIdOf(b.ext, page));
      for (const post of posts) {
        const row = popup.locator(`[data-section="tab"] [data-postmeter-row="${key(post.postId)}"]`);
        await expect.poll(() => row.count(), { message: `row for ${post.postId}` }).toBe(1);
        expect(await rowCells(row, CELLS), post.postId).toEqual(full(post.cells));
      }
      await popup.close();
      await checkCsv(page, posts);
      expect(errors.errors).toEqual([]);
      await page.close();
    });
  }

  it('studio.html: impressions, reach and frequency 1.25× in the popup; the CSV carries reach and frequency', async () => {
    const { page, errors } = await visit('studio.html', `${TT}/tiktokstudio/analytics/${STUDIO.postId}`, [STUDIO.postId]);
    const popup = await openPopup(b.ext, await tabIdOf(b.ext, page));
    const row = popup.locator(`[data-section="tab"] [data-postmeter-row="${key(STUDIO.postId)}"]`);
    await expect.poll(() => row.count()).toBe(1);
    expect(await rowCells(row, CELLS)).toEqual(full(STUDIO.cells));
    const freq = row.locator('[data-figure="frequency"]');
    expect(await freq.textContent()).toBe('Freq 1.25×');
    expect(await freq.getAttribute('title')).toMatch(/1,234 impressions ÷ 987 reached/);
    await popup.close();

    const csv = await checkCsv(page, [STUDIO]);
    const r = csv.rows.find((x) => x.post_id === STUDIO.postId)!;
    expect([r.impressions, r.reach, r.frequency]).toEqual(['1234', '987', '1.2503']);
    expect(r.ctr, 'no clicks shown: no CTR').toBe('');
    expect(errors.errors).toEqual([]);
    await page.close();
  });

  it('stripped.html: the popup says TikTok was not recognised, and nothing is recorded', async () => {
    const { page, errors } = await openFixture(b, 'tiktok', 'stripped.html', `${TT}/foryou?stripped`, POST);
    await settle(page);
    const popup = await openPopup(b.ext, await tabIdOf(b.ext, page));
    const note = popup.locator('[data-health="unrecognised"]');
    await expect.poll(() => note.count(), { timeout: 10_000 }).toBe(1);
    expect(await note.getAttribute('data-site')).toBe('tiktok');
    const stripped = ['7556160017660692844', '7556708977831106792'];
    expect(await popup.locator(stripped.map((id) => `[data-postmeter-row="${key(id)}"]`).join(', ')).count()).toBe(0);
    await popup.close();
    const csv = parseCsv((await exportCsv(b.ext, await tabIdOf(b.ext, page))).text);
    expect(csv.rows.map((r) => r.post_id).sort(), 'no stray rows').toEqual([...recorded].sort());
    expect(errors.errors).toEqual([]);
    await page.close();
  });
});
