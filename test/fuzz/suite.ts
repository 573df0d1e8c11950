// One vitest suite per group of fixtures (several files, so vitest fuzzes them in parallel). See ./fuzz.ts.
import { afterAll, describe, expect, it } from 'vitest';
import type { FixtureRef } from './fixtures';
import { fuzz, SCALE } from './fuzz';

export interface SuiteOptions {
  /** Mutated pages per fixture (times FUZZ_SCALE). */
  pagesEach: number;
  /** When load() returns null: the message to skip with (or, under CI=true, to fail with). */
  missing?: string;
}

export function fuzzSuite(title: string, load: () => FixtureRef[] | null, opts: SuiteOptions): void {
  const fixtures = load();
  if (!fixtures) {
    if (process.env.CI === 'true') {
      describe(title, () => {
        it('has its fixtures in CI', () => {
          throw new Error(`${opts.missing}; CI must fuzz them`);
        });
      });
    } else console.warn(`${opts.missing}: skipping ${title}`);
    return;
  }
  const pages = Math.max(1, Math.round(opts.pagesEach * SCALE));
  let total = 0;
  const started = performance.now();
  describe(title, () => {
    it('has fixtures', () => expect(fixtures.length).toBeGreaterThan(0));
    it.each(fixtures.map((f) => [f.name, f] as const))('%s', (_, f) => {
      const r = fuzz(f.make(), pages);
      total += r.pages;
      expect(r.failures, r.failures.join('\n\n')).toEqual([]);
    }, 60_000);
    afterAll(() => {
      console.log(`${title}: ${total} mutated pages in ${Math.round(performance.now() - started)} ms`);
    });
  });
}
