// parseCount against the browser's own formatter: whatever Intl prints for an integer, compact (short and long,
// truncated like the sites) or in full, parseCount(text, locale) must give an interval that contains it.
// Fixed seeds: a failure reproduces, and the run takes a few seconds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCount } from '../lib/count';
import { SUPPORTED_LOCALES } from '../lib/count-locales';

/** The 40 locales of issue 3 (= SUPPORTED_LOCALES), plus native-digit variants Intl does not pick by default here. */
const LOCALES = [...SUPPORTED_LOCALES, 'ar-EG', 'ar-u-nu-arab', 'hi-u-nu-deva', 'th-u-nu-thai', 'mr'];
const RUNS = 2_600; // per locale × display: 46 × 2 × 2,600 ≈ 240k compact cases
const MAX = 1e12;

/**
 * Integers 0..10^12, spread over the magnitudes (a uniform draw would put 90 % of them above 10^11), plus the
 * edges of each power where truncation and plural forms change.
 */
const integer: fc.Arbitrary<number> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.integer({ min: 0, max: 11 }), fc.double({ min: 1, max: 10, maxExcluded: true, noNaN: true })).map(([e, m]) => Math.floor(m * 10 ** e)) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 99_999 }) },
  { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: BigInt(MAX) }).map(Number) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: -3, max: 3 })).map(([e, d]) => Math.min(MAX, Math.max(0, 10 ** e + d))) },
);

const contains = (text: string, locale: string | undefined, n: number): boolean => {
  const c = parseCount(text, locale);
  return c !== null && c.min <= n && n <= c.max && c.min <= c.value && c.value <= c.max;
};

const formatter = (locale: string, compactDisplay: 'short' | 'long') =>
  new Intl.NumberFormat(locale, { notation: 'compact', compactDisplay, roundingMode: 'trunc' } as Intl.NumberFormatOptions);

let total = 0;

describe('parseCount(compact text, locale) contains the integer Intl formatted', () => {
  describe.each(['short', 'long'] as const)('compactDisplay %s', (display) => {
    it.each(LOCALES)('%s', (locale) => {
      const fmt = formatter(locale, display);
      fc.assert(
        fc.property(integer, (n) => {
          total++;
          const text = fmt.format(n);
          if (!contains(text, locale, n)) throw new Error(`${JSON.stringify(text)} (${n}) → ${JSON.stringify(parseCount(text, locale))}`);
        }),
        { seed: 0x5eed + locale.length * 7 + (display === 'long' ? 1 : 0), numRuns: RUNS },
      );
    });
  });

  it('ran at least 100k cases', () => {
    expect(total).toBeGreaterThanOrEqual(100_000);
  });
});

describe('parseCount(full number, locale) is exact', () => {
  it.each(LOCALES)('%s', (locale) => {
    const fmt = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    fc.assert(
      fc.property(fc.oneof(integer, fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })), (n) => {
        const text = fmt.format(n);
        expect(parseCount(text, locale), text).toEqual({ value: n, min: n, max: n, exact: true });
        // a full number reads the same with no locale: a decimal reading of it is never a whole count
        expect(parseCount(text), `${text} without a locale`).toEqual({ value: n, min: n, max: n, exact: true });
      }),
      { seed: 0xf011 + locale.length, numRuns: 1_000 },
    );
  });
});

describe('without a locale, an answer is never wrong', () => {
  // parseCount(text) weighs every supported locale's reading: it may say null (ambiguous), but when it answers, the
  // interval must contain the number whichever of those locales printed the text.
  it.each(SUPPORTED_LOCALES)('%s', (locale) => {
    const short = formatter(locale, 'short');
    const long = formatter(locale, 'long');
    fc.assert(
      fc.property(integer, fc.boolean(), (n, isLong) => {
        const text = (isLong ? long : short).format(n);
        const c = parseCount(text);
        if (c !== null && !(c.min <= n && n <= c.max)) throw new Error(`${JSON.stringify(text)} (${n}) → ${JSON.stringify(c)}`);
      }),
      { seed: 0xa11 + locale.length, numRuns: 1_000 },
    );
  });
});
