import { describe, expect, it } from 'vitest';
import { parseCount, type Count } from '../lib/count';

const exact = (v: number): Count => ({ value: v, min: v, max: v, exact: true });
const range = (min: number, max: number): Count => ({ value: min, min, max, exact: false });

describe('parseCount: full numbers are exact', () => {
  it.each<[string, number]>([
    ['0', 0],
    ['7', 7],
    ['2370', 2370],
    ['2,370', 2370],
    ['2.370', 2370], // one separator + exactly 3 digits and no suffix: grouping (a count is whole)
    ['2 370', 2370],
    ['2\u00A0370', 2370], // NBSP
    ['2\u202F370', 2370], // narrow NBSP (fr)
    ['2\u2009370', 2370], // thin space
    ['2’370', 2370], // de-CH
    ["2'370", 2370],
    ['1,234,567', 1234567],
    ['1.234.567', 1234567],
    ['1 234 567', 1234567],
    ['116524 views', 116524],
    ['48 Replies. Reply', 48],
    ['2195266 views. View post analytics', 2195266],
    ['1 view', 1],
    ['Views: 30142', 30142],
    ['\u200F2,370\u200E', 2370], // bidi marks
    ['\u202B2 370\u202C', 2370],
    ['48 件の返信。返信する', 48],
    ['٢٣٧٠', 2370], // Arabic-Indic digits
    ['9007199254740991', Number.MAX_SAFE_INTEGER],
  ])('%j → %d', (text, value) => {
    expect(parseCount(text)).toEqual(exact(value));
  });
});

describe('parseCount: English compact text is a truncated interval', () => {
  it.each<[string, number, number]>([
    ['2.3K', 2300, 2399],
    ['2.3k', 2300, 2399],
    ['11K', 11000, 11999],
    ['11k', 11000, 11999],
    ['29.9K', 29900, 29999],
    ['82.5K', 82500, 82599],
    ['2.5M', 2500000, 2599999],
    ['9.2M', 9200000, 9299999],
    ['11M', 11000000, 11999999],
    ['1.2B', 1200000000, 1299999999],
    ['29.9K Views', 29900, 29999],
    ['1.2 K', 1200, 1299],
    ['\u200E2.3K\u200F', 2300, 2399],
    ['5.7 thousand views', 5700, 5799],
    ['3 million', 3000000, 3999999],
    ['1,2K', 1200, 1299], // only a decimal reading makes sense
  ])('%j → %d..%d', (text, min, max) => {
    expect(parseCount(text)).toEqual(range(min, max));
  });

  it('a compact value that is whole to the unit is exact', () => {
    expect(parseCount('2.370K')).toEqual(null); // ambiguous without a locale: 2370 or 2,370,000
    expect(parseCount('2.370K', 'en')).toEqual(exact(2370));
  });
});

describe('parseCount: unreadable text is null, never a guess', () => {
  it.each<[string]>([
    [''],
    ['   '],
    ['—'],
    ['-'],
    ['Reposted'],
    ['View post analytics'],
    ['1.2.3K'],
    ['1,2,3'],
    ['-5'],
    ['\u22125'], // minus sign
    ['+5'],
    ['.5K'],
    ['Infinity'],
    ['NaN'],
    ['1e5'],
    ['5m'], // minutes? not English compact (M is upper case)
    ['3h'],
    ['50%'],
    ['9'.repeat(400)],
    ['99999999999999999999 views'],
    ['9007199254740993'], // > MAX_SAFE_INTEGER
    ['9007199254740.9K'],
    ['1.5'], // counts are whole
    ['2.37'],
    ['1,5'],
    ['1,234.5'],
    ['1,234K'], // 1,234,000.. or 1,234 exactly: ambiguous
    ['1 reply, 2 views'], // two numbers
    ['12 34'], // not a grouping
    ['1.2万'], // Japanese compact: no table for it yet
    ['2.3X'],
    ['x5'],
  ])('%j → null', (text) => {
    expect(parseCount(text)).toBeNull();
  });

  it('never throws on odd input', () => {
    for (const t of [undefined, null, 42, {}, 'a'.repeat(5000), '\uD800', '1'.repeat(3000)]) {
      expect(() => parseCount(t as unknown as string)).not.toThrow();
      expect(parseCount(t as unknown as string)).toBeNull();
    }
  });
});

describe('parseCount with a locale uses its group and decimal symbols', () => {
  it.each<[string, string, Count | null]>([
    ['2.370', 'de', exact(2370)],
    ['2,370', 'de', null], // a decimal in de: not a whole count
    ['1.234.567', 'de', exact(1234567)],
    ['2,370', 'en', exact(2370)],
    ['2.370', 'en', null], // a decimal in en
    ['2.3K', 'en', range(2300, 2399)],
    ['2.3K', 'en-US', range(2300, 2399)],
    ['1,234K', 'en', range(1234000, 1234999)],
    ['2\u202F370', 'fr', exact(2370)],
    ['2 370', 'fr', exact(2370)],
    ["2'370", 'de-CH', exact(2370)],
    ['2’370', 'de-CH', exact(2370)],
    ['۲٬۳۷۰', 'fa', exact(2370)],
    ['30142 件の表示', 'ja', exact(30142)],
    ['1,2 Mio.', 'de', null], // compact tables for other languages come later: null, not a guess
    ['3万', 'ja', null],
    ['2.3K', 'not a locale!', range(2300, 2399)], // unknown locale: read as if none was given
  ])('%j in %s', (text, locale, want) => {
    expect(parseCount(text, locale)).toEqual(want);
  });
});
