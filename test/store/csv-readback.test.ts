// The CSV files read back by an independent parser (papaparse, tests only) give back what is stored.
// DESIGN.md's posts header has no text column: the scraped-text cells are post_id, url and author (and post_id
// in the snapshots file), so the hostile texts go there.
import 'fake-indexeddb/auto';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postsCsv, snapshotsCsv } from '../../lib/store/export';
import { ingest } from '../../lib/store/ingest';
import type { PostmeterDatabase } from '../../lib/store/schema';
import { ex, freshStore, iv, obs } from './helpers';

const T = Date.UTC(2026, 0, 10);
let db: PostmeterDatabase;
beforeEach(async () => {
  db = await freshStore();
});
afterEach(() => db.close());

const TEXTS = [
  'plain',
  'say "hello", then "bye"',
  'a,b,,c,',
  'line one\r\nline two',
  'lone LF\nand lone CR\rhere',
  '\r\nstarts with a newline',
  'emoji 🚀👋🏽👨‍👩‍👧 and a flag 🇺🇦',
  'مرحبا بالعالم',
  'invoice_\u202Efdp.exe\u202C.txt', // RTL override
  "=cmd|' /C calc'!A0",
  '+1',
  '-1',
  '@SUM(1)',
  '=HYPERLINK("http://evil","click")',
  '\tTAB first',
  '"quoted start',
  '   spaces around   ',
];

/** What the formula guard adds: a leading apostrophe before = + - @ tab CR LF. Nothing else may differ. */
const guarded = (s: string) => (/^[=+\-@\t\r\n]/.test(s) ? `'${s}` : s);

function parse(text: string): Record<string, string>[] {
  const out = Papa.parse<Record<string, string>>(text, { header: true, newline: '\r\n', skipEmptyLines: true });
  expect(out.errors).toEqual([]);
  return out.data;
}

describe('CSV read back with papaparse', () => {
  beforeEach(async () => {
    await ingest(db, TEXTS.map((t, i) => obs(t, {
      views: ex(1000 * i), likes: ex(i), replies: i % 2 ? iv(100, 199) : ex(0),
    }, { author: t, url: `https://x.com/a/status/${i}?q=${encodeURIComponent(t)}&a="b",c` })), T);
    await ingest(db, TEXTS.map((t, i) => obs(t, { views: ex(1000 * i + 7), likes: ex(i) }, { author: t })), T + 60_000);
  });

  it.each([false, true])('posts CSV (BOM %s): every text cell equals the stored text but for the guard; numbers equal', async (bom) => {
    const rows = parse(await postsCsv(db, { bom }));
    expect(rows).toHaveLength(TEXTS.length);
    const stored = await db.getAll('posts');
    for (const post of stored) {
      const row = rows.find((r) => r.post_id === guarded(post.postId));
      expect(row, post.postId).toBeDefined();
      expect(row!.author).toBe(guarded(post.author!));
      expect(row!.url).toBe(guarded(post.url));
      expect(row!.site).toBe('x');
      expect(Number(row!.views)).toBe(post.metrics.views!.value);
      expect(Number(row!.likes)).toBe(post.metrics.likes!.value);
      expect(Number(row!.snapshots)).toBe(post.snapshots);
      expect(row!.replies).toBe(post.metrics.replies!.exact ? String(post.metrics.replies!.value) : '100..199');
      expect(new Date(row!.first_seen!).getTime()).toBe(post.firstSeen);
      expect(new Date(row!.last_seen!).getTime()).toBe(post.lastSeen);
    }
  });

  it('the guard is added only to cells that would start a formula', async () => {
    const rows = parse(await postsCsv(db));
    const changed = rows.filter((r) => !TEXTS.includes(r.author!)).map((r) => r.author);
    expect(changed).toEqual(expect.arrayContaining(["'=cmd|' /C calc'!A0", "'+1", "'-1", "'@SUM(1)", "'\tTAB first", "'\r\nstarts with a newline"]));
    expect(changed).toHaveLength(7);
  });

  it('snapshots CSV: post ids and counts come back, one row per snapshot', async () => {
    const rows = parse(await snapshotsCsv(db, { bom: true }));
    const stored = await db.getAll('snapshots');
    expect(rows).toHaveLength(stored.length);
    stored.forEach((s, i) => {
      const row = rows[i]!;
      expect(row.post_id).toBe(guarded(s.postId));
      expect(new Date(row.observed_at!).getTime()).toBe(s.observedAt);
      expect(Number(row.views)).toBe(s.metrics.views!.value);
      expect(row.reach).toBe('');
    });
  });

  it('no parsed cell starts a formula', async () => {
    for (const text of [await postsCsv(db), await snapshotsCsv(db)]) {
      for (const row of parse(text)) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r\n]/);
    }
  });
});
