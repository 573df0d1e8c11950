// The built manifest asks only for what the features use, and for the supported sites only; it keeps the default
// CSP, lets no web page or other extension talk to it, and the package loads no remote code. Why each permission:
// docs/permissions.md.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOST_PERMISSIONS } from '../../lib/sites/hosts';
import { EXTENSION_DIR, REPO } from './harness';

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

  it('never asks for more than the ceiling, nor for anything broad', () => {
    // The most any future feature may add without a review of docs/permissions.md.
    const CEILING = new Set(['storage', 'downloads', 'alarms', 'unlimitedStorage']);
    for (const p of manifest.permissions) expect(CEILING.has(p), p).toBe(true);
    const NEVER = ['tabs', 'activeTab', 'webRequest', 'webRequestBlocking', 'declarativeNetRequest', 'cookies', 'history', 'bookmarks', 'management', 'nativeMessaging', 'debugger', 'clipboardRead', 'identity', 'webNavigation', '<all_urls>'];
    for (const p of [...manifest.permissions, ...(manifest.optional_permissions ?? [])]) expect(NEVER, p).not.toContain(p);
  });

  it('no web page or other extension can reach it, and it exposes no files to pages', () => {
    // Without externally_connectable, only the extension's own pages and content scripts can message the background
    // (security.e2e.ts sends from a web page and sees it refused).
    expect(manifest.externally_connectable).toBeUndefined();
    // A web-accessible resource lets any page load (and fingerprint) a file of the extension; none is needed: the
    // badge is drawn by the content script in a shadow root, with no extension URL.
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.content_security_policy).toBeUndefined();
    expect(manifest.sandbox).toBeUndefined();
  });

  it('its pages load only packaged scripts, and the source builds no markup from strings nor opens a connection', () => {
    for (const page of ['popup.html', 'dashboard.html', 'options.html']) {
      const html = readFileSync(join(EXTENSION_DIR, page), 'utf8');
      const sources = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]!);
      expect(sources.length, page).toBeGreaterThan(0);
      for (const src of sources) expect(src, page).toMatch(/^\/(chunks|assets)\/[\w.-]+\.(js|css)$/);
    }
    // Scraped text reaches the DOM only as text (Preact text nodes, textContent); nothing is fetched. The built
    // bundle keeps Preact's and Vite's own code for these, unused, so the source is what is checked.
    const FORBIDDEN = /dangerouslySetInnerHTML|\.innerHTML\b|\.outerHTML\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function\b|\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource|importScripts|createContextualFragment/;
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.(ts|tsx)$/.test(entry.name)) {
          readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
            if (FORBIDDEN.test(line)) offenders.push(`${relative(REPO, path)}:${i + 1}: ${line.trim()}`);
          });
        }
      }
    };
    for (const dir of ['components', 'entrypoints', 'lib']) walk(join(REPO, dir));
    expect(offenders).toEqual([]);
  });
});
