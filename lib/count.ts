// Displayed count → Count. See ../shared/DESIGN.md ("Contracts") and dom-anchors.md §12.
//
// Sites truncate, never round: "2.3K" means 2300..2399, and the unit of the last printed digit sets the width
// ("2K" = 2000..2999, "2.30K" = 2300..2309). A full number ("2,370", "2 370", "2370 views", "١٬٢٣٤") is exact.
// Anything we cannot read with confidence gives null — never a guess, never a throw.
//
// How a text is read:
//   1. normalize (lib/count-text.ts): bidi marks out, spaces unified, native digits → ASCII (mixed systems → null);
//   2. exactly one number token: digits with separators inside (". , ' space ٫ ٬");
//   3. the compact unit around it, longest match, from the locale's table (lib/count-locales.ts: built from Intl,
//      plus the sites' Latin K/M/B) — or, with no locale, from every supported locale's table at once;
//   4. every plausible reading (which symbol is the decimal, which power the unit means) is computed; the answer is
//      given only when they all agree.
//
// Plausibility, when no locale is given (documented in test/count.test.ts with examples):
//   - a separator is the decimal only if the unit's own locale uses it as its decimal symbol; every other separator
//     must then be valid grouping (1–3 digits, then groups of 3; or Indian 1–2, 2s, 3 with ",");
//   - a decimal without a unit is never plausible: counts are whole ("2,370" is 2370 in every locale);
//   - spacing: where a unit is printed glued by one locale and spaced by another ("1.2B" en = 1e9, "1.2 B" es-419 =
//     1e12), the readings whose spacing matches the text win; only if none match are all kept;
//   - a unit matched as part of a longer unit is not read as the shorter one ("12 mil M" is es 1.2e10, not pt-BR
//     "12 mil" followed by a word "M").

import { ARABIC_DECIMAL, letterKind, normalize } from './count-text';
import {
  localeTable,
  mergedIndex,
  mergedIndexBuilt,
  warmCountTables,
  type BareUnit,
  type LocaleTable,
  type Unit,
  type UnitIndex,
} from './count-locales';

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

const MAX_INPUT = 2000;
const MAX_DIGITS = 16; // Number.MAX_SAFE_INTEGER has 16 digits

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
function isAllDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return s.length > 0;
}
/** Separators that may sit between digits of one number. */
const isSep = (ch: string) => ch === '.' || ch === ',' || ch === "'" || ch === ' ' || ch === ARABIC_DECIMAL || ch === '\u066C';
/** Right before the number these make it something else: a sign ("-5", "−5", "+5") or a lost decimal (".5K"). */
const BAD_BEFORE = new Set(['-', '\u2212', '\uFE63', '\uFF0D', '+', '\uFF0B', '.', ',', "'", ARABIC_DECIMAL, '\u066C']);
const PERCENT = new Set(['%', '\u066A', '\u2030', '\uFF05']);

/**
 * The reading of a number token (ASCII digits and separators) with `dec` as its decimal symbol ('' = none) and the
 * unit 10^power; null when that reading is not a well-formed whole count.
 */
function read(tok: string, dec: string, power: number): Count | null {
  const n = tok.length;
  let intEnd = n;
  let fracLen = 0;
  if (dec !== '') {
    const at = tok.indexOf(dec);
    if (at >= 0) {
      if (tok.indexOf(dec, at + 1) >= 0) return null;
      intEnd = at;
      fracLen = n - at - 1;
      if (fracLen > power) return null; // a decimal finer than a unit: not a count
      for (let i = at + 1; i < n; i++) if (!isDigit(tok.charCodeAt(i))) return null;
    }
  }
  // Integer part: digits, at most one kind of grouping separator, in a valid grouping.
  let group = '';
  let run = 0; // digits in the current group
  let first = -1; // digits in the first group
  let threes = true; // every later group has 3 digits (western)
  let indian = true; // every middle group has 2 digits (Indian: 12,34,567)
  let groups = 0;
  let value = 0;
  let digits = 0;
  for (let i = 0; i < intEnd; i++) {
    const c = tok.charCodeAt(i);
    if (isDigit(c)) {
      run++;
      digits++;
      value = value * 10 + (c - 0x30);
      continue;
    }
    const ch = tok[i]!;
    if (ch === ARABIC_DECIMAL) return null; // never grouping
    if (group === '') group = ch;
    else if (ch !== group) return null;
    if (groups === 0) first = run;
    else {
      if (run !== 3) threes = false;
      if (run !== 2) indian = false;
    }
    groups++;
    run = 0;
  }
  if (groups > 0) {
    const last = run;
    const western = first >= 1 && first <= 3 && threes && last === 3;
    const ind = group === ',' && first >= 1 && first <= 2 && indian && last === 3;
    if (!western && !ind) return null;
  }
  for (let i = intEnd + 1; i < n; i++) {
    value = value * 10 + (tok.charCodeAt(i) - 0x30);
    digits++;
  }
  if (digits > MAX_DIGITS) return null;
  const unit = 10 ** (power - fracLen);
  const min = value * unit;
  const max = min + unit - 1;
  if (!Number.isSafeInteger(value) || !Number.isSafeInteger(min) || !Number.isSafeInteger(max)) return null;
  return { value: min, min, max, exact: unit === 1 };
}

