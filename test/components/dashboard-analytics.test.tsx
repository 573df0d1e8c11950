// The dashboard's analysis sections under happy-dom with a fake AnalyticsApi: the posts table (rows, sort,
// filters, selection), a post's history as a chart that degrades to its data table without canvas, the
// comparison, and the per-account weeks with the "impressions falling" alert. The browser test
// (test/e2e/dashboard-analytics.e2e.ts) covers the canvas, virtual scrolling and accessibility for real.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { Analytics, MAX_COMPARED, type AnalyticsApi } from '@/components/dashboard/Analytics';
import { alignSeries, canDrawCharts, TimeChart } from '@/components/dashboard/TimeChart';
import { DEFAULT_PREFERENCES, type Preferences } from '@/lib/preferences';
import { isoWeekStart, WEEK } from '@/lib/trend';
import type { AccountRow, PostRow, SnapshotRow } from '@/lib/store/schema';
import type { Metrics, SiteId } from '@/lib/types';
import { testRoot } from '../support/test-root';

const ex = (n: number) => ({ value: n, min: n, max: n, exact: true });
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 2, 12, 12); // a Thursday

function post(site: SiteId, postId: string, author: string, publishedAt: number, metrics: Metrics): PostRow {
  return { site, postId, url: `https://example.com/${postId}`, author, publishedAt, metrics, firstSeen: publishedAt + HOUR, lastSeen: NOW - HOUR, snapshots: 2 };
}

const LINKEDIN = post('linkedin', 'li1', 'pm-demo', NOW - 3 * DAY, {
  impressions: ex(50_000), reach: ex(5_000), likes: ex(400), replies: ex(60), reposts: ex(40), clicks: ex(1_500),
});
const VIDEO = post('youtube', 'yt1', 'PostmeterDemo', NOW - 20 * HOUR, { views: ex(5_000), likes: ex(250) });
/** An own X account: 3 posts a week for 8 weeks, 10,000 then 4,000 impressions each. */
const OWN: PostRow[] = Array.from({ length: 24 }, (_, i) => {
  const w = Math.floor(i / 3);
  const at = isoWeekStart(NOW) - (8 - w) * WEEK + (i % 3) * 2 * DAY + 12 * HOUR;
  return post('x', `x${i}`, 'postmeter_demo', at, { impressions: ex(w < 4 ? 10_000 : 4_000), likes: ex(50) });
});
const POSTS = [LINKEDIN, VIDEO, ...OWN];
const ACCOUNTS: AccountRow[] = [{ site: 'x', handle: 'postmeter_demo', own: true, followers: [], firstSeen: NOW - 60 * DAY, lastSeen: NOW }];
const SNAPSHOTS: SnapshotRow[] = [
  { site: 'linkedin', postId: 'li1', observedAt: NOW - 3 * DAY + 2 * HOUR, metrics: { impressions: ex(8_000), reach: ex(2_000), likes: ex(90) } },
  { site: 'linkedin', postId: 'li1', observedAt: NOW - 2 * DAY, metrics: { impressions: ex(30_000), reach: ex(4_000), likes: ex(300) } },
];

function fakeApi(): AnalyticsApi {
  return {
    postPages: async function* () {
      yield POSTS.slice(0, 10);
      yield POSTS.slice(10);
    },
    snapshots: vi.fn(async (site: SiteId, postId: string) => SNAPSHOTS.filter((s) => s.site === site && s.postId === postId)),
    accounts: vi.fn(async () => ACCOUNTS),
    preferences: vi.fn(async () => DEFAULT_PREFERENCES as Preferences),
    describeError: (e: unknown) => String(e),
  };
}

const root = testRoot();

const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));
const rowKeys = () => [...root.querySelectorAll('tr[data-postmeter-row]')].map((r) => r.getAttribute('data-postmeter-row'));
const cellText = (key: string, column: string) =>
  root.querySelector(`[data-postmeter-row="${key}"] td[data-column="${column}"]`)?.textContent;

async function mount(api = fakeApi()) {
  await act(() => render(<Analytics api={api} now={NOW} />, root));
  await flush();
  await flush();
  return api;
}

