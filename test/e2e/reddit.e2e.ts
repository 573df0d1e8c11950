// The whole path on Reddit, in Chromium with the built extension, over the hand-made fixtures in
// test/fixtures/reddit/ served as https://www.reddit.com and https://old.reddit.com pages: every post scrolled past
// is read from its attributes (never from the shadow root's visible numbers), badged, stored, listed in the popup
// and exported to CSV; ads and comments are not posts; a page whose count attributes were renamed makes the popup
// say Reddit is not recognised and records nothing.
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

/** What the popup's data-value and the CSV cell hold: "N" exact, "" absent. */
interface Cells {
  likes: string;
  replies: string;
  views: string;
}
interface Expected {
  postId: string;
  /** '' = no author (deleted). */
  author: string;
  /** The permalink: the url is https://www.reddit.com + path. */
  path: string;
  publishedAt: string;
  cells: Cells;
}

const c = (likes: string, replies: string, views = ''): Cells => ({ likes, replies, views });
const p = (postId: string, author: string, path: string, publishedAt: string, cells: Cells): Expected => ({
  postId,
  author,
  path,
  publishedAt,
  cells,
});

interface Page_ {
  file: string;
  url: string;
  posts: Expected[];
  /** Post ids on the page that are not posts (ads): never badged, never recorded. */
  notPosts: string[];
}

