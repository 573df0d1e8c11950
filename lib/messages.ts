// Typed messages between the content script, the popup and the background (the only writer).
import type { Metrics, PostObservation, SiteId } from './types';

/** What the badge needs from history: the post as it was stored before this batch. */
export interface PriorState {
  firstSeen: number;
  lastSeen: number;
  metrics: Metrics;
}

export type Message =
  /** Content script → background: posts seen on screen, all observed at `observedAt`. */
  | { type: 'observe'; observedAt: number; pageUrl: string; posts: PostObservation[] }
  /**
   * Popup → content script: which posts has this tab seen (keys "site:postId", most recent first)? At most `limit`
   * of them (the popup shows the latest; a feed scrolled for an hour has shown thousands); absent: all.
   */
  | { type: 'tab-posts'; limit?: number };

export interface ObserveReply {
  /** Per post key, its stored state before this batch (null: never seen before). */
  prior: Record<string, PriorState | null>;
  /** Recording is paused (by the user or because storage is full); nothing was stored. */
  paused?: 'user' | 'quota';
}

export interface TabPostsReply {
  /** The adapter reading this tab. */
  site: SiteId;
  keys: string[];
  /** How many distinct posts the page has shown: more than `keys` holds when the request set a limit. */
  seen: number;
  pageUrl: string;
  /** Post containers found but no counter read: the adapter may be out of date for this site. */
  unrecognised: boolean;
  /** The last batch found recording paused. */
  paused?: 'user' | 'quota';
}
