import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Count } from '../../lib/count';
import { frequency, ctr } from '../../lib/metrics';
import { adapterFor, adapters } from '../../lib/sites';
import { youtube } from '../../lib/sites/youtube';
import { viewCountText } from '../../lib/sites/youtube-text';
import type { Metrics, PostObservation } from '../../lib/types';

const FIXTURES = path.resolve(__dirname, '../fixtures/youtube');

function load(name: string): Document {
  const html = fs.readFileSync(path.join(FIXTURES, name), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

const e = (v: number): Count => ({ value: v, min: v, max: v, exact: true });
const iv = (min: number, max: number): Count => ({ value: min, min, max, exact: false });
const views = (c: Count): Metrics => ({ views: c });

/** Where each fixture is served (the browser test uses the same addresses). */
const PAGES: Record<string, string> = {
  'home-2026.html': 'https://www.youtube.com/',
  'home-2024.html': 'https://www.youtube.com/',
  'subscriptions-dark.html': 'https://www.youtube.com/feed/subscriptions',
  'search-2025.html': 'https://www.youtube.com/results?search_query=harbour+lights',
  'watch.html': 'https://www.youtube.com/watch?v=WAtchPage01',
  'de-watch.html': 'https://www.youtube.com/watch?v=dEwatch0001',
  'de-search.html': 'https://www.youtube.com/results?search_query=hafenlichter',
  'shorts.html': 'https://www.youtube.com/shorts/rEel0000002',
  'channel.html': 'https://www.youtube.com/@harbourlights',
  'studio-reach.html': 'https://studio.youtube.com/video/sTudio00001/analytics/tab-reach_viewers/period-default',
  'stripped.html': 'https://www.youtube.com/',
};

interface Want {
  postId: string;
  author?: string;
  shorts?: true;
  metrics: Metrics;
}

const EXPECTED: Record<string, Want[]> = {
  // 2026 camelCase lockups; the Mix (a collection that opens hA1rbor0001) is not a post and leaves its numbers alone
  'home-2026.html': [
    { postId: 'hA1rbor0001', author: 'harbourlights', metrics: views(iv(1200000, 1299999)) },
    { postId: 'qU1etFern02', author: 'quietfern', metrics: views(e(847)) },
    { postId: 'sH0rtTile01', shorts: true, metrics: views(iv(5700, 5799)) }, // "5.7K views" and "5.7 thousand views"
    { postId: 'sH0rtTile02', shorts: true, metrics: views(e(31)) },
    { postId: 'nEwUpload03', author: 'tidepool_dev', metrics: views(e(0)) }, // "No views"
    { postId: 'l1veStream4', author: 'orbitnotes', metrics: {} }, // "2.1K watching" is not views
    // the channel "Million Views Club" (a link) and the title "Top 10 views…" are not its count
    { postId: 'cHannel0005', author: 'millionviewsclub', metrics: views(iv(12000, 12999)) },
  ],
  'home-2024.html': [
    { postId: 'oLdGrid0001', author: 'harbourlights', metrics: views(iv(3400000, 3499999)) },
    { postId: 'oLdGrid0002', author: 'tidepool_dev', metrics: views(e(987)) },
  ],
  'subscriptions-dark.html': [
    { postId: 'sUbFeed0001', author: 'harbourlights', metrics: views(iv(45000, 45999)) },
    { postId: 'sUbFeed0002', author: 'quietfern', metrics: views(e(1)) },
    { postId: 'sUbFeed0003', author: 'orbitnotes', metrics: {} }, // "12 waiting", scheduled
  ],
  'search-2025.html': [
    { postId: 'sEarch00001', author: 'harbourlights', metrics: views(iv(2500000, 2599999)) }, // chapter links agree
    { postId: 'sEarch00002', author: 'quietfern', metrics: views(e(563)) },
    { postId: 'sHelfTile01', shorts: true, metrics: views(iv(5700, 5799)) },
    { postId: 'sHelfTile02', shorts: true, metrics: views(iv(812000, 812999)) },
    { postId: 'sEarch00003', author: 'orbitnotes', metrics: {} }, // live: "1.4K watching"
    { postId: 'sHortVr0001', author: 'tidepool_dev', shorts: true, metrics: views(iv(31000, 31999)) },
  ],
  'watch.html': [
    // view-count-props numberValue (the tooltip and "1.4M views" agree); likes from the button's label, not "48K"
    { postId: 'WAtchPage01', author: 'harbourlights', metrics: { views: e(1402113), likes: e(48201) } },
    { postId: 'rElated0001', author: 'tidepool_dev', metrics: views(iv(88000, 88999)) },
    { postId: 'rElated0002', author: 'orbitnotes', metrics: views(iv(2300000, 2399999)) },
    { postId: 'cOmpact0001', metrics: views(iv(15000, 15999)) }, // the compact byline has no channel link
  ],
  'de-watch.html': [
    // props carry "" (collapsed): the tooltip's "12.840.948 Aufrufe" is exact; "12 Mio. Aufrufe" agrees
    { postId: 'dEwatch0001', author: 'hafenlichter', metrics: { views: e(12840948), likes: e(1234) } },
    { postId: 'dErelated01', author: 'gezeitenlabor', metrics: views(e(45678)) },
  ],
  'de-search.html': [
    { postId: 'dEsearch001', author: 'hafenlichter', metrics: views(e(1234)) },
    { postId: 'dEsearch002', author: 'gezeitenlabor', metrics: views(iv(1200000, 1299999)) },
    { postId: 'dElockup001', author: 'kainord', metrics: views(iv(45000, 45999)) }, // "45 Tsd. Aufrufe"
    { postId: 'dElockup002', author: 'stillewelle', metrics: views(e(987)) },
  ],
  // only the active reel, the one the address names; its label's 2,045 agrees with the "2K" it shows
  'shorts.html': [{ postId: 'rEel0000002', shorts: true, metrics: { likes: e(2045) } }],
  'channel.html': [
    { postId: 'cHvideo0001', metrics: views(iv(3100, 3199)) },
    { postId: 'cHvideo0002', metrics: views(e(640)) },
    { postId: 'cHshort0001', shorts: true, metrics: views(iv(1100000, 1199999)) },
    { postId: 'cHshort0002', shorts: true, metrics: views(e(77)) },
    { postId: 'gRidvid0001', metrics: views(iv(98000, 98999)) },
    { postId: 'gRidvid0002', metrics: views(e(5)) },
  ],
  // impressions "48.2K", views "5,214", unique viewers "3,977" → reach; the CTR "6.1%" is not turned into clicks
  'studio-reach.html': [
    { postId: 'sTudio00001', metrics: { impressions: iv(48200, 48299), views: e(5214), reach: e(3977) } },
  ],
  // containers and ids are there, every counter renamed: nothing read
  'stripped.html': [
    { postId: 'sTrip000001', author: 'harbourlights', metrics: {} },
    { postId: 'sTrip000002', author: 'quietfern', metrics: {} },
    { postId: 'sTrip000003', shorts: true, metrics: {} },
    { postId: 'sTrip000004', author: 'tidepool_dev', metrics: {} },
  ],
};

const shape = (o: PostObservation): Want => ({
  postId: o.postId,
  ...(o.author !== undefined ? { author: o.author } : {}),
  ...(o.url.includes('/shorts/') ? { shorts: true as const } : {}),
  metrics: o.metrics,
});

const scanFile = (file: string) => youtube.scan(load(file), new URL(PAGES[file]!));

describe('youtube.scan on hand-made fixtures', () => {
  it('every fixture has an address and a truth table', () => {
    expect(fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.html')).sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(Object.keys(PAGES).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.keys(EXPECTED))('%s', (file) => {
    const got = scanFile(file);
    expect(got.map(shape)).toEqual(EXPECTED[file]);
    for (const o of got) {
      expect(o.site).toBe('youtube');
      expect(o.url).toBe(
        o.url.includes('/shorts/') ? `https://www.youtube.com/shorts/${o.postId}` : `https://www.youtube.com/watch?v=${o.postId}`,
      );
      expect(o.publishedAt, 'relative ages never give a point in time').toBeUndefined();
      expect(o.promoted).toBeUndefined();
    }
  });

  it('each post element reads what scan returns for it (no element gives another video its numbers)', () => {
    for (const file of Object.keys(EXPECTED)) {
      const url = new URL(PAGES[file]!);
      const byId = new Map(scanFile(file).map((o) => [o.postId, o]));
      const doc = load(file);
      for (const el of Array.from(doc.querySelectorAll(youtube.postSelector))) {
        const o = youtube.read(el, url);
        if (o) expect(o, `${file} ${o.postId}`).toEqual(byId.get(o.postId));
      }
    }
  });

  it('titles come from the item itself', () => {
    const byId = (file: string) => new Map(scanFile(file).map((o) => [o.postId, o.text]));
    expect(byId('home-2026.html').get('hA1rbor0001')).toBe('Harbour lights at dusk, a full evening in 4K');
    expect(byId('home-2026.html').get('sH0rtTile01')).toBe('Gull steals a chip');
    expect(byId('search-2025.html').get('sEarch00001')).toBe('Harbour lights: the full documentary');
    expect(byId('home-2024.html').get('oLdGrid0001')).toBe('Rebuilding the pier, part 3');
    expect(byId('watch.html').get('WAtchPage01')).toBe('Harbour lights at dusk, a full evening in 4K');
    expect(byId('watch.html').get('cOmpact0001')).toBe('Harbour walk, 2019 (old upload)');
    expect(byId('channel.html').get('gRidvid0001')).toBe('Harbour lights at dusk (2015 cut)');
  });

  it('the stripped page has post containers but no counters (the popup\'s "not recognised")', () => {
    const doc = load('stripped.html');
    expect(doc.querySelectorAll(youtube.postSelector).length).toBe(4);
    expect(scanFile('stripped.html').every((o) => Object.keys(o.metrics).length === 0)).toBe(true);
  });
});

describe('list items: identity and honesty', () => {
  const HOME = new URL(PAGES['home-2026.html']!);

  it('re-derives identity from the element on every read (recycled lockup)', () => {
    const doc = load('home-2026.html');
    const lockup = doc.querySelectorAll('yt-lockup-view-model')[0]!;
    expect(youtube.read(lockup, HOME)!.postId).toBe('hA1rbor0001');
    // YouTube swaps the data in place: links, content-id and counts all change together
    for (const a of Array.from(lockup.querySelectorAll('a[href*="hA1rbor0001"]'))) a.setAttribute('href', '/watch?v=rEcycled001');
    const host = lockup.querySelector('.ytLockupViewModelHost')!;
    host.classList.replace('content-id-hA1rbor0001', 'content-id-rEcycled001');
    lockup.querySelectorAll('.ytContentMetadataViewModelMetadataText')[1]!.textContent = '77 views';
    const again = youtube.read(lockup, HOME)!;
    expect([again.postId, again.metrics]).toEqual(['rEcycled001', views(e(77))]);
  });

  it('a half-recycled item (its links or content-id disagree) is not read at all', () => {
    const doc = load('home-2026.html');
    const [a, b] = Array.from(doc.querySelectorAll('yt-lockup-view-model'));
    a!.querySelector('a.ytLockupViewModelContentImage')!.setAttribute('href', '/watch?v=sOmeoneElse');
    expect(youtube.read(a!, HOME)).toBeUndefined();
    b!.querySelector('.ytLockupViewModelHost')!.classList.replace('content-id-qU1etFern02', 'content-id-sOmeoneElse');
    expect(youtube.read(b!, HOME)).toBeUndefined();
    const vr = load('search-2025.html').querySelector('ytd-video-renderer')!;
    vr.querySelector('#endpoint')!.setAttribute('href', '/watch?v=oTherVideo1&t=60s'); // a chapter of another video
    expect(youtube.read(vr, HOME)).toBeUndefined();
  });

  it('an empty lockup (YouTube renders them empty first) is not a post yet', () => {
    const doc = load('home-2026.html');
    const lockup = doc.querySelector('yt-lockup-view-model')!;
    lockup.replaceChildren();
    expect(youtube.read(lockup, HOME)).toBeUndefined();
  });

  it('garbled or contradicting counts are absent, never a guess', () => {
    const doc = load('search-2025.html');
    const [vr1, vr2] = Array.from(doc.querySelectorAll('ytd-video-renderer')).slice(0, 2);
    vr1!.querySelector('#metadata-line > span')!.textContent = '99999999999999999999 views';
    expect(youtube.read(vr1!, HOME)!.metrics).toEqual({});
    vr2!.querySelector('#metadata-line > span')!.textContent = 'lots of views';
    expect(youtube.read(vr2!, HOME)!.metrics).toEqual({});
    const tile = doc.querySelector('ytm-shorts-lockup-view-model')!;
    tile.querySelector('h3')!.setAttribute('aria-label', 'Lighthouse keeper, 1 minute, 9.1 thousand views - play Short');
    expect(youtube.read(tile, HOME)!.metrics, '"5.7K" vs "9.1 thousand"').toEqual({});
    tile.querySelector('.shortsLockupViewModelHostOutsideMetadataSubhead')!.remove();
    expect(youtube.read(tile, HOME)!.metrics, 'the label alone').toEqual(views(iv(9100, 9199)));
  });

  it('a language whose word for views is unknown reads no views (an age would parse as a number)', () => {
    const doc = load('home-2026.html');
    doc.documentElement.setAttribute('lang', 'sw');
    const lockup = doc.querySelector('yt-lockup-view-model')!;
    expect(youtube.read(lockup, HOME)!.metrics).toEqual({});
    expect(viewCountText('3 years ago', 'en')).toBeNull();
    expect(viewCountText('12 年前', 'ja-JP')).toBeNull();
    expect(viewCountText('3.9万回視聴', 'ja-JP')).toEqual(iv(39000, 39999));
    expect(viewCountText('1,2 M de visualizaciones', 'es-ES')).toEqual(iv(1200000, 1299999));
    expect(viewCountText('45 K vues', 'fr')).toEqual(iv(45000, 45999));
    expect(viewCountText('조회수 1.2만회', 'ko')).toEqual(iv(12000, 12999));
  });
});

describe('the watch page', () => {
  const WATCH = new URL(PAGES['watch.html']!);
  const meta = (doc: Document) => doc.querySelector('ytd-watch-metadata')!;

  it('views fall back to the tooltip, then to the collapsed line (an interval)', () => {
    const doc = load('watch.html');
    const info = doc.querySelector('ytd-watch-info-text')!;
    info.setAttribute('view-count-props', '{"numberText":"","heightPx":20,"shouldAnimate":false}');
    expect(youtube.read(meta(doc), WATCH)!.metrics.views).toEqual(e(1402113));
    info.querySelector('#tooltip')!.remove();
    expect(youtube.read(meta(doc), WATCH)!.metrics.views).toEqual(iv(1400000, 1499999));
    info.removeAttribute('view-count-props');
    expect(youtube.read(meta(doc), WATCH)!.metrics.views).toEqual(iv(1400000, 1499999));
  });

  it('a garbled or self-contradicting view-count-props makes views absent (no fallback past it)', () => {
    for (const props of [
      '{"numberText":"1,402,113","numberValue":9}',
      '{"numberValue":-5}',
      '{"numberValue":"1402113"}',
      '{"numberText":"many"}',
      'not json',
      'null',
    ]) {
      const doc = load('watch.html');
      doc.querySelector('ytd-watch-info-text')!.setAttribute('view-count-props', props);
      expect(youtube.read(meta(doc), WATCH)!.metrics.views, props).toBeUndefined();
    }
    const doc = load('watch.html');
    doc.querySelector('ytd-watch-info-text')!.setAttribute('view-count-props', '{"numberText":"1.4M"}');
    expect(youtube.read(meta(doc), WATCH)!.metrics.views).toEqual(iv(1400000, 1499999));
  });

  it('likes: the label\'s full number; the shown number when the label has none; absent when they contradict', () => {
    const doc = load('watch.html');
    const button = doc.querySelector('like-button-view-model button')!;
    button.setAttribute('aria-label', 'I like this');
    expect(youtube.read(meta(doc), WATCH)!.metrics.likes).toEqual(iv(48000, 48999));
    button.setAttribute('aria-label', 'like this video along with 12,345 other people');
    expect(youtube.read(meta(doc), WATCH)!.metrics.likes, '12,345 vs "48K"').toBeUndefined();
    button.setAttribute('aria-label', 'like this video along with 48,201 other people and 3 more');
    expect(youtube.read(meta(doc), WATCH)!.metrics.likes, 'two numbers').toBeUndefined();
    button.setAttribute('aria-label', 'I like this');
    button.querySelector('.ytSpecButtonShapeNextButtonTextContent')!.textContent = 'Like';
    expect(youtube.read(meta(doc), WATCH)!.metrics.likes, 'likes hidden by the creator').toBeUndefined();
  });

  it('only the video the address names: a stale or hidden watch page is not read', () => {
    const doc = load('watch.html');
    expect(youtube.read(meta(doc), new URL('https://www.youtube.com/watch?v=nExtVideo01'))).toBeUndefined();
    expect(youtube.read(meta(doc), new URL('https://www.youtube.com/results?search_query=x'))).toBeUndefined();
    expect(youtube.read(meta(doc), new URL('https://www.youtube.com/shorts/WAtchPage01'))).toBeUndefined();
    meta(doc).setAttribute('video-id', 'nExtVideo01');
    expect(youtube.read(meta(doc), new URL('https://www.youtube.com/watch?v=nExtVideo01')), 'flexy still names the old one').toBeUndefined();
    const doc2 = load('watch.html');
    doc2.querySelector('ytd-watch-flexy')!.setAttribute('hidden', '');
    expect(youtube.read(meta(doc2), WATCH)).toBeUndefined();
    expect(youtube.scan(doc2, WATCH).map((o) => o.postId)).toEqual(['rElated0001', 'rElated0002', 'cOmpact0001']);
  });

  it('the comment count is not read: the comments section loads separately and can still be the previous video\'s', () => {
    expect(load('watch.html').querySelector('ytd-comments-header-renderer')).not.toBeNull();
    expect(youtube.read(meta(load('watch.html')), WATCH)!.metrics.replies).toBeUndefined();
  });
});

describe('the Shorts player', () => {
  const SHORTS = new URL(PAGES['shorts.html']!);
  it('reads only the active reel, with the id from the address', () => {
    const reels = Array.from(load('shorts.html').querySelectorAll('ytd-reel-video-renderer'));
    expect(reels.map((r) => youtube.read(r, SHORTS)?.postId)).toEqual([undefined, 'rEel0000002', undefined]);
    expect(youtube.read(reels[1]!, new URL('https://www.youtube.com/watch?v=rEel0000002'))).toBeUndefined();
    reels[1]!.removeAttribute('is-active');
    reels[2]!.setAttribute('is-active', '');
    // scrolled on: the address names the next reel, and that reel's own button is read
    expect(youtube.read(reels[2]!, new URL('https://www.youtube.com/shorts/rEel0000003'))).toEqual({
      site: 'youtube',
      postId: 'rEel0000003',
      url: 'https://www.youtube.com/shorts/rEel0000003',
      metrics: { likes: e(333) },
    });
  });

  it('the number beside the reel\'s like button checks its label; alone it gives an interval', () => {
    const doc = load('shorts.html');
    const reel = doc.querySelector('ytd-reel-video-renderer[is-active]')!;
    const shown = reel.querySelector('like-button-view-model label > div span[role="text"]')!;
    shown.textContent = '9K';
    expect(youtube.read(reel, SHORTS)!.metrics, '2,045 vs "9K"').toEqual({});
    shown.textContent = '2K';
    reel.querySelector('like-button-view-model button')!.setAttribute('aria-label', 'Like');
    expect(youtube.read(reel, SHORTS)!.metrics).toEqual({ likes: iv(2000, 2999) });
  });
});

describe('YouTube Studio', () => {
  const STUDIO = new URL(PAGES['studio-reach.html']!);
  const card = (doc: Document) => doc.querySelector('yta-key-metric-card')!;

  it('frequency is views ÷ unique viewers; CTR needs a shown click count', () => {
    const o = youtube.read(card(load('studio-reach.html')), STUDIO)!;
    const f = frequency(o.metrics, 'youtube')!;
    expect(f.numerator).toBe('views');
    expect(f.value).toBeCloseTo(5214 / 3977, 10);
    expect(ctr(o.metrics), 'no click count on the page: no CTR (6.1% is not multiplied back)').toBeUndefined();
  });

  it('"Views from impressions" shown as a count is recorded as clicks, so CTR is recomputed from counts', () => {
    const doc = load('studio-reach.html');
    const blocks = doc.querySelector('#key-metric-blocks')!;
    const extra = blocks.querySelector('yta-key-metric-block')!.cloneNode(true) as Element;
    extra.querySelector('#metric-label')!.textContent = 'Views from impressions';
    extra.querySelector('#metric-total')!.textContent = '2,941';
    blocks.append(extra);
    const o = youtube.read(card(doc), STUDIO)!;
    expect(o.metrics.clicks).toEqual(e(2941));
    expect(ctr(o.metrics)!.min).toBeCloseTo((2941 / 48299) * 100, 8);
  });

  it('every card reads the page\'s whole set; unreadable or disagreeing blocks make their counter absent', () => {
    const doc = load('studio-reach.html');
    const second = card(doc).cloneNode(true) as Element;
    card(doc).after(second);
    const [a, b] = Array.from(doc.querySelectorAll('yta-key-metric-card'));
    expect(youtube.read(b!, STUDIO)).toEqual(youtube.read(a!, STUDIO));
    second.querySelectorAll('#metric-total')[2]!.textContent = '6,000'; // "Views" now disagrees
    second.querySelectorAll('#metric-total')[3]!.textContent = '—'; // "Unique viewers" still loading
    expect(youtube.read(a!, STUDIO)!.metrics).toEqual({ impressions: iv(48200, 48299) });
  });

  it('only on studio.youtube.com, on a video\'s analytics page', () => {
    const c = card(load('studio-reach.html'));
    expect(youtube.read(c, new URL('https://www.youtube.com/watch?v=sTudio00001'))).toBeUndefined();
    expect(youtube.read(c, new URL('https://studio.youtube.com/channel/UCabcdefghijklmnopqrstuv/analytics/tab-overview'))).toBeUndefined();
    expect(youtube.read(c, new URL('https://studio.youtube.com/video/sTudio00001/edit'))).toBeUndefined();
    // and a YouTube list item shown inside Studio is not read there
    const lockup = load('home-2026.html').querySelector('yt-lockup-view-model')!;
    expect(youtube.read(lockup, STUDIO)).toBeUndefined();
  });
});

describe('badges, robustness, registry', () => {
  it('badgeAnchor: the item\'s metadata, the watch page\'s top row, the active reel\'s action bar, the Studio card', () => {
    const anchor = (file: string, selector: string, i = 0) =>
      youtube.badgeAnchor!(load(file).querySelectorAll(selector)[i]!);
    expect(anchor('search-2025.html', 'ytd-video-renderer')?.id).toBe('metadata-line');
    expect(anchor('home-2024.html', 'ytd-rich-grid-media')?.id).toBe('metadata-line');
    expect(anchor('home-2026.html', 'yt-lockup-view-model')?.localName).toBe('yt-content-metadata-view-model');
    expect(anchor('home-2026.html', 'ytm-shorts-lockup-view-model')?.className).toContain('OutsideMetadataSubhead');
    expect(anchor('watch.html', 'ytd-watch-metadata')?.id).toBe('top-row');
    expect(anchor('shorts.html', 'ytd-reel-video-renderer', 1)?.localName).toBe('reel-action-bar-view-model');
    expect(anchor('shorts.html', 'ytd-reel-video-renderer', 0)).toBeUndefined();
    expect(anchor('studio-reach.html', 'yta-key-metric-card')?.localName).toBe('yta-key-metric-card');
    const doc = load('home-2026.html');
    expect(youtube.badgeAnchor!(doc.createElement('div'))).toBeUndefined();
  });

  it('never throws', () => {
    const broken = { querySelectorAll: () => { throw new Error('boom'); } } as unknown as ParentNode;
    expect(youtube.scan(broken, new URL('https://www.youtube.com/'))).toEqual([]);
    const doc = load('search-2025.html');
    const first = doc.querySelector('ytd-video-renderer')!;
    first.querySelectorAll = () => { throw new Error('boom'); };
    const ids = youtube.scan(doc, new URL(PAGES['search-2025.html']!)).map((o) => o.postId);
    expect(ids).not.toContain('sEarch00001');
    expect(ids).toContain('sEarch00002');
    expect(youtube.read(doc.createElement('yt-lockup-view-model'), new URL('https://www.youtube.com/'))).toBeUndefined();
    expect(youtube.read(doc.createElement('ytd-watch-metadata'), new URL(PAGES['watch.html']!))).toBeUndefined();
    const bad = { localName: 'ytd-video-renderer', getAttribute: () => { throw new Error('boom'); } } as unknown as Element;
    expect(youtube.read(bad, new URL('https://www.youtube.com/'))).toBeUndefined();
    expect(youtube.badgeAnchor!(bad)).toBeUndefined();
  });

  it('scan accepts a single post element as root', () => {
    const lockup = load('home-2026.html').querySelector('yt-lockup-view-model')!;
    expect(youtube.scan(lockup, new URL('https://www.youtube.com/')).map((o) => o.postId)).toEqual(['hA1rbor0001']);
  });

  it.each<[string, boolean]>([
    ['https://www.youtube.com/', true],
    ['https://www.youtube.com/watch?v=WAtchPage01', true],
    ['https://m.youtube.com/', true],
    ['https://studio.youtube.com/video/sTudio00001/analytics/tab-overview/period-default', true],
    ['https://youtube.com.evil.example/', false],
    ['https://music.youtube.com/', false],
    ['https://www.youtube-nocookie.com/embed/abc', false],
  ])('%s → %s', (url, want) => {
    expect(youtube.matches(new URL(url))).toBe(want);
    expect(adapterFor(url) === youtube).toBe(want);
  });

  it('is registered', () => {
    expect(adapters).toContain(youtube);
    expect(youtube.id).toBe('youtube');
  });
});
