// Types for feed.mjs (plain JS so the demo runs with node alone).
export interface DemoTweet {
  name: string;
  handle: string;
  /** Minutes before "now". */
  age: number;
  text: string;
  c: { replies: number; reposts: number; likes: number; bookmarks: number; views: number };
  socialContext?: string;
  liked?: boolean;
  reposted?: boolean;
  promoted?: boolean;
  /** Index of the tweet it quotes. */
  quote?: number;
}
export interface DemoTweetWithId extends DemoTweet {
  id: string;
  at: number;
  colour: string;
}
export const TWEETS: DemoTweet[];
export const REPLIES: DemoTweet[];
export function compact(n: number): string;
export function withIds(tweets?: DemoTweet[], now?: number, seq?: number): DemoTweetWithId[];
export function tweet(t: DemoTweetWithId, options?: { now?: number; focused?: boolean; quote?: DemoTweetWithId }): string;
export function homePage(tweets: DemoTweetWithId[], now?: number): string;
export function statusPage(tweets: DemoTweetWithId[], id: string, now?: number): string | undefined;
export const OWN_HANDLE: string;
export function ownTweets(now?: number): DemoTweet[];
export function profilePage(tweets: DemoTweetWithId[], now?: number): string;
export const LINKEDIN_ACTIVITY: string;
export function linkedinAnalyticsPage(): string;
