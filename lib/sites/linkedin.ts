// LinkedIn (www.linkedin.com): the classic (Ember) feed and single-post page, the 2025–26 feed with hashed classes,
// and the author's own post analytics page. Rules: ../../../shared/DESIGN.md ("Rules that keep the numbers honest"),
// dom-anchors.md §2, metrics.md §4. Words and numbers: ./linkedin-labels.ts.
import type { Count } from '../count';
import type { Metric, Metrics, PostObservation, SiteAdapter } from '../types';
import { ANALYTICS_CARDS, ANALYTICS_LABELS, countOf, feedCount, normLabel, type Reading } from './linkedin-labels';
import { scanPosts } from './scan';

/*
 * Selectors, one table. "seen": the date of the source that documents it (dom-anchors.md §2; ReachLab =
 * cloudsecai/linkedin-analytics docs + extension/src/content/scrapers.ts, 2026). No real LinkedIn page is in the
 * index, so every fixture is hand-made from those descriptions. "fixture": test/fixtures/linkedin/*.html.
 *
 *  key            selector                                                 seen             fixture
 *  classicPost    div[data-urn^="urn:li:activity:"] (.feed-shared-update-v2)  2024-11 … 2025-12 feed, post, own, dark, de
 *  classicBare    .feed-shared-update-v2 without data-urn: id from page URL/link 2025-12         post (single-post page)
 *  newPost        [data-testid="mainFeed"] [role="listitem"]               2026-03 … 2026-05 new-feed (#4: own card), stripped
 *  activityLink   a[href*="urn:li:activity:"], a[href*="-activity-"]       2026-05          new-feed, post
 *  reactions      button[data-reaction-details] aria "150 reactions"       2025             feed, post, dark, de
 *  reactionsText  .social-details-social-counts__reactions-count ("150")   2025             feed #3 (no aria), dark
 *  comments       li.social-details-social-counts__comments button aria    2025             feed, post, de
 *  reposts        button[aria-label*="repost" i] "5 reposts of Ada’s post"  2025             feed, post, de
 *  impressions    .ca-entry-point__num-views ("1,234 impressions")         2025             own
 *  countsRow      .social-details-social-counts (badge anchor, classic)    2025             feed, post, own, dark, de
 *  newText        [data-testid="expandable-text-box"] (never read for counts; 2026-05       new-feed
 *                 two in one card: not read)
 *  newCounts      leaf p/span/button/a text or aria "1,234 reactions"      2026-05          new-feed (#4: "N impressions")
 *  anaCard        section.member-analytics-addon-card__base-card           ReachLab 2026    analytics-en, analytics-fr
 *  anaHeader      .member-analytics-addon-header__title (h2)               ReachLab 2026    analytics-en, analytics-fr
 *  anaItem        li.member-analytics-addon__cta-list-item: .text-body-small label, strong value   analytics-en/fr
 *  anaRow         li.member-analytics-addon-metric-row-list__item: title span, __value  analytics-en/fr
 */
export const SELECTORS = {
  classicPost: 'div[data-urn^="urn:li:activity:"]',
  classicBare: '.feed-shared-update-v2',
  newPost: '[data-testid="mainFeed"] [role="listitem"]',
  activityLink: 'a[href*="urn:li:activity:"], a[href*="-activity-"]',
  reactions: 'button[data-reaction-details]',
  reactionsText: '.social-details-social-counts__reactions-count',
  comments: 'li.social-details-social-counts__comments button',
  reposts: 'button[aria-label*="repost" i]',
  impressions: '.ca-entry-point__num-views',
  countsRow: '.social-details-social-counts',
  newText: '[data-testid="expandable-text-box"]',
  newCounts: 'p, span, button, a',
  anaCard: 'section.member-analytics-addon-card__base-card',
  anaHeader: '.member-analytics-addon-header__title',
  anaItem: 'li.member-analytics-addon__cta-list-item',
  anaItemLabel: '.text-body-small',
  anaItemValue: 'strong',
  anaRow: 'li.member-analytics-addon-metric-row-list__item',
  anaRowLabel: '.member-analytics-addon-metric-row-list-item__title-container span',
  anaRowValue: '.member-analytics-addon-metric-row-list-item__value',
} as const;