const PAGES: Page_[] = [
  {
    file: 'home.html',
    url: 'https://www.reddit.com/',
    posts: [
      // the shadow root shows "4.1K": the attribute's 4127 is what is recorded
      p('t3_1p3k8vd', 'oak_and_ash', '/r/woodworking/comments/1p3k8vd/finished_my_first_walnut_side_table/', '2026-11-28T07:41:12.604Z', c('4127', '212')),
      p('t3_1p3m2qa', 'ledger_of_days', '/r/AskHistorians/comments/1p3m2qa/were_there_traffic_rules_for_carts_in_medieval/', '2026-11-28T09:02:55.118Z', c('0', '0')),
      p('t3_1p3jz0c', 'contrarian_kate', '/r/unpopularopinion/comments/1p3jz0c/pineapple_belongs_on_every_pizza/', '2026-11-28T05:30:00.000Z', c('-23', '148')),
      p('t3_1p3n6we', '', '/r/mildlyinteresting/comments/1p3n6we/this_leaf_froze_in_the_shape_of_a_hand/', '2026-11-28T10:15:41.999Z', c('57', '9')),
      p('t3_1p3h1xs', 'mapsmith', '/r/MapPorn/comments/1p3h1xs/every_lighthouse_on_the_baltic_coast_mapped/', '2026-11-28T03:48:03.250Z', c('982', '41')),
      p('t3_1p3q0rt', 'reel_runner', '/r/videos/comments/1p3q0rt/the_slowest_train_in_europe_in_real_time/', '2026-11-27T18:20:07.431Z', c('48213', '3904')),
      p('t3_1p3d5lm', 'pixel_weaver', '/r/u_pixel_weaver/comments/1p3d5lm/new_wallpaper_set_foggy_forests/', '2026-11-27T23:02:41.000Z', c('15', '3')),
    ],
    notPosts: [],
  },
  {
    file: 'subreddit.html',
    url: 'https://www.reddit.com/r/woodworking/',
    posts: [
      p('t3_1p1c4de', 'AutoModerator', '/r/woodworking/comments/1p1c4de/weekly_tool_advice_thread/', '2026-11-24T12:00:09.000Z', c('31', '412')),
      p('t3_1p2w7hb', 'grain_whisperer', '/r/woodworking/comments/1p2w7hb/handcut_dovetails_attempt_14/', '2026-11-27T20:11:30.882Z', c('1520', '87')),
      p('t3_1p3a9fk', 'first_dovetail', '/r/woodworking/comments/1p3a9fk/is_this_oak_or_ash/', '2026-11-28T08:59:59.000Z', c('6', '2')),
      p('t3_1p39eyn', 'hand_plane_hank', '/r/woodworking/comments/1p39eyn/restored_a_1920s_no_4_plane/', '2026-11-28T01:02:03.004Z', c('203', '19')),
    ],
    notPosts: ['t3_1pax3kq', 't3_1paz0c1'],
  },
  {
    file: 'post.html',
    url: 'https://www.reddit.com/r/AskHistorians/comments/1p3m9zt/how_were_medieval_bridges_financed/',
    posts: [
      p('t3_1p3m9zt', 'ledger_of_days', '/r/AskHistorians/comments/1p3m9zt/how_were_medieval_bridges_financed/', '2026-11-27T14:25:36.517Z', c('2874', '163')),
    ],
    notPosts: ['t1_n8x1a2b', 't1_n8x2c3d', 't1_n8x4e5f'],
  },
  {
    file: 'own-post.html',
    url: 'https://www.reddit.com/r/woodworking/comments/1p3s0ab/my_shop_after_two_years/',
    posts: [
      p('t3_1p3s0ab', 'quiet_maple', '/r/woodworking/comments/1p3s0ab/my_shop_after_two_years/', '2026-11-27T16:40:22.090Z', c('342', '27', '18406')),
    ],
    notPosts: ['t1_n8z0q1w', 't1_n8z1r2e'],
  },
  {
    file: 'de.html',
    url: 'https://www.reddit.com/r/de/',
    posts: [
      p('t3_1p3f8kt', 'bahnfahrer_92', '/r/de/comments/1p3f8kt/warum_ist_die_bahn_heute_wieder_zu_sp%C3%A4t/', '2026-11-28T06:58:30.770Z', c('1234', '87')),
      // the shadow root shows 56 comments, the attribute is missing: replies unknown
      p('t3_1p3g2hn', 'kaffeetante', '/r/de/comments/1p3g2hn/mein_sauerteig_nach_drei_wochen/', '2026-11-28T04:12:00.000Z', c('412', '')),
      p('t3_1p3h7cv', 'quiet_maple', '/r/de/comments/1p3h7cv/frage_zu_mietvertr%C3%A4gen_in_berlin/', '2026-11-27T21:33:47.128Z', c('58', '23', '2093')),
      p('t3_1p3e0wd', 'stammtischler', '/r/de/comments/1p3e0wd/unpopul%C3%A4re_meinung_sp%C3%A4tzle_sind_%C3%BCberbewertet/', '2026-11-28T02:00:00.000Z', c('-3', '64')),
    ],
    notPosts: [],
  },
  {
    file: 'dark-profile.html',
    url: 'https://www.reddit.com/user/quiet_maple/submitted/',
    posts: [
      p('t3_1p1x7cz', 'quiet_maple', '/r/woodworking/comments/1p1x7cz/shop_vac_cyclone_build/', '2026-11-22T10:04:51.300Z', c('96', '12', '1534')),
      p('t3_1p0v2ke', 'quiet_maple', '/r/u_quiet_maple/comments/1p0v2ke/sketches_for_a_bench/', '2026-11-18T19:45:00.000Z', c('8', '1', '812')),
      p('t3_1ozt9aa', 'quiet_maple', '/r/DIY/comments/1ozt9aa/fixed_a_squeaky_stair_with_two_screws/', '2026-11-12T08:30:15.000Z', c('1203', '88')),
      p('t3_1ox3m0p', 'quiet_maple', '/r/woodworking/comments/1ox3m0p/first_cutting_board/', '2026-09-03T17:12:09.000Z', c('45', '6')),
    ],
    notPosts: [],
  },
  {
    file: 'logged-out.html',
    url: 'https://www.reddit.com/r/popular/',
    posts: [
      p('t3_1p3t4yu', 'sky_lantern', '/r/pics/comments/1p3t4yu/northern_lights_over_the_fjord_last_night/', '2026-11-27T22:10:44.861Z', c('21984', '612')),
      p('t3_1p3u9ob', 'soup_scholar', '/r/todayilearned/comments/1p3u9ob/til_the_oldest_known_soup_recipe_is_6000_years_old/', '2026-11-28T02:44:19.003Z', c('7311', '845')),
      p('t3_1p3v2ee', 'tiny_gardener', '/r/gardening/comments/1p3v2ee/my_balcony_tomatoes_in_november/', '2026-11-28T10:20:00.500Z', c('2', '0')),
    ],
    notPosts: ['t3_1pb0x1z'],
  },
  {
    file: 'old-listing.html',
    url: 'https://old.reddit.com/r/woodworking/',
    posts: [
      p('t3_1p2qv8n', 'planecraft', '/r/woodworking/comments/1p2qv8n/show_us_your_shop_november_2026/', '2026-11-26T09:00:00.000Z', c('315', '58')),
      // score hidden ("•"): no score recorded, though data-score="1" is on the element
      p('t3_1p3r7ua', 'fresh_shavings', '/r/woodworking/comments/1p3r7ua/carved_my_first_spoon/', '2026-11-29T07:55:18.000Z', c('', '3')),
      p('t3_1p2z0kd', 'saw_sceptic', '/r/woodworking/comments/1p2z0kd/table_saws_are_overrated/', '2026-11-27T19:45:10.000Z', c('-7', '31')),
      p('t3_1p2y5ht', '', '/r/woodworking/comments/1p2y5ht/glue_up_went_wrong/', '2026-11-27T23:02:41.000Z', c('44', '12')),
      p('t3_1p2u3mb', 'oak_and_ash', '/r/woodworking/comments/1p2u3mb/workbench_build_start_to_finish/', '2026-11-27T11:32:05.000Z', c('12873', '645')),
      p('t3_1p2t0zz', 'sawdust_sam', '/r/woodworking/comments/1p2t0zz/which_finish_for_a_kitchen_table/', '2026-11-28T15:21:09.000Z', c('0', '0')),
    ],
    notPosts: ['t3_1pay7rt', 't3_1pae0q1'],
  },
];

