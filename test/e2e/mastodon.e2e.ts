// Mastodon in Chromium with the built extension, over the hand-made fixtures in test/fixtures/mastodon/ served as
// https://mastodon.social pages (built in: host permission in the manifest) and as https://fosstodon.org pages (an
// instance the user adds in the options page at runtime). A post scrolled past is read, badged after its own
// action bar, stored, listed in the popup and exported to CSV; a page whose counters cannot be read shows the site
// as not recognised and records nothing.
//
// Adding an instance: the options page asks chrome.permissions.request for the host (+ the optional `scripting`
// permission). Headless Chromium shows that prompt where no test can click it: the request stays pending. So the
// test grants the host the way a user can in the browser's own extension settings ("Site access": chrome://extensions
// runs chrome.developerPrivate.addHostPermission), then clicks "Add instance": with the host already granted and
// `scripting` carrying no warning, Chromium grants the request without a prompt, and everything after it — the
// background registering the content script, the script reading the instance — is the product's own path.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  collectPageErrors,
  exportCsv,
  openPopup,
  parseCsv,
  POSTS_CSV_HEADER,
  readFixture,
  scrollThrough,
  settle,
  tabIdOf,
  type Extension,
  useBrowser,
} from './harness';
import { badgeKeys, rowCells } from './page-reads';

