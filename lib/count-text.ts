// Text normalisation shared by parseCount (lib/count.ts) and the compact tables (lib/count-locales.ts): both sides
// must see the same characters, or a suffix Intl prints ("1,2 Mio." with U+00A0) would never match the page's text.
//
// One pass, no regex on the hot path: parseCount runs on every counter of every post while the user scrolls.

/**
 * Zero of every run of decimal digits in Unicode 17 (\p{Nd}: ASCII, Arabic-Indic, Persian, N'Ko, Devanagari,
 * Bengali, …, Thai, Lao, Tibetan, Myanmar, Khmer, Mongolian, …, fullwidth, and the astral ones). Each run is ten
 * consecutive code points, 0 to 9. This is Unicode data, not a locale table: generated once with
 * `/\p{Nd}/u` over all code points.
 */
const DIGIT_ZEROS = [
  0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50, 0xed0,
  0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620,
  0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10, 0x104a0, 0x10d30, 0x10d40, 0x11066, 0x110f0, 0x11136,
  0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x116d0, 0x116da, 0x11730, 0x118e0, 0x11950, 0x11bf0,
  0x11c50, 0x11d50, 0x11da0, 0x11de0, 0x11f50, 0x16130, 0x16a60, 0x16ac0, 0x16b50, 0x16d70, 0x1ccf0, 0x1d7ce,
  0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e4f0, 0x1e5f1, 0x1e950, 0x1fbf0,
];

/** Non-ASCII digit code point → the zero of its run. */
const DIGIT_ZERO_OF = new Map<number, number>();
for (const z of DIGIT_ZEROS) if (z !== 0x30) for (let d = 0; d < 10; d++) DIGIT_ZERO_OF.set(z + d, z);

/** Arabic decimal separator: a decimal symbol in every locale that prints it, never a grouping. */
export const ARABIC_DECIMAL = '\u066B';
/** Arabic thousands separator: always grouping. */
export const ARABIC_GROUP = '\u066C';

/**
 * Dropped: bidi marks and isolates (U+200E/F, U+061C, U+202A–E, U+2066–9), zero-width characters, word joiner,
 * soft hyphen, BOM. Sites wrap numbers in them (he compact is "1.2K" + RLM; X wraps counts in LRM in RTL UIs).
 */
function invisible(c: number): boolean {
  return (
    c === 0xad ||
    c === 0x61c ||
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2069) ||
    c === 0xfeff
  );
}

/** Read as one ASCII space: NBSP (de, fr units), narrow NBSP (fr grouping), thin space, ideographic space, …. */
function spaceLike(c: number): boolean {
  return c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0x1680;
}

/** Read as ASCII "'": de-CH groups with U+2019 (Intl) or "'" (people). */
function apostropheLike(c: number): boolean {
  return c === 0x2019 || c === 0x2bc || c === 0xff07;
}

/**
 * The text as parseCount reads it: invisibles dropped, every space-like run one " ", apostrophes "'", every decimal
 * digit ASCII; trimmed. Returns null when digits of two numbering systems are mixed ("1٢3"): no site prints that,
 * so it is not a number we can vouch for.
 */
export function normalize(text: string): string | null {
  let out = '';
  let zero = -1; // zero code point of the digits seen so far
  let space = true; // last emitted char was a space (or nothing yet): collapses runs, trims the start
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x30 && c <= 0x39) {
        if (zero !== 0x30) {
          if (zero !== -1) return null;
          zero = 0x30;
        }
        out += text[i];
        space = false;
      } else if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) {
        if (!space) out += ' ';
        space = true;
      } else {
        out += text[i];
        space = false;
      }
      continue;
    }
    if (invisible(c)) continue;
    if (spaceLike(c)) {
      if (!space) out += ' ';
      space = true;
      continue;
    }
    space = false;
    if (apostropheLike(c)) {
      out += "'";
      continue;
    }
    if (c === 0xff0c || c === 0xff0e) {
      out += c === 0xff0c ? ',' : '.'; // fullwidth comma and full stop, beside fullwidth digits ("１，２３４")
      continue;
    }
    let cp = c;
    let width = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = (c - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    const z = DIGIT_ZERO_OF.get(cp);
    if (z !== undefined) {
      if (zero !== z) {
        if (zero !== -1) return null;
        zero = z;
      }
      out += String.fromCharCode(0x30 + cp - z);
    } else {
      out += width === 1 ? text[i] : text.slice(i, i + 2);
    }
    i += width - 1;
  }
  return space && out.length > 0 ? out.slice(0, -1) : out;
}

const LETTER = /[\p{L}\p{M}]/u;
/**
 * Scripts written without spaces between words: a word glued to the number is normal there ("1047回視聴",
 * "1.2만회", "ยอดดู1.2K"), while in Latin script a glued unknown letter means an unknown unit ("5m", "1e5").
 */
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}\u3005\u30FC]/u;

/**
 * The character at s[i] (a whole code point, so astral letters count): 0 not a letter (or out of range), 1 a letter
 * or mark of a spaced script, 2 a letter of an unspaced script (CJK, Thai, …).
 */
export function letterKind(s: string, i: number): 0 | 1 | 2 {
  if (i < 0 || i >= s.length) return 0;
  const c = s.charCodeAt(i);
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ? 1 : 0;
  let ch = s[i]!;
  if (c >= 0xd800 && c <= 0xdbff) ch = s.slice(i, i + 2);
  else if (c >= 0xdc00 && c <= 0xdfff && i > 0) ch = s.slice(i - 1, i + 1); // looking back at a low surrogate
  if (UNSPACED.test(ch)) return 2;
  return LETTER.test(ch) ? 1 : 0;
}
