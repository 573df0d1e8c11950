// Threads in Chromium with the built extension, over the hand-made fixtures in test/fixtures/threads/ served under
// both real hostnames (www.threads.com and www.threads.net): posts scrolled past are badged after their own action
// bar, listed in the popup and exported to CSV; a stripped page says "not recognised" and records nothing. The facts
// checked are the ones test/sites/threads.test.ts checks, in stored form.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { exportCsv, openFixture, openPopup, parseCsv, POSTS_CSV_HEADER, settle, tabIdOf, useBrowser } from './harness';

const POST = 'div[data-pressable-container="true"]';
type Cell = 'impressions' | 'likes' | 'replies' | 'reposts' | 'shares';
const CELLS: Cell[] = ['impressions', 'likes', 'replies', 'reposts', 'shares'];
type Cells = Record<Cell, string>;
interface Expected {
  postId: string;
  author: string;
  publishedAt: string;
  cells: Cells;
}
const c = (likes: string, replies = '', reposts = '', shares = '', impressions = ''): Cells =>
  ({ impressions, likes, replies, reposts, shares });
const p = (postId: string, author: string, publishedAt: string, cells: Cells): Expected => ({ postId, author, publishedAt, cells });

const PAGES: { fixture: string; url: string; posts: Expected[] }[] = [
  {
    fixture: 'home.html',
    url: 'https://www.threads.com/',
    posts: [
      p('DQx1aB2cD3e', 'lena.codes', '2026-11-28T08:15:00.000Z', c('42', '7', '3', '1')),
      p('DQw9zZ8yY7x', 'marco_t', '2026-11-27T19:02:11.000Z', c('12300..12399', '1100..1199', '456', '2000..2999')),
      p('DQv5kL4mN3p', 'nora.bakes', '2026-11-28T06:40:00.000Z', c('5')),
      p('DQu2hJ3gF4r', 'ollie', '', c('9', '2')),
    ],
  },
  {
    fixture: 'own.html',
    url: 'https://www.threads.net/@me.writes',
    posts: [
      p('DQs1eE5fF6g', 'me.writes', '2026-11-25T09:00:00.000Z', c('321', '45', '12', '6', '12345')),
      p('DQs2gG7hH8i', 'me.writes', '2026-11-24T09:00:00.000Z', c('3', '', '', '', '1200..1299')),
    ],
  },
  {
    fixture: 'quote.html',
    url: 'https://www.threads.net/',
    posts: [
      p('DQn1yY5zZ6a', 'quoter', '2026-11-28T11:00:00.000Z', c('15', '3', '1')),
      p('DQn2bB9cC0d', 'nester', '2026-11-28T12:00:00.000Z', c('4')),
    ],
  },
];
const NEVER = ['DQm9aA7bB8c', 'DQm8cC1dD2e', 'DQl1eE3fF4g', 'DQl2gG5hH6i'];
const key = (id: string) => `threads:${id}`;

const badgeKeys = (page: Page): Promise<string[]> =>
  page.locator('[data-postmeter-post]').evaluateAll((hosts) => hosts.map((h) => h.getAttribute('data-postmeter-post')!));

describe('Threads in Chromium, hand-made fixtures', () => {
  const b = useBrowser();
  const recorded = new Set<string>();

  it.each(PAGES.map((pg) => [pg.fixture, pg] as const))('%s: badges, popup rows, CSV rows', async (_name, pg) => {
    const { page, errors } = await openFixture(b, 'threads', pg.fixture, pg.url, POST);
    const want = pg.posts.map((x) => key(x.postId));
    await expect.poll(() => badgeKeys(page), { timeout: 10_000 }).toEqual(expect.arrayContaining(want));
    await settle(page);
    expect((await badgeKeys(page)).sort()).toEqual([...want].sort());
    // each badge host sits right after its post's own action bar
    const placed = await page.locator('[data-postmeter-post]').evaluateAll((hosts) =>
      hosts.map((h) => !!h.previousElementSibling?.querySelector('svg')));
    expect(placed.every(Boolean)).toBe(true);

    const popup = await openPopup(b.ext, await tabIdOf(b.ext, page));
    for (const post of pg.posts) {
      const row = popup.locator(`[data-section="tab"] [data-postmeter-row="${key(post.postId)}"]`);
      await expect.poll(() => row.count(), { message: `row ${post.postId}` }).toBe(1);
      const cells = {} as Cells;
      for (const m of CELLS) {
        const cell = row.locator(`[data-metric="${m}"]`);
        cells[m] = (await cell.count()) ? ((await cell.getAttribute('data-value')) ?? '') : '';
      }
      expect(cells, post.postId).toEqual(post.cells);
    }
    await popup.close();

    const csv = parseCsv((await exportCsv(b.ext, await tabIdOf(b.ext, page))).text);
    expect(csv.header.join(',')).toBe(POSTS_CSV_HEADER);
    const byId = new Map(csv.rows.map((r) => [r.post_id!, r]));
    for (const post of pg.posts) {
      const row = byId.get(post.postId)!;
      expect(row, post.postId).toBeDefined();
      expect(row.site).toBe('threads');
      expect(row.author).toBe(post.author);
      expect(row.url).toBe(`https://www.threads.com/@${post.author}/post/${post.postId}`);
      expect(row.published_at).toBe(post.publishedAt);
      expect({ impressions: row.impressions, likes: row.likes, replies: row.replies, reposts: row.reposts, shares: row.shares }).toEqual(post.cells);
      recorded.add(post.postId);
    }
    for (const id of NEVER) expect(byId.has(id), id).toBe(false);
    expect(errors.errors).toEqual([]);
  });

  it('stripped counters: the popup says Threads was not recognised, and nothing is recorded', async () => {
    const { page, errors } = await openFixture(b, 'threads', 'stripped.html', 'https://www.threads.com/?stripped', POST);
    await settle(page);
    expect(await badgeKeys(page)).toEqual([]);
    const popup = await openPopup(b.ext, await tabIdOf(b.ext, page));
    const note = popup.locator('[data-health="unrecognised"]');
    await expect.poll(() => note.count(), { timeout: 10_000 }).toBe(1);
    expect(await note.getAttribute('data-site')).toBe('threads');
    await popup.close();
    const csv = parseCsv((await exportCsv(b.ext, await tabIdOf(b.ext, page))).text);
    for (const id of NEVER) expect(csv.rows.some((r) => r.post_id === id), id).toBe(false);
    expect(errors.errors).toEqual([]);
  });
});
