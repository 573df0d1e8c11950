#!/usr/bin/env node
// `npm run demo`: build the extension, then open Chromium with it over an offline demo feed served
// under the real hostname (https://x.com), plus the popup in a second tab. No account, no network.
// `npm run demo -- --headless`: scroll the feed, write screenshots to docs/screenshots/, exit.
// `--no-build` skips the build (uses the existing .output/chrome-mv3).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extensionArgs, findChromium, NO_CHROMIUM } from './chromium.mjs';
import { homePage, linkedinAnalyticsPage, LINKEDIN_ACTIVITY, OWN_HANDLE, ownTweets, profilePage, statusPage, withIds, TWEETS } from './demo-feed.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EXTENSION_DIR = join(ROOT, process.env.WXT_OUT_DIR || '.output', 'chrome-mv3');
const SCREENSHOTS = join(ROOT, 'docs/screenshots');
const args = new Set(process.argv.slice(2));
const headless = args.has('--headless');

const chromiumPath = findChromium();
if (!chromiumPath) {
  console.error(`${NO_CHROMIUM}

You can still try Postmeter by hand: npm run build, then load .output/chrome-mv3 unpacked
(chrome://extensions, Developer mode, Load unpacked).`);
  process.exit(1);
}

if (!args.has('--no-build')) {
  console.log('Building the extension (npx wxt build)...');
  const build = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('The build failed; see above.');
    process.exit(build.status ?? 1);
  }
}
if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
  console.error(`No extension build at ${EXTENSION_DIR}. Run npm run build.`);
  process.exit(1);
}

const { chromium } = await import('playwright-core');

const userDataDir = mkdtempSync(join(tmpdir(), 'postmeter-demo-'));
const cleanup = () => rmSync(userDataDir, { recursive: true, force: true });
const context = await launch();
async function launch() {
  try {
    return await chromium.launchPersistentContext(userDataDir, options());
  } catch (error) {
    cleanup();
    if (!headless && /display|XServer|ozone|wayland/i.test(String(error))) {
      console.error('Chromium could not open a window (no display?). Try: npm run demo -- --headless');
      process.exit(1);
    }
    throw error;
  }
}
function options() {
  return {
    executablePath: chromiumPath,
    headless,
    viewport: headless ? { width: 1180, height: 900 } : null,
    locale: 'en-US',
    args: [...extensionArgs(EXTENSION_DIR, { headless }), ...(headless ? [] : ['--window-size=1280,960'])],
  };
}

