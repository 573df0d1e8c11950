// In-page side of scan.bench.ts: a synthetic X home timeline grown by scripted scrolling.
//
// Tweets are the demo feed's (scripts/demo-feed.mjs `tweet()`, modelled on test/fixtures/x/timeline.html): a
// div[data-testid=cellInnerDiv] holding article[data-testid=tweet] with its status link around a <time>, the
// tweetText, the [role=group] action bar with its full-number summary label, the reply / retweet / like / bookmark
// buttons with aria-labels and compact visible numbers, and the "N views. View post analytics" link. Counts,
// handles and ids differ per tweet; some are liked, reposted, promoted, quote another tweet or carry a social context.
//
// Two ways the feed grows, one frame (requestAnimationFrame) per scroll step of `stepPx`:
//   - 'keep': cells are appended in chunks of 25 near the bottom and never removed (Reddit, YouTube grids): the
//     document ends with every post in it;
//   - 'recycle': a fixed pool of `cells` cellInnerDivs, absolutely positioned with translateY (X's virtualised
//     timeline). A cell that has scrolled out above the viewport moves below the last one (while there are less than
//     two screens of tweets below the viewport) and gets the next tweet written into it: every other time its <article> is kept and rewritten in place (attributes and contents),
//     otherwise the cell's contents are replaced by a new article. Either way the mutations are what carry the new
//     tweet to whoever watches the DOM.
// performance.mark('pm-post-<k>') is set when the k-th tweet (1-based) is written, for k in `marks`, plus
// 'pm-feed-start', 'pm-feed-end' (the last tweet has scrolled through the viewport) and 'pm-feed-settled' (after
// `settleMs` more, for the last batch). The driver finds them in the trace (blink.user_timing).
import { tweet, withIds, type DemoTweet, type DemoTweetWithId } from '../../../scripts/demo-feed.mjs';

export interface FeedOptions {
  mode: 'keep' | 'recycle';
  posts: number;
  /** Pixels scrolled per animation frame. */
  stepPx: number;
  /** Cells kept mounted ('recycle'). */
  cells: number;
  /** Tweet numbers (1-based) at which to set a performance mark when written. */
  marks: number[];
  /** Wait after the last tweet has gone through the viewport. */
  settleMs: number;
}

export interface FeedResult {
  written: number;
  frames: number;
  ms: number;
  /** article[data-testid=tweet] in the document at the end. */
  articles: number;
  /** Mean height of a cell, px. */
  cellHeight: number;
  /** The tweets' ids, in feed order. */
  ids: string[];
}

const NAMES = ['Ada Labs', 'Kenji W', 'OS Weekly', 'Maya Chen', 'Northwind', 'Tomás H', 'Sam O', 'Gridline', 'Lena F', 'Rust Weekly'];
const TEXTS = [
  'Shipped offline sync for the field app. Changelog in the replies.',
  'Morning run along the river, 8 km, coffee deserved.',
  'Thread: the libraries that quietly hold up half the internet.',
  'Hot take: the best code review comment is a question.',
  'Line 4 is running with 10-minute delays between Central and Harbour.',
  'Finished my first marathon. Already planning the next one.',
];

/** Tweet i of the feed: deterministic counts, handles and flags. */
function demoTweet(i: number): DemoTweet {
  const views = 40 + ((i * 7919) % 900_000);
  return {
    name: NAMES[i % NAMES.length]!,
    handle: `feed_user_${(i * 37) % 997}`,
    age: 3 + i, // one minute apart: distinct snowflake ids
    text: `${TEXTS[i % TEXTS.length]} (#${i + 1})`,
    c: {
      replies: (i * 13) % 120,
      reposts: (i * 31) % 900,
      likes: 1 + ((i * 101) % 25_000),
      bookmarks: (i * 7) % 60,
      views,
    },
    ...(i % 7 === 3 ? { liked: true } : {}),
    ...(i % 11 === 5 ? { reposted: true } : {}),
    ...(i % 41 === 17 ? { promoted: true } : {}),
    ...(i % 13 === 9 ? { socialContext: 'Priya Raman reposted' } : {}),
  };
}

/**
 * The same DOM, drawn smaller (about 70 px a tweet instead of 150): twice the tweets per screen, so a feed of 2,000
 * scrolls by in a few seconds at a speed where each tweet stays on screen for several frames.
 */
const COMPACT_CSS = `
body { font-size: 9px; line-height: 11px; }
article { padding: 2px 8px; }
.row { gap: 4px; }
.avatar { width: 16px; height: 16px; font-size: 8px; }
[data-testid=tweetText] { margin: 0 0 2px; white-space: nowrap; overflow: hidden; }
.quote { padding: 1px 4px; margin: 0 0 2px; border-radius: 4px; }
.quote [data-testid=tweetText] { display: none; }
.ctx, .ad { font-size: 9px; margin: 0; }
.act button, .act a { padding: 0; }
.act svg { width: 9px; height: 9px; }
`;

const MAX_FRAMES = 50_000;
/** Posts a keeping feed appends at a time (a Reddit page of posts, a YouTube continuation). */
const KEEP_CHUNK = 25;
/** The first screen of tweets stays a moment before the scrolling starts, as a page does when it opens. */
const firstScreen = async () => {
  for (let i = 0; i < 15; i++) await nextFrame();
};
const nextFrame = () => new Promise<number>((r) => requestAnimationFrame(r));

/** The cell for tweet i (a detached div[data-testid=cellInnerDiv]). */
function makeCell(tweets: DemoTweetWithId[], i: number, now: number): HTMLElement {
  const quote = i % 17 === 8 && i > 0 ? tweets[i - 1] : undefined;
  const tpl = document.createElement('template');
  tpl.innerHTML = tweet(tweets[i]!, { now, quote });
  return tpl.content.firstElementChild as HTMLElement;
}

