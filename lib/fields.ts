// Field rules for data that comes from outside our own code: observation messages from content scripts
// (lib/validate.ts) and backup files (lib/store/backup-validate.ts). Each rule is written once, here.
//
// A check returns undefined when the value is fine, or one sentence fragment saying WHERE and WHAT,
// e.g. `snapshots[12].metrics.likes.min is -3 (counts cannot be negative)`, ready to show to a user.
import { METRICS, type Metric, type SiteId } from './types';

export const SITES: readonly SiteId[] = [
  'x', 'linkedin', 'youtube', 'instagram', 'facebook', 'tiktok', 'threads', 'bluesky', 'reddit', 'mastodon',
];
const SITE_SET: ReadonlySet<string> = new Set(SITES);
const METRIC_SET: ReadonlySet<string> = new Set(METRICS);

/** Longest strings we store (UTF-16 code units). */
export const LIMITS = { postId: 200, author: 200, url: 2048, text: 4000 } as const;

/**
 * Earliest time we accept anywhere. 2004, not 2006: Facebook posts from 2004 and YouTube's first video
 * (April 2005) have real publication dates before Twitter existed.
 */
export const EARLIEST_TIME = Date.UTC(2004, 0, 1);
/** A clock a little ahead of ours (another device, a time zone bug) is tolerated up to this much. */
export const FUTURE_SLACK_MS = 24 * 3600 * 1000;

