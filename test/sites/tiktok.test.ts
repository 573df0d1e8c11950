import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Count } from '../../lib/count';
import { adapterFor } from '../../lib/sites';
import { idTime, SELECTORS, tiktok } from '../../lib/sites/tiktok';
import type { Metrics } from '../../lib/types';

const FIXTURES = path.resolve(__dirname, '../fixtures/tiktok');

function load(name: string): Document {
  const html = fs.readFileSync(path.join(FIXTURES, name), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}
const doc = (html: string, lang = 'en') =>
  new DOMParser().parseFromString(`<html lang="${lang}"><body>${html}</body></html>`, 'text/html') as unknown as Document;

const e = (v: number): Count => ({ value: v, min: v, max: v, exact: true });
const iv = (min: number, max: number): Count => ({ value: min, min, max, exact: false });

interface Want {
  postId: string;
  author: string;
  publishedAt: string;
  metrics: Metrics;
}
const w = (postId: string, author: string, publishedAt: string, metrics: Metrics): Want => ({ postId, author, publishedAt, metrics });

const FEED = new URL('https://www.tiktok.com/foryou');
const PAGES: Record<string, { url: URL; posts: Want[] }> = {
  'foryou.html': {
    url: FEED,
    posts: [
      w('7556160017660692843', 'alice_bakes', '2025-10-01T08:00:00.000Z', {
        likes: iv(1_200_000, 1_299_999),
        replies: e(345),
        shares: iv(12_300, 12_399),
        saves: iv(45_600, 45_699),
      }),
      w('7556708977831106791', 'bob.rides', '2025-10-02T19:30:15.000Z', { likes: e(987), replies: e(0), shares: e(12), saves: e(3) }),
      // no player id, no avatar: identity from its own video link; no share counter → shares absent
      w('7549913445785408953', 'carol_cooks', '2025-09-14T12:00:07.000Z', { likes: iv(10_000, 10_999), replies: e(1234), saves: e(0) }),
    ],
  },
  'video.html': {
    url: new URL('https://www.tiktok.com/@dana.dance/video/7544513354287534846'),
    posts: [
      w('7544513354287534846', 'dana.dance', '2025-08-30T22:45:00.000Z', {
        views: iv(2_300_000, 2_399_999),
        likes: iv(56_700, 56_799),
        replies: e(890),
        saves: e(2345),
        shares: iv(1100, 1199),
      }),
    ],
  },
  'profile.html': {
    url: new URL('https://www.tiktok.com/@erin.art'),
    posts: [
      w('7557693624014154212', 'erin.art', '2025-10-05T11:11:11.000Z', { views: iv(1_500_000, 1_599_999) }),
      w('7558092752092087540', 'erin.art', '2025-10-06T13:00:00.000Z', { views: e(876) }),
      w('7558372898869717380', 'erin.art', '2025-10-07T07:07:07.000Z', { views: iv(12_500, 12_599) }),
    ],
  },
  'studio.html': {
    url: new URL('https://www.tiktok.com/tiktokstudio/analytics/7523262414285882135'),
    posts: [
      w('7523262414285882135', 'fern.studio', '2025-07-04T16:20:30.000Z', {
        impressions: e(1234),
        reach: e(987),
        likes: e(210),
        replies: e(34),
        shares: e(12),
        saves: e(56),
      }),
    ],
  },
  'ja.html': {
    url: FEED,
    posts: [
      w('7558912230902555035', 'hana_cafe', '2025-10-08T18:00:00.000Z', {
        likes: iv(34_000, 34_999),
        replies: iv(1500, 1599),
        saves: e(812),
        shares: e(97),
      }),
      w('7559319480464254829', 'sora.trip', '2025-10-09T20:20:20.000Z', { likes: e(2), replies: e(0), saves: e(0), shares: e(0) }),
    ],
  },
  'de.html': {
    url: new URL('https://www.tiktok.com/@lena.backt/video/7556873839589594041'),
    posts: [
      w('7556873839589594041', 'lena.backt', '2025-10-03T06:10:00.000Z', {
        views: iv(1_200_000, 1_299_999),
        likes: iv(45_600, 45_699),
        replies: e(1234),
        saves: e(3210),
      }),
    ],
  },
  'dark.html': {
    url: FEED,
    posts: [
      w('7557288734106726087', 'milo.music', '2025-10-04T09:00:00.000Z', {
        likes: iv(789_100, 789_199),
        replies: e(4321),
        saves: iv(20_200, 20_299),
        shares: iv(3300, 3399),
      }),
    ],
  },
  'logged-out.html': {
    url: new URL('https://www.tiktok.com/@gus.garden'),
    posts: [
      w('7523305617381394535', 'gus.garden', '2025-07-04T19:08:09.000Z', { views: iv(3_400_000, 3_499_999) }),
      w('7523305617381394536', 'gus.garden', '2025-07-04T19:08:09.000Z', { views: e(0) }),
    ],
  },
  'stripped.html': {
    url: FEED,
    posts: [
      w('7556160017660692844', 'ivy.knits', '2025-10-01T08:00:00.000Z', {}),
      w('7556708977831106792', 'jay.skates', '2025-10-02T19:30:15.000Z', {}),
    ],
  },
};

describe('tiktok adapter: hand-made fixtures', () => {
  for (const [file, { url, posts }] of Object.entries(PAGES)) {
    it(file, () => {
      const got = tiktok.scan(load(file), url);
      expect(got.map((p) => p.postId)).toEqual(posts.map((p) => p.postId));
      for (const [i, want] of posts.entries()) {
        const p = got[i]!;
        expect(p.site).toBe('tiktok');
        expect(p.author).toBe(want.author);
        expect(p.url).toBe(`https://www.tiktok.com/@${want.author}/video/${want.postId}`);
        expect(new Date(p.publishedAt!).toISOString()).toBe(want.publishedAt);
        expect(p.metrics, `${file} ${want.postId}`).toEqual(want.metrics);
      }
    });
  }

  it('reads each post element alone, as the scanner does (postSelector)', () => {
    const d = load('foryou.html');
    const els = Array.from(d.querySelectorAll(tiktok.postSelector));
    expect(els).toHaveLength(4); // the LIVE preview is a container with no identity
    expect(els.map((el) => tiktok.read(el, FEED)?.postId)).toEqual([...PAGES['foryou.html']!.posts.map((p) => p.postId), undefined]);
  });

  it('keeps text, never reads the related videos of a video page as the post', () => {
    const d = load('video.html');
    const [post] = tiktok.scan(d, PAGES['video.html']!.url);
    expect(post!.text).toBe('Spin class, but make it a dance #fitness');
    expect(tiktok.scan(d, PAGES['video.html']!.url)).toHaveLength(1);
  });

  it('stripped page: containers found, no counters', () => {
    const d = load('stripped.html');
    const els = Array.from(d.querySelectorAll(tiktok.postSelector));
    expect(els).toHaveLength(2);
    expect(els.every((el) => Object.keys(tiktok.read(el, FEED)!.metrics).length === 0)).toBe(true);
  });

  it('badge anchors: the action bar, the grid footer, the Studio card row', () => {
    const feed = load('foryou.html').querySelector(SELECTORS.feedItem)!;
    expect(tiktok.badgeAnchor!(feed)?.tagName).toBe('SECTION');
    const grid = load('profile.html').querySelector(SELECTORS.gridItem)!;
    expect(tiktok.badgeAnchor!(grid)?.querySelector('[data-e2e="video-views"]')).not.toBeNull();
    const studio = load('studio.html').querySelector(SELECTORS.studioPage)!;
    expect(tiktok.badgeAnchor!(studio)?.getAttribute('data-tt')).toBe('VideoOverviewPage_VideoMetrics_FlexRow');
    expect(tiktok.badgeAnchor!(load('foryou.html').body)).toBeUndefined();
  });
});

describe('tiktok adapter: identity', () => {
  it('publishedAt is the id’s top 32 bits, exact to the second', () => {
    expect(idTime('7556160017660692843')).toBe(Date.UTC(2025, 9, 1, 8, 0, 0));
    expect(idTime('123456789012345')).toBeUndefined(); // before TikTok: not a timestamp
    expect(idTime('99999999999999999999')).toBeUndefined(); // the future
    expect(idTime('nope')).toBeUndefined();
  });

  it('matches www.tiktok.com only, and is registered', () => {
    expect(tiktok.matches(new URL('https://www.tiktok.com/foryou'))).toBe(true);
    expect(tiktok.matches(new URL('https://tiktok.com.evil.example/'))).toBe(false);
    expect(adapterFor('https://www.tiktok.com/@a/video/7556160017660692843')?.id).toBe('tiktok');
  });

  it('recycling: the same element re-read after its player id and avatar change is the new video', () => {
    const d = load('foryou.html');
    const el = d.querySelector(SELECTORS.feedItem)!;
    expect(tiktok.read(el, FEED)?.postId).toBe('7556160017660692843');
    el.querySelector(SELECTORS.player)!.id = 'xgwrapper-0-7558092752092087540';
    el.querySelector(SELECTORS.feedAuthor)!.setAttribute('href', '/@newbie');
    el.querySelector('[data-e2e="like-count"]')!.textContent = '7';
    const again = tiktok.read(el, FEED)!;
    expect([again.postId, again.author, again.url]).toEqual([
      '7558092752092087540',
      'newbie',
      'https://www.tiktok.com/@newbie/video/7558092752092087540',
    ]);
    expect(again.metrics.likes).toEqual(e(7));
  });

  it('a half-recycled item naming two videos is no post', () => {
    const d = load('foryou.html');
    const el = d.querySelector(SELECTORS.feedItem)!;
    el.querySelector('[data-e2e="video-desc"]')!.innerHTML = '<a href="/@alice_bakes/video/7556708977831106791">old</a>';
    expect(tiktok.read(el, FEED)).toBeUndefined();
  });

  it('Studio: a header naming another video than the URL (SPA navigation in flight) is not read', () => {
    const d = load('studio.html');
    const el = d.querySelector(SELECTORS.studioPage)!;
    expect(tiktok.read(el, new URL('https://www.tiktok.com/tiktokstudio/analytics/7556160017660692843'))).toBeUndefined();
    expect(tiktok.read(el, new URL('https://www.tiktok.com/tiktokstudio/analytics/7523262414285882135/overview'))?.postId).toBe(
      '7523262414285882135',
    );
  });
});

describe('tiktok adapter: fuzz regressions (test/fuzz, issue 8)', () => {
  // tiktok/foryou.html page 3: alice's feed item ended up inside bob's; bob (7556708977831106791, 987 likes, 0
  // comments) read alice's likes 1.2M and comments 345. A feed item with another one moved or copied into it —
  // anywhere, even before its own player and counters — reads what it reads alone.
  for (const file of ['foryou.html', 'ja.html']) {
    for (const how of ['move', 'copy'] as const) {
      it(`${file}: an item ${how === 'move' ? 'moved' : 'copied'} into another does not change the outer item's reading`, () => {
        const url = PAGES[file]!.url;
        const n = load(file).querySelectorAll(tiktok.postSelector).length;
        let checked = 0;
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            if (i === j) continue;
            const d = load(file);
            const items = Array.from(d.querySelectorAll(tiktok.postSelector));
            const before = tiktok.read(items[i]!, url);
            if (!before) continue;
            items[i]!.prepend(how === 'move' ? items[j]! : items[j]!.cloneNode(true));
            expect(tiktok.read(items[i]!, url), `${file} ${i} ← ${j}`).toEqual(before);
            checked++;
          }
        }
        expect(checked).toBeGreaterThan(0);
      });
    }
  }
});

