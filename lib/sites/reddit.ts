// Reddit: new Reddit ("shreddit" web components, www.reddit.com) and old Reddit (old.reddit.com). Rules:
// ../../../shared/DESIGN.md ("Rules that keep the numbers honest") and dom-anchors.md §7.
//
// New Reddit keeps every number a post shows as raw light-DOM attributes of <shreddit-post>; the visible vote and
// comment numbers are rendered inside its shadow root from those attributes, localized and abbreviated. So the
// attributes are read and the shadow root never is. Old Reddit does the same with data-* attributes on .thing.
import { exactCount, parseCount, type Count } from '../count';
import { FUTURE_SLACK_MS } from '../fields';
import type { Metrics, PostObservation, SiteAdapter } from '../types';

/*
 * Selectors and attributes, one table. "seen": where the markup is documented — dom-anchors.md §7 (public-code index
 * up to 2026-09) and the sources named; "best knowledge" marks markup that no source here shows verbatim (there are
 * no real saved Reddit pages in ../shared/fixtures/real). "fixture": the hand-made test/fixtures/reddit/*.html.
 *
 *  key            selector / attribute                                   seen                             fixture
 *  post           shreddit-post                                          §7 (RedditEnhancer @8b2dcf30)     home, subreddit, post, own-post, de,
 *                                                                                                          dark-profile, logged-out, stripped
 *    id           [id="t3_<base36>"] → postId, kept with its t3_         §7, §13                           every new-Reddit fixture
 *    permalink    [permalink="/r/<sub>/comments/<base36>/<slug>/"] → url §7                                every one; home #7 (/r/u_…), de
 *                                                                                                          (non-ASCII slugs)
 *    score        [score], signed integer → likes (Reddit's score)       §7, §0.1(a)                       home (-23, 0), de (-3); stripped: renamed
 *    comments     [comment-count] → replies                              §7                                home (0); de #2: missing; stripped: renamed
 *    created      [created-timestamp="2026-07-31T12:03:50.281000+0000"]  §7                                every new-Reddit fixture
 *    author       [author]; "[deleted]" → no author                      §7                                home #4
 *    title        [post-title] → text                                    §7                                every new-Reddit fixture
 *    promotedAttr [is-promoted], present and not "false": an ad          §7 attribute list (unattributed)  subreddit #3
 *  ad             shreddit-ad-post: never a post, nor anything inside    §7 (RedditEnhancer)               subreddit #4, logged-out #2
 *  insights       a direct child [slot="post-insights-panel"] (post      RedditEnhancer theme CSS          own-post (panel),
 *                 page) or [slot="post-stats-entry-point"] (feeds),      (unattributed hits), Greasyfork   dark-profile, de #3 (entry point)
 *                 shown to the author and mods only; inside: best         #504126 (2024-08-18)
 *                 knowledge
 *  number         faceplate-number[number]: raw integer, visible text    embed.reddit.com scrapers         own-post, dark-profile, de #3
 *                 abbreviated ("1.5K"); the views figure is the one       (2026-08, unattributed)
 *                 labelled views (VIEW_LABEL: en, de)
 *  oldPost        .thing[data-fullname="t3_<base36>"]                    §7, §13 (scrapers, unattributed)  old-listing
 *    data-*       data-permalink, data-score, data-comments-count,       §7                                old-listing
 *                 data-timestamp (ms), data-author ("[deleted]")                                           old-listing #5 ([deleted])
 *    oldTime      .tagline time[datetime], when data-timestamp is        best knowledge                    old-listing #6
 *                 missing or unreadable
 *  oldAd          .promoted, .promotedlink, [data-promoted="true"]       §7; classes: best knowledge       old-listing #1 (classes), #7 (attribute)
 *  oldScore       .midcol .score showing "•": the subreddit hides        best knowledge                    old-listing #3
 *                 young posts' scores, data-score is then not trusted;
 *                 nor when the thing has no such box at all
 *  oldTitle       a.title → text                                         best knowledge                    old-listing
 *  oldEntry       .entry (title, tagline, buttons): the badge goes       best knowledge                    old-listing
 *                 after it; inside it, its overflow:hidden clips the
 *                 badge (checked in Chromium)
 */
