// Compact-notation units per locale, read back out of the browser's own Intl (CLDR) — see dom-anchors.md §12.
//
// Why from Intl and not a hand-written table: CLDR has hundreds of locales, plural forms ("1 mille" / "2 mila",
// "тысяча" / "тысячи" / "тысяч"), and it changes between ICU versions; the page was formatted by the same kind of
// data, so asking the browser is the only table that stays right. The only hand-written rows are the site quirk
// (SITE_UNITS, SITE_UNITS_BY_LANGUAGE), which CLDR cannot know.
//
// Everything here is built lazily, once per locale, and memoised: parseCount sits on the scroll path.

import { ARABIC_DECIMAL, letterKind, normalize } from './count-text';
import type { SavedCountTables } from './count-tables-saved';

/** One way a locale writes "× 10^power" around a number: "K", " Mio.", "万", " mil M", "de mii", …. */
export interface Unit {
  /** Normalised text after the number ("" if none). */
  suf: string;
  /** Normalised text before the number ("" if none; CLDR has a few prefix patterns: ak, si, my, wo). */
  pre: string;
  /** suf/pre lower-cased when matched ignoring case (3+ characters: "Mio." = "mio."); undefined: exact case. */
  sufLower: string | undefined;
  preLower: string | undefined;
  power: number;
  /** Between number and unit: 0 glued ("1.2B"), 1 a space ("1,2 B"), 2 either. */
  spacing: 0 | 1 | 2;
  /** Decimal symbols of the locale that prints it (normalised; the Arabic U+066B always included). */
  decimals: string;
  /** The suffix ends with a letter of a spaced script: a letter right after it means a longer word ("mil|lones"). */
  boundary: boolean;
  /** The same for the prefix's first letter. */
  preBoundary: boolean;
  /** Where it comes from: a locale tag, 'site' (SITE_UNITS) or 'site:<language>'. For tests and debugging. */
  from: string;
}

/** A number-less compact form: fr/it long print 1000 as "mille" — one × 10^power, no digits. */
export interface BareUnit {
  text: string;
  power: number;
  from: string;
}

export interface UnitIndex {
  /** Units with a suffix, by the suffix's first character (lower-cased), longest first. */
  bySuffix: Map<string, Unit[]>;
  /** Units with only a prefix. */
  prefixOnly: Unit[];
  bare: BareUnit[];
  /** Longest suffix, for slicing the tail once before lower-casing it. */
  maxSuffix: number;
}

export interface LocaleTable {
  locale: string;
  /** Decimal symbols (normalised), e.g. "," for de, ".٫" for ar. */
  decimals: string;
  index: UnitIndex;
}

/**
 * Locales read when parseCount gets no locale (an answer needs every plausible reading among them to agree), and
 * the ones the property test covers. The UI languages of the sites Postmeter reads, by usage.
 */
export const SUPPORTED_LOCALES = [
  'en', 'en-IN', 'de', 'de-CH', 'fr', 'es', 'es-419', 'pt-BR', 'pt-PT', 'it', 'nl', 'sv', 'da', 'nb', 'fi', 'pl',
  'cs', 'ru', 'uk', 'tr', 'ar', 'fa', 'he', 'hi', 'bn', 'ja', 'zh-CN', 'zh-TW', 'ko', 'id', 'vi', 'th', 'ms', 'fil',
  'ro', 'hu', 'el', 'sk', 'hr', 'bg',
] as const;

/**
 * The site quirk: YouTube, X and others print Latin "K"/"M"/"B" (thousand/million/billion) whatever the UI
 * language — "4,56 K suscriptores" (es), "45 K Aufrufe" (de). Added to a locale only where that exact text is not
 * already one of the locale's own units (tr "B" = bin = 1e3, id "M" = miliar = 1e9, es/hu "B" = 1e12 keep their
 * meaning). "k" too: sites and people write it lower-case.
 */
const SITE_UNITS: ReadonlyArray<readonly [string, number]> = [
  ['K', 3],
  ['k', 3],
  ['M', 6],
  ['B', 9],
];

/**
 * Site units of one language that today's CLDR no longer has. YouTube's German UI prints "595 Tsd. Aufrufe"
 * (CLDR de short writes thousands in full: "595.000"); without this row "3 Tsd." would read as exactly 3, a wrong
 * number. Same clash rule as SITE_UNITS.
 */
const SITE_UNITS_BY_LANGUAGE: Readonly<Record<string, ReadonlyArray<readonly [string, number]>>> = {
  de: [['Tsd.', 3]],
};

