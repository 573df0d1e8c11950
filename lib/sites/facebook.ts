// Facebook (www.facebook.com / web.facebook.com): feed posts, single posts, video posts and the author's post
// insights. Rules: ../../../shared/DESIGN.md ("Rules that keep the numbers honest") and dom-anchors.md §10.
// Facebook's markup is unstable by design (hashed atomic classes, no test ids): everything here hangs on aria
// roles, aria labels, permalink shapes and the words Facebook prints. No real saved Facebook page exists in the
// workplace (dom-anchors §14), so every fixture is hand-made after the documented structure.
import { parseCount, type Count } from '../count';
import type { Metric, Metrics, PostObservation, SiteAdapter } from '../types';
import { scanPosts } from './scan';

/*
 * Selectors, one table. No real saved Facebook page is available (dom-anchors §14), so "seen" names the source of
 * the structure and when it shows it; "fixture" names the hand-made test/fixtures/facebook/*.html (#n = post n).
 *
 *  key        selector / shape                                        seen                                  fixture
 *  post       [role="article"] not inside another [role="article"];   Maskbook facebook.com/collecting/     all; nested comment
 *             feed units carry aria-posinset; nested comment articles posts.tsx; xittichai/CodeCamp Feeds.js articles: feed #4,
 *             ("Comment by …") are never posts                         (2021: role=article + aria-posinset)   post
 *  insights   [role="dialog"] holding an insight label (Views, Viewers,hand-made after Meta's post insights     insights; not one:
 *             Reach, Link clicks; de Aufrufe, Zuschauer, Reichweite,   metric names (metrics.md §2) — no     logged-out (login
 *             Link-Klicks) and the post's permalink                    real markup found                     dialog), stripped
 *  permalink  first own a[href] of a permalink shape, never one with  Maskbook getPostID (story_fbid=,      feed (posts, pfbid,
 *             comment_id/reply_comment_id: /<who>/posts/<id|pfbid…>,  /posts/); FB URL shapes               permalink.php, groups),
 *             /groups/<g>/posts/<id>, /permalink.php|story.php?                                             video (videos, watch),
 *             story_fbid=&id=, /<who>/videos/<id>, /watch/?v=, /reel/<id>                                    dark (reel, web host)
 *  utime      abbr[data-utime] in the permalink (classic FB only;     classic FB (pre-2020)                 feed #2
 *             the new UI prints no exact time → publishedAt absent)
 *  author     [data-ad-rendering-role="profile_name"] a — a profile   FB 2024–26 (ad rendering roles)        feed #1-3,5, post, de,
 *             link: /<vanity>, /profile.php?id=, /groups/<g>/user/<id>                                       dark, logged-out
 *  header     h2/h3/h4 a[href]: the same, where the role is missing   CodeCamp Feeds.js (h3/h4 headers)     feed #4
 *  text       [data-ad-rendering-role="story_message"]                FB 2024–26                            feed, post, video
 *             [data-ad-comet-preview="message"]                       FB 2020–26                            de #3
 *             [data-ad-preview="message"]                             FB 2017–26                            logged-out #2
 *  reactions  [aria-label*="All reactions:"] (de "Alle Reaktionen:"): dom-anchors §10 (unattributed          label: feed #2,#5, post,
 *             the number in the label, else the count text right after  scrapers)                          insights, dark #1;
 *             it ("You and 23 others" is no count → absent)                                                 after: feed #1,#3, video,
 *                                                                                                           de #1, dark #2
 *  counters   leaf text "N comments" / "N shares" / "N views" /       dom-anchors §10; ungalexyg/edaas      feed, post, video, de,
 *             "N reactions" (de "N Kommentare", "N Mal geteilt",      notes ("28K Comments", "15K Shares")  dark, logged-out;
 *             "N Aufrufe", "N Reaktionen")                                                                   "N reactions": feed #4
 *  figures    insights row: a label leaf and the one number leaf      hand-made (see insights)              insights
 *             beside it (two numbers, e.g. a "+12%" delta → not read)
 */
export const SELECTORS = {
  post: '[role="article"]',
  insights: '[role="dialog"]',
  link: 'a[href]',
  utime: 'abbr[data-utime]',
  author: '[data-ad-rendering-role="profile_name"] a[href]',
  header: 'h2 a[href], h3 a[href], h4 a[href]',
  text: '[data-ad-rendering-role="story_message"], [data-ad-comet-preview="message"], [data-ad-preview="message"]',
  reactions: '[aria-label*="All reactions:"], [aria-label*="Alle Reaktionen:"]',
} as const;

