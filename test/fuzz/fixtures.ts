// The pages the adapter fuzz mutates, each with its truth (see ./fuzz.ts): every hand-made fixture of
// test/fixtures/<site>/ at the address its unit test scans it with, and the real saved X and YouTube pages of
// ../shared/fixtures/real, read in place (never copied into this repository).
import fs from 'node:fs';
import path from 'node:path';
import { closeInertPages, parseInertPage } from '../support/inert-page';
import { adapters } from '../../lib/sites';
import { METRICS, type Metric, type SiteAdapter, type SiteId } from '../../lib/types';
import { loadRealXExpectations, REAL_X_MISSING, type RealXMetric } from '../fixtures/x-real-errata';
import type { FuzzFixture } from './fuzz';
import { fixtureUrl } from '../fixtures/urls';
import { addAllowed, allowedFromScan, type Allowed } from './truth';

const FIXTURES = path.resolve(__dirname, '../fixtures');
const adapter = (id: SiteId) => adapters.find((a) => a.id === id)!;


/**
 * Everything the unmutated page states, as the adapter reads it: every post element's own reading (a duplicate
 * id with other numbers states those too — the scan keeps only the first), and the readings with every
 * aria-label taken away (the visible text, which may lag the exact label: X's "1.3M Views" beside a label's
 * 1402113 — both are the page's statements; once a mutation spoils the label, the text is what is left), and
 * the readings with any one number source taken away (an aria-label, a text, an element holding digits, or its
 * class): where the page contradicts itself
 * (X's summary label says 10 likes, the like button 11) each side is a statement. The price: a misreading that
 * needs just that one removal to show would be taken for truth here — the readings of the unmutated page
 * themselves are pinned by test/sites.
 */
function statedBy(adapter: SiteAdapter, doc: Document, url: URL, into: Allowed = new Map()): Allowed {
  const readAll = (root: ParentNode) =>
    Array.from(root.querySelectorAll(adapter.postSelector)).flatMap((e) => adapter.read(e, url) ?? []);
  allowedFromScan(adapter.scan(doc, url), into);
  allowedFromScan(readAll(doc), into);
  // one number source at a time taken away (an aria-label, a text): what the post's other sources state
  for (const post of Array.from(doc.querySelectorAll(adapter.postSelector))) {
    const id = adapter.read(post, url)?.postId;
    if (!id || !into.has(id)) continue;
    const readBack = (undo: () => void) => {
      const o = adapter.read(post, url);
      undo();
      if (o?.postId === id) allowedFromScan([o], into);
    };
    for (const e of Array.from(post.getElementsByTagName('*'))) {
      const label = e.getAttribute('aria-label');
      if (label && /\d/.test(label)) {
        e.removeAttribute('aria-label');
        readBack(() => e.setAttribute('aria-label', label));
      }
      if (!/\d/.test(e.textContent ?? '')) continue;
      const cls = e.getAttribute('class');
      if (cls) {
        e.removeAttribute('class');
        readBack(() => e.setAttribute('class', cls));
      }
      const parent = e.parentNode!;
      const next = e.nextSibling;
      e.remove();
      readBack(() => parent.insertBefore(e, next));
      for (const n of Array.from(e.childNodes)) {
        if (n.nodeType !== 3 || !/\d/.test(n.textContent!)) continue;
        const text = (n as Text).data;
        (n as Text).data = '';
        readBack(() => ((n as Text).data = text));
      }
    }
  }
  const bare = doc.body.cloneNode(true) as Element;
  for (const e of Array.from(bare.querySelectorAll('[aria-label]'))) e.removeAttribute('aria-label');
  for (const o of readAll(bare)) if (into.has(o.postId)) allowedFromScan([o], into);
  return into;
}

/** Id fragments the page names in attributes outside every post element the adapter reads. */
function latentIds(adapter: SiteAdapter, doc: Document, url: URL): Set<string> {
  const posts = Array.from(doc.querySelectorAll(adapter.postSelector)).filter((e) => adapter.read(e, url));
  const out = new Set<string>();
  for (const e of Array.from(doc.body.getElementsByTagName('*'))) {
    if (!e.attributes.length || posts.some((p) => p.contains(e))) continue;
    for (const a of Array.from(e.attributes))
      for (const t of a.value.split(/[^A-Za-z0-9_-]+/)) if (t.length >= 6) out.add(t);
  }
  return out;
}

/** A fixture, parsed only when its test runs (44 real X pages held at once exhaust a worker's heap). */
export interface FixtureRef {
  name: string;
  make: () => FuzzFixture;
}

