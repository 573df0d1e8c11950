import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Count } from '../../lib/count';
import { adapterFor, adapters } from '../../lib/sites';
import { snowflakeTime, x } from '../../lib/sites/x';
import { parseGroupLabel } from '../../lib/sites/x-labels';
import type { Metrics, PostObservation } from '../../lib/types';

const FIXTURES = path.resolve(__dirname, '../fixtures/x');
const HOME = new URL('https://x.com/home');

function load(name: string): Document {
  const html = fs.readFileSync(path.join(FIXTURES, name), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

const e = (v: number): Count => ({ value: v, min: v, max: v, exact: true });
const iv = (min: number, max: number): Count => ({ value: min, min, max, exact: false });
/** replies, reposts, likes, bookmarks, impressions; undefined = absent. */
function m(r?: Count, rp?: Count, l?: Count, b?: Count, i?: Count): Metrics {
  const out: Metrics = {};
  if (r) out.replies = r;
  if (rp) out.reposts = rp;
  if (l) out.likes = l;
  if (b) out.bookmarks = b;
  if (i) out.impressions = i;
  return out;
}
const all = (r: number, rp: number, l: number, b: number, i?: number) =>
  m(e(r), e(rp), e(l), e(b), i === undefined ? undefined : e(i));

interface Want {
  postId: string;
  author: string;
  metrics: Metrics;
  promoted?: true;
}

const EXPECTED: Record<string, Want[]> = {
  'timeline.html': [
    { postId: '1973040134353846373', author: 'acme_gadgets', metrics: all(4, 19, 288, 7, 183003), promoted: true },
    { postId: '1973299971486646474', author: 'orbit_notes', metrics: all(56, 1204, 8831, 344, 412077) },
    { postId: '1973323291816886575', author: 'quill_writer', metrics: all(12, 3, 40, 2, 5120) },
    { postId: '1973332078883766777', author: 'tidepool_dev', metrics: all(7, 31, 250, 18, 20911) },
    { postId: '1973342124241846878', author: 'quietfern', metrics: all(0, 0, 0, 0, 0) },
    // visible text only: truncated intervals; "345" is a full number; no bookmark count anywhere
    {
      postId: '1973349673989046979',
      author: 'lumen_hq',
      metrics: m(iv(1200, 1299), e(345), iv(8900, 8999), undefined, iv(2500000, 2599999)),
    },
    { postId: '1973357223736247080', author: 'brightside_co', metrics: all(1, 2, 61, 1, 90210), promoted: true },
    { postId: '1973364773483447181', author: 'gallery_bot', metrics: all(2, 14, 77, 9, 6603) },
    // 2021 tweet, "View post analytics" without a number: impressions unknown, not 0
    { postId: '1371511509611446383', author: 'oldtimer_ann', metrics: all(30, 112, 1999, 403) },
  ],
  'focused.html': [
    // visible "1.3M Views" lags the label's 1402113: the label wins
    { postId: '1980274188874678494', author: 'harbor_lights', metrics: all(310, 2210, 15093, 612, 1402113) },
    { postId: '1980287891665846605', author: 'tern_watcher', metrics: all(3, 1, 402, 5, 20007) },
    { postId: '1980305507742646716', author: 'mossy_stone', metrics: all(0, 0, 1, 0, 1) },
  ],
  'garbled.html': [
    { postId: '1797553810437046273', author: 'stripped_labels', metrics: {} },
    // "lots of replies", "many likes": replies and likes absent (not 0, not the visible "9"); no omitted zeros
    { postId: '1797568909931446274', author: 'garbled_words', metrics: m(undefined, e(5), undefined, undefined, e(812)) },
    // 99999999999999999999 views: absent; the buttons still say 0 reposts and 0 likes
    { postId: '1797584009425846275', author: 'absurd_numbers', metrics: m(e(3), e(0), e(0)) },
    // summary 10 likes vs button 11: likes absent
    { postId: '1797599108920246276', author: 'contradiction', metrics: m(e(4), e(0), undefined, e(0), e(20)) },
    // no bar of its own; the nested quote's 50/60/70/80/90000 are not its numbers
    { postId: '1797629307909046278', author: 'nested_outer', metrics: {} },
  ],
  'empty.html': [],
  'ja.html': [
    { postId: '1974670879749046280', author: 'sakura_daily', metrics: all(48, 152, 553, 9, 30142) },
    { postId: '1974685979243446281', author: 'kumo_note', metrics: all(0, 0, 0, 0, 0) },
    // a localized summary cannot vouch for omitted zeros: only what the labels state
    { postId: '1974701078737846282', author: 'tsuki_shiori', metrics: m(undefined, undefined, e(2), undefined, e(15)) },
  ],
};

const shape = (o: PostObservation) => ({
  postId: o.postId,
  author: o.author,
  metrics: o.metrics,
  ...(o.promoted ? { promoted: o.promoted } : {}),
});

describe('x.scan on hand-made fixtures', () => {
  it.each(Object.keys(EXPECTED))('%s', (file) => {
    const got = x.scan(load(file), HOME);
    expect(got.map(shape)).toEqual(EXPECTED[file]);
    for (const o of got) {
      expect(o.site).toBe('x');
      expect(o.url).toBe(`https://x.com/${o.author}/status/${o.postId}`);
    }
  });

  it('publishedAt comes from the snowflake id and matches the <time>', () => {
    for (const file of ['timeline.html', 'focused.html', 'garbled.html', 'ja.html']) {
      const doc = load(file);
      for (const o of x.scan(doc, HOME)) {
        expect(o.publishedAt).toBe(Number((BigInt(o.postId) >> 22n) + 1288834974657n));
        const time = doc.querySelector(`a[href$="/status/${o.postId}"] time`);
        if (time) expect(o.publishedAt).toBe(Date.parse(time.getAttribute('datetime')!));
      }
    }
    const [quote] = x.scan(load('timeline.html'), HOME).filter((o) => o.author === 'quill_writer');
    expect(new Date(quote!.publishedAt!).toISOString()).toBe('2025-10-01T09:45:10.000Z');
  });

  it('snowflakeTime gives exactly the bits above the low 22 plus the epoch, also where doubles round', () => {
    const exact = (id: bigint) => {
      const ms = id >> 22n;
      return ms < 86_400_000n ? undefined : Number(ms + 1288834974657n);
    };
    // Ids on and beside every whole millisecond (where a double's rounding would tip the quotient), and any 63-bit id.
    const onEdge = fc.tuple(fc.bigInt(0n, 2n ** 41n), fc.integer({ min: -3, max: 3 })).map(([ms, d]) => (ms << 22n) + BigInt(d));
    fc.assert(
      fc.property(fc.oneof(onEdge, fc.bigInt(0n, 2n ** 63n - 1n)), (id) => {
        if (id < 0n) return;
        expect(snowflakeTime(id.toString())).toBe(exact(id));
      }),
      { numRuns: 20_000 },
    );
    for (const id of [1980000000000000000n, 1980000000004194303n, 1980000000004194304n, 362245n, 0n, 2n ** 63n - 1n]) {
      expect(snowflakeTime(id.toString())).toBe(exact(id));
    }
    expect(() => snowflakeTime('12a')).toThrow();
  });

  it('takes the text of the tweet itself, not of the tweet it quotes', () => {
    const posts = x.scan(load('timeline.html'), HOME);
    const quote = posts.find((o) => o.author === 'quill_writer')!;
    expect(quote.text).toBe('This is the best map of the old tram lines I have seen.');
    expect(posts.map((o) => o.postId)).not.toContain('1972723732837302676');
    expect(posts.find((o) => o.author === 'orbit_notes')!.text).toBe(
      "Tonight's pass of the station is at 21:14, look west. #SkyWatch",
    );
    expect(x.scan(load('ja.html'), HOME)[0]!.text).toBe('今朝の桜並木。まだ少しだけ花が残っていました。');
  });

  it('caps the text at 1120 characters', () => {
    const doc = load('timeline.html');
    doc.querySelector('[data-testid="tweetText"]')!.textContent = `  ${'a'.repeat(3000)}  `;
    expect(x.scan(doc, HOME)[0]!.text).toBe('a'.repeat(1120));
  });

  it('only promoted tweets are flagged', () => {
    const flagged = x.scan(load('timeline.html'), HOME).filter((o) => o.promoted);
    expect(flagged.map((o) => o.author)).toEqual(['acme_gadgets', 'brightside_co']);
  });

  it('a nested (quoted) article is not a post: read() gives undefined', () => {
    const doc = load('garbled.html');
    const nested = Array.from(doc.querySelectorAll(x.postSelector)).find((a) => a.parentElement!.closest(x.postSelector));
    expect(nested).toBeDefined();
    expect(x.read(nested!, HOME)).toBeUndefined();
  });

  it('falls back to visible intervals, including views beside the focused timestamp', () => {
    const doc = load('focused.html');
    const focused = doc.querySelector('article[tabindex="-1"]')!;
    for (const el of Array.from(focused.querySelectorAll('[aria-label]'))) el.removeAttribute('aria-label');
    expect(x.read(focused, HOME)!.metrics).toEqual(
      m(e(310), iv(2200, 2299), iv(15000, 15999), e(612), iv(1300000, 1399999)),
    );
  });

  it('a zero inferred from an omission yields to visible text showing a number', () => {
    const doc = load('timeline.html');
    const quiet = doc.querySelectorAll(x.postSelector)[4]!; // summary label ""
    const like = quiet.querySelector('[data-testid="like"]')!;
    like.setAttribute('aria-label', 'Like');
    like.querySelector('[data-testid="app-text-transition-container"] > span')!.textContent = '5';
    expect(x.read(quiet, HOME)!.metrics).toEqual(m(e(0), e(0), undefined, e(0), e(0)));
  });

  // Found by the adapter fuzz (test/fuzz, FUZZ_SEED=12345 FUZZ_SCALE=3): fixture + the mutation that showed the bug.
  const postById = (doc: Document, id: string) =>
    Array.from(doc.querySelectorAll(x.postSelector)).find((a) => x.read(a, HOME)?.postId === id)!;
  it.each<[string, string, string, string]>([
    // seed 3039471437: its analytics link (no count shown) then showed the quote's reply "50" as views
    ['garbled.html', '1797553810437046273', '1797629307909046278', 'a[href$="/analytics"]'],
    // seed 4028359557: the empty repost button then showed the copy's "48", and the copy's like/bookmark buttons
    // came first in the bar: 553 likes (the bar says 2), 9 bookmarks
    ['ja.html', '1974701078737846282', '1974670879749046280', '[data-testid="retweet"] svg'],
  ])('%s: %s reads the same with a copy of %s in its %s', (file, id, otherId, host) => {
    const doc = load(file);
    const post = postById(doc, id);
    const before = x.read(post, HOME)!.metrics;
    post.querySelector(host)!.prepend(postById(doc, otherId).cloneNode(true));
    expect(x.read(post, HOME)!.metrics).toEqual(before);
  });

  it('infers 0 views only when the id and the <time> agree the tweet is from the view era', () => {
    // seed 587520648: the 2021 tweet given a 2025 id (status and analytics links) read 0 views from "View post
    // analytics"; its <time> still says 2021, so the page does not state a 0
    const doc = load('timeline.html');
    const ann = postById(doc, '1371511509611446383');
    for (const a of Array.from(ann.querySelectorAll('a[href*="/status/"]')))
      a.setAttribute('href', a.getAttribute('href')!.replace('1371511509611446383', '1973332078883766777'));
    const o = x.read(ann, HOME)!;
    expect([o.postId, o.metrics]).toEqual(['1973332078883766777', all(30, 112, 1999, 403)]);
    // with the <time> agreeing, the missing count is 0 views
    ann.querySelector('time')!.setAttribute('datetime', '2025-10-01T08:00:00.000Z');
    expect(x.read(ann, HOME)!.metrics).toEqual(all(30, 112, 1999, 403, 0));
  });

  it('re-derives identity from the element on every read (recycled nodes)', () => {
    const doc = load('focused.html');
    const article = doc.querySelectorAll(x.postSelector)[2]!;
    expect(x.read(article, HOME)!.postId).toBe('1980305507742646716');
    article.querySelector('a[href*="/status/"]')!.setAttribute('href', '/someone_else/status/1980305507742646999');
    const again = x.read(article, HOME)!;
    expect([again.postId, again.author]).toEqual(['1980305507742646999', 'someone_else']);
    expect(again.metrics).toEqual({}); // the bar's analytics link still names the old id: none of it is ours
  });

  it('badgeAnchor is the tweet\'s own action bar, never a carousel or a quote\'s bar', () => {
    const doc = load('timeline.html');
    for (const article of Array.from(doc.querySelectorAll(x.postSelector))) {
      const bar = x.badgeAnchor!(article);
      expect(bar?.getAttribute('role')).toBe('group');
      expect(bar?.getAttribute('aria-roledescription')).toBeNull();
      expect(bar?.querySelector('[data-testid="reply"]')).not.toBeNull();
    }
    const outer = load('garbled.html').querySelectorAll(x.postSelector)[6]!;
    expect(x.read(outer, HOME)!.author).toBe('nested_outer');
    expect(x.badgeAnchor!(outer)).toBeUndefined();
  });

  it('never throws', () => {
    const broken = { querySelectorAll: () => { throw new Error('boom'); } } as unknown as ParentNode;
    expect(x.scan(broken, HOME)).toEqual([]);
    const doc = load('timeline.html');
    const first = doc.querySelector(x.postSelector)!;
    first.querySelectorAll = () => { throw new Error('boom'); };
    const posts = x.scan(doc, HOME);
    expect(posts).toHaveLength(8);
    expect(posts.map((o) => o.author)).not.toContain('acme_gadgets');
    expect(x.read(doc.createElement('article'), HOME)).toBeUndefined();
    expect(x.badgeAnchor!(doc.createElement('div'))).toBeUndefined();
  });

  it('scan accepts a single tweet element as root', () => {
    const article = load('focused.html').querySelector(x.postSelector)!;
    expect(x.scan(article, HOME).map((o) => o.postId)).toEqual(['1980274188874678494']);
  });
});

describe('X summary label', () => {
  it.each<[string | null, Record<string, number>, string[], boolean]>([
    ['102 replies, 99 reposts, Reposted, 894 likes, 85 bookmarks, 116524 views', { replies: 102, reposts: 99, likes: 894, bookmarks: 85, impressions: 116524 }, [], true],
    ['1 reply, 1 like, Liked, 11 views', { replies: 1, likes: 1, impressions: 11 }, [], true],
    ['1 repost, 1 bookmark, 1 view', { reposts: 1, bookmarks: 1, impressions: 1 }, [], true],
    ['', {}, [], true],
    [null, {}, [], false],
    ['lots of replies, 5 reposts', { reposts: 5 }, ['replies'], false],
    ['3 replies, 99999999999999999999 views', { replies: 3 }, ['impressions'], false],
    ['3 replies, 4 replies', { replies: 3 }, ['replies'], false],
    ['48 件の返信、152 件のリポスト', {}, [], false],
    ['2 quotes, 4 likes', { likes: 4 }, [], false],
  ])('%j', (label, values, bad, complete) => {
    const r = parseGroupLabel(label);
    expect(r.values).toEqual(values);
    expect([...r.bad].sort()).toEqual(bad);
    expect(r.complete).toBe(complete);
  });
});

describe('x.matches and the registry', () => {
  it.each<[string, boolean]>([
    ['https://x.com/home', true],
    ['https://twitter.com/someone/status/1', true],
    ['https://mobile.x.com/home', true],
    ['https://example.com/', false],
    ['https://x.com.evil.example/home', false],
    ['https://notx.com/', false],
  ])('%s → %s', (url, want) => {
    expect(x.matches(new URL(url))).toBe(want);
    expect(adapterFor(url)).toBe(want ? x : undefined);
    expect(adapterFor(new URL(url))).toBe(want ? x : undefined);
  });

  it('invalid URLs have no adapter', () => {
    expect(adapterFor('not a url')).toBeUndefined();
    expect(adapterFor('')).toBeUndefined();
  });

  it('is in the registry once', () => {
    expect(adapters.filter((a) => a.id === 'x')).toEqual([x]);
  });
});
