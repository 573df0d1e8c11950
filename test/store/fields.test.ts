// lib/fields.ts: the field rules shared by content-script messages (lib/validate.ts) and backups.
import { describe, expect, it } from 'vitest';
import { countProblem, observationProblem, timeProblem, urlProblem } from '../../lib/fields';
import { isMessage, isObservation } from '../../lib/validate';
import { ex, obs } from './helpers';

const NOW = Date.UTC(2026, 5, 1);

describe('shared field rules', () => {
  it('counts: whole, in range, exact is a point, negative only for a Reddit score', () => {
    expect(countProblem(ex(5), 'c', 'x', 'likes')).toBeUndefined();
    expect(countProblem({ value: 2300, min: 2300, max: 2399, exact: false }, 'c', 'x', 'views')).toBeUndefined();
    expect(countProblem(ex(-3), 'c', 'x', 'likes')).toBe('c.value is -3 (counts cannot be negative)');
    expect(countProblem(ex(-3), 'c', 'reddit', 'likes')).toBeUndefined();
    expect(countProblem(ex(-3), 'c', 'reddit', 'replies')).toBe('c.value is -3 (counts cannot be negative)');
    expect(countProblem(ex(0.5), 'c', 'x', 'likes')).toBe('c.value is 0.5 (counts are whole numbers)');
    expect(countProblem(ex(2 ** 60), 'c', 'x', 'likes')).toMatch(/too large/);
    expect(countProblem({ value: 1, min: 1, max: 1 }, 'c', 'x', 'likes')).toBe('c.exact is missing');
  });

  it('times: from 2004 (YouTube\'s first video is from 2005) to a day ahead of now', () => {
    expect(timeProblem(Date.UTC(2005, 3, 23), 't', NOW)).toBeUndefined();
    expect(timeProblem(Date.UTC(2003, 11, 31), 't', NOW)).toMatch(/before 2004-01-01/);
    expect(timeProblem(NOW + 23 * 3600_000, 't', NOW)).toBeUndefined();
    expect(timeProblem(NOW + 25 * 3600_000, 't', NOW)).toMatch(/in the future/);
    expect(timeProblem(NaN, 't', NOW)).toBe('t is NaN, expected a time in milliseconds');
  });

  it('urls: http and https only', () => {
    expect(urlProblem('https://x.com/a', 'u')).toBeUndefined();
    expect(urlProblem('http://x.com/a', 'u')).toBeUndefined();
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'x.com/a', '']) {
      expect(urlProblem(bad, 'u')).toBeDefined();
    }
  });

  it('an observation: the message validator and the backup validator agree', () => {
    const good = obs('1', { likes: ex(3) }, { author: 'ann', publishedAt: NOW - 1000, text: '' });
    expect(observationProblem(good, 'post', NOW)).toBeUndefined();
    expect(observationProblem({ ...good, metrics: { likes: ex(1.5) } }, 'p', NOW)).toBe('p.metrics.likes.value is 1.5 (counts are whole numbers)');
    expect(observationProblem({ ...good, extra: 1 }, 'p', NOW)).toBeUndefined(); // messages may carry extra fields…
    expect(observationProblem({ ...good, extra: 1 }, 'p', NOW, new Set(['site', 'postId', 'url', 'metrics', 'author', 'publishedAt', 'text'])))
      .toBe('p has an unknown field "extra"'); // …backups may not
  });
});

describe('lib/validate (messages from content scripts)', () => {
  const post = obs('1', { likes: ex(3), views: { value: 2300, min: 2300, max: 2399, exact: false } }, { author: 'ann' });
  it('accepts what adapters send', () => {
    expect(isObservation(post)).toBe(true);
    expect(isMessage({ type: 'observe', observedAt: Date.now(), pageUrl: 'https://x.com/home', posts: [post] })).toBe(true);
    expect(isMessage({ type: 'tab-posts' })).toBe(true);
  });
  it('refuses what no adapter sends', () => {
    expect(isObservation({ ...post, metrics: { likes: ex(-1) } })).toBe(false);
    expect(isObservation({ ...post, metrics: { likes: { value: NaN, min: 0, max: 0, exact: true } } })).toBe(false);
    expect(isObservation({ ...post, metrics: { bogus: ex(1) } })).toBe(false);
    expect(isObservation({ ...post, url: 'javascript:alert(1)' })).toBe(false);
    expect(isObservation({ ...post, site: 'myspace' })).toBe(false);
    expect(isObservation({ ...post, text: 'x'.repeat(4001) })).toBe(false);
    expect(isObservation({ ...post, author: '' })).toBe(false);
    expect(isMessage({ type: 'observe', observedAt: 1000, pageUrl: 'https://x.com/', posts: [] })).toBe(false);
    expect(isMessage({ type: 'observe', observedAt: Date.now(), pageUrl: 'https://x.com/', posts: Array(501).fill(post) })).toBe(false);
    expect(isMessage({ type: 'nope' })).toBe(false);
    expect(isMessage(null)).toBe(false);
  });
});
