// Adapter fuzz (issue 8): every fixture page — the hand-made ones in test/fixtures/<site>/ and the real saved X and
// YouTube pages in ../shared/fixtures/real — scanned again and again under random mutations. Two requirements:
// no exception escapes `adapter.scan`, and no number it records disagrees with what the page states (absent is
// fine; wrong is not).
//
// Truth, per fixture (./truth.ts; ./fixtures.ts builds it):
//   - hand-made fixtures: the adapter's own scan of the unmutated page (test/sites/*.test.ts pin those readings);
//   - real X pages: expected.json with the errata of test/fixtures/x-real-errata.ts (X's "views" = impressions);
//   - real YouTube pages: expected.json's views (the en page: the interval "1.6M views" stands for; the ja page:
//     the exact count), and for what it does not list (other metrics, Shorts tiles) the unmutated page's scan.
// A metric the truth has no value for must stay unread: a number that appears there came from somewhere else.
//
// The rule (./truth.ts `agrees`): a reading and a stated value are both intervals holding the true count, so a
// reading is consistent when it overlaps one of the values the page states for that (postId, metric) — an exact
// truth must lie within the reading's [min,max]; an interval truth must overlap it (another source on the page
// may legitimately narrow it). Each mutated page starts from the fixture's truth and each mutation that changes
// what the page states extends it for exactly the (postId, metric) it touched (./mutate.ts):
//   - remove / reorder / duplicate a node, drop an attribute, nest a post (moved or copied) inside another:
//     states nothing new (a duplicated post carries the same id and the same numbers);
//   - swap two number carriers (text nodes, aria-labels) of two posts: a metric of post A whose values agree with
//     a number A's carrier held now also allows the matching number of B's carrier, and vice versa; where a
//     metric is a sum (Mastodon's reposts = boosts + quotes, ./truth.ts SUMS), a swapped summand moves the sum;
//   - give post B post A's id (duplicate ids): A may then show anything B states;
//   - garble an attribute: never makes up a number (letters only), but may make up an id (a garbled href). A post
//     under an id that no post of the page has is a failure unless a fragment the mutation wrote is part of it —
//     then nothing about that post can be checked (no truth exists for it), and it is skipped.
//
// Speed: each fixture is parsed once (in its own test, so a worker never holds all pages); each mutated page is
// 1..3 top-level posts deep-cloned (importNode) into a small document — a post qualifies if scanning its clone
// alone reads what scanning it in place reads; a page where none does is cloned whole (body). Posts and number
// carriers are located once on the original and mapped into each clone by position. Open adapter bugs leave
// one mutation out for one site: ./open-bugs.ts.
//
// Reproduce: every failure names the fixture, the page seed and the mutation list; FUZZ_SEED changes the base
// seed, FUZZ_SCALE multiplies the page counts (e.g. FUZZ_SCALE=10 for a long local run).
import type { PostObservation, SiteAdapter } from '../../lib/types';
import { OPEN_BUGS } from './open-bugs';
import { mutate, numbersIn, rng, type Carrier, type Page, type PostRef } from './mutate';
import { agrees, cloneAllowed, judge, SUMS, type Allowed } from './truth';

export const BASE_SEED = Number(process.env.FUZZ_SEED ?? 0x8f022);
export const SCALE = Number(process.env.FUZZ_SCALE ?? 1);

export interface FuzzFixture {
  name: string;
  adapter: SiteAdapter;
  url: URL;
  doc: Document;
  allowed: Allowed;
  /** Id fragments the page names outside every post it reads (./truth.ts judge). */
  latent: Set<string>;
}

/** A piece of the page cloned as a whole: one top-level post, or the whole body. */
interface Unit {
  el: Element;
  /** Positions are indices into [el, ...el's descendant elements]. */
  posts: { i: number; id: string }[];
  carriers: ({ post: number } & ({ kind: 'text'; parent: number; child: number } | { kind: 'attr'; el: number; name: string }))[];
}

interface Prepared {
  fixture: FuzzFixture;
  scratch: Document;
  /** 'posts': each page is 1..3 top-level posts (repeats allowed); 'body': each page is the whole body. */
  mode: 'posts' | 'body';
  units: Unit[];
  locale?: string;
}

