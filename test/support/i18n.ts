// browser.i18n.getMessage for unit tests: the messages of locales/en.yml, compiled by @wxt-dev/i18n's own build
// functions (the same ones that write _locales/en/messages.json), with Chrome's $1…$9 substitution.
// Installed on WXT's fake browser by the vitest setup file, so components call the real i18n.t().
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';

type Compiled = Record<string, { message: string }>;

export function loadMessages(locale = 'en'): Compiled {
  const file = join(import.meta.dirname, '../../locales', `${locale}.yml`);
  return generateChromeMessages(parseMessagesText(readFileSync(file, 'utf8'), 'YAML')) as Compiled;
}

export function getMessageFrom(messages: Compiled) {
  return (key: string, substitutions?: string | string[]): string => {
    if (key === '@@ui_locale') return 'en';
    const entry = messages[key];
    if (!entry) return '';
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return entry.message.replace(/\$(\d)/g, (match, d: string) => subs[Number(d) - 1] ?? match).replace(/\$\$/g, '$');
  };
}
