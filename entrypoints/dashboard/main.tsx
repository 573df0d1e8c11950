// Wiring only: the dashboard's DashboardApi over the database (reopened on demand, so an upgrade while the tab
// stays open does not break it) and the shared download helper. Built as dashboard.html (a WXT unlisted page),
// opened from the popup's "Open dashboard".
import { render } from 'preact';
import { Dashboard, type DashboardApi } from '@/components/Dashboard';
import { t } from '@/components/i18n';
import { storeHandle } from '@/lib/db-handle';
import {
  BackupError,
  backupChunks,
  countPosts,
  countSnapshots,
  listAccounts,
  postPages,
  snapshotsOf,
  DEFAULT_MAX_BACKUP_BYTES,
  getSettings,
  importBackup,
  isQuotaExceeded,
  openStore,
  postsCsvChunks,
  purgeSnapshots,
  QuotaError,
  setSettings,
  snapshotsCsvChunks,
} from '@/lib/store';
import { getPreferences } from '../shared/preferences';
import { CSV_TYPE, JSON_TYPE, downloadChunks, exportFilename } from '../shared/downloads';
import './style.css';

const store = storeHandle(() => openStore());

const api: DashboardApi = {
  async counts() {
    return store.run(async (db) => {
      const [posts, snapshots] = await Promise.all([countPosts(db), countSnapshots(db)]);
      return { posts, snapshots };
    });
  },

  async export(id, { bom, onProgress }) {
    const db = await store.get();
    const filename = exportFilename(id);
    if (id === 'backup') {
      // The backup has no row count to report: its size so far, in kB of text.
      await downloadChunks(backupChunks(db), filename, JSON_TYPE, ({ chars }) => onProgress({ done: Math.round(chars / 1024) }));
    } else {
      const total = await (id === 'posts' ? countPosts(db) : countSnapshots(db));
      onProgress({ done: 0, total });
      const options = { bom, onProgress: (done: number) => onProgress({ done, total }) };
      const chunks = id === 'posts' ? postsCsvChunks(db, options) : snapshotsCsvChunks(db, options);
      await downloadChunks(chunks, filename, CSV_TYPE);
    }
    return { filename };
  },

  async importBackup(file) {
    // UTF-8 takes at most 3 bytes per UTF-16 unit: a file this large is over the limit however it decodes, so it
    // is refused before it is read into memory. (importBackup checks the exact limit on the text.)
    if (file.size > 3 * DEFAULT_MAX_BACKUP_BYTES) {
      throw new BackupError(`the file is ${Math.round(file.size / 2 ** 20)} MB, far more than a backup may be`);
    }
    return importBackup(await store.get(), await file.text());
  },

  async getRetention() {
    return (await store.run((db) => getSettings(db))).retentionDays;
  },

  async setRetention(retentionDays) {
    const db = await store.get();
    await setSettings(db, { retentionDays });
    return purgeSnapshots(db, Date.now());
  },

  async *postPages() {
    // Each page is its own short transaction (lib/store/queries.ts), so reading 10,000 posts blocks no writer.
    yield* postPages(await store.get(), 1000);
  },

  snapshots(site, postId) {
    return store.run((db) => snapshotsOf(db, site, postId));
  },

  accounts() {
    return store.run((db) => listAccounts(db));
  },

  preferences: getPreferences,

  describeError(error) {
    if (error instanceof BackupError) return error.detail;
    if (error instanceof QuotaError || isQuotaExceeded(error)) return 'the disk is full; free some space and try again';
    if (error instanceof Error) return error.message || error.name;
    return String(error);
  },
};

document.title = t('dashboard.title');
render(<Dashboard api={api} />, document.getElementById('app')!);
