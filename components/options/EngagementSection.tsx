// Options: what counts as an engagement, per site. Starts from the set in force (lib/metrics.ts engagementSet);
// a set equal to the site's default is stored as "no choice" (undefined), so a later change of the default
// reaches users who never changed it. The last checked box cannot be unchecked: a rate over nothing is no rate.
import { SITES } from '@/lib/fields';
import { ENGAGEMENT_METRICS, engagementSet, type EngagementSets } from '@/lib/metrics';
import type { Metric, SiteId } from '@/lib/types';
import { metricName } from '../figure-words';
import { t } from '../i18n';
import { engagementChoices, sameSet } from './engagement-choices';
import { SITE_NAMES } from '@/lib/site-names';

export interface EngagementSectionProps {
  /** Preferences.engagement; undefined while loading. */
  engagement?: EngagementSets;
  /** A site's new set, in METRICS order; undefined = the site's default. */
  onChange(site: SiteId, set: Metric[] | undefined): void;
}

export function EngagementSection({ engagement, onChange }: EngagementSectionProps) {
  return (
    <section class="pm-card pm-options-section" aria-labelledby="pm-engagement-title" data-section="engagement">
      <h2 id="pm-engagement-title">{t('options.engagement.title')}</h2>
      <p class="pm-hint">{t('options.engagement.hint')}</p>
      <div class="pm-engagement-grid">
        {SITES.map((site) => (
          <SiteEngagement key={site} site={site} engagement={engagement} onChange={onChange} />
        ))}
      </div>
    </section>
  );
}

function SiteEngagement({ site, engagement, onChange }: { site: SiteId } & EngagementSectionProps) {
  const inForce = engagementSet(site, engagement ?? {});
  const isDefault = sameSet(inForce, ENGAGEMENT_METRICS[site]);
  const choices = engagementChoices(site, inForce);
  const toggle = (metric: Metric, on: boolean) => {
    const next = choices.filter((m) => (m === metric ? on : inForce.includes(m)));
    onChange(site, sameSet(next, ENGAGEMENT_METRICS[site]) ? undefined : next);
  };
  return (
    <fieldset class="pm-fieldset" data-engagement-site={site} data-custom={isDefault ? undefined : 'true'}>
      <legend>
        <span id={`pm-engagement-${site}`}>{SITE_NAMES[site]}</span> <span class="pm-hint">({isDefault ? t('options.engagement.default') : t('options.engagement.custom')})</span>
      </legend>
      <ul class="pm-check-list">
        {choices.map((metric) => {
          const checked = inForce.includes(metric);
          return (
            <li key={metric}>
              <label>
                <input
                  type="checkbox"
                  name={`engagement-${site}-${metric}`}
                  data-metric={metric}
                  checked={checked}
                  disabled={!engagement || (checked && inForce.length === 1)}
                  onChange={(event) => toggle(metric, event.currentTarget.checked)}
                />{' '}
                <span class="pm-metric-name">{metricName(metric)}</span>
              </label>
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        class="pm-secondary"
        disabled={!engagement || isDefault}
        id={`pm-engagement-reset-${site}`}
        aria-labelledby={`pm-engagement-reset-${site} pm-engagement-${site}`}
        onClick={() => onChange(site, undefined)}
      >
        {t('options.engagement.reset')}
      </button>
    </fieldset>
  );
}
