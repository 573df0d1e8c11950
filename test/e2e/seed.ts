// Seeded databases for the browser tests of the popup, dashboard and options: rows written straight into the
// extension's IndexedDB (same shapes the background writes: lib/store/schema.ts), with the figures they must
// produce spelled out in SEED. Times are relative to `now` so weekly trends and "last 7 days" windows hold on
// any day the tests run.
import type { Page } from 'playwright-core';
import type { AccountRow, PostRow, SnapshotRow } from '../../lib/store/schema';
import type { Metrics, SiteId } from '../../lib/types';
import { isoWeekStart, WEEK } from '../../lib/trend';
import { openDashboard, type Extension } from './harness';

export interface Seed {
  posts: PostRow[];
  snapshots: SnapshotRow[];
  accounts: AccountRow[];
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ex = (n: number) => ({ value: n, min: n, max: n, exact: true });
/** "12K" as a site shows it: 12,000–12,999. */
const approx = (min: number, max: number) => ({ value: min, min, max, exact: false });

/** What the standard seed must show, for the tests to assert. */
export const SEED = {
  analytics: {
    site: 'linkedin' as SiteId,
    postId: 'urn:li:activity:7400000000000000001',
    key: 'linkedin:urn:li:activity:7400000000000000001',
    author: 'pm-demo',
    impressions: 50_000,
    reach: 5_000,
    /** 50,000 ÷ 5,000 */
    frequencyText: '10.0×',
    likes: 400,
    replies: 60,
    reposts: 40,
    clicks: 1_500,
    /** (400 + 60 + 40) ÷ 50,000 */
    erPercent: 1,
    /** 1,500 ÷ 50,000 */
    ctrPercent: 3,
  },
  /** The user's X account: 3 posts a week for 8 complete weeks; impressions per post 10,000 then 4,000. */
  own: {
    site: 'x' as SiteId,
    handle: 'postmeter_demo',
    postsPerWeek: 3,
    weeks: 8,
    impressionsBefore: 10_000,
    impressionsAfter: 4_000,
  },
  /** A YouTube video seen four times in its first day: views 1,000 → 5,000, the fastest riser. */
  video: { site: 'youtube' as SiteId, postId: 'dQw4w9WgXcQ', key: 'youtube:dQw4w9WgXcQ', author: 'PostmeterDemo', views: [1_000, 2_000, 3_500, 5_000] },
} as const;

interface PostSpec {
  site: SiteId;
  postId: string;
  url: string;
  author?: string;
  text?: string;
  publishedAt?: number;
  /** Snapshots, oldest first: when, and the counts then. The post row carries the last one. */
  history: { at: number; metrics: Metrics }[];
}

function add(seed: Seed, spec: PostSpec): void {
  const { history, ...post } = spec;
  const first = history[0]!;
  const last = history[history.length - 1]!;
  seed.posts.push({ ...post, metrics: last.metrics, firstSeen: first.at, lastSeen: last.at, snapshots: history.length });
  for (const h of history) seed.snapshots.push({ site: spec.site, postId: spec.postId, observedAt: h.at, metrics: h.metrics });
}

function account(site: SiteId, handle: string, own: boolean, at: number, followers?: number): AccountRow {
  return { site, handle, own, followers: followers === undefined ? [] : [{ observedAt: at, count: ex(followers) }], firstSeen: at, lastSeen: at };
}

export function standardSeed(now: number): Seed {
  const seed: Seed = { posts: [], snapshots: [], accounts: [] };
  const a = SEED.analytics;
  const published = now - 3 * DAY;
  add(seed, {
    site: a.site,
    postId: a.postId,
    url: `https://www.linkedin.com/feed/update/${a.postId}/`,
    author: a.author,
    text: 'What 50,000 impressions taught me about reach',
    publishedAt: published,
    history: [
      { at: published + 2 * HOUR, metrics: { impressions: ex(8_000), reach: ex(2_000), likes: ex(90), replies: ex(10), reposts: ex(5), clicks: ex(200) } },
      { at: published + DAY, metrics: { impressions: ex(30_000), reach: ex(4_000), likes: ex(300), replies: ex(45), reposts: ex(30), clicks: ex(900) } },
      {
        at: now - 2 * HOUR,
        metrics: { impressions: ex(a.impressions), reach: ex(a.reach), likes: ex(a.likes), replies: ex(a.replies), reposts: ex(a.reposts), clicks: ex(a.clicks) },
      },
    ],
  });

  // The user's X account: 8 complete ISO weeks before this one, 3 posts each (Mon, Wed, Fri 12:00 UTC).
  const o = SEED.own;
  const thisWeek = isoWeekStart(now);
  for (let w = 0; w < o.weeks; w++) {
    const weekStart = thisWeek - (o.weeks - w) * WEEK;
    const impressions = w < o.weeks / 2 ? o.impressionsBefore : o.impressionsAfter;
    for (let p = 0; p < o.postsPerWeek; p++) {
      const at = weekStart + (2 * p * DAY) + 12 * HOUR;
      const id = String(1_900_000_000_000_000_000n + BigInt(w * 10 + p));
      add(seed, {
        site: o.site,
        postId: id,
        url: `https://x.com/${o.handle}/status/${id}`,
        author: o.handle,
        text: `Week ${w + 1}, post ${p + 1}`,
        publishedAt: at,
        history: [
          { at: at + HOUR, metrics: { impressions: ex(impressions / 4), likes: ex(impressions / 400), replies: ex(2) } },
          { at: at + 2 * DAY, metrics: { impressions: ex(impressions), likes: ex(impressions / 100), replies: ex(5), reposts: ex(3) } },
        ],
      });
    }
  }
  seed.accounts.push(account(o.site, o.handle, true, now - o.weeks * WEEK, 2_400));

  // Someone else's fast video: four readings in its first day.
  const v = SEED.video;
  const vPublished = now - 20 * HOUR;
  add(seed, {
    site: v.site,
    postId: v.postId,
    url: `https://www.youtube.com/watch?v=${v.postId}`,
    author: v.author,
    text: 'A demo video',
    publishedAt: vPublished,
    history: v.views.map((views, i) => ({ at: vPublished + (i + 1) * 4 * HOUR, metrics: { views: ex(views), likes: ex(views / 20) } })),
  });

  // A few posts on other sites, with rounded counts (intervals) and histories.
  const others: [SiteId, string, string, string, number][] = [
    ['reddit', 't3_1abcde', 'https://www.reddit.com/r/dataisbeautiful/comments/1abcde/', 'chartmaker', 9_000],
    ['bluesky', 'did:plc:demo/3kabc', 'https://bsky.app/profile/demo.bsky.social/post/3kabc', 'demo.bsky.social', 1_200],
    ['mastodon', '113000000000000001', 'https://mastodon.social/@demo/113000000000000001', 'demo@mastodon.social', 300],
    ['tiktok', '7300000000000000001', 'https://www.tiktok.com/@demo/video/7300000000000000001', 'demo', 120_000],
  ];
  for (const [i, [site, postId, url, author, likes]] of others.entries()) {
    const at = now - (i + 2) * DAY;
    add(seed, {
      site,
      postId,
      url,
      author,
      text: `Post on ${site}`,
      publishedAt: at,
      history: [
        { at: at + 6 * HOUR, metrics: { likes: approx(Math.round(likes / 3), Math.round(likes / 3) + 99), replies: ex(4) } },
        { at: at + DAY, metrics: { likes: approx(likes, likes + 99), replies: ex(11), ...(site === 'tiktok' ? { views: approx(1_500_000, 1_599_999) } : {}) } },
      ],
    });
  }
  return seed;
}

/** n posts spread over the ten sites and the last year, one or two snapshots each: for the 10k-row table. */
export function bulkSeed(n: number, now: number): Seed {
  const sites: SiteId[] = ['x', 'linkedin', 'youtube', 'instagram', 'facebook', 'tiktok', 'threads', 'bluesky', 'reddit', 'mastodon'];
  const seed: Seed = { posts: [], snapshots: [], accounts: [] };
  for (let i = 0; i < n; i++) {
    const site = sites[i % sites.length]!;
    const publishedAt = now - ((i * 7919) % 365) * DAY - (i % 24) * HOUR;
    const impressions = 100 + ((i * 104_729) % 1_000_000);
    const postId = `bulk-${String(i).padStart(5, '0')}`;
    add(seed, {
      site,
      postId,
      url: `https://example.invalid/${site}/${postId}`,
      author: `author${i % 250}`,
      publishedAt,
      history: [
        { at: publishedAt + HOUR, metrics: { impressions: ex(Math.floor(impressions / 2)), likes: ex(i % 500) } },
        { at: publishedAt + DAY, metrics: { impressions: ex(impressions), likes: ex((i % 500) + 7), replies: ex(i % 40) } },
      ],
    });
  }
  return seed;
}

/**
 * Writes the rows into the extension's database (adding to what is there) in one transaction, from an extension
 * page — the dashboard, which opens (and if needed creates) the database first. Closes that page again.
 */
export async function seedDatabase(ext: Extension, seed: Seed): Promise<void> {
  const page: Page = await openDashboard(ext);
  try {
    await page.evaluate(
      (rows) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('postmeter');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(['posts', 'snapshots', 'accounts'], 'readwrite');
            for (const row of rows.posts) tx.objectStore('posts').put(row);
            for (const row of rows.snapshots) tx.objectStore('snapshots').add(row);
            for (const row of rows.accounts) tx.objectStore('accounts').put(row);
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
            tx.onabort = () => reject(tx.error ?? new Error('seed transaction aborted'));
          };
        }),
      seed,
    );
  } finally {
    await page.close();
  }
}
