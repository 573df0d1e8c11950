// The scan every adapter shares: each post element under root (root itself included), read once per
// post id (first wins), and never a throw — whatever was read before a failure stands.
import type { PostObservation } from '../types';

export function scanPosts(
  root: ParentNode,
  url: URL,
  selector: string,
  read: (el: Element, url: URL) => PostObservation | undefined,
): PostObservation[] {
  const out: PostObservation[] = [];
  try {
    const seen = new Set<string>();
    const els = Array.from(root.querySelectorAll(selector));
    if ('matches' in root && (root as Element).matches(selector)) els.unshift(root as Element);
    for (const el of els) {
      const obs = read(el, url);
      if (!obs || seen.has(obs.postId)) continue;
      seen.add(obs.postId);
      out.push(obs);
    }
  } catch {
    // never throws: whatever was read so far stands
  }
  return out;
}
