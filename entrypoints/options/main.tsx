// Wiring only: the options page (options.html, opened in a tab). Preferences and the recording switch live in
// storage.local (every tab hears a change at once); own accounts, retention and "Clear all data" go to the
// extension's IndexedDB. Every control saves on change and reports to the page's status line.
// The Mastodon section asks the browser for an instance's host (and the optional `scripting` permission) on the
// user's click, then has the background register the content script there (entrypoints/background/instances.ts).
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, uiLocale } from '@/components/i18n';
import { OptionsPage, type SaveStatus } from '@/components/options/OptionsPage';
import { SitesSection } from '@/components/options/SitesSection';
import { BadgeSection } from '@/components/options/BadgeSection';
import { RecordingSection } from '@/components/options/RecordingSection';
import { OwnAccountsSection } from '@/components/options/OwnAccountsSection';
import { EngagementSection } from '@/components/options/EngagementSection';
import { ClearDataSection } from '@/components/options/ClearDataSection';
import { MastodonInstances, type InstanceNotice } from '@/components/options/MastodonInstances';
import { RetentionControl, type RetentionDays } from '@/components/RetentionControl';
import { storeHandle } from '@/lib/db-handle';
import { formatNumber } from '@/lib/format';
import { isAnalyticsPost, ownAccountList, type OwnAccount } from '@/lib/own-accounts';
import type { Preferences } from '@/lib/preferences';
import { getSettings, listAccounts, openStore, postPages, purgeSnapshots, setOwnAccount, setSettings, type PostRow } from '@/lib/store';
import { clearAllData } from '@/lib/store/clear';
import { BUILTIN_INSTANCES, instancePattern, parseInstance } from '@/lib/sites/mastodon-instances';
import { mastodonInstances, type InstanceReply, type InstanceRequest } from '../background/instances';
import { recordingState, type RecordingState } from '../background/recording';
import { getPreferences, updatePreferences, watchPreferences } from '../shared/preferences';
import './style.css';

const store = storeHandle(() => openStore());

/** Marked accounts and the authors of posts read on analytics pages (lib/own-accounts.ts). */
function loadOwnAccounts(): Promise<OwnAccount[]> {
  return store.run(async (db) => {
    const analytics: PostRow[] = [];
    for await (const page of postPages(db)) analytics.push(...page.filter(isAnalyticsPost));
    return ownAccountList(await listAccounts(db), analytics);
  });
}

const describeError = (error: unknown): string => (error instanceof Error ? error.message || error.name : String(error));

async function ask(request: InstanceRequest): Promise<InstanceReply> {
  return (await browser.runtime.sendMessage(request)) as InstanceReply;
}

