// Options: which sites Postmeter reads. A switch per site; a site switched off gets no badges and nothing from it
// is stored (the content script stops, the background drops its observations).
import { SITES } from '@/lib/fields';
import type { SiteId } from '@/lib/types';
import { t } from '../i18n';
import { SITE_NAMES } from '@/lib/site-names';

export interface SitesSectionProps {
  /** undefined while loading. */
  sites?: Readonly<Record<SiteId, boolean>>;
  onChange(site: SiteId, enabled: boolean): void;
}

export function SitesSection({ sites, onChange }: SitesSectionProps) {
  return (
    <section class="pm-card pm-options-section" aria-labelledby="pm-sites-title" data-section="sites">
      <h2 id="pm-sites-title">{t('options.sites.title')}</h2>
      <p class="pm-hint">{t('options.sites.hint')}</p>
      <ul class="pm-switch-list">
        {SITES.map((site) => (
          <li key={site}>
            <label class="pm-switch">
              <input
                type="checkbox"
                role="switch"
                name={`site-${site}`}
                data-site={site}
                checked={sites ? sites[site] !== false : true}
                disabled={!sites}
                onChange={(event) => onChange(site, event.currentTarget.checked)}
              />
              <span>{SITE_NAMES[site]}</span>
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}
