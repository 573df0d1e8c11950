import { describe, expect, it } from 'vitest';
import { columnsFor } from '@/lib/site-columns';

describe('columnsFor', () => {
  it.each([
    ['x', [], 'impressions:Impr. likes:Likes replies:Replies reposts:Reposts bookmarks:Bkm.'],
    ['x', ['quotes'], 'impressions:Impr. likes:Likes replies:Replies reposts:Reposts quotes:Quotes bookmarks:Bkm.'],
    ['reddit', ['impressions'], 'impressions:Views likes:Score replies:Comments'],
    ['mastodon', [], 'likes:Favs replies:Replies reposts:Boosts+quotes'],
    ['bluesky', [], 'likes:Likes replies:Replies repostsAndQuotes:Reposts+quotes'],
    ['bluesky', ['reposts', 'quotes', 'bookmarks'], 'likes:Likes replies:Replies reposts:Reposts quotes:Quotes bookmarks:Bkm. repostsAndQuotes:Reposts+quotes'],
    ['youtube', ['impressions', 'reach', 'clicks'], 'impressions:Impr. views:Views reach:Reach likes:Likes replies:Comments clicks:Clicks'],
  ] as const)('%s with %j', (site, present, expected) => {
    expect(columnsFor(site, present).map((c) => `${c.metric}:${c.label}`).join(' ')).toBe(expected);
  });
});
