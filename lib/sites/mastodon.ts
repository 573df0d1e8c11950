// Mastodon's web UI, on any instance. Rules: ../../../shared/DESIGN.md ("Rules that keep the numbers honest") and
// dom-anchors.md §8. Which instances: mastodon.social out of the box, others as the user adds them (options page,
// ./mastodon-instances.ts); the content script hands the added hosts to setMastodonInstances() before it asks
// adapterFor() for an adapter, so this module never touches extension storage itself.
import { parseCount, type Count } from '../count';
import { sum } from '../interval';
import type { Metrics, PostObservation, SiteAdapter } from '../types';
import { BUILTIN_INSTANCES } from './mastodon-instances';
import { scanPosts } from './scan';
import { ownMatches } from './own';

/*
 * Selectors, one table. "seen": the mastodon/mastodon web UI source that renders it (read 2026-09 in the public
 * code index; 4.3 = Oct 2024, 4.5 = late 2025); "fixture": the hand-made test/fixtures/mastodon/*.html covering it
 * (explore = explore-posts.html, home, detailed, boost = boosted.html, remote = remote-instance.html,
 * de = explore-de.html, light = light-4.2.html, public = public-logged-out.html, stripped, garbled).
 *
 *  key          selector                                               seen                                fixture
 *  article      article[data-id] (timeline row; off screen it is        2.x … 4.5 intersection_observer_    all timelines;
 *               re-rendered hidden: no .status, no counters)             article.jsx                         home #4 (hidden)
 *  threadRow    .status__wrapper outside any other post container       4.x status.jsx (thread rows)        detailed
 *  detailed     .detailed-status__wrapper                               3.x … 4.5 features/status/index     detailed
 *  status       .status[data-id]: in a boost the original post; one     2.x … 4.5 status.jsx                all; boost;
 *               nested in it is a quoted post, never read as its data                                       explore #4, detailed
 *  permalink    a.status__relative-time: /@acct/<local id>              4.3 … 4.5 (react-router Link)       all but light
 *               or the status URL on its home server                    ≤ 4.2 (<a href={status.url}>)       light
 *  dPermalink   a.detailed-status__datetime (/@acct/<local id>)         4.x detailed_status.tsx             detailed
 *  time         time[datetime] inside the permalink                     RelativeTimestamp; detailed 4.4+    all; garbled #6
 *  displayName  a.status__display-name[title] = acct (≤ 4.2 links)       2.x … 4.5                           light #1
 *  acctText     .display-name__account "@user@domain" (no title)        2.x … 4.5                           light #3
 *  actionBar    .status__action-bar, owned by the status                2.x … 4.5 status_action_bar         all timelines
 *  counter      .icon-button__counter (absent: the view hides counts)   IconButton 2.x … 4.5                explore; home (none)
 *  animated     .animated-number: the one child span not leaving        react-motion ≤ 4.4,                 light; explore #3
 *               (leaving: position:absolute or role=presentation);      react-spring 4.5; none with          (mid-animation);
 *               two candidates → none                                   "reduce motion"                     de (none); garbled #8
 *  reply        svg.icon-reply / .icon-reply-all in a button            4.3 … 4.5 (Material icons)          all timelines
 *               i.fa-reply / .fa-reply-all                              ≤ 4.2 (Font Awesome)                light
 *  boost        svg.icon-retweet / i.fa-retweet in a button             4.3 … 4.5 / ≤ 4.2                   explore, de, public / light
 *  favourite    button.star-icon                                        2.x … 4.5                           explore, de, public, light
 *  dMeta        .detailed-status__meta: .detailed-status__reblogs,      3.x … 4.5 detailed_status           detailed
 *               .detailed-status__favorites, .detailed-status__quotes   quotes since 4.5 (PR #35832)        detailed
 *  dActionBar   .detailed-status__action-bar (badge anchor; no counts)  2.x … 4.5                           detailed
 *  text         .status__content__text, else .status__content           3.x … 4.5 status_content            all
 * Not read: the 4.6 development redesign (StatusRedesign, CSS-module class names): its articles would be found but
 * not read, and the popup would show Mastodon as not recognised.
 *
 * Numbers. Counters are ShortNumber: exact below 1,000, then "2.9K", "10K", "2.9M" in the UI's locale ("2,9K" in
 * German). Since PR #38114 (2026-03) it truncates; before, it ROUNDED ("2999" → "3K"), and most instances run an
 * older release, so a compact number is widened by half its last digit downwards: "2.9K" → 2850..2999 holds under
 * either rule (shortNumberRange). "1+" (Mastodon 2.x's obfuscated reply count) is not a count. The boost counter
 * shows boosts + quotes (PR #35832; before quote posts it is boosts alone), so `reposts` is boosts + quotes in every
 * view: on the post page it is "N boosts" + "N quotes", and `quotes` is recorded there too. The post page shows no
 * reply count: replies are absent there.
 *
 * Identity. Mastodon ids are per instance. Since 4.3 a post's own link is the instance-local /@acct/<id>: for a post
 * from this instance (acct without a domain) that is its canonical URL; for a remote post the canonical URL (on the
 * author's server) is not in the post's markup, so the post is keyed by this instance's status URL
 * (host/@user@domain/id): stable on this instance, not shared with other instances. (The post page's
 * <link rel=canonical> names the canonical URL of the focused post only; using it there would give that post a
 * second key next to its timeline rows, so it is not used.) Where the link is the status's own URL (≤ 4.2), that URL
 * is the key. Either way postId = host + path and url = https:// + postId, read from the post's own link at every
 * scan, and a link on this instance must name the element's own data-id.
 */
