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

export const OPEN_BUGS: Partial<Record<SiteId, OpenBug[]>> = {};
