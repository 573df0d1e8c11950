// What `ingest_batched_vs_row` (issue 9, budget ≥ 20) could reach with other storage layouts: a one-off
// experiment, not the product's code and not part of `npm run bench`. In Debian's Chromium, on a page of its own
// origin with real IndexedDB, each layout stores the same snapshots twice: in transactions of 100 (batched) and one
// per transaction (row). Raw IndexedDB, no CSV text, no accounts: only the requests each layout needs.
//
//   rows          today's layout: per snapshot a get and a put of the post (4 indexes) and an add (2 indexes)
//   rows-cached   the same without the gets (the posts' rows known in memory)
//   snap-blocks   posts as rows without gets; a batch's snapshots as one record (a multiEntry index of its posts)
//   all-blocks    one record per batch holding its snapshots and its posts' new state (how readers would then find
//                 a post is left out: an upper bound)
//   all-blocks-gets  the same, with a get per post first (what ingest() needs to return each post's state before
//                 the batch, its `prior`, when the posts are not known in memory), each finding a row
//   all-blocks-checked  all-blocks with one get per transaction instead: a generation record that every writer
//                 would bump, read to check that posts' states kept in memory are still the database's (the safe
//                 cache the priors would need). Not counted: a summary record for the popup, and every reader.
//
// Usage: node scripts/idb-layouts.mjs (about 18 s here). docs/performance.md quotes its output.
import { chromium } from 'playwright-core';
import { findChromium, NO_CHROMIUM } from './chromium.mjs';

const executablePath = findChromium();
if (!executablePath) {
  console.error(NO_CHROMIUM);
  process.exit(1);
}

