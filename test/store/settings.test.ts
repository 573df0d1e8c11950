import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PostmeterDatabase } from '../../lib/store/schema';
import { DEFAULT_SETTINGS, getSettings, normaliseSettings, setSettings, settingsProblem } from '../../lib/store/settings';
import { freshStore } from './helpers';

let db: PostmeterDatabase;
beforeEach(async () => {
  db = await freshStore();
});
afterEach(() => db.close());

describe('settings', () => {
  it('default: keep everything', async () => {
    expect(await getSettings(db)).toEqual({ retentionDays: null });
    expect(DEFAULT_SETTINGS).toEqual({ retentionDays: null });
  });

  it('setSettings stores a patch and returns every setting', async () => {
    expect(await setSettings(db, { retentionDays: 90 })).toEqual({ retentionDays: 90 });
    expect(await getSettings(db)).toEqual({ retentionDays: 90 });
    expect(await db.get('meta', 'settings')).toEqual({ key: 'settings', value: { retentionDays: 90 } });
    expect(await setSettings(db, {})).toEqual({ retentionDays: 90 });
    expect(await setSettings(db, { retentionDays: null })).toEqual({ retentionDays: null });
  });

  it.each([
    [{ retentionDays: 0 }, 'settings.retentionDays is 0 (allowed: 1 to 36500)'],
    [{ retentionDays: -5 }, 'settings.retentionDays is -5'],
    [{ retentionDays: 1.5 }, 'settings.retentionDays is 1.5, expected a whole number'],
    [{ retentionDays: '30' }, 'settings.retentionDays is "30", expected a whole number'],
    [{ retentionDays: Infinity }, 'expected a whole number'],
    [{ retentionDays: 40000 }, 'allowed: 1 to 36500'],
    [{ colour: 'red' }, 'settings has an unknown field "colour"'],
    [JSON.parse('{"__proto__": {"retentionDays": 1}}'), 'settings has a field named "__proto__"'],
  ])('refuses %j and changes nothing', async (patch, message) => {
    await setSettings(db, { retentionDays: 30 });
    await expect(setSettings(db, patch as never)).rejects.toThrow(message);
    expect(await getSettings(db)).toEqual({ retentionDays: 30 });
  });

  it('a broken stored value reads as the default instead of breaking', async () => {
    await db.put('meta', { key: 'settings', value: { retentionDays: 'lots', extra: 1 } as never });
    expect(await getSettings(db)).toEqual({ retentionDays: null });
    expect(normaliseSettings(null)).toEqual(DEFAULT_SETTINGS);
  });

  it('settingsProblem wants every field unless partial', () => {
    expect(settingsProblem({})).toBe('settings.retentionDays is missing');
    expect(settingsProblem({}, 'settings', true)).toBeUndefined();
    expect(settingsProblem({ retentionDays: 7 })).toBeUndefined();
    expect(settingsProblem([], 'x')).toBe('x is an array, expected an object');
  });
});
