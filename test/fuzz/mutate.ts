// The mutations the adapter fuzz applies to a cloned page, each keeping the page's truth (./truth.ts) up to date
// with what the mutated page legitimately states. Design: ./fuzz.ts.
import { parseCount, type Count } from '../../lib/count';
import type { Metric } from '../../lib/types';
import { addAllowed, agrees, stated, type Allowed, type Sum } from './truth';

/** mulberry32: small, fast, seeded — a failure names its seed and replays exactly. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A post element of the unmutated page and the id the adapter reads from it. */
export interface PostRef {
  el: Element;
  id: string;
}

/**
 * Where a post's number lives: a text node's data or an element's aria-label, in the innermost post holding it,
 * whose every number agrees with a value the truth states for that post (so a time, "6 days ago", is no carrier,
 * and neither is a count the adapter rightly leaves unread).
 */
export type Carrier = { post: PostRef } & ({ kind: 'text'; node: Text } | { kind: 'attr'; el: Element; name: string });

export interface Page {
  /** The cloned region being mutated (in its own small document). */
  root: Element;
  /** Every element of the clone, in the unmutated page's document order (some may since be detached). */
  els: Element[];
  posts: PostRef[];
  carriers: Carrier[];
  allowed: Allowed;
  /** Id fragments a mutation made up (./truth.ts judge). */
  created: Set<string>;
  locale?: string;
  /** The site's summed metrics (./truth.ts SUMS). */
  sums?: readonly Sum[];
  random: () => number;
  /** What was done, for the failure message. */
  log: string[];
}

const pick = <T>(r: () => number, xs: readonly T[]): T | undefined => (xs.length ? xs[Math.floor(r() * xs.length)] : undefined);

/** A short name for an element in the failure log: tag, test id / id / first class, and its index. */
export function describe(page: Page, el: Element): string {
  const i = page.els.indexOf(el);
  const tid = el.getAttribute('data-testid') ?? el.id ?? '';
  const cls = (el.getAttribute('class') ?? '').split(/\s+/)[0] ?? '';
  return `<${el.tagName.toLowerCase()}${tid ? ` ${tid}` : cls ? ` .${cls}` : ''}>${i >= 0 ? `#${i}` : '(new)'}`;
}

const live = (page: Page, n: Node) => n.isConnected && page.root.contains(n);

/** A target element: mostly inside a post (where the numbers are), sometimes anywhere in the region. */
function target(page: Page): Element | undefined {
  for (let tries = 0; tries < 8; tries++) {
    let el: Element | undefined;
    const post = page.random() < 0.75 ? pick(page.random, page.posts) : undefined;
    if (post && live(page, post.el)) {
      const inside = post.el.getElementsByTagName('*');
      const k = Math.floor(page.random() * (inside.length + 1));
      el = k === inside.length ? post.el : (inside[k] ?? undefined);
    } else el = pick(page.random, page.els);
    if (el && live(page, el) && !['HTML', 'HEAD', 'BODY'].includes(el.tagName)) return el;
  }
  return undefined;
}

