// The whole path on Bluesky, in Chromium with the built extension, over the hand-made fixtures in
// test/fixtures/bluesky/ served as https://bsky.app pages: a post scrolled past is read, badged after its own
// controls row, stored, listed in the popup and exported to CSV. A page whose counters cannot be read says so in the
// popup and records nothing. The facts checked are the ones test/sites/bluesky.test.ts checks, in stored form.
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

type Cell = 'replies' | 'likes' | 'repostsAndQuotes' | 'reposts' | 'quotes' | 'bookmarks';
const CELLS: Cell[] = ['replies', 'likes', 'repostsAndQuotes', 'reposts', 'quotes', 'bookmarks'];
/**
 * What the popup's data-value and the CSV cell hold: "N" exact, "min..max" an interval, "" absent. The posts CSV has
 * no column for repostsAndQuotes (its header is fixed): that one is checked in the popup only.
 */
type Cells = Record<Cell, string>;
type CsvCells = Omit<Cells, 'repostsAndQuotes'>;
interface Expected {
  postId: string;
  author: string;
  publishedAt: string;
  cells: Cells;
}

/** replies, likes, the repost button's reposts + quotes, then the thread page's split reposts, quotes, and saves. */
const c = (replies: string, likes: string, repostsAndQuotes = '', reposts = '', quotes = '', bookmarks = ''): Cells =>
  ({ replies, likes, repostsAndQuotes, reposts, quotes, bookmarks });
const csvCells = ({ repostsAndQuotes: _, ...rest }: Cells): CsvCells => rest;
const x = (postId: string, author: string, publishedAt: string, cells: Cells): Expected => ({ postId, author, publishedAt, cells });

const D = {
  alice: 'did:plc:uh5ggmtfrsljwilljtbhn454',
  carol: 'did:plc:vfliyj7ruh3mz42fbox2dn2z',
  dave: 'did:plc:ayfbn7xw4arpkxzmqh6oxfvk',
  frank: 'did:plc:wjuame5sntboqdxgb4fx3ure',
  hal: 'did:plc:oj6yfedjjtp3ag3kxi6kvkfb',
  ivy: 'did:plc:syipl2gbg4y4d5f2wrcw2o52',
  jon: 'did:plc:o7j5jvauqhbxfiym67b5fwtw',
  ghost: 'did:plc:bcxubhpapus4ooq75anwli72',
  mara: 'did:plc:qt647ajsy5bsiejwl27t65bs',
  nate: 'did:plc:uuxycti3cs2o2lpmwvjlxvfw',
  pat: 'did:plc:zuxygfgtmp5xe5k6glbdavmx',
  sam: 'did:plc:y4ia5unq5s44rl7rhxrihvpl',
  kai: 'did:plc:hlsnruvxybevzxrdf2wipvcd',
  lena: 'did:plc:vzszmlzhhoto4hywzgjyysti',
  moritz: 'did:plc:3p6ygkdorzfhkg3u6wplpsef',
  nina: 'did:plc:krpqgoaytps5ehe53i74iekh',
  quinn: 'did:plc:mtnuue6xpxil7zdpbvqelhji',
  rosa: 'did:plc:4ioir4inlq3agurfbuyretst',
  uma: 'did:plc:dhmpwjkavvvr3w7q5gkwb2xd',
  vic: 'did:plc:tvbgvp26yv2wgfvqcamvktfq',
  yuri: 'did:plc:ubb6laos3lstgu5ayc4udrvq',
  ada: 'did:plc:taf7hbefzfqlozmj66nksw6i',
  ben: 'did:plc:he2wwu2aivhzqtytzm6yp6ia',
};

