// The options page's "Mastodon instances" section, with fake handlers. The real wiring (the permission request, the
// background registering the content script) is covered by test/e2e/mastodon.e2e.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { MastodonInstances, type MastodonInstancesProps } from '@/components/options/MastodonInstances';
import { testRoot } from '../support/test-root';

const root = testRoot();

function show(over: Partial<MastodonInstancesProps> = {}) {
  const props: MastodonInstancesProps = { builtin: ['mastodon.social'], instances: [], onAdd: vi.fn(), onRemove: vi.fn(), ...over };
  act(() => render(<MastodonInstances {...props} />, root));
  return props;
}

const input = () => root.querySelector<HTMLInputElement>('#pm-instance-host')!;
const type = (text: string) =>
  act(() => {
    input().value = text;
    input().dispatchEvent(new Event('input', { bubbles: true }));
  });

describe('Mastodon instances (options)', () => {
  it('names the built-in instance and says when none is added', () => {
    show();
    expect(root.querySelector('h2')!.textContent).toBe('Mastodon instances');
    expect(root.textContent).toContain('mastodon.social out of the box');
    expect(root.querySelector('[data-instances="none"]')).not.toBeNull();
    expect(root.querySelector('label[for="pm-instance-host"]')!.textContent).toBe('Server');
  });

  it('hands what was typed to onAdd synchronously, inside the submit event (the permission prompt needs the click)', () => {
    let during: string | undefined;
    const props = show({ onAdd: vi.fn((text: string) => (during = text)) });
    type(' fosstodon.org ');
    const form = root.querySelector('form')!;
    const event = new Event('submit', { bubbles: true, cancelable: true });
    act(() => {
      form.dispatchEvent(event);
      expect(during, 'called before the event returned').toBe(' fosstodon.org ');
    });
    expect(event.defaultPrevented).toBe(true);
    expect(props.onAdd).toHaveBeenCalledTimes(1);
  });

  it('lists the added instances, each with its own Remove button', () => {
    const props = show({ instances: ['fosstodon.org', 'hachyderm.io'] });
    expect([...root.querySelectorAll('[data-instance]')].map((li) => li.getAttribute('data-instance'))).toEqual(['fosstodon.org', 'hachyderm.io']);
    act(() => root.querySelector<HTMLButtonElement>('button[aria-label="Remove hachyderm.io"]')!.click());
    expect(props.onRemove).toHaveBeenCalledWith('hachyderm.io');
  });

  it('disables the buttons while a request is out', () => {
    show({ instances: ['fosstodon.org'], busy: true });
    for (const b of root.querySelectorAll('button')) expect(b.disabled).toBe(true);
  });

  it.each<[MastodonInstancesProps['notice'], string, string]>([
    [{ kind: 'added', host: 'fosstodon.org' }, 'status', 'Added fosstodon.org. Reload its open tabs to start reading them.'],
    [{ kind: 'removed', host: 'fosstodon.org' }, 'status', 'Removed fosstodon.org. Postmeter no longer reads it.'],
    [{ kind: 'invalid', text: 'http://x' }, 'alert', '"http://x" is not a server name. Type the address of your instance, such as fosstodon.org.'],
    [{ kind: 'builtin', host: 'mastodon.social' }, 'alert', 'mastodon.social works without adding it.'],
    [{ kind: 'other-site', host: 'x.com' }, 'alert', 'x.com is not a Mastodon instance; Postmeter already reads it as its own site.'],
    [{ kind: 'not-granted', host: 'fosstodon.org' }, 'alert', 'Not added: the browser did not grant access to fosstodon.org.'],
    [{ kind: 'failed', host: 'fosstodon.org', message: 'boom' }, 'alert', 'Could not add fosstodon.org: boom.'],
  ])('notice %j', (notice, role, text) => {
    show({ notice });
    const p = root.querySelector('[data-notice]')!;
    expect(p.getAttribute('data-notice')).toBe(notice!.kind);
    expect(p.getAttribute('role')).toBe(role);
    expect(p.textContent).toBe(text);
  });
});
