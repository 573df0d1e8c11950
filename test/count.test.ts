import { describe, expect, it, vi } from 'vitest';
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
    ['2.3X'],
    ['x5'],
    ['1٢3'], // two digit systems in one number
    ['1.2345K'], // a decimal finer than the unit: not a whole count
    ['12.K'],
    ['١٫٢'], // an Arabic decimal without a unit
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
    ['1,2 Mio.', 'de', range(1200000, 1299999)],
    ['3万', 'ja', range(30000, 39999)],
    ['2.3K', 'not a locale!', range(2300, 2399)], // unknown locale: read as if none was given
  ])('%j in %s', (text, locale, want) => {
    expect(parseCount(text, locale)).toEqual(want);
  });
});

describe('parseCount: compact forms in every locale (units read from Intl at runtime)', () => {
  it.each<[string, string, Count | null]>([
    // East Asian myriads, words glued on (no spaces in these scripts)
    ['107万回視聴', 'ja', range(1070000, 1079999)],
    ['3.9万回視聴', 'ja-JP', range(39000, 39999)],
    ['1047回視聴', 'ja', exact(1047)],
    ['1234', 'ja', exact(1234)], // ja compact prints thousands in full: exact
    ['1.2亿', 'zh-CN', range(120000000, 129999999)],
    ['1.2億', 'zh-TW', range(120000000, 129999999)],
    ['조회수 1.2만회', 'ko', range(12000, 12999)],
    ['1.2천', 'ko', range(1200, 1299)],
    // Latin-script abbreviations that mean different things per locale
    ['12,3 mil', 'es', range(12300, 12399)], // mil = 10^3 in es/pt …
    ['12,3 mil', 'pt-BR', range(12300, 12399)],
    ['1,2 mil.', 'cs', range(1200000, 1299999)], // … and mil. = 10^6 in cs
    ['12 mil M', 'es', range(12000000000, 12999999999)], // es: billions as thousands of millions
    ['1200 M', 'es', range(1200000000, 1200999999)],
    ['1,2 B', 'tr', range(1200, 1299)], // tr: B = bin = a thousand
    ['1.2B', 'en', range(1200000000, 1299999999)],
    ['1.2B', 'tr', null], // tr writes its decimal as ","; "1.2" is no tr number
    ['1,2 B', 'es', range(1200000000000, 1299999999999)], // es: B = billón = 10^12
    ['1,2 M', 'id', range(1200000000, 1299999999)], // id: M = miliar = 10^9
    ['1,2 M', 'fr', range(1200000, 1299999)],
    ['1,2 rb', 'id', range(1200, 1299)],
    ['1,2 Mn', 'tr', range(1200000, 1299999)],
    ['1,2 E', 'hu', range(1200, 1299)],
    ['1,2 N', 'vi', range(1200, 1299)],
    ['1.2J', 'ms', range(1200000, 1299999)],
    ['1,2 mM', 'pt-PT', range(1200000000, 1299999999)],
    ['1.2 Mrd.', 'de-CH', range(1200000000, 1299999999)], // de-CH: "." is the decimal
    ['12.345', 'de', exact(12345)], // de compact prints thousands in full: exact
    ['1,2 Mio. Aufrufe', 'de', range(1200000, 1299999)],
    ['595 Tsd. Aufrufe', 'de', range(595000, 595999)], // YouTube de: a unit CLDR de no longer has (site quirk)
    ['3 Tsd.', 'en', null], // … and not a word to skip in another locale
    ['1.234 Aufrufe', 'de', exact(1234)],
    ['1,2 M de visualizaciones', 'es', range(1200000, 1299999)],
    ['1.2 K', 'es-419', range(1200, 1299)], // es-419: "K" and "k" both
    ['12.3 k', 'es-419', range(12300, 12399)],
    // Indian units
    ['1.2L', 'en-IN', range(120000, 129999)],
    ['1.2Cr', 'en-IN', range(12000000, 12999999)],
    ['1.2KCr', 'en-IN', range(12000000000, 12999999999)],
    ['12.3 क॰', 'hi', range(123000000, 123999999)],
    ['1.2 हज़ार', 'hi', range(1200, 1299)],
    ['১২ হাজার', 'bn', range(12000, 12999)],
    // long forms and their plurals
    ['5.7 thousand views', 'en', range(5700, 5799)],
    ['mille', 'fr', range(1000, 1999)], // "exactly one thousand" has no digits in fr/it long
    ['mille', 'it', range(1000, 1999)],
    ['1,2 millier', 'fr', range(1200, 1299)],
    ['2 mille', 'fr', range(2000, 2999)],
    ['2 mila', 'it', range(2000, 2999)],
    ['1,2 mila miliardi', 'it', range(1200000000000, 1299999999999)],
    ['1 тысяча', 'ru', range(1000, 1999)],
    ['2 тысячи', 'ru', range(2000, 2999)],
    ['5 тысяч', 'ru', range(5000, 5999)],
    ['21 тысяча', 'ru', range(21000, 21999)],
    ['1,2 тыс.', 'ru', range(1200, 1299)],
    ['1,2 тис.', 'uk', range(1200, 1299)],
    ['20 de mii', 'ro', range(20000, 20999)],
    ['1.4 na bilyon', 'fil', range(1400000000, 1499999999)], // fil links some numbers with "na"
    ['5 آلاف', 'ar', range(5000, 5999)],
    // native digits and separators, bidi marks
    ['۱٫۲ هزار', 'fa', range(1200, 1299)],
    ['١٫٢ ألف', 'ar', range(1200, 1299)],
    ['١٬٢٣٤', 'ar', exact(1234)],
    ['1.2 ألف', 'ar', range(1200, 1299)],
    ['१२,३४,५६७', 'hi', exact(1234567)],
    ['1.2 พัน', 'th', range(1200, 1299)],
    ['\u200F1.2K\u200F', 'he', range(1200, 1299)], // he compact ends with an RLM
    // the sites' Latin K/M/B in any locale (YouTube "4,56 K suscriptores")
    ['4,56 K', 'es', range(4560, 4569)],
    ['4,56 K suscriptores', 'es', range(4560, 4569)],
    ['45 K visualizaciones', 'es', range(45000, 45999)],
    ['45 K Aufrufe', 'de', range(45000, 45999)],
    ['1,2 M', 'tr', range(1200000, 1299999)], // tr has "Mn", so "M" is the site's million
    ['268 x ditonton', 'id', exact(268)],
    // truncation: the width is one unit of the last printed digit
    ['2K', 'en', range(2000, 2999)],
    ['2.30K', 'en', range(2300, 2309)],
    // a region Intl does not know reads as its language; an unknown language as no locale
    ['2.3K', 'en-XX', range(2300, 2399)],
    ['1,2 B', 'zz', null],
    // another locale's unit is not a word to skip: "12 Mio." read as en would be 12
    ['12 Mio.', 'en', null],
    ['1.2万', 'en', null],
    ['-1,2 тыс.', 'ru', null],
  ])('%j in %s', (text, locale, want) => {
    expect(parseCount(text, locale)).toEqual(want);
  });
});

