// ingest_batched_vs_row: snapshots/s when the real ingest() gets 100 observations per call (one transaction per
// batch, as the background stores what a content script sends) ÷ snapshots/s when it gets one observation per
// call (one transaction per snapshot, what a store without batching does). Same observations, same number of
// snapshots, a fresh database for each side, in headless Chromium with real IndexedDB (issue 9, budget ≥ 20).
// The batched side runs before and after the per-row side (batched, per-row, batched), so drift on the machine
// hits both; each side's rate is its median. Both raw rates are printed too (no budget).
import { callPage, injectPageScript, launchBenchBrowser, seconds } from './browser';
import { figure, median, type BenchGroup, type Figure } from './harness';
import type * as IngestPage from './pages/ingest';

const PER_CALL = 100;

const ingestGroup: BenchGroup = async (ctx) => {
  // posts × rounds snapshots per side; rounds is how often each post is seen again with new counts.
  const { posts, rounds } = ctx.quick ? { posts: 200, rounds: 2 } : { posts: 1000, rounds: 10 };
  const order: ('batched' | 'row')[] = ctx.quick ? ['batched', 'row'] : ['batched', 'row', 'batched'];
  const snapshots = posts * rounds;
  const browser = await launchBenchBrowser();
  try {
    ctx.log(`Chromium ${browser.version}; ${snapshots} snapshots per side (${posts} posts × ${rounds} observations)`);
    const page = await browser.benchPage();
    await injectPageScript(page, ctx.root, 'ingest');
    const rates = { batched: [] as number[], row: [] as number[] };
    const run = async (side: 'batched' | 'row', n: number) => {
      const perCall = side === 'batched' ? PER_CALL : 1;
      const r = await callPage<typeof IngestPage, 'runIngest'>(page, 'runIngest', {
        name: `postmeter-bench-ingest-${side}-${n}`,
        posts,
        rounds,
        perCall,
      });
      if (r.snapshots !== snapshots) throw new Error(`${side}: ${r.snapshots} snapshots stored, expected ${snapshots}`);
      const rate = (r.snapshots / r.ms) * 1000;
      rates[side].push(rate);
      ctx.log(`${side === 'batched' ? `batched (${perCall}/call)` : 'one per call'}: ${r.calls} calls in ${seconds(r.ms)} → ${rate.toFixed(0)} snapshots/s`);
    };
    for (const [n, side] of order.entries()) await run(side, n);
    await page.close();
    const batched = median(rates.batched);
    const row = median(rates.row);
    const out: Figure[] = [
      figure('ingest_batched_vs_row', batched / row, 'x', { op: '>=', limit: 20 }),
      figure('ingest_batched_snapshots_per_s', batched, 'snapshots/s'),
      figure('ingest_row_snapshots_per_s', row, 'snapshots/s'),
    ];
    return out;
  } finally {
    await browser.close();
  }
};

export default ingestGroup;
