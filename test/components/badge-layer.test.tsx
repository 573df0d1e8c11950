import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BADGE_TAG, createBadgeLayer, pageIsDark } from '@/components/badge-layer';

const fig = (text: string) => [{ id: 'er' as const, text, title: `title ${text}` }];

describe('badge layer', () => {
  beforeEach(() => {
    document.body.innerHTML = '<article><div role="group" id="bar"></div><p id="after">x</p></article>';
  });

  it('mounts one host after the anchor, keyed by post, in a shadow root', () => {
    const layer = createBadgeLayer(document);
    const bar = document.getElementById('bar')!;
    layer.show(bar, 'x:1', fig('ER 1%'));
    layer.show(bar, 'x:1', fig('ER 2%'));
    const hosts = document.querySelectorAll(BADGE_TAG);
    expect(hosts).toHaveLength(1);
    const host = hosts[0]!;
    expect(bar.nextElementSibling).toBe(host);
    expect(host.getAttribute('data-postmeter-post')).toBe('x:1');
    expect(host.shadowRoot!.querySelector('.pm-badge')!.textContent).toBe('ER 2%');
    expect(host.textContent).toBe(''); // nothing in the page's own DOM
  });

  it('re-keys the host when the element now holds another post', () => {
    const layer = createBadgeLayer(document);
    const bar = document.getElementById('bar')!;
    layer.show(bar, 'x:1', fig('a'));
    layer.show(bar, 'x:2', fig('b'));
    expect([...document.querySelectorAll(BADGE_TAG)].map((h) => h.getAttribute('data-postmeter-post'))).toEqual(['x:2']);
  });

  it('puts a host the page removed (a recycled cell) under the next post, with its new figures', () => {
    const layer = createBadgeLayer(document);
    const bar = document.getElementById('bar')!;
    layer.show(bar, 'x:1', fig('a'));
    const first = document.querySelector(BADGE_TAG)!;
    document.querySelector('article')!.remove(); // the page rewrote the cell
    document.body.innerHTML = '<article><div role="group" id="bar2"></div></article>';
    layer.show(document.getElementById('bar2')!, 'x:2', [...fig('b'), { id: 'vph', text: '5/h', title: 'per hour' }]);
    const hosts = document.querySelectorAll(BADGE_TAG);
    expect(hosts).toHaveLength(1);
    expect(hosts[0]).toBe(first);
    expect(first.getAttribute('data-postmeter-post')).toBe('x:2');
    expect([...first.shadowRoot!.querySelectorAll('.pm-figure')].map((f) => [f.getAttribute('data-figure'), f.textContent, f.getAttribute('title'), f.getAttribute('aria-label')])).toEqual([
      ['er', 'b', 'title b', 'title b'],
      ['vph', '5/h', 'per hour', 'per hour'],
    ]);
    expect(first.shadowRoot!.querySelectorAll('.pm-badge')).toHaveLength(1);
  });

  it('changes the words of the figures in place when the same figures show, and rebuilds when they differ', () => {
    const layer = createBadgeLayer(document);
    const bar = document.getElementById('bar')!;
    layer.show(bar, 'x:1', fig('ER 1%'));
    const shadow = document.querySelector(BADGE_TAG)!.shadowRoot!;
    const span = shadow.querySelector('.pm-figure')!;
    layer.show(bar, 'x:1', fig('ER 2%'));
    expect(shadow.querySelector('.pm-figure')).toBe(span);
    expect([span.textContent, span.getAttribute('title'), span.getAttribute('aria-label')]).toEqual(['ER 2%', 'title ER 2%', 'title ER 2%']);
    layer.show(bar, 'x:1', [{ id: 'growth', text: '+5', title: 'since' }]);
    const now = shadow.querySelector('.pm-figure')!;
    expect(now).not.toBe(span);
    expect(now.getAttribute('data-figure')).toBe('growth');
    layer.show(bar, 'x:1', []);
    expect(shadow.querySelector('.pm-badge')).toBeNull();
  });

  it('re-keys a host whose new post shows the same words, and follows the page theme with nothing else changed', () => {
    vi.useFakeTimers();
    const layer = createBadgeLayer(document);
    const bar = document.getElementById('bar')!;
    layer.show(bar, 'x:1', fig('ER 1%'));
    const host = document.querySelector(BADGE_TAG)!;
    const badge = host.shadowRoot!.querySelector('.pm-badge')!;
    layer.show(bar, 'x:2', fig('ER 1%'));
    expect(host.getAttribute('data-postmeter-post')).toBe('x:2');
    expect(badge.getAttribute('data-theme')).toBe('light');
    document.body.style.backgroundColor = 'rgb(0, 0, 0)';
    vi.advanceTimersByTime(1001); // the theme is looked at again after a second
    layer.show(bar, 'x:2', fig('ER 1%'));
    expect(host.shadowRoot!.querySelector('.pm-badge')).toBe(badge);
    expect(badge.getAttribute('data-theme')).toBe('dark');
    vi.useRealTimers();
    document.body.style.backgroundColor = '';
  });

  it('keeps hostile text inert', () => {
    const layer = createBadgeLayer(document);
    const evil = '<img src=x onerror="window.pwned=1">';
    layer.show(document.getElementById('bar')!, 'x:1', [{ id: 'er', text: evil, title: evil }]);
    const shadow = document.querySelector(BADGE_TAG)!.shadowRoot!;
    expect(shadow.querySelector('img')).toBeNull();
    expect(shadow.querySelector('.pm-figure')!.textContent).toBe(evil);
    layer.show(document.getElementById('bar')!, 'x:1', [{ id: 'er', text: `${evil}!`, title: evil }]); // in place
    expect(shadow.querySelector('img')).toBeNull();
    expect(shadow.querySelector('.pm-figure')!.textContent).toBe(`${evil}!`);
  });

  it('removes every badge when the extension goes away', () => {
    const layer = createBadgeLayer(document);
    layer.show(document.getElementById('bar')!, 'x:1', fig('a'));
    layer.removeAll();
    expect(document.querySelector(BADGE_TAG)).toBeNull();
  });

  it.each([
    ['rgb(0, 0, 0)', true],
    ['rgb(21, 32, 43)', true],
    ['rgb(255, 255, 255)', false],
    ['rgba(0, 0, 0, 0)', false],
  ])('reads the page theme from body background %s', (bg, dark) => {
    document.body.style.backgroundColor = bg;
    expect(pageIsDark(document)).toBe(dark);
  });
});
