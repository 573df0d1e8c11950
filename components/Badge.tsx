// The inline badge beside a post: a few figures, each with a tooltip that names what it counts.
import type { Figure } from '@/lib/figures';
import { t } from './i18n';

export interface BadgeProps {
  figures: Figure[];
  theme: 'light' | 'dark';
}

export function Badge({ figures, theme }: BadgeProps) {
  if (!figures.length) return null;
  return (
    <div class="pm-badge" data-theme={theme} role="note" aria-label={t('badge.label')}>
      {figures.map((f) => (
        <span class="pm-figure" data-figure={f.id} title={f.title} aria-label={f.title} key={f.id}>
          {f.text}
        </span>
      ))}
    </div>
  );
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
