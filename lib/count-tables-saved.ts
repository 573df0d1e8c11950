// parseCount's tables kept from one page to the next. Building them asks Intl for every supported locale's compact
// forms: 50–70 ms of a content script's start on every page of every site (in short tasks, but on the page's main
// thread). What Intl prints depends only on the browser's ICU data, so the background builds them once and keeps
// them (a page that finds none builds and keeps its own), and pages restore them (entrypoints/shared/count-tables.ts
// keeps them in storage.local) — a millisecond instead.
//
// Saved tables are used only where they were made: `countTablesKey` names the browser build and samples its Intl
// output, and the content script adds the extension's version. Anything else, or a saved value of the wrong shape,
// is ignored and the tables are built from Intl as before: a wrong table would read wrong numbers.
import { MAX_POWER, MIN_POWER, SUPPORTED_LOCALES } from './count-locales';

/** savedCountTables()'s plain-data form of what Intl printed (./count-locales.ts). */
export interface SavedCountTables {
  /** Per SUPPORTED_LOCALES entry, in order: the locale Intl resolved it to, or null when Intl does not know it. */
  resolved: (string | null)[];
  /** Per resolved locale: its decimal symbols, compact units [prefix, suffix, power, spacing] and bare forms. */
  found: Record<string, { decimals: string; units: [string, string, number, 0 | 1 | 2][]; bare: [string, number][] }>;
}

/** Bump when what savedCountTables() writes, or how a table is made from Intl, changes. */
const FORMAT = 1;
/** Numbers whose compact forms differ between ICU releases more often than most: the sample of this browser's data. */
const PROBES: [string, Intl.NumberFormatOptions['compactDisplay']][] = [
  ['de', 'short'],
  ['es', 'long'],
  ['ja', 'short'],
  ['ar', 'long'],
  ['hi', 'short'],
  ['fil', 'long'],
];

/** Names the browser and its Intl data (the user agent, and compact forms printed now). */
export function countTablesKey(userAgent: string): string {
  const printed = PROBES.map(([locale, compactDisplay]) => {
    try {
      return new Intl.NumberFormat(locale, { notation: 'compact', compactDisplay }).format(1_234_567);
    } catch {
      return '';
    }
  });
  return JSON.stringify([FORMAT, userAgent, SUPPORTED_LOCALES.length, printed]);
}

const MAX_TEXT = 40;
const MAX_UNITS = 400;
const isText = (v: unknown, min = 0): v is string => typeof v === 'string' && v.length >= min && v.length <= MAX_TEXT;
const isPower = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= MIN_POWER && (v as number) <= MAX_POWER;
const isUnit = (u: unknown): boolean =>
  Array.isArray(u) && u.length === 4 && isText(u[0]) && isText(u[1]) && u[0] + u[1] !== '' && isPower(u[2]) && [0, 1, 2].includes(u[3]);
const isBare = (b: unknown): boolean => Array.isArray(b) && b.length === 2 && isText(b[0], 1) && isPower(b[1]);

/** `value` when it is a SavedCountTables for today's SUPPORTED_LOCALES down to every field, else undefined. */
export function parseSavedCountTables(value: unknown): SavedCountTables | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { resolved, found } = value as Partial<SavedCountTables>;
  if (!Array.isArray(resolved) || resolved.length !== SUPPORTED_LOCALES.length) return undefined;
  if (typeof found !== 'object' || found === null || Array.isArray(found)) return undefined;
  for (const r of resolved) {
    if (r === null) continue;
    if (!isText(r, 2) || !Object.prototype.hasOwnProperty.call(found, r)) return undefined;
    const f = found[r];
    if (typeof f !== 'object' || f === null || !isText(f.decimals, 1)) return undefined;
    if (!Array.isArray(f.units) || f.units.length > MAX_UNITS || !f.units.every(isUnit)) return undefined;
    if (!Array.isArray(f.bare) || f.bare.length > MAX_UNITS || !f.bare.every(isBare)) return undefined;
  }
  return { resolved, found };
}
