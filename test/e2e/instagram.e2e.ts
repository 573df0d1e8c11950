// The whole path on Instagram, in Chromium with the built extension, over the hand-made fixtures in
// test/fixtures/instagram/ served as https://www.instagram.com pages: posts scrolled past are read, badged after their
// action bar, listed in the popup and exported to CSV; the author's insights page gives impressions, reach and the
// frequency figure; a page whose counters cannot be read says so in the popup and records nothing. The facts checked
// are the ones test/sites/instagram.test.ts checks, in stored form.
import { describe, expect, it } from 'vitest';
import { exportCsv, openFixture, openPopup, parseCsv, POSTS_CSV_HEADER, settle, tabIdOf, useBrowser } from './harness';
import { badgeKeys, rowCells } from './page-reads';

const IG = 'https://www.instagram.com';
const POST = 'main[role="main"] article';

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
  'home.html': {
    url: `${IG}/`,
    posts: [
      x('C8xYz12AbCd', 'alice_makes', '2026-11-20T10:00:00.000Z', { likes: '1234', replies: '56' }),
      x('DA1bC2dE3fG', 'nordic_trails', '2026-11-24T18:30:15.000Z', { replies: '3' }),
      x('DBxq9LmN0pQ', 'beat_lab', '2026-11-27T07:05:00.000Z', { views: '45600..45699', likes: '8901', replies: '1024' }),
    ],
  },
  'reel.html': {
    url: `${IG}/reel/DCreel98765/`,
    posts: [x('DCreel98765', 'beat_lab', '2026-10-31T20:00:00.000Z', { views: '987000..987999', likes: '45210' })],
  },
  'post.html': {
    url: `${IG}/alice_makes/p/C9pOsT12345/`,
    posts: [x('C9pOsT12345', 'alice_makes', '2026-11-25T16:45:30.000Z', { likes: '2048' })],
  },
  'post-es.html': {
    url: `${IG}/p/DF5esES0001/`,
    posts: [x('DF5esES0001', 'cocina_lupe', '2026-11-15T11:11:11.000Z', { views: '3456', likes: '1234', replies: '27' })],
  },
  'home-pt.html': {
    url: `${IG}/?pt`,
    posts: [
      x('DE4ptBR0001', 'praia_clara', '2026-11-21T13:20:00.000Z', { likes: '12345', replies: '1002' }),
      x('DE4ptBR0002', 'samba_reels', '2026-11-28T21:00:00.000Z', { views: '1200000..1299999', likes: '98700..98799', replies: '845' }),
    ],
  },
  'dark.html': {
    url: `${IG}/?dark`,
    posts: [
      x('DG6dark0001', 'night_owl.photo', '2026-11-10T23:59:59.000Z', { likes: '310422', replies: '2210' }),
      x('DG6dark0002', 'moon_notes', '2026-11-11T01:00:00.000Z', { likes: '1', replies: '1' }),
    ],
  },
  'logged-out.html': {
    url: `${IG}/p/DH7out00001/`,
    posts: [x('DH7out00001', 'harbor_lights', '2026-09-01T06:30:00.000Z', { likes: '5670' })],
  },
};
const INSIGHTS = x('DDinsight01', 'testuser', '2026-11-22T12:00:00.000Z', {
  impressions: '1234',
  reach: '987',
  likes: '120',
  replies: '14',
  shares: '9',
  saves: '31',
});

const key = (id: string) => `instagram:${id}`;
const full = (c: Cells): Record<Cell, string> => Object.fromEntries(CELLS.map((m) => [m, c[m] ?? ''])) as Record<Cell, string>;

