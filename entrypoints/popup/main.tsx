// Wiring only: find the tab, ask its content script which posts it showed, read the database, render.
// In stages, so the popup is useful at once: this tab's posts and the recent ones first; after the first paint
// their snapshots (sparklines, velocity), then the top-posts candidates, then the own accounts' weeks.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Popup, type TabHealth } from '@/components/Popup';
import { figureWords } from '@/components/figure-words';
import { uiLocale } from '@/components/i18n';
import { openStore, type PostmeterDatabase, type PostRow, type SnapshotRow } from '@/lib/store/schema';
import { postsByKeys, recentPosts } from '@/lib/store/queries';
import { newestSnapshots, ownAccountTrends, snapshotsOfPosts, type OwnAccountTrend } from '@/lib/store/popup-reads';
import { velocitiesByPost } from '@/lib/rankings';
import type { FigureOptions } from '@/lib/figures';
import type { MetricVelocity } from '@/lib/metrics';
import type { Message, TabPostsReply } from '@/lib/messages';
import { pauseReason, recordingState, type RecordingState } from '../background/recording';
import { getPreferences, watchPreferences } from '../shared/preferences';
import type { Preferences } from '@/lib/preferences';
import { postsCsvChunks } from '@/lib/store/export';
import { CSV_TYPE, downloadChunks, exportFilename } from '../shared/downloads';
import './style.css';

const RECENT_LIMIT = 20;
/**
 * This tab's most recently shown posts, at most this many: a feed scrolled for an hour has shown thousands, and
 * reading and drawing them all made the popup take a second (1,500 posts: 0.8–1.1 s to the first row).
 */
const TAB_POSTS_LIMIT = 50;
/** The top list ranks the most recently seen posts, at most this many (a popup must open in a blink at 10k posts). */
const TOP_POST_LIMIT = 2_000;
/** Velocities come from the newest snapshots only: a post's latest change is among them if it moved lately. */
const VELOCITY_SNAPSHOT_LIMIT = 10_000;

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
    const message: Message = { type: 'tab-posts', limit: TAB_POSTS_LIMIT };
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

/** Resolves after the browser has painted what was rendered so far. */
const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

const figureOptionsOf = (prefs: Preferences): FigureOptions => ({
  locale: uiLocale(),
  sets: prefs.engagement,
  basis: prefs.erBasis,
  words: figureWords(),
});

function App() {
  const [now] = useState(() => Date.now());
  const [db, setDb] = useState<PostmeterDatabase>();
  const [tabPosts, setTabPosts] = useState<PostRow[]>();
  const [recent, setRecent] = useState<PostRow[]>();
  const [snapshots, setSnapshots] = useState<Map<string, SnapshotRow[]>>();
  const [topPosts, setTopPosts] = useState<PostRow[]>();
  const [velocities, setVelocities] = useState<Map<string, MetricVelocity>>();
  const [ownTrends, setOwnTrends] = useState<OwnAccountTrend[]>();
  const [figureOptions, setFigureOptions] = useState<FigureOptions>();
  const [tabHealth, setTabHealth] = useState<TabHealth>();
  const [tabSeen, setTabSeen] = useState<number>();
  const [recording, setRecording] = useState<RecordingState>({ paused: false });
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string>();

  useEffect(() => {
    void (async () => {
      const [store, reply, prefs, state] = await Promise.all([
        openStore(),
        targetTabId().then(askTab),
        getPreferences(),
        recordingState.getValue(),
      ]);
      setDb(store);
      setFigureOptions(figureOptionsOf(prefs));
      setRecording(state);
      if (!reply) setTabHealth({ state: 'unsupported' });
      else if (reply.unrecognised) setTabHealth({ state: 'unrecognised', site: reply.site });
      if (reply && reply.seen > reply.keys.length) setTabSeen(reply.seen);
      const [onTab, latest] = await Promise.all([postsByKeys(store, reply?.keys ?? []), recentPosts(store, RECENT_LIMIT)]);
      setTabPosts(onTab);
      setRecent(latest);

      await afterPaint();
      setSnapshots(await snapshotsOfPosts(store, [...onTab, ...latest]));
      const candidates = await recentPosts(store, TOP_POST_LIMIT);
      setTopPosts(candidates);
      await Promise.all([
        newestSnapshots(store, VELOCITY_SNAPSHOT_LIMIT).then((newest) => setVelocities(velocitiesByPost(newest))),
        ownAccountTrends(store, candidates, now).then(setOwnTrends),
      ]);
    })();
    const unwatchRecording = recordingState.watch((state) => setRecording(state ?? { paused: false }));
    const unwatchPreferences = watchPreferences((prefs) => setFigureOptions(figureOptionsOf(prefs)));
    return () => {
      unwatchRecording();
      unwatchPreferences();
    };
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
      snapshots={snapshots}
      topPosts={topPosts}
      velocities={velocities}
      topScanLimit={topPosts && topPosts.length >= TOP_POST_LIMIT ? TOP_POST_LIMIT : undefined}
      ownTrends={ownTrends}
      now={now}
      figureOptions={figureOptions}
      tabHealth={tabHealth}
      tabSeen={tabSeen}
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
