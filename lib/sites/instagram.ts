// Instagram (www.instagram.com): home feed, post and reel pages, and the author's post insights page. Rules:
// ../../../shared/DESIGN.md ("Rules that keep the numbers honest") and dom-anchors.md §4. Class names are obfuscated
// atomic CSS (x1a6…): never used. Instagram shows no raw-number attributes and no full-number aria-labels for its
// counters, so every count is read from visible text (parseCount: exact for full numbers, an interval when truncated).
import { parseCount, type Count } from '../count';
import type { Metric, Metrics, PostObservation, SiteAdapter } from '../types';
import { scanPosts } from './scan';

/*
 * Selectors, one table. No real saved Instagram DOM was found (dom-anchors.md §4, §14): "source" names the public code
 * the anchor comes from; rows marked "hand-made" follow the 2026 web UI as described in the brief (no markup found in
 * the code corpus for the insights panel, 2026-11-29 search). "fixture": test/fixtures/instagram/*.html covering it.
 *
 *  key        selector / rule                                     source (seen)                               fixture
 *  post       main[role="main"] article                           Maskbook instagram.com/utils/selector.ts    all
 *             (Maskbook adds [role=presentation][tabindex=-1];     (2024-2025)
 *             not required: the post page's article has neither)
 *  postLink   a[href] whose path is /p/<code>/, /reel/<code>/ or  dom-anchors.md §4, §13 (Maskbook            all; post (/<user>/p/),
 *             /<user>/p|reel/<code>/, the one holding <time>;     collecting/posts.ts)                        reel (/reel/)
 *             without a <time>, the first such link
 *  time       time[datetime] inside the post link (exact ISO)     Instagram web 2024-2026 (Maskbook)           home, post, reel, dark
 *  author     header a[href="/<user>/"] (one path segment)        Maskbook: header [role=button] avatar      home, post, pt-BR, logged-out
 *  likedBy    a[href$="/liked_by/"] naming this post → its         pebly/return-instagram-likes               home, post, pt-BR, es, dark
 *             <section>'s text "N likes" / "N curtidas" /          content-script.js (2023-2025)
 *             "N Me gusta"; "Liked by a and others" (hidden
 *             counts) → likes absent
 *  comments   a[href$="/comments/"] naming this post:              hand-made (Instagram web feed 2025-26)      home, pt-BR, es, dark
 *             "View all N comments" / "Ver todos os N comentários"
 *             / "Ver los N comentarios"
 *  plays      leaf <span> "N plays" / "N views" (pt "reproduções",  hand-made (reel pages 2025-26)             reel, home #3, home-pt #2, post-es
 *             "visualizações"; es "reproducciones",
 *             "visualizaciones") → views
 *  caption    h1 (the post page's caption)                        Instagram web 2024-2026                     post, reel
 *  actionBar  the post's first <section> (like/comment/share/save  return-instagram-likes (section)          home, post, reel, dark
 *             buttons): the badge goes after it; else the post link
 *  insights   only on /p|reel/<code>/insights/ pages: a leaf whose hand-made ("View insights" panel, 2026)     insights (en); pt-BR/es
 *             labels: inline pages in test/sites/instagram.test.ts
 *             whole text is an insights label, its value the next
 *             element sibling (a full number): Views → impressions,
 *             Accounts reached → reach, Likes, Comments → replies,
 *             Shares, Saves, Profile activity → profileVisits;
 *             Follows is not a metric of the post (skipped)
 */
export const SELECTORS = {
  post: 'main[role="main"] article',
  links: 'a[href]',
  time: 'time[datetime]',
  author: 'header a[href]',
  likedBy: 'a[href$="/liked_by/"]',
  comments: 'a[href$="/comments/"]',
  leafSpan: 'span',
  caption: 'h1',
  actionBar: 'section',
} as const;

const HOST = 'www.instagram.com';
/** /p/<code>/, /reel/<code>/, /<user>/p/<code>/ (and /reels/<code>/); optional sub-page (liked_by, comments, insights). */
const POST_PATH = /^\/(?:([A-Za-z0-9._]{1,30})\/)?(?:p|reels?|tv)\/([A-Za-z0-9_-]{5,60})\/(?:(liked_by|comments|insights)\/?)?$/;
/** Paths of Instagram's own pages, never a user's profile. */
const NOT_USERS = new Set(['p', 'reel', 'reels', 'tv', 'explore', 'stories', 'accounts', 'direct', 'about', 'legal', 'insights']);
const USER_PATH = /^\/([A-Za-z0-9._]{1,30})\/?$/;
const MAX_TEXT = 2200;