export const SELECTORS = {
  article: 'article[data-id]',
  threadRow: '.status__wrapper',
  detailed: '.detailed-status__wrapper',
  status: '.status[data-id]',
  anyStatus: '.status',
  permalink: 'a.status__relative-time',
  dPermalink: 'a.detailed-status__datetime',
  time: 'time[datetime]',
  displayName: 'a.status__display-name, a.detailed-status__display-name',
  acctText: '.display-name__account',
  actionBar: '.status__action-bar',
  counter: '.icon-button__counter',
  animated: '.animated-number',
  reply: '.icon-reply, .icon-reply-all, .fa-reply, .fa-reply-all',
  boost: '.icon-retweet, .fa-retweet',
  favourite: 'button.star-icon',
  dMeta: '.detailed-status__meta',
  dReblogs: '.detailed-status__reblogs',
  dFavourites: '.detailed-status__favorites',
  dQuotes: '.detailed-status__quotes',
  dActionBar: '.detailed-status__action-bar',
  dBody: '.detailed-status',
  text: '.status__content__text',
  textFallback: '.status__content',
} as const;

const CONTAINERS = `${SELECTORS.article}, ${SELECTORS.threadRow}, ${SELECTORS.detailed}`;
/** /@user/123 (local post) or /@user@domain/123 (a remote post as this instance shows it). */
const LOCAL_STATUS = /^\/@([^/@\s]+)(?:@([^/@\s]+))?\/(\d{1,20})\/?$/;
const ACCT = /^@?([^@\s/]+)(?:@([^@\s/]+))?$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;
/** No post has been boosted this often; a larger number is garbled text, not a count. */
const MAX_PLAUSIBLE = 1e12;
const MAX_TEXT = 2000;
const MAX_ID = 200;

// ---------------------------------------------------------------------------------------------
// Which hosts are Mastodon instances

const instances = new Set<string>(BUILTIN_INSTANCES);

/**
 * The instances the user added (host names, as ./mastodon-instances.ts parses them), on top of the built-in ones.
 * Called by the content script with what it read from extension storage; replaces the previous list.
 */
export function setMastodonInstances(hosts: Iterable<string>): void {
  instances.clear();
  for (const h of BUILTIN_INSTANCES) instances.add(h);
  for (const h of hosts) if (typeof h === 'string' && h) instances.add(h.toLowerCase());
}

// ---------------------------------------------------------------------------------------------
// Reading

interface Identity {
  postId: string;
  url: string;
  author?: string;
}

/** `el`'s elements matching `selector` that belong to `status` itself, not to a post quoted inside it. */
const own = (status: Element, selector: string): Element[] => ownMatches(status, selector, SELECTORS.anyStatus);

function acctFromName(root: Element): { user: string; domain?: string } | undefined {
  const link = root.querySelector(SELECTORS.displayName);
  for (const text of [link?.getAttribute('title'), link?.querySelector(SELECTORS.acctText)?.textContent]) {
    const m = ACCT.exec(text?.trim() ?? '');
    if (m) return { user: m[1]!, domain: m[2]?.toLowerCase() };
  }
  return undefined;
}

/**
 * Identity from the post's own link (`a`), on the instance at `pageHost`. `dataId` is the element's instance-local
 * id, which a link on this instance must name. `nameRoot` holds the author's display-name link.
 */
