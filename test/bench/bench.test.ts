// Each bench scenario runs on a tiny input (issue 9): a broken group fails `npm test`, not a 10-minute bench.
// Measurements themselves are `npm run bench`'s job, never asserted here.
// Groups that drive the built extension in Chromium (they import ./browser) run only through the runner
// (`bench.mjs --quick` below: it builds the extension first, and Playwright runs in Node, not in happy-dom);
// the others also run in-process here.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCount } from '../../lib/count';
import { figure, median, timeInterleaved, type BenchGroup, type Figure } from './harness';
import { PARSECOUNT_INPUTS } from './parsecount.bench';

const ROOT = path.resolve(__dirname, '../..');
const groups = fs.readdirSync(__dirname).filter((f) => f.endsWith('.bench.ts')).sort();
// The runner's rule (scripts/bench.mjs, needsBrowser).
const usesBrowser = (file: string) => /from\s+['"]\.\/browser['"]/.test(fs.readFileSync(path.join(__dirname, file), 'utf8'));
const nodeGroups = groups.filter((f) => !usesBrowser(f));
const BROWSER_GROUPS = ['bundle.bench.ts', 'export.bench.ts', 'ingest.bench.ts', 'popup.bench.ts', 'scan.bench.ts'];
const BROWSER_FIGURES = [
  'bundle_content_gzip_kb',
  'bundle_content_gzip_kb_x',
  'bundle_content_gzip_kb_mastodon',
  'bundle_popup_gzip_kb',
  'bundle_dashboard_gzip_kb',
  'ingest_batched_vs_row',
  'ingest_batched_snapshots_per_s',
  'ingest_row_snapshots_per_s',
  'popup_open_ratio',
  'popup_open_empty_ms',
  'popup_open_seeded_ms',
  'popup_empty_message_ms',
  'export_rows_per_s',
  'export_heap_ratio',
  'export_vs_papaparse',
  'papaparse_rows_per_s',
  'export_idb_read_rows_per_s',
  'scan_flatness',
  'content_us_per_post',
  'scan_vs_naive',
  'scan_vs_naive_recycled',
  'long_tasks',
  'long_tasks_with_extension',
  'scan_flatness_keep',
  'content_us_per_post_keep',
  'naive_us_per_post',
  'naive_us_per_post_keep',
  'naive_reads_per_post',
  'naive_reads_per_post_keep',
  'naive_first_read_us',
  'naive_repeat_read_us',
  'naive_first_read_us_keep',
  'naive_repeat_read_us_keep',
  'scan_vs_naive_ceiling',
  'scan_vs_naive_recycled_ceiling',
  'attribution_check_ms',
];

function expectFigure(f: Figure) {
  expect(Object.keys(f)).toEqual(['name', 'value', 'unit', 'budget', 'pass']);
  expect(f.name).toMatch(/^[a-z0-9_]+$/);
  expect(Number.isFinite(f.value)).toBe(true);
  expect(f.value).toBeGreaterThanOrEqual(0);
  expect(f.budget === null).toBe(f.pass === null);
}

describe('bench groups on tiny inputs', () => {
  it('there are groups', () => expect(groups).toEqual(expect.arrayContaining(['parsecount.bench.ts', 'adapters.bench.ts', ...BROWSER_GROUPS])));

  it('the browser groups are the ones that import ./browser', () => expect(groups.filter(usesBrowser)).toEqual(BROWSER_GROUPS));

  it.each(nodeGroups)('%s runs and returns well-formed figures', async (file) => {
    const group = (await import(/* @vite-ignore */ path.join(__dirname, file))).default as BenchGroup;
    const logs: string[] = [];
    const figures = await group({ root: ROOT, quick: true, log: (m) => logs.push(m) });
    expect(figures.length).toBeGreaterThan(0);
    figures.forEach(expectFigure);
    expect(new Set(figures.map((f) => f.name)).size).toBe(figures.length);
  });

  it('the parseCount mix is read without a throw, and has both counts and garbage', () => {
    const results = PARSECOUNT_INPUTS.map(([t, l]) => parseCount(t, l));
    expect(results.some((r) => r === null)).toBe(true);
    expect(results.filter((r) => r !== null).length).toBeGreaterThan(PARSECOUNT_INPUTS.length / 2);
  });
});

describe('bench harness', () => {
  it.each<[string, Figure]>([
    ['under a "<" budget', figure('a', 1.5, 'us', { op: '<', limit: 2 })],
    ['at a "<=" budget', figure('a', 1.3, 'x', { op: '<=', limit: 1.3 })],
    ['over a ">=" budget', figure('a', 25, 'x', { op: '>=', limit: 20 })],
  ])('passes %s', (_n, f) => expect(f.pass).toBe(true));

  it.each<[string, Figure]>([
    ['at a "<" budget', figure('a', 2, 'us', { op: '<', limit: 2 })],
    ['NaN', figure('a', NaN, 'us', { op: '<', limit: 2 })],
    ['just under a ">=" budget (judged before rounding)', figure('a', 19.99996, 'x', { op: '>=', limit: 20 })],
  ])('fails %s', (_n, f) => expect(f.pass).toBe(false));

  it('prints the budget as text and no budget as null', () => {
    expect(figure('parsecount_us', 0.123456, 'us', { op: '<', limit: 2 })).toEqual({ name: 'parsecount_us', value: 0.1235, unit: 'us', budget: '<2', pass: true });
    expect(figure('x', 3, 'us')).toEqual({ name: 'x', value: 3, unit: 'us', budget: null, pass: null });
  });

  it('median and interleaved timing', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const [t] = timeInterleaved([{ name: 'noop', run: (n) => n }], { opsPerRound: 10, rounds: 3, warmupMs: 0 });
    expect(t!.rounds).toHaveLength(3);
    expect(Number.isFinite(t!.usPerOp)).toBe(true);
  });
});

describe('npm run bench', () => {
  // Every group, the browser ones included: builds the extension, launches Chromium (about 30 s in all).
  it('prints only JSON figure lines on stdout (--quick)', { timeout: 240_000 }, () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts/bench.mjs'), '--quick'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n');
    const figures = lines.map((l) => JSON.parse(l) as Figure);
    figures.forEach(expectFigure);
    expect(figures.map((f) => f.name)).toEqual(
      expect.arrayContaining(['parsecount_us', 'parsecount_baseline_us', 'parsecount_vs_number_ratio', 'adapter_scan_us_per_post_x', ...BROWSER_FIGURES]),
    );
    expect(new Set(figures.map((f) => f.name)).size).toBe(figures.length);
    expect(figures.find((f) => f.name === 'parsecount_us')).toMatchObject({ unit: 'us', budget: '<2' });
    expect(figures.find((f) => f.name === 'ingest_batched_vs_row')).toMatchObject({ unit: 'x', budget: '>=20' });
    expect(figures.find((f) => f.name === 'popup_open_ratio')).toMatchObject({ unit: 'x', budget: '<=1.5' });
    expect(figures.find((f) => f.name === 'export_heap_ratio')).toMatchObject({ unit: 'x', budget: '<=0.25' });
    expect(figures.find((f) => f.name === 'export_vs_papaparse')).toMatchObject({ unit: 'x', budget: '>=1' });
    expect(figures.find((f) => f.name === 'bundle_content_gzip_kb')).toMatchObject({ unit: 'KB', budget: '<=25' });
    expect(figures.find((f) => f.name === 'bundle_popup_gzip_kb')).toMatchObject({ unit: 'KB', budget: '<=60' });
    expect(run.stderr).toContain('parsecount_us');
    expect(run.stderr).toMatch(/^machine: /m);
  });
});
