// UI strings: @wxt-dev/i18n's typed wrapper around browser.i18n.getMessage (locales/<lang>.yml → _locales).
// The language is the browser's; numbers and dates go through Intl (lib/format.ts) in the same locale.
// Under vitest, test/support/setup.ts serves locales/en.yml through the same getMessage contract.
import { i18n } from '#i18n';
import { browser } from 'wxt/browser';

const NAMED_SUBSTITUTION = /\{([A-Za-z0-9_]+)\}/g;
/**
 * Each message as the browser gave it, by key (the language cannot change under a running page), split once at
 * its named substitutions: even indexes are text, odd ones the names between them ("{rate} ER" → ['', 'rate', ' ER']).
 */
const templates = new Map<string, string[]>();

function split(message: string): string[] {
  const parts: string[] = [];
  let last = 0;
  for (const m of message.matchAll(NAMED_SUBSTITUTION)) {
    parts.push(message.slice(last, m.index), m[1]!);
    last = m.index + m[0].length;
  }
  parts.push(message.slice(last));
  return parts;
}

/**
 * i18n.t, reading each message from the browser once. browser.i18n.getMessage asks the UI language on every
 * call, and a feed's badges use the same few messages thousands of times. Named substitutions ({rate}) are
 * applied here as @wxt-dev/i18n applies them (a name the call does not give stays as written); calls with
 * $1-style arrays or a plural count go to i18n.t itself.
 */
export const t = ((key: string, ...args: unknown[]): string => {
  const named = args[0];
  const simple = args.length === 0 || (args.length === 1 && typeof named === 'object' && named !== null && !Array.isArray(named));
  if (!simple) return (i18n.t as (k: string, ...a: unknown[]) => string)(key, ...args);
  let parts = templates.get(key);
  if (parts === undefined) {
    const message = (i18n.t as (k: string) => string)(key);
    if (!message) return message;
    templates.set(key, (parts = split(message)));
  }
  if (parts.length === 1) return parts[0]!;
  const subs = (named ?? {}) as Record<string, unknown>;
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    out += (Object.hasOwn(subs, name) ? String(subs[name]) : `{${name}}`) + parts[i + 1]!;
  }
  return out;
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
