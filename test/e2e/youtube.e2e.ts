// YouTube in Chromium with the built extension: the hand-made fixtures in test/fixtures/youtube/ served under
// www.youtube.com and studio.youtube.com. Every video scrolled past is badged in place; those with a counter are
// stored, listed in the popup with their counts, and exported to CSV; posts without a readable counter (a live
// stream, a scheduled premiere) are badged but never recorded; the stripped page makes the popup say YouTube was
// not recognised. The truth below is the same as the unit test's (test/sites/youtube.test.ts), in stored form.
import { describe, expect, it } from 'vitest';
import {
  collectPageErrors,
  exportCsv,
  openPopup,
  parseCsv,
  POSTS_CSV_HEADER,
  readFixture,
  scrollThrough,
  settle,
  tabIdOf,
  useBrowser,
} from './harness';
import { badgeKeys } from './page-reads';

/** The cells a YouTube row can show: "N" exact, "min..max" an interval, "" absent. */
type Cell = 'views' | 'likes' | 'replies' | 'impressions' | 'reach' | 'clicks';
type Cells = Partial<Record<Cell, string>>;
interface Expected {
  postId: string;
  author: string; // '' = none
  shorts?: true;
  cells: Cells;
}
interface Page_ {
  file: string;
  url: string;
  /** Posts with at least one counter: badged, stored, listed, exported. */
  posts: Expected[];
  /** Posts badged but with nothing to record. */
  unrecorded?: string[];
}

const v = (views: string): Cells => ({ views });

const PAGES: Page_[] = [
  {
    file: 'home-2026.html',
    url: 'https://www.youtube.com/',
    posts: [
      { postId: 'hA1rbor0001', author: 'harbourlights', cells: v('1200000..1299999') },
      { postId: 'qU1etFern02', author: 'quietfern', cells: v('847') },
      { postId: 'sH0rtTile01', author: '', shorts: true, cells: v('5700..5799') },
      { postId: 'sH0rtTile02', author: '', shorts: true, cells: v('31') },
      { postId: 'nEwUpload03', author: 'tidepool_dev', cells: v('0') },
      { postId: 'cHannel0005', author: 'millionviewsclub', cells: v('12000..12999') },
    ],
    unrecorded: ['l1veStream4'],
  },
  {
    file: 'home-2024.html',
    url: 'https://www.youtube.com/',
    posts: [
      { postId: 'oLdGrid0001', author: 'harbourlights', cells: v('3400000..3499999') },
      { postId: 'oLdGrid0002', author: 'tidepool_dev', cells: v('987') },
    ],
  },
  {
    file: 'subscriptions-dark.html',
    url: 'https://www.youtube.com/feed/subscriptions',
    posts: [
      { postId: 'sUbFeed0001', author: 'harbourlights', cells: v('45000..45999') },
      { postId: 'sUbFeed0002', author: 'quietfern', cells: v('1') },
    ],
    unrecorded: ['sUbFeed0003'],
  },
  {
    file: 'search-2025.html',
    url: 'https://www.youtube.com/results?search_query=harbour+lights',
    posts: [
      { postId: 'sEarch00001', author: 'harbourlights', cells: v('2500000..2599999') },
      { postId: 'sEarch00002', author: 'quietfern', cells: v('563') },
      { postId: 'sHelfTile01', author: '', shorts: true, cells: v('5700..5799') },
      { postId: 'sHelfTile02', author: '', shorts: true, cells: v('812000..812999') },
      { postId: 'sHortVr0001', author: 'tidepool_dev', shorts: true, cells: v('31000..31999') },
    ],
    unrecorded: ['sEarch00003'],
  },
  {
    file: 'watch.html',
    url: 'https://www.youtube.com/watch?v=WAtchPage01',
    posts: [
      { postId: 'WAtchPage01', author: 'harbourlights', cells: { views: '1402113', likes: '48201' } },
      { postId: 'rElated0001', author: 'tidepool_dev', cells: v('88000..88999') },
      { postId: 'rElated0002', author: 'orbitnotes', cells: v('2300000..2399999') },
      { postId: 'cOmpact0001', author: '', cells: v('15000..15999') },
    ],
  },
  {
    file: 'de-watch.html',
    url: 'https://www.youtube.com/watch?v=dEwatch0001',
    posts: [
      { postId: 'dEwatch0001', author: 'hafenlichter', cells: { views: '12840948', likes: '1234' } },
      { postId: 'dErelated01', author: 'gezeitenlabor', cells: v('45678') },
    ],
  },
  {
    file: 'de-search.html',
    url: 'https://www.youtube.com/results?search_query=hafenlichter',
    posts: [
      { postId: 'dEsearch001', author: 'hafenlichter', cells: v('1234') },
      { postId: 'dEsearch002', author: 'gezeitenlabor', cells: v('1200000..1299999') },
      { postId: 'dElockup001', author: 'kainord', cells: v('45000..45999') },
      { postId: 'dElockup002', author: 'stillewelle', cells: v('987') },
    ],
  },
  {
    file: 'shorts.html',
    url: 'https://www.youtube.com/shorts/rEel0000002',
    posts: [{ postId: 'rEel0000002', author: '', shorts: true, cells: { likes: '2045' } }],
  },
  {
    file: 'channel.html',
    url: 'https://www.youtube.com/@harbourlights',
    posts: [
      { postId: 'cHvideo0001', author: '', cells: v('3100..3199') },
      { postId: 'cHvideo0002', author: '', cells: v('640') },
      { postId: 'cHshort0001', author: '', shorts: true, cells: v('1100000..1199999') },
      { postId: 'cHshort0002', author: '', shorts: true, cells: v('77') },
      { postId: 'gRidvid0001', author: '', cells: v('98000..98999') },
      { postId: 'gRidvid0002', author: '', cells: v('5') },
    ],
  },
  {
    file: 'studio-reach.html',
    url: 'https://studio.youtube.com/video/sTudio00001/analytics/tab-reach_viewers/period-default',
    posts: [{ postId: 'sTudio00001', author: '', cells: { impressions: '48200..48299', views: '5214', reach: '3977' } }],
  },
];

