// The dashboard (a full tab): what is stored, exports with a progress bar, backup and import, retention.
// Each part is its own component; this one holds the state of the one task that runs at a time and the
// messages about it. The page's wiring (entrypoints/dashboard/main.tsx) supplies a DashboardApi, so this
// renders and runs under happy-dom with a fake one. Issue 7's tables and charts become further sections.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { BackupPanel } from './BackupPanel';
import { ExportPanel, type CsvExportId } from './ExportPanel';
import { ProgressBar, type ProgressState } from './ProgressBar';
import { RetentionControl, retentionLabel, type RetentionDays } from './RetentionControl';
import { StoreSummary, type StoreCounts } from './StoreSummary';
import { formatNumber } from '@/lib/format';
import type { ImportSummary } from '@/lib/store/backup';

export type ExportId = CsvExportId | 'backup';

export interface ExportReport {
  /** Units done so far. */
  done: number;
  /** Units in all, when known in advance. */
  total?: number;
}

export interface DashboardApi {
  counts(): Promise<StoreCounts>;
  /** Builds the file and starts its download; resolves with the file name once the download has started. */
  export(id: ExportId, options: { bom: boolean; onProgress: (report: ExportReport) => void }): Promise<{ filename: string }>;
  /** Merges a backup file; resolves with what changed; rejects when the file is refused (nothing changed then). */
  importBackup(file: File): Promise<ImportSummary>;
  getRetention(): Promise<RetentionDays>;
  /** Saves the setting and purges at once; resolves with how many snapshots were deleted. */
  setRetention(days: RetentionDays): Promise<{ deleted: number }>;
  /** What went wrong, for the user, as a phrase ("the file is not valid JSON (…)", "the disk is full"). */
  describeError(error: unknown): string;
}

const UNITS: Record<ExportId, { label: string; unit: string }> = {
  posts: { label: 'Exporting posts', unit: 'posts' },
  snapshots: { label: 'Exporting snapshots', unit: 'snapshots' },
  backup: { label: 'Writing backup', unit: 'kB' },
};

/** What an import changed, in words: "9 new posts, 14 snapshots added". */
export function describeImport(s: ImportSummary): string {
  const n = (v: number) => formatNumber(v, undefined, 0);
  const parts = [
    s.postsAdded && `${n(s.postsAdded)} new posts`,
    s.postsUpdated && `${n(s.postsUpdated)} posts updated`,
    s.snapshotsAdded && `${n(s.snapshotsAdded)} snapshots added`,
    s.snapshotsAlreadyPresent && `${n(s.snapshotsAlreadyPresent)} snapshots already here`,
    s.accountsAdded && `${n(s.accountsAdded)} new accounts`,
    s.accountsUpdated && `${n(s.accountsUpdated)} accounts updated`,
    s.settingsImported && 'settings taken from the backup',
  ].filter((p): p is string => typeof p === 'string');
  return parts.length ? parts.join(', ') : 'nothing new, everything in it was already here';
}

/** "Export failed" + "the disk is full" + " Nothing was changed." → one sentence. */
export function failureMessage(prefix: string, reason: string, suffix = ''): string {
  const r = reason.trim() || 'unknown error';
  return `${prefix}: ${r}${/[.!?]$/.test(r) ? '' : '.'}${suffix}`;
}

export function Dashboard({ api }: { api: DashboardApi }) {
  const [counts, setCounts] = useState<StoreCounts>();
  const [retention, setRetention] = useState<RetentionDays>();
  const [bom, setBom] = useState(false);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ProgressState>();
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<string>();

  const refresh = useCallback(async () => {
    try {
      setCounts(await api.counts());
    } catch (e) {
      setError(api.describeError(e));
    }
  }, [api]);

  useEffect(() => {
    void refresh();
    api.getRetention().then(setRetention, (e: unknown) => setError(api.describeError(e)));
    // Back to this tab after browsing: the background has recorded more since.
    const onVisible = () => document.visibilityState === 'visible' && void refresh();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [api, refresh]);

  /** One task at a time: buttons are disabled while it runs; its outcome replaces the last message. */
  async function run(failure: string, task: () => Promise<string>, afterFailure = '') {
    if (busy) return;
    setBusy(true);
    setStatus(undefined);
    setError(undefined);
    try {
      setStatus(await task());
    } catch (e) {
      setError(failureMessage(failure, api.describeError(e), afterFailure));
    } finally {
      setBusy(false);
      void refresh();
    }
  }

  const startExport = (id: ExportId) =>
    run(id === 'backup' ? 'Backup failed' : 'Export failed', async () => {
      const { label, unit } = UNITS[id];
      setProgress({ label, unit, done: 0, finished: false });
      let last: ExportReport = { done: 0 };
      try {
        const { filename } = await api.export(id, {
          bom,
          onProgress(report) {
            last = report;
            setProgress({ label, unit, ...report, finished: false });
          },
        });
        setProgress({ label, unit, ...last, finished: true });
        return `Downloaded ${filename}.`;
      } catch (e) {
        setProgress(undefined);
        throw e;
      }
    });

  const startImport = (file: File) =>
    run(
      'Backup not imported',
      async () => {
        setProgress(undefined);
        const summary = await api.importBackup(file);
        return `Backup imported from ${file.name}: ${describeImport(summary)}.`;
      },
      // An import is one transaction, validated whole first: whatever failed, nothing was written.
      ' Nothing was changed.',
    );

  const applyRetention = (days: RetentionDays) =>
    run('The setting was not changed', async () => {
      setProgress(undefined);
      const { deleted } = await api.setRetention(days);
      setRetention(days);
      return days === null
        ? 'Snapshots are now kept forever.'
        : `Keeping snapshots for ${retentionLabel(days)}: ${formatNumber(deleted, undefined, 0)} older snapshots deleted.`;
    });

  return (
    <main class="pm-dashboard">
      <header class="pm-dashboard-header">
        <h1>Postmeter</h1>
        <p class="pm-hint">Everything here stays on this computer.</p>
      </header>
      <div class="pm-activity">
        {progress ? <ProgressBar {...progress} /> : null}
        {status ? (
          <p class="pm-status" role="status">
            {status}
          </p>
        ) : null}
        {error ? (
          <p class="pm-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <div class="pm-grid">
        <StoreSummary counts={counts} />
        <ExportPanel bom={bom} busy={busy} onBomChange={setBom} onExport={(id) => void startExport(id)} />
        <BackupPanel busy={busy} onExport={() => void startExport('backup')} onImport={(f) => void startImport(f)} />
        <RetentionControl saved={retention} busy={busy} onApply={(d) => void applyRetention(d)} />
      </div>
    </main>
  );
}
