// Saved parseCount tables (lib/count-tables-saved.ts): restored, they read every text as the tables built from Intl
// do; a saved value of any other shape is refused, and the key changes with the browser.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Locales from '../lib/count-locales';
import type * as Count from '../lib/count';
import { countTablesKey, parseSavedCountTables, type SavedCountTables } from '../lib/count-tables-saved';

/** A fresh copy of the count modules: nothing built yet. */
async function freshCount(): Promise<{ locales: typeof Locales; count: typeof Count }> {
  vi.resetModules();
  const count = await import('../lib/count');
  const locales = await import('../lib/count-locales');
  return { count, locales };
}

/** Tables built from Intl here, saved and sent through JSON as storage.local does. */
async function savedHere(): Promise<SavedCountTables> {
  const { locales } = await freshCount();
  expect(locales.savedCountTables()).toBeUndefined(); // nothing built: nothing to save
  locales.warmCountTables(Infinity);
  return JSON.parse(JSON.stringify(locales.savedCountTables()));
}

const TEXTS = [
  '1.2K', '29.9K Views', '2,370', '2 370 vues', '1,2 Mio.', '12 mil M', '107万回視聴', '조회수 1.2만회', '4,56 K suscriptores',
  '595 Tsd. Aufrufe', '1.2B', '1,2 B', '١٫٢ ألف', '3 mille', 'mille', '1.4 na bilyon', '12 Mio', '48 Replies. Reply',
  '1,2 тыс.', '5 lakh', '2.5 crore', '1.2 Md', '3,4 mld.', '12 mln', '1 E', '7 rb', '8 N', 'x5', '1.2.3K',
];
const LOCALES = [undefined, 'en', 'de', 'fr', 'es', 'ja', 'ko', 'ar', 'hi', 'tr', 'id', 'pl', 'ru', 'zh-TW', 'en-XX'];

describe('saved count tables', () => {
  let saved: SavedCountTables;
  beforeEach(async () => {
    saved ??= await savedHere();
  });

  it('restored, reads every text in every locale as tables built from Intl do', async () => {
    const built = await freshCount();
    built.locales.warmCountTables(Infinity);
    const restored = await freshCount();
    restored.locales.restoreCountTables(parseSavedCountTables(saved)!);
    expect(restored.locales.mergedIndexBuilt()).toBe(true);
    expect(restored.count.parseCountReady()).toBe(true);
    for (const locale of built.locales.SUPPORTED_LOCALES) {
      expect(restored.locales.localeTable(locale), locale).toEqual(built.locales.localeTable(locale));
    }
    expect(restored.locales.mergedIndex()).toEqual(built.locales.mergedIndex());
    for (const locale of LOCALES) {
      for (const text of TEXTS) expect(restored.count.parseCount(text, locale), `${text} ${locale}`).toEqual(built.count.parseCount(text, locale));
    }
  });

  it('is the same data saved again after a restore', async () => {
    const { locales } = await freshCount();
    locales.restoreCountTables(parseSavedCountTables(saved)!);
    expect(locales.savedCountTables()).toEqual(saved);
  });

  it('leaves tables already built as they are', async () => {
    const { locales } = await freshCount();
    const en = locales.localeTable('en');
    const tampered: SavedCountTables = JSON.parse(JSON.stringify(saved));
    tampered.found['en']!.units = [];
    locales.restoreCountTables(tampered);
    expect(locales.localeTable('en')).toBe(en);
  });

  it.each<[string, (s: SavedCountTables) => unknown]>([
    ['null', () => null],
    ['a string', () => 'tables'],
    ['an array', () => []],
    ['one locale short', (s) => ({ ...s, resolved: s.resolved.slice(1) })],
    ['a resolved locale with nothing found', (s) => ({ ...s, found: { ...s.found, en: undefined } })],
    ['found as an array', (s) => ({ ...s, found: [] })],
    ['a resolved locale that is a number', (s) => ({ ...s, resolved: [7, ...s.resolved.slice(1)] })],
    ['no decimals', (s) => ({ ...s, found: { ...s.found, en: { ...s.found['en']!, decimals: '' } } })],
    ['a power out of range', (s) => ({ ...s, found: { ...s.found, en: { ...s.found['en']!, units: [['', 'K', 99, 0]] } } })],
    ['a fractional power', (s) => ({ ...s, found: { ...s.found, en: { ...s.found['en']!, units: [['', 'K', 3.5, 0]] } } })],
    ['a spacing of 3', (s) => ({ ...s, found: { ...s.found, en: { ...s.found['en']!, units: [['', 'K', 3, 3]] } } })],
    ['a unit with no text', (s) => ({ ...s, found: { ...s.found, en: { ...s.found['en']!, units: [['', '', 3, 0]] } } })],
    ['a unit of 41 characters', (s) => ({ ...s, found: { ...s.found, en: { ...s.found['en']!, units: [['', 'x'.repeat(41), 3, 0]] } } })],
    ['a bare form with no text', (s) => ({ ...s, found: { ...s.found, en: { ...s.found['en']!, bare: [['', 3]] } } })],
    ['units not a list', (s) => ({ ...s, found: { ...s.found, en: { ...s.found['en']!, units: {} } } })],
  ])('refuses %s', (_name, make) => {
    expect(parseSavedCountTables(make(saved))).toBeUndefined();
  });

  it('accepts what was saved, through JSON', () => {
    expect(parseSavedCountTables(saved)).toEqual(saved);
  });
});

describe('countTablesKey', () => {
  it('names the browser: another user agent is another key', () => {
    expect(countTablesKey('Chrome/156')).toBe(countTablesKey('Chrome/156'));
    expect(countTablesKey('Chrome/157')).not.toBe(countTablesKey('Chrome/156'));
  });

  it('samples Intl: other compact output is another key', () => {
    const key = countTablesKey('Chrome/156');
    // Intl.NumberFormat.prototype.format is a getter that returns the bound function.
    const real = Object.getOwnPropertyDescriptor(Intl.NumberFormat.prototype, 'format')!;
    Object.defineProperty(Intl.NumberFormat.prototype, 'format', { configurable: true, get: () => () => '1,2 Mio.' });
    try {
      expect(countTablesKey('Chrome/156')).not.toBe(key);
    } finally {
      Object.defineProperty(Intl.NumberFormat.prototype, 'format', real);
    }
    expect(countTablesKey('Chrome/156')).toBe(key);
  });
});
