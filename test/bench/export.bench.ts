// The snapshots CSV export of 1M snapshots, in headless Chromium with real IndexedDB (issue 9):
//   - export_rows_per_s: rows/s of the shipped export — snapshotsCsvChunks drained by lib/blob.ts chunksToBlob
//     (~1 MB Blob parts, the file one Blob of those parts), as the dashboard's "Export snapshots CSV" runs it
//     minus the download — timed in the page from the first read to the finished Blob;
//   - export_heap_ratio: peak JS heap during that export (V8 used size, CDP Runtime.getHeapUsage every 50 ms,
//     after a full GC; the heap before the export subtracted) ÷ the CSV's size in bytes. Budget ≤ 0.25;
//   - export_vs_papaparse: export rows/s ÷ rows/s of papaparse's unparse() on the same rows already held in
//     memory as arrays of cells (only unparse is timed: the rows are built from the seeding's generator and
//     flattened beforehand, which flatters papaparse). Budget ≥ 1. Same header, CRLF and formula guard on both
//     sides, and the two CSVs must come out the same size;
//   - export_idb_read_rows_per_s (no budget): rows/s of only reading rows from IndexedDB, the way the export
//     reads a range no CSV record holds (a cursor per page in its own transaction), over the first 200k — what an
//     export of rows stored before schema v3 cannot beat.
// The database (https://bench.localhost's own) is seeded first, 10k rows per transaction, with the CSV text
// ingest keeps beside them (lib/store/snapshot-csv.ts: records of 500 rows), not timed. Each side
// runs in a fresh tab, so one side's garbage is not in the other's heap; with more than one round the sides
// alternate and each side's median is taken.
import { callPage, injectPageScript, launchBenchBrowser, megabytes, seconds, withHeapSampling } from './browser';
import { figure, median, type BenchGroup } from './harness';
import type * as ExportPage from './pages/export';

type P = typeof ExportPage;
const NAME = 'postmeter-bench-export';
/** Snapshots per post in the seeded database. */
const PER_POST = 20;
/** Reading alone (no budget) is timed over this many rows: the rate is flat, and all 1M would add half a minute. */
const READ_SAMPLE = 200_000;

