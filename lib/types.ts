// The shapes every part of Postmeter agrees on (see ../shared/DESIGN.md, "Contracts other code relies on").
import type { Count } from './count';

export type SiteId =
  | 'x'
  | 'linkedin'
  | 'youtube'
  | 'instagram'
  | 'facebook'
  | 'tiktok'
  | 'threads'
  | 'bluesky'
  | 'reddit'
  | 'mastodon';

/** Every counter Postmeter knows, in CSV column order. */
export const METRICS = [
  'impressions',
  'views',
  'reach',
  'likes',
  'replies',
  'reposts',
  'quotes',
  'bookmarks',
  'saves',
  'shares',
  'clicks',
  'profileVisits',
  'followers',
  // Bluesky's (and since 2025-08 Mastodon's) visible repost figure counts reposts + quotes together. Last, so the
  // columns before it keep their order.
  'repostsAndQuotes',
] as const;
export type Metric = (typeof METRICS)[number];

export type Metrics = Partial<Record<Metric, Count>>;

/** One post as one scan read it. A metric the adapter could not read with confidence is absent. */
export interface PostObservation {
  site: SiteId;
  postId: string;
  url: string;
  author?: string;
  /** ms since epoch, only when the page (or the id) gives it exactly. */
  publishedAt?: number;
  text?: string;
  /** Paid placement (X "Promoted"): recorded, but marked so rankings can leave it out. */
  promoted?: boolean;
  metrics: Metrics;
}

export interface SiteAdapter {
  id: SiteId;
  /** Does this adapter read pages at this URL? */
  matches(url: URL): boolean;
  /** CSS selector of the element each post lives in; the scanner watches these for visibility. */
  postSelector: string;
  /** Read one post element (one that matches postSelector). Never throws; undefined when it is not a post it can identify. */
  read(el: Element, url: URL): PostObservation | undefined;
  /** Every post under root. Never throws. */
  scan(root: ParentNode, url: URL): PostObservation[];
  /**
   * Attributes (besides aria-label, href, datetime) whose change means a post's counts or identity changed,
   * e.g. Reddit's score: the scanner re-reads when they change.
   */
  watchAttributes?: readonly string[];
  /** Where the badge goes for a post element (after this element), or undefined for no badge. */
  badgeAnchor?(el: Element): Element | undefined;
}

export const postKey = (o: { site: SiteId; postId: string }): string => `${o.site}:${o.postId}`;
