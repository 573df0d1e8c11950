// @tanstack/virtual-core's Virtualizer as a Preact hook: which rows of a long list are in (or near) the scroll
// element's viewport. Rows have one fixed height, so nothing is measured: 10,000 rows cost what 40 do.
// The same lifecycle as @tanstack/react-virtual: options refreshed every render, _didMount once (starts the
// scroll and resize observers), _willUpdate after each render (picks up a new scroll element).
import { useLayoutEffect, useReducer, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import {
  Virtualizer, elementScroll, observeElementOffset, observeElementRect,
  type VirtualItem, type VirtualizerOptions,
} from '@tanstack/virtual-core';

export interface VirtualRowsOptions {
  count: number;
  scrollRef: RefObject<HTMLElement>;
  /** px, every row. */
  rowHeight: number;
  /** Rows rendered beyond each edge of the viewport, so fast scrolling does not show blank space. */
  overscan?: number;
  /** px above the first row inside the scroll element (a sticky table header). */
  paddingStart?: number;
  /** The viewport assumed before the element is measured (and where it never is: happy-dom). */
  initialHeight?: number;
}

export interface VirtualRows {
  items: VirtualItem[];
  /** Height of all rows together, px (without paddingStart). */
  totalSize: number;
  /** Space to leave above the first rendered row and below the last, px. */
  before: number;
  after: number;
  scrollToIndex(index: number): void;
}

export function useVirtualRows({
  count, scrollRef, rowHeight, overscan = 10, paddingStart = 0, initialHeight = 600,
}: VirtualRowsOptions): VirtualRows {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const options: VirtualizerOptions<HTMLElement, HTMLElement> = {
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan,
    paddingStart,
    initialRect: { width: 0, height: initialHeight },
    scrollToFn: elementScroll,
    // An element with no layout yet (not displayed, or no layout engine at all: happy-dom) measures 0 high;
    // it gets the assumed viewport instead of no rows at all.
    observeElementRect: (instance, cb) =>
      observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : { width: rect.width, height: initialHeight })),
    observeElementOffset,
    onChange: () => rerender(undefined),
  };
  const [virtualizer] = useState(() => new Virtualizer<HTMLElement, HTMLElement>(options));
  virtualizer.setOptions(options);

  useLayoutEffect(() => virtualizer._didMount(), [virtualizer]);
  useLayoutEffect(() => virtualizer._willUpdate());

  const items = virtualizer.getVirtualItems();
  const totalSize = virtualizer.getTotalSize() - paddingStart;
  const first = items[0];
  const last = items[items.length - 1];
  const before = first ? first.start - paddingStart : 0;
  const after = last ? Math.max(0, paddingStart + totalSize - last.end) : 0;
  return { items, totalSize, before, after, scrollToIndex: (i) => virtualizer.scrollToIndex(i) };
}
