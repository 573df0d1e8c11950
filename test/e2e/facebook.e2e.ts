// Facebook in Chromium with the built extension, over the hand-made fixtures in test/fixtures/facebook/ served as
// https://www.facebook.com (and https://web.facebook.com) pages: feed, single, video, German and dark-theme posts are
// badged, listed in the popup and exported; the post insights dialog gives impressions (Meta's "Views"), reach
// ("Viewers"), frequency and CTR in the popup and the CSV; a page whose counters were stripped makes the popup say
// Facebook is not recognised and records nothing. The facts are the ones test/sites/facebook.test.ts checks.
import { describe, expect, it } from 'vitest';
import { facebook } from '../../lib/sites/facebook';
import { exportCsv, openFixture, openPopup, parseCsv, POSTS_CSV_HEADER, settle, tabIdOf, useBrowser } from './harness';
import { badgeKeys, rowCells } from './page-reads';

const POSTS = facebook.postSelector;
const CELLS = ['impressions', 'views', 'reach', 'likes', 'replies', 'shares', 'clicks'] as const;
type Cells = Partial<Record<(typeof CELLS)[number], string>>;
const key = (id: string) => `facebook:${id}`;
const FB = 'https://www.facebook.com';

interface Case {
  file: string;
  url: string;
  posts: { id: string; url: string; author: string; published?: string; cells: Cells }[];
}
const BAKERY = 'pfbid02Xk7c9WqZr4hT1mYpB6sNdVe3LgJuA8oQfKxRbHn5tCw2iMzE7yPvDl';
const CASES: Case[] = [
  {
    file: 'feed.html',
    url: `${FB}/`,
    posts: [
      { id: BAKERY, url: `${FB}/fernbrookbakery/posts/${BAKERY}`, author: 'fernbrookbakery', cells: { likes: '1200..1299', replies: '87', shares: '14', views: '', reach: '' } },
      { id: '123456789012345', url: `${FB}/permalink.php?story_fbid=123456789012345&id=100044556677889`, author: '100044556677889', published: '2025-11-28T08:00:00.000Z', cells: { likes: '56', replies: '1', shares: '' } },
      { id: '987654321098765', url: `${FB}/groups/quiltersofleeds/posts/987654321098765`, author: '100012345678901', cells: { likes: '', replies: '3', shares: '1' } },
      { id: 'pfbid0Rg8TnWv2c6Jd1Kq9HsXaE4mYbL7oUzF3pCiN5tQw8hVkDxMe2yGjArl', url: `${FB}/riverside.cinema/posts/pfbid0Rg8TnWv2c6Jd1Kq9HsXaE4mYbL7oUzF3pCiN5tQw8hVkDxMe2yGjArl`, author: 'riverside.cinema', cells: { likes: '2500..2599', replies: '1100..1199', shares: '312' } },
      { id: '555666777888999', url: `${FB}/garbled.example/posts/555666777888999`, author: 'garbled.example', cells: { likes: '17', replies: '', shares: '' } },
    ],
  },
  {
    file: 'post.html',
    url: `${FB}/fernbrookbakery/posts/${BAKERY}`,
    posts: [{ id: BAKERY, url: `${FB}/fernbrookbakery/posts/${BAKERY}`, author: 'fernbrookbakery', cells: { likes: '1248', replies: '91', shares: '15' } }],
  },
  {
    file: 'video.html',
    url: `${FB}/riverside.cinema/videos/1122334455667788`,
    posts: [
      { id: '1122334455667788', url: `${FB}/riverside.cinema/videos/1122334455667788`, author: 'riverside.cinema', cells: { views: '48000..48999', likes: '1900..1999', replies: '203', shares: '77' } },
      { id: '2233445566778899', url: `${FB}/watch/?v=2233445566778899`, author: 'harbourlights', cells: { views: '3400000..3499999', likes: '12000..12999', replies: '1024', shares: '' } },
    ],
  },
  {
    file: 'de.html',
    url: `${FB}/?de`,
    posts: [
      { id: 'pfbid0Hq2Wz7Tn4Kc9Ls1Vx6Pb3Jd8Mf5Ry2Ga7Ue4No1Ci9Bt6Xk3Ew8Qv5Zp', url: `${FB}/baeckerei.sonnenschein/posts/pfbid0Hq2Wz7Tn4Kc9Ls1Vx6Pb3Jd8Mf5Ry2Ga7Ue4No1Ci9Bt6Xk3Ew8Qv5Zp`, author: 'baeckerei.sonnenschein', cells: { likes: '1200..1299', replies: '1234', shares: '56' } },
      { id: '3344556677889900', url: `${FB}/bergfilme/videos/3344556677889900`, author: 'bergfilme', cells: { views: '12345', likes: '8', replies: '1' } },
      { id: '778899001122334', url: `${FB}/kai.berger/posts/778899001122334`, author: 'kai.berger', cells: { likes: '', replies: '4', shares: '' } },
    ],
  },
  {
    file: 'dark.html',
    url: 'https://web.facebook.com/',
    posts: [
      { id: 'pfbid0Dk5Wq8Lr3Tn6Ys9Vb2Xc4Ze7Ma1Gu8Po5Hi2Jf9Kl6Nq3Rs7Tv4Wx1Yz', url: `${FB}/nightowl.photo/posts/pfbid0Dk5Wq8Lr3Tn6Ys9Vb2Xc4Ze7Ma1Gu8Po5Hi2Jf9Kl6Nq3Rs7Tv4Wx1Yz`, author: 'nightowl.photo', cells: { likes: '3456', replies: '210', shares: '98' } },
      { id: '4455667788990011', url: `${FB}/reel/4455667788990011`, author: 'luna.park', cells: { views: '89000..89999', likes: '734', replies: '12' } },
    ],
  },
  {
    file: 'logged-out.html',
    url: `${FB}/fernbrookbakery`,
    posts: [
      { id: 'pfbid0Ab4Cd7Ef2Gh5Ij8Kl3Mn6Op9Qr1St4Uv7Wx2Yz5Ab8Cd3Ef6Gh9Ij2Kl', url: `${FB}/fernbrookbakery/posts/pfbid0Ab4Cd7Ef2Gh5Ij8Kl3Mn6Op9Qr1St4Uv7Wx2Yz5Ab8Cd3Ef6Gh9Ij2Kl`, author: 'fernbrookbakery', cells: { likes: '312', replies: '25', shares: '4' } },
      { id: '246813579024680', url: `${FB}/fernbrookbakery/posts/246813579024680`, author: 'fernbrookbakery', cells: { likes: '45', replies: '', shares: '2' } },
    ],
  },
];
const INSIGHTS = 'pfbid0Lm3QvX8kR2aYt7PwZc5NhBs9JeD4uGfV1oTq6CiK8xWnA3rHyEb5Mzg';

