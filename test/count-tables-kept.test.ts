// The background keeps parseCount's tables for the pages (entrypoints/shared/count-tables.ts): it builds and keeps
// them when none usable are kept, leaves good ones alone, replaces ones of the wrong shape or for another browser,
// and pages then restore what it kept.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type * as KeptModule from '../entrypoints/shared/count-tables';

/** Fresh copies of the count modules (nothing built) and of the storage helpers using them. */
async function fresh(): Promise<{ kept: typeof KeptModule; locales: typeof import('../lib/count-locales') }> {
  vi.resetModules();
  const locales = await import('../lib/count-locales');
  const kept = await import('../entrypoints/shared/count-tables');
  return { kept, locales };
}

const stored = async () => (await fakeBrowser.storage.local.get('countTables')).countTables as KeptModule.KeptCountTables | undefined;

describe('keepCountTables (the background building the tables for the pages)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    // The fake browser has no manifest; the key starts with the extension's version.
    fakeBrowser.runtime.getManifest = () => ({ manifest_version: 3, name: 'Postmeter', version: '1.2.3' });
  });

  it('builds and keeps them when none are kept, under this browser and version, and pages restore them', async () => {
    const background = await fresh();
    expect(await background.kept.keepCountTables()).toBe('built');
    const saved = await stored();
    expect(saved?.key).toBe(background.kept.countTablesKeyHere());
    expect(saved?.key.startsWith('1.2.3 ')).toBe(true);
    expect((saved?.tables as { resolved: unknown[] }).resolved).toHaveLength(40);

    const page = await fresh();
    expect(page.locales.savedCountTables()).toBeUndefined(); // nothing built in the page
    expect(await page.kept.loadCountTables()).toBe(true);
    expect(page.locales.savedCountTables()).toEqual(background.locales.savedCountTables());
  });

  it('leaves usable kept tables alone', async () => {
    expect(await (await fresh()).kept.keepCountTables()).toBe('built');
    const first = await stored();
    const again = await fresh();
    expect(await again.kept.keepCountTables()).toBe('kept');
    expect(again.locales.savedCountTables()).toBeUndefined(); // not built again
    expect(await stored()).toEqual(first);
  });

  it.each([
    ['of the wrong shape', (k: KeptModule.KeptCountTables) => ({ key: k.key, tables: { resolved: [], found: {} } })],
    ['for another browser or version', (k: KeptModule.KeptCountTables) => ({ key: `0.0.1 ${k.key}`, tables: k.tables })],
  ])('replaces kept tables %s', async (_, spoil) => {
    expect(await (await fresh()).kept.keepCountTables()).toBe('built');
    const good = (await stored())!;
    await fakeBrowser.storage.local.set({ countTables: spoil(good) });
    expect(await (await fresh()).kept.keepCountTables()).toBe('built');
    expect(await stored()).toEqual(good);
  });
});
