// The dashboard's behaviour with a fake DashboardApi: what each button does, the progress bar, messages and
// errors in role="alert". The real wiring (IndexedDB, downloads) is covered by test/e2e/dashboard.e2e.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { Dashboard, describeImport, failureMessage, type DashboardApi, type ExportReport } from '@/components/Dashboard';
import type { ImportSummary } from '@/lib/store/backup';
import { DEFAULT_PREFERENCES, type Preferences } from '@/lib/preferences';
import { testRoot } from '../support/test-root';

const summary = (over: Partial<ImportSummary> = {}): ImportSummary => ({
  postsAdded: 0, postsUpdated: 0, snapshotsAdded: 0, snapshotsAlreadyPresent: 0,
  accountsAdded: 0, accountsUpdated: 0, settingsImported: 0, ...over,
});

const root = testRoot();

function fakeApi(over: Partial<DashboardApi> = {}): DashboardApi {
  return {
    counts: vi.fn(async () => ({ posts: 6, snapshots: 11 })),
    export: vi.fn(async (id: string, { onProgress }: { onProgress: (r: ExportReport) => void }) => {
      onProgress({ done: 0, total: 11 });
      onProgress({ done: 11, total: 11 });
      return { filename: `postmeter-${id}-2025-01-01.csv` };
    }),
    importBackup: vi.fn(async () => summary({ postsAdded: 6, snapshotsAdded: 11 })),
    getRetention: vi.fn(async () => null),
    setRetention: vi.fn(async () => ({ deleted: 3 })),
    describeError: (e: unknown) => (e instanceof Error ? e.message : String(e)),
    // The analysis sections (test/components/dashboard-analytics.test.tsx covers them): an empty store.
    postPages: async function* () {},
    snapshots: vi.fn(async () => []),
    accounts: vi.fn(async () => []),
    preferences: vi.fn(async () => DEFAULT_PREFERENCES as Preferences),
    ...over,
  } as DashboardApi;
}

const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));
const button = (name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name) ?? expect.fail(`no button ${name}`);
const text = (selector: string) => root.querySelector(selector)?.textContent ?? null;

async function mount(api: DashboardApi) {
  await act(() => render(<Dashboard api={api} />, root));
  await flush();
}

