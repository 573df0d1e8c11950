// Numbers, counts, rates and times for people, through Intl in the user's locale.
import type { Count } from './count';

/**
 * One formatter per locale (and shape), made on first use: building an Intl formatter costs tens of µs, and badges
 * format on every post a feed shows. Each shape is a named constant rather than a cache keyed by its options:
 * serialising the options to find the formatter cost more than some of the formatting.
 */
function perLocale<T>(make: (locale: string | undefined) => T): (locale: string | undefined) => T {
  const made = new Map<string, T>();
  return (locale) => {
    let f = made.get(locale ?? '');
    if (!f) made.set(locale ?? '', (f = make(locale)));
    return f;
  };
}
const numberFormat = (options: Intl.NumberFormatOptions) => perLocale((locale) => new Intl.NumberFormat(locale, options));
const whole = numberFormat({ maximumFractionDigits: 0 });
const compact = numberFormat({ notation: 'compact', maximumFractionDigits: 1, roundingMode: 'trunc' } as Intl.NumberFormatOptions);
/** Up to `digits` fraction digits, for the digit counts used here (more are rare: made on demand). */
const fractions = new Map<number, ReturnType<typeof numberFormat>>();
function upTo(digits: number) {
  let f = fractions.get(digits);
  if (!f) fractions.set(digits, (f = numberFormat({ maximumFractionDigits: digits, minimumFractionDigits: 0 })));
  return f;
}
const threeSignificant = numberFormat({ minimumSignificantDigits: 3, maximumSignificantDigits: 3 });
const durationUnits = {
  minute: numberFormat({ style: 'unit', unit: 'minute', unitDisplay: 'long', maximumFractionDigits: 0 }),
  hour: numberFormat({ style: 'unit', unit: 'hour', unitDisplay: 'long', maximumFractionDigits: 0 }),
  day: numberFormat({ style: 'unit', unit: 'day', unitDisplay: 'long', maximumFractionDigits: 0 }),
};
const relativeTime = perLocale((locale) => new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' }));
const dateTime = perLocale((locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }));

/** 30142 → "30,142"; an interval 2300..2399 → "2,300–2,399". */
export function formatCount(c: Count, locale?: string): string {
  const f = whole(locale);
  return c.exact ? f.format(c.value) : `${f.format(c.min)}–${f.format(c.max)}`;
}

/** Compact and truncated like the sites themselves print: 30142 → "30.1K". Intervals get a "~". */
export function formatCompact(n: number, locale?: string, exact = true): string {
  const s = compact(locale).format(n);
  return exact ? s : `~${s}`;
}

/** A percentage from its interval: "2.53%", or "2.5–2.6%" when the inputs were intervals. */
export function formatPercent(r: { value: number; min: number; max: number; exact: boolean }, locale?: string): string {
  const digits = r.value >= 10 ? 1 : 2;
  const f = upTo(digits)(locale);
  if (r.exact || f.format(r.min) === f.format(r.max)) return `${f.format(r.value)}%`;
  return `${f.format(r.min)}–${f.format(r.max)}%`;
}

export function formatNumber(n: number, locale?: string, digits = 2): string {
  return upTo(digits)(locale).format(n);
}

/** "3 h ago", "2 days ago" in the user's language. */
export function formatAgo(ms: number, now: number, locale?: string): string {
  const rtf = relativeTime(locale);
  const s = Math.round((ms - now) / 1000);
  const abs = Math.abs(s);
  if (abs < 60) return rtf.format(s, 'second');
  if (abs < 3600) return rtf.format(Math.round(s / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(s / 3600), 'hour');
  return rtf.format(Math.round(s / 86400), 'day');
}

export function formatDateTime(ms: number, locale?: string): string {
  return dateTime(locale).format(ms);
}

/**
 * A multiple ("how many times"), to three significant digits so the precision reads the same at every size:
 * 10 → "10.0", 1.25 → "1.25", 3.14159 → "3.14"; from 100 up, whole numbers (123.4 → "123", 1234 → "1,234").
 */
export function formatTimes(n: number, locale?: string): string {
  if (Math.abs(n) >= 100) return whole(locale).format(n);
  return threeSignificant(locale).format(n);
}

const HOUR_MS = 3_600_000;

/** A span of time in the largest sensible unit, spelled out: "45 minutes", "5 hours", "3 days" (Intl units). */
export function formatDuration(ms: number, locale?: string): string {
  const abs = Math.abs(ms);
  const [value, unit] =
    abs < HOUR_MS
      ? [Math.round(abs / 60_000), 'minute' as const]
      : abs < 48 * HOUR_MS
        ? [Math.round(abs / HOUR_MS), 'hour' as const]
        : [Math.round(abs / (24 * HOUR_MS)), 'day' as const];
  return durationUnits[unit](locale).format(value);
}
