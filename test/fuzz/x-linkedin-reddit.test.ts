// Adapter fuzz (./fuzz.ts) over the hand-made X, LinkedIn and Reddit fixtures.
import { handMade } from './fixtures';
import { fuzzSuite } from './suite';

fuzzSuite('fuzz: hand-made x, linkedin, reddit', () => [...handMade('x'), ...handMade('linkedin'), ...handMade('reddit')], {
  pagesEach: 110,
});