function identify(a: Element | undefined, pageHost: string, dataId: string | null, nameRoot: Element): Identity | undefined {
  const href = a?.getAttribute('href');
  if (!href) return undefined;
  let u: URL;
  try {
    u = new URL(href, `https://${pageHost}/`);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'https:' || u.username || u.password) return undefined;
  if (u.host === pageHost) {
    const m = LOCAL_STATUS.exec(u.pathname);
    if (!m) return undefined;
    const [, user, domain, id] = m as unknown as [string, string, string | undefined, string];
    if (dataId !== null && dataId !== id) return undefined; // half-rendered: link and element disagree
    const path = `/@${user}${domain ? `@${domain}` : ''}/${id}`;
    return { postId: pageHost + path, url: `https://${pageHost}${path}`, author: `${user}@${(domain ?? pageHost).toLowerCase()}` };
  }
  // Mastodon ≤ 4.2 links the status URL on the post's home server.
  const path = u.pathname.replace(/\/+$/, '');
  if (!path) return undefined;
  const named = acctFromName(nameRoot);
  const fromPath = /^\/@([^/@\s]+)\//.exec(path);
  const author = named
    ? `${named.user}@${named.domain ?? u.hostname}`
    : fromPath
      ? `${fromPath[1]}@${u.hostname}`
      : undefined;
  return { postId: u.host + path, url: `https://${u.host}${path}`, ...(author ? { author } : {}) };
}

function publishedAt(a: Element | undefined): number | undefined {
  const iso = a?.querySelector(SELECTORS.time)?.getAttribute('datetime')?.trim();
  if (!iso || !ISO_TIME.test(iso)) return undefined;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : undefined;
}

/** The number a counter shows now: while AnimatedNumber swaps numbers two are in the DOM, and none is read. */
function shownText(counter: Element): string | undefined {
  const animated = counter.querySelector(SELECTORS.animated);
  if (!animated) return counter.textContent ?? undefined;
  const settled = Array.from(animated.children).filter(
    (c) => c.getAttribute('role') !== 'presentation' && !/position\s*:\s*absolute/i.test(c.getAttribute('style') ?? ''),
  );
  return settled.length === 1 ? (settled[0]!.textContent ?? undefined) : undefined;
}

/**
 * The values a ShortNumber can stand for. Mastodon's toShortNumber divides by 1e3, 1e6 or 1e9 and keeps one decimal
 * below ten units ("3K" is 3.0K: a tenth of the unit, not 1000, is its last digit; there are no tenths for B).
 * Since 2026-03 it truncates; before, it rounded: so the truncated interval is widened downwards by half its last
 * digit, never below the unit itself ("1K" is at least 1000). "2.9K" → 2850..2999, "3K" → 2950..3099.
 */
export function shortNumberRange(c: Count): Count {
  if (c.exact) return c;
  let unit = 1;
  while (unit * 1000 <= c.min) unit *= 1000;
  let ulp = c.max - c.min + 1;
  let max = c.max;
  if ((unit === 1e3 || unit === 1e6) && c.min < 10 * unit && ulp > unit / 10) {
    ulp = unit / 10;
    max = c.min + ulp - 1;
  }
  const min = Math.min(c.min, Math.max(unit, c.min - Math.floor(ulp / 2)));
  return { value: c.value, min, max, exact: false };
}

export function readCount(el: Element | null | undefined, locale?: string): Count | undefined {
  // a post moved into the counter brings its own numbers along: which one is this counter's?
  if (!el || el.querySelector(`${SELECTORS.anyStatus}, ${CONTAINERS}`)) return undefined;
  const text = shownText(el)?.trim();
  if (!text || /[+＋]/.test(text)) return undefined; // "1+": Mastodon 2.x's obfuscated reply count
  const c = parseCount(text, locale);
  if (!c || c.max > MAX_PLAUSIBLE) return undefined;
  return shortNumberRange(c);
}

/**
 * The one button in `bar` holding an icon that matches `icon`; none, or two, is no button. Only `status`'s own
 * icons count: a post nested in the bar (even inside one of its buttons) has its own buttons and counters.
 */
function buttonWith(status: Element, bar: Element, icon: string): Element | undefined {
  const buttons = new Set(
    own(status, icon)
      .map((i) => i.closest('button'))
      .filter((b): b is HTMLButtonElement => b !== null && bar.contains(b)),
  );
  return buttons.size === 1 ? [...buttons][0] : undefined;
}

function rowMetrics(status: Element, locale?: string): Metrics {
  const out: Metrics = {};
  const bars = own(status, SELECTORS.actionBar);
  if (bars.length !== 1) return out;
  const bar = bars[0]!;
  const favourites = own(status, SELECTORS.favourite).filter((b) => bar.contains(b));
  const buttons: [keyof Metrics, Element | undefined][] = [
    ['replies', buttonWith(status, bar, SELECTORS.reply)],
    ['reposts', buttonWith(status, bar, SELECTORS.boost)],
    ['likes', favourites.length === 1 ? favourites[0] : undefined],
  ];
  for (const [metric, button] of buttons) {
    const counters = button ? own(status, SELECTORS.counter).filter((c) => button.contains(c)) : [];
    if (counters.length !== 1) continue; // no counter: this view hides it (home timeline boosts, favourites)
    const c = readCount(counters[0], locale);
    if (c) out[metric] = c;
  }
  return out;
}

