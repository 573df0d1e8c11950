// adapter_scan_us_per_post_<site>: µs per post for adapter.scan() over each site's hand-made fixtures
// (test/fixtures/<site>/*.html, each read at the address in test/fixtures/urls.ts) in a happy-dom Window.
// No budget: a figure to watch, per site (issue 9). happy-dom's selectors are slower than a browser's, so these
// are upper bounds; the in-browser cost of the whole content script is content_us_per_post (scan.bench.ts).
import fs from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { adapters } from '../../lib/sites';
import { fixtureUrl } from '../fixtures/urls';
import { describeTiming, figure, timeInterleaved, type BenchGroup, type Figure } from './harness';

const adapterScanGroup: BenchGroup = async (ctx) => {
  const out: Figure[] = [];
  for (const adapter of adapters) {
    const dir = path.join(ctx.root, 'test/fixtures', adapter.id);
    if (!fs.existsSync(dir)) {
      ctx.log(`adapter ${adapter.id}: no fixtures, skipped`);
      continue;
    }
    const window = new Window({
      url: fixtureUrl(`${adapter.id}/`),
      settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
    });
    try {
      const parser = new window.DOMParser();
      const pages = fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.html'))
        .sort()
        .map((f) => {
          const doc = parser.parseFromString(fs.readFileSync(path.join(dir, f), 'utf8'), 'text/html') as unknown as Document;
          // Each fixture at the address it was saved from (adapters read ids and page kinds from the URL).
          const url = new URL(fixtureUrl(`${adapter.id}/${f}`));
          return { file: f, doc, url, posts: adapter.scan(doc, url).length };
        })
        .filter((p) => {
          if (p.posts === 0) ctx.log(`adapter ${adapter.id}: ${p.file} has no posts, left out`);
          return p.posts > 0;
        });
      if (pages.length === 0) continue;

      const timings = timeInterleaved(
        pages.map((p) => ({
          name: `${adapter.id} ${p.file} (${p.posts} posts)`,
          run(n: number) {
            let seen = 0;
            for (let i = 0; i < n; i++) seen += adapter.scan(p.doc, p.url).length;
            return seen;
          },
        })),
        ctx.quick ? { opsPerRound: 1, rounds: 1, warmupMs: 0 } : { opsPerRound: 10, rounds: 11, warmupMs: 200 },
      );
      let us = 0;
      let posts = 0;
      timings.forEach((t, i) => {
        ctx.log(`${describeTiming(t)} → ${(t.usPerOp / pages[i]!.posts).toFixed(2)} µs/post`);
        us += t.usPerOp;
        posts += pages[i]!.posts;
      });
      // One scan of every fixture ÷ the posts found in them: each post weighs the same.
      out.push(figure(`adapter_scan_us_per_post_${adapter.id}`, us / posts, 'us'));
    } finally {
      await window.happyDOM.close();
    }
  }
  return out;
};

export default adapterScanGroup;
