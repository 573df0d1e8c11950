// The toolbar popup: this tab's posts, the most recent posts overall, recording state, CSV export, and the way
// to the dashboard (exports, backup, retention).
import type { PostRow } from '@/lib/store/schema';
import type { SiteId } from '@/lib/types';
import { PostTable } from './PostTable';

export type TabHealth = { state: 'unsupported'; site?: undefined } | { state: 'unrecognised'; site: SiteId };

export interface PopupProps {
  /** undefined while the database is being read. */
  tabPosts?: PostRow[];
  recent?: PostRow[];
  /** Why this tab shows no posts: not a supported page, or the site's posts were found but not read. */
  tabHealth?: TabHealth;
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
        <h1>Postmeter</h1>
        <div class="pm-actions">
          <button type="button" class="pm-secondary" onClick={p.onOpenDashboard}>
            Open dashboard
          </button>
          <button type="button" onClick={p.onExport} disabled={p.exporting}>
            Export CSV
          </button>
        </div>
      </header>
      {p.paused ? (
        <p class="pm-banner" role="alert" data-state={`paused-${p.paused}`}>
          {p.paused === 'quota'
            ? 'Recording paused: the disk is full. Nothing stored was lost. Free some space, then resume.'
            : 'Recording is paused.'}{' '}
          <button type="button" onClick={p.onResume}>
            Resume recording
          </button>
        </p>
      ) : null}
      {p.exportError ? (
        <p class="pm-banner" role="alert">
          Export failed: {p.exportError}
        </p>
      ) : null}
      <section aria-labelledby="pm-tab">
        <h2 id="pm-tab">On this tab</h2>
        {p.tabHealth ? (
          <p class="pm-note" data-health={p.tabHealth.state} data-site={p.tabHealth.site} role="status">
            {p.tabHealth.state === 'unsupported'
              ? 'Postmeter does not read this page.'
              : `${p.tabHealth.site}: posts found but no counters read — the site may have changed. Nothing was recorded.`}
          </p>
        ) : null}
        <PostTable posts={p.tabPosts} section="tab" empty="No posts seen on this tab yet." />
      </section>
      <section aria-labelledby="pm-recent">
        <h2 id="pm-recent">Recent</h2>
        <PostTable posts={p.recent} section="recent" empty="Nothing recorded yet: scroll a feed." />
      </section>
    </main>
  );
}