const LIKES = /^[^A-Za-z]*\d[\d.,\s\u00a0\u202f]*(?:[KMB]|mil|mi|bi|M)?\.?\s*(?:likes?|curtidas?|me gusta)\s*$/i;
const COMMENTS = /(?:comments?|comentários?|comentarios?)\s*$/i;
const PLAYS = /^\s*\d[\d.,\s\u00a0\u202f]*(?:[KMB]|mil|mi|bi)?\.?\s*(plays?|views?|reproduções|reprodução|visualizações|visualização|reproducciones|reproducción|visualizaciones|visualización)\s*$/i;

/** Insights labels (lower case) per UI language; null = shown but not a metric of the post. */
const INSIGHTS: Record<string, Metric | null> = {
  // en
  views: 'impressions',
  'accounts reached': 'reach',
  likes: 'likes',
  comments: 'replies',
  shares: 'shares',
  saves: 'saves',
  follows: null,
  'profile activity': 'profileVisits',
  // pt-BR
  visualizações: 'impressions',
  'contas alcançadas': 'reach',
  curtidas: 'likes',
  comentários: 'replies',
  compartilhamentos: 'shares',
  salvamentos: 'saves',
  seguidores: null,
  'atividade do perfil': 'profileVisits',
  // es
  visualizaciones: 'impressions',
  'cuentas alcanzadas': 'reach',
  'me gusta': 'likes',
  comentarios: 'replies',
  'veces que se compartió': 'shares',
  'veces que se guardó': 'saves',
  seguimientos: null,
  'actividad del perfil': 'profileVisits',
};

function pathOf(href: string | null): string | undefined {
  if (!href) return undefined;
  try {
    const u = new URL(href, `https://${HOST}`);
    return u.hostname === HOST || u.hostname === 'instagram.com' ? u.pathname : undefined;
  } catch {
    return undefined;
  }
}

/** The post path a link names: [user?, shortcode, sub-page?]. */
function postPath(href: string | null): { user?: string; code: string; sub?: string } | undefined {
  const m = POST_PATH.exec(pathOf(href) ?? '');
  if (!m || (m[1] && NOT_USERS.has(m[1]))) return undefined;
  return { user: m[1], code: m[2]!, sub: m[3] };
}

const nested = (post: Element, el: Element): boolean => el.parentElement?.closest('article') !== post;

/** Links of this post itself (not of an article nested in it). */
const own = (post: Element, selector: string): Element[] =>
  Array.from(post.querySelectorAll(selector)).filter((e) => !nested(post, e));

/** The post's own link: the one holding its <time>, else the first plain post link. */
function postLink(post: Element): { link: Element; code: string } | undefined {
  const links = own(post, SELECTORS.links)
    .map((a) => ({ link: a, p: postPath(a.getAttribute('href')) }))
    .filter((x): x is { link: Element; p: NonNullable<ReturnType<typeof postPath>> } => !!x.p && !x.p.sub);
  const pick = links.find((x) => x.link.querySelector(SELECTORS.time)) ?? links[0];
  return pick && { link: pick.link, code: pick.p.code };
}

function author(post: Element): string | undefined {
  for (const a of own(post, SELECTORS.author)) {
    const m = USER_PATH.exec(pathOf(a.getAttribute('href')) ?? '');
    if (m && !NOT_USERS.has(m[1]!)) return m[1];
  }
  return undefined;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})$/;
function publishedAt(link: Element): number | undefined {
  const dt = link.querySelector(SELECTORS.time)?.getAttribute('datetime')?.trim();
  if (!dt || !ISO.test(dt)) return undefined;
  const t = Date.parse(dt);
  return Number.isFinite(t) && t > Date.UTC(2010, 0, 1) && t < Date.now() + 86_400_000 ? t : undefined;
}

