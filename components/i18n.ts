// UI strings: @wxt-dev/i18n's typed wrapper around browser.i18n.getMessage (locales/<lang>.yml → _locales).
// The language is the browser's; numbers and dates go through Intl (lib/format.ts) in the same locale.
// Under vitest, test/support/setup.ts serves locales/en.yml through the same getMessage contract.
import { i18n } from '#i18n';
import { browser } from 'wxt/browser';

const NAMED_SUBSTITUTION = /\{([A-Za-z0-9_]+)\}/g;
/** Each message as the browser gave it, by key (the language cannot change under a running page). */
const templates = new Map<string, string>();

/**
 * i18n.t, reading each message from the browser once. browser.i18n.getMessage asks the UI language on every
 * call, and a feed's badges use the same few messages thousands of times. Named substitutions ({rate}) are
 * applied here as @wxt-dev/i18n applies them; calls with $1-style arrays or a plural count go to i18n.t itself.
 */
export const t = ((key: string, ...args: unknown[]): string => {
  const named = args[0];
  const simple = args.length === 0 || (args.length === 1 && typeof named === 'object' && named !== null && !Array.isArray(named));
  if (!simple) return (i18n.t as (k: string, ...a: unknown[]) => string)(key, ...args);
  let message = templates.get(key);
  if (message === undefined) {
    message = (i18n.t as (k: string) => string)(key);
    if (message) templates.set(key, message);
  }
  if (named === undefined) return message;
  const subs = named as Record<string, unknown>;
  return message.replace(NAMED_SUBSTITUTION, (match, name: string) => (Object.hasOwn(subs, name) ? String(subs[name]) : match));
}) as typeof i18n.t;

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