const HOSTS = new Set(['www.facebook.com', 'web.facebook.com']);
const MAX_TEXT = 2000;
/** No post has been seen this often; a larger number is garbled, not a count. */
const MAX_PLAUSIBLE = 1e11;

/** Counter words after the number, per metric (en, de). Lower case; singular and plural. */
const COUNTER_WORDS: [Metric, RegExp][] = [
  ['replies', /^(.+?)\s+(?:comments?|kommentare?)$/iu],
  ['shares', /^(.+?)\s+(?:shares?|mal geteilt)$/iu],
  ['views', /^(.+?)\s+(?:views?|aufrufe)$/iu],
  ['likes', /^(.+?)\s+(?:reactions?|reaktionen)$/iu],
];
/** Insight labels (en, de) → metric. Meta's "Views" are impressions (repeats counted); "Viewers"/"Reach" unique. */
const INSIGHT_LABELS: [Metric, RegExp][] = [
  ['impressions', /^(views|aufrufe)$/i],
  ['reach', /^(viewers|reach|zuschauer|reichweite)$/i],
  ['clicks', /^(link clicks|link-klicks)$/i],
];

/**
 * A number as Facebook prints a count, alone: digits with separators and at most a short compact unit ("1.2K",
 * "1,2 Tsd.", "12 Mio."). Words around it ("You and 23 others") are not a count.
 */
