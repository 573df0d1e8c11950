import { beforeEach, describe, expect, it } from 'vitest';
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

  it('keeps hostile text inert', () => {
    const layer = createBadgeLayer(document);
    const evil = '<img src=x onerror="window.pwned=1">';
    layer.show(document.getElementById('bar')!, 'x:1', [{ id: 'er', text: evil, title: evil }]);
    const shadow = document.querySelector(BADGE_TAG)!.shadowRoot!;
    expect(shadow.querySelector('img')).toBeNull();
    expect(shadow.querySelector('.pm-figure')!.textContent).toBe(evil);
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
