// Numbers, counts, rates and times for people, through Intl in the user's locale.
import type { Count } from './count';

const cache = new Map<string, Intl.NumberFormat>();
function nf(locale: string | undefined, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f;
}

/**
 * One formatter per locale, made on first use: building an Intl formatter costs tens of µs, and badges format
 * on every post a feed shows.
 */
function perLocale<T>(make: (locale: string | undefined) => T): (locale: string | undefined) => T {
  const made = new Map<string, T>();
  return (locale) => {
    let f = made.get(locale ?? '');
    if (!f) made.set(locale ?? '', (f = make(locale)));
    return f;
  };
}
const relativeTime = perLocale((locale) => new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' }));
const dateTime = perLocale((locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }));

/** 30142 → "30,142"; an interval 2300..2399 → "2,300–2,399". */
export function formatCount(c: Count, locale?: string): string {
  const f = nf(locale, { maximumFractionDigits: 0 });
  return c.exact ? f.format(c.value) : `${f.format(c.min)}–${f.format(c.max)}`;
}

/** Compact and truncated like the sites themselves print: 30142 → "30.1K". Intervals get a "~". */
export function formatCompact(n: number, locale?: string, exact = true): string {
  const s = nf(locale, { notation: 'compact', maximumFractionDigits: 1, roundingMode: 'trunc' } as Intl.NumberFormatOptions).format(n);
  return exact ? s : `~${s}`;
}

/** A percentage from its interval: "2.53%", or "2.5–2.6%" when the inputs were intervals. */
export function formatPercent(r: { value: number; min: number; max: number; exact: boolean }, locale?: string): string {
  const digits = r.value >= 10 ? 1 : 2;
  const f = nf(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  if (r.exact || f.format(r.min) === f.format(r.max)) return `${f.format(r.value)}%`;
  return `${f.format(r.min)}–${f.format(r.max)}%`;
}

export function formatNumber(n: number, locale?: string, digits = 2): string {
  return nf(locale, { maximumFractionDigits: digits }).format(n);
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
  if (Math.abs(n) >= 100) return nf(locale, { maximumFractionDigits: 0 }).format(n);
  return nf(locale, { minimumSignificantDigits: 3, maximumSignificantDigits: 3 }).format(n);
}

const HOUR_MS = 3_600_000;

/** A span of time in the largest sensible unit, spelled out: "45 minutes", "5 hours", "3 days" (Intl units). */
export function formatDuration(ms: number, locale?: string): string {
  const abs = Math.abs(ms);
  const [value, unit] =
    abs < HOUR_MS ? [Math.round(abs / 60_000), 'minute'] : abs < 48 * HOUR_MS ? [Math.round(abs / HOUR_MS), 'hour'] : [Math.round(abs / (24 * HOUR_MS)), 'day'];
  return nf(locale, { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 0 }).format(value);
}
