// Every language has every English key, with the same {named} substitutions and the same plural shape, and
// nothing extra: a missing translation would silently show English, a wrong placeholder would show "{n}".
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { i18n } from '#i18n';
import { t, uiLocale } from '@/components/i18n';
import { loadMessages } from './support/i18n';

const LOCALES = ['de', 'es', 'fr', 'ja', 'pt_BR'];
const placeholders = (m: string) => [...m.matchAll(/\{([A-Za-z0-9_]+)\}|\$(\d)/g)].map((x) => x[0]).sort();
const forms = (m: string) => m.split(' | ').length;

describe('locales', () => {
  const en = loadMessages('en');

  it('ships exactly en + the five translations', () => {
    const files = readdirSync(join(import.meta.dirname, '../locales')).sort();
    expect(files).toEqual(['de.yml', 'en.yml', 'es.yml', 'fr.yml', 'ja.yml', 'pt_BR.yml']);
  });

  it.each(LOCALES)('%s has every key, the same placeholders and plural forms', (locale) => {
    const other = loadMessages(locale);
    expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
    for (const [key, { message }] of Object.entries(en)) {
      const translated = other[key]!.message;
      expect(translated.trim(), `${locale}:${key} is empty`).not.toBe('');
      expect(placeholders(translated), `${locale}:${key} placeholders`).toEqual(placeholders(message));
      expect(forms(translated), `${locale}:${key} plural forms`).toBe(forms(message));
    }
  });

  it('i18n.t reads en.yml in unit tests', () => {
    expect(t('common.loading')).toBe('Loading…');
    expect(uiLocale()).toBe('en');
  });

  // t() splits each message once at its {names}; it must say exactly what @wxt-dev/i18n's own t says.
  it('t() substitutes named values as i18n.t does, for every message that has them', () => {
    const named = Object.entries(en)
      .map(([key, { message }]) => [key, message] as const)
      .filter(([, m]) => /\{[A-Za-z0-9_]+\}/.test(m) && !m.includes(' | '));
    expect(named.length).toBeGreaterThan(10);
    for (const [key, message] of named) {
      const names = [...message.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]!);
      const all = Object.fromEntries(names.map((n, i) => [n, `<${n}:${i}$1>`]));
      const some = Object.fromEntries(names.slice(1).map((n) => [n, 0]));
      const own = t as (k: string, s?: Record<string, unknown>) => string;
      const theirs = i18n.t as (k: string, s?: Record<string, unknown>) => string;
      for (const subs of [all, some, {}]) expect(own(key, subs), `${key} ${JSON.stringify(subs)}`).toBe(theirs(key, subs));
      expect(own(key), key).toBe(theirs(key));
    }
  });
});
