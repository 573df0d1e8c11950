// Mounts one badge per post, in a shadow root after the adapter's anchor (the action bar).
// The host carries data-postmeter-post="<site>:<postId>"; a recycled post element gets its host
// re-keyed, never a second host. Plain DOM, no Preact: this runs in every content script, where each kilobyte
// is loaded on every page of the site. Scraped text only ever reaches textContent and attribute values.
import type { Figure } from '@/lib/figures';
import { badgeElement, updateBadge, BADGE_CSS, type DrawnBadge } from './Badge';

export const BADGE_TAG = 'postmeter-badge';
const THEME_TTL_MS = 1000;

export interface BadgeLayer {
  show(anchor: Element, key: string, figures: Figure[]): void;
  removeAll(): void;
}

/** How many hosts the page took out of the document are kept for new badges (X recycles about 30 cells). */
const SPARE_HOSTS = 64;
/** How many of the oldest kept hosts are tested for one the page took out (see spareHost). */
const SPARE_LOOKUP = 16;

export function createBadgeLayer(doc: Document): BadgeLayer {
  /** What each host's badge shows now, with the post it is keyed to. */
  const drawn = new WeakMap<Element, DrawnBadge & { key: string }>();
  const styles = sharedStyles(doc);
  /** The hosts made lately, oldest first: one the page has taken out (a recycled cell) is put back under a new post. */
  const recent: HTMLElement[] = [];
  let theme: 'light' | 'dark' = 'light';
  let themeAt = -Infinity;

  function currentTheme(): 'light' | 'dark' {
    const now = Date.now();
    if (now - themeAt > THEME_TTL_MS) {
      themeAt = now;
      theme = pageIsDark(doc) ? 'dark' : 'light';
    }
    return theme;
  }

  /**
   * A host the page removed from the document, with its shadow root and stylesheet ready: cheaper than a new one.
   * Only the oldest SPARE_LOOKUP are looked at: a feed takes out its oldest cells first, and on a feed that keeps
   * every post none ever leaves, where testing all SPARE_HOSTS for each new badge was a cost per post for nothing.
   */
  function spareHost(): HTMLElement | undefined {
    for (let i = 0; i < recent.length && i < SPARE_LOOKUP; i++) {
      const host = recent[i]!;
      if (host.isConnected) continue;
      recent.splice(i, 1);
      return host;
    }
    return undefined;
  }

  /**
   * The host after `anchor`, or one not yet in the document (a spare, or a new one) that show() fills first and
   * then inserts: changing a detached tree costs the page no style invalidation and no mutation records.
   */
  function hostAfter(anchor: Element): HTMLElement {
    const next = anchor.nextElementSibling;
    if (next?.localName === BADGE_TAG) return next as HTMLElement;
    let host = spareHost();
    if (!host) {
      host = doc.createElement(BADGE_TAG);
      const shadow = host.attachShadow({ mode: 'open' });
      if (styles) shadow.adoptedStyleSheets = styles;
      else {
        const style = doc.createElement('style');
        style.textContent = BADGE_CSS;
        shadow.append(style);
      }
      shadow.append(doc.createElement('div'));
    }
    recent.push(host);
    if (recent.length > SPARE_HOSTS) recent.shift();
    return host;
  }

  return {
    show(anchor, key, figures) {
      const host = hostAfter(anchor);
      const theme = currentTheme();
      const before = drawn.get(host);
      if (before?.key !== key) host.setAttribute('data-postmeter-post', key);
      if (!before || before.theme !== theme || !sameFigures(before.figures, figures)) {
        const mount = host.shadowRoot!.lastElementChild!;
        if (!before || !updateBadge(mount.firstElementChild, before, figures, theme)) {
          const badge = badgeElement(doc, figures, theme);
          if (badge) mount.replaceChildren(badge);
          else mount.replaceChildren();
        }
      }
      drawn.set(host, { key, theme, figures });
      if (!host.isConnected) anchor.after(host);
    },
    removeAll() {
      for (const host of doc.querySelectorAll(BADGE_TAG)) host.remove();
      recent.length = 0;
    },
  };
}

/** The same figures with the same words, in the same order. */
function sameFigures(a: readonly Figure[], b: readonly Figure[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.id !== b[i]!.id || a[i]!.text !== b[i]!.text || a[i]!.title !== b[i]!.title) return false;
  return true;
}

/**
 * The badge's stylesheet parsed once and adopted by every badge's shadow root: a `<style>` per badge made the
 * browser parse the same CSS for each post a feed showed (half of the badge's cost). Undefined where a content
 * script cannot adopt a constructed sheet into the page's shadow roots (it throws): each badge then carries its
 * own `<style>`.
 */
function sharedStyles(doc: Document): CSSStyleSheet[] | undefined {
  try {
    const sheet = new (doc.defaultView ?? window).CSSStyleSheet();
    sheet.replaceSync(BADGE_CSS);
    const probe = doc.createElement('div').attachShadow({ mode: 'open' });
    probe.adoptedStyleSheets = [sheet];
    return probe.adoptedStyleSheets.length === 1 ? [sheet] : undefined;
  } catch {
    return undefined;
  }
}

/** X (and most sites) paint the body's background; a dark one means a dark theme. */
export function pageIsDark(doc: Document): boolean {
  const win = doc.defaultView;
  if (!win) return false;
  for (const el of [doc.body, doc.documentElement]) {
    if (!el) continue;
    const rgba = win.getComputedStyle(el).backgroundColor.match(/\d+(\.\d+)?/g)?.map(Number);
    if (!rgba || rgba.length < 3 || rgba[3] === 0) continue; // transparent: look further out
    const [r, g, b] = rgba as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
  }
  return false; // nothing painted: the browser's default white
}