export const MIN_POWER = 3;
export const MAX_POWER = 14; // counts beyond 10^14 do not exist; the property test goes to 10^12

/**
 * Mantissas to format at each power: one per plural category of the locale (Intl.PluralRules), for each number of
 * integer digits a compact pattern can show (1–4: "1,2 K", "12 K", "123 K", es "1200 M"), plus one-decimal
 * mantissas ("1,2 тысячи"). The unit's words follow the plural of the mantissa ("1 mille" / "2 mila", "тысяча" /
 * "тысячи" / "тысяч", fil "1.2 bilyon" / "1.4 na bilyon"), so every category must be seen once per power. The
 * first candidate of each length is always kept: "exactly one" can have a pattern of its own (fr "mille").
 */
function pluralSamples(locale: string): { byDigits: number[][]; fractions: number[] } {
  let select: (n: number) => string;
  try {
    const rules = new Intl.PluralRules(locale);
    select = (n) => rules.select(n);
  } catch {
    select = (n) => String(n); // no PluralRules: every candidate is its own category
  }
  const pick = (candidates: number[]): number[] => {
    const byCategory = new Map<string, number>();
    for (const c of candidates) if (!byCategory.has(select(c))) byCategory.set(select(c), c);
    return [...new Set([candidates[0]!, ...byCategory.values()])];
  };
  const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);
  const byDigits = [[], pick(range(1, 9)), pick(range(10, 20)), pick(range(100, 30)), pick(range(1000, 30))];
  const fractions = pick(range(11, 39).filter((x) => x % 10 !== 0).map((x) => x / 10)); // 1.1 … 4.9
  return { byDigits, fractions };
}

/** Digits before the decimal symbol in a normalised formatted number ("1.2K" → 1, "12.345" in de → 5). */
function integerDigits(text: string, decimal: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) n++;
    else if (n > 0 && text[i] === decimal) break;
  }
  return n;
}

/** Decimal symbols of a locale: its default numbering system's and Latin digits' (ar: "٫" and "."). */
function decimalsOf(locale: string): string {
  const found = new Set<string>(); // default numbering system's first: compact output uses it
  const probe = (opts: Intl.NumberFormatOptions) => {
    try {
      const d = new Intl.NumberFormat(locale, opts).formatToParts(1234567.5).find((p) => p.type === 'decimal');
      const n = d && normalize(d.value);
      if (n && n.length === 1) found.add(n);
    } catch {
      // numberingSystem option unknown to an older engine: the default one is enough
    }
  };
  probe({});
  probe({ numberingSystem: 'latn' });
  found.add(ARABIC_DECIMAL);
  return [...found].join('');
}

function makeUnit(pre: string, suf: string, power: number, spacing: 0 | 1 | 2, decimals: string, from: string): Unit {
  return {
    pre,
    suf,
    preLower: pre.length >= 3 ? pre.toLowerCase() : undefined,
    sufLower: suf.length >= 3 ? suf.toLowerCase() : undefined,
    power,
    spacing,
    decimals,
    boundary: suf !== '' && letterKind(suf, suf.length - 1) === 1,
    preBoundary: pre !== '' && letterKind(pre, 0) === 1,
    from,
  };
}

