// The CSV exports: posts (one row each) and every snapshot, with the optional BOM Excel needs.
export type CsvExportId = 'posts' | 'snapshots';

export const CSV_EXPORTS: { id: CsvExportId; label: string; hint: string }[] = [
  { id: 'posts', label: 'Export posts CSV', hint: 'one row per post: its latest counts and rates' },
  { id: 'snapshots', label: 'Export snapshots CSV', hint: 'one row per recorded change of counts: the history' },
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
      <h2 id="pm-export">Export</h2>
      <ul class="pm-export-list">
        {CSV_EXPORTS.map((e) => (
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
        Include BOM for Excel
      </label>
      <p class="pm-hint">Excel on Windows needs the BOM to read the file as UTF-8; other tools may not want it.</p>
    </section>
  );
}
