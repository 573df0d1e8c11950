// What is stored, in two numbers.
import { formatNumber } from '@/lib/format';

export interface StoreCounts {
  posts: number;
  snapshots: number;
}

export function StoreSummary({ counts }: { counts: StoreCounts | undefined }) {
  return (
    <section class="pm-card" aria-labelledby="pm-stored">
      <h2 id="pm-stored">Stored on this computer</h2>
      {counts ? (
        <dl class="pm-summary">
          <div data-count="posts" data-value={counts.posts}>
            <dt>Posts</dt>
            <dd>{formatNumber(counts.posts, undefined, 0)}</dd>
          </div>
          <div data-count="snapshots" data-value={counts.snapshots}>
            <dt>Snapshots</dt>
            <dd>{formatNumber(counts.snapshots, undefined, 0)}</dd>
          </div>
        </dl>
      ) : (
        <p class="pm-hint">Reading…</p>
      )}
    </section>
  );
}
