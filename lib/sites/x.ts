// X (x.com / twitter.com): timeline and focused tweets. Rules: ../../../shared/DESIGN.md ("Rules that keep the
// numbers honest") and dom-anchors.md §1. Label parsing lives in ./x-labels.ts.
import { exactCount, parseCount } from '../count';
import type { PostObservation, SiteAdapter } from '../types';
import { Evidence, X_COUNTERS, labelNumber, parseGroupLabel, type XCounter } from './x-labels';
import { scanPosts } from './scan';

/*
 * Selectors, one table. "seen": when X served it, per the real pages in ../shared/fixtures/real/x (rvinowise/
 * twitter_bot captures 2023-08 … 2024-06, tweetyoink captures 2025-10; all read by test/sites/x.real.test.ts).
 * "fixture": the hand-made test/fixtures/x/*.html that covers it.
 *
 *  key         selector                                            seen               fixture
 *  post        article[data-testid="tweet"] (focused: tabindex=-1)  2023-08 … 2025-10  all
 *  statusLink  a[href*="/status/"], the one holding <time>          2023-08 … 2025-10  timeline, focused, garbled, ja
 *  quoteLink   div[role="link"] holding <time>: a quoted tweet      2023-09 … 2025-10  timeline #3 (garbled #7: <article>)
 *  actionBar   [role="group"] holding the reply button; never       2023-08 … 2025-10  timeline, focused, ja
 *              aria-roledescription="carousel" (2023-10 … 2023-12)                     timeline #8
 *  reply       [data-testid="reply"]                                2023-08 … 2025-10  all with a bar
 *  repost      [data-testid$="retweet"]: retweet / unretweet        2023-08 … 2025-10  timeline #4
 *  like        [data-testid$="like"]: like / unlike                 2023-08 … 2025-10  timeline #4, #8
 *  bookmark    [data-testid$="ookmark"]: bookmark / removeBookmark  2023-08 … 2025-10  focused (count), ja
 *  analytics   a[href$="/analytics"] "N views. View post analytics" 2023-08 … 2025-10  timeline #5, #9, garbled, ja
 *              (also the id of a tweet without a timestamp, e.g. an ad)                timeline #1
 *  visible     span[data-testid="app-text-transition-container"]    2023-08 … 2025-10  timeline #6, focused
 *  text        [data-testid="tweetText"]                            2023-08 … 2025-10  timeline, focused, ja
 *  promoted    closest [data-testid="placementTracking"]            CPFT v4.24 2026-08 timeline #1
 *  notAdLabel  an "Ad"/"Promoted" leaf span outside these is an ad  CPFT v4.24 2026-08 timeline #7
 */
export const SELECTORS = {
  post: 'article[data-testid="tweet"]',
  statusLink: 'a[href*="/status/"]',
  quoteLink: 'div[role="link"]',
  actionBar: '[role="group"]',
  reply: '[data-testid="reply"]',
  repost: '[data-testid$="retweet"]',
  like: '[data-testid$="like"]',
  bookmark: '[data-testid$="ookmark"]',
  analytics: 'a[href$="/analytics"]',
  visible: 'span[data-testid="app-text-transition-container"]',
  text: '[data-testid="tweetText"]',
  promoted: '[data-testid="placementTracking"]',
  notAdLabel: '[data-testid="tweetText"], [data-testid="User-Name"], [data-testid="card.wrapper"]',
} as const;

const STATUS_PATH = /^\/([A-Za-z0-9_]{1,20})\/status\/(\d{1,20})(?:\/|$)/;
const HOSTS = new Set(['x.com', 'twitter.com', 'mobile.x.com']);
const TWITTER_EPOCH = 1288834974657;
/** X started counting views in December 2022; older tweets show "View post analytics" with no number. */
const VIEW_COUNTS_SINCE = Date.UTC(2022, 11, 1);
const MAX_TEXT = 280 * 4;
/** The counter buttons, each with the test of its data-testid that its selector (SELECTORS) stands for. */
const BUTTONS: [XCounter, (testid: string) => boolean][] = [
  ['replies', (id) => id === 'reply'],
  ['reposts', (id) => id.endsWith('retweet')],
  ['likes', (id) => id.endsWith('like')],
  ['bookmarks', (id) => id.endsWith('ookmark')],
];
const BUTTON_SELECTOR = [SELECTORS.reply, SELECTORS.repost, SELECTORS.like, SELECTORS.bookmark].join(', ');