// Extension APIs as the functions passed to evaluate() see them (service worker, extension pages).
declare const chrome: {
  permissions: { contains(p: { origins?: string[]; permissions?: string[] }): Promise<boolean> };
  scripting?: { getRegisteredContentScripts(filter?: object): Promise<{ id: string; matches?: string[]; js?: string[]; persistAcrossSessions?: boolean }[]> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  developerPrivate?: {
    addHostPermission(extensionId: string, host: string): Promise<void>;
    removeHostPermission(extensionId: string, host: string): Promise<void>;
  };
};

type Cell = 'likes' | 'replies' | 'reposts' | 'quotes';
const CELLS: Cell[] = ['likes', 'replies', 'reposts', 'quotes'];
/** What the popup's data-value and the CSV cell hold: "N" exact, "min..max" an interval, "" absent. */
type Cells = Record<Cell, string>;
interface Expected {
  postId: string;
  author: string;
  cells: Cells;
}
/** replies, reposts (boosts + quotes), likes (favourites), quotes; '' = absent. */
const c = (replies: string, reposts: string, likes: string, quotes = ''): Cells => ({ replies, reposts, likes, quotes });

// Truth per fixture: the same facts as test/sites/mastodon.test.ts, in stored form.
const EXPLORE: Expected[] = [
  { postId: 'mastodon.social/@kestrel/117093090197508321', author: 'kestrel@mastodon.social', cells: c('12', '34', '56') },
  { postId: 'mastodon.social/@alice@fosstodon.org/117092796989441188', author: 'alice@fosstodon.org', cells: c('345', '2850..2999', '9500..10999') },
  { postId: 'mastodon.social/@bob@hachyderm.io/117092456005632902', author: 'bob@hachyderm.io', cells: c('3', '1150000..1299999', '57') },
  { postId: 'mastodon.social/@wren/117092104273920077', author: 'wren@mastodon.social', cells: c('2', '5', '9') },
  { postId: 'mastodon.social/@dana@mstdn.jp/117090514698245150', author: 'dana@mstdn.jp', cells: c('0', '0', '0') },
  { postId: 'mastodon.social/@ferris@social.example/117089049575430061', author: 'ferris@social.example', cells: c('999', '1000..1099', '9850..9999') },
];
/** The post explore-posts.html #4 quotes: shown inside it, never a post of its own. */
const QUOTED = 'mastodon.social/@moon@tidal.example/117084252602371030';
const HOME: Expected[] = [
  { postId: 'mastodon.social/@kestrel/117093280776192210', author: 'kestrel@mastodon.social', cells: c('4', '', '') },
  { postId: 'mastodon.social/@alice@fosstodon.org/117093216485376003', author: 'alice@fosstodon.org', cells: c('0', '', '') },
  { postId: 'mastodon.social/@wren/117093158092804000', author: 'wren@mastodon.social', cells: c('1', '', '') },
  { postId: 'mastodon.social/@moon@tidal.example/117090251243520808', author: 'moon@tidal.example', cells: c('7', '', '') },
];
const BOOSTED: Expected[] = [
  { postId: 'mastodon.social/@alice@fosstodon.org/117089588150274222', author: 'alice@fosstodon.org', cells: c('3', '', '') },
  { postId: 'mastodon.social/@kestrel/117092511252483131', author: 'kestrel@mastodon.social', cells: c('11', '', '') },
  { postId: 'mastodon.social/@harrier/117092214374400404', author: 'harrier@mastodon.social', cells: c('2', '', '') },
];
const DETAILED_URL = 'https://mastodon.social/@kestrel/117090346336261656';
const DETAILED: Expected[] = [
  { postId: 'mastodon.social/@alice@fosstodon.org/117089973043200100', author: 'alice@fosstodon.org', cells: c('1', '', '') },
  { postId: 'mastodon.social/@kestrel/117090346336261656', author: 'kestrel@mastodon.social', cells: c('', '135', '1450..1599', '7') },
  { postId: 'mastodon.social/@wren/117090452897792002', author: 'wren@mastodon.social', cells: c('0', '', '') },
  { postId: 'mastodon.social/@bob@hachyderm.io/117090739814400009', author: 'bob@hachyderm.io', cells: c('2', '', '') },
];
const GERMAN: Expected[] = [
  { postId: 'mastodon.social/@zilpzalp/117092863180800004', author: 'zilpzalp@mastodon.social', cells: c('5', '2850..2999', '1150000..1299999') },
  { postId: 'mastodon.social/@amsel@norden.social/117092342890496222', author: 'amsel@norden.social', cells: c('0', '17', '230') },
  { postId: 'mastodon.social/@star@troet.cafe/117090091008003333', author: 'star@troet.cafe', cells: c('1', '2', '11500..12999') },
];
const LIGHT_42: Expected[] = [
  { postId: 'fosstodon.org/@alice/110996639645696999', author: 'alice@fosstodon.org', cells: c('4', '15', '2950..3099') },
  { postId: 'mastodon.social/@kestrel/110996304691200042', author: 'kestrel@mastodon.social', cells: c('1', '2', '3') },
  { postId: 'misskey.io/notes/9k2x7abcd1', author: 'hibari@misskey.io', cells: c('0', '1', '2') },
];
const LOGGED_OUT: Expected[] = [
  { postId: 'mastodon.social/@Gargoyle/117093394022401001', author: 'Gargoyle@mastodon.social', cells: c('21', '3', '40') },
  { postId: 'mastodon.social/@photo@pixelfed.example/117091636543491003', author: 'photo@pixelfed.example', cells: c('4350..4499', '16500..17999', '87500..88999') },
];
const STRIPPED = ['mastodon.social/@kestrel/117093197414405151', 'mastodon.social/@alice@fosstodon.org/117092882841602828'];
const FOSSTODON_URL = 'https://fosstodon.org/explore/posts';
const FOSSTODON: Expected[] = [
  { postId: 'fosstodon.org/@tux/117093525028873001', author: 'tux@fosstodon.org', cells: c('8', '21', '144') },
  { postId: 'fosstodon.org/@kestrel@mastodon.social/117093090197504061', author: 'kestrel@mastodon.social', cells: c('1', '2', '3') },
  { postId: 'fosstodon.org/@alice@hachyderm.io/117092060364800005', author: 'alice@hachyderm.io', cells: c('27', '380', '1050..1199') },
];

const key = (postId: string) => `mastodon:${postId}`;

describe('Mastodon in Chromium, hand-made fixtures', () => {
  const b = useBrowser();
  /** Every post id recorded so far in this browser. */
  const recorded = new Set<string>();

  /** Opens a fixture at `url`, scrolls it through and waits for a badge per expected post. */
  async function visit(fixture: string, url: string, expected: Expected[]) {
    b.site.set(url, readFixture('mastodon', fixture));
    const page = await b.ext.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(url);
    await scrollThrough(page, { selector: 'article, .status__wrapper, .detailed-status__wrapper' });
    await expect
      .poll(() => badgeKeys(page), { message: `badges on ${fixture}`, timeout: 10_000 })
      .toEqual(expect.arrayContaining(expected.map((p) => key(p.postId))));
    await settle(page);
    return { page, errors };
  }

  async function checkPopup(page: Page, expected: Expected[]) {
    const popup = await openPopup(b.ext, await tabIdOf(b.ext, page));
    try {
      for (const section of ['tab', 'recent']) {
        for (const post of expected) {
          const row = popup.locator(`[data-section="${section}"] [data-postmeter-row="${key(post.postId)}"]`);
          await expect.poll(() => row.count(), { message: `${section} row for ${post.postId}` }).toBe(1);
          expect(await rowCells(row, CELLS), `${section} row for ${post.postId}`).toEqual(post.cells);
        }
      }
      expect(await popup.locator('[data-health]').count(), 'no health warning').toBe(0);
      return await popup
        .locator('[data-section="tab"] [data-postmeter-row]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-postmeter-row')));
    } finally {
      await popup.close();
    }
  }

  async function checkCsv(page: Page, expected: Expected[]) {
    const csv = await exportCsv(b.ext, await tabIdOf(b.ext, page));
    const parsed = parseCsv(csv.text);
    expect(parsed.header.join(','), 'CSV header').toBe(POSTS_CSV_HEADER);
    const byId = new Map(parsed.rows.map((r) => [r.post_id!, r]));
    expect(byId.size, 'one row per post').toBe(parsed.rows.length);
    for (const post of expected) {
      const row = byId.get(post.postId);
      expect(row, `CSV row for ${post.postId}`).toBeDefined();
      expect(row!.site).toBe('mastodon');
      expect(row!.url).toBe(`https://${post.postId}`);
      expect(row!.author).toBe(post.author);
      expect(row!.published_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(pick(row!), `CSV cells for ${post.postId}`).toEqual(post.cells);
      expect(row!.snapshots).toMatch(/^[1-9]\d*$/);
    }
    for (const p of expected) recorded.add(p.postId);
    expect(parsed.rows.map((r) => r.post_id).sort(), 'no other rows').toEqual([...recorded].sort());
    return parsed;
  }

  /** The whole path for one fixture page: badges, popup rows, CSV rows, no page errors. */
  async function fullPath(fixture: string, url: string, expected: Expected[]) {
    const { page, errors } = await visit(fixture, url, expected);
    expect((await badgeKeys(page)).filter((k) => !expected.some((p) => key(p.postId) === k)), 'badges for other posts').toEqual([]);
    const rows = await checkPopup(page, expected);
    expect(rows.filter((r) => !expected.some((p) => r === key(p.postId))), 'popup rows for other posts').toEqual([]);
    await checkCsv(page, expected);
    expect(errors.errors).toEqual([]);
    return page;
  }

  it('trending posts (counters on, dark theme): badges right after each post’s own action bar', async () => {
    const page = await fullPath('explore-posts.html', 'https://mastodon.social/explore/posts', EXPLORE);
    const placement = await page.locator('[data-postmeter-post]').evaluateAll((hosts) =>
      hosts.map((host) => {
        const id = host.getAttribute('data-postmeter-post')!;
        const bar = host.previousElementSibling;
        const status = host.closest('.status');
        return {
          id,
          afterActionBar: !!bar?.matches('.status__action-bar'),
          inItsPost: status?.getAttribute('data-id') === id.split('/').pop() && !status?.matches('.status--is-quote'),
          theme: host.shadowRoot?.querySelector('.pm-badge')?.getAttribute('data-theme'),
        };
      }),
    );
    // the default theme paints the page dark: badges follow it
    for (const p of placement) expect(p, p.id).toEqual({ id: p.id, afterActionBar: true, inItsPost: true, theme: 'dark' });
    expect(await badgeKeys(page)).not.toContain(key(QUOTED));
    const csv = parseCsv((await exportCsv(b.ext, await tabIdOf(b.ext, page))).text);
    expect(csv.rows.map((r) => r.post_id)).not.toContain(QUOTED);
  });

  it('trending posts: badges do not move the page', async () => {
    const html = readFixture('mastodon', 'explore-posts.html');
    b.site.set('https://example.com/explore/posts', html);
    b.site.set('https://mastodon.social/explore/posts', html);
    const baseline = await b.ext.context.newPage();
    await baseline.goto('https://example.com/explore/posts');
    await scrollThrough(baseline);
    const before = await layout(baseline);
    expect(await badgeKeys(baseline)).toEqual([]);
    const page = await b.ext.context.newPage();
    await page.goto('https://mastodon.social/explore/posts');
    await scrollThrough(page);
    await expect.poll(() => badgeKeys(page).then((k) => k.length)).toBe(EXPLORE.length);
    const after = await layout(page);
    expect(after.length).toBe(before.length);
    after.forEach((a, i) => {
      expect(Math.abs(a.top - before[i]!.top), `article ${i + 1} top`).toBeLessThan(1);
      expect(Math.abs(a.height - before[i]!.height), `article ${i + 1} height`).toBeLessThan(1);
    });
  });

  it('home timeline: replies only (boost and favourite counters hidden), the off-screen article is no post', async () => {
    const page = await fullPath('home.html', 'https://mastodon.social/home', HOME);
    expect((await badgeKeys(page)).sort()).toEqual(HOME.map((p) => key(p.postId)).sort());
  });

  it('boosts: the original post is read; one post boosted twice is one post with two badges', async () => {
    const page = await fullPath('boosted.html', 'https://mastodon.social/home', BOOSTED);
    expect((await badgeKeys(page)).filter((k) => k === key(BOOSTED[0]!.postId))).toHaveLength(2);
  });

  it('post page: the detailed status (boosts + quotes, quotes, favourites) and the thread around it', async () => {
    const page = await fullPath('detailed.html', DETAILED_URL, DETAILED);
    const detailedBadge = page.locator(`[data-postmeter-post="${key(DETAILED[1]!.postId)}"]`);
    expect(await detailedBadge.evaluate((h) => h.previousElementSibling?.className)).toBe('detailed-status__action-bar');
  });

  it('German UI (decimal comma, reduce motion)', async () => {
    await fullPath('explore-de.html', 'https://mastodon.social/explore', GERMAN);
  });

  it('Mastodon 4.2 markup, light theme: links to each post’s home server', async () => {
    const page = await fullPath('light-4.2.html', 'https://mastodon.social/explore?light', LIGHT_42);
    const themes = await page.locator('[data-postmeter-post]').evaluateAll((hosts) =>
      hosts.map((h) => h.shadowRoot?.querySelector('.pm-badge')?.getAttribute('data-theme')),
    );
    expect(themes).toEqual(LIGHT_42.map(() => 'light'));
  });

  it('logged out: the public explore page', async () => {
    await fullPath('public-logged-out.html', 'https://mastodon.social/explore?logged-out', LOGGED_OUT);
  });

  it('stripped counters: the popup says Mastodon is not recognised, and nothing is recorded', async () => {
    const url = 'https://mastodon.social/explore?stripped';
    b.site.set(url, readFixture('mastodon', 'stripped.html'));
    const page = await b.ext.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(url);
    await scrollThrough(page);
    await settle(page);
    const popup = await openPopup(b.ext, await tabIdOf(b.ext, page));
    await expect.poll(() => popup.locator('[data-health="unrecognised"][data-site="mastodon"]').count()).toBe(1);
    expect(await popup.locator('[data-section="tab"] [data-postmeter-row]').count()).toBe(0);
    await popup.close();
    const csv = parseCsv((await exportCsv(b.ext, await tabIdOf(b.ext, page))).text);
    for (const id of STRIPPED) expect(csv.rows.map((r) => r.post_id), id).not.toContain(id);
    expect(csv.rows.map((r) => r.post_id).sort()).toEqual([...recorded].sort());
    expect(errors.errors).toEqual([]);
  });

  describe('another instance, added in the options page', () => {
    const optionsUrl = () => `chrome-extension://${b.ext.extensionId}/options.html`;

    async function openOptions(): Promise<Page> {
      const page = await b.ext.context.newPage();
      await page.goto(optionsUrl());
      await page.locator('[data-section="mastodon-instances"]').waitFor();
      return page;
    }
    async function add(options: Page, text: string) {
      await options.getByLabel('Server').fill(text);
      await options.getByRole('button', { name: 'Add instance' }).click();
    }
    const granted = async () =>
      (await b.ext.worker()).evaluate(() => chrome.permissions.contains({ origins: ['https://fosstodon.org/*'] }));
    /** Registered scripts; none when the `scripting` permission is not (or no longer) granted. */
    const registered = async () =>
      (await b.ext.worker()).evaluate(async () => {
        if (!(await chrome.permissions.contains({ permissions: ['scripting'] }))) return [];
        return chrome.scripting!.getRegisteredContentScripts();
      });
    const stored = async () =>
      (await b.ext.worker()).evaluate(async () => (await chrome.storage.local.get('mastodonInstances')).mastodonInstances ?? []);

    it('is not read before it is added', async () => {
      b.site.set(FOSSTODON_URL, readFixture('mastodon', 'remote-instance.html'));
      const page = await b.ext.context.newPage();
      await page.goto(FOSSTODON_URL);
      await scrollThrough(page);
      await settle(page);
      // No content script there (and no host permission: the extension cannot even see the tab's URL).
      expect(await badgeKeys(page)).toEqual([]);
      expect(await granted()).toBe(false);
    });

    it('the options page turns down what is not an instance, without asking the browser', async () => {
      const options = await openOptions();
      const errors = collectPageErrors(options);
      expect(await options.locator('[data-instances="none"]').count()).toBe(1);
      for (const [text, notice] of [
        ['http://fosstodon.org', 'invalid'],
        ['not a host', 'invalid'],
        ['localhost', 'invalid'],
        ['mastodon.social', 'builtin'],
        ['https://x.com/home', 'other-site'],
      ] as const) {
        await add(options, text);
        await expect.poll(() => options.locator('[data-notice]').getAttribute('data-notice'), { message: text }).toBe(notice);
      }
      expect(await granted()).toBe(false);
      expect(errors.errors).toEqual([]);
    });

    it('"Add instance" asks the browser for that host: the prompt (unanswerable here) keeps it pending, nothing is added', async () => {
      const options = await openOptions();
      await add(options, 'fosstodon.org');
      await options.waitForTimeout(1500);
      // The request is out (the button waits for the answer) and nothing was granted or registered.
      expect(await options.getByRole('button', { name: 'Add instance' }).isDisabled()).toBe(true);
      expect(await options.locator('[data-notice]').count()).toBe(0);
      expect(await granted()).toBe(false);
      expect((await registered()).map((s) => s.id)).toEqual([]);
      await options.close(); // closing the page drops the pending prompt
    });

    /** Site access for fosstodon.org as the browser's extension settings (chrome://extensions) set it. */
    async function siteAccess(grant: boolean) {
      const settings = await b.ext.context.newPage();
      await settings.goto('chrome://extensions/');
      await settings.evaluate(
        ([id, grant]) =>
          grant
            ? chrome.developerPrivate!.addHostPermission(id, 'https://fosstodon.org/*')
            : chrome.developerPrivate!.removeHostPermission(id, 'https://fosstodon.org/*'),
        [b.ext.extensionId, grant] as const,
      );
      await settings.close();
    }

    it('with access granted, "Add instance" registers the content script there: the instance is read, badged, listed, exported', async () => {
      // What a user does in the prompt, done through the browser's extension settings.
      await siteAccess(true);

      const options = await openOptions();
      const errors = collectPageErrors(options);
      await add(options, 'https://FOSSTODON.org/explore');
      await expect.poll(() => options.locator('[data-notice]').getAttribute('data-notice')).toBe('added');
      expect(await options.locator('[data-instance]').evaluateAll((li) => li.map((l) => l.getAttribute('data-instance')))).toEqual(['fosstodon.org']);
      expect(await granted()).toBe(true);
      expect(await registered()).toEqual([
        expect.objectContaining({
          id: 'mastodon-fosstodon.org',
          matches: ['https://fosstodon.org/*'],
          js: ['content-scripts/mastodon.js'],
          persistAcrossSessions: true,
        }),
      ]);
      expect(await stored()).toEqual(['fosstodon.org']);
      expect(errors.errors).toEqual([]);
      await options.close();

      await fullPath('remote-instance.html', FOSSTODON_URL, FOSSTODON);
    });

    it('"Remove" unregisters the script and gives the host back: the instance is no longer read', async () => {
      const options = await openOptions();
      await options.getByRole('button', { name: 'Remove fosstodon.org' }).click();
      await expect.poll(() => options.locator('[data-notice]').getAttribute('data-notice')).toBe('removed');
      expect(await options.locator('[data-instances="none"]').count()).toBe(1);
      await expect.poll(granted).toBe(false);
      expect(await registered()).toEqual([]);
      expect(await (await b.ext.worker()).evaluate(() => chrome.permissions.contains({ permissions: ['scripting'] })), 'scripting given back too').toBe(false);
      expect(await stored()).toEqual([]);
      await options.close();

      const page = await b.ext.context.newPage();
      await page.goto(FOSSTODON_URL);
      await scrollThrough(page);
      await settle(page);
      expect(await badgeKeys(page)).toEqual([]);
    });

    it('access taken back in the browser’s settings: the instance is dropped and its script unregistered', async () => {
      await siteAccess(true);
      const options = await openOptions();
      await add(options, 'fosstodon.org');
      await expect.poll(() => options.locator('[data-notice]').getAttribute('data-notice')).toBe('added');
      expect((await registered()).map((s) => s.id)).toEqual(['mastodon-fosstodon.org']);

      await siteAccess(false); // permissions.onRemoved → the background makes list and scripts agree
      await expect.poll(stored).toEqual([]);
      await expect.poll(async () => (await registered()).map((s) => s.id)).toEqual([]);
      await expect.poll(() => options.locator('[data-instance]').count(), { message: 'the options page follows' }).toBe(0);
      await options.close();
    });
  });

  it('asks for no more than it needs: mastodon.social is built in, other hosts only optional', async () => {
    const worker = await b.ext.worker();
    expect(await worker.evaluate(() => chrome.permissions.contains({ origins: ['https://mastodon.social/*'] }))).toBe(true);
    expect(await worker.evaluate(() => chrome.permissions.contains({ origins: ['https://example.org/*'] }))).toBe(false);
    expect(b.site.blocked.filter((u) => !u.startsWith('https://files.example.invalid/')), 'requests to other hosts').toEqual([]);
  });
});

function pick(row: Record<string, string>): Cells {
  return c(row.replies!, row.reposts!, row.likes!, row.quotes!);
}

/** Where each article sits, in document coordinates. */
function layout(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('article[data-id]')].map((a) => ({
      top: a.getBoundingClientRect().top + window.scrollY,
      height: a.getBoundingClientRect().height,
    })),
  );
}
