// Adapter fuzz (./fuzz.ts) over the real saved X pages of ../shared/fixtures/real/x (truth: expected.json with
// the errata of test/fixtures/x-real-errata.ts).
import { realX, REAL_X_MISSING } from './fixtures';
import { fuzzSuite } from './suite';

fuzzSuite('fuzz: real X pages', realX, { pagesEach: 12, missing: REAL_X_MISSING });
