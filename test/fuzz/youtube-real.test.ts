// Adapter fuzz (./fuzz.ts) over the real saved YouTube search pages of ../shared/fixtures/real/youtube (truth:
// expected.json's views, the unmutated scan for the rest).
import { afterAll } from 'vitest';
import { closeWindows, realYouTube, REAL_YOUTUBE_MISSING } from './fixtures';
import { fuzzSuite } from './suite';

fuzzSuite('fuzz: real YouTube pages', realYouTube, { pagesEach: 200, missing: REAL_YOUTUBE_MISSING });
afterAll(closeWindows);
