// Numbers, counts, rates and times for people, through Intl in the user's locale.
import type { Count } from './count';

const cache = new Map<string, Intl.NumberFormat>();
function nf(locale: string | undefined, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f;
}

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
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  const s = Math.round((ms - now) / 1000);
  const abs = Math.abs(s);
  if (abs < 60) return rtf.format(s, 'second');
  if (abs < 3600) return rtf.format(Math.round(s / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(s / 3600), 'hour');
  return rtf.format(Math.round(s / 86400), 'day');
}

export function formatDateTime(ms: number, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}
