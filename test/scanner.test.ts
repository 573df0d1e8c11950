// The scanner with a stand-in IntersectionObserver: happy-dom does no layout, so the test says
// which posts are on screen and checks what gets read, sent and re-keyed.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseCountReady, warmParseCount } from '@/lib/count';
import { startScanner, type Scanner } from '@/lib/scanner';
import type { PostObservation, SiteAdapter } from '@/lib/types';

class FakeIO {
  static last: FakeIO;
  observed = new Set<Element>();
  constructor(private cb: IntersectionObserverCallback) {
    FakeIO.last = this;
  }
  observe(el: Element) {
    this.observed.add(el);
  }
  unobserve(el: Element) {
    this.observed.delete(el);
  }
  disconnect() {
    this.observed.clear();
  }
  show(el: Element, on = true) {
    const rect = { height: on ? 100 : 0 } as DOMRectReadOnly;
    this.cb([{ target: el, isIntersecting: on, intersectionRatio: on ? 1 : 0, intersectionRect: rect, rootBounds: null } as unknown as IntersectionObserverEntry], this as unknown as IntersectionObserver);
  }
}

const exact = (n: number) => ({ value: n, min: n, max: n, exact: true });
// A minimal adapter over <div class="post" href=id aria-label=likes> (attributes the scanner watches).
const adapter: SiteAdapter = {
  id: 'x',
  postSelector: '.post',
  matches: () => true,
  read(el) {
    const id = el.getAttribute('href');
    if (!id) return undefined;
    const likes = el.getAttribute('aria-label');
    const metrics = likes === null ? {} : { likes: exact(Number(likes)) };
    return { site: 'x', postId: id, url: `https://x.com/a/status/${id}`, metrics };
  },
  scan: () => [],
};

const tick = () => new Promise((r) => setTimeout(r, 60));

