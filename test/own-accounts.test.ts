import { describe, expect, it } from 'vitest';
import { isAnalyticsPost, ownAccountList } from '@/lib/own-accounts';
import { exactCount } from '@/lib/count';

const ex = exactCount;

describe('own accounts', () => {
  it.each([
    ['reach', { impressions: ex(10), reach: ex(5) }, true],
    ['clicks', { clicks: ex(1) }, true],
    ['profile visits', { profileVisits: ex(1) }, true],
    ['public views only (X shows them to everyone)', { impressions: ex(10), likes: ex(1) }, false],
    ['nothing', {}, false],
  ])('%s → analytics post: %s', (_name, metrics, expected) => {
    expect(isAnalyticsPost({ metrics })).toBe(expected);
  });

  it('marked accounts first, then authors of analytics posts, each once', () => {
    const accounts = [
      { site: 'x' as const, handle: 'me', own: true },
      { site: 'x' as const, handle: 'someone', own: false },
    ];
    const posts = [
      { site: 'linkedin' as const, author: 'me-li', metrics: { reach: ex(5) } },
      { site: 'x' as const, author: 'me', metrics: { reach: ex(5) } },
      { site: 'x' as const, author: 'someone', metrics: { likes: ex(5) } },
      { site: 'linkedin' as const, author: 'me-li', metrics: { clicks: ex(5) } },
      { site: 'tiktok' as const, metrics: { reach: ex(5) } },
    ];
    expect(ownAccountList(accounts, posts)).toEqual([
      { site: 'x', handle: 'me', source: 'marked' },
      { site: 'linkedin', handle: 'me-li', source: 'analytics' },
    ]);
  });
});
