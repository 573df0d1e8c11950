// Browser-test harness: the built extension in Debian's Chromium (headless), fixture pages served
// under the real hostnames by request routing (nothing reaches the network), and the CSV export
// captured as a real browser download.
//
// Downloads: Playwright sets its own download behaviour on launch ("allowAndName" with
// acceptDownloads, "deny" without). Under it, Chromium names the file after the download's GUID and
// drops the `filename` an extension passes to chrome.downloads.download. So after launch we reset the
// browser to its default behaviour (CDP Browser.setDownloadBehavior {behavior: 'default'}) with the
// profile's download directory seeded in Preferences: the file then lands in our temp directory under
// the extension's own name, as it would for a user. downloadVia() waits on chrome.downloads.search() until
// the item is complete and reads the file from disk. Verified on Chromium 156 headless=new.
import { afterAll, afterEach, beforeAll } from 'vitest';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { extensionArgs, findChromium, NO_CHROMIUM } from '../../scripts/chromium.mjs';

// The bits of the extension API that functions passed to evaluate() use; they run inside the
// extension (service worker or extension page), where `chrome` exists. Typed here, not globally.
interface DownloadItemLike {
  id: number;
  state: 'in_progress' | 'interrupted' | 'complete';
  filename: string;
  error?: string;
  url: string;
}
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: { query(q: { url?: string | string[] }): Promise<{ id?: number; url?: string }[]> };
  downloads: { search(q: object): Promise<DownloadItemLike[]> };
};

export const REPO = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = join(REPO, process.env.WXT_OUT_DIR || '.output', 'chrome-mv3');
export const FIXTURES = join(REPO, 'test/fixtures');


export interface Extension {
  context: BrowserContext;
  extensionId: string;
  /** The extension's service worker (as first seen; use `worker()` for the live one). */
  serviceWorker: Worker;
  /** The live service worker: MV3 workers can be stopped and restarted. */
  worker(): Promise<Worker>;
  /** Where the browser saves downloads. */
  downloadDir: string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /**
   * The browser's UI language (e.g. 'de', 'pt-BR'): what browser.i18n picks the extension's strings by, and the
   * locale Intl formats in. Default English (en-US).
   */
  lang?: string;
}

