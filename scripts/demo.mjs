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
const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
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
  const [tab] = await worker.evaluate(() => chrome.tabs.query({ url: 'https://x.com/*' }));
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

    const popup = await context.newPage();
    await popup.setViewportSize({ width: 420, height: 600 });
    await popup.goto(popupUrl);
    await popup.waitForTimeout(800);
    const size = await popup.evaluate(() => ({
      width: Math.ceil(document.documentElement.scrollWidth),
      height: Math.ceil(document.documentElement.scrollHeight),
    }));
    await popup.setViewportSize({ width: Math.min(Math.max(size.width, 320), 800), height: Math.min(size.height, 600) });
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup.png') });
    console.log(`Wrote docs/screenshots/feed.png (${badges} badges) and docs/screenshots/popup.png.`);
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