describe('Instagram in Chromium, hand-made fixtures', () => {
  const b = useBrowser();
  const recorded = new Set<string>();

  async function visit(file: string, url: string, ids: string[]) {
    const { page, errors } = await openFixture(b, 'instagram', file, url, POST);
    await expect
      .poll(() => badgeKeys(page), { message: `badges on ${file}`, timeout: 10_000 })
      .toEqual(expect.arrayContaining(ids.map(key)));
    await settle(page);
    return { page, errors };
  }

  for (const [file, { url, posts }] of Object.entries(PAGES)) {
    it(`${file}: badges after the action bar, popup rows, CSV rows`, async () => {
      const { page, errors } = await visit(file, url, posts.map((p) => p.postId));
      const placement = await page.locator('[data-postmeter-post]').evaluateAll((hosts) =>
        hosts.map((h) => ({ afterSection: h.previousElementSibling?.tagName === 'SECTION', inArticle: !!h.closest('article') })),
      );
      for (const p of placement) expect(p).toEqual({ afterSection: true, inArticle: true });

      const tabId = await tabIdOf(b.ext, page);
      const popup = await openPopup(b.ext, tabId);
      for (const post of posts) {
        const row = popup.locator(`[data-section="tab"] [data-postmeter-row="${key(post.postId)}"]`);
        await expect.poll(() => row.count(), { message: `row for ${post.author}` }).toBe(1);
        expect(await rowCells(row, CELLS), post.author).toEqual(full(post.cells));
      }
      await popup.close();

      const csv = parseCsv((await exportCsv(b.ext, tabId)).text);
      expect(csv.header.join(',')).toBe(POSTS_CSV_HEADER);
      for (const post of posts) {
        const row = csv.rows.find((r) => r.post_id === post.postId);
        expect(row, `CSV row for ${post.author}`).toBeDefined();
        expect(row!.site).toBe('instagram');
        expect(row!.url).toBe(`${IG}/p/${post.postId}/`);
        expect(row!.author?.replace(/^@/, '')).toBe(post.author);
        expect(row!.published_at).toBe(post.publishedAt);
        expect(Object.fromEntries(CELLS.map((m) => [m, row![m]]))).toEqual(full(post.cells));
        recorded.add(post.postId);
      }
      expect(errors.errors).toEqual([]);
      await page.close();
    });
  }

  it('insights.html: impressions, reach and frequency 1.25× in the popup; the CSV carries reach and frequency', async () => {
    const url = `${IG}/p/DDinsight01/insights/`;
    const { page, errors } = await visit('insights.html', url, [INSIGHTS.postId]);
    const tabId = await tabIdOf(b.ext, page);
    const popup = await openPopup(b.ext, tabId);
    const row = popup.locator(`[data-section="tab"] [data-postmeter-row="${key(INSIGHTS.postId)}"]`);
    await expect.poll(() => row.count()).toBe(1);
    expect(await rowCells(row, CELLS)).toEqual(full(INSIGHTS.cells));
    expect(await row.locator('[data-metric="profileVisits"]').getAttribute('data-value')).toBe('45');
    const freq = row.locator('[data-figure="frequency"]');
    expect(await freq.textContent()).toBe('Freq 1.25×');
    expect(await freq.getAttribute('title')).toMatch(/1,234 impressions ÷ 987 reached/);
    await popup.close();

    const csv = parseCsv((await exportCsv(b.ext, tabId)).text);
    const r = csv.rows.find((x) => x.post_id === INSIGHTS.postId)!;
    expect(r.reach).toBe('987');
    expect(r.impressions).toBe('1234');
    expect(r.frequency).toBe('1.2503');
    expect(r.published_at).toBe(INSIGHTS.publishedAt);
    recorded.add(INSIGHTS.postId);
    expect(errors.errors).toEqual([]);
    await page.close();
  });

  it('stripped.html: the popup says Instagram was not recognised, and nothing is recorded', async () => {
    const { page, errors } = await openFixture(b, 'instagram', 'stripped.html', `${IG}/?stripped`, POST);
    await settle(page);
    const popup = await openPopup(b.ext, await tabIdOf(b.ext, page));
    const note = popup.locator('[data-health="unrecognised"]');
    await expect.poll(() => note.count(), { timeout: 10_000 }).toBe(1);
    expect(await note.getAttribute('data-site')).toBe('instagram');
    expect(await popup.locator(`[data-postmeter-row="${key('DJ9strip001')}"], [data-postmeter-row="${key('DJ9strip002')}"]`).count()).toBe(0);
    await popup.close();
    const csv = parseCsv((await exportCsv(b.ext, await tabIdOf(b.ext, page))).text);
    expect(csv.rows.map((r) => r.post_id).sort(), 'no stray rows').toEqual([...recorded].sort());
    expect(errors.errors).toEqual([]);
    await page.close();
  });
});
