// UI strings: @wxt-dev/i18n's typed wrapper around browser.i18n.getMessage (locales/<lang>.yml → _locales).
// The language is the browser's; numbers and dates go through Intl (lib/format.ts) in the same locale.
// Under vitest, test/support/setup.ts serves locales/en.yml through the same getMessage contract.
import { i18n } from '#i18n';
import { browser } from 'wxt/browser';

export const t = i18n.t;

/**
 * The browser's UI language (e.g. "de", "pt-BR"), for Intl; undefined = the runtime's default. Not the
 * '@@ui_locale' message: Chromium answers that with the locale the extension's messages came from, which can be
 * the default (en_US) while the UI is German.
 */
export function uiLocale(): string | undefined {
  try {
    return browser.i18n.getUILanguage().replace('_', '-') || undefined;
  } catch {
    return undefined;
  }
}