/** `top`'s descendants that are counter buttons, by counter, in document order: one query for the four. */
function buttonsIn(top: Element): Map<XCounter, Element[]> {
  const found = new Map<XCounter, Element[]>();
  for (const b of top.querySelectorAll(BUTTON_SELECTOR)) {
    const testid = b.getAttribute('data-testid') ?? '';
    for (const [metric, is] of BUTTONS) {
      if (!is(testid)) continue;
      const list = found.get(metric);
      if (list) list.push(b);
      else found.set(metric, [b]);
    }
  }
  return found;
}

/** A tweet inside the tweet (a quote), whose links and numbers are not the outer tweet's. */
const isNestedPost = (n: Element, tag = n.localName, role?: string | null): boolean =>
  tag === 'article' || (tag === 'div' && (role === undefined ? n.getAttribute('role') : role) === 'link' && n.querySelector('time') !== null);

/**
 * One reading of one tweet: the tweets nested in it (quotes), and the elements every read looks at, all found by one
 * query of the tweet (a query per kind of element cost the most of a read: each walks the whole tweet). "Is this
 * element the tweet's own" is then "is no nested tweet between it and the tweet" — usually there is none, and the
 * answer costs nothing — instead of a walk up every element's ancestors testing each (the same answer as ownedBy()
 * from ./own, which it replaces here on the scroll path; the DOM does not change during one synchronous read).
 * The lists are every match inside the tweet, in document order, ownership not yet tested.
 */
interface Scope {
  post: Element;
  nested: Element[];
  /** SELECTORS.statusLink */
  statusLinks: Element[];
  /** SELECTORS.analytics */
  analytics: Element[];
  /** SELECTORS.actionBar */
  bars: Element[];
  /** SELECTORS.text */
  texts: Element[];
}

const PARTS = ['article', SELECTORS.quoteLink, SELECTORS.statusLink, SELECTORS.analytics, SELECTORS.actionBar, SELECTORS.text].join(', ');

/** What PARTS matched, sorted by the selector each part of it stands for (tested by hand: one element may be several). */
function scopeOf(post: Element): Scope {
  const s: Scope = { post, nested: [], statusLinks: [], analytics: [], bars: [], texts: [] };
  for (const n of post.querySelectorAll(PARTS)) {
    const tag = n.localName;
    if (tag === 'a') {
      const href = n.getAttribute('href');
      if (href !== null) {
        if (href.includes('/status/')) s.statusLinks.push(n);
        if (href.endsWith('/analytics')) s.analytics.push(n);
      }
    }
    const role = n.getAttribute('role');
    if (role === 'group') s.bars.push(n);
    if (isNestedPost(n, tag, role)) s.nested.push(n);
    if (n.getAttribute('data-testid') === 'tweetText') s.texts.push(n);
  }
  return s;
}

/** The action bar readMetrics found for the tweet of a scope. */
const actionBarOf = new WeakMap<Scope, Element | undefined>();

/** Is `el` (inside `top`, itself `s.post` or inside it) part of `top` with no nested tweet in between? */
function clear(s: Scope, top: Element, el: Element): boolean {
  for (const r of s.nested) if (r !== el && r !== top && r.contains(el) && top.contains(r)) return false;
  return true;
}

/** Is `el` part of the post itself, not of a tweet nested in it? */
const owns = (s: Scope, el: Element): boolean => (s.nested.length === 0 ? s.post.contains(el) && el !== s.post : clear(s, s.post, el) && s.post.contains(el) && el !== s.post);

