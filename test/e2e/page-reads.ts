// What the browser tests read back from the extension's pages: the badges' post keys on a site's page, and the
// cells of a post's row in the dashboard's table. One copy for every site's suite.
import type { Locator, Page } from 'playwright-core';

/** The post key ("site:postId") of every badge host on the page, in document order. */
export function badgeKeys(page: Page): Promise<string[]> {
  return page.locator('[data-postmeter-post]').evaluateAll((hosts) => hosts.map((h) => h.getAttribute('data-postmeter-post')!));
}

/**
 * A dashboard row's value for each of `metrics` (its cell's data-value), '' where the row has no cell for it.
 * `column` names the cell a metric is shown in, where that is another metric's column (Reddit's views).
 */
export async function rowCells<M extends string>(row: Locator, metrics: readonly M[], column: (metric: M) => string = (m) => m): Promise<Record<M, string>> {
  const out = {} as Record<M, string>;
  for (const metric of metrics) {
    const cell = row.locator(`[data-metric="${column(metric)}"]`);
    out[metric] = (await cell.count()) ? ((await cell.getAttribute('data-value')) ?? '') : '';
  }
  return out;
}
