// Reading a backup file: parse and check ALL of it before anything is written. A file we did not write (or
// one edited, cut off or hostile) is refused with a sentence that says what is wrong and where.
// Field rules are lib/fields.ts's, the same ones that guard observation messages from content scripts.
import type { Count } from '../count';
import {
  LIMITS, OBSERVATION_KEYS, countProblem, integerProblem, metricsProblem, objectProblem, observationProblem,
  show, siteProblem, stringProblem, timeProblem, typeName, type Problem,
} from '../fields';
import { METRICS, type Metrics, type PostObservation, type SiteId } from '../types';
import { DB_VERSION, type AccountRow, type PostRow, type Settings, type SnapshotRow } from './schema';
import { normaliseSettings, settingsProblem } from './settings';

export const BACKUP_FORMAT = 'postmeter-backup';
/**
 * The backup format's version: the schema version whose stores it holds. Schema 3 added only derived data (the
 * snapshots' CSV text), which a backup leaves out, so backups are still version 2. Older ones are still read.
 */
export const BACKUP_VERSION = 2;
const READABLE_VERSIONS = [1, 2];
export const DEFAULT_MAX_BACKUP_BYTES = 200 * 1024 * 1024;

/** A backup that cannot be imported. `message` is for the user; `detail` is the part that says what and where. */
export class BackupError extends Error {
  override name = 'BackupError';
  readonly detail: string;
  constructor(detail: string, options?: { cause?: unknown }) {
    super(`Backup refused: ${detail}. Nothing was imported.`, options);
    this.detail = detail;
  }
}

/** A checked backup: fresh objects built field by field, never the parsed ones. */
export interface ValidBackup {
  version: number;
  exportedAt: number;
  posts: PostRow[];
  snapshots: SnapshotRow[];
  accounts: AccountRow[];
  /** Absent in v1 backups and when the backup had no settings row. */
  settings?: Settings;
}

export interface ParseOptions {
  /** Refuse files longer than this (default 200 MB; measured in characters, ≤ the file's UTF-8 bytes). */
  maxBytes?: number;
  /** "Now" for the future-date check. */
  now?: number;
}

const TOP_KEYS: ReadonlySet<string> = new Set(['format', 'version', 'exportedAt', 'stores']);
const STORES_BY_VERSION: Record<number, readonly string[]> = {
  1: ['posts', 'snapshots'],
  2: ['posts', 'snapshots', 'accounts', 'meta'],
};
const POST_KEYS: ReadonlySet<string> = new Set([...OBSERVATION_KEYS, 'firstSeen', 'lastSeen', 'snapshots']);
const SNAPSHOT_KEYS = ['site', 'postId', 'observedAt', 'metrics'] as const;
const ACCOUNT_KEYS = ['site', 'handle', 'own', 'followers', 'firstSeen', 'lastSeen'] as const;
const READING_KEYS = ['observedAt', 'count'] as const;
const META_KEYS = ['key', 'value'] as const;
const SCHEMA_KEYS = ['version', 'migratedAt'] as const;
/** No post has been seen a billion times more than once. */
const MAX_SNAPSHOTS_PER_POST = 1e9;

const fail = (p: Problem): void => {
  if (p) throw new BackupError(p);
};

/** Parse and check a whole backup file; throws BackupError at the first problem. */
export function parseBackup(text: string, opts: ParseOptions = {}): ValidBackup {
  const { maxBytes = DEFAULT_MAX_BACKUP_BYTES, now = Date.now() } = opts;
  if (typeof text !== 'string') throw new BackupError(`the file could not be read as text (got ${typeName(text)})`);
  if (text.length > maxBytes) {
    throw new BackupError(`the file is ${mb(text.length)}, more than the ${mb(maxBytes)} a backup may be`);
  }
  // Editors on Windows like to add a byte-order mark; it is not part of the JSON.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new BackupError('the file is empty');

  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (err) {
    const why = err instanceof RangeError ? 'it is nested too deeply' : 'it may be cut off, or not a backup at all';
    throw new BackupError(`the file is not valid JSON (${why}: ${(err as Error).message})`, { cause: err });
  }
  return checkDocument(doc, now);
}

