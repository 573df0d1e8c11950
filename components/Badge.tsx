// The inline badge beside a post: a few figures, each with a tooltip that names what it counts. Built with plain DOM
// (components/badge-layer.tsx mounts it in a shadow root): every content script carries it, Preact would add its
// runtime to each. Text goes only through textContent and attributes, never markup.
import type { Figure } from '@/lib/figures';
import { t } from './i18n';

/** `<div class="pm-badge" role="note">` with one `<span class="pm-figure">` per figure; null when there are none. */
export function badgeElement(doc: Document, figures: readonly Figure[], theme: 'light' | 'dark'): HTMLElement | null {
  if (!figures.length) return null;
  const badge = doc.createElement('div');
  badge.className = 'pm-badge';
  badge.setAttribute('data-theme', theme);
  badge.setAttribute('role', 'note');
  badge.setAttribute('aria-label', t('badge.label'));
  for (const f of figures) {
    const span = doc.createElement('span');
    span.className = 'pm-figure';
    span.setAttribute('data-figure', f.id);
    span.title = f.title;
    span.setAttribute('aria-label', f.title);
    span.textContent = f.text;
    badge.append(span);
  }
  return badge;
}

/** What a badge was last drawn with (kept beside it, so a redraw compares words in JS instead of reading the DOM). */
export interface DrawnBadge {
  theme: 'light' | 'dark';
  figures: readonly Figure[];
}

/**
 * Puts `figures` into `badge`, which badgeElement made and which shows `shown`, when both have the same figures in
 * the same order (a recycled host, a count that changed): its elements stay, only the words that differ and the
 * theme change. False when it cannot: make a new one.
 */
export function updateBadge(badge: Element | null, shown: DrawnBadge, figures: readonly Figure[], theme: 'light' | 'dark'): boolean {
  const before = shown.figures;
  if (!badge || !figures.length || before.length !== figures.length || badge.childElementCount !== figures.length) return false;
  for (let i = 0; i < figures.length; i++) if (before[i]!.id !== figures[i]!.id) return false;
  if (shown.theme !== theme) badge.setAttribute('data-theme', theme);
  let span = badge.firstElementChild as HTMLElement;
  for (let i = 0; i < figures.length; i++) {
    const f = figures[i]!;
    if (before[i]!.title !== f.title) {
      span.title = f.title;
      span.setAttribute('aria-label', f.title);
    }
    if (before[i]!.text !== f.text) span.textContent = f.text;
    span = span.nextElementSibling as HTMLElement;
  }
  return true;
}

// Shadow-root styles: the host has no height, the badge floats in the post's bottom padding, so
// mounting it never moves the page (no layout shift).
export const BADGE_CSS = `
:host { all: initial; display: block; position: relative; height: 0; width: 100%; }
.pm-badge {
  position: absolute; top: 0; right: 0; z-index: 1;
  display: flex; gap: 6px; align-items: center;
  font: 500 11px/14px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  padding: 0 6px; border-radius: 7px; white-space: nowrap; pointer-events: auto;
  color: #536471; background: rgba(239, 243, 244, 0.9);
}
.pm-badge[data-theme="dark"] { color: #8b98a5; background: rgba(32, 35, 39, 0.9); }
.pm-figure { cursor: help; }
.pm-figure[data-figure="growth"] { color: #00875a; }
.pm-badge[data-theme="dark"] .pm-figure[data-figure="growth"] { color: #3fc98a; }
`;
