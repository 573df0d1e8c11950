// Bluesky (bsky.app): feed items (home, profile, custom feeds) and the post thread page (the focused post and the
// posts around it). Rules: ../../../shared/DESIGN.md ("Rules that keep the numbers honest") and dom-anchors.md §6.
// Identities and TIDs live in ./bluesky-ids.ts.
import { exactCount, parseCount, type Count } from '../count';
import { sum } from '../interval';
import type { Metrics, PostObservation, SiteAdapter } from '../types';
import { cdnDid, isDid, isHandle, postPath, profileActor, tidTime, type PostPath } from './bluesky-ids';
import { scanPosts } from './scan';
import { ownedBy, ownMatches } from './own';

/*
 * Selectors, one table. bsky.app is bluesky-social/social-app rendered by react-native-web, which writes each
 * testID as data-testid. "seen": the social-app file that renders it, in the source versions read on 2026-11-29
 * (the stored public index; several versions per file, the newest from 2026). "fixture": the hand-made
 * test/fixtures/bluesky/*.html that covers it.
 *
 *  key          selector / what it is                      seen (social-app source)                       fixture
 *  feedItem     [data-testid^="feedItem-by-"] whose items  view/com/posts/PostFeedItem.tsx,               home, profile, de, logged-out,
 *               hold a permalink (postSelector: a like or  view/com/notifications/NotificationFeedItem   quote, notifications, stripped
 *               follow notification has none)                                                           (none: notifications #1)
 *  threadItem   [data-testid^="postThreadItem-by-"]        screens/PostThread/components/ThreadItemAnchor, thread, dark
 *               (replies and parents: the item itself has  ThreadItemPost, ThreadItemTreePost
 *               role=link; the focused post: a plain View)
 *  permalink    a[href*="/post/"]: the PostMeta timestamp  view/com/util/PostMeta.tsx                     all
 *               link /profile/<handle|did>/post/<rkey>; on  ThreadItemAnchor, ReaderSeamControls           thread, dark
 *               the focused post only …/reposted-by, /quotes, /liked-by
 *  nested       [role="link"], not an <a>, holding no      components/Post/Embed/index.tsx (QuoteEmbed:   home #3, quote; a frame
 *               reply/like button: a quoted post's box     a view/com/util/Link Pressable, role=link)     with buttons: notifications #2
 *  postText     [data-testid="postText"]                   PostFeedItem (RichText testID)                 home, profile, quote, de
 *  avatar       [data-testid="userAvatarImage"] img, src   view/com/util/UserAvatar.tsx (in a link to     home, profile, thread, dark,
 *               cdn.bsky.app/img/…/plain/<did>/<cid>       the profile: PreviewableUserAvatar)            quote (gina #5, olga: none)
 *  replyBtn     [data-testid="replyBtn"], aria-label       components/PostControls/index.tsx: msg         all but stripped
 *               "Reply (N replies)" in the UI language     `Reply (${plural(replyCount || 0, …)})`
 *  likeBtn      [data-testid="likeBtn"], "Like (N likes)"  same file                                      all but stripped
 *               / "Unlike (N likes)"                                                                     (Unlike: home #4)
 *  likeCount    [data-testid="likeCount"], visible         lib/custom-animations/CountWheel.web.tsx       read as fallback: home #6, de #3
 *  repostBtn    [data-testid="repostBtn"], logged in only  components/PostControls/RepostButton.web.tsx   home, thread, de, quote
 *  repostCount  [data-testid="repostCount"], visible:      same file; index.tsx passes repostCount +      home, logged-out, thread
 *               reposts + quotes (→ repostsAndQuotes)      quoteCount
 *  repostsX     [data-testid="repostCount-expanded"]       ThreadItemAnchor (stats row; ReaderSeamControls thread, dark
 *  quotesX      [data-testid="quoteCount-expanded"]        in the 2026 reader view): formatPostStatCount  thread, dark
 *  likesX       [data-testid="likeCount-expanded"]         number + a plural word                         thread, dark
 *  savesX       [data-testid="bookmarkCount-expanded"]                                                    thread
 *  menuBtn      [data-testid="postDropdownBtn"]            components/PostControls/index.tsx              all but stripped
 *  shareBtn     [data-testid="postShareBtn"]               same file (the badge row's end without a menu) logged-out #2
 *
 * Numbers: the aria labels hold the full count in the UI language (lingui formats "#" with Intl.NumberFormat:
 * "Reply (1,234 replies)", "Gefällt mir (1.234 Gefällt mir)"); visible counts, the stats row's included, are Intl
 * compact, truncated (components/PostControls/util.ts: roundingMode 'trunc', one decimal below 10,000, none above).
 */