const scanSafely = (a: SiteAdapter, root: ParentNode, url: URL): PostObservation[] | Error => {
  try {
    return a.scan(root, url);
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
};

const unitEls = (el: Element) => [el, ...Array.from(el.getElementsByTagName('*'))];

function mount(p: Prepared, unit: Unit): Element {
  const clone = p.scratch.importNode(unit.el, true);
  if (p.mode === 'body') p.scratch.documentElement.replaceChild(clone, p.scratch.body);
  else p.scratch.body.append(clone);
  return clone;
}

function makeUnit(el: Element, posts: Map<Element, string>, locale: string | undefined, allowed: Allowed): Unit {
  const els = unitEls(el);
  const index = new Map(els.map((e, i) => [e, i]));
  const unitPosts = els.flatMap((e, i) => (posts.has(e) ? [{ i, id: posts.get(e)! }] : []));
  const postAt = new Map(unitPosts.map((p, k) => [p.i, k]));
  const owner = (e: Element): number | undefined => {
    for (let n: Element | null = e; n && index.has(n); n = n.parentElement) {
      const k = postAt.get(index.get(n)!);
      if (k !== undefined) return k;
    }
    return undefined;
  };
  const carriers: Unit['carriers'] = [];
  const carries = (post: number, s: string) => {
    const nums = numbersIn(s, locale);
    const stated = [...(allowed.get(unitPosts[post]!.id)?.values() ?? [])].flat();
    return nums.length > 0 && nums.every((n) => stated.some((t) => agrees(n.count, t)));
  };
  els.forEach((e, i) => {
    const post = owner(e);
    if (post === undefined || ['SCRIPT', 'STYLE'].includes(e.tagName)) return;
    e.childNodes.forEach((n, child) => {
      if (n.nodeType === 3 && carries(post, n.textContent ?? '')) carriers.push({ post, kind: 'text', parent: i, child });
    });
    const label = e.getAttribute('aria-label');
    if (label && carries(post, label)) carriers.push({ post, kind: 'attr', el: i, name: 'aria-label' });
  });
  return { el, posts: unitPosts, carriers };
}

/**
 * Locate posts and number carriers once. A top-level post is a unit if scanning a clone of it alone, in a small
 * document, reads exactly what scanning it in place reads (nothing outside it matters); if no post qualifies
 * (a page whose posts need page context, or a page without posts), every mutated page is the whole body.
 */
export function prepare(fixture: FuzzFixture): Prepared {
  const { doc, adapter, url } = fixture;
  const locale = doc.documentElement.getAttribute('lang') || undefined;
  // a small document of the same window (happy-dom ties nodes to their window), with the page's <html>
  // attributes (lang, dir, dark-mode classes) and <head>, which some adapters read
  const scratch = doc.implementation.createHTMLDocument('');
  for (const a of Array.from(doc.documentElement.attributes)) scratch.documentElement.setAttribute(a.name, a.value);
  scratch.documentElement.replaceChild(scratch.importNode(doc.head, true), scratch.head);
  const posts = new Map<Element, string>();
  for (const e of Array.from(doc.querySelectorAll(adapter.postSelector))) {
    const o = adapter.read(e, url);
    if (o) posts.set(e, o.postId);
  }
  const top = [...posts.keys()].filter((e) => ![...posts.keys()].some((o) => o !== e && o.contains(e)));
  const prep: Prepared = { fixture, scratch, mode: 'posts', units: [], locale };
  for (const el of top) {
    scratch.body.replaceChildren();
    const alone = adapter.scan(scratch.body.appendChild(scratch.importNode(el, true)).parentElement!, url);
    if (sameScan(alone, adapter.scan(el, url))) prep.units.push(makeUnit(el, posts, locale, fixture.allowed));
  }
  scratch.body.replaceChildren();
  if (!prep.units.length) {
    prep.mode = 'body';
    prep.units = [makeUnit(doc.body, posts, locale, fixture.allowed)];
  }
  return prep;
}

const sameScan = (a: PostObservation[], b: PostObservation[]) => JSON.stringify(a) === JSON.stringify(b);

/** A stable 32-bit hash of the fixture name, so each fixture has its own seed stream. */
const hash = (s: string) => [...s].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261);

export interface FuzzResult {
  pages: number;
  failures: string[];
}

/** Fuzz one fixture with `pages` mutated pages; stops collecting after a few failures. */
export function fuzz(fixture: FuzzFixture, pages: number, opts: { onlySeed?: number } = {}): FuzzResult & { mode: string; units: number } {
  const prep = prepare(fixture);
  const failures: string[] = [];
  let done = 0;
  for (let k = 0; k < pages && failures.length < 3; k++) {
    const seed = opts.onlySeed ?? (hash(fixture.name) ^ BASE_SEED ^ Math.imul(k + 1, 0x9e3779b9)) >>> 0;
    const random = rng(seed);
    if (prep.mode === 'posts') prep.scratch.body.replaceChildren();
    const x = random();
    const n = prep.mode === 'body' ? 1 : x < 0.5 ? 1 : x < 0.85 ? 2 : 3;
    const els: Element[] = [];
    const posts: PostRef[] = [];
    const carriers: Carrier[] = [];
    const log: string[] = [];
    for (let u = 0; u < n; u++) {
      const unit = prep.units[Math.floor(random() * prep.units.length)]!;
      const mine = unitEls(mount(prep, unit));
      const refs = unit.posts.map((p) => ({ el: mine[p.i]!, id: p.id }));
      for (const c of unit.carriers)
        carriers.push(
          c.kind === 'text'
            ? { post: refs[c.post]!, kind: 'text', node: mine[c.parent]!.childNodes[c.child] as Text }
            : { post: refs[c.post]!, kind: 'attr', el: mine[c.el]!, name: c.name },
        );
      els.push(...mine);
      posts.push(...refs);
      if (prep.mode === 'posts') log.push(`page holds post ${unit.posts[0]?.id}`);
    }
    const page: Page = {
      root: prep.scratch.body,
      els,
      posts,
      carriers,
      allowed: cloneAllowed(fixture.allowed),
      created: new Set(),
      locale: prep.locale,
      sums: SUMS[fixture.adapter.id],
      random,
      log,
    };
    mutate(page, new Set(OPEN_BUGS[fixture.adapter.id]?.map((b) => b.mutation)));
    const got = scanSafely(fixture.adapter, prep.scratch, fixture.url);
    done++;
    const head = `${fixture.name} (page ${k}, seed ${seed}, url ${fixture.url.href})\n  mutations:\n    ${page.log.join('\n    ')}`;
    if (got instanceof Error) {
      failures.push(`${head}\n  scan threw: ${got.stack ?? got.message}`);
      continue;
    }
    for (const v of judge(got, page.allowed, page.created, fixture.adapter.id, fixture.latent))
      failures.push(`${head}\n  ${v.postId}: ${v.problem}\n  observation: ${JSON.stringify(v.observation)}`);
    if (opts.onlySeed !== undefined) break;
  }
  return { pages: done, failures, mode: prep.mode, units: prep.units.length };
}