/** Builds the timeline and scrolls it until `posts` tweets have gone through the viewport. */
export async function runFeed(opts: FeedOptions): Promise<FeedResult> {
  const now = Date.now();
  const tweets = withIds(Array.from({ length: opts.posts }, (_, i) => demoTweet(i)), now, 1);
  const timeline = document.querySelector('[aria-label="Timeline: Your Home Timeline"] > div') as HTMLElement | null;
  if (!timeline) throw new Error('no timeline container (is this the demo home page?)');
  timeline.replaceChildren();
  if (!document.getElementById('pm-feed-compact')) {
    const style = document.createElement('style');
    style.id = 'pm-feed-compact';
    style.textContent = COMPACT_CSS;
    document.head.append(style);
  }
  window.scrollTo(0, 0);
  const marks = new Set(opts.marks);
  let written = 0;
  const wrote = () => {
    written++;
    if (marks.has(written)) performance.mark(`pm-post-${written}`);
  };
  let heightSum = 0;
  let heights = 0;

  await nextFrame();
  await nextFrame();
  performance.mark('pm-feed-start');
  const t0 = performance.now();
  let frames = 0;

  if (opts.mode === 'keep') {
    const appendChunk = () => {
      const frag = document.createDocumentFragment();
      const upto = Math.min(opts.posts, written + KEEP_CHUNK);
      while (written < upto) {
        frag.append(makeCell(tweets, written, now));
        wrote();
      }
      timeline.append(frag);
    };
    const end = () => document.documentElement.scrollHeight;
    const fill = () => {
      while (written < opts.posts && end() - (scrollY + innerHeight) < 2 * innerHeight) appendChunk();
    };
    fill();
    await firstScreen();
    for (;;) {
      fill();
      if (written >= opts.posts && scrollY + innerHeight >= end() - 1) break;
      scrollBy(0, opts.stepPx);
      frames++;
      if (frames > MAX_FRAMES) throw new Error(`the feed is stuck at ${written} tweets`);
      await nextFrame();
    }
    heightSum = timeline.getBoundingClientRect().height;
    heights = written;
  } else {
    // X's virtual list: a tall relative container, cells absolutely placed by translateY.
    timeline.style.position = 'relative';
    const pool: { cell: HTMLElement; top: number; height: number }[] = [];
    let bottom = 0;
    const place = (slot: { cell: HTMLElement; top: number; height: number }) => {
      slot.top = bottom;
      slot.cell.style.transform = `translateY(${bottom}px)`;
      slot.height = slot.cell.offsetHeight;
      bottom += slot.height;
      heightSum += slot.height;
      heights++;
      timeline.style.minHeight = `${bottom}px`;
    };
    const cellStyle = (cell: HTMLElement) => {
      cell.style.position = 'absolute';
      cell.style.width = '100%';
      cell.style.top = '0';
    };
    while (pool.length < Math.min(opts.cells, opts.posts)) {
      const cell = makeCell(tweets, written, now);
      cellStyle(cell);
      timeline.append(cell);
      wrote();
      const slot = { cell, top: 0, height: 0 };
      place(slot);
      pool.push(slot);
    }
    await firstScreen();
    /** Writes tweet `written` into the (off-screen) cell of the slot and moves it to the bottom. */
    const recycle = (slot: { cell: HTMLElement; top: number; height: number }) => {
      const fresh = makeCell(tweets, written, now);
      const oldArticle = slot.cell.querySelector('article[data-testid="tweet"]');
      const newArticle = fresh.querySelector('article[data-testid="tweet"]');
      const sameShape =
        oldArticle && newArticle && oldArticle.parentElement?.parentElement?.parentElement === slot.cell && newArticle.parentElement?.parentElement?.parentElement === fresh;
      if (written % 2 === 0 && sameShape) {
        // React keeping the <article> and writing the next tweet into it.
        for (const a of Array.from(oldArticle.attributes)) if (!newArticle.hasAttribute(a.name)) oldArticle.removeAttribute(a.name);
        for (const a of Array.from(newArticle.attributes)) oldArticle.setAttribute(a.name, a.value);
        oldArticle.replaceChildren(...Array.from(newArticle.childNodes));
      } else {
        slot.cell.replaceChildren(...Array.from(fresh.childNodes));
      }
      wrote();
      place(slot);
    };
    for (;;) {
      // Below the viewport there must be two screens of tweets: the top cell moves there once it has scrolled out
      // above the viewport.
      pool.sort((a, b) => a.top - b.top);
      while (written < opts.posts && bottom < scrollY + 3 * innerHeight && pool[0]!.top + pool[0]!.height < scrollY) {
        const slot = pool.shift()!;
        recycle(slot);
        pool.push(slot);
      }
      if (written >= opts.posts && scrollY + innerHeight >= bottom - 1) break;
      scrollBy(0, opts.stepPx);
      frames++;
      if (frames > MAX_FRAMES) throw new Error(`the feed is stuck at ${written} tweets`);
      await nextFrame();
    }
  }
  // The last tweets stay in view for a few frames (the scanner reads on the frame after they show).
  for (let i = 0; i < 6; i++) await nextFrame();
  performance.mark('pm-feed-end');
  const ms = performance.now() - t0;
  await new Promise((r) => setTimeout(r, opts.settleMs));
  performance.mark('pm-feed-settled');
  return {
    written,
    frames,
    ms,
    articles: document.querySelectorAll('article[data-testid="tweet"]').length,
    cellHeight: heights ? heightSum / heights : 0,
    ids: tweets.map((t) => t.id),
  };
}