function checkDocument(doc: unknown, now: number): ValidBackup {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new BackupError(`the file holds ${typeName(doc)}, not a Postmeter backup`);
  }
  const top = doc as Record<string, unknown>;
  // The format first: a foreign file should be called foreign, not "has an unknown field".
  if (top.format !== BACKUP_FORMAT) {
    throw new BackupError(
      top.format === undefined
        ? 'this is not a Postmeter backup (it has no "format" field)'
        : `this is not a Postmeter backup (its format is ${show(top.format)}, expected "${BACKUP_FORMAT}")`,
    );
  }
  for (const key of ['version', 'exportedAt', 'stores']) {
    if (!Object.hasOwn(top, key)) throw new BackupError(`the file has no "${key}" field`);
  }
  fail(objectProblem(top, 'the file', TOP_KEYS));
  const version = top.version;
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION) {
    throw new BackupError(`it was made by a newer Postmeter (backup version ${version}); update Postmeter to import it`);
  }
  if (typeof version !== 'number' || !READABLE_VERSIONS.includes(version)) {
    throw new BackupError(`version is ${show(version)}, expected one of ${READABLE_VERSIONS.join(', ')}`);
  }
  const exportedAt = typeof top.exportedAt === 'string' ? Date.parse(top.exportedAt) : NaN;
  if (typeof top.exportedAt !== 'string' || !ISO.test(top.exportedAt) || Number.isNaN(exportedAt)) {
    throw new BackupError(`exportedAt is ${show(top.exportedAt)}, expected a date like "2026-01-31T12:00:00.000Z"`);
  }
  fail(timeProblem(exportedAt, 'exportedAt', now));

  const names = STORES_BY_VERSION[version]!;
  fail(objectProblem(top.stores, 'stores', new Set(names), names));
  const stores = top.stores as Record<string, unknown>;
  for (const name of names) {
    if (!Array.isArray(stores[name])) throw new BackupError(`stores.${name} is ${typeName(stores[name])}, expected a list`);
  }

  const posts = checkPosts(stores.posts as unknown[], now);
  const snapshots = checkSnapshots(stores.snapshots as unknown[], posts, now);
  const accounts = version >= 2 ? checkAccounts(stores.accounts as unknown[], now) : [];
  const settings = version >= 2 ? checkMeta(stores.meta as unknown[], now) : undefined;
  const out: ValidBackup = { version, exportedAt, posts: [...posts.values()], snapshots, accounts };
  if (settings) out.settings = settings;
  return out;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const mb = (n: number) =>
  n < 1024 * 1024 ? `${Math.ceil(n / 1024)} kB` : `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
const keyOf = (site: string, postId: string) => `${site}:${postId}`;

function checkPosts(rows: unknown[], now: number): Map<string, PostRow> {
  const out = new Map<string, PostRow>();
  const indexOf = new Map<string, number>();
  rows.forEach((v, i) => {
    const where = `posts[${i}]`;
    fail(observationProblem(v, where, now, POST_KEYS));
    fail(objectProblem(v, where, POST_KEYS, ['firstSeen', 'lastSeen', 'snapshots']));
    const o = v as Record<string, unknown>;
    fail(timeProblem(o.firstSeen, `${where}.firstSeen`, now));
    fail(timeProblem(o.lastSeen, `${where}.lastSeen`, now));
    fail(integerProblem(o.snapshots, `${where}.snapshots`, 0, MAX_SNAPSHOTS_PER_POST));
    if ((o.firstSeen as number) > (o.lastSeen as number)) fail(`${where}.firstSeen is after its lastSeen`);
    const row: PostRow = {
      ...copyObservation(o),
      firstSeen: o.firstSeen as number,
      lastSeen: o.lastSeen as number,
      snapshots: o.snapshots as number,
    };
    const key = keyOf(row.site, row.postId);
    const first = indexOf.get(key);
    if (first !== undefined) fail(`${where} is post ${show(key)} again (already posts[${first}])`);
    indexOf.set(key, i);
    out.set(key, row);
  });
  return out;
}

function checkSnapshots(rows: unknown[], posts: ReadonlyMap<string, PostRow>, now: number): SnapshotRow[] {
  const seen = new Map<string, number>();
  return rows.map((v, i) => {
    const where = `snapshots[${i}]`;
    fail(objectProblem(v, where, new Set(SNAPSHOT_KEYS), SNAPSHOT_KEYS));
    const o = v as Record<string, unknown>;
    fail(siteProblem(o.site, `${where}.site`));
    fail(stringProblem(o.postId, `${where}.postId`, LIMITS.postId));
    fail(timeProblem(o.observedAt, `${where}.observedAt`, now));
    fail(metricsProblem(o.metrics, `${where}.metrics`, o.site as string));
    const site = o.site as SiteId;
    const postId = o.postId as string;
    const observedAt = o.observedAt as number;
    const post = keyOf(site, postId);
    if (!posts.has(post)) fail(`${where} belongs to post ${show(post)}, which is not in posts`);
    const id = `${post}@${observedAt}`;
    const first = seen.get(id);
    if (first !== undefined) {
      fail(`${where} repeats snapshots[${first}] (post ${show(post)} at ${new Date(observedAt).toISOString()})`);
    }
    seen.set(id, i);
    return { site, postId, observedAt, metrics: copyMetrics(o.metrics as Record<string, unknown>) };
  });
}

function checkAccounts(rows: unknown[], now: number): AccountRow[] {
  const seen = new Map<string, number>();
  return rows.map((v, i) => {
    const where = `accounts[${i}]`;
    fail(objectProblem(v, where, new Set(ACCOUNT_KEYS), ACCOUNT_KEYS));
    const o = v as Record<string, unknown>;
    fail(siteProblem(o.site, `${where}.site`));
    fail(stringProblem(o.handle, `${where}.handle`, LIMITS.author));
    if (typeof o.own !== 'boolean') fail(`${where}.own is ${show(o.own)}, expected true or false`);
    fail(timeProblem(o.firstSeen, `${where}.firstSeen`, now));
    fail(timeProblem(o.lastSeen, `${where}.lastSeen`, now));
    if ((o.firstSeen as number) > (o.lastSeen as number)) fail(`${where}.firstSeen is after its lastSeen`);
    if (!Array.isArray(o.followers)) fail(`${where}.followers is ${typeName(o.followers)}, expected a list`);
    const site = o.site as SiteId;
    const followers = (o.followers as unknown[]).map((r, j) => {
      const at = `${where}.followers[${j}]`;
      fail(objectProblem(r, at, new Set(READING_KEYS), READING_KEYS));
      const reading = r as Record<string, unknown>;
      fail(timeProblem(reading.observedAt, `${at}.observedAt`, now));
      fail(countProblem(reading.count, `${at}.count`, site, 'followers'));
      return { observedAt: reading.observedAt as number, count: copyCount(reading.count as Count) };
    });
    const key = keyOf(site, o.handle as string);
    const first = seen.get(key);
    if (first !== undefined) fail(`${where} is account ${show(key)} again (already accounts[${first}])`);
    seen.set(key, i);
    return {
      site,
      handle: o.handle as string,
      own: o.own as boolean,
      followers,
      firstSeen: o.firstSeen as number,
      lastSeen: o.lastSeen as number,
    };
  });
}

/** Meta rows: settings (returned) and the schema row (checked, then left out: it describes the other database). */
function checkMeta(rows: unknown[], now: number): Settings | undefined {
  let settings: Settings | undefined;
  const seen = new Map<string, number>();
  rows.forEach((v, i) => {
    const where = `meta[${i}]`;
    fail(objectProblem(v, where, new Set(META_KEYS), META_KEYS));
    const { key, value } = v as Record<string, unknown>;
    if (typeof key === 'string' && seen.has(key)) fail(`${where} is ${show(key)} again (already meta[${seen.get(key)}])`);
    if (key === 'settings') {
      fail(settingsProblem(value, `${where}.value`));
      settings = normaliseSettings(value);
    } else if (key === 'schema') {
      fail(objectProblem(value, `${where}.value`, new Set(SCHEMA_KEYS), SCHEMA_KEYS));
      const s = value as Record<string, unknown>;
      // The schema the backed-up database was at, which can be newer than the backup format.
      fail(integerProblem(s.version, `${where}.value.version`, 1, DB_VERSION));
      fail(timeProblem(s.migratedAt, `${where}.value.migratedAt`, now));
    } else {
      fail(`${where}.key is ${show(key)}, which Postmeter does not know`);
    }
    seen.set(key as string, i);
  });
  return settings;
}

function copyCount(c: Count): Count {
  return { value: c.value, min: c.min, max: c.max, exact: c.exact };
}

/** Known metrics only, in METRICS order, each copied: the parsed objects never reach the database. */
function copyMetrics(m: Record<string, unknown>): Metrics {
  const out: Metrics = {};
  for (const name of METRICS) if (Object.hasOwn(m, name)) out[name] = copyCount(m[name] as Count);
  return out;
}

function copyObservation(o: Record<string, unknown>): PostObservation {
  const out: PostObservation = {
    site: o.site as SiteId,
    postId: o.postId as string,
    url: o.url as string,
    metrics: copyMetrics(o.metrics as Record<string, unknown>),
  };
  if (o.author !== undefined) out.author = o.author as string;
  if (o.publishedAt !== undefined) out.publishedAt = o.publishedAt as number;
  if (o.text !== undefined) out.text = o.text as string;
  if (o.promoted !== undefined) out.promoted = o.promoted as boolean;
  return out;
}