const POST_SELECTOR = [SELECTORS.classicPost, SELECTORS.classicBare, SELECTORS.newPost, SELECTORS.anaCard].join(', ');
const ACTIVITY_ID = /(?:urn:li:activity:|urn%3Ali%3Aactivity%3A|-activity-)(\d{15,22})(?!\d)/;
const ANALYTICS_PATH = /^\/analytics\/post-summary\/urn:li:activity:(\d{15,22})\/?$/;
/** LinkedIn ids before 2014 do not carry a timestamp this way; a time before this is no time. */
const ID_TIME_SINCE = Date.UTC(2014, 0, 1);
const MAX_TEXT = 3000;

/**
 * Milliseconds since epoch from an activity id: LinkedIn ids keep the Unix time in their first 41 of 64 bits
 * (codingmatheus/linkedin-timestamp-extractor README; ReachLab's activityIdToDate), so ms = id >> 22.
 * Undefined when that is not a plausible time (before 2014 or in the future).
 */
export function activityTime(id: string, now = Date.now()): number | undefined {
  if (!/^\d{15,22}$/.test(id)) return undefined;
  const ms = Number(BigInt(id) >> 22n);
  return ms >= ID_TIME_SINCE && ms <= now + 86_400_000 ? ms : undefined;
}

const postUrl = (id: string) => `https://www.linkedin.com/feed/update/urn:li:activity:${id}/`;

function idFromHref(href: string | null | undefined): string | undefined {
  if (!href) return undefined;
  let path = href;
  try {
    path = decodeURIComponent(new URL(href, 'https://www.linkedin.com').pathname);
  } catch {
    return undefined;
  }
  return ACTIVITY_ID.exec(path)?.[1];
}

const CONTAINERS = `${SELECTORS.classicPost}, ${SELECTORS.classicBare}, ${SELECTORS.newPost}`;

/** The innermost post container holding `n` (a post nested in a post, e.g. a repost's original, is not the outer's). */
const postOf = (n: Element): Element | null => n.closest(CONTAINERS);

/** Elements under `post` that belong to it (not to a post nested inside it). */
function own(post: Element, selector: string): Element[] {
  return Array.from(post.querySelectorAll(selector)).filter((e) => {
    const p = postOf(e);
    return p === post || (p !== null && post.contains(p) && samePost(p, post));
  });
}

/**
 * A .feed-shared-update-v2 without data-urn right inside a data-urn wrapper (an element that is not itself a card):
 * the wrapper's own card, unless it names another post. A card inside a card is never the outer one's (a card moved
 * or copied in, or one whose data-urn is gone), nor is a card whose own links (the timestamp's) name activities but
 * not the wrapper's. A card with no activity link at all cannot say, and is the wrapper's.
 */
function samePost(inner: Element, outer: Element): boolean {
  if (!inner.matches(SELECTORS.classicBare) || inner.hasAttribute('data-urn')) return false;
  if (!outer.matches(SELECTORS.classicPost) || outer.matches(SELECTORS.classicBare)) return false;
  if (inner.parentElement?.closest(CONTAINERS) !== outer) return false; // inside another card within the wrapper
  const outerId = /^urn:li:activity:(\d{15,22})$/.exec(outer.getAttribute('data-urn') ?? '')?.[1];
  const ids = Array.from(inner.querySelectorAll(SELECTORS.activityLink))
    .filter((a) => postOf(a) === inner)
    .map((a) => idFromHref(a.getAttribute('href')))
    .filter((i): i is string => i !== undefined);
  return ids.length === 0 || (outerId !== undefined && ids.includes(outerId));
}

/** Which post element reads (the outermost of a data-urn wrapper and its .feed-shared-update-v2 is one post). */
function isPrimary(el: Element): boolean {
  if (el.matches(SELECTORS.classicBare) && !el.hasAttribute('data-urn')) {
    const up = el.parentElement?.closest(SELECTORS.classicPost);
    if (up) return false; // the data-urn element around it reads this post (or, if it names another, no one does)
  }
  if (el.matches(SELECTORS.classicPost) && !el.matches(SELECTORS.classicBare)) {
    // a wrapper whose own .feed-shared-update-v2 carries the same urn: read the inner one
    const inner = el.querySelector(`${SELECTORS.classicBare}[data-urn="${el.getAttribute('data-urn')}"]`);
    if (inner) return false;
  }
  return true;
}