export const SELECTORS = {
  feedItem: '[data-testid^="feedItem-by-"]',
  threadItem: '[data-testid^="postThreadItem-by-"]',
  permalink: 'a[href*="/post/"]',
  nested: '[role="link"]',
  postText: '[data-testid="postText"]',
  avatar: '[data-testid="userAvatarImage"] img',
  replyBtn: '[data-testid="replyBtn"]',
  likeBtn: '[data-testid="likeBtn"]',
  likeCount: '[data-testid="likeCount"]',
  repostBtn: '[data-testid="repostBtn"]',
  repostCount: '[data-testid="repostCount"]',
  repostsX: '[data-testid="repostCount-expanded"]',
  quotesX: '[data-testid="quoteCount-expanded"]',
  likesX: '[data-testid="likeCount-expanded"]',
  savesX: '[data-testid="bookmarkCount-expanded"]',
  menuBtn: '[data-testid="postDropdownBtn"]',
  shareBtn: '[data-testid="postShareBtn"]',
} as const;

const POST_SELECTOR = `${SELECTORS.feedItem}:has(${SELECTORS.permalink}), ${SELECTORS.threadItem}`;
const ANY_ITEM = `${SELECTORS.feedItem}, ${SELECTORS.threadItem}`;
const CONTROLS = `${SELECTORS.replyBtn}, ${SELECTORS.likeBtn}`;
const STATS_PAGES = new Set(['/reposted-by', '/quotes', '/liked-by']);
const HOSTS = new Set(['bsky.app']);
/** Bluesky posts hold at most 300 graphemes. */
const MAX_TEXT = 300 * 4;
/** No post has been seen this often; a larger number is a garbled label, not a count. */
const MAX_PLAUSIBLE = 1e12;

// ---------------------------------------------------------------------------------------------
// What belongs to the post itself

/**
 * A quoted post's box (a role=link container that is not an <a>) is not the post: its links, avatar and text
 * belong to another post. A role=link wrapper that holds the post's own buttons (a notification wrapping a post)
 * is the post's own frame.
 */
function isNested(n: Element, post: Element): boolean {
  return n !== post && n.localName !== 'a' && n.matches(SELECTORS.nested) && !n.querySelector(CONTROLS);
}

/**
 * Is `el` the post's own, not a quoted post's nor part of another feed or thread item rendered inside this one (a
 * recycled cell caught mid-move)? Such an item carries its own links, text and action bar: they name and count it.
 */
const owns = (post: Element, el: Element): boolean => ownedBy(post, el, (n) => isNested(n, post) || n.matches(ANY_ITEM));

const own = (post: Element, selector: string): Element[] =>
  ownMatches(post, selector, (n) => isNested(n, post) || n.matches(ANY_ITEM));

/** "alice.bsky.social" from data-testid="feedItem-by-alice.bsky.social" (lower-cased; DIDs as written). */
function itemActor(el: Element): string | undefined {
  const m = /^(?:feedItem|postThreadItem)-by-(.+)$/.exec(el.getAttribute('data-testid') ?? '');
  if (!m) return undefined;
  return isDid(m[1]!) ? m[1] : m[1]!.toLowerCase();
}

/** Does a link's actor name the item's author? An invalid handle renders as "handle.invalid" with DID links. */
const sameActor = (linkActor: string, author: string): boolean =>
  linkActor === author || (author === 'handle.invalid' && isDid(linkActor));

// ---------------------------------------------------------------------------------------------
// Identity