function detailedMetrics(body: Element, locale?: string): Metrics {
  const out: Metrics = {};
  const metas = Array.from(body.querySelectorAll(SELECTORS.dMeta)).filter((m) => !m.parentElement?.closest(SELECTORS.anyStatus));
  if (metas.length !== 1) return out;
  const meta = metas[0]!;
  const one = (selector: string) => {
    const found = meta.querySelectorAll(selector);
    return found.length === 1 ? found[0] : undefined;
  };
  const reblogsEl = one(SELECTORS.dReblogs);
  const quotesEl = one(SELECTORS.dQuotes);
  const reblogs = readCount(reblogsEl, locale);
  const quotes = readCount(quotesEl, locale);
  const favourites = readCount(one(SELECTORS.dFavourites), locale);
  // reposts = boosts + quotes, as the timeline's boost counter shows; no quotes count on the page = no quotes yet
  // (Mastodon before quote posts). A quotes count that is there but unreadable leaves the sum unknown.
  if (reblogs && (!quotesEl || quotes)) out.reposts = quotes ? sum([reblogs, quotes])! : reblogs;
  if (quotes) out.quotes = quotes;
  if (favourites) out.likes = favourites;
  return out;
}

function textOf(candidates: Element[]): string | undefined {
  const t = candidates[0]?.textContent?.replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);
  return t || undefined;
}

type Target = { kind: 'row'; status: Element } | { kind: 'detailed'; root: Element; body: Element };

/** What post `el` is: a timeline row or thread row (its .status), or the detailed status of a post page. */
function targetOf(el: Element): Target | undefined {
  if (el.matches(SELECTORS.detailed)) {
    const body = el.querySelector(SELECTORS.dBody);
    return body ? { kind: 'detailed', root: el, body } : undefined;
  }
  // A wrapper inside an article, a thread row or a detailed status is read there (or is a quoted post).
  if (el.parentElement?.closest(CONTAINERS)) return undefined;
  const status = el.matches(SELECTORS.status) ? el : el.querySelector(SELECTORS.status);
  // An article scrolled off screen is re-rendered hidden: names and text, no .status, no counters.
  if (!status || status.parentElement?.closest(SELECTORS.anyStatus)) return undefined;
  return { kind: 'row', status };
}

function read(el: Element, url: URL): PostObservation | undefined {
  try {
    const target = targetOf(el);
    if (!target) return undefined;
    const pageHost = url.host.toLowerCase();
    const locale = el.ownerDocument?.documentElement?.getAttribute('lang') || undefined;
    let link: Element | undefined;
    let idn: Identity | undefined;
    let metrics: Metrics;
    let text: string | undefined;
    if (target.kind === 'row') {
      const { status } = target;
      link = own(status, SELECTORS.permalink)[0];
      idn = identify(link, pageHost, status.getAttribute('data-id'), own(status, '.status__info')[0] ?? status);
      metrics = idn ? rowMetrics(status, locale) : {};
      text = textOf(own(status, SELECTORS.text)) ?? textOf(own(status, SELECTORS.textFallback));
    } else {
      const { body } = target;
      const outside = (e: Element) => !e.parentElement?.closest(SELECTORS.anyStatus);
      link = Array.from(body.querySelectorAll(SELECTORS.dPermalink)).find(outside);
      idn = identify(link, pageHost, null, body);
      metrics = idn ? detailedMetrics(body, locale) : {};
      const texts = Array.from(body.querySelectorAll(SELECTORS.text)).filter(outside);
      text = textOf(texts) ?? textOf(Array.from(body.querySelectorAll(SELECTORS.textFallback)).filter(outside));
    }
    if (!idn || idn.postId.length > MAX_ID) return undefined;
    const obs: PostObservation = { site: 'mastodon', postId: idn.postId, url: idn.url, metrics };
    if (idn.author) obs.author = idn.author;
    const at = publishedAt(link);
    if (at !== undefined) obs.publishedAt = at;
    if (text) obs.text = text;
    return obs;
  } catch {
    return undefined;
  }
}

export const mastodon: SiteAdapter = {
  id: 'mastodon',
  matches: (url) => url.protocol === 'https:' && instances.has(url.hostname.toLowerCase()),
  postSelector: CONTAINERS,
  read,
  scan: (root, url) => scanPosts(root, url, CONTAINERS, read),
  badgeAnchor(el) {
    try {
      const target = targetOf(el);
      if (!target) return undefined;
      if (target.kind === 'detailed') {
        return target.root.querySelector(SELECTORS.dActionBar) ?? target.body.querySelector(SELECTORS.dMeta) ?? undefined;
      }
      const bars = own(target.status, SELECTORS.actionBar);
      return bars.length === 1 ? bars[0] : undefined;
    } catch {
      return undefined;
    }
  },
};
