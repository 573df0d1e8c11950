// The YouTube adapter against the two real saved search pages in ../shared/fixtures/real/youtube (SingleFile
// captures from nwatab/search-navigator) and their truth file expected.json: every video id it lists is found, and
// the views each returns contain the truth (the en page: the interval its "1.6M views" stands for; the ja page: the
// exact count from the page's ytInitialData, while the DOM shows "3.9万回視聴"). The pages are read in place, never
// copied into this repository.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCount } from '../../lib/count';
import { youtube } from '../../lib/sites/youtube';
import type { PostObservation } from '../../lib/types';
import { closeInertPages, parseInertPage } from '../support/inert-page';

const REPO_ROOT = path.resolve(__dirname, '../..');
const REAL_DIR = path.resolve(REPO_ROOT, '../shared/fixtures/real/youtube');
const TRUTH_FILE = path.join(REAL_DIR, 'expected.json');
const MISSING = `real YouTube fixtures not found at ${REAL_DIR}`;

interface IntervalTruth {
  postId: string;
  text: string;
  min: number;
  max: number;
}
interface FileTruth {
  page_url: string;
  locale: string;
  views?: IntervalTruth[];
  exactViews?: Record<string, number>;
}
interface Truth {
  about: string;
  site: string;
  files: Record<string, FileTruth>;
}

const truth: Truth | undefined = fs.existsSync(TRUTH_FILE)
  ? (JSON.parse(fs.readFileSync(TRUTH_FILE, 'utf8')) as Truth)
  : undefined;

if (!truth) {
  if (process.env.CI === 'true') {
    describe('real YouTube fixtures', () => {
      it('are present in CI', () => {
        throw new Error(`${MISSING}; CI must run against them`);
      });
    });
  } else {
    console.warn(`${MISSING}: skipping test/sites/youtube.real.test.ts`);
  }
}

/** One window per page, loading nothing: SingleFile captures name stylesheets, scripts and frames. */
function parse(file: string, url: string): Document {
  return parseInertPage(fs.readFileSync(path.join(REAL_DIR, file), 'utf8'), url);
}
afterAll(closeInertPages);

const contains = (o: PostObservation | undefined, v: number) =>
  o?.metrics.views !== undefined && o.metrics.views.min <= v && v <= o.metrics.views.max;

describe.skipIf(!truth)('youtube.scan on real saved YouTube pages', () => {
  const files = Object.keys(truth?.files ?? {});

  it('the truth file lists both pages, and they are in the shared folder beside the repository', () => {
    expect(truth!.site).toBe('youtube');
    expect(files).toHaveLength(2);
    for (const file of files) expect(fs.existsSync(path.join(REAL_DIR, file)), file).toBe(true);
  });

  it.each(files)('%s', (file) => {
    const want = truth!.files[file]!;
    const url = new URL(want.page_url);
    const doc = parse(file, want.page_url);
    expect(doc.documentElement.getAttribute('lang')?.split('-')[0]).toBe(want.locale);
    const got = youtube.scan(doc, url);
    const byId = new Map(got.map((o) => [o.postId, o]));

    const expected: [string, number, number][] = want.views
      ? want.views.map((v) => [v.postId, v.min, v.max])
      : Object.entries(want.exactViews ?? {}).map(([id, n]) => [id, n, n]);
    expect(expected.length).toBeGreaterThan(10);
    for (const [id, min, max] of expected) {
      const o = byId.get(id);
      expect(o, `${id} found`).toBeDefined();
      // the reading contains the truth: for the en page the whole interval the text stands for, for ja the exact count
      expect(contains(o, min) && contains(o, max), `${id}: ${JSON.stringify(o?.metrics.views)} ∌ ${min}..${max}`).toBe(true);
      if (want.views) expect(o!.metrics.views, id).toEqual({ value: min, min, max, exact: min === max });
      expect(o!.url).toBe(`https://www.youtube.com/watch?v=${id}`);
      expect(o!.publishedAt).toBeUndefined();
    }

    // No count attached to the wrong video: every post the scan returns carries its own element's numbers. Each
    // video's views are re-read from each element that shows it (a list item, a Shorts shelf tile) and must agree.
    for (const el of Array.from(doc.querySelectorAll(youtube.postSelector))) {
      const o = youtube.read(el, url);
      if (!o) continue;
      const mine = byId.get(o.postId);
      expect(mine, `${o.postId} in the scan`).toBeDefined();
      if (o.metrics.views && mine!.metrics.views) {
        const a = o.metrics.views;
        const b = mine!.metrics.views;
        expect(a.min <= b.max && b.min <= a.max, `${o.postId}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`).toBe(true);
      }
    }
    // Each search result's views are the ones its own metadata line prints.
    for (const vr of Array.from(doc.querySelectorAll('ytd-video-renderer'))) {
      const own = Array.from(vr.querySelectorAll('#metadata-line > span'))
        .map((s) => s.textContent!.trim())
        .find((t) => / views?$|回視聴$/.test(t));
      const o = youtube.read(vr, url);
      expect(o, vr.querySelector('a#thumbnail')?.getAttribute('href') ?? '').toBeDefined();
      expect(o!.metrics.views).toEqual(parseCount(own!, want.locale));
    }
  });

  it('the en page: Shorts shelf tiles carry the shelf\'s own numbers, never a neighbouring result\'s', () => {
    const file = files.find((f) => truth!.files[f]!.locale === 'en')!;
    const doc = parse(file, truth!.files[file]!.page_url);
    const url = new URL(truth!.files[file]!.page_url);
    const tiles = Array.from(doc.querySelectorAll('ytm-shorts-lockup-view-model'));
    expect(tiles.length).toBeGreaterThan(10);
    for (const tile of tiles) {
      const o = youtube.read(tile, url)!;
      const href = tile.querySelector('a[href*="/shorts/"]')!.getAttribute('href')!;
      expect(href).toContain(`/shorts/${o.postId}`);
      expect(o.url).toBe(`https://www.youtube.com/shorts/${o.postId}`);
      const subhead = tile.querySelector('.shortsLockupViewModelHostOutsideMetadataSubhead')!.textContent!.trim();
      const label = tile.querySelector('h3')!.getAttribute('aria-label')!;
      expect(label).toMatch(/ views - play Short$/);
      const v = o.metrics.views!;
      expect(v, `${o.postId} "${subhead}"`).toBeDefined();
      // "12K views" and "12 thousand views" both stand for 12,000..12,999; "172 views" is exact
      expect(v, `${o.postId} "${subhead}"`).toEqual(parseCount(subhead, 'en'));
      expect(v, `${o.postId} "${label}"`).toEqual(parseCount(label.replace(/^.*, /, ''), 'en'));
    }
  });

  it('collections (Mix, playlist, course) are not videos: not read', () => {
    for (const file of files) {
      const want = truth!.files[file]!;
      const doc = parse(file, want.page_url);
      const collections = Array.from(doc.querySelectorAll('yt-lockup-view-model')).filter((l) =>
        l.querySelector('yt-collection-thumbnail-view-model'),
      );
      expect(collections.length, file).toBeGreaterThan(0);
      for (const l of collections) expect(youtube.read(l, new URL(want.page_url))).toBeUndefined();
    }
  });
});