interface Identity {
  handle?: string;
  did?: string;
  rkey: string;
  /** The thread page's focused post (no permalink of its own; the page URL names it). */
  anchor: boolean;
}

/**
 * The post's own link and author. A feed item or thread reply has a timestamp permalink whose actor is the item's
 * author (a quoted post's permalink sits in its nested box; a link in the text is not the timestamp). The thread
 * page's focused post has none: the page URL names it, when the item is that post's (same author, or its stats
 * links name the same rkey). Undefined when it is not clear.
 */
function identify(el: Element, url: URL): Identity | undefined {
  if (el.parentElement?.closest(ANY_ITEM)) return undefined; // an item inside an item: not a post of its own
  const author = itemActor(el);
  if (!author) return undefined;
  const links = ownLinks(el, author);
  const perma = links.filter((p) => p.rest === '');
  let ref: PostPath | undefined;
  let anchor = false;
  if (perma.length > 0) {
    ref = perma[0]!;
    if (perma.some((p) => p.rkey !== ref!.rkey || p.actor !== ref!.actor)) return undefined; // which one?
  } else if (el.matches(SELECTORS.threadItem) && !isPressable(el) && onlyItemWithoutPermalink(el)) {
    const page = postPath(url.pathname);
    if (!page || page.rest !== '') return undefined;
    const stats = links.filter((p) => STATS_PAGES.has(p.rest));
    if (stats.some((p) => p.rkey !== page.rkey)) return undefined; // a stale or foreign stats row
    const did = avatarDid(el, author);
    const mine =
      sameActor(page.actor, author) || (isDid(page.actor) && did === page.actor) || stats.length > 0;
    if (!mine) return undefined;
    ref = page;
    anchor = true;
  }
  if (!ref) return undefined;
  const handle = isHandle(author) ? author : isHandle(ref.actor) ? ref.actor : undefined;
  const avatar = avatarDid(el, author);
  const named = isDid(ref.actor) ? ref.actor : isDid(author) ? author : undefined;
  if (named && avatar && avatar !== named) return undefined; // the avatar is someone else's: not this post's frame
  return { handle, did: named ?? avatar, rkey: ref.rkey, anchor };
}

/**
 * A thread reply (or parent) is a pressable that opens its own post: the item itself has role=link (PostHider renders
 * a Link). The focused post (ThreadItemAnchor) is a plain View. Only the focused post may take its id from the page
 * URL: a reply whose permalink is missing is no post we can name.
 */
const isPressable = (el: Element): boolean => el.matches(SELECTORS.nested);

/** The item's own links to its author's posts (not a quoted post's, not a link in the text). */
function ownLinks(el: Element, author: string): PostPath[] {
  return own(el, SELECTORS.permalink)
    .filter((a) => !a.closest(SELECTORS.postText))
    .map((a) => postPath(a.getAttribute('href')))
    .filter((p): p is PostPath => p !== undefined && sameActor(p.actor, author));
}

/**
 * The focused post is the one thread item without a timestamp permalink. A second one (a reply caught
 * half-rendered) makes it unclear which item the page URL names.
 */
function onlyItemWithoutPermalink(el: Element): boolean {
  const doc = el.ownerDocument;
  if (!doc) return false;
  for (const item of Array.from(doc.querySelectorAll(SELECTORS.threadItem))) {
    if (item === el) continue;
    const author = itemActor(item);
    if (!author || !ownLinks(item, author).some((p) => p.rest === '')) return false;
  }
  return true;
}

/**
 * The author's DID from their own avatar: the image sits in a link to the author's profile, and Bluesky serves
 * it from the author's repository (cdn.bsky.app/img/…/plain/<did>/…). Two different DIDs: none.
 */
