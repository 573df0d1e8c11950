// UI strings: @wxt-dev/i18n's typed wrapper around browser.i18n.getMessage (locales/<lang>.yml → _locales).
// The language is the browser's; numbers and dates go through Intl (lib/format.ts) in the same locale.
// Under vitest, test/support/i18n.ts serves locales/en.yml through the same getMessage contract.
import { i18n } from '#i18n';

export const t = i18n.t;

/** The locale browser.i18n picked (e.g. "de", "pt-BR"), for Intl; undefined = the runtime's default. */
export function uiLocale(): string | undefined {
  try {
    const tag = t('@@ui_locale');
    return tag ? tag.replace('_', '-') : undefined;
  } catch {
    return undefined;
  }
}
