// Every way a backup file can be wrong: each is refused with a BackupError that says what and where, and the
// database is exactly as it was (every store, keys and values, compared as text).
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setOwnAccount } from '../../lib/store/accounts';
import { BackupError, backupChunks, importBackup } from '../../lib/store/backup';
import { ingest } from '../../lib/store/ingest';
import type { PostmeterDatabase } from '../../lib/store/schema';
import { setSettings } from '../../lib/store/settings';
import { dumpText, ex, freshStore, iv, obs } from './helpers';

const T = Date.UTC(2026, 0, 10);
const H = 3_600_000;
const TEN_MB = 'a'.repeat(10 * 1024 * 1024);

let db: PostmeterDatabase;
let valid: string;
let before: string;

beforeAll(async () => {
  // The backup comes from one database; the imports go into another that already holds data.
  db = await freshStore();
  await ingest(db, [
    obs('1', { views: ex(9), likes: ex(1), followers: ex(150) }, { author: 'ann', text: 'hello' }),
    obs('2', { views: iv(2300, 2399) }, { author: 'bob' }),
    obs('r', { likes: ex(-4) }, { site: 'reddit', url: 'https://www.reddit.com/r/a/comments/r/' }),
  ], T);
  await ingest(db, [obs('1', { views: ex(12), likes: ex(1), followers: ex(151) }, { author: 'ann' })], T + H);
  await setOwnAccount(db, 'x', 'ann', true, T);
  await setSettings(db, { retentionDays: 30 });
  valid = '';
  for await (const c of backupChunks(db, { now: T + 2 * H })) valid += c;
  db.close();

  db = await freshStore();
  await ingest(db, [obs('1', { views: ex(5) }, { author: 'ann', text: 'ours' }), obs('9', { likes: ex(2) })], T - H);
  await setSettings(db, { retentionDays: 7 });
  before = await dumpText(db);
});
afterAll(() => db.close());

type Doc = {
  format: unknown; version: unknown; exportedAt: unknown;
  stores: Record<string, Record<string, any>[]> & { posts: any[]; snapshots: any[]; accounts: any[]; meta: any[] };
  [k: string]: unknown;
};
/** The valid backup, changed by `edit`, as text. */
const variant = (edit: (d: Doc) => void) => () => {
  const d = JSON.parse(valid) as Doc;
  edit(d);
  return JSON.stringify(d);
};
/** The valid backup with a piece of raw text replaced (for what JSON.stringify cannot write). */
const raw = (from: string | RegExp, to: string) => () => {
  const out = valid.replace(from, to);
  if (out === valid) throw new Error(`fixture: ${from} not found`);
  return out;
};
const MARK = '@@MARK@@';
/** The valid backup changed by `edit`, with the string MARK then replaced by raw JSON text. */
const withRaw = (edit: (d: Doc) => void, json: string) => () => variant(edit)().replace(JSON.stringify(MARK), json);
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

