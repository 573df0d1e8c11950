// Shared by the bench groups that measure in the real browser: the built extension in Debian's Chromium
// (launched exactly as the browser tests launch it, test/e2e/harness.ts), pages with real IndexedDB, and
// in-page code bundled with esbuild from test/bench/pages/*.ts.
//
// In-page code: each pages/<name>.ts is bundled as an IIFE that sets `globalThis.__pmBench` to the module's
// exports, then evaluated in the page by the driver (page.evaluate(source): extension pages forbid inline
// <script>, the driver's evaluation is not subject to their CSP). callPage() then calls its exports by name.
//
// Pages:
//   - benchPage(): https://bench.localhost/, served by request routing (no network, no server), an ordinary
//     web origin with its own IndexedDB — for work that only needs the store code and a real database;
//   - extensionPage(): chrome-extension://<id>/popup.html — the extension's own origin, so the database the
//     popup reads (same origin = same IndexedDB).
// Both `npm run bench` (scripts/bench.mjs builds the extension first) and nothing else use this file.
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { launchExtension, type Extension } from '../e2e/harness';

/** The built Chromium extension (`wxt build` writes it; WXT_OUT_DIR moves it, as in test/e2e/harness.ts). */
export const builtExtensionDir = (root: string): string => join(root, process.env.WXT_OUT_DIR || '.output', 'chrome-mv3');

export const BENCH_ORIGIN = 'https://bench.localhost';
const BENCH_HTML = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body></body></html>';

export interface BenchBrowser {
  ext: Extension;
  /** A fresh tab at https://bench.localhost/ (its IndexedDB is that origin's, not the extension's). */
  benchPage(): Promise<Page>;
  /** A fresh tab at an extension page (popup.html unless told): the extension's origin and database. */
  extensionPage(path?: string): Promise<Page>;
  /** The Chromium version, for the log. */
  version: string;
  close(): Promise<void>;
}

export async function launchBenchBrowser(): Promise<BenchBrowser> {
  const ext = await launchExtension();
  try {
    await ext.context.route(`${BENCH_ORIGIN}/**`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: BENCH_HTML }),
    );
    return {
      ext,
      version: ext.context.browser()?.version() ?? 'unknown',
      async benchPage() {
        const page = await ext.context.newPage();
        await page.goto(`${BENCH_ORIGIN}/`);
        return page;
      },
      async extensionPage(path = 'popup.html') {
        const page = await ext.context.newPage();
        await page.goto(`chrome-extension://${ext.extensionId}/${path}`);
        return page;
      },
      close: () => ext.close(),
    };
  } catch (error) {
    await ext.close().catch(() => undefined);
    throw error;
  }
}

const bundles = new Map<string, Promise<string>>();

/**
 * test/bench/pages/<name>.ts as one browser script (IIFE) that sets `globalThis.__pmBench` to its exports.
 * Imports resolve as in the extension (tsconfig paths, node_modules), so the page runs the shipped store code.
 */
export function pageScript(root: string, name: string): Promise<string> {
  let cached = bundles.get(name);
  if (!cached) {
    cached = (async () => {
      const { build } = await import('esbuild');
      const out = await build({
        entryPoints: [join(root, 'test/bench/pages', `${name}.ts`)],
        bundle: true,
        write: false,
        format: 'iife',
        globalName: '__pmBench',
        platform: 'browser',
        target: 'chrome120',
        tsconfig: join(root, 'tsconfig.json'),
        minify: false,
        logLevel: 'warning',
        // page.evaluate() runs the text inside a function, where `var __pmBench` stays local: publish it.
        footer: { js: 'globalThis.__pmBench = __pmBench;' },
      });
      return out.outputFiles[0]!.text;
    })();
    bundles.set(name, cached);
  }
  return cached;
}

/** Evaluates pages/<name>.ts in the page (once per document). */
export async function injectPageScript(page: Page, root: string, name: string): Promise<void> {
  await page.evaluate(await pageScript(root, name));
}

type AnyFn = (...args: never[]) => unknown;
type FnKeys<M> = { [K in keyof M]: M[K] extends AnyFn ? K : never }[keyof M] & string;

/**
 * Calls an export of the injected page module and returns its (structured-cloned) result. M is the module's
 * type: `callPage<typeof import('./pages/ingest')>(page, 'runIngest', opts)`.
 */
export async function callPage<M, K extends FnKeys<M>>(
  page: Page,
  name: K,
  ...args: M[K] extends (...a: infer A) => unknown ? A : never
): Promise<M[K] extends (...a: never[]) => infer R ? Awaited<R> : never> {
  return page.evaluate(
    ([fn, fnArgs]) => {
      const mod = (globalThis as unknown as { __pmBench?: Record<string, (...a: unknown[]) => unknown> }).__pmBench;
      if (!mod || typeof mod[fn] !== 'function') throw new Error(`the bench page script has no export ${fn}`);
      return mod[fn](...fnArgs);
    },
    [name, args as unknown[]] as const,
  ) as never;
}

/**
 * Samples the page's JS heap (V8's used size, CDP Runtime.getHeapUsage) every `everyMs` while running
 * `work`, after a full garbage collection. Returns the work's result, the heap just before it, the peak, and
 * what is left after another full collection once the work is done (retained, as opposed to garbage).
 */
export async function withHeapSampling<T>(
  page: Page,
  work: () => Promise<T>,
  everyMs = 50,
): Promise<{ result: T; baseline: number; peak: number; retained: number; samples: number }> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  try {
    const collect = async () => {
      await cdp.send('HeapProfiler.enable');
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.disable');
    };
    await collect();
    const used = async () => (await cdp.send('Runtime.getHeapUsage')).usedSize;
    const baseline = await used();
    let peak = baseline;
    let samples = 0;
    let running = true;
    // One request at a time: a slow answer (the page is busy) delays the next sample instead of piling up.
    const sampler = (async () => {
      while (running) {
        const t0 = performance.now();
        peak = Math.max(peak, await used());
        samples++;
        const wait = everyMs - (performance.now() - t0);
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      }
    })();
    let result: T;
    try {
      result = await work();
    } finally {
      running = false;
      await sampler;
    }
    peak = Math.max(peak, await used());
    await collect();
    return { result, baseline, peak, retained: await used(), samples: samples + 1 };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** "12.3 s" */
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
/** "1.2 MB" */
export const megabytes = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;
