import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Count } from '../../lib/count';
import { adapterFor } from '../../lib/sites';
import { SELECTORS, threads } from '../../lib/sites/threads';
import type { Metrics, PostObservation } from '../../lib/types';

const FIXTURES = path.resolve(__dirname, '../fixtures/threads');
const HOME = new URL('https://www.threads.com/');

function load(name: string): Document {
  const html = fs.readFileSync(path.join(FIXTURES, name), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}
function doc(body: string, lang = 'en'): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html lang="${lang}"><body>${body}</body></html>`,
    'text/html',
  ) as unknown as Document;
}

const e = (v: number): Count => ({ value: v, min: v, max: v, exact: true });
const iv = (min: number, max: number): Count => ({ value: min, min, max, exact: false });
/** likes, replies, reposts, shares, impressions (views); undefined = absent. */
function m(l?: Count, r?: Count, rp?: Count, s?: Count, views?: Count): Metrics {
  const out: Metrics = {};
  if (l) out.likes = l;
  if (r) out.replies = r;
  if (rp) out.reposts = rp;
  if (s) out.shares = s;
  if (views) out.impressions = views;
  return out;
}

interface Want {
  id: string;
  author: string;
  at?: string;
  metrics: Metrics;
}
const w = (id: string, author: string, at: string | undefined, metrics: Metrics): Want => ({ id, author, at, metrics });

const TABLE: Record<string, Want[]> = {
  'home.html': [
    w('DQx1aB2cD3e', 'lena.codes', '2026-11-28T08:15:00.000Z', m(e(42), e(7), e(3), e(1))),
    // pressed states ("Unlike", "Unrepost"), compact counts as intervals
    w('DQw9zZ8yY7x', 'marco_t', '2026-11-27T19:02:11.000Z', m(iv(12300, 12399), iv(1100, 1199), e(456), iv(2000, 2999))),
    // icon-only buttons: absent, not 0
    w('DQv5kL4mN3p', 'nora.bakes', '2026-11-28T06:40:00.000Z', m(e(5))),
    // age as plain text: no publishedAt
    w('DQu2hJ3gF4r', 'ollie', undefined, m(e(9), e(2))),
  ],
  'post.html': [
    w('DQt7pQ8rS9t', 'lena.codes', '2026-11-26T12:00:00.000Z', m(e(1234), e(89), e(23), e(15))),
    w('DQt8aA1bB2c', 'ben.k', '2026-11-26T12:30:00.000Z', m(e(31), e(2))),
    w('DQt9cC3dD4e', 'cara.dev', '2026-11-26T13:05:00.000Z', m(e(8))),
  ],
  'own.html': [
    w('DQs1eE5fF6g', 'me.writes', '2026-11-25T09:00:00.000Z', m(e(321), e(45), e(12), e(6), e(12345))),
    w('DQs2gG7hH8i', 'me.writes', '2026-11-24T09:00:00.000Z', m(e(3), undefined, undefined, undefined, iv(1200, 1299))),
  ],
  'es.html': [
    w('DQr1iI9jJ0k', 'pablo.mx', '2026-11-28T10:00:00.000Z', m(e(1234), e(56), e(7), e(2))),
    w('DQr2kK1lL2m', 'pablo.mx', '2026-11-27T10:00:00.000Z', m(iv(12300, 12399), e(8), undefined, undefined, e(2500))),
  ],
  'ja.html': [
    w('DQq1mM3nN4o', 'hana_jp', '2026-11-28T01:00:00.000Z', m(iv(12000, 12999), e(345), e(67), e(8))),
    w('DQq2oO5pP6q', 'kenji.s', '2026-11-27T17:30:00.000Z', m(e(12))),
  ],
  'dark.html': [
    w('DQp1qQ7rR8s', 'night.owl', '2026-11-28T23:59:59.000Z', m(e(777), e(21), e(4), e(3))),
    w('DQp2sS9tT0u', 'moth', '2026-11-28T22:00:00.000Z', m(iv(2_500_000, 2_599_999), iv(10000, 10999), e(99))),
  ],
  'logged-out.html': [
    w('DQo1uU1vV2w', 'public.figure', '2026-11-20T15:00:00.000Z', m(iv(45600, 45699), iv(1200, 1299), e(890), iv(3400, 3499))),
    w('DQo2wW3xX4y', 'public.figure', '2026-11-19T15:00:00.000Z', m(e(102), e(9))),
  ],
  'quote.html': [
    w('DQn1yY5zZ6a', 'quoter', '2026-11-28T11:00:00.000Z', m(e(15), e(3), e(1))),
    w('DQn2bB9cC0d', 'nester', '2026-11-28T12:00:00.000Z', m(e(4))),
  ],
  'stripped.html': [
    w('DQl1eE3fF4g', 'strip.a', '2026-11-28T11:00:00.000Z', {}),
    w('DQl2gG5hH6i', 'strip.b', '2026-11-28T10:00:00.000Z', {}),
  ],
};

describe('threads adapter over the hand-made fixtures', () => {
  for (const [file, wants] of Object.entries(TABLE)) {
    it(file, () => {
      const got = threads.scan(load(file), HOME);
      expect(got.map((o) => o.postId)).toEqual(wants.map((x) => x.id));
      got.forEach((o, i) => {
        const want = wants[i]!;
        expect(o.site).toBe('threads');
        expect(o.author).toBe(want.author);
        expect(o.url).toBe(`https://www.threads.com/@${want.author}/post/${want.id}`);
        expect(o.publishedAt, `${want.id} publishedAt`).toBe(want.at === undefined ? undefined : Date.parse(want.at));
        expect(o.metrics, `${want.id} metrics`).toEqual(want.metrics);
        expect(o.text).toBeTruthy();
      });
    });
  }

  it('quoted posts are never posts of their own and lend no numbers', () => {
    const got = threads.scan(load('quote.html'), HOME);
    expect(got.map((o) => o.postId)).not.toContain('DQm9aA7bB8c');
    expect(got.map((o) => o.postId)).not.toContain('DQm8cC1dD2e');
    const nested = load('quote.html').querySelectorAll(SELECTORS.post)[2]!;
    expect(threads.read(nested, HOME)).toBeUndefined();
    expect(got[0]!.text).not.toContain('Original words');
  });

  it('stripped page: containers found, no counters, no badge anchor', () => {
    const d = load('stripped.html');
    const els = Array.from(d.querySelectorAll(threads.postSelector));
    expect(els.length).toBe(2);
    for (const el of els) {
      expect(Object.keys(threads.read(el, HOME)!.metrics)).toEqual([]);
      expect(threads.badgeAnchor!(el)).toBeUndefined();
    }
  });

  it('badge anchor: the own action bar holding like and reply buttons', () => {
    for (const file of ['home.html', 'post.html', 'es.html', 'ja.html', 'dark.html', 'quote.html', 'own.html']) {
      const d = load(file);
      for (const el of Array.from(d.querySelectorAll(threads.postSelector))) {
        if (!threads.read(el, HOME)) continue;
        const bar = threads.badgeAnchor!(el);
        expect(bar, file).toBeDefined();
        expect(el.contains(bar!)).toBe(true);
        expect(bar!.querySelector(SELECTORS.icon)).not.toBeNull();
        expect(bar!.parentElement!.closest(SELECTORS.post)).toBe(el);
      }
    }
  });

  it('matches both hosts, and the registry picks it', () => {
    for (const u of ['https://www.threads.com/', 'https://www.threads.net/@a/post/DQx1aB2cD3e', 'https://threads.net/']) {
      expect(threads.matches(new URL(u))).toBe(true);
      expect(adapterFor(u)?.id).toBe('threads');
    }
    expect(threads.matches(new URL('https://www.threads.org/'))).toBe(false);
    expect(threads.matches(new URL('https://www.instagram.com/'))).toBe(false);
  });
});