/** Is `el` inside `container` without a tweet nested in between (a post copied into a button is not the button's)? */
function within(s: Scope, container: Element, el: Element): boolean {
  if (container === s.post || s.post.contains(container)) return s.nested.length === 0 || clear(s, container, el);
  // A container around the post (a bar the post sits in): the walk, where the post itself counts as nested.
  for (let n = el.parentElement; n && n !== container; n = n.parentElement) if (isNestedPost(n)) return false;
  return true;
}

/** `top`'s own descendants among `found` (one of the scope's lists; top: the post, or an element of it). */
function own(s: Scope, top: Element, found: Element[]): Element[] {
  const inside = top === s.post ? found : found.filter((e) => e !== top && top.contains(e));
  return s.nested.length === 0 ? inside : inside.filter((e) => clear(s, top, e));
}

/**
 * A root-relative href as X writes them ("/handle/status/123…"): its path is itself, no URL to build, and one match
 * gives what STATUS_PATH gives of it.
 */
const PLAIN_STATUS_PATH = /^\/([A-Za-z0-9_]{1,20})\/status\/(\d{1,20})(?:\/[A-Za-z0-9_/]*)?$/;

function statusPath(href: string | null): RegExpExecArray | null {
  if (!href) return null;
  const plain = PLAIN_STATUS_PATH.exec(href);
  if (plain) return plain;
  try {
    return STATUS_PATH.exec(new URL(href, 'https://x.com').pathname);
  } catch {
    return null;
  }
}

/**
 * Milliseconds since epoch from a snowflake id (its bits above the low 22, plus X's epoch); undefined for pre-2010
 * sequential ids. In doubles first: BigInt parsing cost several µs per tweet on the scroll path. Number(id) is within
 * a relative 2^-53 of the id and dividing by 2^22 is exact, so the whole part is exact unless the quotient lies that
 * close to a whole number; then (about one id in 5,000) the bits are taken exactly, as BigInt.
 */
export function snowflakeTime(id: string): number | undefined {
  const q = Number(id) / 4_194_304;
  let ms = Math.floor(q);
  const slack = q * 2 ** -52;
  if (!(q - ms > slack && ms + 1 - q > slack)) ms = Number(BigInt(id) >> 22n);
  return ms < 86_400_000 ? undefined : ms + TWITTER_EPOCH;
}

/** The id an analytics link names ("/<handle>/status/<id>/analytics"). */
const analyticsId = (a: Element): string | undefined =>
  /\/status\/(\d+)\/analytics$/.exec(a.getAttribute('href') ?? '')?.[1];

/**
 * The tweet's own action bar: the role=group that holds a reply button (never a media carousel), outside any
 * quoted tweet — or, where the markup nests it in one (tweetyoink's quote-video capture), one whose analytics
 * link names this tweet's id. A bar whose analytics link names another id is never this tweet's.
 */
function actionBar(s: Scope, id: string): Element | undefined {
  const bars = s.bars.filter(
    (g) => g.getAttribute('aria-roledescription') !== 'carousel' && g.querySelector(SELECTORS.reply) !== null,
  );
  const mine = bars.filter((g) => !foreignBar(s, g, id));
  return mine.find((g) => owns(s, g)) ?? mine.find((g) => barIds(s, g).includes(id));
}

/** The ids the bar's own analytics links name (not those of a tweet nested inside it). */
const barIds = (s: Scope, g: Element) =>
  (g !== s.post && s.post.contains(g) ? own(s, g, s.analytics) : Array.from(g.querySelectorAll(SELECTORS.analytics)).filter((a) => within(s, g, a)))
    .map(analyticsId);
/** A bar whose analytics link names another tweet: stale (recycled node) or a neighbour's. */
const foreignBar = (s: Scope, g: Element, id: string) => barIds(s, g).some((i) => i !== undefined && i !== id);

/** The compact number a button or link shows itself — not one of a tweet nested inside it. */
const visibleCount = (s: Scope, el: Element, locale?: string) => {
  const text = Array.from(el.querySelectorAll(SELECTORS.visible)).find((v) => within(s, el, v))?.textContent;
  return text ? parseCount(text, locale) : null;
};

