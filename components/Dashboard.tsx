// The dashboard (a full tab): what is stored, exports with a progress bar, backup and import, retention, and
// the analysis sections (components/dashboard/Analytics.tsx: the posts table, a post's history, comparison,
// accounts by week). Each part is its own component; this one holds the state of the one task that runs at a
// time and the messages about it. The page's wiring (entrypoints/dashboard/main.tsx) supplies a DashboardApi,
// so this renders and runs under happy-dom with a fake one.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { BackupPanel } from './BackupPanel';
import { Analytics, type AnalyticsApi } from './dashboard/Analytics';
import { t, uiLocale } from './i18n';
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

export interface DashboardApi extends AnalyticsApi {
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

const units = (id: ExportId): { label: string; unit: string } =>
  id === 'posts'
    ? { label: t('dashboard.progress.exportingPosts'), unit: t('dashboard.progress.unitPosts') }
    : id === 'snapshots'
      ? { label: t('dashboard.progress.exportingSnapshots'), unit: t('dashboard.progress.unitSnapshots') }
      : { label: t('dashboard.progress.writingBackup'), unit: t('dashboard.progress.unitKb') };

/** What an import changed, in words: "9 new posts, 14 snapshots added". */
export function describeImport(s: ImportSummary, locale = uiLocale()): string {
  const n = (v: number) => ({ n: formatNumber(v, locale, 0) });
  const parts = [
    s.postsAdded && t('dashboard.import.postsAdded', s.postsAdded, n(s.postsAdded)),
    s.postsUpdated && t('dashboard.import.postsUpdated', s.postsUpdated, n(s.postsUpdated)),
    s.snapshotsAdded && t('dashboard.import.snapshotsAdded', s.snapshotsAdded, n(s.snapshotsAdded)),
    s.snapshotsAlreadyPresent && t('dashboard.import.snapshotsPresent', s.snapshotsAlreadyPresent, n(s.snapshotsAlreadyPresent)),
    s.accountsAdded && t('dashboard.import.accountsAdded', s.accountsAdded, n(s.accountsAdded)),
    s.accountsUpdated && t('dashboard.import.accountsUpdated', s.accountsUpdated, n(s.accountsUpdated)),
    s.settingsImported && t('dashboard.import.settings'),
  ].filter((p): p is string => typeof p === 'string');
  // "a, b, c" in the user's language: a list of figures, not a sentence with "and".
  return parts.length ? new Intl.ListFormat(locale, { type: 'unit', style: 'short' }).format(parts) : t('dashboard.import.nothing');
}

/** "Export failed" + "the disk is full" + " Nothing was changed." → one sentence. */
export function failureMessage(prefix: string, reason: string, suffix = ''): string {
  const r = reason.trim() || t('dashboard.status.unknownError');
  return `${t('dashboard.status.failure', { prefix, reason: r })}${/[.!?]$/.test(r) ? '' : '.'}${suffix}`;
}

export function Dashboard({ api }: { api: DashboardApi }) {
  const locale = uiLocale();
  const [counts, setCounts] = useState<StoreCounts>();
  const [retention, setRetention] = useState<RetentionDays>();
  const [bom, setBom] = useState(false);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ProgressState>();
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<string>();
  /** Bumped when an import changed what is stored: the analysis sections read the posts again. */
  const [dataVersion, setDataVersion] = useState(0);

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
    run(id === 'backup' ? t('dashboard.status.backupFailed') : t('dashboard.status.exportFailed'), async () => {
      const { label, unit } = units(id);
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
        return t('dashboard.status.downloaded', { file: filename });
      } catch (e) {
        setProgress(undefined);
        throw e;
      }
    });

  const startImport = (file: File) =>
    run(
      t('dashboard.status.importFailed'),
      async () => {
        setProgress(undefined);
        const summary = await api.importBackup(file);
        setDataVersion((v) => v + 1);
        return t('dashboard.status.imported', { file: file.name, summary: describeImport(summary, locale) });
      },
      // An import is one transaction, validated whole first: whatever failed, nothing was written.
      ` ${t('dashboard.status.nothingChanged')}`,
    );

  const applyRetention = (days: RetentionDays) =>
    run(t('dashboard.status.retentionFailed'), async () => {
      setProgress(undefined);
      const { deleted } = await api.setRetention(days);
      setRetention(days);
      return days === null
        ? t('dashboard.status.keptForever')
        : t('dashboard.status.retentionApplied', deleted, { period: retentionLabel(days), n: formatNumber(deleted, locale, 0) });
    });

  return (
    <main class="pm-dashboard">
      <header class="pm-dashboard-header">
        <h1>{t('dashboard.heading')}</h1>
        <p class="pm-hint">{t('dashboard.localOnly')}</p>
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
      <Analytics api={api} dataVersion={dataVersion} />
    </main>
  );
}
