// TikTok (www.tiktok.com): For You feed, video page, profile grid, and the author's TikTok Studio video analytics.
// Rules: ../../../shared/DESIGN.md ("Rules that keep the numbers honest") and dom-anchors.md §9; metric names from
// metrics.md (Studio "Video views" count repeats → impressions; "Reached audience" → reach; public plays → views).
import { parseCount, type Count } from '../count';
import type { Metric, Metrics, PostObservation, SiteAdapter } from '../types';
import { scanPosts } from './scan';
import { ownMatches } from './own';

/*
 * Selectors, one table. "seen": where the selector is documented (no real TikTok page is in ../shared/fixtures/real,
 * so every fixture here is hand-made after these sources; dates are when the source was crawled/written).
 *   [A] dom-anchors.md §9 (data-e2e counters; kimanikevin254/brightdata-tiktok-scraping and other scrapers), 2026
 *   [B] public extensions' post selectors: recommend-list-item-container / feed-video / browse-video / like-icon /
 *       video-author-avatar, and the player wrapper id "xgwrapper-0-<videoId>" (code corpus, 2025–26)
 *   [C] TikTok Studio scrapers: a[data-tt="components_PostInfoCell_a"] (content list), metric cards
 *       [data-tt="VideoOverviewPage_VideoMetricsCard_FlexItem"] with a .TUXText label and .absolute-value value,
 *       labels "Video views" / "Vues de vidéo" / "Visualizações do vídeo" (code corpus, "verified 2026-02-28")
 *   [H] hand-made assumption, not seen on a real page: marked so the first real capture can confirm or fix it.
 * "fixture": the hand-made test/fixtures/tiktok/*.html that covers it.
 *
 *  key          selector                                               seen  fixture
 *  feedItem     article[data-e2e="recommend-list-item-container"]      [B]   foryou (#4 LIVE: no id), ja, dark, stripped
 *  videoPage    #main-content-video_detail (page root, one post)        [H]   video, de
 *  gridItem     [data-e2e="user-post-item"]                             [A]   profile, logged-out
 *  studioPage   [data-tt="VideoOverviewPage_Container"]                 [H]   studio (+ unit bad-input cards)
 *  player       [id^="xgwrapper-"]: id "xgwrapper-<n>-<videoId>"        [B]   foryou, ja, dark, video, de
 *  browseVideo  [data-e2e="browse-video"] (the video page's player)     [B]   video, de
 *  feedAuthor   a[data-e2e="video-author-avatar"] href="/@user"         [B]   foryou, ja, dark, stripped
 *  pageAuthor   a[data-e2e="browse-user-avatar"] href="/@user"          [H]   video, de
 *  videoLink    a[href*="/video/"]: /@user/video/<id> (not on the       [A]   profile, logged-out, foryou #3
 *               video page, whose related list links other videos)            (video: ignored)
 *  studioLink   a[data-tt="components_PostInfoCell_a"]                  [C]   studio
 *  likes        strong[data-e2e="browse-like-count"], [like-count]      [A]   video, de; foryou, ja, dark
 *  replies      strong[data-e2e="browse-comment-count"], [comment-count][A]   video, de; foryou, ja, dark
 *  shares       strong[data-e2e="share-count"]                          [A]   foryou, video, ja, dark (absent: de)
 *  saves        strong[data-e2e="undefined-count"], [collect-count]     [A]   foryou (#2 collect), video, de, ja, dark
 *  views        strong[data-e2e="browse-view-count"] (video page)       [A]   video, de
 *               strong[data-e2e="video-views"] (profile grid)           [A]   profile, logged-out
 *  studioCard   [data-tt="VideoOverviewPage_VideoMetricsCard_FlexItem"] [C]   studio
 *  cardLabel    .TUXText (first one in the card)                        [C]   studio
 *  cardValue    .absolute-value                                         [C]   studio
 *  text         [data-e2e="video-desc"], [data-e2e="browse-video-desc"] [A]   foryou, video
 */
export const SELECTORS = {
  feedItem: 'article[data-e2e="recommend-list-item-container"]',
  videoPage: '#main-content-video_detail',
  gridItem: '[data-e2e="user-post-item"]',
  studioPage: '[data-tt="VideoOverviewPage_Container"]',
  player: '[id^="xgwrapper-"]',
  browseVideo: '[data-e2e="browse-video"]',
  feedAuthor: 'a[data-e2e="video-author-avatar"]',
  pageAuthor: 'a[data-e2e="browse-user-avatar"]',
  videoLink: 'a[href*="/video/"]',
  studioLink: 'a[data-tt="components_PostInfoCell_a"]',
  likes: 'strong[data-e2e="browse-like-count"], strong[data-e2e="like-count"]',
  replies: 'strong[data-e2e="browse-comment-count"], strong[data-e2e="comment-count"]',
  shares: 'strong[data-e2e="share-count"]',
  saves: 'strong[data-e2e="undefined-count"], strong[data-e2e="collect-count"]',
  pageViews: 'strong[data-e2e="browse-view-count"]',
  gridViews: 'strong[data-e2e="video-views"]',
  studioCard: '[data-tt="VideoOverviewPage_VideoMetricsCard_FlexItem"]',
  cardLabel: '.TUXText',
  cardValue: '.absolute-value',
  text: '[data-e2e="video-desc"], [data-e2e="browse-video-desc"]',
} as const;

