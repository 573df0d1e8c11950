// lib/format.ts formatTimes (frequency "10.0×", "1.25×") and formatDuration (sparkline titles).
import { describe, expect, it } from 'vitest';
import { formatDuration, formatTimes } from '@/lib/format';

describe('formatTimes: three significant digits', () => {
  it.each([
    [10, 'en', '10.0'],
    [1.25, 'en', '1.25'],
    [1.2503, 'en', '1.25'],
    [3.14159, 'en', '3.14'],
    [1, 'en', '1.00'],
    [99.94, 'en', '99.9'],
    [123.4, 'en', '123'],
    [1234, 'en', '1,234'],
    [10, 'de', '10,0'],
    [1.25, 'fr', '1,25'],
    [2.5, 'ja', '2.50'],
  ] as const)('%d in %s → %s', (n, locale, expected) => {
    expect(formatTimes(n, locale)).toBe(expected);
  });
});

describe('formatDuration', () => {
  const M = 60_000;
  it.each([
    [45 * M, 'en', '45 minutes'],
    [5 * 60 * M, 'en', '5 hours'],
    [47 * 60 * M, 'en', '47 hours'],
    [3 * 24 * 60 * M, 'en', '3 days'],
    [3 * 24 * 60 * M, 'de', '3 Tage'],
  ] as const)('%d ms in %s → %s', (ms, locale, expected) => {
    expect(formatDuration(ms, locale)).toBe(expected);
  });
});