/** Keys that must never reach an object we build (prototype pollution). */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Counts are whole numbers ≥ 0, except these, which a site shows as a score that can go below zero
 * (a Reddit post's score, which the adapter reads as `likes`).
 */
const SIGNED: ReadonlySet<string> = new Set(['reddit:likes']);
export const mayBeNegative = (site: string, metric: string): boolean => SIGNED.has(`${site}:${metric}`);

export type Problem = string | undefined;

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** "a string", "an array", … for messages about the wrong type. */
export function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  switch (typeof v) {
    case 'object':
      return 'an object';
    case 'string':
      return 'text';
    case 'number':
      return Number.isFinite(v) ? 'a number' : String(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'undefined':
      return 'missing';
    default:
      return typeof v;
  }
}

/** A short rendering of a value for a message: never the whole of a 10 MB string. */
export function show(v: unknown): string {
  if (typeof v === 'string') {
    const s = v.length > 40 ? `${v.slice(0, 40)}…` : v;
    // Bidi controls would reorder the rest of the message on screen: show them as escapes.
    return JSON.stringify(s).replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  }
  if (typeof v === 'number') return String(v);
  return typeName(v);
}

/**
 * An object whose own keys are all allowed (when `allowed` is given), none forbidden, and every `required`
 * one present.
 */
export function objectProblem(
  v: unknown,
  where: string,
  allowed?: ReadonlySet<string>,
  required: readonly string[] = [],
): Problem {
  if (!isPlainObject(v)) return `${where} is ${typeName(v)}, expected an object`;
  for (const key of Object.keys(v)) {
    if (FORBIDDEN_KEYS.has(key)) return `${where} has a field named ${JSON.stringify(key)}, which is never allowed`;
    if (allowed && !allowed.has(key)) return `${where} has an unknown field ${JSON.stringify(key.slice(0, 40))}`;
  }
  for (const key of required) if (!Object.hasOwn(v, key)) return `${where}.${key} is missing`;
  return undefined;
}

export function siteProblem(v: unknown, where: string): Problem {
  if (typeof v !== 'string') return `${where} is ${show(v)}, expected a site name`;
  return SITE_SET.has(v) ? undefined : `${where} is ${show(v)}, which is not a site Postmeter knows`;
}

export function stringProblem(v: unknown, where: string, max: number, allowEmpty = false): Problem {
  if (typeof v !== 'string') return `${where} is ${show(v)}, expected text`;
  if (!allowEmpty && v.length === 0) return `${where} is empty`;
  if (v.length > max) return `${where} is ${v.length} characters long (at most ${max} allowed)`;
  return undefined;
}

export function urlProblem(v: unknown, where: string): Problem {
  const p = stringProblem(v, where, LIMITS.url);
  if (p) return p;
  let protocol = '';
  try {
    protocol = new URL(v as string).protocol;
  } catch {
    return `${where} is ${show(v)}, which is not a web address`;
  }
  return protocol === 'https:' || protocol === 'http:'
    ? undefined
    : `${where} is ${show(v)} (only http and https addresses are allowed)`;
}

export function timeProblem(v: unknown, where: string, now: number): Problem {
  if (typeof v !== 'number' || !Number.isFinite(v)) return `${where} is ${show(v)}, expected a time in milliseconds`;
  if (v < EARLIEST_TIME) return `${where} is ${v} (${isoOrRaw(v)}), before ${new Date(EARLIEST_TIME).toISOString().slice(0, 10)}`;
  if (v > now + FUTURE_SLACK_MS) return `${where} is ${v} (${isoOrRaw(v)}), which is in the future`;
  return undefined;
}

const isoOrRaw = (v: number) => (Math.abs(v) <= 8.64e15 ? new Date(v).toISOString() : 'not a date');

const COUNT_KEYS: ReadonlySet<string> = new Set(['value', 'min', 'max', 'exact']);

/**
 * A stored count: whole numbers (within 2^53), min ≤ value ≤ max, an exact count is a point, and ≥ 0 unless
 * the site's metric is a score (see mayBeNegative). Stricter than lib/count.ts's isCount, which any Count
 * from parseCount also passes.
 */
export function countProblem(c: unknown, where: string, site: string, metric: string): Problem {
  const shape = objectProblem(c, where, COUNT_KEYS, ['value', 'min', 'max', 'exact']);
  if (shape) return shape;
  const o = c as Record<string, unknown>;
  for (const k of ['value', 'min', 'max'] as const) {
    const n = o[k];
    if (typeof n !== 'number' || !Number.isFinite(n)) return `${where}.${k} is ${show(n)}, expected a number`;
    if (!Number.isInteger(n)) return `${where}.${k} is ${n} (counts are whole numbers)`;
    if (!Number.isSafeInteger(n)) return `${where}.${k} is ${n}, too large to be a count`;
    if (n < 0 && !mayBeNegative(site, metric)) return `${where}.${k} is ${n} (counts cannot be negative)`;
  }
  const { value, min, max, exact } = o as { value: number; min: number; max: number; exact: unknown };
  if (typeof exact !== 'boolean') return `${where}.exact is ${show(exact)}, expected true or false`;
  if (min > max) return `${where}.min ${min} is greater than its max ${max}`;
  if (value < min || value > max) return `${where}.value ${value} is outside its range ${min}..${max}`;
  if (exact && min !== max) return `${where} is marked exact but its range is ${min}..${max}`;
  return undefined;
}

/** Known metric names only, each a valid count for that site. */
export function metricsProblem(m: unknown, where: string, site: string): Problem {
  const shape = objectProblem(m, where);
  if (shape) return shape;
  for (const [name, c] of Object.entries(m as Record<string, unknown>)) {
    if (!METRIC_SET.has(name)) return `${where} has an unknown metric ${JSON.stringify(name.slice(0, 40))}`;
    const p = countProblem(c, `${where}.${name}`, site, name as Metric);
    if (p) return p;
  }
  return undefined;
}

/** The fields of a PostObservation (also the first fields of a stored post row). */
export const OBSERVATION_KEYS = ['site', 'postId', 'url', 'author', 'publishedAt', 'text', 'promoted', 'metrics'] as const;

/**
 * A post as one scan read it. Unknown fields are refused only when `allowed` is given (backups); a message
 * may carry extra fields, which ingest drops.
 */
export function observationProblem(v: unknown, where: string, now: number, allowed?: ReadonlySet<string>): Problem {
  const shape = objectProblem(v, where, allowed, ['site', 'postId', 'url', 'metrics']);
  if (shape) return shape;
  const o = v as Record<string, unknown>;
  return (
    siteProblem(o.site, `${where}.site`) ??
    stringProblem(o.postId, `${where}.postId`, LIMITS.postId) ??
    urlProblem(o.url, `${where}.url`) ??
    (o.author === undefined ? undefined : stringProblem(o.author, `${where}.author`, LIMITS.author)) ??
    (o.publishedAt === undefined ? undefined : timeProblem(o.publishedAt, `${where}.publishedAt`, now)) ??
    (o.text === undefined ? undefined : stringProblem(o.text, `${where}.text`, LIMITS.text, true)) ??
    (o.promoted === undefined || typeof o.promoted === 'boolean'
      ? undefined
      : `${where}.promoted is ${show(o.promoted)}, expected true or false`) ??
    metricsProblem(o.metrics, `${where}.metrics`, o.site as string)
  );
}

/** A whole number within [min, max]. */
export function integerProblem(v: unknown, where: string, min: number, max: number): Problem {
  if (typeof v !== 'number' || !Number.isInteger(v)) return `${where} is ${show(v)}, expected a whole number`;
  if (v < min || v > max) return `${where} is ${v} (allowed: ${min} to ${max})`;
  return undefined;
}
