// Wiring only: find the tab, ask its content script which posts it showed, read the database, render.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Popup, type TabHealth } from '@/components/Popup';
import { openStore, type PostmeterDatabase, type PostRow } from '@/lib/store/schema';
import { postsByKeys, recentPosts } from '@/lib/store/queries';
import type { Message, TabPostsReply } from '@/lib/messages';
import { pauseReason, recordingState, type RecordingState } from '../background/recording';
import { postsCsvChunks } from '@/lib/store/export';
import { CSV_TYPE, downloadChunks, exportFilename } from '../shared/downloads';
import './style.css';

const RECENT_LIMIT = 20;

/** A popup opened as a page (tests, the demo) names its tab: popup.html?tabId=N. */
async function targetTabId(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tabId');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function askTab(tabId: number | undefined): Promise<TabPostsReply | undefined> {
  if (tabId === undefined) return undefined;
  try {
    const message: Message = { type: 'tab-posts' };
    return (await browser.tabs.sendMessage(tabId, message)) as TabPostsReply | undefined;
  } catch {
    return undefined; // no content script there: not a supported site
  }
}

/** The dashboard in a new tab. A real popup then closes itself; the popup opened as a page (tests) stays. */
async function openDashboard(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') });
  if (!(await browser.tabs.getCurrent())) window.close();
}

function App() {
  const [db, setDb] = useState<PostmeterDatabase>();
  const [tabPosts, setTabPosts] = useState<PostRow[]>();
  const [recent, setRecent] = useState<PostRow[]>();
  const [tabHealth, setTabHealth] = useState<TabHealth>();
  const [recording, setRecording] = useState<RecordingState>({ paused: false });
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string>();

  useEffect(() => {
    void (async () => {
      const [store, reply] = await Promise.all([openStore(), targetTabId().then(askTab)]);
      setDb(store);
      setRecording(await recordingState.getValue());
      if (!reply) setTabHealth({ state: 'unsupported' });
      else if (reply.unrecognised) setTabHealth({ state: 'unrecognised', site: reply.site });
      const [onTab, latest] = await Promise.all([postsByKeys(store, reply?.keys ?? []), recentPosts(store, RECENT_LIMIT)]);
      setTabPosts(onTab);
      setRecent(latest);
    })();
    return recordingState.watch((state) => setRecording(state ?? { paused: false }));
  }, []);

  async function onExport() {
    if (!db) return;
    setExporting(true);
    setExportError(undefined);
    try {
      await downloadChunks(postsCsvChunks(db), exportFilename('posts'), CSV_TYPE);
    } catch (error) {
      setExportError(error instanceof Error ? error.message : String(error));
    } finally {
      setExporting(false);
    }
  }

  return (
    <Popup
      tabPosts={tabPosts}
      recent={recent}
      tabHealth={tabHealth}
      paused={pauseReason(recording)}
      exporting={exporting || !db}
      exportError={exportError}
      onExport={() => void onExport()}
      onResume={() => void recordingState.setValue({ paused: false })}
      onOpenDashboard={() => void openDashboard()}
    />
  );
}

render(<App />, document.getElementById('app')!);
