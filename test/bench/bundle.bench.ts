// What the browser loads (issue 9), from the built extension (the runner builds it first: this group imports
// ./browser): gzip sizes in KB (1 KB = 1024 bytes), each file gzipped on its own with node:zlib at level 9, as a
// store or a disk cache would hold it.
//   - bundle_content_gzip_kb: the largest content script (its js and css as the manifest lists them), budget 25;
//     bundle_content_gzip_kb_<script> for each one (one per site: entrypoints/<site>.content.ts);
//   - bundle_popup_gzip_kb: popup.html and everything it loads (script, modulepreload and stylesheet tags, and the
//     static imports of those ES modules, followed to the end), each file counted once, budget 60;
//     bundle_dashboard_gzip_kb: the same for dashboard.html.
// Dynamic import() is not followed: it loads later, not when the page opens. Cheap, so --quick measures the same.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { builtExtensionDir } from './browser';
import { figure, type BenchGroup, type Figure } from './harness';

const gzipBytes = (file: string): number => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (bytes: number): number => bytes / 1024;

interface ManifestContentScript {
  js?: string[];
  css?: string[];
}

/** Extension-relative paths a page's tags load: module scripts, modulepreloads and stylesheets. */
export function htmlReferences(html: string): string[] {
  const refs: string[] = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const attr = (name: string) => new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)')`, 'i').exec(tag);
    const value = (name: string) => {
      const m = attr(name);
      return m ? (m[2] ?? m[3] ?? '') : undefined;
    };
    if (/^<script/i.test(tag)) {
      const src = value('src');
      if (src) refs.push(src);
    } else if (/^(stylesheet|modulepreload)$/i.test(value('rel') ?? '')) {
      const href = value('href');
      if (href) refs.push(href);
    }
  }
  return refs;
}

/** The relative specifiers of a (minified) ES module's static imports and re-exports. */
export function staticImports(code: string): string[] {
  const specs: string[] = [];
  const re = /(?:^|[^\w$.])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'](\.{0,2}\/[^"']+)["']/g;
  for (const m of code.matchAll(re)) specs.push(m[1]!);
  return specs;
}

/** Every file an extension page loads when it opens (itself included), as extension-relative paths. */
export function pageFiles(dir: string, page: string): string[] {
  const seen = new Set<string>();
  const visit = (rel: string) => {
    const path = posix.normalize(rel.replace(/^\/+/, ''));
    if (seen.has(path)) return;
    const file = join(dir, path);
    if (!existsSync(file)) throw new Error(`${page} loads ${path}, which the build does not have`);
    seen.add(path);
    if (path.endsWith('.js') || path.endsWith('.mjs')) {
      for (const spec of staticImports(readFileSync(file, 'utf8'))) {
        visit(spec.startsWith('/') ? spec : posix.join(posix.dirname(path), spec));
      }
    }
  };
  seen.add(page);
  for (const ref of htmlReferences(readFileSync(join(dir, page), 'utf8'))) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) throw new Error(`${page} loads ${ref}: not a file of the extension`);
    visit(ref.startsWith('/') ? ref : posix.join(posix.dirname(page), ref));
  }
  return [...seen];
}

const bundleGroup: BenchGroup = async (ctx) => {
  const dir = builtExtensionDir(ctx.root);
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`no built extension in ${dir} (run wxt build)`);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { content_scripts?: ManifestContentScript[] };
  const figures: Figure[] = [];

  const scripts = (manifest.content_scripts ?? []).map((cs) => {
    const files = [...(cs.js ?? []), ...(cs.css ?? [])];
    const name = basename(cs.js?.[0] ?? files[0] ?? 'none').replace(/\.[^.]+$/, '');
    const bytes = files.reduce((sum, f) => sum + gzipBytes(join(dir, f)), 0);
    ctx.log(`content script ${name}: ${files.join(' + ')}: ${kb(bytes).toFixed(1)} KB gzip`);
    return { name, bytes };
  });
  if (scripts.length === 0) throw new Error('the manifest lists no content script');
  const largest = scripts.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  ctx.log(`largest content script: ${largest.name}`);
  figures.push(figure('bundle_content_gzip_kb', kb(largest.bytes), 'KB', { op: '<=', limit: 25 }));
  for (const s of [...scripts].sort((a, b) => a.name.localeCompare(b.name))) {
    figures.push(figure(`bundle_content_gzip_kb_${s.name.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`, kb(s.bytes), 'KB'));
  }

  for (const [page, name, budget] of [
    ['popup.html', 'bundle_popup_gzip_kb', { op: '<=', limit: 60 }],
    ['dashboard.html', 'bundle_dashboard_gzip_kb', undefined],
  ] as const) {
    const files = pageFiles(dir, page);
    const sizes = files.map((f) => [f, gzipBytes(join(dir, f))] as const);
    const total = sizes.reduce((sum, [, b]) => sum + b, 0);
    ctx.log(`${page}: ${kb(total).toFixed(1)} KB gzip in ${files.length} files (${sizes.map(([f, b]) => `${f} ${kb(b).toFixed(1)}`).join(', ')})`);
    figures.push(figure(name, kb(total), 'KB', budget));
  }
  return figures;
};

export default bundleGroup;
