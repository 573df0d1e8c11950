// YouTube (www / m / studio.youtube.com): grids, search, related, channel pages, the watch page, Shorts (shelf and
// player) and Studio's analytics of the user's own video. Rules: ../../../shared/DESIGN.md ("Rules that keep the
// numbers honest") and dom-anchors.md §3. The selector table: ./youtube-selectors.ts. List items:
// ./youtube-list.ts; the watch page and the Shorts player's numbers: ./youtube-watch.ts; Studio:
// ./youtube-studio.ts; ids: ./youtube-ids.ts; reading localized counts: ./youtube-text.ts.
//
// publishedAt is never set: list items and the watch page print relative ages ("3 years ago", "12 年前") or a bare
// date, which bound the time only to an interval, and PostObservation holds a point.
//
// m.youtube.com is matched (it is one of YouTube's hosts) but its ytm-* list items are not read yet: such a page
// finds no post containers and records nothing.
import type { PostObservation, SiteAdapter } from '../types';
import { channelFromLink, isVideoId, studioVideo, videoOfPage, videoUrl } from './youtube-ids';
import { listBadgeAnchor, listKind, readList } from './youtube-list';
import { POST_SELECTOR, SELECTORS } from './youtube-selectors';
import { readStudioMetrics } from './youtube-studio';
import { pageLocale } from './youtube-text';
import { likesFrom, watchMetrics } from './youtube-watch';
import { scanPosts } from './scan';

export { SELECTORS } from './youtube-selectors';

const HOSTS = new Set(['www.youtube.com', 'm.youtube.com', 'studio.youtube.com']);
const MAX_TITLE = 200;

/** The watch page's own video: ytd-watch-metadata[video-id] on a visible watch page whose address names it. */
function readWatch(el: Element, url: URL): PostObservation | undefined {
  const page = videoOfPage(url);
  if (!page || page.shorts) return undefined;
  const flexy = el.closest(SELECTORS.flexy);
  if (flexy?.hasAttribute('hidden')) return undefined; // a watch page left behind by SPA navigation
  const id = el.getAttribute('video-id');
  const flexyId = flexy?.getAttribute('video-id');
  if (!isVideoId(id) || id !== page.id || (flexyId && flexyId !== id)) return undefined;
  const locale = pageLocale(el);
  const info = el.querySelector(SELECTORS.infoText) ?? undefined;
  const like = el.querySelector(SELECTORS.likeButton) ?? undefined;
  const obs: PostObservation = { site: 'youtube', postId: id, url: videoUrl(page), metrics: watchMetrics(info, like, locale) };
  const owner = Array.from(el.querySelectorAll(SELECTORS.owner)).map(channelFromLink).find(Boolean);
  if (owner) obs.author = owner;
  const h1 = el.querySelector(SELECTORS.watchTitle)?.textContent?.replace(/\s+/g, ' ').trim();
  if (h1) obs.text = h1.slice(0, MAX_TITLE);
  return obs;
}

/**
 * The Shorts player: only the active reel is the video the address names (the others stay in the DOM above and
 * below it). Its likes come from its own action bar. (Its comment button's count is not read: nothing seen names
 * which of the bar's plain buttons it is.)
 */
function readReel(el: Element, url: URL): PostObservation | undefined {
  const page = videoOfPage(url);
  if (!page?.shorts || !el.hasAttribute('is-active')) return undefined;
  const bar = el.querySelector(SELECTORS.reelBar);
  const obs: PostObservation = { site: 'youtube', postId: page.id, url: videoUrl(page), metrics: {} };
  const likes = likesFrom(bar?.querySelector(SELECTORS.likeButton) ?? undefined, pageLocale(el));
  if (likes) obs.metrics.likes = likes;
  return obs;
}

/** Studio's analytics of one video: studio.youtube.com/video/<id>/analytics/…. */
function readStudio(el: Element, url: URL): PostObservation | undefined {
  const id = studioVideo(url);
  if (!id) return undefined;
  return { site: 'youtube', postId: id, url: videoUrl({ id, shorts: false }), metrics: readStudioMetrics(el, pageLocale(el)) };
}

function read(el: Element, url: URL): PostObservation | undefined {
  try {
    const tag = el.localName;
    const studio = url.hostname === 'studio.youtube.com';
    if (tag === SELECTORS.studioCard) return studio ? readStudio(el, url) : undefined;
    if (studio) return undefined; // YouTube list markup inside Studio is not a YouTube page
    if (tag === SELECTORS.watch) return readWatch(el, url);
    if (tag === SELECTORS.reel) return readReel(el, url);
    const kind = listKind(el);
    return kind && readList(el, kind);
  } catch {
    return undefined;
  }
}

function badgeAnchor(el: Element): Element | undefined {
  try {
    const tag = el.localName;
    if (tag === SELECTORS.watch) return el.querySelector(SELECTORS.topRow) ?? el.querySelector(SELECTORS.infoText) ?? undefined;
    if (tag === SELECTORS.reel) return el.hasAttribute('is-active') ? (el.querySelector(SELECTORS.reelBar) ?? undefined) : undefined;
    if (tag === SELECTORS.studioCard) return el;
    const kind = listKind(el);
    return kind && listBadgeAnchor(el, kind);
  } catch {
    return undefined;
  }
}

export const youtube: SiteAdapter = {
  id: 'youtube',
  matches: (url) => HOSTS.has(url.hostname),
  postSelector: POST_SELECTOR,
  // The watch page swaps videos in place (SPA): the exact views and the active reel ride on attributes.
  watchAttributes: ['view-count-props', 'video-id', 'is-active', 'hidden'],
  read,
  scan: (root, url) => scanPosts(root, url, POST_SELECTOR, read),
  badgeAnchor,
};
