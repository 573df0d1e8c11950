// Accessibility and "nothing leaves the machine" checks for the extension's own pages (popup, dashboard,
// options). axe-core is evaluated into the page through the driver: extension pages' CSP forbids inline scripts
// (reference/stack.md, "Verified on this project's machines").
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect } from 'vitest';
import type { BrowserContext, Page, Request } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact?: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}
declare const axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> };

/** Serious and critical axe violations on the page as it is now, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object'))) await page.evaluate(AXE_SOURCE);
  const { violations } = await page.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

/**
 * No serious or critical axe violation in the light and the dark scheme (prefers-color-scheme emulated; the
 * page restyles itself without a reload). Leaves the page in the light scheme.
 */
export async function expectAccessible(page: Page, what = page.url()): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    // Give styles a frame to apply before axe measures contrast.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await seriousViolations(page), `${what} in the ${colorScheme} scheme`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

const LOCAL = /^(chrome-extension|data|blob|about|chrome):/;

function fromExtension(request: Request): boolean {
  if (request.serviceWorker()) return true;
  try {
    return request.frame().url().startsWith('chrome-extension://');
  } catch {
    return false; // a request with no frame (a worker of a web page): not ours
  }
}

/**
 * Counts requests made by the extension's pages and service worker to anything not inside the extension
 * (http, https, ws…). Fixture pages' own requests (served under the real hostnames) are not counted.
 */
export function countExternalRequests(context: BrowserContext): { count(): number; urls(): string[] } {
  const seen: string[] = [];
  context.on('request', (request) => {
    if (!LOCAL.test(request.url()) && fromExtension(request)) seen.push(request.url());
  });
  return { count: () => seen.length, urls: () => [...seen] };
}