function avatarDid(post: Element, author: string | undefined): string | undefined {
  if (!author) return undefined;
  let found: string | undefined;
  for (const img of own(post, SELECTORS.avatar)) {
    const link = img.closest('a[href]');
    if (!link || !post.contains(link)) continue;
    const actor = profileActor(link.getAttribute('href'));
    if (!actor || !sameActor(actor, author)) continue;
    const did = cdnDid(img.getAttribute('src'));
    if (!did) continue;
    if (found && found !== did) return undefined;
    found = did;
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Counts

type Reading = Count | 'bad' | undefined;

/** The one full number in a button label, in any language: 'none' when the label has no digits, 'bad' when garbled. */
function labelCount(label: string | null, locale?: string): Count | 'none' | 'bad' {
  if (label === null || !/\p{Nd}/u.test(label)) return 'none';
  const c = parseCount(label, locale);
  return c?.exact && c.value <= MAX_PLAUSIBLE ? c : 'bad';
}

/** A visible count ("1.2K", "1,2 Mio.", "87 quotes"): undefined when there is no text, 'bad' when unreadable. */
function textCount(el: Element | undefined, locale?: string): Reading {
  const text = el && ownText(el).trim();
  if (!text) return undefined;
  const c = parseCount(text, locale);
  return c && c.max <= MAX_PLAUSIBLE ? c : 'bad';
}

/** `el`'s text without that of a post nested in it (one moved into a button is not the button's label). */
function ownText(el: Element): string {
  let out = '';
  for (const n of Array.from(el.childNodes)) {
    if (n.nodeType === 3) out += n.textContent ?? '';
    else if (n.nodeType === 1 && !(n as Element).matches(ANY_ITEM) && !isNested(n as Element, el)) out += ownText(n as Element);
  }
  return out;
}

const known = (r: Reading): Count | undefined => (r === 'bad' ? undefined : r);

/**
 * A button's count: its label's full number; the visible text only when the label has no number. A garbled label
 * leaves the counter absent (it is not rescued by the text it disagrees with).
 */
function buttonCount(button: Element | undefined, visible: Element | undefined, locale?: string): Count | undefined {
  if (!button) return undefined;
  const n = labelCount(button.getAttribute('aria-label'), locale);
  if (n === 'bad') return undefined;
  if (n !== 'none') return n;
  return known(textCount(visible, locale));
}

/**
 * The repost button's number, which is reposts + quotes. Exactly 0 when the (logged-in) repost button is there
 * and shows no number: the app hides the count at 0. A logged-out page's button has no test id: unknown.
 */
function combinedReposts(post: Element, locale?: string): Reading {
  const shown = own(post, SELECTORS.repostCount)[0];
  if (shown) return textCount(shown, locale);
  const button = own(post, SELECTORS.repostBtn)[0];
  if (button && !/\p{Nd}/u.test(ownText(button))) return exactCount(0);
  return undefined;
}

const fits = (c: Count, min: number, max: number) => c.min <= max && c.max >= min;

type RepostMetrics = Pick<Metrics, 'reposts' | 'quotes' | 'repostsAndQuotes'>;

/**
 * Reposts and quotes of the focused post: the stats row shows them apart ("312 reposts", "45 quotes"), each only
 * when non-zero (quotes also hide when the author disabled quoting). The repost button's reposts + quotes checks
 * them: when they contradict it, none of the three is kept; when one is shown and both it and the sum are exact, the
 * other is their difference; when neither is shown and the sum is exactly 0, both are 0. repostsAndQuotes is the
 * sum of the two when both are known, else the button's figure.
 */
function splitReposts(post: Element, combined: Reading, locale?: string): RepostMetrics {
  const rRead = textCount(own(post, SELECTORS.repostsX)[0], locale);
  const qRead = textCount(own(post, SELECTORS.quotesX)[0], locale);
  let r = known(rRead);
  let q = known(qRead);
  const c = known(combined);
  if (c) {
    const lo = (r?.min ?? 0) + (q?.min ?? 0);
    const hi = (r && q ? r.max + q.max : Infinity);
    if (!fits(c, lo, hi)) return {}; // the row and the button disagree: which is stale?
    if (c.exact) {
      if (r?.exact && !q && qRead === undefined && c.value >= r.value) q = exactCount(c.value - r.value);
      else if (q?.exact && !r && rRead === undefined && c.value >= q.value) r = exactCount(c.value - q.value);
      else if (c.value === 0 && rRead === undefined && qRead === undefined) r = q = exactCount(0);
    }
  }
  const out: RepostMetrics = {};
  if (r) out.reposts = r;
  if (q) out.quotes = q;
  const both = r && q ? sum([r, q]) : c;
  if (both) out.repostsAndQuotes = both;
  return out;
}

function readMetrics(post: Element, anchor: boolean, locale?: string): Metrics {
  const out: Metrics = {};
  const reply = own(post, SELECTORS.replyBtn)[0];
  const replies = buttonCount(reply, reply, locale);
  if (replies) out.replies = replies;

  const like = own(post, SELECTORS.likeBtn)[0];
  // the button's own count: a post moved into the button brings its own likeCount along
  const likeShown = like && own(post, SELECTORS.likeCount).find((c) => like.contains(c));
  let likes = buttonCount(like, likeShown, locale);
  if (!likes && anchor && (!like || labelCount(like.getAttribute('aria-label'), locale) === 'none')) {
    likes = known(textCount(own(post, SELECTORS.likesX)[0], locale));
  }
  if (likes) out.likes = likes;

  const combined = combinedReposts(post, locale);
  if (anchor) {
    Object.assign(out, splitReposts(post, combined, locale));
    const saves = known(textCount(own(post, SELECTORS.savesX)[0], locale));
    if (saves) out.bookmarks = saves;
  } else if (combined && combined !== 'bad') {
    // Feed items and replies show only reposts + quotes, recorded as such: a sum of exactly 0 is the one that splits.
    out.repostsAndQuotes = combined;
    if (combined.exact && combined.value === 0) {
      out.reposts = exactCount(0);
      out.quotes = exactCount(0);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The adapter

function read(el: Element, url: URL): PostObservation | undefined {
  try {
    const idn = identify(el, url);
    if (!idn) return undefined;
    const { handle, did, rkey, anchor } = idn;
    const actor = handle ?? did;
    if (!actor) return undefined;
    const locale = el.ownerDocument?.documentElement?.getAttribute('lang') || undefined;
    const obs: PostObservation = {
      site: 'bluesky',
      postId: `${did ?? handle}/${rkey}`,
      url: `https://bsky.app/profile/${actor}/post/${rkey}`,
      author: actor,
      metrics: readMetrics(el, anchor, locale),
    };
    const publishedAt = tidTime(rkey);
    if (publishedAt !== undefined) obs.publishedAt = publishedAt;
    const text = own(el, SELECTORS.postText)[0]?.textContent?.trim().slice(0, MAX_TEXT);
    if (text) obs.text = text;
    return obs;
  } catch {
    return undefined;
  }
}

/** The lowest element holding both a and b. */
function commonAncestor(a: Element, b: Element): Element | undefined {
  for (let n: Element | null = a; n; n = n.parentElement) if (n.contains(b)) return n;
  return undefined;
}

/**
 * The post's controls row (reply … options menu): the badge goes right after it. It spans from the reply (or like)
 * button to the options menu (or share) button; the row's parent stacks it under the post's text.
 */
function controlsRow(post: Element): Element | undefined {
  const start = own(post, SELECTORS.replyBtn)[0] ?? own(post, SELECTORS.likeBtn)[0];
  const end = own(post, SELECTORS.menuBtn)[0] ?? own(post, SELECTORS.shareBtn)[0];
  if (!start || !end) return undefined;
  const row = commonAncestor(start, end);
  return row && row !== post && post.contains(row) ? row : undefined;
}

export const bluesky: SiteAdapter = {
  id: 'bluesky',
  matches: (url) => HOSTS.has(url.hostname),
  postSelector: POST_SELECTOR,
  // A recycled cell changes its author's test id and avatar with its links: re-read when they change.
  watchAttributes: ['data-testid', 'src'],
  read,
  scan: (root, url) => scanPosts(root, url, POST_SELECTOR, read),
  badgeAnchor: (el) => {
    try {
      return controlsRow(el);
    } catch {
      return undefined;
    }
  },
};
