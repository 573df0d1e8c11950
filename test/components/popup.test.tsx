// The popup with fake data under happy-dom: this tab's rows (counts, rates with their basis, velocity,
// sparkline), the top list and its controls, own accounts with the falling alert, banners and buttons.
// The real wiring (IndexedDB, tabs, staged loading) is covered by test/e2e/popup.e2e.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { Popup, type PopupProps } from '@/components/Popup';
import type { PostRow, SnapshotRow } from '@/lib/store/schema';
import type { OwnAccountTrend } from '@/lib/store/popup-reads';
import { impressionsFallingAlert, isoWeekStart, weeklyTrend, WEEK } from '@/lib/trend';
import { velocitiesByPost } from '@/lib/rankings';
import type { Metrics, SiteId } from '@/lib/types';
import { testRoot } from '../support/test-root';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 10, 26, 12); // a Thursday
const ex = (n: number) => ({ value: n, min: n, max: n, exact: true });

function post(site: SiteId, postId: string, metrics: Metrics, over: Partial<PostRow> = {}): PostRow {
  return { site, postId, url: `https://example.invalid/${postId}`, metrics, firstSeen: NOW - DAY, lastSeen: NOW - HOUR, snapshots: 3, ...over };
}

const ANALYTICS = post(
  'linkedin',
  'urn:li:activity:1',
  { impressions: ex(50_000), reach: ex(5_000), likes: ex(400), replies: ex(60), reposts: ex(40), clicks: ex(1_500) },
  { author: 'pm-demo', publishedAt: NOW - 3 * DAY, text: 'What 50,000 impressions taught me' },
);
const VIDEO = post('youtube', 'vid', { views: ex(5_000), likes: ex(250) }, { author: 'PostmeterDemo', publishedAt: NOW - 20 * HOUR });
const OLD = post('x', 'old', { impressions: ex(9_000), likes: ex(9) }, { author: 'someone', publishedAt: NOW - 20 * DAY });

const snaps = (p: PostRow, series: [number, Metrics][]): SnapshotRow[] =>
  series.map(([observedAt, metrics]) => ({ site: p.site, postId: p.postId, observedAt, metrics }));
const SNAPSHOTS = new Map<string, SnapshotRow[]>([
  [
    'linkedin:urn:li:activity:1',
    snaps(ANALYTICS, [
      [NOW - 3 * DAY, { impressions: ex(1_000) }],
      [NOW - 2 * DAY, { impressions: ex(30_000) }],
      [NOW - 2 * HOUR, { impressions: ex(50_000) }],
    ]),
  ],
  ['youtube:vid', snaps(VIDEO, [[NOW - 8 * HOUR, { views: ex(1_000) }], [NOW - 4 * HOUR, { views: ex(5_000) }]])],
]);

/** An own account: 3 posts a week for 8 complete weeks, 10,000 impressions each, then 4,000. */
function ownTrend(perPost: (week: number) => number, postsPerWeek = 3): OwnAccountTrend {
  const posts = [];
  for (let w = 0; w < 8; w++) {
    for (let p = 0; p < postsPerWeek; p++) {
      posts.push({ publishedAt: isoWeekStart(NOW) - (8 - w) * WEEK + p * DAY, metrics: { impressions: ex(perPost(w)) } });
    }
  }
  const weeks = weeklyTrend(posts, { now: NOW });
  return { account: { site: 'x', handle: 'postmeter_demo', source: 'marked' }, weeks, alert: impressionsFallingAlert(weeks, { now: NOW }), posts: posts.length };
}

const root = testRoot();

const base = (over: Partial<PopupProps> = {}): PopupProps => ({
  tabPosts: [ANALYTICS],
  recent: [ANALYTICS, VIDEO, OLD],
  snapshots: SNAPSHOTS,
  topPosts: [ANALYTICS, VIDEO, OLD],
  velocities: velocitiesByPost([...SNAPSHOTS.values()].flat()),
  ownTrends: [ownTrend((w) => (w < 4 ? 10_000 : 4_000))],
  now: NOW,
  exporting: false,
  onExport: vi.fn(),
  onResume: vi.fn(),
  onOpenDashboard: vi.fn(),
  ...over,
});

