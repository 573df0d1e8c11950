import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Count } from '../../lib/count';
import { adapterFor } from '../../lib/sites';
import { instagram, SELECTORS } from '../../lib/sites/instagram';
import type { Metrics, PostObservation } from '../../lib/types';

const FIXTURES = path.resolve(__dirname, '../fixtures/instagram');
const IG = 'https://www.instagram.com';

function load(name: string): Document {
  const html = fs.readFileSync(path.join(FIXTURES, name), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}
function parse(html: string, lang = 'en'): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html lang="${lang}"><body><main role="main">${html}</main></body></html>`,
    'text/html',
  ) as unknown as Document;
}

const e = (v: number): Count => ({ value: v, min: v, max: v, exact: true });
const iv = (min: number, max: number): Count => ({ value: min, min, max, exact: false });

interface Want {
  postId: string;
  author?: string;
  publishedAt?: string;
  text?: string;
  metrics: Metrics;
}
const w = (postId: string, author: string, publishedAt: string, metrics: Metrics, text?: string): Want => ({
  postId,
  author,
  publishedAt,
  metrics,
  ...(text ? { text } : {}),
});

const CASES: Record<string, { url: string; posts: Want[] }> = {
  'home.html': {
    url: `${IG}/`,
    posts: [
      w('C8xYz12AbCd', 'alice_makes', '2026-11-20T10:00:00.000Z', { likes: e(1234), replies: e(56) }),
      // hidden like count ("Liked by bob_k and others"): likes absent
      w('DA1bC2dE3fG', 'nordic_trails', '2026-11-24T18:30:15.000Z', { replies: e(3) }),
      w('DBxq9LmN0pQ', 'beat_lab', '2026-11-27T07:05:00.000Z', { views: iv(45600, 45699), likes: e(8901), replies: e(1024) }),
      // "Be the first to like this", no comments link: absent, not 0
      w('DC0zeroLks1', 'quiet_pine', '2026-11-29T06:00:00.000Z', {}),
    ],
  },
  'post.html': {
    url: `${IG}/alice_makes/p/C9pOsT12345/`,
    posts: [
      w('C9pOsT12345', 'alice_makes', '2026-11-25T16:45:30.000Z', { likes: e(2048) }, 'Kiln opening after 14 hours. Every glaze survived.'),
    ],
  },
  'reel.html': {
    url: `${IG}/reel/DCreel98765/`,
    posts: [w('DCreel98765', 'beat_lab', '2026-10-31T20:00:00.000Z', { views: iv(987000, 987999), likes: e(45210) }, 'Polyrhythm practice, day 100')],
  },
  'insights.html': {
    url: `${IG}/p/DDinsight01/insights/`,
    posts: [
      w('DDinsight01', 'testuser', '2026-11-22T12:00:00.000Z', {
        impressions: e(1234),
        reach: e(987),
        likes: e(120),
        replies: e(14),
        shares: e(9),
        saves: e(31),
        profileVisits: e(45),
      }),
    ],
  },
  'home-pt.html': {
    url: `${IG}/`,
    posts: [
      w('DE4ptBR0001', 'praia_clara', '2026-11-21T13:20:00.000Z', { likes: e(12345), replies: e(1002) }),
      w('DE4ptBR0002', 'samba_reels', '2026-11-28T21:00:00.000Z', {
        views: iv(1_200_000, 1_299_999),
        likes: iv(98700, 98799),
        replies: e(845),
      }),
    ],
  },
  'post-es.html': {
    url: `${IG}/p/DF5esES0001/`,
    posts: [
      w('DF5esES0001', 'cocina_lupe', '2026-11-15T11:11:11.000Z', { views: e(3456), likes: e(1234), replies: e(27) }, 'Tortilla de patatas, paso a paso'),
    ],
  },
  'dark.html': {
    url: `${IG}/`,
    posts: [
      w('DG6dark0001', 'night_owl.photo', '2026-11-10T23:59:59.000Z', { likes: e(310422), replies: e(2210) }),
      w('DG6dark0002', 'moon_notes', '2026-11-11T01:00:00.000Z', { likes: e(1), replies: e(1) }),
    ],
  },
  'logged-out.html': {
    url: `${IG}/p/DH7out00001/`,
    posts: [w('DH7out00001', 'harbor_lights', '2026-09-01T06:30:00.000Z', { likes: e(5670) }, 'Foggy morning at the pier')],
  },
  'stripped.html': {
    url: `${IG}/`,
    posts: [
      w('DJ9strip001', 'renamed_one', '2026-11-01T10:00:00.000Z', {}),
      w('DJ9strip002', 'renamed_two', '2026-11-02T10:00:00.000Z', {}),
    ],
  },
};

const shape = (o: PostObservation): Want => ({
  postId: o.postId,
  author: o.author,
  publishedAt: o.publishedAt === undefined ? undefined : new Date(o.publishedAt).toISOString(),
  metrics: o.metrics,
  ...(o.text ? { text: o.text } : {}),
});

describe('instagram adapter over the hand-made fixtures', () => {
  for (const [file, { url, posts }] of Object.entries(CASES)) {
    it(`${file}: ids, authors, urls, counts, publishedAt`, () => {
      const doc = load(file);
      const u = new URL(url);
      expect(adapterFor(u)?.id).toBe('instagram');
      const obs = instagram.scan(doc, u);
      expect(obs.map(shape)).toEqual(posts);
      for (const o of obs) {
        expect(o.site).toBe('instagram');
        expect(o.url).toBe(`${IG}/p/${o.postId}/`);
      }
      // every container is read one by one too, and gets a badge anchor inside it
      const els = Array.from(doc.querySelectorAll(instagram.postSelector));
      expect(els.length).toBe(posts.length);
      for (const el of els) {
        expect(instagram.read(el, u)).toBeDefined();
        const anchor = instagram.badgeAnchor!(el);
        expect(anchor && el.contains(anchor)).toBe(true);
        expect(anchor!.tagName).toBe('SECTION');
      }
    });
  }

  it('stripped.html: containers found, no counters', () => {
    const obs = instagram.scan(load('stripped.html'), new URL(`${IG}/`));
    expect(obs.length).toBeGreaterThan(0);
    expect(obs.every((o) => Object.keys(o.metrics).length === 0)).toBe(true);
  });

  it('insights labels are only read on the post\'s own insights page', () => {
    const doc = load('insights.html');
    const [asPost] = instagram.scan(doc, new URL(`${IG}/p/DDinsight01/`));
    expect(asPost!.metrics).toEqual({});
    const [other] = instagram.scan(doc, new URL(`${IG}/p/SomeOther99/insights/`));
    expect(other!.metrics).toEqual({});
  });

  it('matches only www.instagram.com', () => {
    expect(instagram.matches(new URL(`${IG}/p/abc/`))).toBe(true);
    expect(instagram.matches(new URL('https://instagram.com.evil.example/'))).toBe(false);
    expect(instagram.matches(new URL('https://www.threads.com/'))).toBe(false);
  });

  it('has a selector table the fixtures exercise', () => {
    const all = Object.keys(CASES).map(load);
    for (const key of ['post', 'time', 'author', 'likedBy', 'comments', 'caption', 'actionBar'] as const) {
      expect(all.some((d) => d.querySelector(SELECTORS[key])), key).toBe(true);
    }
  });
});

const POST = (inner: string, code = 'Cabcdef1234') => `
  <article>
    <header><a href="/someone/">someone</a> <a href="/p/${code}/"><time datetime="2026-11-01T00:00:00.000Z">1d</time></a></header>
    <section><button>Like</button></section>
    ${inner}
  </article>`;

describe('instagram adapter on bad input', () => {
  const url = new URL(`${IG}/`);
  const read1 = (doc: Document, u = url) => instagram.read(doc.querySelector(SELECTORS.post)!, u);

  it('garbled and absurd numbers are absent, never thrown', () => {
    const doc = parse(
      POST(`<section><a href="/p/Cabcdef1234/liked_by/">99999999999999999999 likes</a></section>
            <a href="/p/Cabcdef1234/comments/">View all 1,2,3,4 comments</a>
            <span>∞ plays</span>`),
    );
    const o = read1(doc);
    expect(o?.postId).toBe('Cabcdef1234');
    expect(o?.metrics.likes).toBeUndefined();
    expect(o?.metrics.views).toBeUndefined();
    expect(o?.metrics.replies).toBeUndefined();
  });

  it('counter links naming another post are not this post\'s', () => {
    const doc = parse(
      POST(`<section><a href="/p/OtherPost99/liked_by/">500 likes</a></section>
            <a href="/p/OtherPost99/comments/">View all 7 comments</a>`),
    );
    expect(read1(doc)?.metrics).toEqual({});
  });

  it('conflicting insights values make the metric absent', () => {
    const doc = parse(
      POST(`<div><span>Views</span><span>1,234</span></div><div><span>Views</span><span>1,300</span></div>
            <div><span>Accounts reached</span><span>987</span></div><div><span>Saves</span><span>lots</span></div>`),
    );
    const o = read1(doc, new URL(`${IG}/p/Cabcdef1234/insights/`));
    expect(o?.metrics).toEqual({ reach: e(987) });
  });

  it('insights labels in pt-BR and es', () => {
    const pt = parse(
      POST(`<div><span>Visualizações</span><span>12.345</span></div><div><span>Contas alcançadas</span><span>9.876</span></div>
            <div><span>Curtidas</span><span>321</span></div><div><span>Seguidores</span><span>4</span></div>
            <div><span>Atividade do perfil</span><span>17</span></div>`),
      'pt-BR',
    );
    expect(read1(pt, new URL(`${IG}/p/Cabcdef1234/insights/`))?.metrics).toEqual({
      impressions: e(12345),
      reach: e(9876),
      likes: e(321),
      profileVisits: e(17),
    });
    const es = parse(
      POST(`<div><span>Visualizaciones</span><span>1.234</span></div><div><span>Cuentas alcanzadas</span><span>987</span></div>
            <div><span>Me gusta</span><span>55</span></div><div><span>Comentarios</span><span>6</span></div>`),
      'es',
    );
    expect(read1(es, new URL(`${IG}/reel/Cabcdef1234/insights/`))?.metrics).toEqual({
      impressions: e(1234),
      reach: e(987),
      likes: e(55),
      replies: e(6),
    });
  });

  it('bad timestamps leave publishedAt absent; no post link → no post', () => {
    const doc = parse(POST('').replace('2026-11-01T00:00:00.000Z', '3 years ago'));
    expect(read1(doc)?.publishedAt).toBeUndefined();
    const none = parse('<article><header><a href="/someone/">someone</a></header><span>12 likes</span></article>');
    expect(read1(none)).toBeUndefined();
    expect(instagram.badgeAnchor!(none.querySelector('article')!)).toBeUndefined();
  });

  it('never throws on odd roots and elements', () => {
    expect(instagram.scan(parse(''), url)).toEqual([]);
    const div = parse('<div></div>').querySelector('div')!;
    expect(() => instagram.read(div, url)).not.toThrow();
    expect(instagram.read(div, url)).toBeUndefined();
  });

  it('a recycled element is re-read with its new identity', () => {
    const doc = load('home.html');
    const el = doc.querySelector(SELECTORS.post)!;
    expect(instagram.read(el, url)?.postId).toBe('C8xYz12AbCd');
    for (const a of el.querySelectorAll('a[href*="C8xYz12AbCd"]')) {
      a.setAttribute('href', a.getAttribute('href')!.replace('C8xYz12AbCd', 'CnewCode777'));
    }
    el.querySelector('header a')!.setAttribute('href', '/new_owner/');
    const again = instagram.read(el, url);
    expect(again?.postId).toBe('CnewCode777');
    expect(again?.url).toBe(`${IG}/p/CnewCode777/`);
    expect(again?.author).toBe('new_owner');
    expect(again?.metrics.likes).toEqual(e(1234));
    // its counter links still naming the old post are not read as the new post's
    el.querySelector(SELECTORS.likedBy)!.setAttribute('href', '/p/C8xYz12AbCd/liked_by/');
    expect(instagram.read(el, url)?.metrics.likes).toBeUndefined();
  });
});
