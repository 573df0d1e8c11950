// Threads (www.threads.com / www.threads.net): feed, profile and post pages, and the author's own view counts.
// Rules: ../../../shared/DESIGN.md ("Rules that keep the numbers honest") and dom-anchors.md §5.
import { parseCount, type Count } from '../count';
import type { Metrics, PostObservation, SiteAdapter } from '../types';
import { scanPosts } from './scan';

/*
 * Selectors, one table. No real Threads page is in ../shared/fixtures/real (dom-anchors.md §5: "No real fixture
 * found"), so "seen" names the public code that uses the selector against threads.com/.net, as found in the code
 * index on 2026-11-29; the hand-made test/fixtures/threads/*.html follow that markup.
 * Sources: off-rkv/social-media-collector "Platform THREADS.txt" (dom-anchors §5); a Jan-2026 "threads_selectors.py"
 * (container, svg aria-labels); unattributed index hits: a Threads collector reading counts from the span after
 * svg[aria-label="Like"|"Reply"|"Repost"|"Share"], a Japanese tool's label table ("「いいね！」", "返信", "再投稿",
 * "シェアする"), and scripts matching svg[aria-label="Unlike"|"Unrepost"] for the pressed states.
 *
 *  key       selector                                        seen                        fixture
 *  post      div[data-pressable-container="true"]            2024 … 2026-01              all
 *  postLink  a[href*="/post/"], the one holding time[datetime]  2024 … 2026-01           all (stripped too)
 *  time      time[datetime] (exact ISO instant)              2024 … 2026-01              all; home #4 no time → no publishedAt
 *  icon      svg[aria-label] / svg > title, label per locale  2025 … 2026-01 (en, ja)    home, post, es, ja, dark, quote;
 *            (LABELS below, incl. pressed "Unlike"/"Unrepost");                          <title> only: dark #2;
 *            the button is its closest [role="button"] / button                           pressed: home #2, es #2
 *  count     leaf span text inside the button (an interval     2025 … 2026-01              home, post, own, es, ja, dark,
 *            when compact; icon-only → absent, never 0)                                  logged-out; icon-only: home #3
 *  views     a[href*="/insights"] naming this post, text      hand-made after Threads'    own, es
 *            "1,234 views" (own posts only)                   "views on posts" (2024-08)
 *  quote     a nested pressable container / a role=link box   2025 (quote posts)          quote
 *            (not an <a>) / the box around a second post link
 *            with <time>: never lends numbers or identity
 *
 * Not read: quote counts (no public markup found that shows one on a post), the insights sheet's dialog (it sits
 * outside the post container, so it cannot be tied to a post from the DOM alone).
 */
export const SELECTORS = {
  post: 'div[data-pressable-container="true"]',
  postLink: 'a[href*="/post/"]',
  time: 'time[datetime]',
  icon: 'svg[aria-label], svg > title',
  button: '[role="button"], button',
  views: 'a[href*="/insights"]',
  quoteBox: '[role="link"]',
} as const;

type Counter = 'likes' | 'replies' | 'reposts' | 'shares';

/** The action icons' labels (and pressed states) in the UI languages the fixtures cover. */
const LABELS: Record<string, Counter> = {
  // en
  like: 'likes',
  unlike: 'likes',
  reply: 'replies',
  comment: 'replies',
  repost: 'reposts',
  unrepost: 'reposts',
  share: 'shares',
  // es
  'me gusta': 'likes',
  'ya no me gusta': 'likes',
  responder: 'replies',
  republicar: 'reposts',
  'deshacer republicación': 'reposts',
  compartir: 'shares',
  // ja
  '「いいね！」': 'likes',
  'いいね！': 'likes',
  '「いいね！」を取り消す': 'likes',
  返信: 'replies',
  再投稿: 'reposts',
  再投稿を取り消す: 'reposts',
  シェアする: 'shares',
};
const COUNTERS: Counter[] = ['likes', 'replies', 'reposts', 'shares'];

