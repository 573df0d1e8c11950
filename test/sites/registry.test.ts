// All ten sites are in the registry once, and each URL goes to its own site's adapter.
import { describe, expect, it } from 'vitest';
import { adapterFor, adapters } from '@/lib/sites';

describe('adapter registry', () => {
  it('holds the ten supported sites, once each', () => {
    expect(adapters.map((a) => a.id).sort()).toEqual(
      ['bluesky', 'facebook', 'instagram', 'linkedin', 'mastodon', 'reddit', 'threads', 'tiktok', 'x', 'youtube'],
    );
  });

  it.each([
    ['https://x.com/home', 'x'],
    ['https://twitter.com/a/status/1', 'x'],
    ['https://www.linkedin.com/feed/', 'linkedin'],
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'youtube'],
    ['https://studio.youtube.com/video/dQw4w9WgXcQ/analytics', 'youtube'],
    ['https://www.instagram.com/p/Cabc123/', 'instagram'],
    ['https://www.facebook.com/', 'facebook'],
    ['https://www.tiktok.com/@a/video/7300000000000000000', 'tiktok'],
    ['https://www.threads.net/@a/post/Cabc', 'threads'],
    ['https://www.threads.com/@a/post/Cabc', 'threads'],
    ['https://bsky.app/profile/a.bsky.social/post/3l', 'bluesky'],
    ['https://www.reddit.com/r/x/', 'reddit'],
    ['https://old.reddit.com/r/x/', 'reddit'],
    ['https://mastodon.social/home', 'mastodon'],
    ['https://example.com/', undefined],
    ['not a url', undefined],
  ])('%s → %s', (url, id) => {
    expect(adapterFor(url)?.id).toBe(id);
  });
});
