import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Count } from '../../lib/count';
import { adapterFor } from '../../lib/sites';
import { parseRedditTime, reddit, SELECTORS } from '../../lib/sites/reddit';
import { isObservation } from '../../lib/validate';
import type { Metrics, PostObservation } from '../../lib/types';

const FIXTURES = path.resolve(__dirname, '../fixtures/reddit');

function load(name: string): Document {
  const html = fs.readFileSync(path.join(FIXTURES, name), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

const e = (v: number): Count => ({ value: v, min: v, max: v, exact: true });
/** likes (score), replies (comments), views; undefined = absent. */
function m(likes?: number, replies?: number, views?: number): Metrics {
  const out: Metrics = {};
  if (likes !== undefined) out.likes = e(likes);
  if (replies !== undefined) out.replies = e(replies);
  if (views !== undefined) out.impressions = e(views); // Reddit's views are impressions
  return out;
}

interface Want {
  postId: string;
  author?: string;
  path: string;
  publishedAt?: string;
  text: string;
  metrics: Metrics;
}

const post = (postId: string, author: string | undefined, p: string, publishedAt: string | undefined, text: string, metrics: Metrics): Want => ({
  postId,
  ...(author ? { author } : {}),
  path: p,
  ...(publishedAt ? { publishedAt } : {}),
  text,
  metrics,
});

const EXPECTED: Record<string, { url: string; posts: Want[] }> = {
  'home.html': {
    url: 'https://www.reddit.com/',
    posts: [
      // visible "4.1K" in the shadow root; the attribute says 4127
      post('t3_1p3k8vd', 'oak_and_ash', '/r/woodworking/comments/1p3k8vd/finished_my_first_walnut_side_table/', '2026-11-28T07:41:12.604Z', 'Finished my first walnut side table', m(4127, 212)),
      post('t3_1p3m2qa', 'ledger_of_days', '/r/AskHistorians/comments/1p3m2qa/were_there_traffic_rules_for_carts_in_medieval/', '2026-11-28T09:02:55.118Z', 'Were there traffic rules for carts in medieval towns?', m(0, 0)),
      post('t3_1p3jz0c', 'contrarian_kate', '/r/unpopularopinion/comments/1p3jz0c/pineapple_belongs_on_every_pizza/', '2026-11-28T05:30:00.000Z', 'Pineapple belongs on every pizza', m(-23, 148)),
      // [deleted]: no author; .999999 s is truncated to .999
      post('t3_1p3n6we', undefined, '/r/mildlyinteresting/comments/1p3n6we/this_leaf_froze_in_the_shape_of_a_hand/', '2026-11-28T10:15:41.999Z', 'This leaf froze in the shape of a hand', m(57, 9)),
      post('t3_1p3h1xs', 'mapsmith', '/r/MapPorn/comments/1p3h1xs/every_lighthouse_on_the_baltic_coast_mapped/', '2026-11-28T03:48:03.250Z', 'Every lighthouse on the Baltic coast, mapped', m(982, 41)),
      post('t3_1p3q0rt', 'reel_runner', '/r/videos/comments/1p3q0rt/the_slowest_train_in_europe_in_real_time/', '2026-11-27T18:20:07.431Z', 'The slowest train in Europe, in real time', m(48213, 3904)),
      post('t3_1p3d5lm', 'pixel_weaver', '/r/u_pixel_weaver/comments/1p3d5lm/new_wallpaper_set_foggy_forests/', '2026-11-27T23:02:41.000Z', 'New wallpaper set: foggy forests', m(15, 3)),
    ],
  },
  'subreddit.html': {
    url: 'https://www.reddit.com/r/woodworking/',
    posts: [
      post('t3_1p1c4de', 'AutoModerator', '/r/woodworking/comments/1p1c4de/weekly_tool_advice_thread/', '2026-11-24T12:00:09.000Z', 'Weekly Tool Advice Thread', m(31, 412)),
      post('t3_1p2w7hb', 'grain_whisperer', '/r/woodworking/comments/1p2w7hb/handcut_dovetails_attempt_14/', '2026-11-27T20:11:30.882Z', 'Hand-cut dovetails, attempt #14', m(1520, 87)),
      // #3 is-promoted and #4 shreddit-ad-post (and the shreddit-post inside it): ads, not posts
      post('t3_1p3a9fk', 'first_dovetail', '/r/woodworking/comments/1p3a9fk/is_this_oak_or_ash/', '2026-11-28T08:59:59.000Z', 'Is this oak or ash?', m(6, 2)),
      post('t3_1p39eyn', 'hand_plane_hank', '/r/woodworking/comments/1p39eyn/restored_a_1920s_no_4_plane/', '2026-11-28T01:02:03.004Z', 'Restored a 1920s No. 4 plane', m(203, 19)),
    ],
  },
  'post.html': {
    url: 'https://www.reddit.com/r/AskHistorians/comments/1p3m9zt/how_were_medieval_bridges_financed/',
    // the comments (shreddit-comment with t1_ ids and scores) are not posts
    posts: [
      post('t3_1p3m9zt', 'ledger_of_days', '/r/AskHistorians/comments/1p3m9zt/how_were_medieval_bridges_financed/', '2026-11-27T14:25:36.517Z', 'How were medieval bridges financed?', m(2874, 163)),
    ],
  },
  'own-post.html': {
    url: 'https://www.reddit.com/r/woodworking/comments/1p3s0ab/my_shop_after_two_years/',
    // views from the insights panel's number attribute (shown "18K"); its comments and shares figures are not views
    posts: [
      post('t3_1p3s0ab', 'quiet_maple', '/r/woodworking/comments/1p3s0ab/my_shop_after_two_years/', '2026-11-27T16:40:22.090Z', 'My shop after two years', m(342, 27, 18406)),
    ],
  },
  'de.html': {
    url: 'https://www.reddit.com/r/de/',
    posts: [
      post('t3_1p3f8kt', 'bahnfahrer_92', '/r/de/comments/1p3f8kt/warum_ist_die_bahn_heute_wieder_zu_sp%C3%A4t/', '2026-11-28T06:58:30.770Z', 'Warum ist die Bahn heute wieder zu spät?', m(1234, 87)),
      // no comment-count attribute: the 56 comments shown in the shadow root are not read
      post('t3_1p3g2hn', 'kaffeetante', '/r/de/comments/1p3g2hn/mein_sauerteig_nach_drei_wochen/', '2026-11-28T04:12:00.000Z', 'Mein Sauerteig nach drei Wochen', m(412)),
      post('t3_1p3h7cv', 'quiet_maple', '/r/de/comments/1p3h7cv/frage_zu_mietvertr%C3%A4gen_in_berlin/', '2026-11-27T21:33:47.128Z', 'Frage zu Mietverträgen in Berlin', m(58, 23, 2093)),
      post('t3_1p3e0wd', 'stammtischler', '/r/de/comments/1p3e0wd/unpopul%C3%A4re_meinung_sp%C3%A4tzle_sind_%C3%BCberbewertet/', '2026-11-28T02:00:00.000Z', 'Unpopuläre Meinung: Spätzle sind überbewertet', m(-3, 64)),
    ],
  },
  'dark-profile.html': {
    url: 'https://www.reddit.com/user/quiet_maple/submitted/',
    posts: [
      post('t3_1p1x7cz', 'quiet_maple', '/r/woodworking/comments/1p1x7cz/shop_vac_cyclone_build/', '2026-11-22T10:04:51.300Z', 'Shop vac cyclone build', m(96, 12, 1534)),
      // no number attribute, full text "812": exact
      post('t3_1p0v2ke', 'quiet_maple', '/r/u_quiet_maple/comments/1p0v2ke/sketches_for_a_bench/', '2026-11-18T19:45:00.000Z', 'Sketches for a bench', m(8, 1, 812)),
      // no number attribute, "4.6K": absent (rounded or truncated is not known for Reddit)
      post('t3_1ozt9aa', 'quiet_maple', '/r/DIY/comments/1ozt9aa/fixed_a_squeaky_stair_with_two_screws/', '2026-11-12T08:30:15.000Z', 'Fixed a squeaky stair with two screws', m(1203, 88)),
      post('t3_1ox3m0p', 'quiet_maple', '/r/woodworking/comments/1ox3m0p/first_cutting_board/', '2026-09-03T17:12:09.000Z', 'First cutting board', m(45, 6)),
    ],
  },
  'logged-out.html': {
    url: 'https://www.reddit.com/r/popular/',
    posts: [
      post('t3_1p3t4yu', 'sky_lantern', '/r/pics/comments/1p3t4yu/northern_lights_over_the_fjord_last_night/', '2026-11-27T22:10:44.861Z', 'Northern lights over the fjord last night', m(21984, 612)),
      post('t3_1p3u9ob', 'soup_scholar', '/r/todayilearned/comments/1p3u9ob/til_the_oldest_known_soup_recipe_is_6000_years_old/', '2026-11-28T02:44:19.003Z', 'TIL the oldest known soup recipe is 6,000 years old', m(7311, 845)),
      post('t3_1p3v2ee', 'tiny_gardener', '/r/gardening/comments/1p3v2ee/my_balcony_tomatoes_in_november/', '2026-11-28T10:20:00.500Z', 'My balcony tomatoes in November', m(2, 0)),
    ],
  },
  'stripped.html': {
    url: 'https://www.reddit.com/',
    posts: [
      post('t3_1p3w1aa', 'quiet_river', '/r/pics/comments/1p3w1aa/rain_on_the_river_this_morning/', '2026-11-28T08:00:00.000Z', 'Rain on the river this morning', {}),
      post('t3_1p3w2bb', 'loud_river', '/r/pics/comments/1p3w2bb/the_loudest_waterfall_i_have_heard/', '2026-11-28T07:00:00.000Z', 'The loudest waterfall I have heard', {}),
      post('t3_1p3w3cc', 'still_pond', '/r/pics/comments/1p3w3cc/still_water_still_mind/', '2026-11-28T06:00:00.000Z', 'Still water, still mind', {}),
    ],
  },
  'old-listing.html': {
    url: 'https://old.reddit.com/r/woodworking/',
    // #1 (.promotedlink.promoted) and #7 (data-promoted="true") are ads
    posts: [
      post('t3_1p2qv8n', 'planecraft', '/r/woodworking/comments/1p2qv8n/show_us_your_shop_november_2026/', '2026-11-26T09:00:00.000Z', 'Show us your shop — November 2026', m(315, 58)),
      // score hidden ("•"): data-score="1" is not trusted
      post('t3_1p3r7ua', 'fresh_shavings', '/r/woodworking/comments/1p3r7ua/carved_my_first_spoon/', '2026-11-29T07:55:18.000Z', 'Carved my first spoon', m(undefined, 3)),
      post('t3_1p2z0kd', 'saw_sceptic', '/r/woodworking/comments/1p2z0kd/table_saws_are_overrated/', '2026-11-27T19:45:10.000Z', 'Table saws are overrated', m(-7, 31)),
      post('t3_1p2y5ht', undefined, '/r/woodworking/comments/1p2y5ht/glue_up_went_wrong/', '2026-11-27T23:02:41.000Z', 'Glue-up went wrong', m(44, 12)),
      // no data-timestamp: from the tagline's <time datetime>
      post('t3_1p2u3mb', 'oak_and_ash', '/r/woodworking/comments/1p2u3mb/workbench_build_start_to_finish/', '2026-11-27T11:32:05.000Z', 'Workbench build, start to finish', m(12873, 645)),
      post('t3_1p2t0zz', 'sawdust_sam', '/r/woodworking/comments/1p2t0zz/which_finish_for_a_kitchen_table/', '2026-11-28T15:21:09.000Z', 'Which finish for a kitchen table?', m(0, 0)),
    ],
  },
};

const shape = (o: PostObservation): Want => ({
  postId: o.postId,
  ...(o.author !== undefined ? { author: o.author } : {}),
  path: o.url.replace(/^https:\/\/www\.reddit\.com/, ''),
  ...(o.publishedAt !== undefined ? { publishedAt: new Date(o.publishedAt).toISOString() } : {}),
  text: o.text!,
  metrics: o.metrics,
});

describe('reddit.scan on hand-made fixtures', () => {
  it.each(Object.keys(EXPECTED))('%s', (file) => {
    const { url, posts } = EXPECTED[file]!;
    const got = reddit.scan(load(file), new URL(url));
    expect(got.map(shape)).toEqual(posts);
    for (const o of got) {
      expect(o.site).toBe('reddit');
      expect(o.url.startsWith('https://www.reddit.com/')).toBe(true);
      expect(o.promoted).toBeUndefined();
      expect(isObservation(o), `${o.postId} passes the background's validation`).toBe(true);
    }
  });

  it('read() of every post element gives the same as scan, and ads and nested posts give undefined', () => {
    for (const [file, { url }] of Object.entries(EXPECTED)) {
      const doc = load(file);
      const u = new URL(url);
      const fromScan = reddit.scan(doc, u);
      const watched = Array.from(doc.querySelectorAll(reddit.postSelector));
      expect(watched.map((el) => reddit.read(el, u)).filter(Boolean), file).toEqual(fromScan);
      expect(watched.length - fromScan.length, `${file}: watched elements that are not posts`).toBe(
        watched.filter((el) => el.closest('shreddit-ad-post')).length,
      );
    }
    const sub = load('subreddit.html');
    const ads = [
      sub.querySelector('shreddit-post[is-promoted]')!,
      sub.querySelector('shreddit-ad-post shreddit-post')!,
      sub.querySelector('shreddit-ad-post')!,
    ];
    for (const ad of ads) expect(reddit.read(ad, new URL('https://www.reddit.com/r/woodworking/'))).toBeUndefined();
    const old = load('old-listing.html');
    for (const id of ['t3_1pay7rt', 't3_1pae0q1']) {
      const thing = old.querySelector(`[data-fullname="${id}"]`)!;
      expect(thing.matches(reddit.postSelector), `${id} is not watched`).toBe(false);
      expect(reddit.read(thing, new URL('https://old.reddit.com/r/woodworking/'))).toBeUndefined();
    }
  });

  it('the scanner does not watch ads, comments or anything else that is not a post', () => {
    const sub = load('subreddit.html');
    const watched = Array.from(sub.querySelectorAll(reddit.postSelector));
    // The shreddit-post inside the ad: left out by `:not(shreddit-ad-post *)` in a browser (happy-dom does not
    // support a complex :not), refused by read() everywhere.
    expect(watched.filter((el) => !el.closest('shreddit-ad-post')).map((el) => el.id)).toEqual([
      't3_1p1c4de', 't3_1p2w7hb', 't3_1p3a9fk', 't3_1p39eyn',
    ]);
    expect(watched.some((el) => el.hasAttribute('is-promoted'))).toBe(false);
    const page = load('post.html');
    expect(page.querySelectorAll('shreddit-comment').length).toBe(3);
    expect(Array.from(page.querySelectorAll(reddit.postSelector)).map((el) => el.id)).toEqual(['t3_1p3m9zt']);
  });

  it('never reads a figure from the shadow root (declarative templates are inert here, shadow roots in a browser)', () => {
    const doc = load('home.html');
    const first = doc.querySelector(SELECTORS.post)!;
    // What Chromium would build from <template shadowrootmode>: a shadow root showing "9.9K".
    first.querySelector('template')?.remove();
    const root = first.attachShadow({ mode: 'open' });
    root.innerHTML = '<span><faceplate-number pretty number="9999">9.9K</faceplate-number></span><slot></slot>';
    expect(reddit.read(first, new URL('https://www.reddit.com/'))!.metrics).toEqual(m(4127, 212));
    first.removeAttribute('score');
    expect(reddit.read(first, new URL('https://www.reddit.com/'))!.metrics).toEqual(m(undefined, 212));
  });
});

describe('reddit: identity', () => {
  const HOME = new URL('https://www.reddit.com/');

  it('keeps the t3_ prefix in postId and builds the url from the permalink', () => {
    const [o] = reddit.scan(load('home.html'), HOME);
    expect(o!.postId).toBe('t3_1p3k8vd');
    expect(o!.url).toBe('https://www.reddit.com/r/woodworking/comments/1p3k8vd/finished_my_first_walnut_side_table/');
  });

  it('old and new Reddit give the same key and url for the same post', () => {
    const doc = load('old-listing.html');
    const thing = doc.querySelector('[data-fullname="t3_1p2u3mb"]')!;
    const oldObs = reddit.read(thing, new URL('https://old.reddit.com/r/woodworking/'))!;
    const el = load('home.html').querySelector(SELECTORS.post)!;
    el.setAttribute('id', 't3_1p2u3mb');
    el.setAttribute('permalink', '/r/woodworking/comments/1p2u3mb/workbench_build_start_to_finish/');
    const newObs = reddit.read(el, HOME)!;
    expect([newObs.postId, newObs.url]).toEqual([oldObs.postId, oldObs.url]);
  });

  it('re-derives identity from the element on every read (recycled nodes)', () => {
    const doc = load('home.html');
    const el = doc.querySelectorAll(SELECTORS.post)[1]!;
    expect(reddit.read(el, HOME)!.postId).toBe('t3_1p3m2qa');
    el.setAttribute('id', 't3_1p3zzz9');
    el.setAttribute('permalink', '/r/pics/comments/1p3zzz9/another_post/');
    el.setAttribute('author', 'someone_else');
    el.setAttribute('score', '77');
    const again = reddit.read(el, HOME)!;
    expect([again.postId, again.author, again.url, again.metrics.likes?.value]).toEqual([
      't3_1p3zzz9', 'someone_else', 'https://www.reddit.com/r/pics/comments/1p3zzz9/another_post/', 77,
    ]);
    // Half-way through a reuse: the id names one post, the permalink another. Nothing on it is trusted.
    el.setAttribute('id', 't3_1p4aaa1');
    expect(reddit.read(el, HOME)).toBeUndefined();

    const old = load('old-listing.html');
    const thing = old.querySelector('[data-fullname="t3_1p2z0kd"]')!;
    thing.setAttribute('data-fullname', 't3_1p4bbb2');
    thing.setAttribute('data-permalink', '/r/woodworking/comments/1p4bbb2/new_one/');
    expect(reddit.read(thing, HOME)!.postId).toBe('t3_1p4bbb2');
  });

  it('a missing permalink gives the short url; a bad id or permalink gives no post', () => {
    const el = load('home.html').querySelector(SELECTORS.post)!;
    el.removeAttribute('permalink');
    expect(reddit.read(el, HOME)!.url).toBe('https://www.reddit.com/comments/1p3k8vd/');
    for (const [id, permalink] of [
      ['t1_1p3k8vd', '/r/woodworking/comments/1p3k8vd/x/'], // a comment's fullname
      ['1p3k8vd', '/r/woodworking/comments/1p3k8vd/x/'], // no t3_
      ['t3_1P3K8VD', '/r/woodworking/comments/1P3K8VD/x/'], // base36 ids are lower case
      ['t3_', '/r/woodworking/comments/'],
      ['t3_1p3k8vd', '//evil.example/r/woodworking/comments/1p3k8vd/'],
      ['t3_1p3k8vd', 'https://evil.example/r/woodworking/comments/1p3k8vd/'],
      ['t3_1p3k8vd', '/r/woodworking/about/'],
      ['t3_1p3k8vd', '/r/woodworking/comments/1p3k8vd/x/?utm_source=share'],
    ]) {
      el.setAttribute('id', id!);
      el.setAttribute('permalink', permalink!);
      expect(reddit.read(el, HOME), `${id} ${permalink}`).toBeUndefined();
    }
  });
});

describe('reddit: counts', () => {
  const HOME = new URL('https://www.reddit.com/');

  it.each<[string, string | null, Count | undefined]>([
    ['score', '4127', e(4127)],
    ['score', '-23', e(-23)],
    ['score', '-0', e(0)],
    ['score', ' 12 ', e(12)],
    ['score', '4.1K', undefined],
    ['score', '4,127', undefined],
    ['score', '', undefined],
    ['score', 'NaN', undefined],
    ['score', '1e3', undefined],
    ['score', '99999999999999999999', undefined],
    ['score', '2000000000', undefined], // beyond any score Reddit has shown
    ['score', null, undefined],
    ['comment-count', '0', e(0)],
    ['comment-count', '-1', undefined], // comments cannot be negative
    ['comment-count', '3.5', undefined],
  ])('%s=%j', (attr, value, want) => {
    const el = load('home.html').querySelector(SELECTORS.post)!;
    if (value === null) el.removeAttribute(attr);
    else el.setAttribute(attr, value);
    const metric = attr === 'score' ? 'likes' : 'replies';
    const got = reddit.read(el, HOME)!;
    expect(got.metrics[metric]).toEqual(want);
    expect(isObservation(got)).toBe(true);
  });

  it('a negative score passes the background validation for reddit (and only for reddit likes)', () => {
    const o = reddit.scan(load('home.html'), HOME).find((p) => p.postId === 't3_1p3jz0c')!;
    expect(o.metrics.likes).toEqual(e(-23));
    expect(isObservation(o)).toBe(true);
    expect(isObservation({ ...o, site: 'x' })).toBe(false);
    expect(isObservation({ ...o, metrics: { replies: e(-1) } })).toBe(false);
  });

  it('old Reddit: data-score is read unless the page hides the score; garbled attributes are absent', () => {
    const doc = load('old-listing.html');
    const thing = doc.querySelector('[data-fullname="t3_1p2z0kd"]')!;
    thing.setAttribute('data-score', 'abc');
    thing.setAttribute('data-comments-count', '');
    expect(reddit.read(thing, HOME)!.metrics).toEqual({});
    const hidden = doc.querySelector('[data-fullname="t3_1p3r7ua"]')!;
    hidden.setAttribute('data-score', '250');
    expect(reddit.read(hidden, HOME)!.metrics).toEqual(m(undefined, 3));
    for (const s of Array.from(hidden.querySelectorAll('.score'))) s.textContent = '250';
    expect(reddit.read(hidden, HOME)!.metrics).toEqual(m(250, 3));
  });

  // reddit/old-listing.html seeds 1273885951, 1237373502 (FUZZ_SCALE=3/4): the score-hidden post's vote box
  // removed, its placeholder data-score="1" was read as likes 1. Only the box tells a real data-score from the
  // placeholder: without it, no score is read (for any post); comments are still read.
  it.each([
    ['t3_1p3r7ua', 3], // score hidden ("•"), data-score="1" a placeholder
    ['t3_1p2z0kd', 31], // score shown (-7)
  ])('old Reddit: %s without its vote box reads no score', (fullname, comments) => {
    const thing = load('old-listing.html').querySelector(`[data-fullname="${fullname}"]`)!;
    expect(reddit.read(thing, HOME)!.metrics.likes === undefined).toBe(fullname === 't3_1p3r7ua');
    thing.querySelector('.midcol')!.remove();
    expect(reddit.read(thing, HOME)!.metrics).toEqual(m(undefined, comments));
  });

  it('views: only figures labelled as views in the post\'s own insights slots; disagreement or garble is absent', () => {
    const doc = load('own-post.html');
    const el = doc.querySelector(SELECTORS.post)!;
    const views = () => reddit.read(el, new URL('https://www.reddit.com/'))!.metrics.impressions;
    expect(views()).toEqual(e(18406));
    const n = el.querySelector('[slot="post-insights-panel"] faceplate-number')!;
    n.setAttribute('number', 'many');
    expect(views()).toBeUndefined();
    n.removeAttribute('number'); // visible "18K" alone: not read
    expect(views()).toBeUndefined();
    n.textContent = '18,406';
    expect(views()).toEqual(e(18406));
    n.setAttribute('number', '18406');
    // a second views figure that disagrees: absent
    const extra = doc.createElement('div');
    extra.setAttribute('slot', 'post-stats-entry-point');
    extra.innerHTML = '<a href="/poststats/t3_1p3s0ab/"><faceplate-number number="18410">18K</faceplate-number> views</a>';
    el.append(extra);
    expect(views()).toBeUndefined();
    extra.querySelector('faceplate-number')!.setAttribute('number', '18406');
    expect(views()).toEqual(e(18406));
    // a panel that is not the post's own child (e.g. in a comment) is not the post's
    extra.remove();
    el.querySelector('[slot="post-insights-panel"]')!.remove();
    const wrapper = doc.createElement('div');
    wrapper.innerHTML = '<div slot="post-insights-panel"><faceplate-number number="5">5</faceplate-number> views</div>';
    el.append(wrapper);
    expect(views()).toBeUndefined();
    // a label in a language we do not know yet: absent, not a neighbour's figure
    wrapper.innerHTML = '';
    const fr = doc.createElement('div');
    fr.setAttribute('slot', 'post-stats-entry-point');
    fr.innerHTML = '<span><faceplate-number number="77">77</faceplate-number> vues</span>';
    el.append(fr);
    expect(views()).toBeUndefined();
  });

  it('views are never taken from a figure labelled otherwise', () => {
    const el = load('own-post.html').querySelector(SELECTORS.post)!;
    const panel = el.querySelector('[slot="post-insights-panel"]')!;
    panel.querySelector('li')!.remove(); // the views item
    expect(reddit.read(el, HOME)!.metrics).toEqual(m(342, 27));
  });
});

describe('reddit: created-timestamp', () => {
  const HOME = new URL('https://www.reddit.com/');
  const NOW = Date.parse('2026-11-29T12:00:00Z');
  it.each<[string, string | undefined]>([
    ['2026-07-31T12:03:50.281000+0000', '2026-07-31T12:03:50.281Z'],
    ['2026-07-31T12:03:50.281999+0000', '2026-07-31T12:03:50.281Z'], // truncated, not rounded
    ['2026-07-31T12:03:50+0000', '2026-07-31T12:03:50.000Z'],
    ['2026-07-31T12:03:50.2+00:00', '2026-07-31T12:03:50.200Z'],
    ['2026-07-31T12:03:50.281000Z', '2026-07-31T12:03:50.281Z'],
    ['2026-07-31T14:03:50.281000+0200', '2026-07-31T12:03:50.281Z'],
    ['2026-07-31T07:03:50.281000-0500', '2026-07-31T12:03:50.281Z'],
    ['2026-02-30T12:00:00+0000', undefined],
    ['2026-13-01T12:00:00+0000', undefined],
    ['2026-07-31T24:00:00+0000', undefined],
    ['2026-07-31T12:03:50.281000', undefined], // no zone: not a point in time
    ['2026-07-31 12:03:50+0000', undefined],
    ['3 hr. ago', undefined],
    ['', undefined],
    ['2004-12-31T23:59:59+0000', undefined], // before Reddit
    ['2026-12-01T12:00:00+0000', undefined], // in the future
  ])('%j', (s, want) => {
    const t = parseRedditTime(s, NOW);
    expect(t === undefined ? undefined : new Date(t).toISOString()).toBe(want);
  });

  it('a garbled or future time leaves publishedAt absent, and the post still passes validation', () => {
    const el = load('home.html').querySelector(SELECTORS.post)!;
    for (const ts of ['garbage', '2099-01-01T00:00:00.000000+0000']) {
      el.setAttribute('created-timestamp', ts);
      const o = reddit.read(el, HOME)!;
      expect(o.publishedAt).toBeUndefined();
      expect(isObservation(o)).toBe(true);
    }
    const thing = load('old-listing.html').querySelector('[data-fullname="t3_1p2z0kd"]')!;
    thing.setAttribute('data-timestamp', '1795808710'); // seconds, not ms: falls back to the <time>
    expect(new Date(reddit.read(thing, HOME)!.publishedAt!).toISOString()).toBe('2026-11-27T19:45:10.000Z');
    thing.querySelector('time')!.setAttribute('datetime', '27 Nov');
    expect(reddit.read(thing, HOME)!.publishedAt).toBeUndefined();
  });
});

describe('reddit: badge anchor, robustness, registry', () => {
  const HOME = new URL('https://www.reddit.com/');

  it('new Reddit: the post element itself; old Reddit: its .entry; ads: none', () => {
    const doc = load('home.html');
    for (const el of Array.from(doc.querySelectorAll(reddit.postSelector))) expect(reddit.badgeAnchor!(el)).toBe(el);
    const old = load('old-listing.html');
    for (const thing of Array.from(old.querySelectorAll(reddit.postSelector))) {
      const anchor = reddit.badgeAnchor!(thing)!;
      expect(anchor.matches('.entry')).toBe(true);
      expect(anchor.querySelector('ul.flat-list.buttons')).not.toBeNull();
      expect(anchor.closest('.thing')).toBe(thing);
    }
    expect(reddit.badgeAnchor!(old.querySelector('[data-fullname="t3_1pay7rt"]')!)).toBeUndefined();
    const sub = load('subreddit.html');
    expect(reddit.badgeAnchor!(sub.querySelector('shreddit-post[is-promoted]')!)).toBeUndefined();
    expect(reddit.badgeAnchor!(sub.createElement('div'))).toBeUndefined();
  });

  it('never throws', () => {
    const broken = { querySelectorAll: () => { throw new Error('boom'); } } as unknown as ParentNode;
    expect(reddit.scan(broken, HOME)).toEqual([]);
    const doc = load('home.html');
    const first = doc.querySelector(SELECTORS.post)!;
    first.closest = () => { throw new Error('boom'); };
    const posts = reddit.scan(doc, HOME);
    expect(posts).toHaveLength(6);
    expect(posts.map((o) => o.postId)).not.toContain('t3_1p3k8vd');
    expect(reddit.read(doc.createElement('shreddit-post'), HOME)).toBeUndefined();
    expect(reddit.read(doc.createElement('div'), HOME)).toBeUndefined();
    expect(reddit.badgeAnchor!(first)).toBeUndefined();
  });

  it('scan accepts a single post element as root, and reports each post once', () => {
    const doc = load('home.html');
    const el = doc.querySelector(SELECTORS.post)!;
    expect(reddit.scan(el, HOME).map((o) => o.postId)).toEqual(['t3_1p3k8vd']);
    doc.querySelector('faceplate-batch')!.append(el.parentElement!.cloneNode(true));
    expect(reddit.scan(doc, HOME).filter((o) => o.postId === 't3_1p3k8vd')).toHaveLength(1);
  });

  it('caps the title at 1000 characters', () => {
    const el = load('home.html').querySelector(SELECTORS.post)!;
    el.setAttribute('post-title', `  ${'a'.repeat(3000)}  `);
    expect(reddit.read(el, HOME)!.text).toBe('a'.repeat(1000));
  });

  it.each<[string, boolean]>([
    ['https://www.reddit.com/', true],
    ['https://old.reddit.com/r/woodworking/', true],
    ['https://www.reddit.com/r/de/comments/1p3f8kt/x/', true],
    ['https://reddit.com/', false],
    ['https://new.reddit.com/', false],
    ['https://www.reddit.com.evil.example/', false],
    ['http://www.reddit.com/', false],
  ])('matches %s → %s', (url, want) => {
    expect(reddit.matches(new URL(url))).toBe(want);
    if (want) expect(adapterFor(url)).toBe(reddit);
    else expect(adapterFor(url)).not.toBe(reddit);
  });
});