/** Runs in the page: snapshots/s for each layout and side. */
async function measure() {
  const LAYOUTS = ['rows', 'rows-cached', 'snap-blocks', 'all-blocks', 'all-blocks-gets', 'all-blocks-checked'];
  const exact = (n) => ({ value: n, min: n, max: n, exact: true });
  const metrics = (i, r) => ({
    views: { value: 1000 * (i + r), min: 1000 * (i + r), max: 1000 * (i + r) + 99, exact: false },
    likes: exact(i + r),
    replies: exact(r),
    reposts: exact(2 * r),
    bookmarks: exact(r),
  });
  const postId = (i) => String(1_735_935_432_297_160_849n + BigInt(i) * 7_919n);
  const postRow = (i, r, at) => ({
    site: 'x',
    postId: postId(i),
    url: `https://x.com/user_${i % 400}/status/${postId(i)}`,
    author: `user_${i % 400}`,
    text: `A post about the things post ${i} is about, at about the length posts have`,
    publishedAt: 1.7e12 + i * 60_000,
    firstSeen: at,
    lastSeen: at,
    snapshots: r + 1,
    metrics: metrics(i, r),
  });
  const request = (req) => new Promise((resolve, reject) => ((req.onsuccess = () => resolve(req.result)), (req.onerror = () => reject(req.error))));
  const committed = (tx) => new Promise((resolve, reject) => ((tx.oncomplete = resolve), (tx.onerror = tx.onabort = () => reject(tx.error))));

  async function open(name) {
    await request(indexedDB.deleteDatabase(name));
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      const posts = db.createObjectStore('posts', { keyPath: ['site', 'postId'] });
      posts.createIndex('by-lastSeen', 'lastSeen');
      posts.createIndex('by-site-lastSeen', ['site', 'lastSeen']);
      posts.createIndex('by-author', ['site', 'author']);
      posts.createIndex('by-publishedAt', 'publishedAt');
      const snaps = db.createObjectStore('snapshots', { autoIncrement: true });
      snaps.createIndex('by-post', ['site', 'postId', 'observedAt']);
      snaps.createIndex('by-time', 'observedAt');
      const blocks = db.createObjectStore('blocks', { autoIncrement: true });
      blocks.createIndex('by-post', 'keys', { multiEntry: true });
      blocks.createIndex('by-time', 'observedAt');
      db.createObjectStore('meta').put(1, 'generation');
    };
    return request(req);
  }

  async function store(db, layout, batch, at) {
    // Each layout's transaction spans the stores it writes, and the generation record's only where it is read.
    const tx = db.transaction(['posts', 'snapshots', 'blocks', ...(layout === 'all-blocks-checked' ? ['meta'] : [])], 'readwrite');
    const posts = tx.objectStore('posts');
    const rows = batch.map(([i, r]) => postRow(i, r, at));
    if (layout === 'rows' || layout === 'all-blocks-gets') await Promise.all(rows.map((row) => request(posts.get([row.site, row.postId]))));
    if (layout === 'all-blocks-checked' && (await request(tx.objectStore('meta').get('generation'))) !== 1) throw new Error('generation changed');
    if (layout === 'rows' || layout === 'rows-cached') {
      const snaps = tx.objectStore('snapshots');
      for (const row of rows) {
        posts.put(row);
        snaps.add({ site: row.site, postId: row.postId, observedAt: at, metrics: row.metrics });
      }
    } else {
      if (layout === 'snap-blocks') for (const row of rows) posts.put(row);
      tx.objectStore('blocks').add({
        observedAt: at,
        keys: rows.map((row) => `${row.site}:${row.postId}`),
        snapshots: rows.map((row) => ({ postId: row.postId, metrics: row.metrics })),
        ...(layout.startsWith('all-blocks') ? { posts: rows } : {}),
      });
    }
    await committed(tx);
  }

  /** Snapshots/s storing `posts` posts `rounds` times, `perTx` snapshots per transaction. */
  async function rate(layout, posts, rounds, perTx) {
    const name = `layouts-${layout}-${perTx}`;
    const db = await open(name);
    const calls = [];
    for (let r = 0; r < rounds; r++)
      for (let i = 0; i < posts; i += perTx) calls.push({ at: 1.8e12 + r * 600_000, batch: Array.from({ length: perTx }, (_, k) => [i + k, r]) });
    if (layout === 'all-blocks-gets') {
      // Untimed: the posts' rows a database in use holds, so each get finds one (as it would after a migration).
      const tx = db.transaction('posts', 'readwrite');
      for (let i = 0; i < posts; i++) tx.objectStore('posts').put(postRow(i, 0, 1.8e12));
      await committed(tx);
    }
    const t0 = performance.now();
    for (const { batch, at } of calls) await store(db, layout, batch, at);
    const ms = performance.now() - t0;
    db.close();
    await request(indexedDB.deleteDatabase(name));
    return ((posts * rounds) / ms) * 1000;
  }

  const out = [];
  for (const layout of LAYOUTS) {
    const batched = [await rate(layout, 1000, 10, 100)];
    const row = await rate(layout, 500, 2, 1);
    batched.push(await rate(layout, 1000, 10, 100));
    const b = (batched[0] + batched[1]) / 2;
    out.push({ layout, batched: Math.round(b), row: Math.round(row), ratio: Math.round((b / row) * 10) / 10 });
  }
  return out;
}

const browser = await chromium.launch({ executablePath, args: ['--headless=new', '--no-sandbox', '--disable-background-networking'] });
try {
  const context = await browser.newContext();
  await context.route('https://layouts.localhost/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>layouts</title>' }),
  );
  const page = await context.newPage();
  await page.goto('https://layouts.localhost/');
  console.log(`Chromium ${browser.version()}: snapshots/s, 100 per transaction (batched) and 1 (row)`);
  console.log('layout             batched      row   ratio');
  for (const r of await page.evaluate(measure))
    console.log(`${r.layout.padEnd(16)} ${String(r.batched).padStart(9)} ${String(r.row).padStart(8)} ${String(r.ratio).padStart(7)}`);
} finally {
  await browser.close();
}
