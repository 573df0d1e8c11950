// Which posts the table shows: a date range over publishedAt (a post whose page showed no date counts from when
// it was first seen), one site, part of an author's handle. The values stay as typed; Analytics turns them
// into a PostFilter (lib/post-table.ts).
import { t } from '@/components/i18n';
import type { SiteId } from '@/lib/types';
import { SITE_NAMES } from './post-cells';

export interface FilterValues {
  /** "YYYY-MM-DD" or "". */
  from: string;
  to: string;
  site: SiteId | '';
  author: string;
}

export const NO_FILTER: FilterValues = { from: '', to: '', site: '', author: '' };

export interface PostFiltersProps {
  values: FilterValues;
  sites: readonly SiteId[];
  onChange: (values: FilterValues) => void;
}

export function PostFilters({ values, sites, onChange }: PostFiltersProps) {
  const set = (patch: Partial<FilterValues>) => onChange({ ...values, ...patch });
  const active = values.from || values.to || values.site || values.author;
  return (
    <form class="pm-filters" role="search" aria-label={t('dashboard.filter.label')} onSubmit={(ev) => ev.preventDefault()}>
      <span class="pm-field">
        <label for="pm-filter-from">{t('dashboard.filter.from')}</label>
        <input id="pm-filter-from" type="date" value={values.from} max={values.to || undefined} onInput={(ev) => set({ from: ev.currentTarget.value })} />
      </span>
      <span class="pm-field">
        <label for="pm-filter-to">{t('dashboard.filter.to')}</label>
        <input id="pm-filter-to" type="date" value={values.to} min={values.from || undefined} onInput={(ev) => set({ to: ev.currentTarget.value })} />
      </span>
      <span class="pm-field">
        <label for="pm-filter-site">{t('dashboard.filter.site')}</label>
        <select id="pm-filter-site" value={values.site} onChange={(ev) => set({ site: ev.currentTarget.value as SiteId | '' })}>
          <option value="">{t('dashboard.filter.allSites')}</option>
          {sites.map((s) => (
            <option key={s} value={s}>
              {SITE_NAMES[s]}
            </option>
          ))}
        </select>
      </span>
      <span class="pm-field">
        <label for="pm-filter-author">{t('dashboard.filter.author')}</label>
        <input id="pm-filter-author" type="search" value={values.author} onInput={(ev) => set({ author: ev.currentTarget.value })} />
      </span>
      <button type="button" class="pm-secondary" disabled={!active} onClick={() => onChange(NO_FILTER)}>
        {t('dashboard.filter.clear')}
      </button>
    </form>
  );
}
