// Adapter fuzz (./fuzz.ts) over the hand-made Bluesky and Mastodon fixtures.
import { handMade } from './fixtures';
import { fuzzSuite } from './suite';

fuzzSuite('fuzz: hand-made bluesky, mastodon', () => [...handMade('bluesky'), ...handMade('mastodon')], { pagesEach: 110 });
