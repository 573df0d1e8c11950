// "Clear all data" on the options page: nothing happens before the inline confirmation, focus moves into it
// and back, and the result (or the failure) is reported. clearAllData itself: test/store/clear.test.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { ClearDataSection, type ClearDataSectionProps } from '@/components/options/ClearDataSection';
import { testRoot } from '../support/test-root';

const root = testRoot();

function show(over: Partial<ClearDataSectionProps> = {}) {
  const props: ClearDataSectionProps = {
    onClear: vi.fn(async () => ({ posts: 1234, snapshots: 5, accounts: 1 })),
    describeError: (e) => (e as Error).message,
    ...over,
  };
  act(() => render(<ClearDataSection {...props} />, root));
  return props;
}
const button = (name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === name);
const click = async (name: string) => {
  const b = button(name);
  if (!b) throw new Error(`no button "${name}" in ${root.innerHTML}`);
  await act(async () => b.click());
};

describe('Clear all data', () => {
  it('the first button only asks: an alertdialog, focused, naming what goes', async () => {
    const props = show();
    expect(root.querySelector('h2')!.textContent).toBe('Clear all data');
    expect(root.textContent).toContain('preferences on this page are kept');
    await click('Clear all data…');
    expect(props.onClear).not.toHaveBeenCalled();
    const dialog = root.querySelector<HTMLElement>('[role="alertdialog"]')!;
    expect(dialog).not.toBeNull();
    expect(document.activeElement).toBe(dialog);
    expect(root.querySelector(`#${dialog.getAttribute('aria-labelledby')}`)!.textContent).toBe('Delete everything?');
    expect(root.querySelector(`#${dialog.getAttribute('aria-describedby')}`)!.textContent).toContain('cannot be undone');
    expect(button('Delete everything')).toBeDefined();
    expect(button('Cancel')).toBeDefined();
  });

  it('Cancel closes it without clearing and gives focus back to the button', async () => {
    const props = show();
    await click('Clear all data…');
    await click('Cancel');
    expect(props.onClear).not.toHaveBeenCalled();
    expect(root.querySelector('[role="alertdialog"]')).toBeNull();
    expect(document.activeElement).toBe(button('Clear all data…'));
  });

  it('Escape cancels too', async () => {
    const props = show();
    await click('Clear all data…');
    const dialog = root.querySelector<HTMLElement>('[role="alertdialog"]')!;
    act(() => {
      dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(root.querySelector('[role="alertdialog"]')).toBeNull();
    expect(props.onClear).not.toHaveBeenCalled();
  });

  it('Delete everything clears once and reports the counts, preferences kept', async () => {
    const props = show();
    await click('Clear all data…');
    await click('Delete everything');
    expect(props.onClear).toHaveBeenCalledTimes(1);
    expect(root.querySelector('[role="alertdialog"]')).toBeNull();
    const done = root.querySelector<HTMLElement>('[data-cleared]')!;
    expect(done.dataset.cleared).toBe('1234,5,1');
    expect(done.closest('[role="status"]')!.getAttribute('aria-live')).toBe('polite');
    expect(done.textContent).toBe('Deleted. Posts: 1,234, snapshots: 5, accounts: 1. Your preferences were kept.');
    expect(document.activeElement).toBe(button('Clear all data…'));
  });

  it('while deleting, both buttons are disabled', async () => {
    let finish!: (r: { posts: number; snapshots: number; accounts: number }) => void;
    show({ onClear: () => new Promise((resolve) => (finish = resolve)) });
    await click('Clear all data…');
    await click('Delete everything');
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('[role="alertdialog"] button')];
    expect(buttons.map((b) => [b.textContent, b.disabled])).toEqual([
      ['Deleting…', true],
      ['Cancel', true],
    ]);
    await act(async () => finish({ posts: 0, snapshots: 0, accounts: 0 }));
    expect(root.querySelector('[data-cleared]')!.getAttribute('data-cleared')).toBe('0,0,0');
  });

  it('a failure says nothing was deleted, and why', async () => {
    show({ onClear: () => Promise.reject(new Error('the disk is full')) });
    await click('Clear all data…');
    await click('Delete everything');
    expect(root.querySelector('[role="alert"]')!.textContent).toBe('Nothing was deleted: the disk is full');
    expect(root.querySelector('[data-cleared]')).toBeNull();
  });
});