async function mount(props: PopupProps) {
  await act(() => render(<Popup {...props} />, root));
}
const $ = (sel: string) => root.querySelector(sel);
const $$ = (sel: string) => [...root.querySelectorAll(sel)];
const text = (sel: string) => $(sel)?.textContent?.trim() ?? null;
const button = (name: string) =>
  $$('button').find((b) => b.textContent?.trim() === name) as HTMLButtonElement | undefined ?? expect.fail(`no button ${name}`);
const topKeys = () => $$('[data-section="top"] [data-top-row]').map((li) => li.getAttribute('data-top-row'));

describe('Popup', () => {
  it('says Loading… in each section until its data arrives', async () => {
    await mount(base({ tabPosts: undefined, recent: undefined, topPosts: undefined, ownTrends: undefined, snapshots: undefined }));
    expect($$('.pm-loading').map((p) => p.textContent)).toEqual(['Loading…', 'Loading…', 'Loading…', 'Loading…']);
    expect($('[data-section="tab"]')).toBeNull();
  });

  it("this tab's analytics post: counts, ER with its basis, frequency, CTR, views per hour, velocity", async () => {
    await mount(base());
    const row = $('[data-section="tab"] [data-postmeter-row="linkedin:urn:li:activity:1"]')!;
    expect(row).not.toBeNull();
    const cell = (m: string) => row.querySelector(`[data-metric="${m}"]`)?.getAttribute('data-value');
    expect([cell('impressions'), cell('reach'), cell('clicks'), cell('likes')]).toEqual(['50000', '5000', '1500', '400']);
    const er = row.querySelector('[data-figure="er"]')!;
    expect(er.getAttribute('data-basis')).toBe('impressions');
    expect(er.textContent).toBe('ER 1% by impressions');
    expect(er.getAttribute('title')).toMatch(/^Engagement rate by impressions: 500 engagements/);
    expect(row.querySelector('[data-figure="frequency"]')?.textContent).toMatch(/^Freq 10(\.0)?×$/);
    expect(row.querySelector('[data-figure="ctr"]')?.textContent).toBe('CTR 3%');
    expect(row.querySelector('[data-figure="vph"]')).not.toBeNull();
    const v = row.querySelector('[data-figure="velocity"]')!;
    // 30,000 → 50,000 impressions over the last two snapshots, 46 h apart
    expect(v.getAttribute('data-metric-velocity')).toBe('impressions');
    expect(v.textContent).toBe('+434.7 impressions/h'); // compact and truncated, as counts are
    expect(v.getAttribute('title')).toBe('Latest change: impressions from 30,000 to 50,000 in 46 h (434.8 per hour)');
  });

  it("says how many more posts the tab has shown than it lists, in the user's number format", async () => {
    await mount(base({ tabSeen: 1234 }));
    expect($('[data-tab-seen]')?.getAttribute('data-tab-seen')).toBe('1234');
    expect(text('[data-tab-seen]')).toBe('Showing the latest 1 of the 1,234 posts seen on this tab. Every recorded post is in the dashboard.');
    await mount(base({ tabSeen: 1234, figureOptions: { locale: 'de' } }));
    expect(text('[data-tab-seen]')).toContain('1.234');
    await mount(base({ tabSeen: 1 }));
    expect($('[data-tab-seen]')).toBeNull();
    await mount(base({ tabSeen: undefined }));
    expect($('[data-tab-seen]')).toBeNull();
  });

  it('draws a sparkline with a title saying what it shows, and none for a post seen once', async () => {
    await mount(base());
    const svg = $('[data-section="tab"] svg.pm-spark')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.querySelector('title')?.textContent).toBe('Impressions from 1,000 to 50,000 over 3 days');
    expect(svg.getAttribute('aria-label')).toBe(svg.querySelector('title')?.textContent);
    expect(svg.querySelector('path')?.getAttribute('d')).toMatch(/^M[\d.]+ [\d.]+L/);
    expect($('[data-section="recent"] [data-postmeter-row="x:old"] svg')).toBeNull();
    expect($('[data-section="recent"] [data-postmeter-row="youtube:vid"] svg title')?.textContent).toBe('Views from 1,000 to 5,000 over 4 hours');
  });

  it('no sparkline or velocity before the snapshots arrive, counts already there', async () => {
    await mount(base({ snapshots: undefined }));
    expect($('[data-postmeter-row="linkedin:urn:li:activity:1"] [data-metric="impressions"]')).not.toBeNull();
    expect($$('svg.pm-spark')).toHaveLength(0);
    expect($$('[data-figure="velocity"]')).toHaveLength(0);
  });

  it('top posts: by impressions (last 7 days) first, then by ER and by velocity; pressed state follows', async () => {
    await mount(base());
    expect(topKeys()).toEqual(['linkedin:urn:li:activity:1']); // OLD is 20 days old, VIDEO has no impressions
    expect(text('[data-top-row] .pm-score')).toBe('50,000');
    await act(() => button('Engagement rate').click());
    expect(button('Engagement rate').getAttribute('aria-pressed')).toBe('true');
    expect(button('Impressions').getAttribute('aria-pressed')).toBe('false');
    expect(topKeys()).toEqual(['youtube:vid', 'linkedin:urn:li:activity:1']);
    expect($('[data-top-row="youtube:vid"] .pm-score')?.getAttribute('title')).toBe('ER 5% by views');
    await act(() => button('Velocity').click());
    expect(topKeys()).toEqual(['youtube:vid', 'linkedin:urn:li:activity:1']);
    expect(text('[data-top-row="youtube:vid"] .pm-score')).toBe('+1K views/h');
  });

  it('top posts: the period, site and author filters narrow the list', async () => {
    await mount(base());
    const select = (f: string) => $(`select[data-filter="${f}"]`) as HTMLSelectElement;
    select('window').value = 'all';
    await act(() => void select('window').dispatchEvent(new Event('change')));
    expect(topKeys()).toEqual(['linkedin:urn:li:activity:1', 'x:old']);
    expect([...select('site').options].map((o) => o.textContent)).toEqual(['All sites', 'LinkedIn', 'X', 'YouTube']);
    select('site').value = 'x';
    await act(() => void select('site').dispatchEvent(new Event('change')));
    expect(topKeys()).toEqual(['x:old']);
    expect(text('.pm-top [role="status"]')).toBe('1 post ranked');
    select('site').value = '';
    await act(() => void select('site').dispatchEvent(new Event('change')));
    const author = $('input[data-filter="author"]') as HTMLInputElement;
    author.value = 'PM-';
    await act(() => void author.dispatchEvent(new Event('input')));
    expect(topKeys()).toEqual(['linkedin:urn:li:activity:1']);
    author.value = 'nobody';
    await act(() => void author.dispatchEvent(new Event('input')));
    expect(topKeys()).toEqual([]);
    expect(text('.pm-top .pm-empty')).toBe('No posts match these choices.');
    expect(text('.pm-top [role="status"]')).toBe('0 posts ranked');
  });

  it('every control of the top list has a label', async () => {
    await mount(base());
    for (const control of $$('.pm-top select, .pm-top input')) expect(control.closest('label')?.textContent).toBeTruthy();
    expect($('.pm-segmented')?.getAttribute('aria-label')).toBe('Rank by');
  });

  it('own account: the falling alert is an alert, with the fall and the posting frequency', async () => {
    await mount(base());
    const alert = $('[data-account="x:postmeter_demo"] [data-alert="falling"]')!;
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toBe(
      'Impressions per post fell 60% in the last 4 complete weeks while posting frequency held (3 posts a week against 3).',
    );
    expect(text('[data-account="x:postmeter_demo"] h3')).toBe('@postmeter_demo on X');
    const chart = $('[data-account="x:postmeter_demo"] svg.pm-chart')!;
    expect(chart.getAttribute('role')).toBe('img');
    expect(chart.querySelector('title')?.textContent).toBe('@postmeter_demo: impressions per post (bars) and posts per week (line), last 8 complete weeks');
    expect(chart.querySelectorAll('rect')).toHaveLength(8);
    const rows = $$('[data-account="x:postmeter_demo"] tbody tr').map((tr) => [...tr.children].map((c) => c.textContent));
    expect(rows).toHaveLength(8);
    expect(rows[0]!.slice(1)).toEqual(['3', '10K']);
    expect(rows[7]!.slice(1)).toEqual(['3', '4K']);
  });

  it.each([
    ['steady', () => ownTrend(() => 5_000), 'steady', 'Impressions per post held steady over the last 4 complete weeks (3 posts a week against 3).'],
    ['rising', () => ownTrend((w) => (w < 4 ? 4_000 : 10_000)), 'rising', 'Impressions per post rose 150% in the last 4 complete weeks with posting frequency unchanged (3 posts a week against 3).'],
    ['none at all', () => ownTrend(() => 5_000, 0), undefined, undefined],
  ])('own accounts, %s: said quietly (no role=alert)', async (_name, make, state, message) => {
    const trend = make();
    await mount(base({ ownTrends: trend.weeks.length ? [trend] : [] }));
    expect($('[role="alert"]')).toBeNull();
    if (state) expect(text(`[data-alert="${state}"]`)).toBe(message);
    else expect(text('.pm-own .pm-empty')).toBe("No accounts of yours yet: mark them on the options page, or open one of your posts' analytics pages.");
  });

  it('an account with too few posts says what the comparison needs', async () => {
    const posts = [{ publishedAt: NOW - 2 * WEEK, metrics: { impressions: ex(10) } }];
    const weeks = weeklyTrend(posts, { now: NOW });
    await mount(base({ ownTrends: [{ account: { site: 'x', handle: 'new', source: 'analytics' }, weeks, alert: impressionsFallingAlert(weeks, { now: NOW }), posts: 1 }] }));
    expect(text('[data-alert="insufficient"]')).toBe(
      'Not enough data yet: the comparison needs 3 posts with impressions in each 4-week window (1 in the last, 0 in the one before).',
    );
  });

  it('paused banner with Resume recording; dashboard and export buttons call back', async () => {
    const props = base({ paused: 'quota' });
    await mount(props);
    expect($('[data-state="paused-quota"]')?.textContent).toContain('the disk is full');
    await act(() => button('Resume recording').click());
    await act(() => button('Open dashboard').click());
    await act(() => button('Export CSV').click());
    expect([props.onResume, props.onOpenDashboard, props.onExport].map((f) => (f as ReturnType<typeof vi.fn>).mock.calls.length)).toEqual([1, 1, 1]);
  });

  it.each([
    [{ state: 'unsupported' } as const, 'Postmeter does not read this page.'],
    [{ state: 'unrecognised', site: 'reddit' } as const, 'Reddit: posts found but no counters read — the site may have changed. Nothing was recorded.'],
  ])('tab health %j', async (tabHealth, message) => {
    await mount(base({ tabHealth, tabPosts: [] }));
    const note = $(`[data-health="${tabHealth.state}"]`)!;
    expect(note.textContent).toBe(message);
    expect(note.getAttribute('data-site')).toBe('site' in tabHealth ? tabHealth.site : null);
    expect(text('[aria-labelledby="pm-tab"] .pm-empty')).toBe('No posts seen on this tab yet.');
  });

  it('one h1, headings in order, links to posts open safely', async () => {
    await mount(base());
    expect($$('h1')).toHaveLength(1);
    const levels = $$('h1, h2, h3').map((h) => Number(h.tagName[1]));
    for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
    for (const a of $$('a[href]')) expect(a.getAttribute('rel')).toBe('noreferrer noopener');
  });
});
