// User settings, one row in `meta`. Every field has a default and a rule; a stored value that breaks its rule
// (written by a buggy version, say) reads as the default instead of breaking the extension.
import { integerProblem, objectProblem, type Problem } from '../fields';
import type { PostmeterDatabase, Settings } from './schema';
import { writeTransaction } from './tx';

export type { Settings } from './schema';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({ retentionDays: null });

/** Longest retention one can ask for: 100 years. Longer is "keep everything" (null). */
export const MAX_RETENTION_DAYS = 36_500;

type FieldRule = (v: unknown, where: string) => Problem;

/** One rule per field. Adding a setting = adding it to Settings, DEFAULT_SETTINGS and here. */
const RULES: { readonly [K in keyof Settings]: FieldRule } = {
  retentionDays: (v, where) => (v === null ? undefined : integerProblem(v, where, 1, MAX_RETENTION_DAYS)),
};
const KEYS: ReadonlySet<string> = new Set(Object.keys(RULES));

/**
 * What is wrong with a settings object (undefined: nothing). `partial` accepts a patch (any subset of fields);
 * otherwise every field must be there.
 */
export function settingsProblem(v: unknown, where = 'settings', partial = false): Problem {
  const shape = objectProblem(v, where, KEYS, partial ? [] : [...KEYS]);
  if (shape) return shape;
  for (const [key, value] of Object.entries(v as Record<string, unknown>)) {
    const p = RULES[key as keyof Settings](value, `${where}.${key}`);
    if (p) return p;
  }
  return undefined;
}

/** A fresh Settings: each valid field of `v` over the defaults. Never copies unknown keys. */
export function normaliseSettings(v: unknown): Settings {
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  if (typeof v !== 'object' || v === null) return out as unknown as Settings;
  const o = v as Record<string, unknown>;
  for (const key of Object.keys(RULES) as (keyof Settings)[]) {
    if (Object.hasOwn(o, key) && RULES[key](o[key], key) === undefined) out[key] = o[key];
  }
  return out as unknown as Settings;
}

export async function getSettings(db: PostmeterDatabase): Promise<Settings> {
  const row = await db.get('meta', 'settings');
  return normaliseSettings(row?.value);
}

/**
 * Change some settings; returns all of them as now stored. A field that breaks its rule throws a RangeError
 * naming it, and nothing is changed.
 */
export async function setSettings(db: PostmeterDatabase, patch: Partial<Settings>): Promise<Settings> {
  const problem = settingsProblem(patch, 'settings', true);
  if (problem) throw new RangeError(`Invalid setting: ${problem}`);
  const tx = db.transaction('meta', 'readwrite');
  return writeTransaction(tx, async () => {
    const row = await tx.store.get('settings');
    const next = normaliseSettings({ ...normaliseSettings(row?.value), ...patch });
    await tx.store.put({ key: 'settings', value: next });
    return next;
  });
}