const CASES: [string, () => string, string][] = [
  ['an empty file', () => '', 'the file is empty'],
  ['only whitespace', () => ' \r\n\t ', 'the file is empty'],
  ['truncated JSON', () => valid.slice(0, Math.floor(valid.length / 2)), 'not valid JSON (it may be cut off'],
  ['not JSON at all', () => 'site,post_id\r\nx,1\r\n', 'not valid JSON'],
  ['a JSON array', () => '[]', 'the file holds an array, not a Postmeter backup'],
  ['a JSON number', () => '42', 'the file holds a number, not a Postmeter backup'],
  ['JSON null', () => 'null', 'the file holds null'],
  ['another app\'s file', () => JSON.stringify({ name: 'x', items: [] }), 'this is not a Postmeter backup (it has no "format" field)'],
  ['wrong format name', variant((d) => (d.format = 'tweetdeck-export')), 'its format is "tweetdeck-export", expected "postmeter-backup"'],
  ['a future version', variant((d) => (d.version = 3)), 'made by a newer Postmeter (backup version 3)'],
  ['version as text', variant((d) => (d.version = '2')), 'version is "2", expected one of 1, 2'],
  ['version 0', variant((d) => (d.version = 0)), 'version is 0'],
  ['missing version', variant((d) => delete d.version), 'the file has no "version" field'],
  ['exportedAt not a date', variant((d) => (d.exportedAt = 'yesterday')), 'exportedAt is "yesterday"'],
  ['exportedAt in the future', variant((d) => (d.exportedAt = '2999-01-01T00:00:00.000Z')), 'exportedAt is 32472144000000 (2999-01-01T00:00:00.000Z), which is in the future'],
  ['an unknown top-level field', variant((d) => (d.extra = 1)), 'the file has an unknown field "extra"'],
  ['missing store', variant((d) => delete (d.stores as Record<string, unknown>).accounts), 'stores.accounts is missing'],
  ['a store that is not a list', variant((d) => ((d.stores as Record<string, unknown>).posts = {})), 'stores.posts is an object, expected a list'],
  ['v1 backup with v2 stores', variant((d) => (d.version = 1)), 'stores has an unknown field "accounts"'],
  ['negative count', variant((d) => (d.stores.snapshots[1]!.metrics.likes = { value: -3, min: -3, max: -3, exact: true })),
    'snapshots[1].metrics.likes.value is -3 (counts cannot be negative)'],
  ['negative min only', variant((d) => (d.stores.posts[1]!.metrics.views = { value: 0, min: -3, max: 5, exact: false })),
    'posts[1].metrics.views.min is -3 (counts cannot be negative)'],
  ['fractional count', variant((d) => (d.stores.posts[1]!.metrics.likes = { value: 1.5, min: 1.5, max: 1.5, exact: true })),
    'posts[1].metrics.likes.value is 1.5 (counts are whole numbers)'],
  ['NaN-ish string count', variant((d) => (d.stores.posts[1]!.metrics.likes.value = 'NaN')),
    'posts[1].metrics.likes.value is "NaN", expected a number'],
  ['numeric string count', variant((d) => (d.stores.posts[1]!.metrics.likes.min = '1')), 'posts[1].metrics.likes.min is "1", expected a number'],
  ['1e400 (Infinity after parsing)', raw('"value":12', '"value":1e400'), 'is Infinity, expected a number'],
  ['min > max', variant((d) => (d.stores.posts[2]!.metrics.views = { value: 2300, min: 2399, max: 2300, exact: false })),
    'posts[2].metrics.views.min 2399 is greater than its max 2300'],
  ['value outside its range', variant((d) => (d.stores.posts[2]!.metrics.views.value = 9999)), 'posts[2].metrics.views.value 9999 is outside its range 2300..2399'],
  ['exact with min ≠ max', variant((d) => (d.stores.posts[2]!.metrics.views.exact = true)), 'posts[2].metrics.views is marked exact but its range is 2300..2399'],
  ['exact not a boolean', variant((d) => (d.stores.posts[2]!.metrics.views.exact = 'no')), 'posts[2].metrics.views.exact is "no", expected true or false'],
  ['a 10 MB text', variant((d) => (d.stores.posts[1]!.text = TEN_MB)), `posts[1].text is ${TEN_MB.length} characters long (at most 4000 allowed)`],
  ['a 10 MB post id', variant((d) => (d.stores.posts[1]!.postId = TEN_MB)), 'posts[1].postId is 10485760 characters long (at most 200 allowed)'],
  ['a 10 MB author', variant((d) => (d.stores.accounts[0]!.handle = TEN_MB)), 'accounts[0].handle is 10485760 characters long'],
  ['text of 4001 characters', variant((d) => (d.stores.posts[1]!.text = 'x'.repeat(4001))), 'posts[1].text is 4001 characters long'],
  ['missing firstSeen', variant((d) => delete d.stores.posts[1]!.firstSeen), 'posts[1].firstSeen is missing'],
  ['missing metrics', variant((d) => delete d.stores.snapshots[0]!.metrics), 'snapshots[0].metrics is missing'],
  ['missing count field', variant((d) => delete d.stores.posts[1]!.metrics.likes.exact), 'posts[1].metrics.likes.exact is missing'],
  ['__proto__ in a post', raw('{"site":"x","postId":"1",', '{"__proto__":{"polluted":true},"site":"x","postId":"1",'),
    'has a field named "__proto__", which is never allowed'],
  ['__proto__ in metrics', raw('"metrics":{', '"metrics":{"__proto__":{"value":1,"min":1,"max":1,"exact":true},'),
    'has a field named "__proto__", which is never allowed'],
  ['constructor at the top', raw('{"format"', '{"constructor":{"prototype":{}},"format"'), 'the file has a field named "constructor"'],
  ['prototype in a count', raw('"exact":true}', '"exact":true,"prototype":1}'), 'has a field named "prototype"'],
  ['duplicate post', variant((d) => d.stores.posts.push({ ...d.stores.posts[1]! })), 'posts[3] is post "x:1" again (already posts[1])'],
  ['duplicate snapshot', variant((d) => d.stores.snapshots.push({ ...d.stores.snapshots[0]! })), `repeats snapshots[0] (post "x:1" at ${new Date(T).toISOString()})`],
  ['duplicate account', variant((d) => d.stores.accounts.push({ ...d.stores.accounts[0]! })), 'accounts[1] is account "x:ann" again'],
  ['duplicate meta key', variant((d) => d.stores.meta.push({ ...d.stores.meta[0]! })), 'again (already meta[0])'],
  ['snapshot of a post not in the backup', variant((d) => (d.stores.snapshots[0]!.postId = 'ghost')), 'snapshots[0] belongs to post "x:ghost", which is not in posts'],
  ['date before 2004', variant((d) => (d.stores.posts[1]!.firstSeen = Date.UTC(1999, 0, 1))), 'posts[1].firstSeen is 915148800000 (1999-01-01T00:00:00.000Z), before 2004-01-01'],
  ['date far in the future', variant((d) => (d.stores.snapshots[0]!.observedAt = Date.UTC(2100, 0, 1))), 'snapshots[0].observedAt is 4102444800000 (2100-01-01T00:00:00.000Z), which is in the future'],
  ['a time as text', variant((d) => (d.stores.posts[1]!.lastSeen = '2026-01-10')), 'posts[1].lastSeen is "2026-01-10", expected a time in milliseconds'],
  ['firstSeen after lastSeen', variant((d) => (d.stores.posts[1]!.firstSeen = d.stores.posts[1]!.lastSeen + 1)), 'posts[1].firstSeen is after its lastSeen'],
  ['RTL override in a bad value is shown escaped', variant((d) => (d.stores.posts[1]!.site = 'x\u202Eevil')), 'posts[1].site is "x\\u202eevil", which is not a site'],
  ['unknown site', variant((d) => (d.stores.posts[1]!.site = 'myspace')), 'posts[1].site is "myspace", which is not a site Postmeter knows'],
  ['unknown metric', variant((d) => (d.stores.snapshots[0]!.metrics.retweets = ex(1))), 'snapshots[0].metrics has an unknown metric "retweets"'],
  ['unknown post field', variant((d) => (d.stores.posts[1]!.html = '<b>')), 'posts[1] has an unknown field "html"'],
  ['javascript: url', variant((d) => (d.stores.posts[1]!.url = 'javascript:alert(1)')), 'posts[1].url is "javascript:alert(1)" (only http and https addresses are allowed)'],
  ['a url that is not one', variant((d) => (d.stores.posts[1]!.url = 'not a url')), 'posts[1].url is "not a url", which is not a web address'],
  ['array where an object is expected', variant((d) => (d.stores.posts[1]!.metrics = [])), 'posts[1].metrics is an array, expected an object'],
  ['null row', variant((d) => (d.stores.snapshots[0] = null as never)), 'snapshots[0] is null, expected an object'],
  ['huge nesting in a row', withRaw((d) => (d.stores.posts[1]!.metrics = MARK), nested(100_000)), 'posts[1].metrics is an array, expected an object'],
  ['huge nesting as the whole file', () => nested(1_000_000), 'the file holds an array'],
  ['negative snapshots count', variant((d) => (d.stores.posts[1]!.snapshots = -1)), 'posts[1].snapshots is -1 (allowed: 0 to 1000000000)'],
  ['promoted not a boolean', variant((d) => (d.stores.posts[2]!.promoted = 'yes')), 'posts[2].promoted is "yes", expected true or false'],
  ['empty author', variant((d) => (d.stores.posts[1]!.author = '')), 'posts[1].author is empty'],
  ['followers not a list', variant((d) => (d.stores.accounts[0]!.followers = {})), 'accounts[0].followers is an object, expected a list'],
  ['negative followers', variant((d) => (d.stores.accounts[0]!.followers[0].count = ex(-1))), 'accounts[0].followers[0].count.value is -1 (counts cannot be negative)'],
  ['own not a boolean', variant((d) => (d.stores.accounts[0]!.own = 1)), 'accounts[0].own is 1, expected true or false'],
  ['unknown meta row', variant((d) => d.stores.meta.push({ key: 'evil', value: {} })), 'meta[2].key is "evil", which Postmeter does not know'],
  ['invalid settings', variant((d) => (d.stores.meta.find((m) => m.key === 'settings')!.value.retentionDays = -1)), '.value.retentionDays is -1 (allowed: 1 to 36500)'],
  ['settings with an unknown field', variant((d) => (d.stores.meta.find((m) => m.key === 'settings')!.value.sync = 'https://evil')), '.value has an unknown field "sync"'],
  ['schema row from the future', variant((d) => (d.stores.meta.find((m) => m.key === 'schema')!.value.version = 9)), '.value.version is 9 (allowed: 1 to 3)'],
];

