// What the user chose on the options page that every tab must follow at once: which sites are read, what the
// badge shows, which denominator the engagement rate uses, and each site's engagement set. Kept in
// storage.local (entrypoints/shared/preferences.ts) because content scripts cannot open the extension's
// IndexedDB and must hear a change immediately (storage.onChanged). Retention stays in the database (it is part
// of a backup and the background applies it there); own accounts are the `own` flag of the accounts store.
// Pure: a stored value is read through normalisePreferences, so a broken or older value can't break a tab.
import { SITES } from './fields';
import { AUDIENCE_METRICS, RATE_BASES, type EngagementSets, type RateBasis } from './metrics';
import { METRICS, type Metric, type SiteId } from './types';

/** The figures a badge can show, in the order it shows them (lib/figures.ts makes each). */
export const BADGE_FIGURES = ['er', 'vph', 'growth', 'frequency', 'ctr'] as const;
export type BadgeFigureId = (typeof BADGE_FIGURES)[number];

/** 'auto': the first denominator the page shows, in RATE_BASES order (impressions, views, reach, followers). */
export type ErBasisChoice = 'auto' | RateBasis;
export const ER_BASIS_CHOICES: readonly ErBasisChoice[] = ['auto', ...RATE_BASES];

export interface Preferences {
  /** Sites switched off are not read at all: no badge, nothing recorded. */
  sites: Record<SiteId, boolean>;
  /** Which figures the badge shows. */
  badge: Record<BadgeFigureId, boolean>;
  /** Which denominator engagement rates use everywhere (badge, popup, dashboard, CSV). */
  erBasis: ErBasisChoice;
  /** Per-site engagement sets; a site left out uses its default (lib/metrics.ts ENGAGEMENT_METRICS). */
  engagement: EngagementSets;
}

export const DEFAULT_PREFERENCES: Readonly<Preferences> = Object.freeze({
  sites: Object.fromEntries(SITES.map((s) => [s, true])) as Record<SiteId, boolean>,
  badge: Object.fromEntries(BADGE_FIGURES.map((f) => [f, true])) as Record<BadgeFigureId, boolean>,
  erBasis: 'auto',
  engagement: {},
});

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A fresh, valid Preferences from anything: each valid field over the defaults; unknown keys are dropped. */
export function normalisePreferences(v: unknown): Preferences {
  const o = isRecord(v) ? v : {};
  const sites = { ...DEFAULT_PREFERENCES.sites };
  if (isRecord(o.sites)) for (const s of SITES) if (typeof o.sites[s] === 'boolean') sites[s] = o.sites[s];
  const badge = { ...DEFAULT_PREFERENCES.badge };
  if (isRecord(o.badge)) for (const f of BADGE_FIGURES) if (typeof o.badge[f] === 'boolean') badge[f] = o.badge[f];
  const erBasis = ER_BASIS_CHOICES.includes(o.erBasis as ErBasisChoice) ? (o.erBasis as ErBasisChoice) : 'auto';
  const engagement: EngagementSets = {};
  if (isRecord(o.engagement)) {
    for (const s of SITES) {
      const set = o.engagement[s];
      if (!Array.isArray(set)) continue;
      const clean = [...new Set(set)].filter(
        (m): m is Metric => (METRICS as readonly unknown[]).includes(m) && !AUDIENCE_METRICS.includes(m as Metric),
      );
      if (clean.length > 0) engagement[s] = clean;
    }
  }
  return { sites, badge, erBasis, engagement };
}

export const siteEnabled = (p: Preferences, site: SiteId): boolean => p.sites[site] !== false;
