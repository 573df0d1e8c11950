// parseCount on the counts real pages show (../shared/fixtures/real, see SOURCES.md there): every visible,
// truncated count must parse to an interval that contains its truth.
//   X: each counter's visible text ("2.3K") against the full number in its own button's or link's aria-label
//      ("2370 reposts. Repost"). Not the focused tweet's views: "29.9K" beside the timestamp has no label of its own,
//      and the action bar's "30142 views" was updated live after it (dom-anchors.md §1, caveat) — not a truth pair.
//   YouTube: the en page's "1.6M views" against expected.json's intervals, its Shorts' "5.7 thousand views", and the
//      ja page's "3.9万回視聴" / "1047回視聴" against the exact counts of the page's own ytInitialData.
// The pages are other projects' public test data: read in place, never copied into this repository.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCount, type Count } from '../lib/count';

const REAL = path.resolve(__dirname, '../../shared/fixtures/real');
const present = fs.existsSync(path.join(REAL, 'x')) && fs.existsSync(path.join(REAL, 'youtube', 'expected.json'));

if (!present) {
  if (process.env.CI === 'true') {
    describe('real fixtures', () => {
      it('are present in CI', () => {
        throw new Error(`${REAL} is missing; CI must run test/count.real.test.ts against it`);
      });
    });
  } else {
    console.warn(`${REAL} is missing: skipping test/count.real.test.ts`);
  }
}

const read = (file: string) => fs.readFileSync(path.join(REAL, file), 'utf8');
// X fragments only: happy-dom would try to fetch the stylesheets of the full YouTube pages, so those are read with
// regular expressions (youtubeViews).
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
const contains = (c: Count | null, n: number) => c !== null && c.min <= n && n <= c.max;

interface Pair {
  file: string;
  visible: string;
  truth: number;
}

/** Every visible X counter with the full number of its own labelled button or link. */
function xPairs(): Pair[] {
  const dir = path.join(REAL, 'x');
  const files = [
    ...fs.readdirSync(dir).filter((f) => f.endsWith('.html')),
    ...fs.readdirSync(path.join(dir, 'rvinowise-twitter_bot')).filter((f) => f.endsWith('.html')).map((f) => `rvinowise-twitter_bot/${f}`),
  ];
  const pairs: Pair[] = [];
  for (const file of files) {
    const doc = parse(read(`x/${file}`));
    for (const span of Array.from(doc.querySelectorAll('span[data-testid="app-text-transition-container"]'))) {
      const visible = span.textContent?.trim() ?? '';
      if (!visible) continue;
      const label = span.closest('[aria-label]')?.getAttribute('aria-label') ?? null;
      if (label === null) continue; // the focused tweet's views: see above
      const truth = parseCount(label);
      if (!truth?.exact) throw new Error(`${file}: no full number for ${JSON.stringify(visible)} (label ${JSON.stringify(label)})`);
      pairs.push({ file, visible, truth: truth.value });
    }
  }
  return pairs;
}

describe.skipIf(!present)('X: visible counts contain the aria full numbers', () => {
  const pairs = present ? xPairs() : [];

  it('finds the pairs the issue names, and many more', () => {
    const has = (visible: string, truth: number) => pairs.some((p) => p.visible === visible && p.truth === truth);
    expect(has('2.3K', 2370)).toBe(true);
    expect(has('11K', 11313)).toBe(true);
    expect(has('2.5M', 2596467)).toBe(true);
    expect(pairs.length).toBeGreaterThanOrEqual(100);
    expect(pairs.filter((p) => /[KMB]$/.test(p.visible)).length).toBeGreaterThanOrEqual(20);
  });

  it.each(['en', undefined])('every visible count, read with locale %s', (locale) => {
    const bad = pairs.filter((p) => !contains(parseCount(p.visible, locale), p.truth));
    expect(bad.map((p) => `${p.file}: ${p.visible} vs ${p.truth} → ${JSON.stringify(parseCount(p.visible, locale))}`)).toEqual([]);
  });

  it('a compact text is an interval, a plain one is exact', () => {
    for (const p of pairs) {
      const c = parseCount(p.visible, 'en')!;
      expect(c.exact, p.visible).toBe(/^\d+$/.test(p.visible));
    }
  });
});

interface YtTruth {
  about: string;
  files: Record<string, { locale: string; views?: { postId: string; text: string; min: number; max: number }[]; exactViews?: Record<string, number> }>;
}