/** A count from text, or undefined when unreadable or absurd (more than ten billion). */
function count(text: string | null | undefined, locale?: string): Count | undefined {
  if (!text) return undefined;
  const c = parseCount(text, locale);
  return c && Number.isFinite(c.max) && c.min >= 0 && c.max < 1e10 ? c : undefined;
}

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A counter link (liked_by, comments) that names this post's shortcode. */
const counterLink = (post: Element, selector: string, code: string, sub: string) =>
  own(post, selector).find((a) => {
    const p = postPath(a.getAttribute('href'));
    return p?.code === code && p.sub === sub;
  });

function publicMetrics(post: Element, code: string, locale: string | undefined, into: Metrics): void {
  const liked = counterLink(post, SELECTORS.likedBy, code, 'liked_by');
  // The anchor itself ("1,234 likes") or, as pebly/return-instagram-likes reads it, its section's text.
  const likeText = [text(liked), text(liked?.closest('section'))].find((t) => LIKES.test(t));
  const likes = count(likeText, locale);
  if (likes) into.likes = likes;

  const comments = counterLink(post, SELECTORS.comments, code, 'comments');
  const ct = text(comments);
  if (COMMENTS.test(ct)) {
    const c = count(ct, locale);
    if (c) into.replies = c;
  }

  for (const span of own(post, SELECTORS.leafSpan)) {
    if (span.childElementCount !== 0 || span.closest('a')) continue;
    const t = text(span);
    if (!PLAYS.test(t)) continue;
    const v = count(t, locale);
    if (v) into.views = v;
    break;
  }
}

/** The insights page's labelled figures; a label shown twice with different values makes that metric absent. */
function insightsMetrics(post: Element, locale: string | undefined, into: Metrics): void {
  const bad = new Set<Metric>();
  for (const el of own(post, '*')) {
    if (el.childElementCount !== 0) continue;
    const label = text(el).toLowerCase();
    if (!(label in INSIGHTS)) continue;
    const metric = INSIGHTS[label];
    if (!metric) continue; // Follows: not a metric of the post
    const value = el.nextElementSibling ?? el.parentElement?.nextElementSibling;
    const vt = text(value);
    if (!/^[\d.,\s\u00a0\u202f]+(?:[KMB]|mil|mi|bi)?$/i.test(vt)) continue;
    const c = count(vt, locale);
    if (!c) {
      bad.add(metric);
      continue;
    }
    const prev = into[metric];
    if (prev && (prev.min !== c.min || prev.max !== c.max)) bad.add(metric);
    into[metric] = c;
  }
  for (const m of bad) delete into[m];
}

const isInsightsPage = (url: URL): boolean => postPath(url.pathname)?.sub === 'insights';

function read(el: Element, url: URL): PostObservation | undefined {
  try {
    if (el.parentElement?.closest('article')) return undefined; // a post nested in a post is not one of its own
    const own = postLink(el);
    if (!own) return undefined;
    const { link, code } = own;
    const locale = el.ownerDocument?.documentElement?.getAttribute('lang') || undefined;
    const metrics: Metrics = {};
    const insights = isInsightsPage(url) && postPath(url.pathname)?.code === code;
    if (insights) insightsMetrics(el, locale, metrics);
    else publicMetrics(el, code, locale, metrics);
    const obs: PostObservation = {
      site: 'instagram',
      postId: code,
      url: `https://${HOST}/p/${code}/`,
      metrics,
    };
    const who = author(el) ?? postPath(link.getAttribute('href'))?.user;
    if (who) obs.author = who;
    const at = publishedAt(link);
    if (at !== undefined) obs.publishedAt = at;
    const caption = insights ? '' : text(el.querySelector(SELECTORS.caption)).slice(0, MAX_TEXT);
    if (caption) obs.text = caption;
    return obs;
  } catch {
    return undefined;
  }
}

export const instagram: SiteAdapter = {
  id: 'instagram',
  matches: (url) => url.hostname === HOST,
  postSelector: SELECTORS.post,
  read,
  scan: (root, url) => scanPosts(root, url, SELECTORS.post, read),
  badgeAnchor: (el) => {
    try {
      const link = postLink(el);
      if (!link) return undefined;
      return own(el, SELECTORS.actionBar)[0] ?? link.link;
    } catch {
      return undefined;
    }
  },
};
