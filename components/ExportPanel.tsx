// The CSV exports: posts (one row each) and every snapshot, with the optional BOM Excel needs.
import { t } from './i18n';

export type CsvExportId = 'posts' | 'snapshots';

/** The two exports, worded in the user's language (a function: t() answers only once i18n is there). */
export const csvExports = (): { id: CsvExportId; label: string; hint: string }[] => [
  { id: 'posts', label: t('dashboard.export.posts'), hint: t('dashboard.export.postsHint') },
  { id: 'snapshots', label: t('dashboard.export.snapshots'), hint: t('dashboard.export.snapshotsHint') },
];

export interface ExportPanelProps {
  bom: boolean;
  busy: boolean;
  onBomChange: (bom: boolean) => void;
  onExport: (id: CsvExportId) => void;
}

export function ExportPanel({ bom, busy, onBomChange, onExport }: ExportPanelProps) {
  return (
    <section class="pm-card" aria-labelledby="pm-export">
      <h2 id="pm-export">{t('dashboard.export.heading')}</h2>
      <ul class="pm-export-list">
        {csvExports().map((e) => (
          <li key={e.id}>
            <button type="button" disabled={busy} onClick={() => onExport(e.id)} data-export={e.id}>
              {e.label}
            </button>{' '}
            <span class="pm-hint">{e.hint}</span>
          </li>
        ))}
      </ul>
      <label class="pm-check">
        <input type="checkbox" checked={bom} onChange={(ev) => onBomChange(ev.currentTarget.checked)} />
        {t('dashboard.export.bom')}
      </label>
      <p class="pm-hint">{t('dashboard.export.bomHint')}</p>
    </section>
  );
}
