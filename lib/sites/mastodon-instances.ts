// Mastodon runs on thousands of servers. mastodon.social works out of the box (lib/sites/hosts.ts); any other
// instance is added by the user in the options page, which asks for that one host at runtime (an optional host
// permission) and registers the content script there. This module is the pure part of that: what counts as an
// instance host name, and the names derived from it. No extension globals (see ../../../shared/DESIGN.md).
import { SITE_MATCHES } from './hosts';

/** Hosts of a match pattern list ("https://x.com/*" → "x.com"). */
const hostsOf = (patterns: readonly string[]) => patterns.map((p) => new URL(p.replace('*', 'x')).hostname);

/** Instances that need no adding: their host permission is in the manifest. */
export const BUILTIN_INSTANCES: readonly string[] = hostsOf(SITE_MATCHES.mastodon);

/** Every other supported site's host: never a Mastodon instance (the content script already runs there). */
const OTHER_SITE_HOSTS: ReadonlySet<string> = new Set(
  Object.entries(SITE_MATCHES)
    .filter(([site]) => site !== 'mastodon')
    .flatMap(([, patterns]) => hostsOf(patterns)),
);

export type InstanceInput =
  | { ok: true; host: string }
  | { ok: false; reason: 'invalid' | 'builtin' | 'other-site' };

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * The host name a user typed ("fosstodon.org", "https://fosstodon.org/home", "FOSSTODON.ORG."), lower-cased and
 * in ASCII (IDN → punycode); or why it is not one. Only public DNS names over https: no IP addresses, ports,
 * user names or single-label hosts ("localhost").
 */
export function parseInstance(input: string): InstanceInput {
  const invalid = { ok: false, reason: 'invalid' } as const;
  let text = input.trim();
  if (!text || text.length > 300 || /\s/.test(text)) return invalid;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
  if (scheme) {
    if (scheme[1]!.toLowerCase() !== 'https') return invalid;
    text = text.slice(scheme[0].length);
  }
  const hostPart = text.split(/[/?#]/, 1)[0]!;
  if (!hostPart || /[@:[\]\\%]/.test(hostPart)) return invalid; // user info, ports, IPv6, escapes
  let host: string;
  try {
    const u = new URL(`https://${hostPart}/`);
    host = u.hostname.replace(/\.$/, '');
  } catch {
    return invalid;
  }
  const labels = host.split('.');
  if (host.length > 253 || labels.length < 2 || !labels.every((l) => LABEL.test(l))) return invalid;
  if (/^[0-9]+$/.test(labels[labels.length - 1]!)) return invalid; // an IPv4 address, not a name
  if (BUILTIN_INSTANCES.includes(host)) return { ok: false, reason: 'builtin' };
  if (OTHER_SITE_HOSTS.has(host)) return { ok: false, reason: 'other-site' };
  return { ok: true, host };
}

/** The one match pattern an added instance gets: its https pages only. */
export const instancePattern = (host: string): string => `https://${host}/*`;

/** Id of the content script registered for an instance (chrome.scripting.registerContentScripts). */
export const INSTANCE_SCRIPT_PREFIX = 'mastodon-';
export const instanceScriptId = (host: string): string => `${INSTANCE_SCRIPT_PREFIX}${host}`;
