// Which elements inside a post are the post's own. A post can hold another post — a quote, a recycled feed cell
// caught mid-move, a post the site (or a fuzzed page) rendered into a button — and that inner post's links, text
// and counters name and count it, never the post around it. Every adapter asks through these two functions.

/** Is `el` part of `post` itself: inside it with no other post (`isPost`) in between? */
export function ownedBy(post: Element, el: Element, isPost: (n: Element) => boolean): boolean {
  for (let n = el.parentElement; n; n = n.parentElement) {
    if (n === post) return true;
    if (isPost(n)) return false;
  }
  return false;
}

/** `post`'s descendants matching `selector` that are its own (see ownedBy); `isPost` a selector or a test. */
export function ownMatches(post: Element, selector: string, isPost: string | ((n: Element) => boolean)): Element[] {
  const test = typeof isPost === 'string' ? (n: Element) => n.matches(isPost) : isPost;
  return Array.from(post.querySelectorAll(selector)).filter((e) => ownedBy(post, e, test));
}