const HOSTS = new Set(['www.threads.com', 'www.threads.net', 'threads.com', 'threads.net']);
const POST_PATH = /^\/@([A-Za-z0-9._]{1,30})\/post\/([A-Za-z0-9_-]{5,40})(?:\/|$)/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;
/** No post has been seen this often; a larger number is garbled text, not a count. */
const MAX_PLAUSIBLE = 1e11;
const MAX_TEXT = 500 * 4;

function postPath(href: string | null): RegExpExecArray | null {
  if (!href) return null;
  try {
    return POST_PATH.exec(new URL(href, 'https://www.threads.com').pathname);
  } catch {
    return null;
  }
}

/** A post link holding a <time>: the header of a post (this one's, or a quoted one's). */
const isTimeLink = (a: Element) => a.matches(SELECTORS.postLink) && a.querySelector(SELECTORS.time) !== null;

/**
 * The element opening a quoted post inside `post`: a nested container, a quote box (a pressable role=link element
 * that is not an <a>: it opens the quoted post), or the box around a second timed link. The first two need no
 * knowledge of the post's own link, so a post whose own link is gone never takes the quoted post's for its own.
 */
function isNested(post: Element, n: Element, ownLink: Element | undefined): boolean {
  if (n === post) return false;
  if (n.matches(SELECTORS.post)) return true;
  if (n.localName !== 'a' && n.matches(SELECTORS.quoteBox)) return true;
  if (!ownLink) return false;
  return !n.contains(ownLink) && Array.from(n.querySelectorAll(SELECTORS.postLink)).some(isTimeLink);
}

/** Is `el` part of `post` itself, not of a post quoted in it? */
function owns(post: Element, el: Element, ownLink: Element | undefined): boolean {
  for (let n: Element | null = el; n; n = n.parentElement) {
    if (n === post) return true;
    if (n !== el && isNested(post, n, ownLink)) return false;
    if (n === el && n.matches(SELECTORS.post)) return false;
  }
  return false;
}

/**
 * The post's own link: the first post link outside any nested container (the header comes first), holding a <time>;
 * an untimed one (a post whose age is plain text) only when the post has no timed link at all.
 */
function ownTimeLink(post: Element): Element | undefined {
  const links = Array.from(post.querySelectorAll(SELECTORS.postLink)).filter(
    (a) => owns(post, a, undefined) && postPath(a.getAttribute('href')) !== null,
  );
  const first = links.find((a) => !a.matches(SELECTORS.views));
  if (!first || isTimeLink(first)) return first;
  // An untimed first link is the post's only when the post holds no timed one at all, a quoted post's included:
  // the timed header is the post's own link, so an untimed link beside one may be anything (ambiguous).
  return Array.from(post.querySelectorAll(SELECTORS.postLink)).some(isTimeLink) ? undefined : first;
}

function identify(el: Element): { link: Element; user: string; code: string } | undefined {
  if (el.parentElement?.closest(SELECTORS.post)) return undefined; // a quoted post is not a post of its own
  const link = ownTimeLink(el);
  const m = postPath(link?.getAttribute('href') ?? null);
  return link && m ? { link, user: m[1]!, code: m[2]! } : undefined;
}

function labelOf(icon: Element): Counter | undefined {
  const raw = icon.tagName.toLowerCase() === 'title' ? icon.textContent : icon.getAttribute('aria-label');
  return LABELS[(raw ?? '').trim().toLowerCase()];
}

/** A count no reader could doubt: a non-negative, plausible parse of the text. */
function plausible(text: string | null | undefined, locale?: string): Count | null | 'bad' {
  const t = text?.trim();
  if (!t) return null;
  const c = parseCount(t, locale);
  if (!c || c.min < 0 || c.max > MAX_PLAUSIBLE || !Number.isInteger(c.min)) return 'bad';
  return c;
}

/** The visible number in a button: its text outside the icon. */
function buttonText(button: Element): string {
  let text = '';
  for (const span of Array.from(button.querySelectorAll('span'))) {
    if (span.closest('svg') || span.querySelector('span')) continue;
    text += ' ' + (span.textContent ?? '');
  }
  return text.trim();
}

interface Buttons {
  found: Map<Counter, Element[]>;
}

