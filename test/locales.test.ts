// Every language has every English key, with the same {named} substitutions and the same plural shape, and
// nothing extra: a missing translation would silently show English, a wrong placeholder would show "{n}".
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
});
