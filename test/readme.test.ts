// The README shows the badge, popup and dashboard screenshots that `npm run demo -- --headless` writes, and
// every image it links is in the repo (a PNG, not an empty placeholder).
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const images = [...readme.matchAll(/!\[([^\]]+)\]\(([^)]+)\)/g)].map((m) => ({ alt: m[1]!, path: m[2]! }));

describe('README screenshots', () => {
  it('shows the feed with badges, the popup and the dashboard', () => {
    expect(images.map((i) => i.path)).toEqual(
      expect.arrayContaining(['docs/screenshots/feed.png', 'docs/screenshots/popup.png', 'docs/screenshots/dashboard.png']),
    );
  });

  it.each(images)('$path exists, is a PNG and has alt text', ({ alt, path }) => {
    const file = join(ROOT, path);
    expect(statSync(file).size).toBeGreaterThan(10_000);
    expect(readFileSync(file).subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(alt.length).toBeGreaterThan(20);
  });
});
