// Backup: everything stored as one JSON file, and Import backup (validated whole before anything is written).
import { t } from './i18n';

export interface BackupPanelProps {
  busy: boolean;
  onExport: () => void;
  onImport: (file: File) => void;
}

export function BackupPanel({ busy, onExport, onImport }: BackupPanelProps) {
  return (
    <section class="pm-card" aria-labelledby="pm-backup">
      <h2 id="pm-backup">{t('dashboard.backup.heading')}</h2>
      <p>
        <button type="button" disabled={busy} onClick={onExport}>
          {t('dashboard.backup.export')}
        </button>{' '}
        <span class="pm-hint">{t('dashboard.backup.exportHint')}</span>
      </p>
      <p class="pm-import">
        <label for="pm-import-file">{t('dashboard.backup.import')}</label>{' '}
        <input
          id="pm-import-file"
          type="file"
          accept=".json,application/json"
          disabled={busy}
          onChange={(ev) => {
            const input = ev.currentTarget;
            const file = input.files?.[0];
            // Cleared at once, so choosing the same file again (after fixing it) fires a change again.
            input.value = '';
            if (file) onImport(file);
          }}
        />
      </p>
      <p class="pm-hint">{t('dashboard.backup.importHint')}</p>
    </section>
  );
}