const NUMBER_ONLY = /^\p{Nd}[\p{Nd}.,'\s\u00a0\u202f]*(?:\s?\p{L}{1,4}\.?)?$/u;

function countOf(text: string | null | undefined, locale?: string): Count | undefined {
  const t = text?.replace(/\s+/g, ' ').trim();
  if (!t || t.length > 40 || !NUMBER_ONLY.test(t)) return undefined;
  const c = parseCount(t, locale);
  return c && c.max <= MAX_PLAUSIBLE && c.min >= 0 ? c : undefined;
}

const isPostEl = (n: Element) => n.getAttribute('role') === 'article';

/** Is `el` part of `post` itself, not of an article nested in it (a comment)? */
function owns(post: Element, el: Element): boolean {
  for (let n = el.parentElement; n; n = n.parentElement) {
    if (n === post) return true;
    if (isPostEl(n)) return false;
  }
  return false;
}

const own = (post: Element, selector: string): Element[] =>
  Array.from(post.querySelectorAll(selector)).filter((e) => owns(post, e));

/** Leaf elements (no element children) with their trimmed text. */
const leaves = (post: Element): Element[] =>
  own(post, 'span, div, a, strong, h2, h3, h4').filter((e) => e.childElementCount === 0 && e.textContent?.trim());

export interface Permalink {
  postId: string;
  url: string;
  /** The author's vanity name when the permalink carries it. */
  who?: string;
}

const ID = /^(?:\d{1,25}|pfbid[0-9A-Za-z]{10,80})$/;
const VANITY = /^[A-Za-z0-9.\-]{1,80}$/;
const NOT_VANITY = new Set(['groups', 'watch', 'reel', 'permalink.php', 'story.php', 'photo', 'photo.php', 'profile.php', 'hashtag', 'events', 'stories']);

/** The post a link is the permalink of; undefined for any other link (a comment's carries comment_id). */
export function permalink(href: string | null): Permalink | undefined {
  if (!href) return undefined;
  let u: URL;
  try {
    u = new URL(href, 'https://www.facebook.com');
  } catch {
    return undefined;
  }
  if (!HOSTS.has(u.hostname) && u.hostname !== 'facebook.com' && u.hostname !== 'm.facebook.com') return undefined;
  if (u.searchParams.has('comment_id') || u.searchParams.has('reply_comment_id')) return undefined;
  const base = 'https://www.facebook.com';
  const parts = u.pathname.split('/').filter(Boolean);
  const good = (id: string | null | undefined): id is string => !!id && ID.test(id);
  if (parts[0] === 'permalink.php' || parts[0] === 'story.php') {
    const story = u.searchParams.get('story_fbid');
    const owner = u.searchParams.get('id');
    if (!good(story)) return undefined;
    const q = owner && /^\d{1,25}$/.test(owner) ? `&id=${owner}` : '';
    return { postId: story, url: `${base}/permalink.php?story_fbid=${story}${q}` };
  }
  if (parts[0] === 'groups' && parts[2] === 'posts' && good(parts[3]) && VANITY.test(parts[1] ?? '')) {
    return { postId: parts[3], url: `${base}/groups/${parts[1]}/posts/${parts[3]}` };
  }
  if (parts[0] === 'watch' && parts.length <= 1) {
    const v = u.searchParams.get('v');
    return v && /^\d{1,25}$/.test(v) ? { postId: v, url: `${base}/watch/?v=${v}` } : undefined;
  }
  if (parts[0] === 'reel' && parts[1] && /^\d{1,25}$/.test(parts[1])) {
    return { postId: parts[1], url: `${base}/reel/${parts[1]}` };
  }
  const [who, kind, id] = parts;
  if (who && !NOT_VANITY.has(who) && VANITY.test(who) && (kind === 'posts' || kind === 'videos') && good(id)) {
    if (kind === 'videos' && !/^\d+$/.test(id)) return undefined;
    return { postId: id, url: `${base}/${who}/${kind}/${id}`, who };
  }
  return undefined;
}

/** The author from a profile link ("/fernbrookbakery", "/profile.php?id=1000…"). */
function profileName(href: string | null): string | undefined {
  if (!href) return undefined;
  try {
    const u = new URL(href, 'https://www.facebook.com');
    const parts = u.pathname.split('/').filter(Boolean);
    if (parts[0] === 'profile.php') {
      const id = u.searchParams.get('id');
      return id && /^\d{1,25}$/.test(id) ? id : undefined;
    }
    if (parts.length === 1 && VANITY.test(parts[0]!) && !NOT_VANITY.has(parts[0]!)) return parts[0];
    // Group posts name the member as /groups/<g>/user/<id>/
    if (parts[0] === 'groups' && parts[2] === 'user' && /^\d{1,25}$/.test(parts[3] ?? '')) return parts[3];
  } catch {
    // not a URL
  }
  return undefined;
}

interface Identity {
  link: Element;
  perm: Permalink;
}

/** The post's own permalink: the first own link of a permalink shape (the header's timestamp link). */
function identify(el: Element): Identity | undefined {
  for (const a of own(el, SELECTORS.link)) {
    const perm = permalink(a.getAttribute('href'));
    if (perm) return { link: a, perm };
  }
  return undefined;
}

function isInsights(el: Element): boolean {
  if (el.getAttribute('role') !== 'dialog') return false;
  return leaves(el).some((l) => INSIGHT_LABELS.some(([, re]) => re.test(l.textContent!.trim())));
}

/** Counters printed on a post: reactions, comments, shares, video views. Two disagreeing readings → absent. */
function feedMetrics(post: Element, locale?: string): Metrics {
  const found = new Map<Metric, Count[]>();
  const add = (m: Metric, c: Count | undefined) => {
    if (c) found.set(m, [...(found.get(m) ?? []), c]);
  };
  const bad = new Set<Metric>();

  const reactions = own(post, SELECTORS.reactions)[0];
  if (reactions) {
    const label = reactions.getAttribute('aria-label') ?? '';
    const after = label.slice(label.indexOf(':') + 1).trim();
    if (after) {
      const c = countOf(after, locale);
      if (c) add('likes', c);
      else bad.add('likes');
    } else {
      // "All reactions:" is a hidden caption; the count is the text right after it.
      const next = reactions.nextElementSibling;
      const c = countOf(next?.textContent, locale);
      if (c) add('likes', c);
      else if (next?.textContent?.trim()) bad.add('likes'); // "You and 23 others": not a count
    }
  }
  for (const leaf of leaves(post)) {
    const t = leaf.textContent!.replace(/\s+/g, ' ').trim();
    if (t.length > 60) continue;
    for (const [metric, words] of COUNTER_WORDS) {
      // The number, then the counter's words: "1.2K comments", "12 Mal geteilt".
      const m = words.exec(t);
      if (!m || !/^\p{Nd}/u.test(m[1]!)) continue;
      if (metric === 'likes' && reactions) continue; // the reactions summary is the source when present
      const c = countOf(m[1], locale);
      if (c) add(metric, c);
      else bad.add(metric);
    }
  }
  const out: Metrics = {};
  for (const [metric, counts] of found) {
    if (bad.has(metric)) continue;
    const first = counts[0]!;
    if (counts.every((c) => c.min === first.min && c.max === first.max)) out[metric] = first;
  }
  return out;
}

/** The insights dialog's figures: each label with the one number beside it. */
function insightMetrics(dialog: Element, locale?: string): Metrics {
  const out: Metrics = {};
  const bad = new Set<Metric>();
  for (const leaf of leaves(dialog)) {
    const label = leaf.textContent!.replace(/\s+/g, ' ').trim();
    const metric = INSIGHT_LABELS.find(([, re]) => re.test(label))?.[0];
    if (!metric) continue;
    // The row: the nearest ancestor (up to 2 levels) holding another leaf; its number leaves must be exactly one.
    let value: Count | undefined;
    let row: Element | null = leaf;
    for (let i = 0; i < 2 && !value; i++) {
      row = row?.parentElement ?? null;
      if (!row || row === dialog) break;
      const others = Array.from(row.querySelectorAll('*')).filter(
        (e) => e !== leaf && e.childElementCount === 0 && e.textContent?.trim(),
      );
      if (others.length === 0) continue;
      const numbers = others.filter((e) => /\p{Nd}/u.test(e.textContent!));
      if (numbers.length !== 1) break;
      value = countOf(numbers[0]!.textContent, locale);
      if (!value) bad.add(metric);
      break;
    }
    if (bad.has(metric)) continue;
    if (!value) continue;
    const had = out[metric];
    if (had && (had.min !== value.min || had.max !== value.max)) bad.add(metric);
    else out[metric] = value;
  }
  for (const m of bad) delete out[m];
  return out;
}

/** Top-level posts and insights dialogs in the document that name `postId`. */
function partners(doc: Document | null, postId: string): { articles: Element[]; dialogs: Element[] } {
  const articles: Element[] = [];
  const dialogs: Element[] = [];
  if (!doc) return { articles, dialogs };
  for (const a of doc.querySelectorAll(SELECTORS.post)) {
    if (!a.parentElement?.closest(SELECTORS.post) && identify(a)?.perm.postId === postId) articles.push(a);
  }
  for (const d of doc.querySelectorAll(SELECTORS.insights)) {
    if (isInsights(d) && identify(d)?.perm.postId === postId) dialogs.push(d);
  }
  return { articles, dialogs };
}

function authorOf(post: Element, perm: Permalink): string | undefined {
  for (const a of [...own(post, SELECTORS.author), ...own(post, SELECTORS.header)]) {
    const name = profileName(a.getAttribute('href'));
    if (name) return name;
  }
  return perm.who;
}

function publishedAt(link: Element): number | undefined {
  const utime = link.querySelector(SELECTORS.utime)?.getAttribute('data-utime');
  if (!utime || !/^\d{9,10}$/.test(utime)) return undefined;
  return Number(utime) * 1000;
}

function read(el: Element, _url: URL): PostObservation | undefined {
  try {
    const isArticle = el.matches(SELECTORS.post);
    if (isArticle && el.parentElement?.closest(SELECTORS.post)) return undefined; // a comment, not a post
    if (!isArticle && !isInsights(el)) return undefined;
    const idn = identify(el);
    if (!idn) return undefined;
    const { perm } = idn;
    const locale = el.ownerDocument?.documentElement?.getAttribute('lang') || undefined;
    // A post and its insights dialog are one post: whichever is read, both contribute (the same observation).
    const { articles, dialogs } = partners(el.ownerDocument, perm.postId);
    const article = isArticle ? el : articles[0];
    const dialog = isArticle ? dialogs[0] : el;
    const metrics: Metrics = {
      ...(article ? feedMetrics(article, locale) : {}),
      ...(dialog ? insightMetrics(dialog, locale) : {}),
    };
    const obs: PostObservation = { site: 'facebook', postId: perm.postId, url: perm.url, metrics };
    const author = article ? authorOf(article, perm) : perm.who;
    if (author) obs.author = author;
    const link = article ? identify(article)?.link : undefined;
    const when = link && publishedAt(link);
    if (when) obs.publishedAt = when;
    const text = article && own(article, SELECTORS.text)[0]?.textContent?.replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);
    if (text) obs.text = text;
    return obs;
  } catch {
    return undefined;
  }
}

export const facebook: SiteAdapter = {
  id: 'facebook',
  matches: (url) => HOSTS.has(url.hostname),
  postSelector: `${SELECTORS.post}, ${SELECTORS.insights}`,
  read,
  scan: (root, url) => scanPosts(root, url, facebook.postSelector, read),
  /** After the metadata line: the element holding the post's permalink (timestamp) link. */
  badgeAnchor: (el) => {
    try {
      if (el.matches(SELECTORS.post) && el.parentElement?.closest(SELECTORS.post)) return undefined;
      if (!el.matches(SELECTORS.post) && !isInsights(el)) return undefined;
      return identify(el)?.link.parentElement ?? undefined;
    } catch {
      return undefined;
    }
  },
};
