// The options page's setting sections, rendered with Preact under happy-dom with fake handlers: what each shows
// and what each control hands back. The wiring to storage and the database is covered by test/e2e/options.e2e.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { SitesSection } from '@/components/options/SitesSection';
import { BadgeSection } from '@/components/options/BadgeSection';
import { RecordingSection } from '@/components/options/RecordingSection';
import { OwnAccountsSection, cleanHandle } from '@/components/options/OwnAccountsSection';
import { EngagementSection } from '@/components/options/EngagementSection';
import { engagementChoices } from '@/components/options/engagement-choices';
import { OptionsPage } from '@/components/options/OptionsPage';
import { DEFAULT_PREFERENCES } from '@/lib/preferences';
import { SITES } from '@/lib/fields';
import { AUDIENCE_METRICS, ENGAGEMENT_METRICS } from '@/lib/metrics';
import { testRoot } from '../support/test-root';

const root = testRoot();

const show = (node: ComponentChild) => act(() => render(node, root));
const $ = <E extends Element = HTMLElement>(selector: string) => root.querySelector<E>(selector)!;
const $$ = (selector: string) => [...root.querySelectorAll<HTMLElement>(selector)];
/** Clicks a checkbox the way a user does: the browser flips `checked`, then fires change. */
const toggle = (input: HTMLInputElement) =>
  act(() => {
    input.checked = !input.checked;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
const choose = (select: HTMLSelectElement, value: string) =>
  act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
/** A button's accessible name when it is composed with aria-labelledby (its own text first, then context). */
const nameOf = (el: Element) =>
  (el.getAttribute('aria-labelledby') ?? '')
    .split(' ')
    .map((id) => root.querySelector(`[id="${id}"]`)?.textContent?.trim())
    .join(' ');
/** Each labelled control's accessible label text (label wrapping it, or label[for]). */
const labelOf = (input: HTMLElement) => (input.closest('label') ?? root.querySelector(`label[for="${input.id}"]`))?.textContent?.trim();

describe('every section', () => {
  it.each([
    ['sites', () => <SitesSection sites={DEFAULT_PREFERENCES.sites} onChange={vi.fn()} />, 'Sites'],
    ['badge', () => <BadgeSection badge={DEFAULT_PREFERENCES.badge} erBasis="auto" onFigure={vi.fn()} onBasis={vi.fn()} />, 'Badge'],
    ['recording', () => <RecordingSection state={{ paused: false }} onPause={vi.fn()} onResume={vi.fn()} />, 'Recording'],
    ['own-accounts', () => <OwnAccountsSection accounts={[]} onMark={vi.fn()} onUnmark={vi.fn()} />, 'Your accounts'],
    ['engagement', () => <EngagementSection engagement={{}} onChange={vi.fn()} />, 'What counts as engagement'],
  ])('%s is a <section> named by its <h2>, every input labelled', (name, make, title) => {
    show(make());
    const section = $(`section[data-section="${name}"]`);
    const h2 = section.querySelector('h2')!;
    expect(h2.textContent).toBe(title);
    expect(section.getAttribute('aria-labelledby')).toBe(h2.id);
    for (const input of section.querySelectorAll<HTMLElement>('input, select')) expect(labelOf(input), input.outerHTML).toBeTruthy();
  });
});

describe('Sites', () => {
  it('one switch per site, with its human name, reflecting the preference', () => {
    show(<SitesSection sites={{ ...DEFAULT_PREFERENCES.sites, tiktok: false }} onChange={vi.fn()} />);
    const switches = $$('input[role="switch"]') as HTMLInputElement[];
    expect(switches.map((s) => s.dataset.site)).toEqual([...SITES]);
    expect(switches.map(labelOf)).toEqual(['X', 'LinkedIn', 'YouTube', 'Instagram', 'Facebook', 'TikTok', 'Threads', 'Bluesky', 'Reddit', 'Mastodon']);
    expect(switches.filter((s) => !s.checked).map((s) => s.dataset.site)).toEqual(['tiktok']);
  });

  it('switching one hands back the site and its new state', () => {
    const onChange = vi.fn();
    show(<SitesSection sites={DEFAULT_PREFERENCES.sites} onChange={onChange} />);
    toggle($<HTMLInputElement>('input[data-site="x"]'));
    expect(onChange).toHaveBeenCalledWith('x', false);
  });

  it('disabled while loading', () => {
    show(<SitesSection onChange={vi.fn()} />);
    expect(($$('input') as HTMLInputElement[]).every((i) => i.disabled)).toBe(true);
  });
});

describe('Badge', () => {
  it('a checkbox per figure and the basis select, as stored', () => {
    show(<BadgeSection badge={{ ...DEFAULT_PREFERENCES.badge, vph: false }} erBasis="reach" onFigure={vi.fn()} onBasis={vi.fn()} />);
    const boxes = $$('input[data-figure]') as HTMLInputElement[];
    expect(boxes.map((b) => [b.dataset.figure, b.checked])).toEqual([
      ['er', true], ['vph', false], ['growth', true], ['frequency', true], ['ctr', true],
    ]);
    expect(boxes.map(labelOf)).toEqual([
      'Engagement rate', 'Views per hour', 'Growth since you last saw the post', 'Frequency (impressions per person reached)', 'Click-through rate (CTR)',
    ]);
    const select = $<HTMLSelectElement>('#pm-er-basis');
    expect(select.value).toBe('reach');
    expect([...select.options].map((o) => o.value)).toEqual(['auto', 'impressions', 'views', 'reach', 'followers']);
    expect(select.options[0]!.textContent).toBe('Automatic: the first denominator the page shows');
  });

  it('hands back a figure switched off and a basis chosen', () => {
    const onFigure = vi.fn();
    const onBasis = vi.fn();
    show(<BadgeSection badge={DEFAULT_PREFERENCES.badge} erBasis="auto" onFigure={onFigure} onBasis={onBasis} />);
    toggle($<HTMLInputElement>('input[data-figure="ctr"]'));
    expect(onFigure).toHaveBeenCalledWith('ctr', false);
    choose($<HTMLSelectElement>('#pm-er-basis'), 'followers');
    expect(onBasis).toHaveBeenCalledWith('followers');
  });
});

describe('Recording', () => {
  it('the pause switch shows and sets the user pause', () => {
    const onPause = vi.fn();
    show(<RecordingSection state={{ paused: true }} onPause={onPause} onResume={vi.fn()} />);
    const pause = $<HTMLInputElement>('input[role="switch"]');
    expect(labelOf(pause)).toBe('Pause recording');
    expect(pause.checked).toBe(true);
    expect($('[data-paused="quota"]')).toBeNull();
    toggle(pause);
    expect(onPause).toHaveBeenCalledWith(false);
  });

  it('a full disk is said as such, with Resume', () => {
    const onResume = vi.fn();
    const since = Date.UTC(2026, 10, 2, 9, 30);
    show(<RecordingSection state={{ paused: false, quotaFullSince: since }} onPause={vi.fn()} onResume={onResume} />);
    const alert = $('[data-paused="quota"]');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('because the disk is full');
    expect(alert.textContent).toContain('2026');
    act(() => alert.querySelector('button')!.click());
    expect(onResume).toHaveBeenCalledTimes(1);
  });
});

describe('Own accounts', () => {
  const accounts = [
    { site: 'x', handle: 'postmeter_demo', source: 'marked' },
    { site: 'linkedin', handle: 'pm-demo', source: 'analytics' },
  ] as const;

  it('lists marked and recognised accounts with their source; only marked ones can be unmarked', () => {
    const onUnmark = vi.fn();
    show(<OwnAccountsSection accounts={accounts} onMark={vi.fn()} onUnmark={onUnmark} />);
    const items = $$('[data-account]');
    expect(items.map((li) => [li.dataset.account, li.dataset.source])).toEqual([
      ['x:postmeter_demo', 'marked'],
      ['linkedin:pm-demo', 'analytics'],
    ]);
    expect(items[0]!.textContent).toContain('marked by you');
    expect(items[1]!.textContent).toContain('recognised from an analytics page');
    expect(items[1]!.querySelector('button')).toBeNull();
    const unmark = items[0]!.querySelector('button')!;
    expect(nameOf(unmark)).toBe('Unmark X postmeter_demo');
    act(() => unmark.click());
    expect(onUnmark).toHaveBeenCalledWith('x', 'postmeter_demo');
  });

  it('marks the chosen site and handle (without "@"), then empties the field', () => {
    const onMark = vi.fn();
    show(<OwnAccountsSection accounts={[]} onMark={onMark} onUnmark={vi.fn()} />);
    expect($('[data-accounts="none"]').textContent).toBe('No accounts yet.');
    choose($<HTMLSelectElement>('#pm-own-site'), 'mastodon');
    const input = $<HTMLInputElement>('#pm-own-handle');
    act(() => {
      input.value = ' @me@fosstodon.org ';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => void $('form').dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    expect(onMark).toHaveBeenCalledWith('mastodon', 'me@fosstodon.org');
    expect(input.value).toBe('');
  });

  it('an empty handle is refused with a message, not sent', () => {
    const onMark = vi.fn();
    show(<OwnAccountsSection accounts={[]} onMark={onMark} onUnmark={vi.fn()} />);
    act(() => void $('form').dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    expect(onMark).not.toHaveBeenCalled();
    expect($('[role="alert"]').textContent).toBe("Type the account's handle first.");
    expect($('#pm-own-handle').getAttribute('aria-invalid')).toBe('true');
  });

  it.each([
    ['name', 'name'],
    ['  @name ', 'name'],
    ['@user@host.social', 'user@host.social'],
    ['   ', ''],
  ])('cleanHandle(%j) = %j', (typed, clean) => expect(cleanHandle(typed)).toBe(clean));
});

describe('Engagement sets', () => {
  it('offers each site its non-audience counters, default set checked', () => {
    show(<EngagementSection engagement={{}} onChange={vi.fn()} />);
    for (const site of SITES) {
      const set = $(`[data-engagement-site="${site}"]`);
      const boxes = [...set.querySelectorAll<HTMLInputElement>('input[data-metric]')];
      expect(boxes.map((b) => b.dataset.metric)).toEqual(engagementChoices(site));
      expect(boxes.filter((b) => b.checked).map((b) => b.dataset.metric).sort()).toEqual([...ENGAGEMENT_METRICS[site]].sort());
      expect(boxes.some((b) => AUDIENCE_METRICS.includes(b.dataset.metric as never))).toBe(false);
      expect(set.querySelector('legend')!.textContent).toContain('(default)');
      expect(set.querySelector<HTMLButtonElement>('button')!.disabled).toBe(true);
    }
  });

  it('unchecking one hands back the rest; re-checking the default hands back undefined (no choice stored)', () => {
    const onChange = vi.fn();
    show(<EngagementSection engagement={{}} onChange={onChange} />);
    toggle($<HTMLInputElement>('[data-engagement-site="x"] input[data-metric="bookmarks"]'));
    expect(onChange).toHaveBeenLastCalledWith('x', ['likes', 'replies', 'reposts', 'quotes']);
    show(<EngagementSection engagement={{ x: ['likes', 'replies', 'reposts', 'quotes'] }} onChange={onChange} />);
    toggle($<HTMLInputElement>('[data-engagement-site="x"] input[data-metric="bookmarks"]'));
    expect(onChange).toHaveBeenLastCalledWith('x', undefined);
  });

  it('a custom set is marked, can be reset, and its last box cannot be unchecked', () => {
    const onChange = vi.fn();
    show(<EngagementSection engagement={{ reddit: ['likes'] }} onChange={onChange} />);
    const set = $('[data-engagement-site="reddit"]');
    expect(set.dataset.custom).toBe('true');
    expect(set.querySelector('legend')!.textContent).toContain('(custom)');
    expect(set.querySelector<HTMLInputElement>('input[data-metric="likes"]')!.disabled).toBe(true);
    const reset = set.querySelector<HTMLButtonElement>('button')!;
    expect(nameOf(reset), 'its visible text first, then the site').toBe('Reset to default Reddit');
    act(() => reset.click());
    expect(onChange).toHaveBeenCalledWith('reddit', undefined);
  });
});

describe('the page frame', () => {
  it('one h1, and a polite status that re-announces each change', () => {
    show(<OptionsPage status={{ n: 1, text: 'Saved' }}>{null}</OptionsPage>);
    expect($$('h1').map((h) => h.textContent)).toEqual(['Postmeter options']);
    const status = $('[role="status"]');
    expect(status.getAttribute('aria-live')).toBe('polite');
    const first = status.firstElementChild;
    expect(status.textContent).toBe('Saved');
    show(<OptionsPage status={{ n: 2, text: 'Saved' }}>{null}</OptionsPage>);
    expect(status.firstElementChild, 'a fresh node').not.toBe(first);
    show(<OptionsPage status={{ n: 3, text: 'Not saved: boom', error: true }}>{null}</OptionsPage>);
    expect(status.dataset.saveStatus).toBe('error');
  });
});
