#!/usr/bin/env node
// `npm run bench [-- <filter>…]`: every figure group in test/bench/*.bench.ts, one JSON line per figure on stdout:
//   {"name":"parsecount_us","value":0.41,"unit":"us","budget":"<2","pass":true}
// Everything for people (progress, timings, the summary table) goes to stderr, so `npm run bench --silent > f.jsonl`
// keeps only the figures. Exit code 1 when a figure misses its budget or a group fails to run.
//
// How: esbuild bundles each group (TypeScript, no transpile step in Node) into node_modules/.cache/postmeter-bench/
// (inside the project, so the bundles' bare imports resolve to node_modules), then each group runs in its own
// Node process (`--child`), which prints its figures as JSON lines; this parent checks and re-prints them.
// A <filter> keeps the groups whose file name contains it (e.g. `npm run bench -- parsecount`).
// `--quick`: tiny inputs, no warm-up: checks that every group runs (test/bench/bench.test.ts); its figures mean
// nothing, so only a group that fails to run makes the exit code non-zero.
// Groups that drive the built extension in Chromium (they import test/bench/browser.ts) need a fresh build:
// when any selected group does, `wxt build` runs once first; `--no-build` skips it (use the .output/ there is).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BENCH_DIR = join(ROOT, 'test/bench');
const FIGURE_KEYS = ['name', 'value', 'unit', 'budget', 'pass'];

const log = (...args) => console.error(...args);