function ownButtons(post: Element, link: Element): Buttons {
  const found = new Map<Counter, Element[]>();
  for (const icon of Array.from(post.querySelectorAll(SELECTORS.icon))) {
    const metric = labelOf(icon);
    if (!metric || !owns(post, icon, link)) continue;
    const button = icon.closest(SELECTORS.button);
    if (!button || !post.contains(button)) continue;
    const list = found.get(metric) ?? [];
    if (!list.includes(button)) list.push(button);
    found.set(metric, list);
  }
  return { found };
}

/** One count all sources agree on; a garbled or contradicting source makes it absent. */
function agree(counts: (Count | null | 'bad')[]): Count | undefined {
  const real = counts.filter((c): c is Count | 'bad' => c !== null);
  if (real.length === 0 || real.includes('bad')) return undefined;
  const first = real[0] as Count;
  return (real as Count[]).every((c) => c.min === first.min && c.max === first.max) ? first : undefined;
}

function readMetrics(post: Element, link: Element, code: string, locale?: string): Metrics {
  const out: Metrics = {};
  const { found } = ownButtons(post, link);
  for (const metric of COUNTERS) {
    const buttons = found.get(metric);
    if (!buttons) continue;
    const c = agree(buttons.map((b) => plausible(buttonText(b), locale)));
    if (c) out[metric] = c;
  }
  // Own posts: "1,234 views", a link to the post's insights. A link naming another post never lends its number.
  const views = Array.from(post.querySelectorAll(SELECTORS.views)).filter(
    (a) => postPath(a.getAttribute('href'))?.[2] === code && owns(post, a, link),
  );
  const v = agree(views.map((a) => plausible(a.textContent, locale)));
  if (v) out.impressions = v;
  return out;
}

function publishedAt(link: Element): number | undefined {
  const dt = link.querySelector(SELECTORS.time)?.getAttribute('datetime')?.trim();
  if (!dt || !ISO_INSTANT.test(dt)) return undefined;
  const ms = Date.parse(dt);
  return Number.isFinite(ms) && ms > Date.UTC(2023, 0, 1) ? ms : undefined;
}

function postText(post: Element, link: Element): string | undefined {
  const parts = Array.from(post.querySelectorAll('div[dir="auto"], span[dir="auto"]'))
    .filter((n) => owns(post, n, link) && !n.closest(SELECTORS.button) && !n.closest('a') && !n.querySelector('[dir="auto"]'))
    .map((n) => n.textContent?.trim() ?? '')
    .filter(Boolean);
  const text = parts.join('\n').slice(0, MAX_TEXT);
  return text || undefined;
}

function read(el: Element, _url: URL): PostObservation | undefined {
  try {
    const idn = identify(el);
    if (!idn) return undefined;
    const { link, user, code } = idn;
    const locale = el.ownerDocument?.documentElement?.getAttribute('lang') || undefined;
    const obs: PostObservation = {
      site: 'threads',
      postId: code,
      url: `https://www.threads.com/@${user}/post/${code}`,
      author: user,
      metrics: readMetrics(el, link, code, locale),
    };
    const at = publishedAt(link);
    if (at !== undefined) obs.publishedAt = at;
    const text = postText(el, link);
    if (text) obs.text = text;
    return obs;
  } catch {
    return undefined;
  }
}

/** The action bar: the smallest own ancestor of the like button that also holds the reply button. */
function actionBar(post: Element): Element | undefined {
  const idn = identify(post);
  if (!idn) return undefined;
  const { found } = ownButtons(post, idn.link);
  const first = found.get('likes')?.[0] ?? found.get('replies')?.[0];
  const other = found.get('replies')?.[0] ?? found.get('reposts')?.[0];
  if (!first) return undefined;
  for (let n = first.parentElement; n && n !== post; n = n.parentElement) {
    if (!other || n.contains(other)) return n;
  }
  return undefined;
}

export const threads: SiteAdapter = {
  id: 'threads',
  matches: (url) => HOSTS.has(url.hostname),
  postSelector: SELECTORS.post,
  read,
  scan: (root, url) => scanPosts(root, url, SELECTORS.post, read),
  badgeAnchor: (el) => {
    try {
      return actionBar(el);
    } catch {
      return undefined;
    }
  },
};
