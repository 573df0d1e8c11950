// The popup (popup.html) with the built extension in Chromium, on the standard seed (test/e2e/seed.ts): the
// analytics post's figures, top posts and their filters, the own account's falling alert, sparklines, and at
// 10k posts the staged load. Accessible in light and dark, nothing requested from outside, no page errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { collectPageErrors, launchExtension, openPopup, type Extension } from './harness';
import { bulkSeed, SEED, seedDatabase, standardSeed } from './seed';
import { countExternalRequests, expectAccessible } from './a11y';

const A = SEED.analytics;
const topKeys = (popup: Page) =>
  popup.locator('[data-section="top"] [data-top-row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-top-row')));

describe('popup on the standard seed', () => {
  let ext: Extension;
  let external: ReturnType<typeof countExternalRequests>;
  let popup: Page;
  let errors: ReturnType<typeof collectPageErrors>;

  beforeAll(async () => {
    ext = await launchExtension();
    external = countExternalRequests(ext.context);
    await seedDatabase(ext, standardSeed(Date.now()));
    popup = await openPopup(ext);
    errors = collectPageErrors(popup);
    // Everything loaded: the last stage is the own accounts' weeks.
    await popup.locator('[data-account]').first().waitFor({ timeout: 15_000 });
  });
  afterAll(async () => {
    expect(errors?.errors ?? [], 'page errors').toEqual([]);
    expect(external?.urls() ?? [], 'requests leaving the machine').toEqual([]);
    await ext?.close();
  });

  it("the LinkedIn analytics post: impressions, reach, frequency, CTR, ER by impressions", async () => {
    const row = popup.locator(`[data-section="recent"] [data-postmeter-row="${A.key}"]`);
    await row.waitFor();
    const cell = (m: string) => row.locator(`[data-metric="${m}"]`);
    expect(await cell('impressions').getAttribute('data-value')).toBe(String(A.impressions));
    expect(await cell('impressions').locator('dd').getAttribute('title')).toBe('50,000');
    expect(await cell('reach').getAttribute('data-value')).toBe(String(A.reach));
    expect(await cell('reach').locator('dd').getAttribute('title')).toBe('5,000');
    expect((await row.locator('[data-figure="ctr"]').textContent())?.trim()).toBe(`CTR ${A.ctrPercent}%`);
    const er = row.locator('[data-figure="er"]');
    expect(await er.getAttribute('data-basis')).toBe('impressions');
    expect((await er.textContent())?.trim()).toBe(`ER ${A.erPercent}% by impressions`);
    expect(await er.getAttribute('title')).toMatch(/^Engagement rate by impressions: 500 engagements .* 50,000 impressions$/);
    // Three significant digits (lib/format.ts formatTimes): "10.0×", as "1.25×" elsewhere.
    expect((await row.locator('[data-figure="frequency"]').textContent())?.trim()).toBe(`Freq ${A.frequencyText}`);
  });

  it('sparklines: an svg image with a title per post with history', async () => {
    const spark = popup.locator(`[data-postmeter-row="${A.key}"] svg.pm-spark`);
    expect(await spark.getAttribute('role')).toBe('img');
    expect(await spark.locator('title').textContent()).toBe('Impressions from 8,000 to 50,000 over 3 days');
    const titles = await popup.locator('svg.pm-spark title').allTextContents();
    expect(titles.length).toBeGreaterThanOrEqual(5);
    for (const t of titles) expect(t).toMatch(/^\S.* from [\d,]+ to [\d,]+ over \d+ (minutes?|hours?|days?)$/);
    expect(await popup.locator(`[data-postmeter-row="${SEED.video.key}"] svg.pm-spark title`).first().textContent()).toBe(
      'Views from 1,000 to 5,000 over 12 hours',
    );
  });

  it('velocity: per hour, with its metric', async () => {
    const v = popup.locator(`[data-postmeter-row="${SEED.video.key}"] [data-figure="velocity"]`).first();
    expect(await v.getAttribute('data-metric-velocity')).toBe('views');
    expect((await v.textContent())?.trim()).toBe('+375 views/h'); // 3,500 → 5,000 in 4 h
  });

  it('top posts by impressions list the analytics post first; the site filter narrows the list', async () => {
    expect(await popup.getByRole('button', { name: 'Impressions', exact: true }).getAttribute('aria-pressed')).toBe('true');
    expect((await topKeys(popup))[0]).toBe(A.key);
    expect(await popup.locator(`[data-top-row="${A.key}"] .pm-score`).textContent()).toBe('50,000');

    await popup.getByLabel('Period').selectOption('all');
    const all = await topKeys(popup);
    expect(all.some((k) => k?.startsWith('x:'))).toBe(true);
    await popup.getByLabel('Site').selectOption('x');
    const xOnly = await topKeys(popup);
    expect(xOnly.length).toBeGreaterThan(0);
    expect(xOnly.every((k) => k?.startsWith('x:'))).toBe(true);
    expect(xOnly).not.toContain(A.key);
    await popup.getByLabel('Site').selectOption('');
    await popup.getByLabel('Author').fill('pm-demo');
    expect(await topKeys(popup)).toEqual([A.key]);
    await popup.getByLabel('Author').fill('');

    await popup.getByRole('button', { name: 'Velocity', exact: true }).click();
    expect(await topKeys(popup)).toContain(SEED.video.key);
    await popup.getByRole('button', { name: 'Engagement rate', exact: true }).click();
    expect((await topKeys(popup)).length).toBeGreaterThan(0);
    await popup.getByRole('button', { name: 'Impressions', exact: true }).click();
    await popup.getByLabel('Period').selectOption('7d');
  });

  it('own account postmeter_demo: impressions fell while posting frequency held, as an alert', async () => {
    const account = popup.locator(`[data-account="${SEED.own.site}:${SEED.own.handle}"]`);
    const alert = account.getByRole('alert');
    expect(await alert.getAttribute('data-alert')).toBe('falling');
    expect(await alert.textContent()).toBe(
      'Impressions per post fell 60% in the last 4 complete weeks while posting frequency held (3 posts a week against 3).',
    );
    expect(await account.locator('svg.pm-chart title').textContent()).toMatch(/^@postmeter_demo: impressions per post/);
    expect(await account.locator('svg.pm-chart rect').count()).toBe(8);
    // The analytics post's author is recognised as the user's too, quietly (one post: not enough data).
    expect(await popup.locator(`[data-account="linkedin:${A.author}"] [data-alert="insufficient"]`).count()).toBe(1);
  });

  it('keyboard: the controls are reachable with Tab, the rank buttons work with Enter', async () => {
    await popup.getByRole('button', { name: 'Engagement rate', exact: true }).focus();
    await popup.keyboard.press('Enter');
    expect(await popup.getByRole('button', { name: 'Engagement rate', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('aria-pressed'))).toBe('false');
    await popup.getByRole('button', { name: 'Impressions', exact: true }).click();
  });

  it('accessible in light and dark', async () => {
    await expectAccessible(popup, 'popup');
    await popup.locator('.pm-weeks summary').first().click(); // the week table too
    await expectAccessible(popup, 'popup with a week table open');
  });
});

describe('popup at 10,000 posts', () => {
  let ext: Extension;
  afterAll(async () => ext?.close());

  it('shows the recent posts at once and the top list soon after', async () => {
    ext = await launchExtension();
    const now = Date.now();
    await seedDatabase(ext, bulkSeed(10_000, now));
    await seedDatabase(ext, standardSeed(now));
    const page = await ext.context.newPage();
    const errors = collectPageErrors(page);
    const t0 = Date.now();
    await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    await page.locator('[data-section="recent"] [data-postmeter-row]').first().waitFor();
    const firstRows = Date.now() - t0;
    await page.locator('[data-section="top"] [data-top-row]').first().waitFor({ timeout: 15_000 });
    const top = Date.now() - t0;
    await page.locator('[data-account]').first().waitFor({ timeout: 15_000 });
    const all = Date.now() - t0;
    console.log(`popup at 10k posts: recent rows ${firstRows} ms, top list ${top} ms, everything ${all} ms`);
    expect(firstRows).toBeLessThan(2_000);
    expect(all).toBeLessThan(6_000);
    expect(await page.locator('.pm-top .pm-note').textContent()).toBe('Ranked among the 2,000 most recently seen posts.');
    expect(errors.errors).toEqual([]);
  });
});
