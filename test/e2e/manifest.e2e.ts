// The built manifest asks only for what the features use, and for the supported sites only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOST_PERMISSIONS } from '../../lib/sites/hosts';
import { EXTENSION_DIR } from './harness';

describe('built manifest', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));

  it('is MV3 with only storage and downloads', () => {
    expect(manifest.manifest_version).toBe(3);
    expect([...manifest.permissions].sort()).toEqual(['downloads', 'storage']);
  });

  it('asks for a Mastodon instance only when the user adds it (optional, granted per instance at runtime)', () => {
    // The options page requests one instance's host ("https://fosstodon.org/*") and `scripting` (to register the
    // content script there) on the user's click. Chrome MV3 only grants optional hosts the manifest declares, so the
    // pattern is declared; nothing of it is granted at install (host_permissions below stay the supported sites).
    expect(manifest.optional_permissions).toEqual(['scripting']);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
    expect(manifest.options_ui).toEqual({ page: 'options.html', open_in_tab: true });
  });

  it('asks for the supported sites only, never every site', () => {
    expect(manifest.host_permissions).toEqual(HOST_PERMISSIONS);
    const everything = /<all_urls>|^\*:\/\/\*\/|^https?:\/\/\*\/|^\*:/;
    for (const pattern of [...manifest.host_permissions, ...manifest.content_scripts.flatMap((c: { matches: string[] }) => c.matches)]) {
      expect(pattern).not.toMatch(everything);
    }
    const hosts = new Set(manifest.host_permissions.map((p: string) => new URL(p.replace('*', 'x')).hostname.split('.').slice(-2).join('.')));
    expect([...hosts].sort()).toEqual(
      ['bsky.app', 'facebook.com', 'instagram.com', 'linkedin.com', 'mastodon.social', 'reddit.com', 'threads.com', 'threads.net', 'tiktok.com', 'twitter.com', 'x.com', 'youtube.com'],
    );
  });

  it('loads no remote code: the default CSP and only packaged scripts', () => {
    expect(manifest.content_security_policy).toBeUndefined();
    const scripts = [manifest.background.service_worker, ...manifest.content_scripts.flatMap((c: { js: string[] }) => c.js)];
    for (const file of scripts) expect(file).toMatch(/^[\w-]+(\/[\w.-]+)*\.js$/);
  });
});