/**
 * Video id → visible view text of each ytd-video-renderer on a saved search page: its first watch link, and the
 * "views"/"回視聴" item of its #metadata-line (span.inline-metadata-item).
 */
function youtubeViews(html: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const chunk of html.split(/<ytd-video-renderer\b/).slice(1)) {
    const body = chunk.split(/<\/ytd-video-renderer>/)[0]!;
    const id = /watch\?v=([\w-]{11})/.exec(body)?.[1];
    const items = [...body.matchAll(/<span[^>]*class="?[^">]*inline-metadata-item[^>]*>([^<]*)</g)].map((m) => m[1]!.trim());
    const views = items.find((t) => /views?$|回視聴$/.test(t));
    if (id && views && !out.has(id)) out.set(id, views);
  }
  return out;
}

describe.skipIf(!present)('YouTube: visible view counts contain the truth', () => {
  const truth: YtTruth = present ? JSON.parse(read('youtube/expected.json')) : { about: '', files: {} };
  const entries = Object.entries(truth.files);

  it('has the two pages (en and ja-JP)', () => {
    expect(entries.map(([, f]) => f.locale).sort()).toEqual(['en', 'ja']);
  });

  it.each(entries)('%s', (file, page) => {
    const html = read(`youtube/${file}`);
    const lang = /<html[^>]*\blang="?([\w-]+)/i.exec(html)?.[1];
    expect(lang?.split('-')[0]).toBe(page.locale);
    const shown = youtubeViews(html);
    let checked = 0;
    for (const v of page.views ?? []) {
      const text = shown.get(v.postId);
      expect(text, v.postId).toBe(v.text);
      const c = parseCount(text!, lang);
      expect(c, text).not.toBeNull();
      expect(c!.min <= v.min && v.max <= c!.max, `${text} → ${JSON.stringify(c)} vs ${v.min}..${v.max}`).toBe(true);
      checked++;
    }
    for (const [id, n] of Object.entries(page.exactViews ?? {})) {
      const text = shown.get(id);
      expect(text, id).toBeDefined();
      expect(contains(parseCount(text!, lang), n), `${id}: ${text} vs ${n} → ${JSON.stringify(parseCount(text!, lang))}`).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(15);
  });

  it('the ja page shows the forms the issue names, truncated', () => {
    const [file] = entries.find(([, f]) => f.locale === 'ja')!;
    const shown = [...youtubeViews(read(`youtube/${file}`)).values()];
    expect(shown).toEqual(expect.arrayContaining(['3.9万回視聴', '107万回視聴']));
    expect(parseCount('3.9万回視聴', 'ja-JP')).toEqual({ value: 39000, min: 39000, max: 39999, exact: false });
  });

  it('Shorts labels ("5.7 thousand views"): long compact, truncated', () => {
    const [file] = entries.find(([, f]) => f.locale === 'en')!;
    const labels = [...read(`youtube/${file}`).matchAll(/aria-label="[^"]*?, ([\d.]+) (thousand|million) views - play Short"/g)];
    expect(labels.length).toBeGreaterThanOrEqual(3);
    expect(labels.some((m) => m[1] === '5.7')).toBe(true);
    for (const [, num, word] of labels) {
      // the interval the text stands for, computed apart from parseCount: digits × unit, + one unit of the last digit
      const decimals = num!.split('.')[1]?.length ?? 0;
      const unit = (word === 'thousand' ? 1e3 : 1e6) / 10 ** decimals;
      const min = Math.round(Number(num!.replace('.', '')) * unit);
      expect(parseCount(`${num} ${word} views`, 'en')).toEqual({ value: min, min, max: min + unit - 1, exact: false });
    }
  });

  it('the ja Shorts and other texts without a truth still read (3,491回視聴-style full numbers are exact)', () => {
    const [file] = entries.find(([, f]) => f.locale === 'ja')!;
    const all = [...read(`youtube/${file}`).matchAll(/>([^<>]{1,20}回視聴)</g)].map((m) => m[1]!);
    expect(all.length).toBeGreaterThanOrEqual(20);
    for (const t of all) {
      const c = parseCount(t, 'ja-JP');
      expect(c, t).not.toBeNull();
      expect(c!.exact, t).toBe(!t.includes('万'));
    }
  });
});