/** Focused tweet: views sit beside the timestamp ("29.9K Views"), not in the action bar. */
function focusedViews(s: Scope, timeLink: Element | undefined, bar: Element | undefined, locale?: string) {
  const post = s.post;
  if (post.getAttribute('tabindex') !== '-1' || !timeLink) return null;
  let n: Element | null = timeLink;
  for (let i = 0; i < 3 && n; i++) {
    n = n.parentElement;
    if (!n || n === post || (bar && n.contains(bar))) return null;
    const v = Array.from(n.querySelectorAll(SELECTORS.visible)).find((e) => owns(s, e));
    if (v) return parseCount(v.textContent ?? '', locale);
  }
  return null;
}

/**
 * Could the tweet show a view count? A missing one then means 0 views — an inference, so the id's time and the
 * tweet's own <time> (when it has one) must both say so; a page where they disagree states no 0.
 */
function inViewEra(publishedAt: number | undefined, time: Element | undefined): boolean {
  if (publishedAt === undefined || publishedAt < VIEW_COUNTS_SINCE) return false;
  const shown = Date.parse(time?.getAttribute('datetime') ?? '');
  return Number.isNaN(shown) || shown >= VIEW_COUNTS_SINCE;
}

function readMetrics(s: Scope, idn: Identity, publishedAt: number | undefined, locale?: string) {
  const { postId: id, timeLink } = idn;
  const post = s.post;
  const ev = new Evidence();
  const bar = actionBar(s, id);
  actionBarOf.set(s, bar);
  const viewEra = inViewEra(publishedAt, idn.time);
  // The link that names this tweet's id (a quoted tweet's or a neighbour's never does).
  const analytics = s.analytics.find((a) => analyticsId(a) === id);

  if (bar) {
    const group = parseGroupLabel(bar.getAttribute('aria-label'));
    for (const metric of X_COUNTERS) {
      const stated = group.values[metric];
      if (group.bad.has(metric)) ev.bad(metric);
      else if (stated !== undefined) ev.exact(metric, exactCount(stated));
      else if (group.complete && (metric !== 'impressions' || (analytics && viewEra))) ev.omitted(metric);
    }
  }
  const buttons = buttonsIn(bar ?? post);
  for (const [metric] of BUTTONS) {
    const found = buttons.get(metric) ?? [];
    const candidates = bar ? found.filter((b) => within(s, bar, b)) : own(s, post, found);
    const button = candidates.find((b) => bar || !foreignBar(s, b.closest(SELECTORS.actionBar) ?? b, id));
    if (!button) continue;
    const n = labelNumber(button.getAttribute('aria-label'), locale);
    if (n === 'bad') ev.bad(metric);
    else if (n !== 'none') ev.exact(metric, n);
    ev.visible(metric, () => visibleCount(s, button, locale));
  }
  if (analytics) {
    const label = analytics.getAttribute('aria-label');
    const n = labelNumber(label, locale);
    if (n === 'bad') ev.bad('impressions');
    else if (n !== 'none') ev.exact('impressions', n);
    else if (label?.trim() && viewEra) ev.omitted('impressions'); // "View post analytics": no views yet
    ev.visible('impressions', () => visibleCount(s, analytics, locale));
  }
  ev.visible('impressions', () => focusedViews(s, timeLink, bar, locale));
  return ev.resolve();
}

const AD_LABEL = /^(Promoted|Ad)$/;

function isPromoted(s: Scope, idn: Identity): boolean {
  if (idn.placement) return true;
  // The cheap tests first: the words anywhere in the tweet, a leaf span that says so, then whether it is its own.
  const all = s.post.textContent ?? '';
  if (!all.includes('Ad') && !all.includes('Promoted')) return false;
  for (const span of s.post.querySelectorAll('span')) {
    if (span.childElementCount !== 0) continue;
    const text = span.textContent;
    if (!text || !AD_LABEL.test(text.trim())) continue;
    if (within(s, s.post, span) && !span.closest(SELECTORS.notAdLabel)) return true;
  }
  return false;
}

