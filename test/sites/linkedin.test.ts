// LinkedIn adapter over the hand-made fixtures in test/fixtures/linkedin/ (see the selector table in
// lib/sites/linkedin.ts): both feed generations, the single-post page, the author's own cards, the post analytics
// page in English and French, German, dark theme and a stripped page; bad input and recycled nodes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Count } from '../../lib/count';
import { frequency, ctr } from '../../lib/metrics';
import { activityTime, linkedin, SELECTORS } from '../../lib/sites/linkedin';
import { feedCount } from '../../lib/sites/linkedin-labels';
import type { Metrics } from '../../lib/types';

const FIXTURES = path.resolve(__dirname, '../fixtures/linkedin');
const FEED = new URL('https://www.linkedin.com/feed/');

function load(name: string): Document {
  const html = fs.readFileSync(path.join(FIXTURES, name), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}
const e = (v: number): Count => ({ value: v, min: v, max: v, exact: true });
const urn = (id: string) => `urn:li:activity:${id}`;

interface Want {
  id: string;
  author?: string;
  metrics: Metrics;
  publishedAt: string;
}
interface Page {
  file: string;
  url: URL;
  posts: Want[];
}

const ANALYTICS_EN = '7532192668748846953';
const ANALYTICS_FR = '7532208243684481334';

const PAGES: Page[] = [
  {
    file: 'feed.html',
    url: FEED,
    posts: [
      { id: '7532005769521234381', author: 'ada-quill', publishedAt: '2026-11-27T09:01:53.354Z', metrics: { likes: e(1234), replies: e(87), reposts: e(12) } },
      { id: '7532021344456868762', author: 'northwind-labs', publishedAt: '2026-11-27T10:03:46.708Z', metrics: { likes: e(5) } },
      // visible number only (no aria); the reshared original inside does not change identity
      { id: '7532036919392503143', author: 'cato-ferns', publishedAt: '2026-11-27T11:05:40.062Z', metrics: { likes: e(2045), replies: e(3) } },
      // absurd reactions → absent; reposts aria 2 vs text 3 → absent
      { id: '7532052494328137524', author: 'eli-garbled', publishedAt: '2026-11-27T12:07:33.416Z', metrics: { replies: e(4) } },
    ],
  },
  {
    file: 'post.html',
    url: new URL('https://www.linkedin.com/feed/update/urn:li:activity:7532068069263771905/'),
    posts: [
      // a comment's "2 Reactions" is not the post's
      { id: '7532068069263771905', author: 'finn-harbor', publishedAt: '2026-11-27T13:09:26.770Z', metrics: { likes: e(48), replies: e(6), reposts: e(2) } },
    ],
  },
  {
    file: 'own.html',
    url: FEED,
    posts: [
      { id: '7532083644199406286', author: 'me-author', publishedAt: '2026-11-27T14:11:20.124Z', metrics: { likes: e(40), replies: e(9), impressions: e(1234) } },
    ],
  },
  {
    file: 'new-feed.html',
    url: FEED,
    posts: [
      // "500 reactions" in the post's own text is not a count
      { id: '7532099219135040667', author: 'bram-oak', publishedAt: '2026-11-27T15:13:13.478Z', metrics: { likes: e(1234), replies: e(56), reposts: e(7) } },
      { id: '7532114794070675048', author: 'cleo-birch', publishedAt: '2026-11-27T16:15:06.832Z', metrics: { likes: e(89), replies: e(4) } },
      { id: '7532145943941943810', author: 'me-author', publishedAt: '2026-11-27T18:18:53.540Z', metrics: { likes: e(15), impressions: e(3210) } },
    ],
  },
  {
    file: 'de.html',
    url: FEED,
    posts: [
      { id: '7532223818620115715', author: 'jonas-feld', publishedAt: '2026-11-27T23:28:20.310Z', metrics: { likes: e(1234), replies: e(12), reposts: e(3) } },
      { id: '7531990194585600000', author: 'bergwerk-gmbh', publishedAt: '2026-11-27T08:00:00.000Z', metrics: { likes: e(8) } },
    ],
  },
  {
    file: 'dark.html',
    url: FEED,
    posts: [{ id: '7532130369006309429', author: 'gina-night', publishedAt: '2026-11-27T17:17:00.186Z', metrics: { likes: e(731), replies: e(25) } }],
  },
  {
    file: 'analytics-en.html',
    url: new URL(`https://www.linkedin.com/analytics/post-summary/urn:li:activity:${ANALYTICS_EN}/`),
    posts: [
      {
        id: ANALYTICS_EN,
        publishedAt: '2026-11-27T21:24:33.602Z',
        metrics: {
          impressions: e(1234),
          reach: e(987),
          likes: e(56),
          replies: e(8),
          reposts: e(4),
          saves: e(11),
          shares: e(6),
          profileVisits: e(14),
          clicks: e(37),
        },
      },
    ],
  },
  {
    file: 'analytics-fr.html',
    url: new URL(`https://www.linkedin.com/analytics/post-summary/urn:li:activity:${ANALYTICS_FR}/`),
    posts: [
      {
        id: ANALYTICS_FR,
        publishedAt: '2026-11-27T22:26:26.956Z',
        metrics: { impressions: e(12345), reach: e(8230), likes: e(210), replies: e(31), reposts: e(9), saves: e(17), shares: e(5), profileVisits: e(22) },
      },
    ],
  },
];

describe('linkedin adapter: fixtures', () => {
  for (const page of PAGES) {
    it(`${page.file}: ids, authors, urls, counts, publishedAt`, () => {
      const doc = load(page.file);
      const got = linkedin.scan(doc, page.url);
      expect(got.map((o) => o.postId)).toEqual(page.posts.map((p) => urn(p.id)));
      page.posts.forEach((want, i) => {
        const o = got[i]!;
        expect(o.site).toBe('linkedin');
        expect(o.url).toBe(`https://www.linkedin.com/feed/update/urn:li:activity:${want.id}/`);
        expect(o.author, want.id).toBe(want.author);
        expect(o.metrics, want.id).toEqual(want.metrics);
        expect(new Date(o.publishedAt!).toISOString()).toBe(want.publishedAt);
      });
    });
  }

  it('every post element of a feed gets a badge anchor inside the post', () => {
    for (const file of ['feed.html', 'post.html', 'own.html', 'new-feed.html', 'de.html', 'dark.html']) {
      const doc = load(file);
      const url = file === 'post.html' ? PAGES[1]!.url : FEED;
      for (const el of doc.querySelectorAll(linkedin.postSelector)) {
        const obs = linkedin.read(el, url);
        if (!obs) continue;
        const anchor = linkedin.badgeAnchor!(el);
        expect(anchor, `${file} ${obs.postId}`).toBeDefined();
        expect(el.contains(anchor!)).toBe(true);
      }
    }
  });

  it('analytics page: one badge (after the first card header), same reading from every card', () => {
    const doc = load('analytics-en.html');
    const url = PAGES[6]!.url;
    const cards = Array.from(doc.querySelectorAll(SELECTORS.anaCard));
    expect(cards.length).toBe(5);
    const reads = cards.map((c) => linkedin.read(c, url));
    for (const r of reads) expect(r).toEqual(reads[0]);
    expect(cards.map((c) => linkedin.badgeAnchor!(c)?.textContent)).toEqual(['Discovery', undefined, undefined, undefined, undefined]);
    // the same page under another URL names no post
    expect(linkedin.read(cards[0]!, FEED)).toBeUndefined();
  });

  it('analytics page: frequency 1,234 ÷ 987 = 1.25, CTR 37 ÷ 1,234', () => {
    const obs = linkedin.scan(load('analytics-en.html'), PAGES[6]!.url)[0]!;
    expect(frequency(obs.metrics, 'linkedin')!.value).toBeCloseTo(1.2502, 3);
    expect(ctr(obs.metrics)!.value).toBeCloseTo(2.998, 2);
    const fr = linkedin.scan(load('analytics-fr.html'), PAGES[7]!.url)[0]!;
    expect(frequency(fr.metrics, 'linkedin')!.value).toBeCloseTo(1.5, 3);
    expect(ctr(fr.metrics)).toBeUndefined();
  });

  it('new feed: cards without their own activity link, or with two posts’ links, are not identified', () => {
    const doc = load('new-feed.html');
    const items = Array.from(doc.querySelectorAll(SELECTORS.newPost));
    expect(items.length).toBe(5);
    expect(linkedin.read(items[2]!, FEED)).toBeUndefined();
    expect(linkedin.read(items[4]!, FEED)).toBeUndefined();
  });

  it('stripped page: containers found, no counters', () => {
    const doc = load('stripped.html');
    const els = Array.from(doc.querySelectorAll(linkedin.postSelector));
    const reads = els.map((el) => linkedin.read(el, FEED)).filter((o) => o !== undefined);
    expect(reads.map((o) => o.postId).sort()).toEqual(
      ['7532240000000000001', '7532240000000000002', '7532240000000000003'].map(urn),
    );
    for (const o of reads) expect(o.metrics).toEqual({});
  });
});

describe('linkedin adapter: fuzz regressions (test/fuzz, issue 8)', () => {
  // A card without data-urn inside a data-urn element was taken for that element's own card: a card copied (or
  // moved) into another, its data-urn dropped, leaked its counts (Ada's 87 comments, 12 reposts) into the outer post.
  it('feed.html: a card moved or copied into another, its data-urn dropped, lends the outer post nothing', () => {
    for (const how of ['move', 'copy'] as const) {
      for (let i = 0; i < 4; i++) {
        for (let j = 0; j < 4; j++) {
          if (i === j) continue;
          const doc = load('feed.html');
          const cards = Array.from(doc.querySelectorAll(SELECTORS.classicPost));
          const before = linkedin.read(cards[i]!, FEED);
          const inner = how === 'move' ? cards[j]! : (cards[j]!.cloneNode(true) as Element);
          inner.removeAttribute('data-urn');
          cards[i]!.prepend(inner);
          expect(linkedin.read(cards[i]!, FEED), `${how} ${j} into ${i}`).toEqual(before);
          expect(linkedin.read(inner, FEED), `${how} ${j} into ${i}: not a post of its own`).toBeUndefined();
        }
      }
    }
  });

  it('a data-urn wrapper reads its own card, not a card naming another activity', () => {
    const card = (href: string, reposts: number) =>
      `<div class="feed-shared-update-v2"><a href="${href}">1d</a>
         <button aria-label="${reposts} reposts of Ada’s post" type="button"><span aria-hidden="true">${reposts} reposts</span></button></div>`;
    const page = (inner: string) =>
      new DOMParser().parseFromString(`<div data-urn="urn:li:activity:7532005769521234381">${inner}</div>`, 'text/html') as unknown as Document;
    const read = (d: Document) => linkedin.scan(d, FEED).map((o) => [o.postId, o.metrics.reposts?.value]);
    // the wrapper's own card (its link names the wrapper's activity, or no link at all): read as the wrapper's
    expect(read(page(card('/feed/update/urn:li:activity:7532005769521234381/', 12)))).toEqual([[urn('7532005769521234381'), 12]]);
    expect(read(page(card('/in/ada-quill', 12)))).toEqual([[urn('7532005769521234381'), 12]]);
    // another post's card: nothing of it is the wrapper's
    expect(read(page(card('/feed/update/urn:li:activity:7532021344456868762/', 12)))).toEqual([[urn('7532005769521234381'), undefined]]);
  });

  // linkedin/new-feed.html page 24 (FUZZ_SEED=12345 FUZZ_SCALE=3): Bram's card lost its activity link; Me Author's
  // card, moved into it, lost role=listitem: the outer card took the inner card's link (7532145943941943810) as its
  // own and recorded Bram's 56 comments and 7 reposts under it. A new-feed card holding two posts' text is not read.
  it('new-feed.html: a card moved into another and unmarked, the outer without its link, records nothing', () => {
    const doc = load('new-feed.html');
    const items = Array.from(doc.querySelectorAll(SELECTORS.newPost));
    const [bram, , , me] = items;
    expect(linkedin.read(me!, FEED)?.postId).toBe(urn('7532145943941943810'));
    bram!.querySelector('a[href*="urn:li:activity"]')!.removeAttribute('href');
    bram!.querySelector('._f0e1d2')!.append(me!);
    me!.setAttribute('role', 'LYtc');
    expect(linkedin.scan(doc, FEED).map((o) => o.postId)).not.toContain(urn('7532145943941943810'));
    expect(linkedin.read(bram!, FEED)).toBeUndefined();
  });

  // linkedin/analytics-fr.html page 162 (FUZZ_SCALE=3): the Discovery card (its Impressions item's class garbled)
  // moved into the Republications item of the social engagement card; that item paired the moved card's
  // "Impressions" label with its own value 9. A card or item inside another pairs its own labels and values only.
  it('analytics: a card moved into another card\'s item mixes no labels with values', () => {
    const url = PAGES[7]!.url;
    const whole = linkedin.scan(load('analytics-fr.html'), url)[0]!.metrics;
    for (const garble of [false, true]) {
      const doc = load('analytics-fr.html');
      const [discovery, , social] = Array.from(doc.querySelectorAll(SELECTORS.anaCard));
      if (garble) discovery!.querySelector(SELECTORS.anaItem)!.className = 'BxlJOp-QbFYnGJdy-LLxKB__cta-list-item';
      const reposts = Array.from(social!.querySelectorAll(SELECTORS.anaItem)).find((li) => li.textContent!.includes('Republications'))!;
      reposts.querySelector('.member-analytics-addon__cta-list-item-text')!.append(discovery!);
      const got = linkedin.scan(doc, url)[0]!.metrics;
      for (const [metric, c] of Object.entries(got)) expect(c, metric).toEqual(whole[metric as keyof typeof whole]);
      expect(got.reposts).toEqual(whole.reposts);
    }
  });
});

describe('linkedin adapter: ids, times, bad input', () => {
  it('activity ids carry the Unix ms in their top 41 bits', () => {
    // codingmatheus/linkedin-timestamp-extractor README's example post (AWS public IPv4 charges, Feb 2024)
    expect(new Date(activityTime('7163147469877407744')!).toISOString()).toBe('2024-02-13T12:30:41.663Z');
    expect(activityTime('123')).toBeUndefined();
    expect(activityTime('1000000000000000000')).toBeUndefined(); // 2001: before 2014, not a time
    expect(activityTime('9999999999999999999')).toBeUndefined(); // far future
  });

  it('reads count labels in English, German and French; rejects absurd numbers', () => {
    expect(feedCount('1,234 reactions')).toEqual(['likes', e(1234)]);
    expect(feedCount('13 comments on Ada’s post')).toEqual(['replies', e(13)]);
    expect(feedCount('1.234 Reaktionen', 'de')).toEqual(['likes', e(1234)]);
    expect(feedCount('1\u202f234 réactions', 'fr')).toEqual(['likes', e(1234)]);
    expect(feedCount('5 reposts')).toEqual(['reposts', e(5)]);
    expect(feedCount('Ada and 149 others')).toBeUndefined();
    expect(feedCount('500+ connections')).toBeUndefined();
    expect(feedCount('99999999999999999 reactions')).toEqual(['likes', 'bad']);
  });

  it('garbled markup: no throw, absent counters', () => {
    const doc = new DOMParser().parseFromString(
      `<div data-urn="urn:li:activity:abc"><button data-reaction-details aria-label="lots of reactions"></button></div>
       <div data-urn="urn:li:activity:7532005769521234381"><div class="social-details-social-counts">
         <button data-reaction-details aria-label="-5 reactions"><span class="social-details-social-counts__reactions-count">NaN</span></button>
         <li class="social-details-social-counts__comments"><button aria-label="1e99 comments">x</button></li></div></div>`,
      'text/html',
    ) as unknown as Document;
    const got = linkedin.scan(doc, FEED);
    expect(got.map((o) => o.postId)).toEqual([urn('7532005769521234381')]);
    expect(got[0]!.metrics.likes).toBeUndefined();
    expect(got[0]!.metrics.replies).toBeUndefined();
    expect(() => linkedin.scan(null as unknown as Document, FEED)).not.toThrow();
    expect(linkedin.read({} as Element, FEED)).toBeUndefined();
  });

  it('recycling: the same element re-read after its urn / link changes gives the new identity', () => {
    const doc = load('feed.html');
    const el = doc.querySelector(SELECTORS.classicPost)!;
    expect(linkedin.read(el, FEED)!.postId).toBe(urn('7532005769521234381'));
    el.setAttribute('data-urn', urn('7532021344456868762'));
    expect(linkedin.read(el, FEED)!.postId).toBe(urn('7532021344456868762'));

    const nd = load('new-feed.html');
    const item = nd.querySelector(SELECTORS.newPost)!;
    expect(linkedin.read(item, FEED)!.postId).toBe(urn('7532099219135040667'));
    item.querySelector('a[href*="urn:li:activity"]')!.setAttribute('href', '/feed/update/urn:li:activity:7532114794070675048/');
    expect(linkedin.read(item, FEED)!.postId).toBe(urn('7532114794070675048'));
  });

  it('matches www.linkedin.com only', () => {
    expect(linkedin.matches(new URL('https://www.linkedin.com/feed/'))).toBe(true);
    expect(linkedin.matches(new URL('https://www.linkedin.com.evil.example/feed/'))).toBe(false);
    expect(linkedin.matches(new URL('https://x.com/'))).toBe(false);
  });
});