describe('Facebook in Chromium, hand-made fixtures', () => {
  const b = useBrowser();

  for (const c of CASES) {
    it(`${c.file}: badges every identified post, the popup lists them with their counts, the CSV has them`, async () => {
      const { page, errors } = await openFixture(b, 'facebook', c.file, c.url, POSTS);
      const want = c.posts.map((p) => key(p.id));
      await expect.poll(() => badgeKeys(page), { timeout: 10_000 }).toEqual(expect.arrayContaining(want));
      expect((await badgeKeys(page)).sort(), 'no badge for comments, dialogs or unidentified articles').toEqual([...want].sort());
      await settle(page);
      const tabId = await tabIdOf(b.ext, page);
      const popup = await openPopup(b.ext, tabId);
      for (const p of c.posts) {
        const row = popup.locator(`[data-section="tab"] [data-postmeter-row="${key(p.id)}"]`);
        await expect.poll(() => row.count(), { message: p.id }).toBe(1);
        expect(await rowCells(row, Object.keys(p.cells) as (typeof CELLS)[number][]), p.id).toEqual(p.cells);
      }
      await popup.close();
      if (c.file === 'feed.html') {
        const csv = parseCsv((await exportCsv(b.ext, tabId)).text);
        expect(csv.header.join(',')).toBe(POSTS_CSV_HEADER);
        for (const p of c.posts) {
          const r = csv.rows.find((x) => x.post_id === p.id);
          expect(r, p.id).toBeDefined();
          expect([r!.site, r!.url, r!.author, r!.published_at], p.id).toEqual(['facebook', p.url, p.author, p.published ?? '']);
          for (const [metric, value] of Object.entries(p.cells)) expect(r![metric], `${p.id} ${metric}`).toBe(value);
        }
      }
      expect(errors.errors).toEqual([]);
    });
  }

  it('post insights: impressions, reach, frequency 1.25× and CTR in the popup; reach and frequency in the CSV', async () => {
    const url = `${FB}/fernbrookbakery/posts/${INSIGHTS}`;
    const { page, errors } = await openFixture(b, 'facebook', 'insights.html', url, POSTS);
    await expect.poll(async () => [...new Set(await badgeKeys(page))], { timeout: 10_000 }).toEqual([key(INSIGHTS)]);
    await settle(page);
    const tabId = await tabIdOf(b.ext, page);
    const popup = await openPopup(b.ext, tabId);
    const row = popup.locator(`[data-section="tab"] [data-postmeter-row="${key(INSIGHTS)}"]`);
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => rowCells(row, [...CELLS])).toEqual({
      impressions: '1234', views: '', reach: '987', likes: '64', replies: '9', shares: '3', clicks: '41',
    });
    expect((await row.locator('[data-figure="frequency"]').textContent())?.trim()).toBe('Freq 1.25×');
    expect(await row.locator('[data-figure="frequency"]').getAttribute('title')).toMatch(/1,234 .*987/);
    expect((await row.locator('[data-figure="ctr"]').textContent())?.trim()).toBe('CTR 3.32%');
    await popup.close();

    const csv = parseCsv((await exportCsv(b.ext, tabId)).text);
    expect(csv.header.join(',')).toBe(POSTS_CSV_HEADER);
    const r = csv.rows.find((x) => x.post_id === INSIGHTS);
    expect(r).toBeDefined();
    expect(r!.site).toBe('facebook');
    expect(r!.url).toBe(url);
    expect(r!.published_at).toBe('');
    expect([r!.impressions, r!.reach, r!.clicks, r!.likes, r!.replies, r!.shares]).toEqual(['1234', '987', '41', '64', '9', '3']);
    expect(Number(r!.frequency)).toBeCloseTo(1.2502, 3);
    expect(Number(r!.ctr)).toBeCloseTo(3.32, 1);
    expect(errors.errors).toEqual([]);
  });

  it('stripped counters: the popup says Facebook was not recognised, and nothing is recorded', async () => {
    const { page, errors } = await openFixture(b, 'facebook', 'stripped.html', `${FB}/?stripped`, POSTS);
    await settle(page);
    const popup = await openPopup(b.ext, await tabIdOf(b.ext, page));
    const note = popup.locator('[data-health="unrecognised"]');
    await expect.poll(() => note.count(), { timeout: 10_000 }).toBe(1);
    expect(await note.getAttribute('data-site')).toBe('facebook');
    const ids = ['pfbid0Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg9Fe8Dc7Ba6Zy5Xw4Vu3Ts2Rq1Po', '135792468013579'];
    expect(await popup.locator(ids.map((id) => `[data-postmeter-row="${key(id)}"]`).join(', ')).count()).toBe(0);
    await popup.close();
    expect(errors.errors).toEqual([]);
  });
});

