// Adapter fuzz (./fuzz.ts) over the hand-made YouTube, Instagram and Facebook fixtures.
import { handMade } from './fixtures';
import { fuzzSuite } from './suite';

fuzzSuite(
  'fuzz: hand-made youtube, instagram, facebook',
  () => [...handMade('youtube'), ...handMade('instagram'), ...handMade('facebook')],
  { pagesEach: 110 },
);
