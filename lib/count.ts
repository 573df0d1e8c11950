// Displayed count → Count. See ../shared/DESIGN.md ("Contracts") and dom-anchors.md §12.
//
// Sites truncate, never round: "2.3K" means 2300..2399. A full number ("2,370", "2 370", "2370 views") is exact.
// Anything we cannot read with confidence gives null — never a guess, never a throw.
//
// Built to grow: compact suffixes live in a per-language table (COMPACT) and the locale's group/decimal symbols come
// from Intl, so adding a language is adding rows, not code.

export interface Count {
  value: number;
  min: number;
  max: number;
  exact: boolean;
}

export const exactCount = (n: number): Count => ({ value: n, min: n, max: n, exact: true });

/**
 * A well-formed Count: finite, min <= value <= max, and an exact one is a point. Anything else is dropped,
 * never stored. (Negative is allowed: a Reddit score can go below zero.)
 */
export function isCount(c: unknown): c is Count {
  if (typeof c !== 'object' || c === null) return false;
  const { value, min, max, exact } = c as Record<string, unknown>;
  return (
    typeof value === 'number' &&
    typeof min === 'number' &&
    typeof max === 'number' &&
    typeof exact === 'boolean' &&
    Number.isFinite(value) &&
    Number.isFinite(min) &&
    Number.isFinite(max) &&
    min <= value &&
    value <= max &&
    (!exact || min === max)
  );
}

/** A compact-notation suffix: the text, the power of ten it stands for, and whether case is ignored. */
interface Suffix {
  s: string;
  p: number;
  ci?: boolean;
}

/** Compact suffixes per language (the locale's language subtag). No row: that language's compact text reads as null. */
const COMPACT: Record<string, Suffix[]> = {
  en: [
    { s: 'K', p: 3, ci: true },
    { s: 'M', p: 6 },
    { s: 'B', p: 9 },
    { s: 'thousand', p: 3, ci: true },
    { s: 'million', p: 6, ci: true },
    { s: 'billion', p: 9, ci: true },
  ],
};

const MAX_INPUT = 2000;
const MAX_DIGITS = 16; // Number.MAX_SAFE_INTEGER has 16 digits

/** Zero code point of each decimal-digit block we map to ASCII (Arabic-Indic, Persian, Devanagari, Bengali, …, fullwidth). */
const DIGIT_ZEROS = [0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xe50, 0xed0, 0xf20, 0x1040, 0x17e0, 0x1810, 0xff10];