describe('tiktok adapter: fuzz regressions, Studio', () => {
  // tiktok/studio.html (FUZZ_SEED=12345 FUZZ_SCALE=4, page 423): a copy of the Studio page inside a card, between
  // its label and its value; the "Likes" card took the copy's first value (the views card's 1,234) for its own.
  it('a copy of the page inside a card lends no card its labels or values', () => {
    const url = PAGES['studio.html']!.url;
    const before = tiktok.scan(load('studio.html'), url);
    const n = load('studio.html').querySelectorAll(SELECTORS.studioCard).length;
    for (let k = 0; k < n; k++) {
      for (const where of ['before', 'after'] as const) {
        const d = load('studio.html');
        const page = d.querySelector(SELECTORS.studioPage)!;
        const label = d.querySelectorAll(SELECTORS.studioCard)[k]!.firstElementChild!;
        label[where](page.cloneNode(true));
        expect(tiktok.read(page, url), `copy ${where} the label of card ${k}`).toEqual(before[0]);
      }
    }
  });
});

describe('tiktok adapter: bad input', () => {
  const item = (like: string, extra = '') =>
    doc(
      `<article data-e2e="recommend-list-item-container"><div id="xgwrapper-0-7556160017660692843"></div>` +
        `<a data-e2e="video-author-avatar" href="/@z"></a><button><strong data-e2e="like-count">${like}</strong></button>${extra}</article>`,
    );

  it('garbled and absurd numbers are absent, never a throw', () => {
    for (const bad of ['', 'lots', '99999999999999999999', '-5', '1.2.3K', 'NaN', '1e9']) {
      const [p] = tiktok.scan(item(bad), FEED);
      expect(p?.metrics.likes, bad).toBeUndefined();
    }
  });

  it('Studio: an unreadable card, or two cards that disagree, is absent', () => {
    const studio = (cards: string, lang = 'en') =>
      doc(
        `<div data-tt="VideoOverviewPage_Container"><a data-tt="components_PostInfoCell_a" href="/@f/video/7523262414285882135"></a>${cards}</div>`,
        lang,
      );
    const card = (label: string, value: string) =>
      `<div data-tt="VideoOverviewPage_VideoMetricsCard_FlexItem"><span class="TUXText">${label}</span><span class="TUXText absolute-value">${value}</span></div>`;
    const url = new URL('https://www.tiktok.com/tiktokstudio/analytics/7523262414285882135');
    const [p] = tiktok.scan(studio(card('Video views', '--') + card('Likes', '5') + card('Likes', '6') + card('Reached audience', '40')), url);
    expect(p!.metrics).toEqual({ reach: e(40) });
    // French Studio: "3,4 k" read with the page's lang; an unknown label is skipped, not guessed
    const [q] = tiktok.scan(studio(card('Vues de vidéo', '3,4\u00a0k') + card('Mystery', '9'), 'fr'), url);
    expect(q!.metrics).toEqual({ impressions: iv(3400, 3499) });
  });

  it('odd nodes and links never throw', () => {
    expect(tiktok.scan(doc('<a href="http://[::1">x</a><div data-e2e="user-post-item"><a href="/@/video/1"></a></div>'), FEED)).toEqual([]);
    expect(tiktok.read(doc('<p>hi</p>').body, FEED)).toBeUndefined();
    expect(tiktok.scan(null as unknown as Document, FEED)).toEqual([]);
  });
});