const HOME_URL = 'https://bsky.app/';
const PAGES: Record<string, { url: string; posts: Expected[] }> = {
  'home.html': {
    url: HOME_URL,
    posts: [
      x(`${D.alice}/3m24lr2tqcz35`, 'alice.bsky.social', '2025-10-01T08:12:30.123Z', c('12', '40', '5')),
      x(`${D.carol}/3m232yxrshb35`, 'carol.bsky.social', '2025-09-30T17:40:02.000Z', c('1234', '56789', '3400..3499')),
      x(`${D.dave}/3m24qwr5ph62w`, 'dave.bsky.social', '2025-10-01T09:45:10.000Z', c('3', '27', '2')),
      x(`${D.frank}/3m24hzort4b35`, 'frank.bsky.social', '2025-10-01T07:05:44.500Z', c('1', '8', '2')),
      x('gina.bsky.social/3m24tgwjyl62w', 'gina.bsky.social', '2025-10-01T10:30:00.000Z', c('0', '0', '0', '0', '0')),
      x(`${D.hal}/3lzywkpfh4d2p`, 'hal.bsky.social', '2025-09-29T21:15:09.000Z', c('1200..1299', '9900..9999', '310')),
      x(`${D.ivy}/3m24ee4zasd2p`, 'ivy.bsky.social', '2025-10-01T06:00:00.000Z', c('2', '15', '1')),
      x(`${D.jon}/3m24fhvgdsd2p`, 'jon.bsky.social', '2025-10-01T06:20:00.000Z', c('0', '3', '0', '0', '0')),
      x(`${D.ghost}/3m24aytrxdb35`, D.ghost, '2025-10-01T05:00:00.000Z', c('4', '9', '0', '0', '0')),
    ],
  },
  'thread.html': {
    url: 'https://bsky.app/profile/alice.bsky.social/post/3m26zw57s7n3r',
    posts: [
      x(`${D.mara}/3m26y6dpbno3g`, 'mara.bsky.social', '2025-10-02T07:00:00.000Z', c('64', '203', '9')),
      x(`${D.alice}/3m26zw57s7n3r`, 'alice.bsky.social', '2025-10-02T07:31:12.250Z', c('57', '4127', '357', '312', '45', '28')),
      x(`${D.nate}/3m273n7eodi2q`, 'nate.bsky.social', '2025-10-02T08:02:00.000Z', c('0', '6', '0', '0', '0')),
      x(`${D.alice}/3m2743j54di2q`, 'alice.bsky.social', '2025-10-02T08:10:00.000Z', c('2', '31', '3')),
      x('olga.bsky.social/3m27bgbothi2q', 'olga.bsky.social', '2025-10-02T09:45:30.000Z', c('1', '1', '0', '0', '0')),
    ],
  },
  'dark.html': {
    url: `https://bsky.app/profile/${D.pat}/post/3lwf2olzlap43`,
    posts: [
      x(`${D.pat}/3lwf2olzlap43`, 'pat.example.org', '2025-08-14T19:20:05.000Z', c('4321', '98765', '13500..14598', '12000..12999', '1500..1599')),
      x(`${D.sam}/3lwf3s7o3y42u`, 'sam.bsky.social', '2025-08-14T19:40:00.000Z', c('12', '2048', '1100..1199')),
    ],
  },
  'de.html': {
    url: HOME_URL,
    posts: [
      x(`${D.kai}/3m24gulwp4h2d`, 'kai.bsky.social', '2025-10-01T06:45:00.000Z', c('1234', '12345', '987')),
      x(`${D.lena}/3lzbddqcohw2g`, 'lena.bsky.social', '2025-09-20T12:00:00.000Z', c('4052', '1234567', '25310')),
      x(`${D.moritz}/3m235scvj6u2m`, 'moritz.bsky.social', '2025-09-30T18:30:00.000Z', c('12345', '2300000..2399999', '3')),
      x(`${D.nina}/3m24s27zn7w2g`, 'nina.bsky.social', '2025-10-01T10:05:00.000Z', c('0', '1', '0', '0', '0')),
    ],
  },
  'logged-out.html': {
    url: 'https://bsky.app/profile/quinn.bsky.social',
    posts: [
      x(`${D.quinn}/3lyngcx3a5i2y`, 'quinn.bsky.social', '2025-09-12T14:00:00.000Z', c('7', '19', '4')),
      x(`${D.quinn}/3lyhumnzd5i2y`, 'quinn.bsky.social', '2025-09-10T09:00:00.000Z', c('0', '0')),
    ],
  },
  'quote.html': {
    url: HOME_URL,
    posts: [
      x(`${D.rosa}/3m2bw2g35j32h`, 'rosa.bsky.social', '2025-10-03T11:00:00.000Z', c('2', '11', '1')),
      x(`${D.uma}/3m2bzfpcgfm2e`, 'uma.bsky.social', '2025-10-03T12:00:00.000Z', c('0', '4', '0', '0', '0')),
      x(`${D.vic}/3m2bno6ywvm2e`, 'vic.bsky.social', '2025-10-03T08:30:00.000Z', c('1', '58', '6')),
    ],
  },
  'notifications.html': {
    url: 'https://bsky.app/notifications',
    posts: [x(`${D.yuri}/3m2btelijot3h`, 'yuri.bsky.social', '2025-10-03T10:12:00.000Z', c('0', '1', '0', '0', '0'))],
  },
  'profile.html': {
    url: 'https://bsky.app/profile/alice.bsky.social',
    posts: [
      x(`${D.alice}/3lxruk4ablf2j`, 'alice.bsky.social', '2025-09-01T15:00:00.000Z', c('5', '120', '14')),
      // carol's post again (seen on home.html first): the newer counts are the post's latest
      x(`${D.carol}/3m232yxrshb35`, 'carol.bsky.social', '2025-09-30T17:40:02.000Z', c('1240', '56901', '3400..3499')),
      x(`${D.alice}/3m227mptyb62o`, 'alice.bsky.social', '2025-09-30T09:30:00.000Z', c('0', '2', '0', '0', '0')),
    ],
  },
};
/** Quoted posts (quote.html, home.html #3) and a post linked from a text (profile.html #3): never recorded. */
const NEVER = [
  'did:plc:4xjktwqoyhyoi2v4dsude3af/3lzvh33yo362w',
  'did:plc:kepiunu6gqjuv4tglfzivedt/3m2adr3nwfm2e',
  `${D.uma}/3l5m77o2opz2n`,
  'did:plc:qpttdcro3s3gk76o7sahvd3r/3m25cjq2rfm2e',
  'did:plc:vlq4c4cs3bszkzrsydg5b6dm/3lznoxr5udb35',
];
const ITEMS = '[data-testid^="feedItem-by-"], [data-testid^="postThreadItem-by-"]';
const key = (id: string) => `bluesky:${id}`;