const INVISIBLE = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g; // bidi marks, ZW chars, soft hyphen
const SPACES = /[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]/g; // NBSP, narrow NBSP, thin space, …
const APOSTROPHES = /[\u2019\u02BC\uFF07]/g; // ’ ʼ ＇ → '
/** A number token: starts and ends with a digit, separators inside. */
const TOKEN = /[0-9](?:[0-9.,' \u066B\u066C]*[0-9])?/g;
const DECIMAL_CAPABLE = new Set(['.', ',', '\u066B']);

function normalize(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .replace(SPACES, ' ')
    .replace(APOSTROPHES, "'")
    .replace(/\p{Nd}/gu, (d) => {
      const cp = d.codePointAt(0)!;
      const zero = DIGIT_ZEROS.find((z) => cp >= z && cp <= z + 9);
      return zero === undefined ? d : String(cp - zero);
    });
}

interface Symbols {
  decimal: string;
}
const symbolCache = new Map<string, Symbols | null>();

/** The locale's decimal symbol (normalized), or null when Intl does not know the locale. */
function localeSymbols(locale: string): Symbols | null {
  if (symbolCache.has(locale)) return symbolCache.get(locale)!;
  let sym: Symbols | null = null;
  try {
    const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
    const decimal = parts.find((p) => p.type === 'decimal')?.value;
    if (decimal) sym = { decimal: normalize(decimal) };
  } catch {
    sym = null;
  }
  symbolCache.set(locale, sym);
  return sym;
}

function suffixTable(locale: string | undefined): Suffix[] {
  const lang = (locale ?? 'en').split(/[-_]/)[0]!.toLowerCase();
  return COMPACT[lang] ?? [];
}

/** The longest suffix at the start of `tail` that is not the beginning of a longer word. */
function matchSuffix(tail: string, table: Suffix[]): Suffix | undefined {
  let best: Suffix | undefined;
  for (const sfx of table) {
    const head = tail.slice(0, sfx.s.length);
    const same = sfx.ci ? head.toLowerCase() === sfx.s.toLowerCase() : head === sfx.s;
    if (!same) continue;
    const next = tail.charAt(sfx.s.length);
    const cjk = /[\p{sc=Han}\p{sc=Hangul}\p{sc=Hiragana}\p{sc=Katakana}]$/u.test(sfx.s);
    if (/\p{L}/u.test(next) && !cjk) continue;
    if (!best || sfx.s.length > best.s.length) best = sfx;
  }
  return best;
}

/** Integer digits grouped as 1–3 digits then groups of exactly 3 ("2,370", "1 234 567"). */
function ungroup(int: string, group: string | undefined): string | null {
  if (group === undefined) return /^[0-9]+$/.test(int) ? int : null;
  const parts = int.split(group);
  if (!/^[0-9]{1,3}$/.test(parts[0]!)) return null;
  for (const part of parts.slice(1)) if (!/^[0-9]{3}$/.test(part)) return null;
  return parts.join('');
}

/** Reading of a token with `decimal` as the decimal symbol (or none) and every other separator as grouping. */
function read(token: string, decimal: string | undefined, power: number): Count | null {
  let int = token;
  let frac = '';
  if (decimal !== undefined) {
    const at = token.indexOf(decimal);
    if (at < 0 || token.indexOf(decimal, at + 1) >= 0) return null;
    int = token.slice(0, at);
    frac = token.slice(at + 1);
    if (!/^[0-9]+$/.test(frac) || frac.length > power) return null; // counts are whole numbers
  }
  const groups = new Set(int.replace(/[0-9]/g, ''));
  if (groups.size > 1) return null;
  const digits = ungroup(int, [...groups][0]);
  if (digits === null) return null;
  const all = (digits + frac).replace(/^0+(?=[0-9])/, '');
  if (all.length > MAX_DIGITS) return null;
  const unit = 10 ** (power - frac.length);
  const value = Number(all) * unit;
  const max = value + unit - 1;
  if (!Number.isSafeInteger(value) || !Number.isSafeInteger(max)) return null;
  return { value, min: value, max, exact: unit === 1 };
}

/** Every reading of the token that the (optional) locale allows; null unless they all agree. */
function interpret(token: string, power: number, locale: string | undefined): Count | null {
  const seps = [...new Set(token.replace(/[0-9]/g, ''))];
  if (seps.length > 2) return null;
  const sym = locale ? localeSymbols(locale) : null;
  let decimals: (string | undefined)[];
  if (sym) decimals = [seps.includes(sym.decimal) ? sym.decimal : undefined];
  else decimals = [undefined, ...seps.filter((c) => DECIMAL_CAPABLE.has(c))];
  const readings = decimals.map((d) => read(token, d, power)).filter((c): c is Count => c !== null);
  const first = readings[0];
  if (!first) return null;
  return readings.every((c) => c.min === first.min && c.max === first.max) ? first : null;
}

/**
 * Parse one displayed count, with or without words around it ("48 Replies. Reply", "29.9K", "2 370 vues").
 * `locale` (BCP 47) fixes the decimal symbol and the compact suffixes; without it English suffixes apply and a
 * separator is read as grouping or decimal only when exactly one reading makes a whole count.
 */
export function parseCount(text: string, locale?: string): Count | null {
  try {
    if (typeof text !== 'string' || text.length > MAX_INPUT) return null;
    if (locale !== undefined && !localeSymbols(locale)) locale = undefined; // unknown locale: read as if none given
    const s = normalize(text);
    const tokens = [...s.matchAll(TOKEN)];
    if (tokens.length !== 1) return null;
    const m = tokens[0]!;
    const start = m.index;
    const before = s.slice(0, start);
    if (/[-\u2212+.,'\u066B\u066C\p{L}]$/u.test(before)) return null; // "-5", ".5", "x5"
    const after = s.slice(start + m[0].length);
    const tail = after.trimStart();
    if (/^[%‰]/.test(tail)) return null;
    const suffix = matchSuffix(tail, suffixTable(locale));
    if (!suffix && tail === after && /^\p{L}/u.test(tail)) return null; // "5m", "3h", "1e5": unknown unit glued on
    return interpret(m[0], suffix?.p ?? 0, locale);
  } catch {
    return null;
  }
}
