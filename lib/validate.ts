// The background trusts nothing it is sent: every message is checked for shape before use.
import { isCount } from './count';
import type { Message } from './messages';
import { METRICS, type PostObservation, type SiteId } from './types';

const SITES: ReadonlySet<string> = new Set<SiteId>([
  'x', 'linkedin', 'youtube', 'instagram', 'facebook', 'tiktok', 'threads', 'bluesky', 'reddit', 'mastodon',
]);
const METRIC_NAMES: ReadonlySet<string> = new Set(METRICS);
const MAX_POSTS_PER_BATCH = 500;
const MAX_ID = 200;
const MAX_URL = 2048;
const MAX_TEXT = 4000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0 && v < 8.64e15;

function isHttpUrl(v: unknown): v is string {
  if (!isString(v, MAX_URL)) return false;
  try {
    const u = new URL(v);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

export function isObservation(v: unknown): v is PostObservation {
  if (!isObject(v)) return false;
  if (typeof v.site !== 'string' || !SITES.has(v.site)) return false;
  if (!isString(v.postId, MAX_ID) || !isHttpUrl(v.url)) return false;
  if (v.author !== undefined && !isString(v.author, MAX_ID)) return false;
  if (v.publishedAt !== undefined && !isTime(v.publishedAt)) return false;
  if (v.text !== undefined && (typeof v.text !== 'string' || v.text.length > MAX_TEXT)) return false;
  if (v.promoted !== undefined && typeof v.promoted !== 'boolean') return false;
  if (!isObject(v.metrics)) return false;
  return Object.entries(v.metrics).every(([k, c]) => METRIC_NAMES.has(k) && isCount(c));
}

export function isMessage(v: unknown): v is Message {
  if (!isObject(v)) return false;
  switch (v.type) {
    case 'observe':
      return (
        isTime(v.observedAt) &&
        typeof v.pageUrl === 'string' &&
        Array.isArray(v.posts) &&
        v.posts.length <= MAX_POSTS_PER_BATCH &&
        v.posts.every(isObservation)
      );
    case 'tab-posts':
      return true;
    default:
      return false;
  }
}
