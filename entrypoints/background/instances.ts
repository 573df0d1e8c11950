// Mastodon instances the user added in the options page. Each one is a host the user granted at runtime (an
// optional host permission, asked for by the options page with the optional `scripting` permission) and a content
// script registered for that host alone. The list lives in storage.local, next to the recording state; the content
// script reads it to know that the host it runs on is a Mastodon instance (lib/sites/mastodon.ts).
//
// The background does the registering: the options page asks for the permission (it needs the user's click) and
// then sends `mastodon-instance` messages here. The background also keeps things consistent when the user takes a
// permission back in the browser's own settings, and after browser restarts and updates.
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { INSTANCE_SCRIPT_PREFIX, instancePattern, instanceScriptId, parseInstance } from '@/lib/sites/mastodon-instances';

/** Host names of the added instances (not mastodon.social, which is built in), sorted. */
export const mastodonInstances = storage.defineItem<string[]>('local:mastodonInstances', { fallback: [] });

/**
 * Mastodon's content script (entrypoints/mastodon.content.ts) as the build names it: what runs on an added instance.
 * Before one script per site it was content-scripts/content.js: syncInstances registers such scripts again.
 */
export const CONTENT_SCRIPT = 'content-scripts/mastodon.js';

export type InstanceRequest = { type: 'mastodon-instance'; action: 'add' | 'remove'; host: string };
export type InstanceReply =
  | { ok: true; instances: string[] }
  | { ok: false; error: 'invalid' | 'not-granted' | 'failed'; message?: string; instances: string[] };

export function isInstanceRequest(v: unknown): v is InstanceRequest {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return r.type === 'mastodon-instance' && (r.action === 'add' || r.action === 'remove') && typeof r.host === 'string';
}

// The scripting API is there only while its optional permission is granted (after a revocation the object can
// linger, every call throwing): ask the permission first. Typed loosely on purpose.
interface RegisteredScript {
  id: string;
  matches?: string[];
  js?: string[];
}
interface ScriptingApi {
  registerContentScripts(scripts: object[]): Promise<void>;
  unregisterContentScripts(filter?: { ids?: string[] }): Promise<void>;
  getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<RegisteredScript[]>;
}
async function scripting(): Promise<ScriptingApi | undefined> {
  if (!(await browser.permissions.contains({ permissions: ['scripting'] }))) return undefined;
  return (browser as unknown as { scripting?: ScriptingApi }).scripting;
}

const sorted = (hosts: Iterable<string>) => [...new Set(hosts)].sort();

async function granted(host: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [instancePattern(host)], permissions: ['scripting'] });
}

/** Registers the content script for `host` (once) and lists it. The permission must already be granted. */
export async function addInstance(input: string): Promise<InstanceReply> {
  const parsed = parseInstance(input);
  if (!parsed.ok) return { ok: false, error: 'invalid', instances: await mastodonInstances.getValue() };
  const { host } = parsed;
  const api = await scripting();
  if (!api || !(await granted(host))) return { ok: false, error: 'not-granted', instances: await mastodonInstances.getValue() };
  try {
    const id = instanceScriptId(host);
    if ((await api.getRegisteredContentScripts({ ids: [id] })).length === 0) {
      await api.registerContentScripts([
        { id, matches: [instancePattern(host)], js: [CONTENT_SCRIPT], runAt: 'document_idle', persistAcrossSessions: true },
      ]);
    }
  } catch (error) {
    return { ok: false, error: 'failed', message: String(error), instances: await mastodonInstances.getValue() };
  }
  const instances = sorted([...(await mastodonInstances.getValue()), host]);
  await mastodonInstances.setValue(instances);
  return { ok: true, instances };
}

/** Unregisters `host`'s content script, drops it from the list and gives its host permission back. */
export async function removeInstance(input: string): Promise<InstanceReply> {
  const parsed = parseInstance(input);
  if (!parsed.ok) return { ok: false, error: 'invalid', instances: await mastodonInstances.getValue() };
  const { host } = parsed;
  const instances = (await mastodonInstances.getValue()).filter((h) => h !== host);
  await mastodonInstances.setValue(instances);
  try {
    const api = await scripting();
    const id = instanceScriptId(host);
    if (api && (await api.getRegisteredContentScripts({ ids: [id] })).length > 0) await api.unregisterContentScripts({ ids: [id] });
    await browser.permissions.remove({ origins: [instancePattern(host)] });
    if (instances.length === 0) await browser.permissions.remove({ permissions: ['scripting'] });
  } catch (error) {
    return { ok: false, error: 'failed', message: String(error), instances };
  }
  return { ok: true, instances };
}

/**
 * Makes the list, the registered scripts and the granted permissions agree: an instance whose permission is gone
 * (taken back in the browser's settings) is dropped, a listed one gets its script, a stray script is removed.
 */
export async function syncInstances(): Promise<string[]> {
  const listed = await mastodonInstances.getValue();
  const keep: string[] = [];
  for (const host of listed) if (parseInstance(host).ok && (await granted(host))) keep.push(host);
  const api = await scripting();
  if (api) {
    const registered = (await api.getRegisteredContentScripts()).filter((s) => s.id.startsWith(INSTANCE_SCRIPT_PREFIX));
    const wanted = new Set(keep.map(instanceScriptId));
    // A script registered by an older version can name a file this build no longer has: registered again.
    const current = (s: RegisteredScript) => wanted.has(s.id) && s.js?.length === 1 && s.js[0] === CONTENT_SCRIPT;
    const stray = registered.filter((s) => !current(s)).map((s) => s.id);
    if (stray.length) await api.unregisterContentScripts({ ids: stray });
    const have = new Set(registered.filter(current).map((s) => s.id));
    const missing = keep.filter((h) => !have.has(instanceScriptId(h)));
    if (missing.length) {
      await api.registerContentScripts(
        missing.map((host) => ({
          id: instanceScriptId(host),
          matches: [instancePattern(host)],
          js: [CONTENT_SCRIPT],
          runAt: 'document_idle',
          persistAcrossSessions: true,
        })),
      );
    }
  }
  const next = sorted(keep);
  if (next.join() !== listed.join()) await mastodonInstances.setValue(next);
  return next;
}

/** Wires the messages from the options page and the permission events. Call once, synchronously, at startup. */
export function listenForInstances(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isInstanceRequest(message)) return undefined;
    // Only the extension's own pages (the options page), never a content script on some website.
    if (sender.id !== browser.runtime.id || !sender.url?.startsWith(`${globalThis.location.origin}/`)) return undefined;
    return message.action === 'add' ? addInstance(message.host) : removeInstance(message.host);
  });
  browser.permissions.onRemoved.addListener(() => void syncInstances().catch(() => undefined));
  browser.runtime.onStartup.addListener(() => void syncInstances().catch(() => undefined));
  browser.runtime.onInstalled.addListener(() => void syncInstances().catch(() => undefined));
}