/** A group that imports ./browser launches Chromium with the built extension. */
const needsBrowser = (file) => /from\s+['"]\.\/browser['"]/.test(readFileSync(join(BENCH_DIR, file), 'utf8'));

/** The machine the figures come from, and how busy it is (load average over 1, 5 and 15 minutes). */
function machineLine() {
  const cpus = os.cpus();
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  const gb = (b) => (b / 2 ** 30).toFixed(1);
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${gb(os.freemem())}/${gb(os.totalmem())} GB free, load ${load}`;
}

/**
 * esbuild puts every module in one file under node_modules/.cache, so `import.meta.dirname` (and .filename,
 * .url) would name the bundle's folder. Modules that find files next to themselves (test/e2e/harness.ts finds
 * the repo and .output/ that way) get their own source location back.
 */
const keepImportMeta = {
  name: 'keep-import-meta',
  setup(b) {
    b.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, (args) => {
      if (args.path.includes('/node_modules/')) return undefined;
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.')) return undefined;
      const ext = args.path.split('.').pop();
      const loader = ext === 'tsx' ? 'tsx' : ext.endsWith('ts') ? 'ts' : ext === 'jsx' ? 'jsx' : 'js';
      return {
        loader,
        contents: text
          .replace(/\bimport\.meta\.dirname\b/g, JSON.stringify(dirname(args.path)))
          .replace(/\bimport\.meta\.filename\b/g, JSON.stringify(args.path))
          .replace(/\bimport\.meta\.url\b/g, JSON.stringify(pathToFileURL(args.path).href)),
      };
    });
  },
};

/** `wxt build` (the extension the browser groups load). Its output goes to stderr. */
function buildExtension() {
  log('building the extension (wxt build)…');
  const t0 = performance.now();
  const run = spawnSync(join(ROOT, 'node_modules/.bin/wxt'), ['build'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (run.status !== 0) throw new Error(`wxt build failed (${run.error?.message ?? `exit ${run.status}`}): no browser figures`);
  log(`built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

function isFigure(f) {
  return (
    f !== null &&
    typeof f === 'object' &&
    Object.keys(f).join() === FIGURE_KEYS.join() &&
    typeof f.name === 'string' &&
    typeof f.value === 'number' &&
    typeof f.unit === 'string' &&
    (f.budget === null || typeof f.budget === 'string') &&
    (f.pass === null || typeof f.pass === 'boolean') &&
    (f.budget === null) === (f.pass === null)
  );
}

// ── child: run one bundled group, print its figures ─────────────────────────────────────────────────────────
async function child(bundle) {
  // stdout carries figures only: anything a library logs goes to stderr.
  console.log = console.error;
  console.info = console.error;
  console.debug = console.error;
  const mod = await import(pathToFileURL(bundle).href);
  const group = mod.default;
  if (typeof group !== 'function') throw new Error(`${bundle}: no default export (a BenchGroup)`);
  const figures = await group({ root: ROOT, quick: process.env.POSTMETER_BENCH_QUICK === '1', log: (m) => log(`  ${m}`) });
  if (!Array.isArray(figures) || figures.length === 0) throw new Error('the group returned no figures');
  for (const f of figures) {
    if (!isFigure(f)) throw new Error(`not a figure: ${JSON.stringify(f)}`);
    process.stdout.write(JSON.stringify(f) + '\n');
  }
}

// ── parent: bundle, run each group, check, summarise ────────────────────────────────────────────────────────
function runChild(bundle, quick) {
  return new Promise((resolvePromise) => {
    const proc = spawn(process.execPath, ['--enable-source-maps', fileURLToPath(import.meta.url), '--child', bundle], {
      cwd: ROOT,
      env: { ...process.env, POSTMETER_BENCH_QUICK: quick ? '1' : '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const figures = [];
    const lines = createInterface({ input: proc.stdout });
    lines.on('line', (line) => {
      let f;
      try {
        f = JSON.parse(line);
      } catch {
        f = undefined;
      }
      if (isFigure(f)) {
        figures.push(f);
        process.stdout.write(JSON.stringify(f) + '\n');
      } else if (line.trim()) {
        log(`  (not a figure, moved to stderr) ${line}`);
      }
    });
    proc.on('close', (code, signal) => resolvePromise({ code: code ?? 1, signal, figures }));
  });
}

async function parent(args) {
  const quick = args.includes('--quick');
  const noBuild = args.includes('--no-build');
  const filters = args.filter((a) => !a.startsWith('--'));
  const files = readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => filters.length === 0 || filters.some((q) => f.includes(q)))
    .sort();
  if (files.length === 0) {
    log(`No bench groups in test/bench/ match ${filters.join(', ') || '*.bench.ts'}.`);
    return 1;
  }

  const outdir = join(ROOT, 'node_modules/.cache/postmeter-bench', String(process.pid));
  mkdirSync(outdir, { recursive: true });
  const started = performance.now();
  try {
    log(`node ${process.version}, ${process.platform}/${process.arch}${quick ? ' (--quick: figures are not measurements)' : ''}`);
    log(`machine: ${machineLine()}`);
    if (!noBuild && files.some(needsBrowser)) buildExtension();
    const { build } = await import('esbuild');
    await build({
      entryPoints: files.map((f) => join(BENCH_DIR, f)),
      outdir,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      tsconfig: join(ROOT, 'tsconfig.json'),
      sourcemap: 'inline',
      logLevel: 'warning',
      plugins: [keepImportMeta],
    });

    const all = [];
    let failed = 0;
    for (const f of files) {
      const bundle = join(outdir, basename(f, '.ts') + '.mjs');
      log(`▶ ${f}`);
      const t0 = performance.now();
      const { code, signal, figures } = await runChild(bundle, quick);
      all.push(...figures);
      if (code !== 0 || figures.length === 0) {
        failed++;
        log(`✗ ${f} failed (${signal ? `signal ${signal}` : `exit ${code}`}, ${figures.length} figures)`);
      } else {
        log(`✓ ${f} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
      }
    }

    const width = Math.max(...all.map((f) => f.name.length), 4);
    log('');
    log(`${'name'.padEnd(width)}  ${'value'.padStart(10)}  unit  budget   result`);
    for (const f of all) {
      const result = f.pass === null ? '' : f.pass ? 'pass' : 'FAIL';
      log(`${f.name.padEnd(width)}  ${String(f.value).padStart(10)}  ${f.unit.padEnd(4)}  ${(f.budget ?? '—').padEnd(7)}  ${result}`);
    }
    const missed = all.filter((f) => f.pass === false);
    log(
      `\n${all.length} figures, ${missed.length} over budget, ${failed} group${failed === 1 ? '' : 's'} failed ` +
        `(${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
    log(`machine after the run: ${machineLine()}`);
    return failed > 0 || (missed.length > 0 && !quick) ? 1 : 0;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

const argv = process.argv.slice(2);
if (argv[0] === '--child') {
  // Exit explicitly: a group that leaves a handle open (a timer in a DOM library) must not hang the bench.
  // stdout to a pipe is synchronous on POSIX, so every figure line is out before the exit.
  child(argv[1]).then(
    () => process.exit(0),
    (err) => {
      log(err?.stack ?? String(err));
      process.exit(1);
    },
  );
} else {
  parent(argv).then(
    (code) => process.exit(code),
    (err) => {
      log(err?.stack ?? String(err));
      process.exit(1);
    },
  );
}