const one = (likes: string, extra = '', lang = 'en') =>
  doc(
    `<div data-pressable-container="true"><a href="/@u/post/DQa1bC2dE3f"><time datetime="2026-11-01T00:00:00Z">1d</time></a>
     <div><div role="button"><svg aria-label="Like"></svg><span>${likes}</span></div>
     <div role="button"><svg aria-label="Reply"></svg></div></div>${extra}</div>`,
    lang,
  );
const readOne = (d: Document): PostObservation | undefined => threads.read(d.querySelector(SELECTORS.post)!, HOME);

describe('threads adapter on bad input', () => {
  it.each(['12abc', '1e99', '999999999999999', '1,2,3,4', '-5', '½', 'NaN', '١2'])('garbled "%s" → absent, no throw', (t) => {
    const o = readOne(one(t));
    expect(o?.postId).toBe('DQa1bC2dE3f');
    expect(o?.metrics.likes).toBeUndefined();
  });

  it('two like buttons that disagree → absent', () => {
    const d = one('5', '<div role="button"><svg aria-label="Like"></svg><span>6</span></div>');
    expect(readOne(d)?.metrics.likes).toBeUndefined();
  });

  it('a views link naming another post lends nothing', () => {
    const d = one('5', '<a href="/@u/post/DQzzzzzzzzz/insights"><span>99 views</span></a>');
    expect(readOne(d)?.metrics.impressions).toBeUndefined();
  });

  it('a date without a time, or garbage, is no publishedAt', () => {
    for (const dt of ['2026-11-01', 'yesterday', '', '2026-13-45T99:99:99Z']) {
      const d = doc(`<div data-pressable-container="true"><a href="/@u/post/DQa1bC2dE3f"><time datetime="${dt}">1d</time></a></div>`);
      expect(readOne(d)?.publishedAt).toBeUndefined();
    }
  });

  it('no post link, a malformed link or odd nodes → undefined, never throws', () => {
    for (const body of [
      '<div data-pressable-container="true"><span>no link</span></div>',
      '<div data-pressable-container="true"><a href="http://[bad"><time datetime="2026-11-01T00:00:00Z"></time></a></div>',
      '<div data-pressable-container="true"><a href="/post/"><time datetime="2026-11-01T00:00:00Z"></time></a></div>',
    ]) {
      const d = doc(body);
      expect(() => threads.scan(d, HOME)).not.toThrow();
      expect(readOne(d)).toBeUndefined();
      expect(threads.badgeAnchor!(d.querySelector(SELECTORS.post)!)).toBeUndefined();
    }
    expect(threads.scan(doc(''), HOME)).toEqual([]);
  });

  it('an untimed own link followed by a timed (quoted) one is ambiguous → undefined', () => {
    const d = doc(`<div data-pressable-container="true"><a href="/@u/post/DQa1bC2dE3f">3h</a>
      <div role="link"><a href="/@q/post/DQq9bC2dE3f"><time datetime="2026-11-01T00:00:00Z"></time></a></div></div>`);
    expect(readOne(d)).toBeUndefined();
  });
});