/** The post's activity id, from its own attributes and links at every read (recycled nodes change identity). */
function identify(el: Element, url: URL): string | undefined {
  const urn = el.getAttribute('data-urn');
  if (urn) return /^urn:li:activity:(\d{15,22})$/.exec(urn)?.[1];
  // A single-post page's bare card (no data-urn, not inside another post): the page is the post.
  if (el.matches(SELECTORS.classicBare) && !el.parentElement?.closest(POST_SELECTOR)) {
    const fromPage = idFromHref(url.pathname);
    if (fromPage) return fromPage;
  }
  const links = own(el, SELECTORS.activityLink)
    .map((a) => idFromHref(a.getAttribute('href')))
    .filter((i): i is string => i !== undefined);
  // one id, or none: two posts' links in one card (a repost and its original) leave it unsure which is this one
  return new Set(links).size === 1 ? links[0] : undefined;
}

/** Readings per metric: they must agree, and any garbled one makes the metric absent. */
class Readings {
  private all = new Map<Metric, Reading[]>();
  add(metric: Metric, r: Reading | null | undefined): void {
    if (r) this.all.set(metric, [...(this.all.get(metric) ?? []), r]);
  }
  resolve(): Metrics {
    const out: Metrics = {};
    for (const [metric, rs] of this.all) {
      if (rs.includes('bad')) continue;
      const cs = rs as Count[];
      // an exact reading beats an interval that contains it; two exact ones must be equal
      const exact = cs.filter((c) => c.exact);
      const pick = exact[0] ?? cs[0]!;
      if (cs.every((c) => (c.exact ? c.value === pick.value : c.min <= pick.min && pick.max <= c.max))) out[metric] = pick;
    }
    return out;
  }
}

const locale = (el: Element) => el.ownerDocument?.documentElement?.getAttribute('lang') || undefined;

function readClassic(post: Element, lang: string | undefined, r: Readings): void {
  for (const b of own(post, SELECTORS.reactions)) {
    const f = feedCount(b.getAttribute('aria-label'), lang);
    if (f?.[0] === 'likes') r.add('likes', f[1]);
  }
  for (const s of own(post, SELECTORS.reactionsText)) {
    const t = s.textContent?.trim();
    if (t && /\p{Nd}/u.test(t)) r.add('likes', countOf(t, lang));
  }
  // comments and reposts: the button's aria label and its visible text must agree
  for (const [metric, selector] of [['replies', SELECTORS.comments], ['reposts', SELECTORS.reposts]] as const) {
    for (const b of own(post, selector)) {
      for (const t of [b.getAttribute('aria-label'), b.textContent]) {
        const f = feedCount(t, lang);
        if (f?.[0] === metric) r.add(metric, f[1]);
      }
    }
  }
  for (const s of own(post, SELECTORS.impressions)) {
    const f = feedCount(s.textContent, lang);
    if (f?.[0] === 'impressions') r.add('impressions', f[1]);
  }
}

/** New feed: counts only from labelled text ("1,234 reactions") outside the post's own text. */
function readNew(post: Element, lang: string | undefined, r: Readings): void {
  for (const e of own(post, SELECTORS.newCounts)) {
    if (e.closest(SELECTORS.newText)) continue;
    const label = e.getAttribute('aria-label');
    const text = e.childElementCount === 0 ? e.textContent : null;
    for (const t of new Set([label, text])) {
      const f = feedCount(t, lang);
      if (f) r.add(f[0], f[1]);
    }
  }
}

/** The first element of the card whose text is a count label: the badge goes after it. */
function newCountsEl(post: Element, lang?: string): Element | undefined {
  return own(post, SELECTORS.newCounts).find(
    (e) => !e.closest(SELECTORS.newText) && e.childElementCount === 0 && feedCount(e.textContent, lang) !== undefined,
  );
}

/** What an item's label and value may not sit inside: another item, or another card (whose items may be garbled). */
const ANA_SCOPES = `${SELECTORS.anaItem}, ${SELECTORS.anaRow}, ${SELECTORS.anaCard}`;

/**
 * Matches of `selector` under `scope` whose nearest `boundary` element is scope itself: a card's own items, an
 * item's own label and value. Another card (or item) rendered inside one pairs its own labels with its own values.
 */
const inside = (scope: Element, selector: string, boundary: string): Element[] =>
  Array.from(scope.querySelectorAll(selector)).filter((e) => e.parentElement?.closest(boundary) === scope);