describe('Analytics: the posts table', () => {
  it('lists every post with its figures, newest first, as a table with a row count', async () => {
    await mount();
    const table = root.querySelector('table.pm-posts')!;
    expect(table.getAttribute('aria-rowcount')).toBe(String(POSTS.length + 1));
    expect(rowKeys()[0]).toBe('youtube:yt1');
    expect(cellText('linkedin:li1', 'impressions')).toBe('50,000');
    expect(cellText('linkedin:li1', 'reach')).toBe('5,000');
    expect(cellText('linkedin:li1', 'frequency')).toBe('10.0×');
    expect(cellText('linkedin:li1', 'ctr')).toBe('3%');
    const er = root.querySelector('[data-postmeter-row="linkedin:li1"] td[data-column="er"]')!;
    expect(er.textContent).toBe('1%');
    expect(er.getAttribute('title')).toBe('500 engagements (Likes + Replies + Reposts) ÷ 50,000 Impressions');
    expect(root.querySelector('th[data-column="er"] button')!.getAttribute('title')).toMatch(/^Engagement rate: engagements ÷ impressions/);
    expect(cellText('youtube:yt1', 'frequency')).toBe('—');
    const rows = [...root.querySelectorAll('tr[data-postmeter-row]')];
    expect(rows.map((r) => r.getAttribute('aria-rowindex'))).toEqual(rows.map((_, i) => String(i + 2)));
    expect(root.querySelector('[data-shown]')!.textContent).toContain(`${POSTS.length} posts`);
  });

  it('sorts on a header click, flips on the next, and says so in aria-sort', async () => {
    await mount();
    const th = root.querySelector('th[data-column="impressions"]')!;
    expect(th.getAttribute('aria-sort')).toBeNull();
    expect(root.querySelector('th[data-column="published"]')!.getAttribute('aria-sort')).toBe('descending');
    await act(() => th.querySelector('button')!.click());
    expect(th.getAttribute('aria-sort')).toBe('descending');
    expect(rowKeys()[0]).toBe('linkedin:li1');
    await act(() => th.querySelector('button')!.click());
    expect(th.getAttribute('aria-sort')).toBe('ascending');
    expect(rowKeys()[0]).toBe('x:x23'); // 4,000 impressions, ties newest first; the video (none) stays last
  });

  it('filters by site, author and date, and clears', async () => {
    await mount();
    const site = root.querySelector<HTMLSelectElement>('#pm-filter-site')!;
    expect([...site.options].map((o) => o.value)).toEqual(['', 'x', 'linkedin', 'youtube']);
    site.value = 'linkedin';
    await act(() => void site.dispatchEvent(new Event('change', { bubbles: true })));
    expect(rowKeys()).toEqual(['linkedin:li1']);
    expect(root.querySelector('[data-shown]')!.getAttribute('data-shown')).toBe('1');
    const clear = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Clear filters')!;
    await act(() => clear.click());
    const from = root.querySelector<HTMLInputElement>('#pm-filter-from')!;
    const d = new Date(NOW - 2 * DAY);
    from.value = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    await act(() => void from.dispatchEvent(new Event('input', { bubbles: true })));
    expect(rowKeys()).toEqual(['youtube:yt1']);
    await act(() => clear.click());
    const author = root.querySelector<HTMLInputElement>('#pm-filter-author')!;
    author.value = 'DEMO';
    await act(() => void author.dispatchEvent(new Event('input', { bubbles: true })));
    // pm-demo, PostmeterDemo, postmeter_demo: all of them (more than the rendered window of rows).
    expect(root.querySelector('[data-shown]')!.getAttribute('data-shown')).toBe(String(POSTS.length));
    expect(rowKeys().length).toBeLessThan(POSTS.length);
    author.value = 'pm-';
    await act(() => void author.dispatchEvent(new Event('input', { bubbles: true })));
    expect(rowKeys()).toEqual(['linkedin:li1']);
  });
});