/**
 * Sites that hide a zero: Bluesky shows a button without a number for 0 (lib/sites/bluesky.ts reads it so), so a
 * mutation that removes a count states 0 for that post — any metric of any post may legitimately read 0.
 */
const ZERO_WHEN_ABSENT = new Set<SiteId>(['bluesky']);

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;

/** Every hand-made fixture of a site; truth = the adapter's scan of the unmutated page. */
export function handMade(site: SiteId): FixtureRef[] {
  const dir = path.join(FIXTURES, site);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((file) => {
      const name = `${site}/${file}`;
      const make = (): FuzzFixture => {
        const url = new URL(fixtureUrl(name));
        const doc = parse(fs.readFileSync(path.join(dir, file), 'utf8'));
        const a = adapter(site);
        const allowed = statedBy(a, doc, url);
        if (ZERO_WHEN_ABSENT.has(site)) for (const id of [...allowed.keys()]) for (const m of METRICS) addAllowed(allowed, id, m, [{ min: 0, max: 0 }]);
        return { name, adapter: a, url, doc, allowed, latent: latentIds(a, doc, url) };
      };
      return { name, make };
    });
}

const REAL = path.resolve(__dirname, '../../../shared/fixtures/real');
export const REAL_YOUTUBE_DIR = path.join(REAL, 'youtube');
export const REAL_YOUTUBE_MISSING = `real YouTube fixtures not found at ${REAL_YOUTUBE_DIR} (../shared is absent)`;
export { REAL_X_MISSING };

const X_METRIC: Record<RealXMetric, Metric> = {
  replies: 'replies',
  reposts: 'reposts',
  likes: 'likes',
  bookmarks: 'bookmarks',
  views: 'impressions', // X's "views" are impressions
};

/** The real X pages, truth = expected.json corrected by the errata; null when ../shared is absent. */
export function realX(): FixtureRef[] | null {
  const want = loadRealXExpectations();
  if (!want) return null;
  const x = adapter('x');
  const url = new URL(want.pageUrl || 'https://x.com/home');
  return want.files.map(({ file, path: p, posts }) => ({ name: `real x/${file}`, make: (): FuzzFixture => {
    const allowed: Allowed = new Map();
    for (const post of posts) {
      allowed.set(post.postId, new Map());
      for (const [k, v] of Object.entries(post.metrics) as [RealXMetric, number][])
        addAllowed(allowed, post.postId, X_METRIC[k], [{ min: v, max: v }]);
    }
    const doc = parse(fs.readFileSync(p, 'utf8'));
    // expected.json, plus what the visible text states where it lags the label (the saved pages do: "29.9K" by
    // a label's 30142) — see statedBy; only for the posts expected.json lists
    return { name: `real x/${file}`, adapter: x, url, doc, allowed: statedBy(x, doc, url, allowed), latent: latentIds(x, doc, url) };
  } }));
}

interface YouTubeTruth {
  files: Record<
    string,
    { page_url: string; views?: { postId: string; min: number; max: number }[]; exactViews?: Record<string, number> }
  >;
}

/** Close the happy-dom windows the real YouTube pages were parsed in. */
export const closeWindows = closeInertPages;

/**
 * The real YouTube pages, parsed in a window that loads nothing (SingleFile captures name stylesheets, scripts
 * and frames). Truth: expected.json's views; what it does not list, the unmutated page's scan. Null when absent.
 */
export function realYouTube(): FixtureRef[] | null {
  const truthFile = path.join(REAL_YOUTUBE_DIR, 'expected.json');
  if (!fs.existsSync(truthFile)) return null;
  const truth = JSON.parse(fs.readFileSync(truthFile, 'utf8')) as YouTubeTruth;
  const yt = adapter('youtube');
  return Object.entries(truth.files).map(([file, want]) => ({ name: `real youtube/${file}`, make: (): FuzzFixture => {
    const html = fs.readFileSync(path.join(REAL_YOUTUBE_DIR, file), 'utf8');
    const doc = parseInertPage(html, want.page_url);
    const url = new URL(want.page_url);
    const allowed = statedBy(yt, doc, url);
    const listed: [string, number, number][] = want.views
      ? want.views.map((v) => [v.postId, v.min, v.max])
      : Object.entries(want.exactViews ?? {}).map(([id, n]) => [id, n, n]);
    for (const [id, min, max] of listed) {
      if (!allowed.has(id)) allowed.set(id, new Map());
      allowed.get(id)!.set('views', [{ min, max }]);
    }
    return { name: `real youtube/${file}`, adapter: yt, url, doc, allowed, latent: latentIds(yt, doc, url) };
  } }));
}
