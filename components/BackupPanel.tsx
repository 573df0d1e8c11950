// Backup: everything stored as one JSON file, and Import backup (validated whole before anything is written).
export interface BackupPanelProps {
  busy: boolean;
  onExport: () => void;
  onImport: (file: File) => void;
}

export function BackupPanel({ busy, onExport, onImport }: BackupPanelProps) {
  return (
    <section class="pm-card" aria-labelledby="pm-backup">
      <h2 id="pm-backup">Backup</h2>
      <p>
        <button type="button" disabled={busy} onClick={onExport}>
          Export backup
        </button>{' '}
        <span class="pm-hint">every post, snapshot and setting, as JSON</span>
      </p>
      <p class="pm-import">
        <label for="pm-import-file">Import backup</label>{' '}
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
      <p class="pm-hint">
        Imported posts and snapshots are merged with what is stored. A file that is not a valid Postmeter backup
        is refused whole: nothing is changed.
      </p>
    </section>
  );
}