/**
 * Without a locale, every supported locale's reading is weighed and an answer is given only when all plausible
 * ones agree. Plausible (the judgement calls, see lib/count.ts):
 *  - the decimal symbol must be the unit's own locale's ("1.2B": tr's B would need "1,2");
 *  - no decimal without a unit: counts are whole, so "2,370" and "2.370" are 2370 everywhere;
 *  - where one locale glues a unit and another spaces it, the readings with the text's spacing win
 *    ("1.2B" = en billion; es-419 writes its billón "1.2 B");
 *  - the longest unit wins ("12 mil M" is es, not pt-BR "12 mil" + a word).
 */
describe('parseCount without a locale: only readings that all agree', () => {
  it.each<[string, Count | null]>([
    ['1.2B', range(1200000000, 1299999999)],
    ['1,2 B', null], // tr 1,200 · es/hu 1.2×10^12 · de with the site's B 1.2×10^9
    ['1.2 B', null], // es-419 billón vs the site's B
    ['1,2 M', null], // fr/es million vs id miliar
    ['12 M', null],
    ['1.2M', range(1200000, 1299999)], // id's M would be "1,2 M"
    ['1,2 T', null], // id triliun vs vi tỷ
    ['1,234K', null], // 1,234 thousand (en) or 1.234 thousand (it)
    ['2.370K', null],
    ['1,2K', range(1200, 1299)], // "1,2" is no grouping: only the decimal reading
    ['4,56 K', range(4560, 4569)],
    ['12,3 mil', range(12300, 12399)], // es and pt agree
    ['1,2 mil.', range(1200000, 1299999)], // cs (the longer unit)
    ['12 mil M', range(12000000000, 12999999999)],
    ['1,2 Mio.', range(1200000, 1299999)],
    ['1,2 тыс.', range(1200, 1299)],
    ['107万回視聴', range(1070000, 1079999)], // ja and zh agree on 万
    ['1.2万', range(12000, 12999)],
    ['조회수 1.2만회', range(12000, 12999)],
    ['1.2L', range(120000, 129999)],
    ['1.2Cr', range(12000000, 12999999)],
    ['5.7 thousand views', range(5700, 5799)],
    ['mille', range(1000, 1999)], // fr and it agree
    ['12,34,567', exact(1234567)], // Indian grouping
    ['۱٫۲ هزار', range(1200, 1299)],
    ['1047回視聴', exact(1047)],
    ['１，２３４回視聴', exact(1234)], // fullwidth digits and comma
  ])('%j', (text, want) => {
    expect(parseCount(text)).toEqual(want);
  });
});

describe('the tables every locale needs are built ahead, in pieces (no long task on the first read)', () => {
  // A fresh copy of the modules: nothing built yet.
  async function fresh() {
    vi.resetModules();
    return import('../lib/count');
  }

  it('a bare number read without a locale builds no table', async () => {
    const m = await fresh();
    expect(m.parseCount('102')).toEqual(exact(102));
    expect(m.parseCount(' 116524 ')).toEqual(exact(116524));
    expect(m.parseCount('12345678901234567')).toBeNull(); // more digits than a safe integer has
    expect(m.parseCountReady()).toBe(false);
  });

  it('warmParseCount builds them a slice at a time, then parseCount reads the same', async () => {
    const m = await fresh();
    expect(m.warmParseCount(0)).toBe(false); // one locale's table per call at least, never all at once
    let calls = 1;
    while (!m.warmParseCount(2)) calls++;
    expect(calls).toBeGreaterThan(1);
    expect(m.parseCountReady()).toBe(true);
    expect(m.warmParseCount(0)).toBe(true);
    expect(m.parseCount('1.2K')).toEqual(range(1200, 1299));
    expect(m.parseCount('12 Mio.', 'en')).toBeNull(); // another locale's unit: the merged tables are there
  });
});