const STRIPPED = ['t3_1p3w1aa', 't3_1p3w2bb', 't3_1p3w3cc'];
const POSTS = 'shreddit-post, .thing';

describe('Reddit in Chromium, hand-made fixtures', () => {
  const b = useBrowser();
  /** Every post id recorded so far in this browser. */
  const recorded = new Set<string>();

  async function visit(fx: Page_) {
    b.site.set(fx.url, readFixture('reddit', fx.file));
    const page = await b.ext.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(fx.url);
    await scrollThrough(page, { selector: POSTS });
    const want = fx.posts.map((x) => `reddit:${x.postId}`).sort();
    await expect
      .poll(async () => (await badgeKeys(page)).sort(), { message: `badges on ${fx.file}`, timeout: 10_000 })
      .toEqual(want);
    await settle(page);
    return { page, errors };
  }

  async function checkPopup(page: Page, fx: Page_) {
    const popup = await openPopup(b.ext, await tabIdOf(b.ext, page));
    try {
      for (const post of fx.posts) {
        const row = popup.locator(`[data-section="tab"] [data-postmeter-row="reddit:${post.postId}"]`);
        await expect.poll(() => row.count(), { message: `tab row for ${post.postId}` }).toBe(1);
        expect(await rowCells(row, ['likes', 'replies', 'views'] as (keyof Cells)[], (m) => (m === 'views' ? 'impressions' : m)), `popup cells for ${post.postId}`).toEqual(post.cells);
        // the site's own names for its counters
        expect(await row.locator('[data-metric="likes"] dt').textContent()).toBe('Score');
        expect(await row.locator('[data-metric="replies"] dt').textContent()).toBe('Comments');
      }
      const rows = await popup
        .locator('[data-section="tab"] [data-postmeter-row]')
        .evaluateAll((els) => els.map((r) => r.getAttribute('data-postmeter-row')!));
      expect(rows.sort(), `tab rows on ${fx.file}`).toEqual(fx.posts.map((x) => `reddit:${x.postId}`).sort());
      expect(await popup.locator('[data-health]').count(), 'no health warning').toBe(0);
    } finally {
      await popup.close();
    }
  }

  async function checkCsv(page: Page, fx: Page_) {
    const csv = parseCsv((await exportCsv(b.ext, await tabIdOf(b.ext, page))).text);
    expect(csv.header.join(','), 'CSV header').toBe(POSTS_CSV_HEADER);
    const byId = new Map(csv.rows.map((r) => [r.post_id!, r]));
    for (const post of fx.posts) {
      const row = byId.get(post.postId);
      expect(row, `CSV row for ${post.postId}`).toBeDefined();
      expect(row!.site).toBe('reddit');
      expect(row!.url).toBe(`https://www.reddit.com${post.path}`);
      expect(row!.author).toBe(post.author);
      expect(row!.published_at).toBe(post.publishedAt);
      // Reddit's author-only views are stored as impressions (times shown); the views column is for plays.
      expect({ likes: row!.likes, replies: row!.replies, views: row!.impressions }, `CSV cells for ${post.postId}`).toEqual(post.cells);
      expect(row!.views).toBe('');
      expect(row!.snapshots).toMatch(/^[1-9]\d*$/);
      recorded.add(post.postId);
    }
    for (const id of fx.notPosts) expect(byId.has(id), `no CSV row for ${id}`).toBe(false);
    expect(csv.rows.map((r) => r.post_id).sort(), 'no stray rows').toEqual([...recorded].sort());
    return byId;
  }

  for (const fx of PAGES) {
    it(`${fx.file}: badges, popup rows and CSV rows for every post, nothing for ads or comments`, async () => {
      const { page, errors } = await visit(fx);
      const placement = await page.locator('[data-postmeter-post]').evaluateAll((hosts) =>
        hosts.map((host) => {
          const id = host.getAttribute('data-postmeter-post')!.replace(/^reddit:/, '');
          const prev = host.previousElementSibling;
          const thing = host.closest('.thing');
          return {
            id,
            after:
              prev?.localName === 'shreddit-post'
                ? prev.id === id
                : !!prev?.matches('.entry') && prev.parentElement === thing && thing?.getAttribute('data-fullname') === id,
            openShadow: !!host.shadowRoot?.querySelector('.pm-badge'),
            zeroHeight: host.getBoundingClientRect().height === 0,
          };
        }),
      );
      for (const x of placement) expect(x, x.id).toEqual({ id: x.id, after: true, openShadow: true, zeroHeight: true });
      // Each badge can be seen: not clipped by an overflow:hidden ancestor, not under the page's own content.
      for (const post of fx.posts) {
        const host = page.locator(`[data-postmeter-post="reddit:${post.postId}"]`);
        const onTop = await host.evaluate((h) => {
          // The window only: scrollIntoView would also scroll an overflow:hidden ancestor and un-clip the badge.
          window.scrollBy(0, h.getBoundingClientRect().top - window.innerHeight / 2);
          const r = h.shadowRoot!.querySelector('.pm-badge')!.getBoundingClientRect();
          return r.width > 0 && r.height > 0 && document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === h;
        });
        expect(onTop, `badge of ${post.postId} is visible`).toBe(true);
      }
      await checkPopup(page, fx);
      const rows = await checkCsv(page, fx);
      if (fx.file === 'home.html') {
        // the score may be negative end to end: the engagements (score + comments) of -23 and 148 are 125
        expect(rows.get('t3_1p3jz0c')!.engagements).toBe('125');
        // the fixture really does render its visible numbers in a shadow root
        const visible = await page.evaluate(() =>
          document.querySelector('shreddit-post#t3_1p3k8vd')?.shadowRoot?.querySelector('faceplate-number')?.textContent,
        );
        expect(visible).toBe('4.1K');
      }
      if (fx.file === 'own-post.html') {
        const row = rows.get('t3_1p3s0ab')!;
        expect(row.engagement_rate_basis).toBe('impressions');
        expect(row.engagement_rate).not.toBe('');
      }
      if (fx.file === 'dark-profile.html') {
        const themes = await page
          .locator('[data-postmeter-post]')
          .evaluateAll((hosts) => hosts.map((h) => h.shadowRoot?.querySelector('.pm-badge')?.getAttribute('data-theme')));
        expect(new Set(themes)).toEqual(new Set(['dark']));
      }
      expect(errors.errors).toEqual([]);
      await page.close();
    });
  }

  it('stripped page: posts found, no counters: the popup says Reddit is not recognised, and nothing is recorded', async () => {
    const url = 'https://www.reddit.com/?feed=home';
    b.site.set(url, readFixture('reddit', 'stripped.html'));
    const page = await b.ext.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(url);
    await scrollThrough(page, { selector: POSTS });
    await settle(page);
    const popup = await openPopup(b.ext, await tabIdOf(b.ext, page));
    const note = popup.locator('[data-health="unrecognised"]');
    await expect.poll(() => note.count(), { timeout: 10_000 }).toBe(1);
    expect(await note.getAttribute('data-site')).toBe('reddit');
    for (const id of STRIPPED) expect(await popup.locator(`[data-postmeter-row="reddit:${id}"]`).count(), id).toBe(0);
    await popup.close();
    const csv = parseCsv((await exportCsv(b.ext, await tabIdOf(b.ext, page))).text);
    expect(csv.rows.map((r) => r.post_id).sort(), 'nothing recorded').toEqual([...recorded].sort());
    expect(errors.errors).toEqual([]);
    // every request went to a served page or was blocked; none reached the network
    expect(b.site.blocked.filter((u) => !/^https:\/\/((preview|i|v)\.redd\.it|b\.thumbs\.redditmedia\.com|boltbrand\.example)\//.test(u)), 'requests other than images').toEqual([]);
    await page.close();
  });
});