export const SELECTORS = {
  post: 'shreddit-post',
  ad: 'shreddit-ad-post',
  insightSlots: ['post-insights-panel', 'post-stats-entry-point'],
  number: 'faceplate-number',
  oldPost: '.thing[data-fullname^="t3_"]',
  oldTime: '.tagline time[datetime]',
  oldScore: '.midcol .score',
  oldTitle: 'a.title',
  oldEntry: '.entry',
} as const;

const OLD_AD_CLASSES = ['promoted', 'promotedlink'];

/**
 * What the scanner watches: posts that are not ads, so a screen showing only an ad does not count as "posts
 * found, no counters" in the per-site health.
 */
const POST_SELECTOR = [
  // `:not(shreddit-ad-post *)` needs Selectors 4 (Chromium 88+, Firefox 84+); happy-dom ignores it, read() does not.
  'shreddit-post:not([is-promoted]):not(shreddit-ad-post *)',
  'shreddit-post[is-promoted="false"]:not(shreddit-ad-post *)',
  '.thing[data-fullname^="t3_"]:not(.promoted):not(.promotedlink):not([data-promoted="true"])',
].join(', ');

const HOSTS = new Set(['www.reddit.com', 'old.reddit.com']);
const ORIGIN = 'https://www.reddit.com';
const FULLNAME = /^t3_([0-9a-z]{1,13})$/;
/** A post's own path: /r/<sub>/comments/<id>/<slug>/, /user/<name>/comments/<id>/…, or the short /comments/<id>/. */
const PERMALINK = /^\/(?:(?:r|u|user)\/[A-Za-z0-9_-]{1,50}\/)?comments\/([0-9a-z]{1,13})(?:\/[^\s?#]*)?$/;
const USERNAME = /^[A-Za-z0-9_-]{1,20}$/;
/** Reddit opened in June 2005: an earlier time is not a post's. */
const REDDIT_START = Date.UTC(2005, 5, 1);
const MAX_TEXT = 1000; // titles are at most 300 characters

/** Largest plausible figures; anything beyond is a broken attribute, not a count. */
const LIMIT = { likes: 1e9, replies: 1e8, views: 1e12 } as const;

/**
 * The label of the author-only views figure ("18K Views", "1.5K views", "2,0 Tsd. Aufrufe"). Other languages are
 * not known yet: their views stay absent rather than a neighbouring figure (upvote rate, shares) being taken.
 */
const VIEW_LABEL = /(?:^|[^\p{L}])(?:views?|aufrufe?)(?:$|[^\p{L}])/iu;

/** A whole-number attribute; undefined when missing, garbled, or beyond `limit` in size. */
function intAttr(el: Element, name: string, signed: boolean, limit: number): Count | undefined {
  const raw = el.getAttribute(name)?.trim();
  if (!raw || !(signed ? /^-?\d{1,13}$/ : /^\d{1,13}$/).test(raw)) return undefined;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || Math.abs(n) > limit) return undefined;
  return exactCount(n === 0 ? 0 : n); // "-0" is 0
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|([+-])(\d{2}):?(\d{2}))$/;

/**
 * "2026-07-31T12:03:50.281000+0000" (microseconds, an offset without a colon) or any ISO 8601 date-time with a
 * zone → ms since epoch. Undefined for anything else, an impossible date, or a time Reddit cannot have.
 */
export function parseRedditTime(s: string | null | undefined, now = Date.now()): number | undefined {
  const m = s ? ISO.exec(s.trim()) : null;
  if (!m) return undefined;
  const [y, mo, d, h, mi, sec] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number, number];
  const ms = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3)); // truncated to the millisecond
  if (mo < 1 || mo > 12 || h > 23 || mi > 59 || sec > 59) return undefined;
  const local = Date.UTC(y, mo - 1, d, h, mi, sec, ms);
  if (new Date(local).getUTCDate() !== d) return undefined; // 31 June, 30 February
  let offset = 0;
  if (m[8] !== 'Z') {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59) return undefined;
    offset = (m[9] === '-' ? -1 : 1) * (oh * 60 + om) * 60_000;
  }
  return plausibleTime(local - offset, now);
}

const plausibleTime = (t: number, now: number): number | undefined =>
  Number.isFinite(t) && t >= REDDIT_START && t <= now + FUTURE_SLACK_MS ? t : undefined;

/** Old Reddit's data-timestamp: milliseconds since epoch. */
function oldTimestamp(raw: string | null): number | undefined {
  const s = raw?.trim();
  return s && /^\d{12,14}$/.test(s) ? plausibleTime(Number(s), Date.now()) : undefined;
}

