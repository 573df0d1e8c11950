// The whole path on X, in Chromium with the built extension, over the hand-made fixtures in
// test/fixtures/x/ served as https://x.com pages: a tweet scrolled past is read, badged in place (no
// layout shift), stored, listed in the popup, and exported to CSV. Bad pages record nothing they cannot
// read and raise no errors.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
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
import { badgeKeys, rowCells } from './page-reads';

type Cell = 'impressions' | 'likes' | 'replies' | 'reposts' | 'bookmarks';
const CELLS: Cell[] = ['impressions', 'likes', 'replies', 'reposts', 'bookmarks'];
/** What the popup's data-value and the CSV cell hold: "N" exact, "min..max" an interval, "" absent. */
type Cells = Record<Cell, string>;
interface Expected {
  postId: string;
  author: string;
  cells: Cells;
}

/** replies, reposts, likes, bookmarks, impressions (X's views); '' = absent. */
const c = (replies: string, reposts: string, likes: string, bookmarks: string, impressions: string): Cells => ({
  replies,
  reposts,
  likes,
  bookmarks,
  impressions,
});

// Truth per fixture (the same facts the adapter's unit test, test/sites/x.test.ts, checks, in stored form).
const TIMELINE: Expected[] = [
  { postId: '1973040134353846373', author: 'acme_gadgets', cells: c('4', '19', '288', '7', '183003') },
  { postId: '1973299971486646474', author: 'orbit_notes', cells: c('56', '1204', '8831', '344', '412077') },
  { postId: '1973323291816886575', author: 'quill_writer', cells: c('12', '3', '40', '2', '5120') },
  { postId: '1973332078883766777', author: 'tidepool_dev', cells: c('7', '31', '250', '18', '20911') },
  { postId: '1973342124241846878', author: 'quietfern', cells: c('0', '0', '0', '0', '0') },
  // visible text only: truncated intervals, one full number, no bookmark count anywhere
  { postId: '1973349673989046979', author: 'lumen_hq', cells: c('1200..1299', '345', '8900..8999', '', '2500000..2599999') },
  { postId: '1973357223736247080', author: 'brightside_co', cells: c('1', '2', '61', '1', '90210') },
  { postId: '1973364773483447181', author: 'gallery_bot', cells: c('2', '14', '77', '9', '6603') },
  // a 2021 tweet: views unknown, not 0
  { postId: '1371511509611446383', author: 'oldtimer_ann', cells: c('30', '112', '1999', '403', '') },
];
const FOCUSED: Expected[] = [
  { postId: '1980274188874678494', author: 'harbor_lights', cells: c('310', '2210', '15093', '612', '1402113') },
  { postId: '1980287891665846605', author: 'tern_watcher', cells: c('3', '1', '402', '5', '20007') },
  { postId: '1980305507742646716', author: 'mossy_stone', cells: c('0', '0', '1', '0', '1') },
];
const JA: Expected[] = [
  { postId: '1974670879749046280', author: 'sakura_daily', cells: c('48', '152', '553', '9', '30142') },
  { postId: '1974685979243446281', author: 'kumo_note', cells: c('0', '0', '0', '0', '0') },
  { postId: '1974701078737846282', author: 'tsuki_shiori', cells: c('', '', '2', '', '15') },
];
const GARBLED: Expected[] = [
  // 99999999999999999999 views: absent; the buttons still say 0 reposts and 0 likes
  { postId: '1797584009425846275', author: 'absurd_numbers', cells: c('3', '0', '0', '', '') },
  // the summary says 10 likes, the button 11: likes absent
  { postId: '1797599108920246276', author: 'contradiction', cells: c('4', '0', '', '0', '20') },
];
/** garbled.html shows this tweet twice with different numbers; either reading may be the last one stored. */
const GARBLED_TWICE = '1797568909931446274';
/** Tweets in garbled.html with nothing readable, and a quoted (nested) tweet: never recorded. */
const UNREADABLE = ['1797553810437046273', '1797629307909046278', '1796904532177846279'];

const HOME = 'https://x.com/home';