/** Every compact unit Intl prints for the locale, short and long. */
function intlUnits(locale: string, decimals: string): { units: Unit[]; bare: BareUnit[] } {
  const seen = new Map<string, Unit>();
  const bare = new Map<string, BareUnit>();
  const decimal = decimals.charAt(0); // the default numbering system's: the one compact output uses
  const samples = pluralSamples(locale);
  for (const compactDisplay of ['short', 'long'] as const) {
    let fmt: Intl.NumberFormat;
    try {
      fmt = new Intl.NumberFormat(locale, { notation: 'compact', compactDisplay, roundingMode: 'trunc' } as Intl.NumberFormatOptions);
    } catch {
      fmt = new Intl.NumberFormat(locale, { notation: 'compact', compactDisplay });
    }
    for (let e = MIN_POWER; e <= MAX_POWER; e++) {
      // format + split at the digits rather than formatToParts: 4× faster (1.4 µs vs 5.6 µs a call in V8), and
      // this runs a few hundred times per locale. CLDR compact units never contain digits: the digits are the number.
      const probe = normalize(fmt.format(10 ** e)) ?? '';
      const shown = integerDigits(probe, decimal) || 1; // how many integer digits this power's pattern shows
      const scale = 10 ** (e - shown + 1);
      const values = [
        ...samples.byDigits[Math.min(shown, 4)]!.map((m) => m * scale),
        ...(shown === 1 ? samples.fractions.map((f) => Math.round(f * 10 ** e)) : []),
      ];
      for (const v of values) {
        const text = v === 10 ** e ? probe : normalize(fmt.format(v));
        if (text === null) continue;
        let first = -1;
        let last = -1;
        for (let i = 0; i < text.length; i++) {
          const c = text.charCodeAt(i);
          if (c >= 0x30 && c <= 0x39) {
            if (first < 0) first = i;
            last = i;
          }
        }
        if (first < 0) {
          // "mille": the pattern for exactly one of the unit has no number in it
          if (text) bare.set(text, { text, power: e, from: locale });
          continue;
        }
        const pre = text.slice(0, first).trimEnd();
        const suf = text.slice(last + 1).trimStart();
        if (!pre && !suf) continue; // a full number ("1234", "12.345"): exact as printed
        const power = String(v).length - integerDigits(text, decimal);
        if (power <= 0) continue;
        const spaced = suf ? text.charAt(last + 1) === ' ' : text.charAt(first - 1) === ' ';
        const spacing: 0 | 1 = spaced ? 1 : 0;
        const key = `${pre}\u0000${suf}\u0000${power}`;
        const had = seen.get(key);
        if (!had) seen.set(key, makeUnit(pre, suf, power, spacing, decimals, locale));
        else if (had.spacing !== spacing) had.spacing = 2;
      }
    }
  }
  return { units: [...seen.values()], bare: [...bare.values()] };
}

function buildIndex(units: Unit[], bare: BareUnit[]): UnitIndex {
  const bySuffix = new Map<string, Unit[]>();
  const prefixOnly: Unit[] = [];
  let maxSuffix = 0;
  for (const u of units) {
    if (!u.suf) {
      prefixOnly.push(u);
      continue;
    }
    const k = u.suf.charAt(0).toLowerCase();
    let list = bySuffix.get(k);
    if (!list) bySuffix.set(k, (list = []));
    list.push(u);
    maxSuffix = Math.max(maxSuffix, u.suf.length);
  }
  for (const list of bySuffix.values()) list.sort((a, b) => b.suf.length - a.suf.length);
  return { bySuffix, prefixOnly, bare, maxSuffix };
}

/** Site units a locale accepts: those whose text is not already one of its own units (same text, any power). */
function siteUnits(locale: string, own: Unit[], decimals: string): Unit[] {
  const language = locale.split('-')[0]!.toLowerCase();
  const out: Unit[] = [];
  const rows: [readonly (readonly [string, number])[], string][] = [
    [SITE_UNITS, 'site'],
    [SITE_UNITS_BY_LANGUAGE[language] ?? [], `site:${language}`],
  ];
  for (const [list, from] of rows) {
    for (const [text, power] of list) {
      const clash = own.some((u) => !u.pre && u.suf === text);
      if (!clash) out.push(makeUnit('', text, power, 2, decimals, from));
    }
  }
  return out;
}

/** What Intl printed for one (resolved) locale: all a table is built from besides the code's own site units. */
export interface IntlFound {
  decimals: string;
  units: Unit[];
  bare: BareUnit[];
}

/** Per resolved locale, what its table was built from (for savedCountTables). */
const intlFound = new Map<string, IntlFound>();

function buildTable(locale: string): LocaleTable {
  const decimals = decimalsOf(locale);
  return tableFrom(locale, { decimals, ...intlUnits(locale, decimals) });
}

function tableFrom(locale: string, found: IntlFound): LocaleTable {
  intlFound.set(locale, found);
  const { decimals, units, bare } = found;
  return { locale, decimals, index: buildIndex([...units, ...siteUnits(locale, units, decimals)], bare) };
}

const tables = new Map<string, LocaleTable | null>();
const MAX_TABLES = 256; // locales come from page `lang` attributes: a handful; the cap only guards against junk

/**
 * The table for a BCP 47 tag, or null when Intl does not know the language (or the tag is malformed). A region or
 * script Intl has no data for falls back to the language ("en-XX" reads as "en").
 */
export function localeTable(locale: string): LocaleTable | null {
  const hit = tables.get(locale);
  if (hit !== undefined) return hit;
  let table: LocaleTable | null = null;
  try {
    if (Intl.NumberFormat.supportedLocalesOf([locale]).length > 0) {
      const resolved = new Intl.NumberFormat(locale).resolvedOptions().locale;
      table = tables.get(resolved) ?? buildTable(resolved);
      tables.set(resolved, table);
    }
  } catch {
    table = null;
  }
  if (tables.size >= MAX_TABLES) tables.clear();
  tables.set(locale, table);
  return table;
}

