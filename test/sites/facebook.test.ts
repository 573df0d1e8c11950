// The Facebook adapter over the hand-made fixtures in test/fixtures/facebook/ (each file's header comment says what
// it holds). Table-driven: every post's id, author, url, counts (exact, intervals, absences) and publishedAt.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Count } from '../../lib/count';
import { adapterFor } from '../../lib/sites';
import { facebook, permalink, SELECTORS } from '../../lib/sites/facebook';
import { isObservation } from '../../lib/validate';
import type { Metrics } from '../../lib/types';

const FIXTURES = path.resolve(__dirname, '../fixtures/facebook');

function load(name: string): Document {
  const html = fs.readFileSync(path.join(FIXTURES, name), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}
const parse = (html: string, lang = 'en'): Document =>
  new DOMParser().parseFromString(`<html lang="${lang}"><body>${html}</body></html>`, 'text/html') as unknown as Document;

const e = (v: number): Count => ({ value: v, min: v, max: v, exact: true });
const r = (min: number, max: number): Count => ({ value: min, min, max, exact: false });
type M = number | Count | undefined;
const c = (x: M) => (typeof x === 'number' ? e(x) : x);
/** likes (reactions), replies (comments), shares, views (video plays); undefined = absent. */
function m(likes?: M, replies?: M, shares?: M, views?: M, extra: Metrics = {}): Metrics {
  const out: Metrics = {};
  const put = (k: keyof Metrics, v: M) => {
    const x = c(v);
    if (x) out[k] = x;
  };
  put('likes', likes);
  put('replies', replies);
  put('shares', shares);
  put('views', views);
  return { ...out, ...extra };
}

interface Want {
  postId: string;
  author?: string;
  url: string;
  publishedAt?: string;
  text: string;
  metrics: Metrics;
}
const FB = 'https://www.facebook.com';
const P = {
  bakery: 'pfbid02Xk7c9WqZr4hT1mYpB6sNdVe3LgJuA8oQfKxRbHn5tCw2iMzE7yPvDl',
  cinema: 'pfbid0Rg8TnWv2c6Jd1Kq9HsXaE4mYbL7oUzF3pCiN5tQw8hVkDxMe2yGjArl',
  insights: 'pfbid0Lm3QvX8kR2aYt7PwZc5NhBs9JeD4uGfV1oTq6CiK8xWnA3rHyEb5Mzg',
  de: 'pfbid0Hq2Wz7Tn4Kc9Ls1Vx6Pb3Jd8Mf5Ry2Ga7Ue4No1Ci9Bt6Xk3Ew8Qv5Zp',
  dark: 'pfbid0Dk5Wq8Lr3Tn6Ys9Vb2Xc4Ze7Ma1Gu8Po5Hi2Jf9Kl6Nq3Rs7Tv4Wx1Yz',
  loggedOut: 'pfbid0Ab4Cd7Ef2Gh5Ij8Kl3Mn6Op9Qr1St4Uv7Wx2Yz5Ab8Cd3Ef6Gh9Ij2Kl',
  stripped: 'pfbid0Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg9Fe8Dc7Ba6Zy5Xw4Vu3Ts2Rq1Po',
};
const w = (postId: string, author: string | undefined, url: string, text: string, metrics: Metrics, publishedAt?: string): Want => ({
  postId,
  ...(author ? { author } : {}),
  url,
  ...(publishedAt ? { publishedAt } : {}),
  text,
  metrics,
});

export const EXPECTED: Record<string, { url: string; posts: Want[] }> = {
  'feed.html': {
    url: `${FB}/`,
    posts: [
      // "1.2K" after the hidden "All reactions:" caption: an interval
      w(P.bakery, 'fernbrookbakery', `${FB}/fernbrookbakery/posts/${P.bakery}`, 'Sourdough Saturday is back! First loaves out at 7.', m(r(1200, 1299), 87, 14)),
      // classic permalink.php and abbr[data-utime]; the only exact time Facebook prints
      w('123456789012345', '100044556677889', `${FB}/permalink.php?story_fbid=123456789012345&id=100044556677889`, 'Finally finished the garden shed.', m(56, 1), '2025-11-28T08:00:00.000Z'),
      // "You, Priya and 40 others" is not a count: reactions absent
      w('987654321098765', '100012345678901', `${FB}/groups/quiltersofleeds/posts/987654321098765`, 'Show and tell: my first log-cabin quilt.', m(undefined, 3, 1)),
      // "2.5K reactions" text; the nested comment's "4 reactions"/"12 comments" are not the post's
      w(P.cinema, 'riverside.cinema', `${FB}/riverside.cinema/posts/${P.cinema}`, 'Midnight screening tickets are on sale now.', m(r(2500, 2599), r(1100, 1199), 312)),
      // "1.2.3 comments" and 999999999999999 shares: absent, not guessed
      w('555666777888999', 'garbled.example', `${FB}/garbled.example/posts/555666777888999`, 'Numbers nobody prints.', m(17)),
    ],
  },
  'post.html': {
    url: `${FB}/fernbrookbakery/posts/${P.bakery}`,
    posts: [w(P.bakery, 'fernbrookbakery', `${FB}/fernbrookbakery/posts/${P.bakery}`, 'Sourdough Saturday is back! First loaves out at 7.', m(1248, 91, 15))],
  },
  'video.html': {
    url: `${FB}/riverside.cinema/videos/1122334455667788`,
    posts: [
      w('1122334455667788', 'riverside.cinema', `${FB}/riverside.cinema/videos/1122334455667788`, 'Trailer: the autumn programme.', m(r(1900, 1999), 203, 77, r(48000, 48999))),
      w('2233445566778899', 'harbourlights', `${FB}/watch/?v=2233445566778899`, 'Storm over the pier, timelapse.', m(r(12000, 12999), 1024, undefined, r(3400000, 3499999))),
    ],
  },
  'insights.html': {
    url: `${FB}/fernbrookbakery/posts/${P.insights}`,
    posts: [
      // Views → impressions, Viewers → reach, Link clicks → clicks; "Interactions" is not recorded
      w(P.insights, 'fernbrookbakery', `${FB}/fernbrookbakery/posts/${P.insights}`, 'New opening hours from December.',
        m(64, 9, 3, undefined, { impressions: e(1234), reach: e(987), clicks: e(41) })),
    ],
  },
  'de.html': {
    url: `${FB}/`,
    posts: [
      w(P.de, 'baeckerei.sonnenschein', `${FB}/baeckerei.sonnenschein/posts/${P.de}`, 'Frische Brezeln ab 6 Uhr!', m(r(1200, 1299), 1234, 56)),
      w('3344556677889900', 'bergfilme', `${FB}/bergfilme/videos/3344556677889900`, 'Sonnenaufgang am Watzmann.', m(8, 1, undefined, 12345)),
      w('778899001122334', 'kai.berger', `${FB}/kai.berger/posts/778899001122334`, 'Wer kommt mit zum Flohmarkt?', m(undefined, 4)),
    ],
  },
  'dark.html': {
    url: 'https://web.facebook.com/',
    posts: [
      // web.facebook.com links: one key and one canonical www url per post, whichever host served it
      w(P.dark, 'nightowl.photo', `${FB}/nightowl.photo/posts/${P.dark}`, 'Milky Way over the lake, 30 s exposure.', m(3456, 210, 98)),
      w('4455667788990011', 'luna.park', `${FB}/reel/4455667788990011`, 'Ferris wheel at dusk.', m(734, 12, undefined, r(89000, 89999))),
    ],
  },
  'logged-out.html': {
    url: `${FB}/fernbrookbakery`,
    posts: [
      w(P.loggedOut, 'fernbrookbakery', `${FB}/fernbrookbakery/posts/${P.loggedOut}`, 'Closed on Monday for a family wedding.', m(312, 25, 4)),
      w('246813579024680', 'fernbrookbakery', `${FB}/fernbrookbakery/posts/246813579024680`, 'Pumpkin loaves are back.', m(45, undefined, 2)),
    ],
  },
  'stripped.html': {
    url: `${FB}/`,
    posts: [
      w(P.stripped, 'stripped.one', `${FB}/stripped.one/posts/${P.stripped}`, 'A post whose counters we cannot read.', {}),
      w('135792468013579', 'stripped.two', `${FB}/stripped.two/posts/135792468013579`, 'Another one.', {}),
    ],
  },
};

describe('facebook fixtures', () => {
  for (const [file, { url, posts }] of Object.entries(EXPECTED)) {
    it(`${file}: every post, every count`, () => {
      const doc = load(file);
      const got = facebook.scan(doc, new URL(url));
      expect(got.map((o) => o.postId)).toEqual(posts.map((p) => p.postId));
      got.forEach((o, i) => {
        const want = posts[i]!;
        expect(o.site).toBe('facebook');
        expect(o.url, o.postId).toBe(want.url);
        expect(o.author, o.postId).toBe(want.author);
        expect(o.text, o.postId).toBe(want.text);
        expect(o.metrics, o.postId).toEqual(want.metrics);
        expect(o.publishedAt === undefined ? undefined : new Date(o.publishedAt).toISOString(), o.postId).toBe(want.publishedAt);
        expect(isObservation(o), `${o.postId} passes the background's validation`).toBe(true);
      });
    });
  }

  it('every post element gets a badge anchor: the metadata line holding its permalink', () => {
    for (const file of Object.keys(EXPECTED)) {
      const doc = load(file);
      for (const el of doc.querySelectorAll(facebook.postSelector)) {
        const anchor = facebook.badgeAnchor!(el);
        const obs = facebook.read(el, new URL(EXPECTED[file]!.url));
        if (!obs) {
          expect(anchor, `${file}: no post, no badge`).toBeUndefined();
          continue;
        }
        expect(anchor && el.contains(anchor), `${file} ${obs.postId}`).toBe(true);
        expect(anchor!.querySelector('a')?.getAttribute('href')).toContain(obs.postId);
      }
    }
  });

  it('nested comment articles are never posts; the login dialog is not an insights dialog', () => {
    const doc = load('post.html');
    const articles = Array.from(doc.querySelectorAll(SELECTORS.post));
    expect(articles).toHaveLength(3);
    expect(articles.slice(1).map((a) => facebook.read(a, new URL(FB)))).toEqual([undefined, undefined]);
    const lo = load('logged-out.html');
    const dialog = lo.querySelector(SELECTORS.insights)!;
    expect(facebook.read(dialog, new URL(FB))).toBeUndefined();
  });

  it('the insights dialog, read on its own, is the same observation as its post', () => {
    const doc = load('insights.html');
    const [article, dialog] = Array.from(doc.querySelectorAll(facebook.postSelector));
    const url = new URL(EXPECTED['insights.html']!.url);
    expect(facebook.read(dialog!, url)).toEqual(facebook.read(article!, url));
    // Without the post on the page: the insights alone
    article!.remove();
    const alone = facebook.read(dialog!, url)!;
    expect(alone.metrics).toEqual({ impressions: e(1234), reach: e(987), clicks: e(41) });
    expect(alone.author).toBe('fernbrookbakery');
  });
});

describe('facebook identity', () => {
  it.each([
    ['https://www.facebook.com/acme/posts/pfbid0abcdefghijKLMNOP?__cft__[0]=x', 'pfbid0abcdefghijKLMNOP', 'https://www.facebook.com/acme/posts/pfbid0abcdefghijKLMNOP'],
    ['/acme/posts/123456789', '123456789', 'https://www.facebook.com/acme/posts/123456789'],
    ['https://web.facebook.com/story.php?story_fbid=42424242&id=77', '42424242', 'https://www.facebook.com/permalink.php?story_fbid=42424242&id=77'],
    ['https://www.facebook.com/permalink.php?story_fbid=pfbid0abcdefghijKLMNOP&id=77', 'pfbid0abcdefghijKLMNOP', 'https://www.facebook.com/permalink.php?story_fbid=pfbid0abcdefghijKLMNOP&id=77'],
    ['https://www.facebook.com/groups/knit/posts/555/', '555', 'https://www.facebook.com/groups/knit/posts/555'],
    ['https://www.facebook.com/acme/videos/987/', '987', 'https://www.facebook.com/acme/videos/987'],
    ['https://www.facebook.com/watch/?v=654', '654', 'https://www.facebook.com/watch/?v=654'],
    ['https://www.facebook.com/reel/321', '321', 'https://www.facebook.com/reel/321'],
  ])('%s → %s', (href, postId, url) => {
    expect(permalink(href)).toMatchObject({ postId, url });
  });

  it.each([
    'https://www.facebook.com/acme/posts/123?comment_id=9',
    'https://www.facebook.com/acme/posts/123?reply_comment_id=9&comment_id=8',
    'https://www.facebook.com/photo/?fbid=123',
    'https://www.facebook.com/acme',
    'https://www.facebook.com/acme/posts/not-an-id',
    'https://www.facebook.com/acme/videos/pfbid0abcdefghijKLMNOP',
    'https://example.com/acme/posts/123',
    'https://www.facebook.com/permalink.php?id=77',
    'http://[bad',
    '',
    null,
  ])('%s is not a permalink', (href) => {
    expect(permalink(href as string | null)).toBeUndefined();
  });

  it('recycling: the same element re-read after its permalink changes gives the new identity and counts', () => {
    const doc = load('feed.html');
    const el = doc.querySelector('[aria-posinset="1"]')!;
    const url = new URL(FB);
    expect(facebook.read(el, url)!.postId).toBe(P.bakery);
    const link = Array.from(el.querySelectorAll('a')).find((a) => a.getAttribute('href')!.includes('/posts/'))!;
    link.setAttribute('href', 'https://www.facebook.com/otherpage/posts/111222333444555');
    el.querySelector('[data-ad-rendering-role="profile_name"] a')!.setAttribute('href', 'https://www.facebook.com/otherpage');
    const commentCount = Array.from(el.querySelectorAll('span')).find((s) => s.textContent === '87 comments')!;
    commentCount.textContent = '5 comments';
    const again = facebook.read(el, url)!;
    expect(again.postId).toBe('111222333444555');
    expect(again.author).toBe('otherpage');
    expect(again.url).toBe('https://www.facebook.com/otherpage/posts/111222333444555');
    expect(again.metrics.replies).toEqual(e(5));
  });

  it('matches its hosts, and adapterFor finds it', () => {
    expect(facebook.matches(new URL('https://www.facebook.com/'))).toBe(true);
    expect(facebook.matches(new URL('https://web.facebook.com/x'))).toBe(true);
    expect(facebook.matches(new URL('https://facebook.example.com/'))).toBe(false);
    expect(adapterFor('https://www.facebook.com/')?.id).toBe('facebook');
    expect(adapterFor('https://web.facebook.com/')?.id).toBe('facebook');
  });
});

describe('facebook bad input', () => {
  const post = (inner: string, href = '/acme/posts/123') =>
    `<div role="article" aria-posinset="1"><a href="${href}"><span>1h</span></a>${inner}</div>`;
  const read = (html: string, lang = 'en') => {
    const doc = parse(html, lang);
    return facebook.scan(doc, new URL(FB))[0];
  };

  it.each([
    ['-5 comments', 'replies'],
    ['1e9 comments', 'replies'],
    ['NaN shares', 'shares'],
    ['12,34,5,6 comments', 'replies'],
    ['99999999999999999999 views', 'views'],
  ])('"%s" → %s absent, no throw', (text, metric) => {
    const o = read(post(`<span>${text}</span>`));
    expect(o?.postId).toBe('123');
    expect(o!.metrics[metric as keyof Metrics]).toBeUndefined();
  });

  it('two disagreeing readings of one counter → absent', () => {
    const o = read(post('<span>12 comments</span><span>13 comments</span><span>4 shares</span>'))!;
    expect(o.metrics).toEqual({ shares: e(4) });
  });

  it('a garbled reactions label → reactions absent, and the "N reactions" text is not used instead', () => {
    const o = read(post('<div aria-label="All reactions: lots"></div><span>12 reactions</span>'))!;
    expect(o.metrics.likes).toBeUndefined();
  });

  it('a zero is a zero when printed', () => {
    expect(read(post('<span>0 comments</span>'))!.metrics.replies).toEqual(e(0));
  });

  it('an absurd data-utime is no time', () => {
    const o = read(post('', '/acme/posts/9').replace('<span>1h</span>', '<abbr data-utime="-1">1h</abbr>'))!;
    expect(o.publishedAt).toBeUndefined();
  });

  it('articles without a permalink, empty roots and odd nodes: nothing, no throw', () => {
    expect(read('<div role="article"><span>12 comments</span></div>')).toBeUndefined();
    expect(facebook.scan(parse(''), new URL(FB))).toEqual([]);
    const doc = parse(post('<span>3 shares</span>'));
    const el = doc.querySelector('[role="article"]')!;
    expect(facebook.scan(el, new URL(FB)).map((o) => o.postId)).toEqual(['123']);
    expect(facebook.read(doc.body, new URL(FB))).toBeUndefined();
    expect(facebook.badgeAnchor!(doc.body)).toBeUndefined();
    expect(() => facebook.scan({ querySelectorAll: () => { throw new Error('boom'); } } as unknown as ParentNode, new URL(FB))).not.toThrow();
  });

  it('an insights row with two numbers beside its label is not read', () => {
    const doc = parse(
      `<div role="dialog"><a href="/acme/posts/5">post</a><div><span>Views</span><span>1,234</span><span>+12%</span></div><div><span>Viewers</span><span>900</span></div></div>`,
    );
    expect(facebook.scan(doc, new URL(FB))[0]!.metrics).toEqual({ reach: e(900) });
  });
});