const username = (raw: string | null): string | undefined => {
  const s = raw?.trim();
  return s && USERNAME.test(s) ? s : undefined;
};

/**
 * Identity: the t3_ fullname, and the url from the permalink. A permalink naming another post means the element
 * is half-way through being reused: nothing on it can be trusted. A missing permalink gives Reddit's short url.
 */
function identity(fullname: string | null, permalink: string | null): { postId: string; url: string } | undefined {
  const id = FULLNAME.exec(fullname?.trim() ?? '')?.[1];
  if (!id) return undefined;
  const path = permalink?.trim();
  if (!path) return { postId: `t3_${id}`, url: `${ORIGIN}/comments/${id}/` };
  const m = PERMALINK.exec(path);
  if (!m || m[1] !== id) return undefined;
  // Through URL, so a slug with non-ASCII letters is stored percent-encoded whichever way the page wrote it.
  return { postId: `t3_${id}`, url: new URL(path, ORIGIN).href };
}

const pageLocale = (el: Element) => el.ownerDocument?.documentElement?.getAttribute('lang') || undefined;

// ---------------------------------------------------------------------------------------------
// New Reddit

const isAd = (el: Element): boolean => {
  const promoted = el.getAttribute('is-promoted');
  return (promoted !== null && promoted.trim().toLowerCase() !== 'false') || el.closest(SELECTORS.ad) !== null;
};

/** A shreddit-post inside another (as an embedded crosspost might be) is not a post of its own here. */
const isNested = (el: Element): boolean => el.parentElement?.closest(SELECTORS.post) != null;

/** The views figure: exact from the number attribute; else the visible text, but only a full number. */
function numberValue(n: Element, locale?: string): Count | undefined {
  if (n.hasAttribute('number')) return intAttr(n, 'number', false, LIMIT.views);
  // No raw number: the text is Reddit's "pretty" format. Whether "1.5K" is truncated (1500..1599) or rounded
  // (1450..1549) is not documented for Reddit, so an abbreviated text is not read at all; a full one is exact.
  const c = parseCount(n.textContent ?? '', locale);
  return c?.exact && c.value <= LIMIT.views ? c : undefined;
}

/** The label beside a number: the text of its closest ancestor (within `box`) that holds more than the number. */
function labelOf(n: Element, box: Element): string {
  const own = n.textContent ?? '';
  for (let p = n.parentElement; p; p = p.parentElement) {
    const rest = (p.textContent ?? '').replace(own, '').trim();
    if (/\p{L}/u.test(rest)) return rest;
    if (p === box) break;
  }
  return '';
}

/**
 * Author-only views, from the post's own insights panel (post page) or stats entry point (feeds). Every number
 * labelled as views must agree; none (or a disagreement) leaves views absent.
 */
function newViews(post: Element, locale?: string): Count | undefined {
  let found: Count | undefined;
  let conflict = false;
  for (const box of Array.from(post.children)) {
    if (!(SELECTORS.insightSlots as readonly string[]).includes(box.getAttribute('slot') ?? '')) continue;
    for (const n of Array.from(box.querySelectorAll(SELECTORS.number))) {
      if (!VIEW_LABEL.test(labelOf(n, box))) continue;
      const c = numberValue(n, locale);
      if (!c) {
        conflict = true; // a views figure we cannot read: say nothing rather than pick another
        continue;
      }
      if (found && found.value !== c.value) conflict = true;
      found = c;
    }
  }
  return conflict ? undefined : found;
}

function readNew(el: Element): PostObservation | undefined {
  if (isAd(el) || isNested(el)) return undefined;
  const idn = identity(el.getAttribute('id'), el.getAttribute('permalink'));
  if (!idn) return undefined;
  const metrics: Metrics = {};
  const likes = intAttr(el, 'score', true, LIMIT.likes);
  if (likes) metrics.likes = likes;
  const replies = intAttr(el, 'comment-count', false, LIMIT.replies);
  if (replies) metrics.replies = replies;
  const views = newViews(el, pageLocale(el));
  // Reddit's author-only "Views" count every time the post was shown: impressions, as on X (metrics.md).
  if (views) metrics.impressions = views;

  const obs: PostObservation = { site: 'reddit', ...idn, metrics };
  const author = username(el.getAttribute('author'));
  if (author) obs.author = author;
  const publishedAt = parseRedditTime(el.getAttribute('created-timestamp'));
  if (publishedAt !== undefined) obs.publishedAt = publishedAt;
  const text = el.getAttribute('post-title')?.trim().slice(0, MAX_TEXT);
  if (text) obs.text = text;
  return obs;
}