/** The first of `decimals` that occurs in the token, or ''. */
function decimalIn(tok: string, decimals: string): string {
  for (let i = 0; i < decimals.length; i++) if (tok.includes(decimals[i]!)) return decimals[i]!;
  return '';
}

/**
 * The token with a unit: one reading per unit (its locale's decimal symbol, its power), skipping repeats; the
 * answer when the readings that make a count all agree, else null.
 */
function readWithUnits(tok: string, units: readonly Unit[]): Count | null {
  let out: Count | null = null;
  let seen = '';
  for (const u of units) {
    const dec = decimalIn(tok, u.decimals);
    const key = `|${dec}${u.power};`;
    if (seen.includes(key)) continue;
    seen += key;
    const c = read(tok, dec, u.power);
    if (!c) continue; // not a number in that locale ("1.2" where "," is the decimal): not a plausible reading
    if (!out) out = c;
    else if (out.min !== c.min || out.max !== c.max) return null;
  }
  return out;
}

/**
 * The token without a unit: a whole count only as grouping. A decimal symbol of the locale (or the Arabic one, a
 * decimal everywhere) makes it a fraction, and counts are whole. Without a locale, "2,370" and "2.370" both read as
 * grouping: the decimal reading is never a count.
 */
function readPlain(tok: string, localeDecimals: string | undefined): Count | null {
  if (tok.includes(ARABIC_DECIMAL)) return null;
  if (localeDecimals !== undefined && decimalIn(tok, localeDecimals) !== '') return null;
  return read(tok, '', 0);
}

/**
 * The units around the number: every unit whose suffix starts `rest` and whose prefix (if any) ends `before`,
 * keeping only the longest match (lower-cased copies are made only when a case-blind unit is tried).
 */
function matchUnits(index: UnitIndex, before: string, rest: string): Unit[] {
  let best: Unit[] = [];
  let bestLen = 0;
  let restLower: string | undefined;
  let beforeLower: string | undefined;
  const lowerRest = () => (restLower ??= rest.slice(0, index.maxSuffix + 1).toLowerCase());
  const lowerBefore = () => (beforeLower ??= before.toLowerCase());
  const preOk = (u: Unit): boolean => {
    if (!u.pre) return true;
    const b = before.trimEnd();
    const at = b.length - u.pre.length;
    if (at < 0) return false;
    if (u.preLower !== undefined ? !lowerBefore().trimEnd().endsWith(u.preLower) : !b.endsWith(u.pre)) return false;
    return !(u.preBoundary && letterKind(b, at - 1) === 1);
  };
  const take = (u: Unit, len: number) => {
    if (len > bestLen) {
      best = [u];
      bestLen = len;
    } else if (len === bestLen) best.push(u);
  };
  if (rest !== '') {
    const list = index.bySuffix.get(rest.charAt(0).toLowerCase());
    if (list) {
      for (const u of list) {
        const ok = u.sufLower !== undefined ? lowerRest().startsWith(u.sufLower) : rest.startsWith(u.suf);
        if (!ok) continue;
        if (u.boundary) {
          const next = u.sufLower !== undefined ? letterKind(lowerRest(), u.sufLower.length) : letterKind(rest, u.suf.length);
          if (next === 1) continue; // "mil" in "millones", "M" in "Me gusta"
        }
        if (!preOk(u)) continue;
        take(u, u.suf.length + u.pre.length);
      }
    }
  }
  for (const u of index.prefixOnly) if (preOk(u)) take(u, u.pre.length);
  return best;
}

