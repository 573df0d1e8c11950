// LinkedIn in Chromium with the built extension, over the hand-made fixtures in test/fixtures/linkedin/ served as
// https://www.linkedin.com pages: feed posts (both DOM generations) are badged, listed in the popup and exported; the
// post analytics page gives impressions, members reached (reach), frequency and CTR in the popup and the CSV; a page
// whose counters were stripped makes the popup say LinkedIn is not recognised and records nothing.
import { describe, expect, it } from 'vitest';
import { exportCsv, openFixture, openPopup, parseCsv, POSTS_CSV_HEADER, settle, tabIdOf, useBrowser } from './harness';
import { badgeKeys, rowCells } from './page-reads';

const POSTS = '[data-urn^="urn:li:activity:"], .feed-shared-update-v2, [data-testid="mainFeed"] [role="listitem"], section.member-analytics-addon-card__base-card';
const CELLS = ['impressions', 'reach', 'likes', 'replies', 'reposts', 'saves', 'shares', 'clicks'] as const;
type Cells = Partial<Record<(typeof CELLS)[number], string>>;
const urn = (id: string) => `urn:li:activity:${id}`;
const key = (id: string) => `linkedin:${urn(id)}`;

interface Case {
  file: string;
  url: string;
  posts: { id: string; cells: Cells }[];
}
const CASES: Case[] = [
  {
    file: 'feed.html',
    url: 'https://www.linkedin.com/feed/',
    posts: [
      { id: '7532005769521234381', cells: { likes: '1234', replies: '87', reposts: '12', impressions: '', reach: '' } },
      { id: '7532021344456868762', cells: { likes: '5', replies: '', reposts: '' } },
      { id: '7532036919392503143', cells: { likes: '2045', replies: '3' } },
      { id: '7532052494328137524', cells: { likes: '', replies: '4', reposts: '' } },
    ],
  },
  {
    file: 'new-feed.html',
    url: 'https://www.linkedin.com/feed/?new',
    posts: [
      { id: '7532099219135040667', cells: { likes: '1234', replies: '56', reposts: '7' } },
      { id: '7532114794070675048', cells: { likes: '89', replies: '4', reposts: '' } },
      { id: '7532145943941943810', cells: { likes: '15', impressions: '3210' } },
    ],
  },
  {
    file: 'de.html',
    url: 'https://www.linkedin.com/feed/?de',
    posts: [
      { id: '7532223818620115715', cells: { likes: '1234', replies: '12', reposts: '3' } },
      { id: '7531990194585600000', cells: { likes: '8' } },
    ],
  },
  {
    file: 'post.html',
    url: 'https://www.linkedin.com/feed/update/urn:li:activity:7532068069263771905/',
    posts: [{ id: '7532068069263771905', cells: { likes: '48', replies: '6', reposts: '2' } }],
  },
  {
    file: 'own.html',
    url: 'https://www.linkedin.com/feed/?own',
    posts: [{ id: '7532083644199406286', cells: { impressions: '1234', reach: '', likes: '40', replies: '9' } }],
  },
  {
    file: 'dark.html',
    url: 'https://www.linkedin.com/feed/?dark',
    posts: [{ id: '7532130369006309429', cells: { likes: '731', replies: '25' } }],
  },
  {
    file: 'analytics-fr.html',
    url: 'https://www.linkedin.com/analytics/post-summary/urn:li:activity:7532208243684481334/',
    posts: [{ id: '7532208243684481334', cells: { impressions: '12345', reach: '8230', likes: '210', saves: '17', shares: '5', clicks: '' } }],
  },
];
const ANALYTICS = '7532192668748846953';

