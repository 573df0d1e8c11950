// A list of stored posts with their counts and rates. Every figure cell carries data-value (the exact
// number, or "min..max" for an interval) so what is shown can be checked against what is stored.
import type { Count } from '@/lib/count';
import type { PostRow } from '@/lib/store/schema';
import { columnsFor } from '@/lib/site-columns';
import { postRowFigures } from '@/lib/figures';
import { formatCompact, formatCount } from '@/lib/format';

export const countValue = (c: Count): string => (c.exact ? String(c.value) : `${c.min}..${c.max}`);

export function PostTable({ posts, section, empty }: { posts?: PostRow[]; section: string; empty: string }) {
  // Until the database answers, say so: "nothing recorded" would be a claim we have not checked yet.
  if (!posts) return <p class="pm-loading" aria-busy="true">Loading…</p>;
  if (!posts.length) return <p class="pm-empty">{empty}</p>;
  return (
    <ul class="pm-posts" data-section={section}>
      {posts.map((p) => (
        <PostItem post={p} key={`${p.site}:${p.postId}`} />
      ))}
    </ul>
  );
}

function PostItem({ post }: { post: PostRow }) {
  const key = `${post.site}:${post.postId}`;
  return (
    <li class="pm-post" data-postmeter-row={key}>
      <a class="pm-post-title" href={post.url} target="_blank" rel="noreferrer noopener" title={post.text}>
        <span class="pm-site">{post.site}</span> {post.author ? `@${post.author}` : post.postId}
        {post.promoted ? <span class="pm-promoted"> · promoted</span> : null}
        {post.text ? <span class="pm-text"> — {post.text.slice(0, 80)}</span> : null}
      </a>
      <dl class="pm-counts">
        {columnsFor(post.site, Object.keys(post.metrics)).map(({ metric, label }) => {
          const c = post.metrics[metric];
          return (
            <div class="pm-count" data-metric={metric} data-value={c ? countValue(c) : ''} key={metric}>
              <dt>{label}</dt>
              <dd title={c ? formatCount(c) : 'not shown on the page'}>{c ? formatCompact(c.value, undefined, c.exact) : '—'}</dd>
            </div>
          );
        })}
      </dl>
      <p class="pm-rates">
        {postRowFigures(post).map((f) => (
          <span class="pm-rate" data-figure={f.id} title={f.title} key={f.id}>
            {f.text}
          </span>
        ))}
      </p>
    </li>
  );
}
