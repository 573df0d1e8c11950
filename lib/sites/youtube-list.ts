// List items: grids (home, subscriptions, channel), search results, related videos, Shorts shelves. Each item's
// identity comes from its own links at every read; its views from the text that says it is a view count.
// Selectors and their sources: ./youtube-selectors.ts.
import type { PostObservation } from '../types';
import { channelFromLink, videoFromHref, videoUrl, type VideoRef } from './youtube-ids';
import { RENDERERS, SELECTORS, own } from './youtube-selectors';
import { agree, pageLocale, shortsLabelViews, viewCountText } from './youtube-text';

export type ListKind = 'renderer' | 'lockup' | 'shortsLockup';

const MAX_TITLE = 200;

export function listKind(el: Element): ListKind | undefined {
  const tag = el.localName;
  if (RENDERERS.includes(tag)) return 'renderer';
  if (tag === SELECTORS.lockup) return 'lockup';
  if (tag === SELECTORS.shortsLockup) return 'shortsLockup';
  return undefined;
}

/**
 * The video a list item shows: every video link in it names the same video (thumbnail, title, chapters), and the
 * lockup's content-id class, if any, agrees. Undefined for anything else (a collection; a half-recycled item whose
 * links disagree; an item not rendered yet).
 */
function listVideo(el: Element): VideoRef | undefined {
  if (own(el, SELECTORS.collection).length > 0) return undefined;
  let ref: VideoRef | undefined;
  for (const a of own(el, SELECTORS.videoLink)) {
    const v = videoFromHref(a.getAttribute('href'));
    if (!v) continue;
    if (ref && ref.id !== v.id) return undefined;
    ref = ref ? { id: ref.id, shorts: ref.shorts || v.shorts } : v;
  }
  if (!ref) return undefined;
  const ids = [el, ...own(el, '[class*="content-id-"]')].flatMap((e) =>
    Array.from(e.classList)
      .filter((c) => c.startsWith('content-id-'))
      .map((c) => c.slice('content-id-'.length)),
  );
  if (ids.some((id) => id !== ref!.id)) return undefined;
  return ref;
}

function author(el: Element): string | undefined {
  for (const a of own(el, 'a[href]')) {
    if (videoFromHref(a.getAttribute('href'))) continue;
    const ch = channelFromLink(a);
    if (ch) return ch;
  }
  return undefined;
}

function title(el: Element): string | undefined {
  const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  const link = own(el, SELECTORS.titleLink)[0];
  const h3 = own(el, 'h3')[0];
  const text =
    clean(link?.getAttribute('title')) ||
    clean(link?.textContent) ||
    clean(h3?.getAttribute('title')) ||
    clean(h3?.querySelector('a[title]')?.getAttribute('title')) ||
    clean(h3?.textContent);
  return text ? text.slice(0, MAX_TITLE) : undefined;
}

/** Views of a list item: every text in it that says it is a view count must agree. */
function listViews(el: Element, kind: ListKind, locale: string | undefined) {
  const readings = [];
  if (kind === 'renderer') {
    for (const span of own(el, SELECTORS.metadataItem)) readings.push(viewCountText(span.textContent, locale));
  } else if (kind === 'lockup') {
    for (const t of own(el, SELECTORS.lockupText)) {
      if (t.querySelector('a')) continue; // a channel or playlist-item row
      readings.push(viewCountText(t.textContent, locale));
    }
  } else {
    for (const s of own(el, SELECTORS.shortsSubhead)) readings.push(viewCountText(s.textContent, locale));
    for (const h of own(el, SELECTORS.shortsLabel)) readings.push(shortsLabelViews(h.getAttribute('aria-label'), locale));
  }
  if (!readings.some(Boolean)) return undefined;
  return agree(readings);
}

export function readList(el: Element, kind: ListKind): PostObservation | undefined {
  const ref = listVideo(el);
  if (!ref) return undefined;
  const obs: PostObservation = { site: 'youtube', postId: ref.id, url: videoUrl(ref), metrics: {} };
  const views = listViews(el, kind, pageLocale(el));
  if (views) obs.metrics.views = views;
  const by = author(el);
  if (by) obs.author = by;
  const text = title(el);
  if (text) obs.text = text;
  return obs;
}

export function listBadgeAnchor(el: Element, kind: ListKind): Element | undefined {
  if (kind === 'renderer') return own(el, SELECTORS.metadataLine)[0];
  if (kind === 'lockup') return own(el, SELECTORS.lockupMeta)[0];
  return own(el, SELECTORS.shortsSubhead)[0] ?? own(el, 'h3')[0];
}