describe('Analytics: a post over time, comparison, accounts', () => {
  it('selecting a row shows its history as a data table when there is no canvas', async () => {
    const api = await mount();
    expect(canDrawCharts()).toBe(false);
    const author = root.querySelector<HTMLButtonElement>('[data-postmeter-row="linkedin:li1"] .pm-row-select')!;
    expect(author.getAttribute('aria-pressed')).toBe('false');
    await act(() => author.click());
    await flush();
    expect(api.snapshots).toHaveBeenCalledWith('linkedin', 'li1');
    expect(author.getAttribute('aria-pressed')).toBe('true');
    const detail = root.querySelector('[data-detail="linkedin:li1"]')!;
    expect(detail.querySelector('h2')!.textContent).toContain('pm-demo on LinkedIn');
    const chart = detail.querySelector('figure[data-chart="table"]')!;
    expect(chart.querySelector('canvas')).toBeNull();
    expect(chart.querySelector('details')!.open).toBe(true);
    const table = chart.querySelector('table')!;
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['Time', 'Impressions', 'Reach']);
    // Two snapshots and the latest sighting (lastSeen).
    expect([...table.querySelectorAll('tbody tr')].map((tr) => tr.querySelector('td')!.textContent)).toEqual(['8,000', '30,000', '50,000']);
    expect(chart.querySelector('.pm-chart-summary')!.textContent).toBe(
      'Impressions: 8,000 at first, 50,000 at last, highest 50,000 (3 points). Reach: 2,000 at first, 5,000 at last, highest 5,000 (3 points).',
    );
  });

  it('ticked posts are compared side by side', async () => {
    await mount();
    const tick = (key: string) => root.querySelector<HTMLInputElement>(`[data-postmeter-row="${key}"] input[type=checkbox]`)!;
    expect(tick('linkedin:li1').getAttribute('aria-label')).toMatch(/^Compare pm-demo, /);
    await act(() => tick('linkedin:li1').click());
    await flush();
    expect(root.querySelector('.pm-compare')!.textContent).toContain('Tick another post');
    await act(() => tick('youtube:yt1').click());
    await flush();
    const compare = root.querySelector('.pm-compare')!;
    expect([...compare.querySelectorAll('th[data-compare]')].map((th) => th.getAttribute('data-compare'))).toEqual(['linkedin:li1', 'youtube:yt1']);
    const figures = (column: string) => [...compare.querySelectorAll(`td[data-column="${column}"]`)].map((td) => td.textContent);
    expect(figures('impressions')).toEqual(['50,000', '—']);
    expect(figures('views')).toEqual(['—', '5,000']);
    expect(figures('frequency')).toEqual(['10.0×', '—']);
    // The overlay: the first headline counter every compared post has (no impressions or views on both: likes).
    expect(compare.querySelector('figcaption')!.textContent).toBe('Likes by hours since published');
    const remove = compare.querySelector<HTMLButtonElement>('th[data-compare="youtube:yt1"] button')!;
    await act(() => remove.click());
    expect(root.querySelectorAll('.pm-compare th[data-compare]')).toHaveLength(1);
    expect(tick('youtube:yt1').checked).toBe(false);
  });

  it('at most MAX_COMPARED posts are ticked: the other checkboxes are disabled then', async () => {
    await mount();
    const boxes = () => [...root.querySelectorAll<HTMLInputElement>('tr[data-postmeter-row] input[type=checkbox]')];
    for (const box of boxes().slice(0, MAX_COMPARED)) await act(() => box.click());
    await flush();
    expect(root.querySelectorAll('.pm-compare th[data-compare]')).toHaveLength(MAX_COMPARED);
    expect(boxes().filter((b) => b.disabled)).toHaveLength(boxes().length - MAX_COMPARED);
    await act(() => boxes()[0]!.click());
    expect(boxes().some((b) => b.disabled)).toBe(false);
  });

  it('an own account gets its weeks and the falling alert', async () => {
    await mount();
    const panel = root.querySelector('[data-account="x:postmeter_demo"]')!;
    expect(panel.querySelector('h3')!.textContent).toContain('postmeter_demo · X');
    const verdict = panel.querySelector('[data-alert]')!;
    expect(verdict.getAttribute('data-alert')).toBe('falling');
    expect(verdict.textContent).toBe(
      'Impressions are falling while posting frequency holds. Impressions per post: -60% in the last 4 complete weeks against the 4 before, at 3 posts a week against 3.',
    );
    const weeks = panel.querySelector('table[data-weeks]')!;
    const body = [...weeks.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(body).toHaveLength(9); // 8 weeks and the current one
    expect(body[0]).toEqual(['3', '30,000', '—', '—', '0.5%']);
    expect(body[8]).toEqual(['0', '—', '—', '—', '—']);
    // pm-demo's post was read on its analytics page (it has reach): recognised as the user's too.
    expect([...root.querySelectorAll('[data-account]')].map((a) => a.getAttribute('data-account'))).toEqual(['x:postmeter_demo', 'linkedin:pm-demo']);
    // The picker offers the others; choosing one shows its panel.
    const pick = root.querySelector<HTMLSelectElement>('.pm-accounts select')!;
    expect([...pick.options].map((o) => o.value)).toEqual(['', 'youtube:PostmeterDemo']);
    pick.value = 'youtube:PostmeterDemo';
    await act(() => void pick.dispatchEvent(new Event('change', { bubbles: true })));
    const other = root.querySelector('[data-account="youtube:PostmeterDemo"]')!;
    expect(other.querySelector('[data-alert]')!.getAttribute('data-alert')).toBe('insufficient');
  });
});

describe('TimeChart', () => {
  it('aligns series on shared x values, null where a series has no point', () => {
    expect(alignSeries([{ label: 'a', points: [[2, 20], [1, 10]] }, { label: 'b', points: [[3, 30], [1, 11]] }])).toEqual([
      [1, 2, 3], [10, 20, null], [11, null, 30],
    ]);
  });

  it('without canvas: legend, summary and an open data table, no canvas', async () => {
    await act(() =>
      render(<TimeChart title="Likes" x="hours" formatY={(y) => `${y}`} series={[{ label: 'A', points: [[0, 1], [1.5, 4]] }]} />, root),
    );
    const figure = root.querySelector('figure')!;
    expect(figure.getAttribute('data-chart')).toBe('table');
    expect(figure.querySelector('canvas, .pm-chart-canvas')).toBeNull();
    expect([...figure.querySelectorAll('tbody th')].map((th) => th.textContent)).toEqual(['0 h', '1.5 h']);
    expect(figure.querySelector('.pm-legend')!.textContent).toBe('A');
  });

  it('with nothing to draw says so', async () => {
    await act(() => render(<TimeChart title="Likes" x="time" formatY={String} series={[]} />, root));
    expect(root.querySelector('.pm-chart-summary')!.textContent).toBe('Nothing to chart yet.');
    expect(root.querySelector('table')).toBeNull();
  });
});