// ---------------------------------------------------------------------------------------------
// Old Reddit

const isOldAd = (el: Element): boolean =>
  OLD_AD_CLASSES.some((c) => el.classList.contains(c)) || el.getAttribute('data-promoted')?.trim() === 'true';

/** Elements of this .thing itself, not of a .thing nested in it (comments nest). */
const own = (thing: Element, selector: string): Element[] =>
  Array.from(thing.querySelectorAll(selector)).filter((e) => e.parentElement?.closest('.thing') === thing);

/**
 * Subreddits can hide scores of young posts: old Reddit then prints "•" where the score goes, while the
 * data-score attribute is still there (holding a placeholder). A score the page itself hides is not read — and
 * neither is one whose vote box is missing: only the box tells a real data-score from the placeholder, so
 * without it (not rendered yet, stripped) the attribute is not trusted.
 */
const scoreHidden = (thing: Element): boolean => {
  const shown = own(thing, SELECTORS.oldScore);
  return shown.length === 0 || shown.some((s) => (s.textContent ?? '').trim() === '\u2022');
};

function readOld(el: Element): PostObservation | undefined {
  if (isOldAd(el)) return undefined;
  const idn = identity(el.getAttribute('data-fullname'), el.getAttribute('data-permalink'));
  if (!idn) return undefined;
  const metrics: Metrics = {};
  const likes = scoreHidden(el) ? undefined : intAttr(el, 'data-score', true, LIMIT.likes);
  if (likes) metrics.likes = likes;
  const replies = intAttr(el, 'data-comments-count', false, LIMIT.replies);
  if (replies) metrics.replies = replies;

  const obs: PostObservation = { site: 'reddit', ...idn, metrics };
  const author = username(el.getAttribute('data-author'));
  if (author) obs.author = author;
  const publishedAt =
    oldTimestamp(el.getAttribute('data-timestamp')) ??
    parseRedditTime(own(el, SELECTORS.oldTime)[0]?.getAttribute('datetime'));
  if (publishedAt !== undefined) obs.publishedAt = publishedAt;
  const text = own(el, SELECTORS.oldTitle)[0]?.textContent?.trim().slice(0, MAX_TEXT);
  if (text) obs.text = text;
  return obs;
}

// ---------------------------------------------------------------------------------------------

const isNewPost = (el: Element) => el.localName === SELECTORS.post;
const isOldPost = (el: Element) => el.matches(SELECTORS.oldPost);

function read(el: Element, _url: URL): PostObservation | undefined {
  try {
    if (isNewPost(el)) return readNew(el);
    if (isOldPost(el)) return readOld(el);
    return undefined;
  } catch {
    return undefined;
  }
}

export const reddit: SiteAdapter = {
  id: 'reddit',
  matches: (url) => url.protocol === 'https:' && HOSTS.has(url.hostname),
  postSelector: POST_SELECTOR,
  // The counts are attributes: a score or comment count that ticks must trigger a re-read.
  watchAttributes: ['score', 'comment-count', 'permalink', 'data-score', 'data-comments-count', 'number'],
  read,
  scan(root, url) {
    const out: PostObservation[] = [];
    try {
      const seen = new Set<string>();
      const selector = `${SELECTORS.post}, ${SELECTORS.oldPost}`;
      const els = Array.from(root.querySelectorAll(selector));
      if ('matches' in root && (root as Element).matches(selector)) els.unshift(root as Element);
      for (const el of els) {
        const obs = read(el, url);
        if (!obs || seen.has(obs.postId)) continue;
        seen.add(obs.postId);
        out.push(obs);
      }
    } catch {
      // never throws: whatever was read so far stands
    }
    return out;
  },
  /**
   * New Reddit: the post element itself (its action bar lives in its shadow root; the badge goes right after the
   * post, in the page's own DOM). Old Reddit: the post's .entry, so the badge sits under its "comments share save"
   * list without being clipped by the entry's overflow:hidden.
   */
  badgeAnchor: (el) => {
    try {
      if (!read(el, new URL(ORIGIN))) return undefined;
      if (isNewPost(el)) return el;
      return own(el, SELECTORS.oldEntry)[0];
    } catch {
      return undefined;
    }
  },
};