describe('LinkedIn in Chromium, hand-made fixtures', () => {
  const b = useBrowser();

  for (const c of CASES) {
    it(`${c.file}: badges every identified post, the popup lists them with their counts`, async () => {
      const { page, errors } = await openFixture(b, 'linkedin', c.file, c.url, POSTS);
      const want = c.posts.map((p) => key(p.id));
      await expect.poll(() => badgeKeys(page), { timeout: 10_000 }).toEqual(expect.arrayContaining(want));
      expect((await badgeKeys(page)).sort(), 'no badge for unidentified cards').toEqual([...want].sort());
      await settle(page);
      const popup = await openPopup(b.ext, await tabIdOf(b.ext, page));
      for (const p of c.posts) {
        const row = popup.locator(`[data-section="tab"] [data-postmeter-row="${key(p.id)}"]`);
        await expect.poll(() => row.count(), { message: p.id }).toBe(1);
        expect(await rowCells(row, Object.keys(p.cells) as (typeof CELLS)[number][]), p.id).toEqual(p.cells);
      }
      await popup.close();
      expect(errors.errors).toEqual([]);
    });
  }

  it('post analytics page: impressions, reach, frequency 1.25× and CTR in the popup; reach and frequency in the CSV', async () => {
    const url = `https://www.linkedin.com/analytics/post-summary/urn:li:activity:${ANALYTICS}/`;
    const { page, errors } = await openFixture(b, 'linkedin', 'analytics-en.html', url, POSTS);
    await expect.poll(() => badgeKeys(page), { timeout: 10_000 }).toEqual([key(ANALYTICS)]);
    await settle(page);
    const tabId = await tabIdOf(b.ext, page);
    const popup = await openPopup(b.ext, tabId);
    const row = popup.locator(`[data-section="tab"] [data-postmeter-row="${key(ANALYTICS)}"]`);
    await expect.poll(() => row.count()).toBe(1);
    expect(await rowCells(row, [...CELLS])).toEqual({
      impressions: '1234', reach: '987', likes: '56', replies: '8', reposts: '4', saves: '11', shares: '6', clicks: '37',
    });
    expect((await row.locator('[data-figure="frequency"]').textContent())?.trim()).toBe('Freq 1.25×');
    expect(await row.locator('[data-figure="frequency"]').getAttribute('title')).toMatch(/1,234 .*987/);
    expect((await row.locator('[data-figure="ctr"]').textContent())?.trim()).toMatch(/^CTR 3(\.0)?%$/);
    await popup.close();

    const csv = parseCsv((await exportCsv(b.ext, tabId)).text);
    expect(csv.header.join(',')).toBe(POSTS_CSV_HEADER);
    const r = csv.rows.find((x) => x.post_id === urn(ANALYTICS));
    expect(r).toBeDefined();
    expect(r!.site).toBe('linkedin');
    expect(r!.url).toBe(`https://www.linkedin.com/feed/update/urn:li:activity:${ANALYTICS}/`);
    expect(r!.published_at).toBe('2026-11-27T21:24:33.602Z');
    expect([r!.impressions, r!.reach, r!.clicks, r!.saves, r!.shares]).toEqual(['1234', '987', '37', '11', '6']);
    expect(Number(r!.frequency)).toBeCloseTo(1.2502, 3);
    expect(Number(r!.ctr)).toBeGreaterThan(0);
    expect(errors.errors).toEqual([]);
  });

  it('stripped counters: the popup says LinkedIn was not recognised, and nothing is recorded', async () => {
    const { page, errors } = await openFixture(b, 'linkedin', 'stripped.html', 'https://www.linkedin.com/feed/?stripped', POSTS);
    await settle(page);
    const popup = await openPopup(b.ext, await tabIdOf(b.ext, page));
    const note = popup.locator('[data-health="unrecognised"]');
    await expect.poll(() => note.count(), { timeout: 10_000 }).toBe(1);
    expect(await note.getAttribute('data-site')).toBe('linkedin');
    const ids = ['7532240000000000001', '7532240000000000002', '7532240000000000003'];
    expect(await popup.locator(ids.map((id) => `[data-postmeter-row="${key(id)}"]`).join(', ')).count()).toBe(0);
    await popup.close();
    expect(errors.errors).toEqual([]);
  });
});