describe('Bluesky in Chromium, hand-made fixtures', () => {
  const b = useBrowser();
  const recorded = new Set<string>();

  async function visit(fixture: string, url: string, expectedIds: string[]) {
    b.site.set(url, readFixture('bluesky', fixture));
    const page = await b.ext.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(url);
    await scrollThrough(page, { selector: ITEMS });
    await expect
      .poll(() => badgeKeys(page), { message: `badges on ${fixture}`, timeout: 10_000 })
      .toEqual(expect.arrayContaining(expectedIds.map(key)));
    await settle(page);
    return { page, errors };
  }

  async function checkPopup(page: Page, expected: Expected[]) {
    const popup = await openPopup(b.ext, await tabIdOf(b.ext, page));
    try {
      for (const post of expected) {
        const row = popup.locator(`[data-section="tab"] [data-postmeter-row="${key(post.postId)}"]`);
        await expect.poll(() => row.count(), { message: `tab row for ${post.postId}` }).toBe(1);
        expect(await rowCells(row, CELLS), `tab row for ${post.postId}`).toEqual(post.cells);
      }
      return await popup
        .locator('[data-section="tab"] [data-postmeter-row]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-postmeter-row')));
    } finally {
      await popup.close();
    }
  }

  async function checkCsv(page: Page, expected: Expected[]) {
    const csv = await exportCsv(b.ext, await tabIdOf(b.ext, page));
    const parsed = parseCsv(csv.text);
    expect(parsed.header.join(','), 'CSV header').toBe(POSTS_CSV_HEADER);
    expect(parsed.header, 'no column for reposts + quotes').not.toContain('reposts_and_quotes');
    expect(parsed.crlf).toBe(true);
    const byId = new Map(parsed.rows.map((r) => [r.post_id!, r]));
    expect(byId.size, 'one row per post').toBe(parsed.rows.length);
    for (const post of expected) {
      const row = byId.get(post.postId);
      expect(row, `CSV row for ${post.postId}`).toBeDefined();
      expect(row!.site).toBe('bluesky');
      expect(row!.author).toBe(post.author);
      expect(row!.url).toBe(`https://bsky.app/profile/${post.author}/post/${post.postId.split('/')[1]}`);
      expect(row!.published_at).toBe(post.publishedAt);
      expect(pick(row!), `CSV cells for ${post.postId}`).toEqual(csvCells(post.cells));
      expect(row!.snapshots).toMatch(/^[1-9]\d*$/);
      // no view counts on Bluesky: nothing may appear there
      expect([row!.impressions, row!.views, row!.reach]).toEqual(['', '', '']);
    }
    for (const id of NEVER) expect(byId.has(id), `CSV row for ${id}`).toBe(false);
    return parsed;
  }

  it.each(Object.keys(PAGES))('%s: badges after each post\'s controls, popup rows, CSV rows', async (fixture) => {
    const { url, posts } = PAGES[fixture]!;
    const { page, errors } = await visit(fixture, url, posts.map((p) => p.postId));
    expect((await badgeKeys(page)).sort()).toEqual(posts.map((p) => key(p.postId)).sort());

    const placement = await page.locator('[data-postmeter-post]').evaluateAll((hosts, items) =>
      hosts.map((host) => {
        const row = host.previousElementSibling;
        const item = host.closest(items);
        return {
          key: host.getAttribute('data-postmeter-post'),
          afterControls:
            !!row?.querySelector('[data-testid="replyBtn"]') &&
            !!row.querySelector('[data-testid="postDropdownBtn"], [data-testid="postShareBtn"]'),
          inAnItem: !!item && item.contains(row),
          openShadow: !!host.shadowRoot?.querySelector('.pm-badge'),
        };
      }), ITEMS);
    for (const p of placement) expect(p, p.key!).toEqual({ key: p.key, afterControls: true, inAnItem: true, openShadow: true });
    const themes = await page.locator('[data-postmeter-post]').evaluateAll((hosts) =>
      hosts.map((h) => h.shadowRoot?.querySelector('.pm-badge')?.getAttribute('data-theme')));
    expect(new Set(themes), 'badge theme follows the page').toEqual(new Set([fixture === 'dark.html' ? 'dark' : 'light']));

    const rows = await checkPopup(page, posts);
    expect(rows.filter((r) => !posts.some((p) => r === key(p.postId))), 'tab rows for other posts').toEqual([]);
    const csv = await checkCsv(page, posts);
    for (const p of posts) recorded.add(p.postId);
    expect(csv.rows.map((r) => r.post_id).sort()).toEqual([...recorded].sort());
    expect(errors.errors).toEqual([]);
    expect(b.site.blocked.filter((u) => !u.startsWith('https://cdn.bsky.app/')), 'requests to other hosts').toEqual([]);
    await page.close();
  });

  it('badges do not move the page (layout matches the same page without the extension)', async () => {
    // More page below the last reply, as on bsky.app: a badge floats over the bottom of its row and would otherwise
    // stick out under the document's end.
    const html = readFixture('bluesky', 'thread.html').replace('</main>', '<div style="height: 400px"></div></main>');
    b.site.set('https://example.com/thread', html);
    const url = PAGES['thread.html']!.url;
    b.site.set(url, html);
    const baseline = await b.ext.context.newPage();
    await baseline.goto('https://example.com/thread');
    await scrollThrough(baseline, { selector: ITEMS });
    const before = await layout(baseline);
    expect(await badgeKeys(baseline)).toEqual([]);
    const page = await b.ext.context.newPage();
    await page.goto(url);
    await scrollThrough(page, { selector: ITEMS });
    await expect.poll(() => badgeKeys(page).then((k) => k.length)).toBe(PAGES['thread.html']!.posts.length);
    await page.evaluate(() => window.scrollTo(0, 0));
    const after = await layout(page);
    expect(Math.abs(after.scrollHeight - before.scrollHeight), 'document height').toBeLessThan(1);
    expect(after.items.length).toBe(before.items.length);
    after.items.forEach((a, i) => {
      expect(Math.abs(a.top - before.items[i]!.top), `item ${i + 1} top`).toBeLessThan(1);
      expect(Math.abs(a.height - before.items[i]!.height), `item ${i + 1} height`).toBeLessThan(1);
    });
    await baseline.close();
    await page.close();
  });

  it('stripped counters: the popup says Bluesky was not recognised, and nothing is recorded', async () => {
    const url = 'https://bsky.app/?stripped';
    b.site.set(url, readFixture('bluesky', 'stripped.html'));
    const page = await b.ext.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(url);
    await scrollThrough(page, { selector: ITEMS });
    await settle(page);
    expect(await badgeKeys(page), 'no controls row, no badge').toEqual([]);
    const popup = await openPopup(b.ext, await tabIdOf(b.ext, page));
    const note = popup.locator('[data-health="unrecognised"]');
    await expect.poll(() => note.count(), { timeout: 10_000 }).toBe(1);
    expect(await note.getAttribute('data-site')).toBe('bluesky');
    const stripped = [`${D.ada}/3m2e4hhu2y33p`, `${D.ben}/3m2dz46mry33p`];
    expect(await popup.locator(stripped.map((id) => `[data-postmeter-row="${key(id)}"]`).join(', ')).count(), 'nothing recorded').toBe(0);
    await popup.close();
    const csv = parseCsv((await exportCsv(b.ext, await tabIdOf(b.ext, page))).text);
    expect(csv.rows.map((r) => r.post_id).sort(), 'no stray rows').toEqual([...recorded].sort());
    expect(errors.errors).toEqual([]);
    await page.close();
  });
});

function pick(row: Record<string, string>): CsvCells {
  return { replies: row.replies!, likes: row.likes!, reposts: row.reposts!, quotes: row.quotes!, bookmarks: row.bookmarks! };
}

/** Where each post item sits, in document coordinates. */
function layout(page: Page) {
  return page.evaluate((items) => {
    const y = (el: Element) => el.getBoundingClientRect().top + window.scrollY;
    return {
      scrollHeight: document.documentElement.scrollHeight,
      items: [...document.querySelectorAll(items)].map((el) => ({ top: y(el), height: el.getBoundingClientRect().height })),
    };
  }, ITEMS);
}
