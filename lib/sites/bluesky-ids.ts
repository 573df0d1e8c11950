// Bluesky identities: post paths (/profile/<handle|did>/post/<rkey>), handles, DIDs, and the time inside a TID
// record key. Pure string code, no DOM. See ../../../shared/reference/dom-anchors.md §6.

/** A post's own path, or one of its sub-pages ("/reposted-by", "/quotes", "/liked-by"). */
export interface PostPath {
  /** The handle or DID the link names, as written (percent-decoded). */
  actor: string;
  rkey: string;
  /** '' for the post itself, else the sub-page ("/reposted-by"). */
  rest: string;
}

const POST_PATH = /^\/profile\/([^/]+)\/post\/([^/]+)(\/[^/]*)?\/?$/;

/** atproto handle syntax (https://atproto.com/specs/handle): dot-separated labels, the last not starting with a digit. */
const HANDLE = /^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/;
/** did:plc (24 base32 characters) and did:web (a host name), the two methods Bluesky accepts. */
const DID = /^did:(plc:[a-z2-7]{24}|web:[a-zA-Z0-9.-]+(%3[aA]\d+)?)$/;
/** atproto record key syntax (https://atproto.com/specs/record-key). */
const RKEY = /^[A-Za-z0-9._:~-]{1,512}$/;

export const isHandle = (s: string): boolean => s.length <= 253 && HANDLE.test(s) && s !== 'handle.invalid';
export const isDid = (s: string): boolean => s.length <= 2048 && DID.test(s);

/** The post path an href points at, on bsky.app (relative hrefs resolve there). Undefined for anything else. */
export function postPath(href: string | null | undefined): PostPath | undefined {
  if (!href) return undefined;
  try {
    const u = new URL(href, 'https://bsky.app');
    if (u.hostname !== 'bsky.app') return undefined;
    const m = POST_PATH.exec(u.pathname);
    if (!m) return undefined;
    const actor = decodeURIComponent(m[1]!);
    const rkey = decodeURIComponent(m[2]!);
    if (!(isHandle(actor.toLowerCase()) || isDid(actor)) || !RKEY.test(rkey) || rkey === '.' || rkey === '..') return undefined;
    return { actor: isDid(actor) ? actor : actor.toLowerCase(), rkey, rest: m[3] && m[3] !== '/' ? m[3] : '' };
  } catch {
    return undefined;
  }
}

/** The actor a profile link ("/profile/alice.bsky.social") names, lower-cased if it is a handle. */
export function profileActor(href: string | null | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const u = new URL(href, 'https://bsky.app');
    if (u.hostname !== 'bsky.app') return undefined;
    const m = /^\/profile\/([^/]+)\/?$/.exec(u.pathname);
    if (!m) return undefined;
    const actor = decodeURIComponent(m[1]!);
    if (isDid(actor)) return actor;
    return isHandle(actor.toLowerCase()) ? actor.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The DID in a Bluesky CDN image URL: avatars and images are served from the account's own repository,
 * "https://cdn.bsky.app/img/avatar_thumbnail/plain/<did>/<cid>@jpeg".
 */
export function cdnDid(src: string | null | undefined): string | undefined {
  if (!src) return undefined;
  try {
    const u = new URL(src, 'https://bsky.app');
    if (u.hostname !== 'cdn.bsky.app') return undefined;
    const m = /^\/img\/[a-z_]+\/plain\/([^/]+)\/[^/]+$/.exec(u.pathname);
    const did = m ? decodeURIComponent(m[1]!) : undefined;
    return did && isDid(did) ? did : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// TIDs (https://atproto.com/specs/tid): 13 characters of base32-sortable ("234567abcdefghijklmnopqrstuvwxyz"),
// 64 bits: the top bit 0, 53 bits of microseconds since the UNIX epoch, 10 bits of clock id. The first 11
// characters carry the timestamp (55 bits, the top two 0), the last 2 the clock id, so every part fits a double.

const S32 = '234567abcdefghijklmnopqrstuvwxyz';
const TID = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;

export interface DecodedTid {
  /** Microseconds since the UNIX epoch. */
  micros: number;
  clockId: number;
}

/** Decode a TID exactly; undefined for anything that is not one (a post's rkey is a TID in practice, not by law). */
export function decodeTid(tid: string): DecodedTid | undefined {
  if (typeof tid !== 'string' || !TID.test(tid)) return undefined;
  let micros = 0;
  for (let i = 0; i < 11; i++) micros = micros * 32 + S32.indexOf(tid[i]!);
  const clockId = S32.indexOf(tid[11]!) * 32 + S32.indexOf(tid[12]!);
  return { micros, clockId };
}

/** Bluesky's network went live in 2022: a TID dated earlier was not written by a client at posting time. */
export const TID_FLOOR_MS = Date.UTC(2022, 0, 1);
const DAY = 86_400_000;

/**
 * When the post was created, from its TID record key, in milliseconds (microseconds truncated). The client writes
 * the TID from its clock when it creates the record, so this is the posting time; a TID from before 2022 or from
 * more than a day in the future (a wrong clock, a hand-made key) is no posting time and gives undefined.
 */
export function tidTime(rkey: string, now: number = Date.now()): number | undefined {
  const t = decodeTid(rkey);
  if (!t) return undefined;
  const ms = Math.floor(t.micros / 1000);
  return ms >= TID_FLOOR_MS && ms <= now + DAY ? ms : undefined;
}
