// The toolbar popup: this tab's posts, the user's own accounts with their trend alert, top posts across sites,
// the most recent posts, recording state, CSV export, and the way to the dashboard. Pure props: the entrypoint
// (entrypoints/popup/main.tsx) reads the database in stages — this tab's posts first, the rest after first paint —
// and each section says "Loading…" until its part arrives.
import type { PostRow, SnapshotRow } from '@/lib/store/schema';
import type { OwnAccountTrend } from '@/lib/store/popup-reads';
import type { FigureOptions } from '@/lib/figures';
import type { MetricVelocity } from '@/lib/metrics';
import type { SiteId } from '@/lib/types';
import { PostTable } from './PostTable';
import { TopPosts } from './popup/TopPosts';
import { OwnAccounts } from './popup/OwnAccounts';
import { siteName } from './popup/words';
import { t } from './i18n';
import { formatNumber } from '@/lib/format';

export type TabHealth = { state: 'unsupported'; site?: undefined } | { state: 'unrecognised'; site: SiteId };

export interface PopupProps {
  /** undefined while the database is being read. */
  tabPosts?: PostRow[];
  recent?: PostRow[];
  /** Snapshots of the tab's and recent posts by "site:postId" (sparklines, velocity); undefined until read. */
  snapshots?: ReadonlyMap<string, readonly SnapshotRow[]>;
  /** Candidates for the top list; undefined until read. */
  topPosts?: readonly PostRow[];
  velocities?: ReadonlyMap<string, MetricVelocity>;
  /** Set when the top list's read stopped at this many posts. */
  topScanLimit?: number;
  ownTrends?: readonly OwnAccountTrend[];
  /** The time the figures are relative to (windows, weeks). */
  now: number;
  figureOptions?: FigureOptions;
  /** Why this tab shows no posts: not a supported page, or the site's posts were found but not read. */
  tabHealth?: TabHealth;
  /** Set when the tab has shown more posts than `tabPosts` lists (only its most recent are asked for). */
  tabSeen?: number;
  paused?: 'user' | 'quota';
  exporting: boolean;
  exportError?: string;
  onExport: () => void;
  onResume: () => void;
  onOpenDashboard: () => void;
}

export function Popup(p: PopupProps) {
  return (
    <main class="pm-popup">
      <header class="pm-header">
        <h1>{t('popup.title')}</h1>
        <div class="pm-actions">
          <button type="button" class="pm-secondary" onClick={p.onOpenDashboard}>
            {t('popup.openDashboard')}
          </button>
          <button type="button" onClick={p.onExport} disabled={p.exporting}>
            {t('popup.exportCsv')}
          </button>
        </div>
      </header>
      {p.paused ? (
        <p class="pm-banner" role="alert" data-state={`paused-${p.paused}`}>
          {p.paused === 'quota' ? t('popup.pausedQuota') : t('popup.pausedUser')}{' '}
          <button type="button" onClick={p.onResume}>
            {t('popup.resume')}
          </button>
        </p>
      ) : null}
      {p.exportError ? (
        <p class="pm-banner" role="alert">
          {t('popup.exportFailed', { error: p.exportError })}
        </p>
      ) : null}
      <section aria-labelledby="pm-tab">
        <h2 id="pm-tab">{t('popup.onTab')}</h2>
        {p.tabHealth ? (
          <p class="pm-note" data-health={p.tabHealth.state} data-site={p.tabHealth.site} role="status">
            {p.tabHealth.state === 'unsupported'
              ? t('popup.unsupported')
              : t('popup.unrecognised', { site: siteName(p.tabHealth.site) })}
          </p>
        ) : null}
        <PostTable posts={p.tabPosts} section="tab" empty={t('popup.tabEmpty')} snapshots={p.snapshots} figureOptions={p.figureOptions} />
        {p.tabPosts && p.tabSeen !== undefined && p.tabSeen > p.tabPosts.length ? (
          <p class="pm-note" data-tab-seen={p.tabSeen}>
            {t('popup.tabMore', {
              shown: formatNumber(p.tabPosts.length, p.figureOptions?.locale, 0),
              seen: formatNumber(p.tabSeen, p.figureOptions?.locale, 0),
            })}
          </p>
        ) : null}
      </section>
      <OwnAccounts trends={p.ownTrends} now={p.now} />
      <TopPosts
        posts={p.topPosts}
        velocities={p.velocities}
        scanLimit={p.topScanLimit}
        now={p.now}
        figureOptions={p.figureOptions}
      />
      <section aria-labelledby="pm-recent">
        <h2 id="pm-recent">{t('popup.recent')}</h2>
        <PostTable posts={p.recent} section="recent" empty={t('popup.recentEmpty')} snapshots={p.snapshots} figureOptions={p.figureOptions} />
      </section>
    </main>
  );
}