/** Units whose spacing fits the text; all of them if none does (a site may space what CLDR glues). */
function bySpacing(units: Unit[], spaced: boolean): Unit[] {
  const want = spaced ? 1 : 0;
  let fit = 0;
  for (const u of units) if (u.spacing === 2 || u.spacing === want) fit++;
  if (fit === 0 || fit === units.length) return units;
  return units.filter((u) => u.spacing === 2 || u.spacing === want);
}

/** A text with no digits: only a number-less compact form ("mille"), alone or before words. */
function readBare(s: string, bare: readonly BareUnit[]): Count | null {
  let out: Count | null = null;
  for (const b of bare) {
    if (s !== b.text && !(s.startsWith(b.text) && s.charAt(b.text.length) === ' ')) continue;
    const min = 10 ** b.power;
    const c: Count = { value: min, min, max: 2 * min - 1, exact: false };
    if (out && (out.min !== c.min || out.max !== c.max)) return null;
    out = c;
  }
  return out;
}

/** Whether every table parseCount may need is built, so no call of it builds one (see warmParseCount). */
export const parseCountReady = (): boolean => mergedIndexBuilt();

/**
 * Builds parseCount's tables for about `budgetMs` (Infinity: all of them now); true once they are all built. The
 * first parseCount that reads against every supported locale (no locale, or a locale and a word after the number:
 * "48 Replies. Reply") would otherwise build them all at once — tens of ms, a long task while the user scrolls.
 */
export const warmParseCount = (budgetMs: number): boolean => warmCountTables(budgetMs);

/**
 * Parse one displayed count, with or without words around it ("48 Replies. Reply", "29.9K", "2 370 vues",
 * "107万回視聴", "조회수 1.2만회").
 *
 * `locale` (BCP 47, e.g. the page's `lang`) fixes the decimal symbol and the compact units (its CLDR short and long
 * forms plus the sites' K/M/B where they do not clash). An unknown or malformed locale reads as no locale. Without
 * one, the text is read against every supported locale and answered only when all plausible readings agree.
 */
export function parseCount(text: string, locale?: string): Count | null {
  try {
    if (typeof text !== 'string' || text.length > MAX_INPUT) return null;
    const table: LocaleTable | null = typeof locale === 'string' && locale !== '' ? localeTable(locale) : null;
    const s = normalize(text);
    if (s === null || s === '') return null;

    // The one number token.
    const n = s.length;
    // Only digits (X's summary label gives "102"): no unit can be around it, so no table is needed.
    if (!table && isAllDigits(s)) return read(s, '', 0);
    let start = 0;
    while (start < n && !isDigit(s.charCodeAt(start))) start++;
    if (start === n) return readBare(s, (table?.index ?? mergedIndex()).bare);
    let end = start + 1;
    while (end < n) {
      if (isDigit(s.charCodeAt(end))) end++;
      else if (end + 1 < n && isSep(s[end]!) && isDigit(s.charCodeAt(end + 1))) end += 2;
      else break;
    }
    for (let i = end; i < n; i++) if (isDigit(s.charCodeAt(i))) return null; // two numbers: which one?
    const tok = s.slice(start, end);

    const before = s.slice(0, start);
    if (start > 0 && BAD_BEFORE.has(s[start - 1]!)) return null;
    const rest0 = s.slice(end);
    const spaced = rest0.charAt(0) === ' ';
    const rest = spaced ? rest0.slice(1) : rest0;
    if (PERCENT.has(rest.charAt(0))) return null;
    if (!spaced && (rest[0] === '.' || rest[0] === ',') && letterKind(rest, 1) !== 0) return null; // "12.K"

    const index = table ? table.index : mergedIndex();
    const units = matchUnits(index, before, rest);
    if (start > 0 && letterKind(s, start - 1) === 1 && !units.some((u) => u.pre)) return null; // "x5"
    if (units.length === 0) {
      // No unit: words may follow ("views", "回視聴") — but not a glued Latin/Cyrillic/… letter ("5m", "3h"),
      // and not another locale's unit ("12 Mio." read as "en" would be 12, a wrong number, not an honest null).
      const k = letterKind(rest, 0);
      if (k === 1 && !spaced) return null;
      if (table && k !== 0 && matchUnits(mergedIndex(), before, rest).length > 0) return null;
      return readPlain(tok, table?.decimals);
    }
    return readWithUnits(tok, bySpacing(units, spaced));
  } catch {
    return null;
  }
}