let merged: UnitIndex | undefined;
/** How many of SUPPORTED_LOCALES warmCountTables has built so far. */
let warmed = 0;

/** Whether mergedIndex() is built (a call to it is then a lookup). */
export const mergedIndexBuilt = (): boolean => merged !== undefined;

/**
 * Builds what mergedIndex() needs a piece at a time: SUPPORTED_LOCALES tables (about 1 ms each) until `budgetMs` has
 * passed, then the merged index. True once that is built. Lets a page spread over several short tasks what the first
 * mergedIndex() call would otherwise do in one long one (tens of ms: a long task on the scroll path).
 */
export function warmCountTables(budgetMs: number): boolean {
  if (merged) return true;
  const until = performance.now() + budgetMs;
  while (warmed < SUPPORTED_LOCALES.length) {
    localeTable(SUPPORTED_LOCALES[warmed++]!);
    if (performance.now() >= until) return false;
  }
  mergedIndex();
  return true;
}

/**
 * What every SUPPORTED_LOCALES table was built from, once they all are (else undefined): for each, in order, the
 * locale Intl resolved it to (null: Intl does not know it), and what Intl printed for each resolved locale. Plain
 * data, so a page can keep it and the next page restore it instead of asking Intl again (./count-tables-saved.ts).
 */
export function savedCountTables(): SavedCountTables | undefined {
  if (!merged) return undefined;
  const resolved = SUPPORTED_LOCALES.map((l) => localeTable(l)?.locale ?? null);
  const found: SavedCountTables['found'] = {};
  for (const r of resolved) {
    if (r === null) continue;
    const f = intlFound.get(r);
    if (!f) return undefined; // built some other way: nothing to vouch for
    found[r] = {
      decimals: f.decimals,
      units: f.units.map((u) => [u.pre, u.suf, u.power, u.spacing]),
      bare: f.bare.map((b) => [b.text, b.power]),
    };
  }
  return { resolved, found };
}

/**
 * Installs tables savedCountTables() gave on a browser with the same Intl data (the caller checks that, and the
 * shape: parseSavedCountTables), as if warmCountTables had built them. Tables already built stay as they are.
 */
export function restoreCountTables(saved: SavedCountTables): void {
  if (merged) return;
  SUPPORTED_LOCALES.forEach((l, i) => {
    const r = saved.resolved[i] ?? null;
    if (tables.has(l)) return;
    const f = r === null ? undefined : saved.found[r];
    const table =
      r === null || !f
        ? null
        : (tables.get(r) ??
          tableFrom(r, {
            decimals: f.decimals,
            units: f.units.map(([pre, suf, power, spacing]) => makeUnit(pre, suf, power, spacing, f.decimals, r)),
            bare: f.bare.map(([text, power]) => ({ text, power, from: r })),
          }));
    if (r !== null && table) tables.set(r, table);
    tables.set(l, table);
  });
  warmed = SUPPORTED_LOCALES.length;
  mergedIndex();
}

/**
 * Every unit of every SUPPORTED_LOCALES table plus the site units with either decimal symbol: the readings
 * parseCount weighs when it is given no locale. Entries keep their own locale's decimals and spacing, so "1.2B"
 * (en) and "1,2 B" (tr) stay different readings.
 */
export function mergedIndex(): UnitIndex {
  if (merged) return merged;
  const units = new Map<string, Unit>();
  const bare = new Map<string, BareUnit>();
  const add = (u: Unit) => {
    const key = `${u.pre}\u0000${u.suf}\u0000${u.power}\u0000${u.spacing}\u0000${u.decimals}`;
    if (!units.has(key)) units.set(key, u);
  };
  for (const loc of SUPPORTED_LOCALES) {
    const t = localeTable(loc);
    if (!t) continue;
    // the language-free site units are added once below, with either decimal symbol; a language's own stay its
    for (const list of t.index.bySuffix.values()) for (const u of list) if (u.from !== 'site') add(u);
    for (const u of t.index.prefixOnly) add(u);
    for (const b of t.index.bare) if (!bare.has(`${b.text}\u0000${b.power}`)) bare.set(`${b.text}\u0000${b.power}`, b);
  }
  for (const decimals of ['.' + ARABIC_DECIMAL, ',' + ARABIC_DECIMAL]) {
    for (const [text, power] of SITE_UNITS) add(makeUnit('', text, power, 2, decimals, 'site'));
  }
  merged = buildIndex([...units.values()], [...bare.values()]);
  return merged;
}