function App() {
  const [prefs, setPrefs] = useState<Preferences>();
  const [recording, setRecording] = useState<RecordingState>();
  const [accounts, setAccounts] = useState<OwnAccount[]>();
  const [retention, setRetention] = useState<RetentionDays>();
  const [dbBusy, setDbBusy] = useState(false);
  const [status, setStatus] = useState<SaveStatus>();
  const changes = useRef(0);
  const report = (text: string, error = false) => setStatus({ n: ++changes.current, text, error });

  useEffect(() => {
    void getPreferences().then(setPrefs);
    void recordingState.getValue().then(setRecording);
    void loadOwnAccounts().then(setAccounts, (e: unknown) => report(describeError(e), true));
    void store.run(getSettings).then((s) => setRetention(s.retentionDays), (e: unknown) => report(describeError(e), true));
    const unwatch = [watchPreferences(setPrefs), recordingState.watch((s) => setRecording(s ?? { paused: false }))];
    return () => unwatch.forEach((u) => u());
  }, []);

  /** Runs one change and says "Saved" (or why not). */
  async function save(work: () => Promise<unknown>, saved = () => t('options.saved')): Promise<void> {
    try {
      await work();
      report(saved());
    } catch (error) {
      report(t('options.saveFailed', { error: describeError(error) }), true);
    }
  }
  const savePrefs = (change: (p: Preferences) => Preferences) => void save(async () => setPrefs(await updatePreferences(change)));

  async function saveAccounts(work: () => Promise<unknown>) {
    setDbBusy(true);
    await save(async () => {
      await work();
      setAccounts(await loadOwnAccounts());
    });
    setDbBusy(false);
  }

  async function applyRetention(days: RetentionDays) {
    setDbBusy(true);
    let deleted = 0;
    await save(
      async () => {
        const db = await store.get();
        await setSettings(db, { retentionDays: days });
        deleted = (await purgeSnapshots(db, Date.now())).deleted;
        setRetention(days);
      },
      () => t('options.retention.deleted', deleted, { n: formatNumber(deleted, uiLocale(), 0) }),
    );
    setDbBusy(false);
  }

  return (
    <OptionsPage status={status}>
      <SitesSection sites={prefs?.sites} onChange={(site, on) => savePrefs((p) => ({ ...p, sites: { ...p.sites, [site]: on } }))} />
      <BadgeSection
        badge={prefs?.badge}
        erBasis={prefs?.erBasis}
        onFigure={(figure, on) => savePrefs((p) => ({ ...p, badge: { ...p.badge, [figure]: on } }))}
        onBasis={(erBasis) => savePrefs((p) => ({ ...p, erBasis }))}
      />
      <RecordingSection
        state={recording}
        onPause={(paused) => void save(async () => recordingState.setValue({ ...(await recordingState.getValue()), paused }))}
        onResume={() => void save(() => recordingState.setValue({ paused: false }))}
      />
      <OwnAccountsSection
        accounts={accounts}
        busy={dbBusy}
        onMark={(site, handle) => void saveAccounts(() => store.run((db) => setOwnAccount(db, site, handle, true)))}
        onUnmark={(site, handle) => void saveAccounts(() => store.run((db) => setOwnAccount(db, site, handle, false)))}
      />
      <RetentionControl saved={retention} busy={dbBusy} onApply={(days) => void applyRetention(days)} />
      <EngagementSection
        engagement={prefs?.engagement}
        onChange={(site, set) => savePrefs((p) => ({ ...p, engagement: { ...p.engagement, [site]: set } }))}
      />
      <MastodonSection />
      <ClearDataSection
        describeError={describeError}
        onClear={async () => {
          const result = await store.run(clearAllData);
          setAccounts(await loadOwnAccounts());
          setRetention(null);
          return result;
        }}
      />
    </OptionsPage>
  );
}

function MastodonSection() {
  const [instances, setInstances] = useState<string[]>();
  const [notice, setNotice] = useState<InstanceNotice>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void mastodonInstances.getValue().then(setInstances);
    return mastodonInstances.watch((list) => setInstances(list ?? []));
  }, []);

  function onAdd(text: string) {
    const parsed = parseInstance(text);
    if (!parsed.ok) {
      if (parsed.reason === 'invalid') setNotice({ kind: 'invalid', text: text.trim() });
      else setNotice({ kind: parsed.reason, host: text.trim().toLowerCase() });
      return;
    }
    const { host } = parsed;
    setBusy(true);
    // First, while this still counts as the user's click: the browser's permission prompt.
    const request = browser.permissions.request({ origins: [instancePattern(host)], permissions: ['scripting'] });
    void (async () => {
      try {
        if (!(await request)) return setNotice({ kind: 'not-granted', host });
        const reply = await ask({ type: 'mastodon-instance', action: 'add', host });
        setInstances(reply.instances);
        if (reply.ok) setNotice({ kind: 'added', host });
        else if (reply.error === 'not-granted') setNotice({ kind: 'not-granted', host });
        else setNotice({ kind: 'failed', host, message: reply.message });
      } catch (error) {
        setNotice({ kind: 'failed', host, message: describeError(error) });
      } finally {
        setBusy(false);
      }
    })();
  }

  async function onRemove(host: string) {
    setBusy(true);
    try {
      const reply = await ask({ type: 'mastodon-instance', action: 'remove', host });
      setInstances(reply.instances);
      setNotice(reply.ok ? { kind: 'removed', host } : { kind: 'failed', host, message: reply.message });
    } catch (error) {
      setNotice({ kind: 'failed', host, message: describeError(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <MastodonInstances
      builtin={BUILTIN_INSTANCES}
      instances={instances}
      notice={notice}
      busy={busy}
      onAdd={onAdd}
      onRemove={(host) => void onRemove(host)}
    />
  );
}

document.documentElement.lang = uiLocale() ?? 'en';
document.title = t('options.title');
render(<App />, document.getElementById('app')!);