interface Identity {
  handle: string;
  postId: string;
  /** The tweet's own status link holding its <time>, and that <time>; absent on a tweet without a timestamp. */
  timeLink?: Element;
  time?: Element;
  /** The tweet sits in X's paid-placement wrapper (SELECTORS.promoted). */
  placement: boolean;
}

const POST_OR_PLACEMENT = `${SELECTORS.post}, ${SELECTORS.promoted}`;

/**
 * Identity from the tweet's own status link, the one holding its <time>; a tweet without a timestamp (an ad shows
 * "Ad" there) falls back to its own action bar's analytics link. Undefined for a nested (quoted) tweet. The walk up
 * the ancestors that finds an enclosing tweet also finds a paid-placement wrapper (one walk instead of two).
 */
function identify(s: Scope): Identity | undefined {
  const el = s.post;
  const around = el.parentElement?.closest(POST_OR_PLACEMENT);
  const placement = !!around && !around.matches(SELECTORS.post);
  // A quoted tweet is not a post of its own.
  if (around && (!placement || around.parentElement?.closest(SELECTORS.post))) return undefined;
  let timeLink: Element | undefined;
  let time: Element | undefined;
  for (const a of own(s, el, s.statusLinks)) {
    const t = a.querySelector('time');
    if (t) {
      timeLink = a;
      time = t;
      break;
    }
  }
  const bar = timeLink ? undefined : own(s, el, s.bars).find((g) => g.querySelector(SELECTORS.reply));
  const link = timeLink ?? (bar && own(s, bar, s.analytics)[0]);
  const m = statusPath(link?.getAttribute('href') ?? null);
  return m ? { timeLink, time, handle: m[1]!, postId: m[2]!, placement } : undefined;
}

/**
 * The action bars this task's reads found, for badgeAnchor(), which the content script asks right after reading the
 * same elements in the same task (a flush reads its posts, then draws their badges). Forgotten at the next microtask
 * checkpoint: the page cannot have changed a tweet by then.
 */
const barsRead = new Map<Element, Element | undefined>();
function rememberBar(el: Element, bar: Element | undefined): void {
  if (barsRead.size === 0) queueMicrotask(() => barsRead.clear());
  barsRead.set(el, bar);
}

function read(el: Element, _url: URL): PostObservation | undefined {
  try {
    const s = scopeOf(el);
    const idn = identify(s);
    if (!idn) return undefined;
    const { handle, postId } = idn;
    const author = handle.toLowerCase() === 'i' ? undefined : handle;
    const publishedAt = snowflakeTime(postId);
    const locale = el.ownerDocument?.documentElement?.getAttribute('lang') || undefined;
    const text = own(s, el, s.texts)[0]?.textContent?.trim().slice(0, MAX_TEXT);
    const obs: PostObservation = {
      site: 'x',
      postId,
      url: `https://x.com/${author ?? 'i'}/status/${postId}`,
      metrics: readMetrics(s, idn, publishedAt, locale),
    };
    rememberBar(el, actionBarOf.get(s));
    if (author) obs.author = author;
    if (publishedAt !== undefined) obs.publishedAt = publishedAt;
    if (text) obs.text = text;
    if (isPromoted(s, idn)) obs.promoted = true;
    return obs;
  } catch {
    return undefined;
  }
}

export const x: SiteAdapter = {
  id: 'x',
  matches: (url) => HOSTS.has(url.hostname),
  postSelector: SELECTORS.post,
  read,
  scan: (root, url) => scanPosts(root, url, SELECTORS.post, read),
  badgeAnchor: (el) => {
    try {
      if (barsRead.has(el)) return barsRead.get(el);
      const s = scopeOf(el);
      const idn = identify(s);
      return idn && actionBar(s, idn.postId);
    } catch {
      return undefined;
    }
  },
};