describe('scanner', () => {
  // The scanner reads only once parseCount's tables are built (it builds them in short tasks first: see the next
  // describe); here they are built beforehand, so reads follow the frames.
  beforeAll(() => {
    warmParseCount(Infinity);
  });
  let scanner: Scanner;
  let batches: PostObservation[][];
  beforeEach(() => {
    vi.stubGlobal('IntersectionObserver', FakeIO);
    (window as unknown as { IntersectionObserver: unknown }).IntersectionObserver = FakeIO;
    document.body.innerHTML = '';
    batches = [];
  });
  afterEach(() => scanner?.stop());

  function start() {
    scanner = startScanner({ adapter, document, getUrl: () => new URL('https://x.com/home'), onBatch: (b) => batches.push(b), sendEveryMs: 10 });
  }
  function addPost(id: string, likes?: number): HTMLElement {
    const el = document.createElement('div');
    el.className = 'post';
    el.setAttribute('href', id);
    if (likes !== undefined) el.setAttribute('aria-label', String(likes));
    document.body.append(el);
    return el;
  }

  it('records a post only once it is on screen, and once per change', async () => {
    const a = addPost('1', 5);
    addPost('2', 7);
    start();
    await tick();
    expect(batches).toEqual([]);
    FakeIO.last.show(a);
    await tick();
    expect(batches.flat().map((p) => p.postId)).toEqual(['1']);
    FakeIO.last.show(a); // seen again, nothing changed: nothing sent
    await tick();
    expect(batches).toHaveLength(1);
    a.setAttribute('aria-label', '6');
    await tick();
    expect(batches.flat().map((p) => p.metrics.likes?.value)).toEqual([5, 6]);
  });

  it('sends a post again when a count, its precision, a metric, the author or the url changes, and only then', async () => {
    // The element's data-read attribute (watched) is the observation's JSON: each step is one read.
    const steps: [string, Partial<PostObservation>][] = [
      ['first', { metrics: { likes: exact(5) } }],
      ['same again', { metrics: { likes: exact(5) } }],
      ['count', { metrics: { likes: exact(6) } }],
      ['precision', { metrics: { likes: { value: 6, min: 6, max: 6.5, exact: false } } }],
      ['bound', { metrics: { likes: { value: 6, min: 6, max: 6.9, exact: false } } }],
      ['metric added', { metrics: { likes: { value: 6, min: 6, max: 6.9, exact: false }, replies: exact(0) } }],
      ['metric gone', { metrics: { replies: exact(0) } }],
      ['author', { metrics: { replies: exact(0) }, author: 'a' }],
      ['url', { metrics: { replies: exact(0) }, author: 'a', url: 'https://x.com/a/status/1?s=1' }],
      ['same again', { metrics: { replies: exact(0) }, author: 'a', url: 'https://x.com/a/status/1?s=1' }],
    ];
    const fromJson: SiteAdapter = {
      ...adapter,
      watchAttributes: ['data-read'],
      read: (el) => ({ site: 'x', postId: '1', url: 'https://x.com/a/status/1', ...JSON.parse(el.getAttribute('data-read')!) }),
    };
    const el = addPost('1');
    el.setAttribute('data-read', JSON.stringify(steps[0]![1]));
    scanner = startScanner({ adapter: fromJson, document, getUrl: () => new URL('https://x.com/home'), onBatch: (b) => batches.push(b), sendEveryMs: 10 });
    await tick();
    FakeIO.last.show(el);
    await tick();
    for (const [, obs] of steps.slice(1)) {
      el.setAttribute('data-read', JSON.stringify(obs));
      await tick();
    }
    const sentSteps = steps.filter(([name], i) => name !== 'same again' || i === 0).map(([, obs]) => obs);
    expect(batches.flat().map((p) => ({ metrics: p.metrics, ...(p.author ? { author: p.author } : {}), ...(p.url.endsWith('s=1') ? { url: p.url } : {}) }))).toEqual(sentSteps);
  });

  it('resendVisible: the posts on screen are sent again, unchanged, and only those', async () => {
    const a = addPost('1', 5);
    const b = addPost('2', 7);
    start();
    await tick();
    FakeIO.last.show(a);
    FakeIO.last.show(b);
    await tick();
    FakeIO.last.show(b, false);
    await tick();
    expect(batches.flat().map((p) => p.postId).sort()).toEqual(['1', '2']);
    scanner.resendVisible();
    await tick();
    expect(batches.slice(1).flat().map((p) => p.postId)).toEqual(['1']);
    expect(scanner.seenKeys().sort()).toEqual(['x:1', 'x:2']);
  });

  it('lists the posts it has shown most recent first, the latest `limit` when asked, and counts them all', async () => {
    const els = ['1', '2', '3'].map((id) => addPost(id, 1));
    start();
    await tick();
    for (const el of els) {
      FakeIO.last.show(el);
      await tick();
    }
    expect(scanner.seenKeys()).toEqual(['x:3', 'x:2', 'x:1']);
    els[0]!.setAttribute('aria-label', '2'); // read again: the most recent now
    await tick();
    expect(scanner.seenKeys()).toEqual(['x:1', 'x:3', 'x:2']);
    expect(scanner.seenKeys(2)).toEqual(['x:1', 'x:3']);
    expect(scanner.seenCount()).toBe(3);
  });

  it('remembers the last sent reading of only the most recently sent posts: a forgotten one read again is sent again', async () => {
    const els = ['1', '2', '3'].map((id) => addPost(id, 5));
    scanner = startScanner({ adapter, document, getUrl: () => new URL('https://x.com/home'), onBatch: (b) => batches.push(b), sendEveryMs: 10, sentKept: 2 });
    await tick();
    for (const el of els) {
      FakeIO.last.show(el);
      await tick();
    }
    const sentIds = () => batches.flat().map((p) => p.postId);
    expect(sentIds()).toEqual(['1', '2', '3']);
    for (const el of [els[2]!, els[0]!]) {
      FakeIO.last.show(el, false);
      FakeIO.last.show(el); // back on screen, unchanged
      await tick();
    }
    // '3' is still remembered: nothing to send; '1' was forgotten when '3' was sent: sent again, unchanged.
    expect(sentIds()).toEqual(['1', '2', '3', '1']);
  });

  it('re-keys a recycled element instead of trusting which element it is', async () => {
    const el = addPost('1', 5);
    start();
    await tick();
    FakeIO.last.show(el);
    await tick();
    el.setAttribute('href', '9');
    el.setAttribute('aria-label', '1');
    await tick();
    expect(batches.flat().map((p) => [p.postId, p.metrics.likes?.value])).toEqual([
      ['1', 5],
      ['9', 1],
    ]);
    expect(scanner.seenKeys()).toEqual(['x:9', 'x:1']);
  });

  it('reports posts without counters as unrecognised and sends nothing for them', async () => {
    const el = addPost('1');
    start();
    await tick();
    FakeIO.last.show(el);
    await tick();
    expect(batches).toEqual([]);
    expect(scanner.health()).toEqual({ containers: 1, withCounters: 0 });
  });

  it('stops cleanly: no more reads or sends', async () => {
    const el = addPost('1', 1);
    start();
    await tick();
    scanner.stop();
    FakeIO.last.show(el);
    el.setAttribute('aria-label', '2');
    await tick();
    expect(batches).toEqual([]);
  });

  it("re-reads when an attribute the adapter watches changes (Reddit's score)", async () => {
    const scored: SiteAdapter = {
      ...adapter,
      watchAttributes: ['score'],
      read: (el) => ({ site: 'reddit', postId: 't3_a', url: 'https://www.reddit.com/r/x/comments/a/', metrics: { likes: exact(Number(el.getAttribute('score'))) } }),
    };
    const el = addPost('1');
    el.setAttribute('score', '10');
    scanner = startScanner({ adapter: scored, document, getUrl: () => new URL('https://www.reddit.com/'), onBatch: (b) => batches.push(b), sendEveryMs: 10 });
    await tick();
    FakeIO.last.show(el);
    await tick();
    el.setAttribute('score', '11');
    await tick();
    expect(batches.flat().map((p) => p.metrics.likes?.value)).toEqual([10, 11]);
  });

  describe('work follows what changed, not the length of the feed', () => {
    let reads: string[];
    function startCounting() {
      reads = [];
      const counting: SiteAdapter = {
        ...adapter,
        read: (el, url) => {
          reads.push(el.getAttribute('href') ?? '?');
          return adapter.read(el, url);
        },
      };
      scanner = startScanner({ adapter: counting, document, getUrl: () => new URL('https://x.com/home'), onBatch: (b) => batches.push(b), sendEveryMs: 10 });
    }

    it('re-reads only the visible post a mutation touched', async () => {
      const els = Array.from({ length: 50 }, (_, i) => addPost(String(i), i));
      startCounting();
      await tick();
      for (const el of els.slice(0, 10)) FakeIO.last.show(el);
      await tick();
      expect(reads.sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'].sort());
      reads = [];
      els[3]!.setAttribute('aria-label', '300'); // visible: read again
      els[40]!.setAttribute('aria-label', '400'); // off screen: not read
      document.body.append(document.createElement('p')); // outside every post: nothing read
      await tick();
      expect(reads).toEqual(['3']);
      expect(batches.flat().filter((p) => p.postId === '3').map((p) => p.metrics.likes?.value)).toEqual([3, 300]);
    });

    it('reads the posts of consecutive frames in one flush', async () => {
      const a = addPost('1', 1);
      const b = addPost('2', 2);
      startCounting();
      await tick();
      FakeIO.last.show(a);
      await new Promise((r) => requestAnimationFrame(r));
      await new Promise((r) => setTimeout(r, 0)); // where a flush per frame would have read it
      expect(reads).toEqual([]);
      FakeIO.last.show(b);
      await tick();
      expect(reads).toEqual(['1', '2']);
    });

    it('reads a post that leaves the screen before its flush as it leaves, once', async () => {
      const el = addPost('1', 5);
      startCounting();
      await tick();
      FakeIO.last.show(el);
      expect(reads).toEqual([]); // waits for the flush…
      FakeIO.last.show(el, false);
      expect(reads).toEqual(['1']); // …unless it goes first: the page may recycle it by then
      await tick();
      expect(reads).toEqual(['1']);
      expect(batches.flat().map((p) => p.postId)).toEqual(['1']);
      // Off screen and already read: a change there reads nothing.
      el.setAttribute('aria-label', '6');
      await tick();
      expect(reads).toEqual(['1']);
    });

    it('reads a recycled post again when its content is replaced by child mutations', async () => {
      const el = addPost('1', 5);
      const inner = document.createElement('span');
      el.append(inner);
      startCounting();
      await tick();
      FakeIO.last.show(el);
      await tick();
      reads = [];
      inner.replaceWith(document.createElement('b'));
      await tick();
      expect(reads).toEqual(['1']);
    });

    it("does not read a post again because the extension's badge went into it", async () => {
      const el = addPost('1', 5);
      startCounting();
      await tick();
      FakeIO.last.show(el);
      await tick();
      reads = [];
      el.append(document.createElement('postmeter-badge'));
      await tick();
      expect(reads).toEqual([]);
    });

    it('draws badges through onRead without a read for them, and still sees every change of the page after', async () => {
      const a = addPost('1', 5);
      const b = addPost('2', 7);
      reads = [];
      const drawn: string[][] = [];
      const counting: SiteAdapter = { ...adapter, read: (el, url) => (reads.push(el.getAttribute('href') ?? '?'), adapter.read(el, url)) };
      scanner = startScanner({
        adapter: counting,
        document,
        getUrl: () => new URL('https://x.com/home'),
        onBatch: (batch) => batches.push(batch),
        onRead: (read) => {
          drawn.push(read.map((r) => r.post.postId));
          // As the badge layer does: a host, not in the page yet, made and filled, then put after its anchor.
          for (const { el } of read) if (el.lastElementChild?.localName !== 'postmeter-badge') el.append(document.createElement('postmeter-badge'));
        },
        sendEveryMs: 10,
      });
      await tick();
      FakeIO.last.show(a);
      FakeIO.last.show(b);
      await tick();
      expect(drawn).toEqual([['1', '2']]);
      expect(reads).toEqual(['1', '2']);
      a.setAttribute('aria-label', '6'); // the page, after the badges went in
      b.append(document.createElement('span'));
      await tick();
      expect(reads).toEqual(['1', '2', '1', '2']);
      expect(drawn).toEqual([['1', '2'], ['1', '2']]);
      expect(batches.flat().map((p) => [p.postId, p.metrics.likes?.value])).toEqual([['1', 5], ['2', 7], ['1', 6]]);
    });

    it('watches posts added later, also inside an added container, and stops watching removed ones', async () => {
      startCounting();
      await tick();
      const cell = document.createElement('div');
      cell.innerHTML = '<div><div class="post" href="7" aria-label="70"></div></div>';
      document.body.append(cell);
      const direct = addPost('8', 80);
      await tick();
      const nested = cell.querySelector('.post')!;
      expect(FakeIO.last.observed.has(nested)).toBe(true);
      expect(FakeIO.last.observed.has(direct)).toBe(true);
      FakeIO.last.show(nested);
      await tick();
      expect(batches.flat().map((p) => p.postId)).toEqual(['7']);
      cell.remove();
      await tick();
      expect(FakeIO.last.observed.has(nested)).toBe(false);
      expect(scanner.health()).toEqual({ containers: 1, withCounters: 1 });
    });

    it('stops watching removed posts of a long feed at most once a second, and a moved post not at all', async () => {
      const els = Array.from({ length: 300 }, (_, i) => addPost(String(i), i));
      startCounting();
      await tick();
      const observed = (el: Element) => FakeIO.last.observed.has(el);
      expect(els.every(observed)).toBe(true);
      els[0]!.remove();
      document.body.prepend(els[1]!); // moved: still in the page
      await tick();
      expect(observed(els[0]!)).toBe(false); // the first removal is swept at once
      expect(observed(els[1]!)).toBe(true);
      els[2]!.remove();
      await tick();
      expect(observed(els[2]!), 'swept again within the second').toBe(true);
      await new Promise((r) => setTimeout(r, 1000));
      document.body.append(document.createElement('p')); // any later change: a flush
      await tick();
      expect(observed(els[2]!)).toBe(false);
      expect(els.slice(3).every(observed)).toBe(true);
    });

    it('reset (SPA navigation): the posts on screen are read again and seen again', async () => {
      const el = addPost('1', 5);
      startCounting();
      await tick();
      FakeIO.last.show(el);
      await tick();
      scanner.reset();
      expect(scanner.seenKeys()).toEqual([]);
      await tick();
      expect(scanner.seenKeys()).toEqual(['x:1']);
      expect(batches.flat().map((p) => p.postId)).toEqual(['1', '1']);
    });
  });

  describe('when the extension goes away (dropped count)', () => {
    let connected: boolean;
    let totals: number[];
    function startWatched() {
      scanner = startScanner({
        adapter,
        document,
        getUrl: () => new URL('https://x.com/home'),
        onBatch: (b) => batches.push(b),
        connected: () => connected,
        onDropped: (total) => totals.push(total),
        sendEveryMs: 120,
      });
    }
    beforeEach(() => {
      connected = true;
      totals = [];
    });
    /** Two posts read and queued (their batch not yet sent). */
    async function queueTwo() {
      const a = addPost('1', 5);
      const b = addPost('2', 6);
      startWatched();
      await tick();
      FakeIO.last.show(a);
      FakeIO.last.show(b);
      await tick();
      expect(batches, 'still queued').toEqual([]);
      return { a, b };
    }
    const later = () => new Promise((r) => setTimeout(r, 160));

    it.each([
      ['the batch timer finds it gone', async () => {}],
      ['the next read finds it gone', async (els: { a: HTMLElement }) => els.a.setAttribute('aria-label', '9')],
      ['the page is hidden', async () => scanner.flushNow()],
    ])('counts what was queued as dropped when %s, and stops', async (_, trigger) => {
      const els = await queueTwo();
      connected = false;
      await trigger(els);
      await later();
      expect(batches).toEqual([]);
      expect(scanner.dropped()).toBe(2);
      expect(totals).toEqual([2]);
      // Stopped: nothing more is read or counted.
      connected = true;
      els.b.setAttribute('aria-label', '10');
      FakeIO.last.show(els.b);
      await later();
      expect(batches).toEqual([]);
      expect(scanner.dropped()).toBe(2);
    });

    it('adds batches lost on their way to the running total', async () => {
      await queueTwo();
      await later();
      expect(batches.flat()).toHaveLength(2);
      scanner.lost(2); // the send failed because the extension went away
      scanner.abandon();
      scanner.lost(3); // another one in flight, failing after the scanner stopped
      expect(scanner.dropped()).toBe(5);
      expect(totals).toEqual([2, 5]);
    });

    it.each([
      ['abandon()', () => scanner.abandon(), 2, [2]],
      ['stop() (the site switched off: discarded on purpose)', () => scanner.stop(), 0, []],
      ['stop() then abandon()', () => (scanner.stop(), scanner.abandon()), 0, []],
    ])('%s with two posts queued: dropped as it says', async (_, end, dropped, reported) => {
      await queueTwo();
      end();
      await later();
      expect(batches).toEqual([]);
      expect(scanner.dropped()).toBe(dropped);
      expect(totals).toEqual(reported);
    });

    it('drops nothing while the extension is there', async () => {
      await queueTwo();
      await later();
      expect(batches.flat().map((p) => p.postId)).toEqual(['1', '2']);
      expect(scanner.dropped()).toBe(0);
      expect(totals).toEqual([]);
    });
  });
});