/** The adapter's post elements (youtube.postSelector), for scrolling each into view. */
const POSTS =
  'ytd-video-renderer, ytd-compact-video-renderer, ytd-grid-video-renderer, ytd-rich-grid-media, yt-lockup-view-model, ' +
  'ytm-shorts-lockup-view-model, ytd-watch-metadata, ytd-reel-video-renderer, yta-key-metric-card';

const key = (id: string) => `youtube:${id}`;
const CELLS: Cell[] = ['views', 'likes', 'replies', 'impressions', 'reach', 'clicks'];

describe('YouTube in Chromium, hand-made fixtures', () => {
  const b = useBrowser();
  /** Every post id recorded so far in this browser. */
  const recorded = new Set<string>();

  async function visit(p: Page_) {
    b.site.set(p.url, readFixture('youtube', p.file));
    const page = await b.ext.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(p.url);
    await scrollThrough(page, { selector: POSTS });
    const badged = [...p.posts.map((x) => x.postId), ...(p.unrecorded ?? [])].map(key);
    await expect
      .poll(() => badgeKeys(page), { message: `badges on ${p.file}`, timeout: 10_000 })
      .toEqual(expect.arrayContaining(badged));
    await settle(page);
    return { page, errors };
  }

  it.each(PAGES.map((p) => [p.file, p] as const))('%s: badges, popup rows and CSV rows', async (_file, p) => {
    const { page, errors } = await visit(p);

    // one badge per post, right after the post's own anchor, inside that post
    const placement = await page.locator('[data-postmeter-post]').evaluateAll((hosts) =>
      hosts.map((host) => {
        const id = host.getAttribute('data-postmeter-post')!.replace(/^youtube:/, '');
        const post = host.closest(
          'ytd-video-renderer, ytd-compact-video-renderer, ytd-grid-video-renderer, ytd-rich-grid-media, yt-lockup-view-model, ' +
            'ytm-shorts-lockup-view-model, ytd-watch-metadata, ytd-reel-video-renderer',
        );
        const studio = host.previousElementSibling?.localName === 'yta-key-metric-card';
        const names =
          studio ||
          (post?.localName === 'ytd-watch-metadata' && post.getAttribute('video-id') === id) ||
          (post?.localName === 'ytd-reel-video-renderer' && location.pathname === `/shorts/${id}`) ||
          !!post?.querySelector(`a[href*="${id}"]`);
        return { id, inItsPost: names, shadow: !!host.shadowRoot?.querySelector('.pm-badge') };
      }),
    );
    const ids = placement.map((x) => x.id);
    expect(new Set(ids).size, 'one badge per video').toBe(ids.length);
    for (const x of placement) expect(x, x.id).toEqual({ id: x.id, inItsPost: true, shadow: true });

    if (p.file === 'subscriptions-dark.html') {
      const themes = await page.locator('[data-postmeter-post]').evaluateAll((hosts) =>
        hosts.map((h) => h.shadowRoot!.querySelector('.pm-badge')!.getAttribute('data-theme')),
      );
      expect(new Set(themes)).toEqual(new Set(['dark']));
    }

    // popup: this tab's posts with their counts; nothing for what had no counter
    const popup = await openPopup(b.ext, await tabIdOf(b.ext, page));
    try {
      for (const post of p.posts) {
        const row = popup.locator(`[data-section="tab"] [data-postmeter-row="${key(post.postId)}"]`);
        await expect.poll(() => row.count(), { message: `popup row for ${post.postId}` }).toBe(1);
        for (const cell of CELLS) {
          const el = row.locator(`[data-metric="${cell}"]`);
          const value = (await el.count()) ? ((await el.getAttribute('data-value')) ?? '') : '';
          expect(value, `${post.postId} ${cell}`).toBe(post.cells[cell] ?? '');
        }
      }
      for (const id of p.unrecorded ?? []) {
        expect(await popup.locator(`[data-postmeter-row="${key(id)}"]`).count(), `no row for ${id}`).toBe(0);
      }
      expect(await popup.locator('[data-health="unrecognised"]').count()).toBe(0);
    } finally {
      await popup.close();
    }

    // CSV
    const csv = parseCsv((await exportCsv(b.ext, await tabIdOf(b.ext, page))).text);
    expect(csv.header.join(',')).toBe(POSTS_CSV_HEADER);
    const byId = new Map(csv.rows.map((r) => [r.post_id!, r]));
    expect(byId.size, 'one row per post').toBe(csv.rows.length);
    for (const post of p.posts) {
      const row = byId.get(post.postId);
      expect(row, `CSV row for ${post.postId}`).toBeDefined();
      expect(row!.site).toBe('youtube');
      expect(row!.author).toBe(post.author);
      expect(row!.url).toBe(
        post.shorts ? `https://www.youtube.com/shorts/${post.postId}` : `https://www.youtube.com/watch?v=${post.postId}`,
      );
      expect(row!.published_at, 'relative ages give no point in time').toBe('');
      for (const cell of CELLS) expect(row![cell], `${post.postId} ${cell}`).toBe(post.cells[cell] ?? '');
      recorded.add(post.postId);
    }
    for (const id of p.unrecorded ?? []) expect(byId.has(id), `CSV row for ${id}`).toBe(false);
    expect([...byId.keys()].filter((id) => !recorded.has(id)), 'rows for posts never shown with a counter').toEqual([]);

    if (p.file === 'studio-reach.html') {
      const row = byId.get('sTudio00001')!;
      expect(row.frequency, 'views ÷ unique viewers').toBe(String(Math.round((5214 / 3977) * 1e4) / 1e4));
      expect(row.ctr, 'no click count on the page: no CTR').toBe('');
    }
    if (p.file === 'watch.html') {
      const row = byId.get('WAtchPage01')!;
      expect(row.engagement_rate_basis).toBe('views');
      expect(row.engagements).toBe('48201');
    }

    expect(errors.errors).toEqual([]);
    await page.close();
  });

  it('a page whose counters were all renamed: the popup says YouTube was not recognised, nothing is recorded', async () => {
    const url = 'https://www.youtube.com/';
    b.site.set(url, readFixture('youtube', 'stripped.html'));
    const page = await b.ext.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(url);
    await scrollThrough(page, { selector: POSTS });
    await expect.poll(() => badgeKeys(page).then((k) => k.length), { timeout: 10_000 }).toBeGreaterThan(0);
    await settle(page);
    const popup = await openPopup(b.ext, await tabIdOf(b.ext, page));
    try {
      const note = popup.locator('[data-health="unrecognised"]');
      await expect.poll(() => note.count(), { timeout: 10_000 }).toBe(1);
      expect(await note.getAttribute('data-site')).toBe('youtube');
      expect(await popup.locator('[data-postmeter-row^="youtube:sTrip"]').count(), 'nothing recorded').toBe(0);
    } finally {
      await popup.close();
    }
    const csv = parseCsv((await exportCsv(b.ext, await tabIdOf(b.ext, page))).text);
    expect(csv.rows.filter((r) => r.post_id!.startsWith('sTrip'))).toEqual([]);
    expect(csv.rows.map((r) => r.post_id).sort()).toEqual([...recorded].sort());
    expect(errors.errors).toEqual([]);
    expect(b.site.blocked, 'requests to other hosts').toEqual([]);
    await page.close();
  });
});