describe('X in Chromium, hand-made fixtures', () => {
  const b = useBrowser();
  /** Every post id recorded so far in this browser. */
  const recorded = new Set<string>();

  /** Opens a fixture as an x.com page, scrolls it through and waits for a badge per expected post. */
  async function visit(fixture: string, url: string, expectedIds: string[]) {
    b.site.set(url, readFixture('x', fixture));
    const page = await b.ext.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(url);
    await scrollThrough(page);
    await expect
      .poll(() => badgeKeys(page), { message: `badges on ${fixture}`, timeout: 10_000 })
      .toEqual(expect.arrayContaining(expectedIds.map((id) => `x:${id}`)));
    await settle(page);
    return { page, errors };
  }

  async function checkPopup(page: Page, expected: Expected[]) {
    const popup = await openPopup(b.ext, await tabIdOf(b.ext, page));
    try {
      for (const section of ['tab', 'recent']) {
        for (const post of expected) {
          const row = popup.locator(`[data-section="${section}"] [data-postmeter-row="x:${post.postId}"]`);
          await expect.poll(() => row.count(), { message: `${section} row for ${post.author}` }).toBe(1);
          expect(await rowCells(row, CELLS), `${section} row for ${post.author}`).toEqual(post.cells);
        }
      }
      return await popup.locator('[data-postmeter-row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-postmeter-row')));
    } finally {
      await popup.close();
    }
  }

  async function checkCsv(page: Page, expected: Expected[]) {
    const csv = await exportCsv(b.ext, await tabIdOf(b.ext, page));
    expect(csv.filename).toMatch(/^postmeter-posts-\d{4}-\d{2}-\d{2}\.csv$/);
    const parsed = parseCsv(csv.text);
    expect(parsed.header.join(','), 'CSV header').toBe(POSTS_CSV_HEADER);
    expect(parsed.crlf, 'CRLF line ends').toBe(true);
    const byId = new Map(parsed.rows.map((r) => [r.post_id!, r]));
    expect(byId.size, 'one row per post').toBe(parsed.rows.length);
    for (const post of expected) {
      const row = byId.get(post.postId);
      expect(row, `CSV row for ${post.author}`).toBeDefined();
      expect(row!.site).toBe('x');
      expect(row!.author?.replace(/^@/, '')).toBe(post.author);
      expect(row!.url).toBe(`https://x.com/${post.author}/status/${post.postId}`);
      expect(pick(row!), `CSV cells for ${post.author}`).toEqual(post.cells);
      expect(row!.snapshots).toMatch(/^[1-9]\d*$/);
    }
    return parsed;
  }

  it('timeline: badges every tweet scrolled past, right after its own action bar, in an open shadow root', async () => {
    const { page, errors } = await visit('timeline.html', HOME, TIMELINE.map((p) => p.postId));
    expect((await badgeKeys(page)).sort()).toEqual(TIMELINE.map((p) => `x:${p.postId}`).sort());

    const placement = await page.locator('[data-postmeter-post]').evaluateAll((hosts) =>
      hosts.map((host) => {
        const id = host.getAttribute('data-postmeter-post')!.replace(/^x:/, '');
        const bar = host.previousElementSibling;
        const article = host.closest('article[data-testid="tweet"]');
        return {
          id,
          afterActionBar: bar?.getAttribute('role') === 'group' && !!bar.querySelector('[data-testid="reply"]'),
          inItsTweet: !!article?.querySelector(`a[href*="/status/${id}"]`),
          openShadow: !!host.shadowRoot?.querySelector('.pm-badge'),
        };
      }),
    );
    for (const p of placement) expect(p, p.id).toEqual({ id: p.id, afterActionBar: true, inItsTweet: true, openShadow: true });
    for (const post of TIMELINE) {
      expect(await page.locator(`[data-postmeter-post="x:${post.postId}"] .pm-badge`).isVisible(), post.author).toBe(true);
    }
    expect(errors.errors).toEqual([]);
    await page.close();
  });

  it('timeline: badges do not move the page (layout matches the same page without the extension)', async () => {
    // The same document under a host the extension does not run on is the baseline.
    const html = readFixture('x', 'timeline.html');
    b.site.set('https://example.com/home', html);
    b.site.set(HOME, html);
    const baseline = await b.ext.context.newPage();
    await baseline.goto('https://example.com/home');
    await scrollThrough(baseline);
    const before = await layout(baseline);
    expect(await badgeKeys(baseline)).toEqual([]);

    const page = await b.ext.context.newPage();
    await page.goto(HOME);
    await scrollThrough(page);
    await expect.poll(() => badgeKeys(page).then((k) => k.length)).toBe(TIMELINE.length);
    await page.evaluate(() => window.scrollTo(0, 0));
    const after = await layout(page);

    expect(after.articles.length).toBe(before.articles.length);
    expect(Math.abs(after.scrollHeight - before.scrollHeight), 'document height').toBeLessThan(1);
    after.articles.forEach((a, i) => {
      const b = before.articles[i]!;
      expect(Math.abs(a.top - b.top), `tweet ${i + 1} top`).toBeLessThan(1);
      expect(Math.abs(a.height - b.height), `tweet ${i + 1} height`).toBeLessThan(1);
      expect(a.bars.length).toBe(b.bars.length);
      a.bars.forEach((top, j) => expect(Math.abs(top - b.bars[j]!), `tweet ${i + 1} action bar ${j + 1} top`).toBeLessThan(1));
    });
    await baseline.close();
    await page.close();
  });

  it('timeline: the popup lists the posts with their counts, and Export CSV downloads them', async () => {
    const { page, errors } = await visit('timeline.html', HOME, TIMELINE.map((p) => p.postId));
    const rows = await checkPopup(page, TIMELINE);
    expect(rows.filter((r) => !TIMELINE.some((p) => r === `x:${p.postId}`)), 'rows for other posts').toEqual([]);
    const csv = await checkCsv(page, TIMELINE);
    for (const p of TIMELINE) recorded.add(p.postId);
    expect(csv.rows.map((r) => r.post_id).sort()).toEqual([...recorded].sort());
    expect(errors.errors).toEqual([]);
    await page.close();
  });

  it('focused tweet page: the focused tweet and its replies', async () => {
    const url = 'https://x.com/harbor_lights/status/1980274188874678494';
    const { page, errors } = await visit('focused.html', url, FOCUSED.map((p) => p.postId));
    expect((await badgeKeys(page)).sort()).toEqual(FOCUSED.map((p) => `x:${p.postId}`).sort());
    await checkPopup(page, FOCUSED);
    await checkCsv(page, FOCUSED);
    for (const p of FOCUSED) recorded.add(p.postId);
    expect(errors.errors).toEqual([]);
    await page.close();
  });

  it('Japanese timeline: counts from the labels that can be read', async () => {
    const { page, errors } = await visit('ja.html', HOME, JA.map((p) => p.postId));
    await checkPopup(page, JA);
    await checkCsv(page, JA);
    for (const p of JA) recorded.add(p.postId);
    expect(errors.errors).toEqual([]);
    await page.close();
  });

  it('garbled labels: nothing recorded for what cannot be read, no page errors', async () => {
    const { page, errors } = await visit('garbled.html', HOME, [...GARBLED.map((p) => p.postId), GARBLED_TWICE]);
    const rows = await checkPopup(page, GARBLED);
    for (const id of UNREADABLE) expect(rows, `popup row for ${id}`).not.toContain(`x:${id}`);
    const csv = await checkCsv(page, GARBLED);
    const ids = csv.rows.map((r) => r.post_id);
    for (const id of UNREADABLE) expect(ids, `CSV row for ${id}`).not.toContain(id);
    const twice = csv.rows.filter((r) => r.post_id === GARBLED_TWICE);
    expect(twice).toHaveLength(1);
    expect(['812', '900']).toContain(twice[0]!.impressions);
    expect(['5', '7']).toContain(twice[0]!.reposts);
    expect(twice[0]!.likes, 'likes: "many likes" or omitted, never a guess').toMatch(/^0?$/);
    for (const p of GARBLED) recorded.add(p.postId);
    recorded.add(GARBLED_TWICE);
    expect(ids.sort()).toEqual([...recorded].sort());
    expect(errors.errors).toEqual([]);
    await page.close();
  });

  it('a tweet taller than the screen is recorded once it has filled the screen', async () => {
    // A long post (or a tall image on a small window): the IntersectionObserver ratio of a post six screens
    // tall never passes 1/6, yet the post has filled the screen. At first only its top 100 px show.
    const at = Date.parse('2025-10-01T12:00:00.000Z');
    const id = ((BigInt(at) - 1288834974657n) << 22n).toString();
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Home / X</title></head><body>
<div style="height: 700px">Top of the feed</div>
<article role="article" tabindex="0" data-testid="tweet">
  <div data-testid="User-Name"><div><a href="/tall_tales" role="link"><span>Tall Tales</span></a></div>
  <div><a href="/tall_tales" role="link" tabindex="-1"><span>@tall_tales</span></a>
  <a href="/tall_tales/status/${id}" role="link"><time datetime="${new Date(at).toISOString()}">Oct 1</time></a></div></div>
  <div dir="auto" lang="en" data-testid="tweetText" style="height: 5000px"><span>A very long post.</span></div>
  <div aria-label="2 replies, 3 reposts, 4 likes, 5 bookmarks, 600 views" role="group">
    <div><button aria-label="2 Replies. Reply" role="button" data-testid="reply" type="button"></button></div>
    <div><button aria-label="3 reposts. Repost" role="button" data-testid="retweet" type="button"></button></div>
    <div><button aria-label="4 Likes. Like" role="button" data-testid="like" type="button"></button></div>
    <div><a href="/tall_tales/status/${id}/analytics" aria-label="600 views. View post analytics" role="link"></a></div>
    <div><button aria-label="Bookmark" role="button" data-testid="bookmark" type="button"></button></div>
  </div>
</article>
<div style="height: 1200px">More</div>
</body></html>`;
    b.site.set(HOME, html);
    const page = await b.ext.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(HOME);
    // The way a reader goes through it: down, a screen at a time, never jumping back.
    await scrollThrough(page, { revisit: false });
    await expect.poll(() => badgeKeys(page), { message: 'badge on the tall tweet' }).toEqual([`x:${id}`]);
    await settle(page);
    const csv = parseCsv((await exportCsv(b.ext, await tabIdOf(b.ext, page))).text);
    const row = csv.rows.find((r) => r.post_id === id);
    expect(row && pick(row)).toEqual(c('2', '3', '4', '5', '600'));
    recorded.add(id);
    expect(errors.errors).toEqual([]);
  });

  it('a page without tweets: no badges, nothing recorded, no page errors', async () => {
    const url = 'https://x.com/brand_new_acct';
    b.site.set(url, readFixture('x', 'empty.html'));
    const page = await b.ext.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(url);
    await scrollThrough(page);
    await settle(page);
    expect(await badgeKeys(page)).toEqual([]);
    const popup = await openPopup(b.ext, await tabIdOf(b.ext, page));
    await expect.poll(() => popup.locator('[data-section="recent"] [data-postmeter-row]').count()).toBeGreaterThan(0);
    expect(await popup.locator('[data-section="tab"] [data-postmeter-row]').count()).toBe(0);
    await popup.close();
    const csv = parseCsv((await exportCsv(b.ext, await tabIdOf(b.ext, page))).text);
    expect(csv.rows.map((r) => r.post_id).sort(), 'no stray rows').toEqual([...recorded].sort());
    expect(errors.errors).toEqual([]);
    expect(b.site.blocked.filter((u) => !/^https:\/\/(abs(-\d)?|pbs|video)\.twimg\.com\//.test(u)), 'requests to other hosts').toEqual([]);
    await page.close();
  });
});

function pick(row: Record<string, string>): Cells {
  return c(row.replies!, row.reposts!, row.likes!, row.bookmarks!, row.impressions!);
}

/** Where each top-level tweet and each of its action bars sit, in document coordinates. */
function layout(page: Page) {
  return page.evaluate(() => {
    const y = (el: Element) => el.getBoundingClientRect().top + window.scrollY;
    const articles = [...document.querySelectorAll('article[data-testid="tweet"]')].filter(
      (a) => !a.parentElement?.closest('article'),
    );
    return {
      scrollHeight: document.documentElement.scrollHeight,
      articles: articles.map((a) => ({
        top: y(a),
        height: a.getBoundingClientRect().height,
        bars: [...a.querySelectorAll('[role="group"]')].map(y),
      })),
    };
  });
}