/** Analytics page: label → value pairs in the known cards (Discovery, Social engagement, …), read by label text. */
function readAnalytics(root: ParentNode, lang: string | undefined): Metrics {
  const r = new Readings();
  for (const card of Array.from(root.querySelectorAll(SELECTORS.anaCard))) {
    const header = normLabel(inside(card, SELECTORS.anaHeader, SELECTORS.anaCard)[0]?.textContent);
    if (!ANALYTICS_CARDS.has(header)) continue;
    const pair = (li: Element, label: string, value: string): [Element | undefined, Element | undefined] => [
      inside(li, label, ANA_SCOPES)[0],
      inside(li, value, ANA_SCOPES)[0],
    ];
    const pairs = [
      ...inside(card, SELECTORS.anaItem, SELECTORS.anaCard).map((li) => pair(li, SELECTORS.anaItemLabel, SELECTORS.anaItemValue)),
      ...inside(card, SELECTORS.anaRow, SELECTORS.anaCard).map((li) => pair(li, SELECTORS.anaRowLabel, SELECTORS.anaRowValue)),
    ];
    for (const [labelEl, valueEl] of pairs) {
      const metric = ANALYTICS_LABELS[normLabel(labelEl?.textContent)];
      const value = valueEl?.textContent?.trim();
      if (metric && value) r.add(metric, countOf(value, lang));
    }
  }
  return r.resolve();
}

function readAnalyticsPage(el: Element, url: URL): PostObservation | undefined {
  const id = ANALYTICS_PATH.exec(url.pathname)?.[1];
  if (!id) return undefined;
  const root = el.closest('main') ?? el.ownerDocument ?? el;
  const obs: PostObservation = { site: 'linkedin', postId: `urn:li:activity:${id}`, url: postUrl(id), metrics: readAnalytics(root, locale(el)) };
  const at = activityTime(id);
  if (at !== undefined) obs.publishedAt = at;
  return obs;
}

function authorOf(post: Element): string | undefined {
  const a = own(post, 'a[href*="/in/"], a[href*="/company/"]')[0];
  const m = /\/(in|company)\/([^/?#]+)/.exec(a?.getAttribute('href') ?? '');
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[2]!);
  } catch {
    return undefined;
  }
}

function read(el: Element, url: URL): PostObservation | undefined {
  try {
    if (el.matches(SELECTORS.anaCard)) return readAnalyticsPage(el, url);
    if (!isPrimary(el)) return undefined;
    // A new-feed card shows one post's text. A card holding two (a card moved into another and no longer marked
    // as a listitem, or a repost with commentary) pairs a link and counts of one post with those of the other:
    // which link is this card's, whose counts are these? Not read.
    if (el.matches(SELECTORS.newPost) && own(el, SELECTORS.newText).length > 1) return undefined;
    const id = identify(el, url);
    if (!id) return undefined;
    const lang = locale(el);
    const r = new Readings();
    if (el.matches(SELECTORS.newPost)) readNew(el, lang, r);
    else readClassic(el, lang, r);
    const obs: PostObservation = { site: 'linkedin', postId: `urn:li:activity:${id}`, url: postUrl(id), metrics: r.resolve() };
    const author = authorOf(el);
    if (author) obs.author = author;
    const at = activityTime(id);
    if (at !== undefined) obs.publishedAt = at;
    const text = own(el, '.update-components-text, [data-testid="expandable-text-box"]')[0]?.textContent?.replace(/\s+/g, ' ').trim();
    if (text) obs.text = text.slice(0, MAX_TEXT);
    return obs;
  } catch {
    return undefined;
  }
}

export const linkedin: SiteAdapter = {
  id: 'linkedin',
  matches: (url) => url.hostname === 'www.linkedin.com' || url.hostname === 'linkedin.com',
  postSelector: POST_SELECTOR,
  read,
  scan: (root, url) => scanPosts(root, url, POST_SELECTOR, read),
  badgeAnchor(el) {
    try {
      if (el.matches(SELECTORS.anaCard)) {
        // one badge per page: after the first card's header
        const first = el.ownerDocument?.querySelector(SELECTORS.anaCard);
        return first === el ? (el.querySelector(SELECTORS.anaHeader) ?? undefined) : undefined;
      }
      if (!isPrimary(el)) return undefined;
      if (el.matches(SELECTORS.newPost)) return newCountsEl(el, locale(el))?.parentElement ?? undefined;
      return own(el, SELECTORS.countsRow)[0];
    } catch {
      return undefined;
    }
  },
};