const POST_SELECTOR = [SELECTORS.feedItem, SELECTORS.videoPage, SELECTORS.gridItem, SELECTORS.studioPage].join(', ');

/**
 * TikTok Studio card labels → metric. Only labels seen in a source [C] or TikTok's own English wording
 * (metrics.md: "Video views", "Reached audience"); an unknown label is skipped, never guessed from position.
 */
const STUDIO_LABELS: Record<string, Metric> = {
  'video views': 'impressions',
  'vues de vidéo': 'impressions',
  'visualizações do vídeo': 'impressions',
  'reached audience': 'reach',
  likes: 'likes',
  comments: 'replies',
  shares: 'shares',
  saves: 'saves',
};

const HANDLE = '[A-Za-z0-9_.]{1,24}';
const VIDEO_PATH = new RegExp(`^/@(${HANDLE})/video/(\\d{15,20})/?$`);
const PROFILE_PATH = new RegExp(`^/@(${HANDLE})/?$`);
const STUDIO_PATH = /^\/tiktokstudio\/analytics\/(\d{15,20})(?:\/|$)/;
const PLAYER_ID = /^xgwrapper-\d+-(\d{15,20})$/;
const MAX_TEXT = 2200;
/** TikTok (musical.ly merged in 2018) ids before its 2016-09 launch, or from the future, are not timestamps we trust. */
const FIRST_SECOND = Date.UTC(2016, 8, 1) / 1000;

type Kind = 'feed' | 'video' | 'grid' | 'studio';

function kindOf(el: Element): Kind | undefined {
  if (el.matches(SELECTORS.feedItem)) return 'feed';
  if (el.matches(SELECTORS.videoPage)) return 'video';
  if (el.matches(SELECTORS.gridItem)) return 'grid';
  if (el.matches(SELECTORS.studioPage)) return 'studio';
  return undefined;
}

function pathOf(href: string | null | undefined): string | undefined {
  if (!href) return undefined;
  try {
    return new URL(href, 'https://www.tiktok.com').pathname;
  } catch {
    return undefined;
  }
}

/** "/@user/video/<id>" → [user, id]. */
function videoLink(a: Element | null | undefined): [string, string] | undefined {
  const m = VIDEO_PATH.exec(pathOf(a?.getAttribute('href')) ?? '');
  return m ? [m[1]!, m[2]!] : undefined;
}

const profileHandle = (a: Element | null | undefined): string | undefined =>
  PROFILE_PATH.exec(pathOf(a?.getAttribute('href')) ?? '')?.[1];

/**
 * Milliseconds since epoch from a TikTok video id: the top 32 bits of the 64-bit id are the Unix time of posting (the
 * same layout TikTok's createTime carries; exact to the second). Undefined outside TikTok's lifetime.
 */
