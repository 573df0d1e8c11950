// YouTube identities: the 11-character video id from a watch or Shorts link, and a channel from its link.
// See ../../../shared/reference/dom-anchors.md §3.5.

const VIDEO_ID = /^[\w-]{11}$/;
const YT_HOSTS = new Set(['www.youtube.com', 'youtube.com', 'm.youtube.com']);

export interface VideoRef {
  id: string;
  /** The link was a /shorts/<id> link. */
  shorts: boolean;
}

/** The video a link opens ("/watch?v=<id>&pp=…", "https://www.youtube.com/shorts/<id>"), or undefined. */
export function videoFromHref(href: string | null | undefined): VideoRef | undefined {
  if (!href) return undefined;
  try {
    const u = new URL(href, 'https://www.youtube.com');
    if (!YT_HOSTS.has(u.hostname)) return undefined;
    if (u.pathname === '/watch') {
      const v = u.searchParams.get('v');
      return v && VIDEO_ID.test(v) ? { id: v, shorts: false } : undefined;
    }
    const m = /^\/shorts\/([\w-]{11})\/?$/.exec(u.pathname);
    return m ? { id: m[1]!, shorts: true } : undefined;
  } catch {
    return undefined;
  }
}

export const isVideoId = (s: string | null | undefined): s is string => !!s && VIDEO_ID.test(s);

/** The canonical address of a video. */
export const videoUrl = (ref: VideoRef): string =>
  ref.shorts ? `https://www.youtube.com/shorts/${ref.id}` : `https://www.youtube.com/watch?v=${ref.id}`;

/**
 * The channel a link names: the handle (without its "@", as X's adapter stores handles; a cell starting with "@"
 * would also be escaped by the CSV writer's formula guard) for /@handle links, the link's text for /channel/<UC…>,
 * /c/ and /user/ links (which carry no handle), undefined for anything else.
 */
export function channelFromLink(a: Element): string | undefined {
  const href = a.getAttribute('href');
  if (!href) return undefined;
  try {
    const u = new URL(href, 'https://www.youtube.com');
    if (!YT_HOSTS.has(u.hostname)) return undefined;
    const handle = /^\/@([^/]+)\/?/.exec(u.pathname)?.[1];
    if (handle) return decodeURIComponent(handle);
    if (/^\/(channel|c|user)\/[^/]+/.test(u.pathname)) {
      const text = a.textContent?.replace(/\s+/g, ' ').trim();
      return text ? text.slice(0, 100) : undefined;
    }
  } catch {
    // not a link we can read
  }
  return undefined;
}

/** The video a page's own address names: /watch?v=<id> or /shorts/<id> on YouTube, else undefined. */
export function videoOfPage(url: URL): VideoRef | undefined {
  return videoFromHref(url.href);
}

/** The video of a YouTube Studio analytics page: studio.youtube.com/video/<id>/analytics/…, else undefined. */
export function studioVideo(url: URL): string | undefined {
  if (url.hostname !== 'studio.youtube.com') return undefined;
  const m = /^\/video\/([\w-]{11})\/analytics(?:\/|$)/.exec(url.pathname);
  return m?.[1];
}