describe('Dashboard', () => {
  it('shows what is stored and the named controls', async () => {
    await mount(fakeApi());
    expect(root.querySelector('[data-count="posts"]')?.getAttribute('data-value')).toBe('6');
    expect(root.querySelector('[data-count="snapshots"]')?.getAttribute('data-value')).toBe('11');
    for (const name of ['Export posts CSV', 'Export snapshots CSV', 'Export backup']) expect(button(name)).toBeTruthy();
    const input = root.querySelector<HTMLInputElement>('input[type=file]')!;
    expect(input.accept).toBe('.json,application/json');
    expect(root.querySelector(`label[for="${input.id}"]`)?.textContent).toBe('Import backup');
    expect(root.querySelector('[role=alert]')).toBeNull();
  });

  it('exports with the BOM option and leaves a finished progress bar and a status', async () => {
    const api = fakeApi();
    await mount(api);
    const bom = [...root.querySelectorAll('label')].find((l) => l.textContent?.includes('Include BOM for Excel'))!;
    await act(() => bom.querySelector('input')!.click());
    await act(() => button('Export snapshots CSV').click());
    await flush();
    expect(api.export).toHaveBeenCalledWith('snapshots', expect.objectContaining({ bom: true }));
    const bar = root.querySelector('.pm-progress')!;
    expect(bar.getAttribute('data-state')).toBe('done');
    const progress = bar.querySelector('progress')!;
    expect([progress.getAttribute('value'), progress.getAttribute('max')]).toEqual(['11', '11']);
    expect(text('[role=status]')).toContain('postmeter-snapshots-2025-01-01.csv');
  });

  it('disables every action while one runs', async () => {
    let finish!: () => void;
    const api = fakeApi({
      export: vi.fn(() => new Promise<{ filename: string }>((r) => (finish = () => r({ filename: 'f.csv' })))),
    });
    await mount(api);
    await act(() => button('Export posts CSV').click());
    expect(button('Export backup').disabled).toBe(true);
    expect(root.querySelector<HTMLInputElement>('input[type=file]')!.disabled).toBe(true);
    expect(root.querySelector('.pm-progress')?.getAttribute('data-state')).toBe('running');
    await act(async () => finish());
    await flush();
    expect(button('Export backup').disabled).toBe(false);
  });

  it('an export failure is an alert', async () => {
    await mount(fakeApi({ export: vi.fn(async () => Promise.reject(new Error('cursor lost'))) }));
    await act(() => button('Export posts CSV').click());
    await flush();
    expect(text('[role=alert]')).toBe('Export failed: cursor lost.');
    expect(root.querySelector('.pm-progress')).toBeNull();
  });

  it('Import backup: the summary on success, what is wrong on refusal', async () => {
    const importBackup = vi
      .fn<DashboardApi['importBackup']>()
      .mockResolvedValueOnce(summary({ postsAdded: 6, snapshotsAdded: 11 }))
      .mockRejectedValueOnce(new Error('snapshots[3].metrics.likes is -5, expected a whole number from 0'));
    const api = fakeApi({ importBackup });
    await mount(api);
    const input = root.querySelector<HTMLInputElement>('input[type=file]')!;
    const choose = async (name: string) => {
      const file = new File(['{}'], name, { type: 'application/json' });
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      await act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
      await flush();
    };
    await choose('good.json');
    expect(text('[role=status]')).toBe('Backup imported from good.json: 6 new posts, 11 snapshots added.');
    expect(root.querySelector('[role=alert]')).toBeNull();
    await choose('bad.json');
    expect(text('[role=alert]')).toBe(
      'Backup not imported: snapshots[3].metrics.likes is -5, expected a whole number from 0. Nothing was changed.',
    );
    expect(root.querySelector('[role=status]')).toBeNull();
    expect(api.counts).toHaveBeenCalledTimes(3); // on load and after each import
  });

  it('retention: Apply saves the choice and says how many snapshots went', async () => {
    const api = fakeApi();
    await mount(api);
    const select = root.querySelector('select')!;
    expect(select.value).toBe('forever');
    expect([...select.options].map((o) => o.textContent)).toEqual(['forever', '30 days', '90 days', '365 days']);
    expect(button('Apply').disabled).toBe(true);
    select.value = '30';
    await act(() => void select.dispatchEvent(new Event('change', { bubbles: true })));
    await act(() => button('Apply').click());
    await flush();
    expect(api.setRetention).toHaveBeenCalledWith(30);
    expect(text('[role=status]')).toBe('Keeping snapshots for 30 days: 3 older snapshots deleted.');
    expect(button('Apply').disabled).toBe(true);
  });

  it('describeImport words what changed, leaving out what did not', () => {
    expect(describeImport(summary({ postsAdded: 2, postsUpdated: 1, snapshotsAdded: 1000, settingsImported: 1 }))).toBe(
      '2 new posts, 1 post updated, 1,000 snapshots added, settings taken from the backup',
    );
    expect(describeImport(summary({ snapshotsAlreadyPresent: 4 }))).toBe('4 snapshots already here');
    expect(describeImport(summary())).toBe('nothing new, everything in it was already here');
  });

  it('failureMessage makes one sentence', () => {
    expect(failureMessage('Export failed', 'the disk is full')).toBe('Export failed: the disk is full.');
    expect(failureMessage('Backup not imported', 'bad file.', ' Nothing was changed.')).toBe('Backup not imported: bad file. Nothing was changed.');
    expect(failureMessage('Export failed', '  ')).toBe('Export failed: unknown error.');
  });
});
