// The extension's pages speak the browser's language: with Chromium's UI in German or Japanese, browser.i18n
// picks _locales/de or _locales/ja, and numbers are formatted by Intl in that locale.
import { afterEach, describe, expect, it } from 'vitest';
import { collectPageErrors, launchExtension, openPopup, type Extension } from './harness';
import { seedDatabase, standardSeed } from './seed';

describe('languages', () => {
  let ext: Extension | undefined;
  afterEach(async () => {
    await ext?.close();
    ext = undefined;
  });

  it.each([
    // [browser language, the manifest description's first words, 50,000 as Intl writes it there, the popup's
    // dashboard button, the options page's title]
    ['de', 'So schneiden', '50.000', 'Dashboard öffnen', 'Postmeter-Einstellungen'],
    ['ja', '投稿の本当の成果', '50,000', 'ダッシュボードを開く', 'Postmeter の設定'],
    ['pt-BR', 'Como seus posts', '50.000', 'Abrir painel', 'Opções do Postmeter'],
  ])('%s: UI strings and numbers in that language', async (lang, description, fiftyThousand, openDashboard, optionsTitle) => {
    ext = await launchExtension({ lang });
    await seedDatabase(ext, standardSeed(Date.now()));
    const popup = await openPopup(ext);
    const errors = collectPageErrors(popup);
    const uiLocale = await popup.evaluate(() => (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome.i18n.getUILanguage());
    expect(uiLocale.toLowerCase().startsWith(lang.slice(0, 2))).toBe(true);
    const localized = await popup.evaluate(() => (globalThis as unknown as { chrome: { i18n: { getMessage(k: string): string } } }).chrome.i18n.getMessage('extDescription'));
    expect(localized.startsWith(description)).toBe(true);
    // The seeded LinkedIn post's 50,000 impressions, written the way that locale writes numbers.
    await expect.poll(() => popup.locator('body').innerText(), { timeout: 10_000 }).toContain(fiftyThousand);
    await expect.poll(() => popup.getByRole('button', { name: openDashboard }).count()).toBe(1);
    const options = await ext.context.newPage();
    const optionErrors = collectPageErrors(options);
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await expect.poll(() => options.getByRole('heading', { level: 1 }).innerText()).toBe(optionsTitle);
    expect([...errors.errors, ...optionErrors.errors]).toEqual([]);
  });
});
