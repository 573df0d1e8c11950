// Adapter fuzz (./fuzz.ts) over the hand-made Threads and TikTok fixtures.
import { handMade } from './fixtures';
import { fuzzSuite } from './suite';

fuzzSuite('fuzz: hand-made threads, tiktok', () => [...handMade('threads'), ...handMade('tiktok')], { pagesEach: 110 });