try {
  const now = Date.now();
  const tweets = withIds(TWEETS, now);
  const own = withIds(ownTweets(now), now, 500);
  const analyticsUrl = `https://www.linkedin.com/analytics/post-summary/urn:li:activity:${LINKEDIN_ACTIVITY}/`;

  // The demo pages at https://x.com and one at https://www.linkedin.com; every other request is refused, so
  // nothing leaves the machine.
  await context.route(
    (url) => url.protocol === 'http:' || url.protocol === 'https:',
    (route) => {
      const url = new URL(route.request().url());
      const html = (body) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
      if (url.href === analyticsUrl) return html(linkedinAnalyticsPage());
      if (url.host !== 'x.com') return route.abort('blockedbyclient');
      if (url.pathname === '/' || url.pathname === '/home') return html(homePage(tweets, now));
      if (url.pathname === `/${OWN_HANDLE}`) return html(profilePage(own, now));
      const status = url.pathname.match(/^\/\w+\/status\/(\d+)$/);
      const page = status && statusPage(tweets, status[1], now);
      if (page) return html(page);
      return route.fulfill({
        status: 404,
        contentType: 'text/html; charset=utf-8',
        body: '<!doctype html><html lang="en"><body><p>Not part of the offline demo. <a href="/home">Back to the feed</a>.</p></body></html>',
      });
    },
  );

  const isOurs = (w) => w.url().startsWith('chrome-extension://');
  const worker =
    context.serviceWorkers().find(isOurs) ??
    (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;

  const feed = context.pages()[0] ?? (await context.newPage());
  await feed.goto('https://x.com/home');
  // Tweets are recorded once they are on screen. Headless: scroll the whole feed through. Headed: the
  // first screenful is on screen already; the user scrolls the rest.
  if (headless) await scroll(feed, Infinity);
  else await feed.waitForTimeout(1500);
  const [tab] = await worker.evaluate(() => chrome.tabs.query({ url: 'https://x.com/home' }));
  const popupUrl = `chrome-extension://${extensionId}/popup.html?tabId=${tab.id}`;

  if (headless) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await feed.evaluate(() => window.scrollTo(0, 0));
    await feed.waitForTimeout(300);
    const badges = await feed.locator('[data-postmeter-post]').count();
    if (!badges) console.warn('Warning: no badges on the demo feed; the screenshot shows the page without them.');
    // The feed column only, about two screens' worth of tweets: small enough to commit.
    const column = await feed.locator('main[role=main]').boundingBox();
    const clip = column
      ? { x: Math.max(0, column.x - 8), y: 0, width: column.width + 16, height: 860 }
      : { x: 0, y: 0, width: 1180, height: 860 };
    await feed.screenshot({ path: join(SCREENSHOTS, 'feed.png'), clip });

    // The popup as opened on the LinkedIn analytics tab: that post's reach, frequency and CTR, then the top
    // posts and the demo account's falling-impressions alert. The whole popup, scrolled content included.
    const analyticsTab = await recordOwnPages(context, extensionId, analyticsUrl);
    const [analytics] = await worker.evaluate((url) => chrome.tabs.query({ url }), analyticsUrl);
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${analytics.id}`);
    await popup.locator('[data-alert]').first().waitFor({ timeout: 15_000 }).catch(() => console.warn('Warning: no account alert in the popup.'));
    await popup.waitForTimeout(500);
    // Down to where "Recent" starts: the rest repeats the feed.
    const recent = await popup.locator('[aria-labelledby="pm-recent"]').boundingBox();
    const height = Math.ceil(recent ? recent.y : 1200);
    await popup.setViewportSize({ width: 400, height });
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup.png'), clip: { x: 0, y: 0, width: 400, height } });
    await analyticsTab.close();

    const dashboard = await context.newPage();
    await dashboard.setViewportSize({ width: 1280, height: 900 });
    await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html`);
    await dashboard.locator('[data-postmeter-row]').first().waitFor({ timeout: 15_000 });
    await dashboard.waitForTimeout(800);
    // The whole page: the posts table and, below it, the demo account's weeks with the falling-impressions alert.
    await dashboard.locator('[data-alert]').first().waitFor({ timeout: 15_000 }).catch(() => console.warn('Warning: no account verdict on the dashboard.'));
    await dashboard.screenshot({ path: join(SCREENSHOTS, 'dashboard.png'), fullPage: true });
    console.log(`Wrote docs/screenshots/feed.png (${badges} badges), popup.png and dashboard.png.`);
    await context.close();
    cleanup();
  } else {
    const popup = await context.newPage();
    await popup.goto(popupUrl);
    await feed.bringToFront();
    console.log(`
Postmeter demo is running in Chromium (offline: the feed at https://x.com is served by this script).
  Tab 1: the demo feed. Scroll it: each tweet gets a badge once it has been on screen.
         Click a tweet's time to open it; its counts have grown since the feed.
  Tab 2: the popup (reload it to refresh). Try "Export CSV".
Close the browser window to stop.`);
    await new Promise((resolveClosed) => context.on('close', resolveClosed));
    cleanup();
  }
} catch (error) {
  await context.close().catch(() => undefined);
  cleanup();
  throw error;
}

/**
 * What a user does once to see their own trend: open one post's analytics page and their profile (both recorded
 * as they scroll), then mark the X account as theirs on the options page — the same form a user fills in.
 * Returns the analytics page, still open (the popup screenshot is of that tab).
 */
async function recordOwnPages(context, extensionId, analyticsUrl) {
  const analytics = await context.newPage();
  await analytics.goto(analyticsUrl);
  await scroll(analytics, 3);
  const page = await context.newPage();
  await page.goto(`https://x.com/${OWN_HANDLE}`);
  await scroll(page, Infinity);
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.getByLabel('Site', { exact: true }).selectOption('x');
  await page.getByLabel('Handle', { exact: true }).fill(OWN_HANDLE);
  await page.getByRole('button', { name: 'Mark as mine' }).click();
  await page.getByRole('button', { name: `Unmark X ${OWN_HANDLE}` }).waitFor({ timeout: 10_000 });
  await page.close();
  return analytics;
}

/** Scroll down a viewport at a time (at most `steps` times), pausing so the extension sees each tweet. */
async function scroll(page, steps) {
  for (let i = 0; i < steps; i++) {
    const atEnd = await page.evaluate(() => {
      const before = window.scrollY;
      window.scrollBy(0, Math.floor(window.innerHeight * 0.7));
      return window.scrollY === before;
    });
    await page.waitForTimeout(250);
    if (atEnd) break;
  }
  await page.waitForTimeout(500);
}