describe('fuzz regressions (test/fuzz, issue 8)', () => {
  // threads/quote.html pages 82 and 90: the quoting post's header (profile link + timestamp link) removed; the only
  // post link left was the quoted post's, inside its role=link box, and the post was recorded as DQm9aA7bB8c (the
  // quoted post) with its own counts. Whatever of the quoting post's own link goes, the quoted post's never names it.
  const quoting = (d: Document) => d.querySelector(SELECTORS.post)!;
  const ownLink = (d: Document) => quoting(d).querySelector('a[href="/@quoter/post/DQn1yY5zZ6a"]')!;
  const CASES: [string, (d: Document) => void][] = [
    ['its header removed', (d) => ownLink(d).parentElement!.remove()],
    ['its timestamp link removed', (d) => ownLink(d).remove()],
    ['its link\'s href dropped', (d) => ownLink(d).removeAttribute('href')],
    ['its link\'s href garbled', (d) => ownLink(d).setAttribute('href', 'zQxv')],
    ['its link moved after the quote box', (d) => quoting(d).firstElementChild!.append(ownLink(d))],
  ];
  it.each(CASES)('a quoting post with %s is not recorded as the post it quotes', (_, mutate) => {
    const d = load('quote.html');
    mutate(d);
    const o = threads.read(quoting(d), HOME);
    if (o) expect(o.postId).toBe('DQn1yY5zZ6a');
    expect(threads.scan(d, HOME).map((x) => x.postId)).not.toContain('DQm9aA7bB8c');
  });

  it('the quoting post, its link in place, still reads its own link and counts', () => {
    expect(threads.read(quoting(load('quote.html')), HOME)).toMatchObject({ postId: 'DQn1yY5zZ6a', metrics: m(e(15), e(3), e(1)) });
  });
});

describe('recycling', () => {
  it('the same element re-read after its link and counts change gives the new identity', () => {
    const d = load('home.html');
    const el = d.querySelector(SELECTORS.post)!;
    expect(threads.read(el, HOME)?.postId).toBe('DQx1aB2cD3e');
    const a = el.querySelector('a[href*="/post/"]')!;
    a.setAttribute('href', '/@someone.else/post/DQk1kK2kK3k');
    a.querySelector('time')!.setAttribute('datetime', '2026-10-01T00:00:00.000Z');
    el.querySelector('svg[aria-label="Like"]')!.closest('[role="button"]')!.querySelector('span.x1o0tod')!.textContent = '8';
    const o = threads.read(el, HOME)!;
    expect(o.postId).toBe('DQk1kK2kK3k');
    expect(o.author).toBe('someone.else');
    expect(o.url).toBe('https://www.threads.com/@someone.else/post/DQk1kK2kK3k');
    expect(o.publishedAt).toBe(Date.UTC(2026, 9, 1));
    expect(o.metrics.likes).toEqual(e(8));
  });
});