export async function launchExtension({ lang }: LaunchOptions = {}): Promise<Extension> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(
      `No extension build at ${EXTENSION_DIR}. Run \`npm run build\` first (\`npm run test:e2e\` builds before testing).`,
    );
  }
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM);
  const userDataDir = mkdtempSync(join(tmpdir(), 'postmeter-profile-'));
  const downloadDir = mkdtempSync(join(tmpdir(), 'postmeter-downloads-'));
  mkdirSync(join(userDataDir, 'Default'));
  writeFileSync(
    join(userDataDir, 'Default', 'Preferences'),
    JSON.stringify({ download: { default_directory: downloadDir, prompt_for_download: false, directory_upgrade: true } }),
  );

  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1000, height: 800 },
    locale: lang ?? 'en-US',
    // Chromium on Linux takes its UI language from --lang and LANGUAGE; browser.i18n follows it.
    args: [...extensionArgs(EXTENSION_DIR), ...(lang ? [`--lang=${lang}`] : [])],
    ...(lang ? { env: { ...process.env, LANGUAGE: lang.replace('-', '_') } } : {}),
  });
  const cleanup = () => {
    rmSync(userDataDir, { recursive: true, force: true });
    rmSync(downloadDir, { recursive: true, force: true });
  };
  try {
    const browser = context.browser();
    if (!browser) throw new Error('persistent context has no browser handle');
    const cdp = await browser.newBrowserCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'default' });

    const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://');
    const serviceWorker =
      context.serviceWorkers().find(isOurs) ??
      (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 }));
    const extensionId = new URL(serviceWorker.url()).host;

    return {
      context,
      extensionId,
      serviceWorker,
      downloadDir,
      async worker() {
        const live = context.serviceWorkers().find(isOurs);
        if (live) return live;
        // Stopped (idle): a runtime message from an extension page starts it again.
        const waiting = context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 });
        const page = await context.newPage();
        try {
          await page.goto(`chrome-extension://${extensionId}/popup.html`);
          await page.evaluate(() => chrome.runtime.sendMessage({ type: 'postmeter-test-wake' }).catch(() => undefined));
          return await waiting;
        } finally {
          await page.close();
        }
      },
      async close() {
        await context.close();
        cleanup();
      },
    };
  } catch (error) {
    await context.close().catch(() => undefined);
    cleanup();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Serving fixture pages offline

export interface Fixture {
  body: string | Buffer;
  contentType?: string;
  status?: number;
}
export type Route = string | Fixture;

export interface SiteServer {
  /** Serve (or replace) the page at this exact URL (the query counts, the hash does not). */
  set(url: string, route: Route): void;
  /** Requests that were aborted because nothing routed them (other hosts). */
  blocked: string[];
  /** Requests to a served host that had no route (answered 404). */
  missing: string[];
}

/**
 * Fulfils requests to the given URLs (real hostnames: https://x.com/home) from fixture text; HTML goes
 * through asDocument(). Other paths on a served host get 404; every other http(s) request (avatars on
 * X's CDN, say) is aborted, so nothing reaches the network. Extension pages are not routed.
 */
export async function serveSite(context: BrowserContext, routes: Record<string, Route> = {}): Promise<SiteServer> {
  const table = new Map<string, Fixture>();
  const hosts = new Set<string>();
  const server: SiteServer = {
    blocked: [],
    missing: [],
    set(url, route) {
      const u = new URL(url);
      u.hash = '';
      hosts.add(u.host);
      table.set(u.href, typeof route === 'string' ? { body: route } : route);
    },
  };
  for (const [url, route] of Object.entries(routes)) server.set(url, route);

  await context.route(
    (url) => url.protocol === 'http:' || url.protocol === 'https:',
    async (route) => {
      const u = new URL(route.request().url());
      u.hash = '';
      const fixture = table.get(u.href);
      if (fixture) {
        const isText = typeof fixture.body === 'string';
        return route.fulfill({
          status: fixture.status ?? 200,
          contentType: fixture.contentType ?? 'text/html; charset=utf-8',
          body: isText && (fixture.contentType ?? 'text/html').startsWith('text/html') ? asDocument(fixture.body as string) : fixture.body,
        });
      }
      if (hosts.has(u.host)) {
        server.missing.push(u.href);
        return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not in the fixture set' });
      }
      server.blocked.push(u.href);
      return route.abort('blockedbyclient');
    },
  );
  return server;
}

/**
 * Saved and hand-made pages come without X's stylesheet, and an SVG icon without one renders at the
 * default 300×150: a tweet with a dozen icons becomes several screens tall. This gives icons about the
 * size X gives them (1.25em), so pages lay out roughly as they did on x.com. Nothing else is styled.
 */
export const ICON_STYLE = '<style data-test-harness>svg { width: 1.25em; height: 1.25em; }</style>';

/**
 * A fragment wrapped in a minimal English document; a full document kept as it is. Both get ICON_STYLE
 * (first in <head>, so a page's own rules win).
 */
export function asDocument(html: string): string {
  if (!/<html[\s>]/i.test(html.slice(0, 4000))) {
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>X</title>${ICON_STYLE}</head><body>${html}</body></html>`;
  }
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + ICON_STYLE + html.slice(head.index + head[0].length);
  return html.replace(/<html[^>]*>/i, (tag) => `${tag}<head>${ICON_STYLE}</head>`);
}

export function readFixture(...parts: string[]): string {
  return readFileSync(join(FIXTURES, ...parts), 'utf8');
}

// ---------------------------------------------------------------------------------------------
// Page helpers

/**
 * Scrolls the page through, most of a viewport at a time, then (unless `revisit` is false) brings every
 * tweet into view once more, waiting so IntersectionObserver callbacks and the scanner's batches run.
 */
export async function scrollThrough(
  page: Page,
  { stepMs = 120, selector = 'article', revisit = true } = {},
): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(stepMs);
  for (let i = 0; i < 500; i++) {
    const done = await page.evaluate(() => {
      const before = window.scrollY;
      window.scrollBy(0, Math.max(200, Math.floor(window.innerHeight * 0.8)));
      const end = document.scrollingElement ?? document.documentElement;
      return window.scrollY === before || window.scrollY + window.innerHeight >= end.scrollHeight - 1;
    });
    await page.waitForTimeout(stepMs);
    if (done) break;
  }
  if (!revisit) return;
  for (const article of await page.locator(selector).all()) {
    await article.scrollIntoViewIfNeeded().catch(() => undefined);
    await page.waitForTimeout(Math.min(stepMs, 50));
  }
  await page.waitForTimeout(stepMs * 2);
}

/**
 * The content script sends what it read in batches, at most this long after reading (the scanner's
 * sendEveryMs). A test that leaves a page must wait this long after the badges appear, or the last
 * batch leaves with the page.
 */
export const BATCH_MS = 1000;

/** Waits until the content script's last batch has been sent to the background. */
export async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(BATCH_MS + 300);
}

export interface PageErrors {
  /** Uncaught exceptions and console errors, each as text. */
  errors: string[];
}

/**
 * Collects uncaught exceptions and console errors (from the page and the content script's world).
 * Chromium's own "Failed to load resource" lines are left out: they report fixture images that are
 * deliberately not served (404 or blocked), not faults in code.
 */
export function collectPageErrors(page: Page): PageErrors {
  const found: PageErrors = { errors: [] };
  page.on('pageerror', (error) => found.errors.push(`pageerror: ${error.stack ?? error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (/^Failed to load resource\b/.test(text)) return;
    found.errors.push(`console.error: ${text}`);
  });
  return found;
}

/** The tab id Chromium gives this page, asked of the extension's service worker. */
export async function tabIdOf(ext: Extension, page: Page): Promise<number> {
  const url = page.url();
  const worker = await ext.worker();
  const tabs = await worker.evaluate(() => chrome.tabs.query({}));
  const matching = tabs.filter((tab) => tab.url === url && typeof tab.id === 'number');
  if (matching.length !== 1) {
    throw new Error(`expected one tab at ${url}, found ${matching.length} (${tabs.map((t) => t.url).join(', ')})`);
  }
  return matching[0]!.id!;
}

export async function openPopup(ext: Extension, tabId?: number): Promise<Page> {
  const page = await ext.context.newPage();
  const query = tabId === undefined ? '' : `?tabId=${tabId}`;
  await page.goto(`chrome-extension://${ext.extensionId}/popup.html${query}`);
  return page;
}

export interface Download {
  /** The file name the browser saved it under (the extension's choice). */
  filename: string;
  /** Where it was saved (deleted again once read). */
  path: string;
  text: string;
}

/** Opens the dashboard (dashboard.html) in a new tab and waits for its summary of what is stored. */
export async function openDashboard(ext: Extension): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/dashboard.html`);
  await page.locator('[data-count="posts"]').waitFor();
  return page;
}

/**
 * Clicks the button named `trigger` (exactly) on an extension page, or runs `trigger`, and returns the file
 * the click downloads. Waits on chrome.downloads.search() (asked from that page: an extension page has the
 * downloads permission) for a new download to complete, then reads it from the download directory. The one
 * copy of download capture: every export test goes through here.
 */
export async function downloadVia(
  page: Page,
  trigger: string | (() => Promise<void>),
  { timeout = 30_000 } = {},
): Promise<Download> {
  const before = new Set(await page.evaluate(() => chrome.downloads.search({}).then((items) => items.map((i) => i.id))));
  if (typeof trigger === 'string') await page.getByRole('button', { name: trigger, exact: true }).click();
  else await trigger();
  const deadline = Date.now() + timeout;
  for (;;) {
    const items = await page.evaluate(() => chrome.downloads.search({}));
    const item = items.find((i) => !before.has(i.id));
    if (item?.state === 'complete') {
      const path = item.filename;
      const text = readFileSync(path, 'utf8');
      // Removed once read, so the next export gets the same name (Chromium would add " (1)").
      rmSync(path, { force: true });
      return { filename: basename(path), path, text };
    }
    if (item?.state === 'interrupted') throw new Error(`download interrupted: ${item.error ?? 'unknown error'}`);
    if (Date.now() > deadline) {
      throw new Error(`no completed download within ${timeout} ms (downloads: ${JSON.stringify(items)})`);
    }
    await page.waitForTimeout(100);
  }
}

/** Opens the popup for a tab, clicks "Export CSV" and returns the downloaded posts CSV. */
export async function exportCsv(ext: Extension, tabId?: number, { timeout = 30_000 } = {}): Promise<Download> {
  const popup = await openPopup(ext, tabId);
  try {
    return await downloadVia(popup, 'Export CSV', { timeout });
  } finally {
    await popup.close();
  }
}

// ---------------------------------------------------------------------------------------------
// CSV

export const POSTS_CSV_HEADER =
  'site,post_id,url,author,published_at,first_seen,last_seen,snapshots,impressions,views,reach,likes,replies,reposts,' +
  'quotes,bookmarks,saves,shares,clicks,followers,engagements,engagement_rate,engagement_rate_basis,frequency,ctr,views_per_hour';

export interface ParsedCsv {
  header: string[];
  rows: Record<string, string>[];
  /** Every record ended with CRLF (a bare LF or CR outside quotes was found otherwise). */
  crlf: boolean;
  bom: boolean;
}

/** A strict RFC 4180 reader (quoted fields, doubled quotes, CRLF records), for checking exports. */
export function parseCsv(input: string): ParsedCsv {
  const bom = input.startsWith('\uFEFF');
  const text = bom ? input.slice(1) : input;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let crlf = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      else crlf = false;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || record.length) {
    record.push(field);
    records.push(record);
    crlf = false; // the last record had no line end
  }
  const [header = [], ...body] = records;
  const rows = body.map((cells) => {
    if (cells.length !== header.length) throw new Error(`CSV record has ${cells.length} fields, header ${header.length}: ${cells.join(',')}`);
    return Object.fromEntries(header.map((name, i) => [name, cells[i]!]));
  });
  return { header, rows, crlf, bom };
}

// ---------------------------------------------------------------------------------------------
// Test-file lifecycle

/**
 * One browser with the extension for the calling describe block: launched (with fixture serving) before its
 * tests, closed after them; every page closed after each test, since tab lookups go by URL.
 * Use as `const b = useBrowser();` then `b.ext`, `b.site` inside tests.
 */
export function useBrowser(): { readonly ext: Extension; readonly site: SiteServer } {
  const state = {} as { ext: Extension; site: SiteServer };
  beforeAll(async () => {
    state.ext = await launchExtension();
    state.site = await serveSite(state.ext.context);
  });
  afterAll(async () => {
    await state.ext?.close();
  });
  afterEach(async () => {
    for (const page of state.ext?.context.pages() ?? []) await page.close();
  });
  return state;
}

/** Serves a hand-made fixture at `url`, opens it and scrolls every `selector` element into view. */
export async function openFixture(b: { ext: Extension; site: SiteServer }, site: string, fixture: string, url: string, selector: string) {
  b.site.set(url, readFixture(site, fixture));
  const page = await b.ext.context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(url);
  await scrollThrough(page, { selector });
  return { page, errors };
}