const exportGroup: BenchGroup = async (ctx) => {
  const { count, rounds } = ctx.quick ? { count: 20_000, rounds: 1 } : { count: 1_000_000, rounds: 1 };
  const readSample = Math.min(count, READ_SAMPLE);
  const browser = await launchBenchBrowser();
  try {
    ctx.log(`Chromium ${browser.version}; ${count} snapshots`);
    {
      const page = await browser.benchPage();
      await injectPageScript(page, ctx.root, 'export');
      const s = await callPage<P, 'seedSnapshots'>(page, 'seedSnapshots', { name: NAME, count, perPost: PER_POST, rowsPerTx: 10_000 });
      await page.close();
      ctx.log(`seeded ${s.snapshots} snapshots in ${seconds(s.ms)} (${((s.snapshots / s.ms) * 1000).toFixed(0)} rows/s, not timed)`);
      if (s.snapshots !== count) throw new Error(`seeding stored ${s.snapshots} snapshots, expected ${count}`);
      if (s.textRows !== count) throw new Error(`seeding kept CSV text for ${s.textRows} snapshots, expected ${count}`);
    }

    const exportRates: number[] = [];
    const heapRatios: number[] = [];
    const papaRates: number[] = [];
    const readRates: number[] = [];
    let csvBytes = 0;
    let papaChars = 0;
    let peakBytes = 0;
    const runExport = async () => {
      const page = await browser.benchPage();
      try {
        await injectPageScript(page, ctx.root, 'export');
        const { result, baseline, peak, retained, samples } = await withHeapSampling(page, () =>
          callPage<P, 'exportToBlob'>(page, 'exportToBlob', { name: NAME }),
        );
        const check = await callPage<P, 'inspectExport'>(page, 'inspectExport');
        if (check.lines !== count + 1) throw new Error(`the export has ${check.lines} lines, expected ${count} rows and a header`);
        const rate = (count / result.ms) * 1000;
        const grew = peak - baseline;
        exportRates.push(rate);
        heapRatios.push(grew / result.bytes);
        csvBytes = result.bytes;
        peakBytes = Math.max(peakBytes, grew);
        ctx.log(
          `export: ${count} rows, ${megabytes(result.bytes)} in ${result.chunks} chunks, ${seconds(result.ms)} → ${rate.toFixed(0)} rows/s; ` +
            `heap ${megabytes(baseline)} before, peak +${megabytes(grew)} (${samples} samples) → ${(grew / result.bytes).toFixed(3)} of the CSV; ` +
            `${megabytes(retained - baseline)} left after a full GC (the rest of the peak was garbage not yet collected)`,
        );
        return check.header;
      } finally {
        await page.close();
      }
    };
    const runPapa = async () => {
      const page = await browser.benchPage();
      try {
        await injectPageScript(page, ctx.root, 'export');
        const read = await callPage<P, 'readOnly'>(page, 'readOnly', { name: NAME, limit: readSample });
        if (read.rows < Math.min(count, readSample)) throw new Error(`read ${read.rows} rows, expected ${Math.min(count, readSample)}`);
        readRates.push((read.rows / read.ms) * 1000);
        const held = await callPage<P, 'holdRows'>(page, 'holdRows', { count, perPost: PER_POST });
        if (held.rows !== count) throw new Error(`held ${held.rows} rows for papaparse, expected ${count}`);
        const p = await callPage<P, 'papaUnparse'>(page, 'papaUnparse');
        const rate = (p.rows / p.ms) * 1000;
        papaRates.push(rate);
        ctx.log(
          `reading alone (a cursor per page of ${read.pageSize}, as the export reads), the first ${read.rows} rows: ${seconds(read.ms)} → ${((read.rows / read.ms) * 1000).toFixed(0)} rows/s`,
        );
        ctx.log(
          `papaparse: the same rows built into memory in ${seconds(held.ms)} (not timed); ` +
            `unparse ${megabytes(p.chars)} of text in ${seconds(p.ms)} → ${rate.toFixed(0)} rows/s`,
        );
        papaChars = p.chars;
        return p.header;
      } finally {
        await page.close();
      }
    };
    for (let r = 0; r < rounds; r++) {
      let ours: string;
      let theirs: string;
      if (r % 2 === 0) {
        ours = await runExport();
        theirs = await runPapa();
      } else {
        theirs = await runPapa();
        ours = await runExport();
      }
      if (ours !== theirs) throw new Error(`the two CSVs have different headers:\n  ${ours}\n  ${theirs}`);
      // All ASCII, so characters = bytes: the same rows on both sides give the same size, but for the CRLF the
      // export ends its last line with and papaparse does not.
      if (papaChars + 2 !== csvBytes) throw new Error(`papaparse wrote ${papaChars} characters, the export ${csvBytes} bytes: not the same rows`);
    }

    const exportRate = median(exportRates);
    return [
      figure('export_rows_per_s', exportRate, 'rows/s'),
      figure('export_heap_ratio', Math.max(...heapRatios), 'x', { op: '<=', limit: 0.25 }),
      figure('export_peak_heap_mb', peakBytes / 1e6, 'MB'),
      figure('export_csv_mb', csvBytes / 1e6, 'MB'),
      figure('papaparse_rows_per_s', median(papaRates), 'rows/s'),
      figure('export_vs_papaparse', exportRate / median(papaRates), 'x', { op: '>=', limit: 1 }),
      // Reading the rows alone (the same pages, nothing formatted): the ceiling for any export from this store.
      figure('export_idb_read_rows_per_s', median(readRates), 'rows/s'),
    ];
  } finally {
    await browser.close();
  }
};

export default exportGroup;