describe('malformed backups are refused and change nothing', () => {
  it(`has at least 20 cases (${CASES.length})`, () => expect(CASES.length).toBeGreaterThanOrEqual(20));

  it.each(CASES)('%s', async (_name, make, message) => {
    const text = make();
    const err = await importBackup(db, text).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackupError);
    expect((err as BackupError).message).toMatch(/^Backup refused: .+\. Nothing was imported\.$/s);
    expect((err as BackupError).message).toContain(message);
    expect((err as BackupError).message.length).toBeLessThan(400); // never echoes a 10 MB value
    expect(await dumpText(db)).toBe(before);
  });

  it('names what and where, in words a user understands', async () => {
    const text = variant((d) => (d.stores.snapshots[3]!.metrics.likes.min = -3))();
    await expect(importBackup(db, text)).rejects.toThrow(
      'Backup refused: snapshots[3].metrics.likes.min is -3 (counts cannot be negative). Nothing was imported.',
    );
  });

  it('refuses a file over the size limit before reading it', async () => {
    await expect(importBackup(db, valid, { maxBytes: 1000 })).rejects.toThrow(/^Backup refused: the file is \d+ kB, more than the 1 kB a backup may be\. Nothing was imported\.$/);
    expect(await dumpText(db)).toBe(before);
  });

  it('the unchanged valid file is accepted (the cases above fail for their own reason)', async () => {
    // Into a throwaway copy: a fresh database.
    const other = await freshStore();
    await expect(importBackup(other, valid)).resolves.toMatchObject({ postsAdded: 3 });
    // A Reddit score below zero is a count that may be negative.
    expect((await other.get('posts', ['reddit', 'r']))?.metrics.likes).toEqual(ex(-4));
    other.close();
  });

  it('no prototype was polluted along the way', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