export function idTime(id: string): number | undefined {
  try {
    const s = Number(BigInt(id) >> 32n);
    return s >= FIRST_SECOND && s * 1000 <= Date.now() + 86_400_000 ? s * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The element's own matches of a selector: those whose nearest post container is el itself. A post nested inside
 * another (a feed item rendered into a neighbour's cell, a recycled node caught mid-move) has its own player, links
 * and counters; they name and count that post, never the one around it.
 */
const own = (el: Element, sel: string): Element[] => ownMatches(el, sel, POST_SELECTOR);

const ownFirst = (el: Element, sel: string): Element | undefined => own(el, sel)[0];

/**
 * The post's identity from its own attributes: the video link (grid, Studio header), or the player wrapper's id
 * plus the author's avatar link (feed, video page). Where both are present they must agree (a half-recycled node
 * that mixes two videos is no post). Studio: the page's URL id must be the link's.
 */
function identify(el: Element, kind: Kind, url: URL): { author: string; postId: string } | undefined {
  // The video page links to other videos (related list, comments): its identity is its player's alone.
  const linkSel = kind === 'studio' ? SELECTORS.studioLink : kind === 'video' ? undefined : SELECTORS.videoLink;
  const links = linkSel ? own(el, linkSel).map(videoLink).filter((l) => l !== undefined) : [];
  const ids = new Set(links.map((l) => l[1]));

  let fromPlayer: [string, string] | undefined;
  if (kind === 'feed' || kind === 'video') {
    const scope = kind === 'video' ? ownFirst(el, SELECTORS.browseVideo) : el;
    const player = scope ? own(el, SELECTORS.player).find((p) => scope.contains(p)) : undefined;
    const pid = PLAYER_ID.exec(player?.id ?? '')?.[1];
    const author = profileHandle(ownFirst(el, kind === 'video' ? SELECTORS.pageAuthor : SELECTORS.feedAuthor));
    if (pid && author) fromPlayer = [author, pid];
    if (pid) ids.add(pid);
  }
  if (ids.size !== 1) return undefined; // none, or two videos in one container
  const found = fromPlayer ?? links[0];
  if (!found) return undefined;
  if (kind === 'studio') {
    const pageId = STUDIO_PATH.exec(url.pathname)?.[1];
    if (pageId !== undefined && pageId !== found[1]) return undefined; // SPA moved on; header not yet replaced
  }
  return { author: found[0], postId: found[1] };
}

function count(el: Element | null | undefined, locale?: string): Count | null {
  const text = el?.textContent?.trim();
  return text ? parseCount(text, locale) : null;
}

function readCounters(el: Element, kind: Kind, locale?: string): Metrics {
  const out: Metrics = {};
  const put = (metric: Metric, c: Count | null) => {
    if (c && out[metric] === undefined) out[metric] = c;
  };
  if (kind === 'grid') {
    put('views', count(ownFirst(el, SELECTORS.gridViews), locale));
    return out;
  }
  if (kind === 'studio') {
    const bad = new Set<Metric>();
    // a card's own label and value: not those of a card (or a page copy) rendered inside it
    const inCard = (card: Element, sel: string) =>
      own(el, sel).find((x) => x.parentElement?.closest(SELECTORS.studioCard) === card);
    for (const card of own(el, SELECTORS.studioCard)) {
      const label = inCard(card, SELECTORS.cardLabel)?.textContent?.trim().replace(/\s+/g, ' ').toLowerCase();
      const metric = label ? STUDIO_LABELS[label] : undefined;
      if (!metric) continue;
      const c = count(inCard(card, SELECTORS.cardValue), locale);
      if (!c || (out[metric] && out[metric]!.value !== c.value)) bad.add(metric);
      else out[metric] = c;
    }
    for (const m of bad) delete out[m]; // unreadable or two cards that disagree: absent
    return out;
  }
  // Feed and video page: the first counter of each kind (browse-* first on the video page).
  const first = (sel: string) => {
    for (const s of sel.split(', ')) {
      const hit = ownFirst(el, s);
      if (hit) return hit;
    }
    return null;
  };
  put('likes', count(first(SELECTORS.likes), locale));
  put('replies', count(first(SELECTORS.replies), locale));
  put('shares', count(first(SELECTORS.shares), locale));
  put('saves', count(first(SELECTORS.saves), locale));
  if (kind === 'video') put('views', count(ownFirst(el, SELECTORS.pageViews), locale));
  return out;
}

function read(el: Element, url: URL): PostObservation | undefined {
  try {
    const kind = kindOf(el);
    if (!kind) return undefined;
    const idn = identify(el, kind, url);
    if (!idn) return undefined;
    const locale = el.ownerDocument?.documentElement?.getAttribute('lang') || undefined;
    const obs: PostObservation = {
      site: 'tiktok',
      postId: idn.postId,
      url: `https://www.tiktok.com/@${idn.author}/video/${idn.postId}`,
      author: idn.author,
      metrics: readCounters(el, kind, locale),
    };
    const publishedAt = idTime(idn.postId);
    if (publishedAt !== undefined) obs.publishedAt = publishedAt;
    const text = ownFirst(el, SELECTORS.text)?.textContent?.trim().slice(0, MAX_TEXT);
    if (text) obs.text = text;
    return obs;
  } catch {
    return undefined;
  }
}

/** Badge after the element that holds the counters: the like/views/first card row. */
function badgeAnchor(el: Element): Element | undefined {
  try {
    const kind = kindOf(el);
    if (!kind) return undefined;
    if (kind === 'grid') return ownFirst(el, SELECTORS.gridViews)?.parentElement ?? undefined;
    if (kind === 'studio') return ownFirst(el, SELECTORS.studioCard)?.parentElement ?? undefined;
    const like = ownFirst(el, SELECTORS.likes);
    return (like?.closest('button') ?? like)?.parentElement ?? undefined;
  } catch {
    return undefined;
  }
}

export const tiktok: SiteAdapter = {
  id: 'tiktok',
  matches: (url) => url.hostname === 'www.tiktok.com',
  postSelector: POST_SELECTOR,
  read,
  scan: (root, url) => scanPosts(root, url, POST_SELECTOR, read),
  watchAttributes: ['id'],
  badgeAnchor,
};
