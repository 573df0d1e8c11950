// Adapter bugs the fuzz found that are not fixed yet. Each entry leaves one mutation out for one site — the
// check itself is never loosened — and names a page seed that shows the bug (run with the entry removed:
// `npx vitest run test/fuzz/<file> ` prints the seed, fixture and mutation list of each failure). Remove an
// entry when its bug is fixed; the fuzz then covers it again.
import type { SiteId } from '../../lib/types';

export interface OpenBug {
  /** The mutation function's name in ./mutate.ts. */
  mutation: 'remove' | 'reorder' | 'duplicate' | 'dropAttribute' | 'garbleAttribute' | 'swapNumbers' | 'duplicateId' | 'nest';
  bug: string;
  shownBy: string;
}

export const OPEN_BUGS: Partial<Record<SiteId, OpenBug[]>> = {
  bluesky: [
    {
      mutation: 'nest',
      bug: 'a feed item holding another feed item (moved or copied into it) reads the inner item\'s counts as its own',
      shownBy: 'bluesky/dark.html page 75 (seed 3403428916): replies 4321 and likes 98765 read for 3lwf3s7o3y42u (states 12, 2048)',
    },
    {
      mutation: 'remove',
      bug: 'on a thread page, a reply whose post link is gone takes the id of the page\'s URL (the focused post) with its own counts',
      shownBy: 'bluesky/thread.html page 52 (seed 873217213): 3m26zw57s7n3r read with replies 2, likes 31 (states 57, 4127)',
    },
  ],
  mastodon: [
    {
      mutation: 'swapNumbers',
      bug: 'not an adapter bug: the detailed status\'s reposts are boosts + quotes, a sum the swap bookkeeping cannot follow (the page then states 128 + 2 = 130)',
      shownBy: 'mastodon/detailed.html page 29 (seed 3179539746)',
    },
  ],
  threads: [
    {
      mutation: 'remove',
      bug: 'a post whose own permalink is gone takes the id of the post it quotes (the only post link left in it), with its own counts',
      shownBy: 'threads/quote.html page 82 (seed 2966454965): a post recorded as DQm9aA7bB8c, which the page only quotes',
    },
    {
      mutation: 'reorder',
      bug: 'the same bug: once the post\'s own link is out of reach (its role=link marker dropped or garbled, its wrapper class gone), the quoted post\'s link names it',
      shownBy: 'threads/quote.html page 11 (seed 2444574946)',
    },
    {
      mutation: 'garbleAttribute',
      bug: 'the same bug: once the post\'s own link is out of reach (its role=link marker dropped or garbled, its wrapper class gone), the quoted post\'s link names it',
      shownBy: 'threads/quote.html page 11 (seed 2444574946)',
    },
    {
      mutation: 'dropAttribute',
      bug: 'the same bug: once the post\'s own link is out of reach (its role=link marker dropped or garbled, its wrapper class gone), the quoted post\'s link names it',
      shownBy: 'threads/quote.html page 11 (seed 2444574946)',
    },
  ],
  tiktok: [
    {
      mutation: 'nest',
      bug: 'a feed item holding another feed item reads the inner item\'s counts as its own',
      shownBy: 'tiktok/foryou.html page 3 (seed 4056746031): likes 1.2M and replies 345 read for 7556708977831106791 (states 987, 0)',
    },
  ],
};