/** Numbers in a text, each with the last word of its clause ("499 replies, 4027 reposts" → replies, reposts). */
export function numbersIn(s: string, locale?: string): { word: string; count: Count }[] {
  const out: { word: string; count: Count }[] = [];
  for (const clause of s.split(/,\s+|;|·|•|\||\n/)) {
    if (!/\d/.test(clause)) continue;
    const count = parseCount(clause.trim(), locale);
    if (!count) continue;
    const words = clause.toLowerCase().match(/\p{L}+/gu);
    out.push({ word: words?.[words.length - 1] ?? '', count });
  }
  return out;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const junk = (r: () => number, n: number) => Array.from({ length: n }, () => LETTERS[Math.floor(r() * LETTERS.length)]).join('');
const tokens = (s: string) => new Set(s.split(/[^A-Za-z0-9_-]+/).filter((t) => t.length >= 3));

/**
 * Garbling never makes up a number: either the whole value becomes letters, or letter runs of five or more
 * (words like "replies", never a unit like K / Mio. / 万 glued to a number) are replaced by as many random letters.
 */
function garble(r: () => number, value: string): string {
  if (r() < 0.4) return junk(r, 1 + Math.floor(r() * 8));
  return value.replace(/[A-Za-z]{5,}/g, (w) => (r() < 0.6 ? junk(r, w.length) : w));
}

// ---- the mutations -------------------------------------------------------------------------------------------

function remove(page: Page): void {
  const el = target(page);
  if (!el) return;
  // sometimes only a text node (a number, a label) goes
  const texts = Array.from(el.childNodes).filter((n) => n.nodeType === 3 && n.textContent!.trim() !== '');
  if (texts.length && page.random() < 0.3) {
    const t = pick(page.random, texts)!;
    page.log.push(`remove text "${t.textContent!.trim().slice(0, 30)}" in ${describe(page, el)}`);
    t.remove();
    return;
  }
  page.log.push(`remove ${describe(page, el)}`);
  el.remove();
}

function reorder(page: Page): void {
  const el = target(page);
  const parent = el?.children.length && el.children.length >= 2 ? el : el?.parentElement;
  if (!parent || parent.children.length < 2 || !live(page, parent)) return;
  const kids = Array.from(parent.childNodes);
  for (let i = kids.length - 1; i > 0; i--) {
    const j = Math.floor(page.random() * (i + 1));
    [kids[i], kids[j]] = [kids[j]!, kids[i]!];
  }
  parent.replaceChildren(...kids);
  page.log.push(`reorder children of ${describe(page, parent)}`);
}

/**
 * A copy goes right after the original. Nothing holding a number but less than a whole post: "777" beside "777"
 * reads as "777777", a number the page did not state; a numberless node, or a post (or more) is copied.
 */
function duplicate(page: Page): void {
  const el = target(page);
  if (!el || (/\d/.test(el.textContent ?? '') && !page.posts.some((p) => el.contains(p.el)))) return;
  el.after(el.cloneNode(true));
  page.log.push(`duplicate ${describe(page, el)}`);
}

function withAttributes(page: Page): Element | undefined {
  for (let i = 0; i < 6; i++) {
    const el = target(page);
    if (el && el.attributes.length) return el;
  }
  return undefined;
}

function dropAttribute(page: Page): void {
  const el = withAttributes(page);
  if (!el) return;
  const a = pick(page.random, Array.from(el.attributes))!;
  page.log.push(`drop ${a.name}="${a.value.slice(0, 60)}" of ${describe(page, el)}`);
  el.removeAttribute(a.name);
}

function garbleAttribute(page: Page): void {
  const el = withAttributes(page);
  if (!el) return;
  // aria-label and href carry the numbers and ids: garble them more often than class noise
  const attrs = Array.from(el.attributes);
  const preferred = attrs.filter((a) => a.name === 'aria-label' || a.name === 'href');
  const a = pick(page.random, preferred.length && page.random() < 0.7 ? preferred : attrs)!;
  const before = a.value;
  const after = garble(page.random, before);
  const old = tokens(before);
  for (const t of tokens(after)) if (!old.has(t)) page.created.add(t);
  page.log.push(`garble ${a.name}="${before.slice(0, 60)}" → "${after.slice(0, 60)}" of ${describe(page, el)}`);
  el.setAttribute(a.name, after);
}

const carrierText = (c: Carrier) => (c.kind === 'text' ? c.node.data : (c.el.getAttribute(c.name) ?? ''));
const setCarrier = (c: Carrier, s: string) => (c.kind === 'text' ? (c.node.data = s) : c.el.setAttribute(c.name, s));
const carrierLive = (page: Page, c: Carrier) => live(page, c.kind === 'text' ? c.node : c.el);

/**
 * Swap two number carriers of posts with different ids. What each post states changes only for the metrics the
 * swapped number stood for: a metric of A whose stated values agree with a number of A's carrier now also allows
 * the matching number of B's carrier (matched by the clause's last word, or one-to-one for single numbers).
 */
function swapNumbers(page: Page): void {
  const a = pick(page.random, page.carriers);
  if (!a || !carrierLive(page, a)) return;
  const na = numbersIn(carrierText(a), page.locale);
  const others = page.carriers.filter(
    (c) =>
      c.post.id !== a.post.id &&
      c.kind === a.kind &&
      carrierLive(page, c) &&
      numbersIn(carrierText(c), page.locale).length === na.length,
  );
  const b = pick(page.random, others);
  if (!b) return;
  const sa = carrierText(a);
  const sb = carrierText(b);
  const nb = numbersIn(sb, page.locale);
  const adds = [...swapAdds(page, a.post.id, b.post.id, na, nb), ...swapAdds(page, b.post.id, a.post.id, nb, na)];
  for (const [id, metric, c] of adds) addAllowed(page.allowed, id, metric, [stated(c)]);
  setCarrier(a, sb);
  setCarrier(b, sa);
  page.log.push(`swap "${sa.slice(0, 60)}" (${a.post.id}) ⇄ "${sb.slice(0, 60)}" (${b.post.id})`);
}

/**
 * What post `to` may state once its carrier (numbers `mine`) holds the text of `from`'s (numbers `theirs`).
 * Each incoming number is paired with the outgoing one it replaces (by the clause's last word where both carriers
 * word them alike, else by position) and may now stand for either metric: the one the slot meant in `to` (the
 * adapter reads the place: a like button's count) or the one it meant in `from` (the adapter reads the words:
 * "3,210 impressions").
 */
function swapAdds(
  page: Page,
  to: string,
  from: string,
  mine: { word: string; count: Count }[],
  theirs: { word: string; count: Count }[],
): [string, Metric, Count][] {
  const sameWords = mine.every((m, k) => m.word === theirs[k]?.word);
  const pairs = mine.map((m, k) => [m, (sameWords ? theirs[k] : theirs.find((t) => t.word === m.word) ?? theirs[k])!] as const);
  const adds: [string, Metric, Count][] = [];
  for (const [m, t] of pairs) {
    for (const [metric, values] of page.allowed.get(to) ?? []) if (values.some((v) => agrees(m.count, v))) adds.push([to, metric, t.count]);
    for (const [metric, values] of page.allowed.get(from) ?? []) if (values.some((v) => agrees(t.count, v))) adds.push([to, metric, t.count]);
    adds.push(...sumAdds(page, to, m.count, t.count));
  }
  return adds;
}

/**
 * A summand of `to` replaced (`out` by `inc`): the sum it is part of is now the other summand plus `inc`. Only
 * where the truth holds the sum r and, as the total alone, its base r − q (the page read without the part's
 * number: Mastodon's boosts with the quotes count taken away) — so each summand is known exactly.
 */
function sumAdds(page: Page, to: string, out: Count, inc: Count): [string, Metric, Count][] {
  const adds: [string, Metric, Count][] = [];
  const points = (m: Metric) => (page.allowed.get(to)?.get(m) ?? []).filter((v) => v.min === v.max).map((v) => v.min);
  const plus = (n: number): Count => ({ value: inc.value + n, min: inc.min + n, max: inc.max + n, exact: inc.exact });
  for (const { total, part } of page.sums ?? []) {
    const totals = points(total);
    for (const q of points(part))
      for (const r of totals) {
        if (q === 0 || !totals.includes(r - q)) continue;
        if (agrees(out, { min: q, max: q })) adds.push([to, total, plus(r - q)]); // the part changed
        if (agrees(out, { min: r - q, max: r - q })) adds.push([to, total, plus(q)]); // the base changed
      }
  }
  return adds;
}

/** The id's most specific fragment (the status number, the video id, the rkey). */
const idToken = (id: string) =>
  (id.match(/[A-Za-z0-9_-]{4,}/g) ?? []).sort((x, y) => y.length - x.length)[0];

/**
 * Post B takes post A's id (every attribute of B naming B's id now names A's): A may then legitimately show
 * anything B states.
 */
function duplicateId(page: Page): void {
  const a = pick(page.random, page.posts);
  const b = pick(page.random, page.posts);
  if (!a || !b || a.id === b.id || !live(page, b.el)) return;
  const ta = idToken(a.id);
  const tb = idToken(b.id);
  if (!ta || !tb) return;
  let changed = 0;
  for (const el of [b.el, ...Array.from(b.el.getElementsByTagName('*'))])
    for (const attr of Array.from(el.attributes))
      if (attr.value.includes(tb)) {
        el.setAttribute(attr.name, attr.value.split(tb).join(ta));
        changed++;
      }
  if (!changed) return;
  for (const [metric, values] of page.allowed.get(b.id) ?? []) addAllowed(page.allowed, a.id, metric, values);
  page.log.push(`give ${b.id} the id ${a.id} (${changed} attributes)`);
  // from now on B's element (and its number carriers) is A's
  b.id = a.id;
  // B's element may now read as an id that is neither (A's token under B's author): made up by the mutation
  page.created.add(ta);
}

/** Post B (moved, or a copy) goes inside post A, anywhere in it. Nothing either states changes. */
function nest(page: Page): void {
  const a = pick(page.random, page.posts);
  const b = pick(page.random, page.posts);
  if (!a || !b || a.el === b.el || !live(page, a.el) || !live(page, b.el)) return;
  if (a.el.contains(b.el) || b.el.contains(a.el)) return;
  const inside = a.el.getElementsByTagName('*');
  const k = Math.floor(page.random() * (inside.length + 1));
  const host = k === inside.length ? a.el : inside[k]!;
  const copy = page.random() < 0.5;
  const node = copy ? b.el.cloneNode(true) : b.el;
  host.insertBefore(node, host.childNodes[Math.floor(page.random() * (host.childNodes.length + 1))] ?? null);
  page.log.push(`${copy ? 'copy' : 'move'} post ${b.id} into ${describe(page, host)} of post ${a.id}`);
}

const MUTATIONS: [number, (page: Page) => void][] = [
  [3, remove],
  [2, reorder],
  [2, duplicate],
  [2, dropAttribute],
  [2, garbleAttribute],
  [3, swapNumbers],
  [1, duplicateId],
  [2, nest],
];

/** Apply 1..5 random mutations, leaving out those named in `without` (./open-bugs.ts). */
export function mutate(page: Page, without: ReadonlySet<string> = new Set()): void {
  const ops = MUTATIONS.filter(([, f]) => !without.has(f.name));
  const total = ops.reduce((s, [w]) => s + w, 0);
  const n = 1 + Math.floor(page.random() * 5);
  for (let i = 0; i < n; i++) {
    let x = page.random() * total;
    const op = ops.find(([w]) => (x -= w) < 0)?.[1] ?? remove;
    op(page);
  }
}
