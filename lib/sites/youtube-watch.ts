// The watch page's own video (ytd-watch-metadata) and the Shorts player's active reel (ytd-reel-video-renderer).
// Both take their video id from the page address, checked against the element's own attributes where it has them;
// the selectors and their sources are in ./youtube-selectors.ts.
import { exactCount, type Count } from '../count';
import type { Metric } from '../types';
import { SELECTORS } from './youtube-selectors';
import { agree, bareCount, labelNumber, viewCountText } from './youtube-text';

type Metrics = Partial<Record<Metric, Count>>;

interface ViewCountProps {
  numberText?: unknown;
  numberValue?: unknown;
}

/**
 * `ytd-watch-info-text[view-count-props]`: {"numberText":"12,840,948","numberValue":12840948,…}. The number value is
 * exact; a number text must agree with it. Live streams and collapsed states carry "" (nothing known). 'bad' when the
 * attribute contradicts itself or is not JSON.
 */
function propsViews(info: Element, locale: string | undefined): Count | null | 'bad' {
  const raw = info.getAttribute('view-count-props');
  if (!raw || !raw.trim()) return null;
  let props: ViewCountProps;
  try {
    props = JSON.parse(raw) as ViewCountProps;
  } catch {
    return 'bad';
  }
  if (typeof props !== 'object' || props === null) return 'bad';
  const text = typeof props.numberText === 'string' && props.numberText.trim() ? bareCount(props.numberText, locale) : null;
  if (typeof props.numberText === 'string' && props.numberText.trim() && !text) return 'bad';
  const v = props.numberValue;
  if (v !== undefined) {
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0 || v > 1e12) return 'bad';
    if (text && (v < text.min || v > text.max)) return 'bad';
    return exactCount(v);
  }
  return text;
}

/**
 * The watch page's view count, best source first: the info element's props (exact number), its tooltip's first
 * part ("12,840,948 views • Mar 1, 2022 • …", full in most languages), then the collapsed line ("19K views", an
 * interval). Sources refresh at different times (#view-count every ~5 min), so the best one is taken, not a
 * cross-check; a garbled props attribute makes views absent rather than falling back.
 */
export function watchViews(info: Element | undefined, locale: string | undefined): Count | undefined {
  if (!info) return undefined;
  const props = propsViews(info, locale);
  if (props === 'bad') return undefined;
  if (props) return props;
  const tip = info.querySelector(SELECTORS.infoTooltip)?.textContent?.split('•')[0];
  const fromTip = viewCountText(tip, locale);
  if (fromTip) return fromTip;
  for (const span of Array.from(info.querySelectorAll(SELECTORS.infoLine))) {
    const c = viewCountText(span.textContent, locale);
    if (c) return c;
  }
  return undefined;
}

/** The number a like button shows: inside it (watch page), or beside it in its <label> (Shorts). */
function shownLikes(button: Element): string | undefined {
  const inside = button.querySelector(SELECTORS.likeText)?.textContent;
  if (inside != null) return inside;
  const label = button.parentElement?.localName === 'label' ? button.parentElement : null;
  for (const div of Array.from(label?.children ?? [])) {
    if (div.localName !== 'div') continue;
    const t = div.querySelector(SELECTORS.likeLabelText)?.textContent;
    if (t != null) return t;
  }
  return undefined;
}

/**
 * Likes from a like button: the full number in its label ("like this video along with 12,345 other people"),
 * checked against the number it shows ("12K"); the shown number alone when the label has none. Contradicting or
 * garbled: absent.
 */
export function likesFrom(button: Element | undefined, locale: string | undefined): Count | undefined {
  if (!button) return undefined;
  const aria = labelNumber(button.getAttribute('aria-label'), locale);
  if (aria === 'bad') return undefined;
  const shownText = shownLikes(button);
  const hasDigits = !!shownText && /\p{Nd}/u.test(shownText);
  const shown = hasDigits ? bareCount(shownText, locale) : null;
  if (hasDigits && !shown) return undefined;
  return agree([aria === 'none' ? null : aria, shown]);
}

/** Views and likes of the watch page's video, from its info element and its like button. */
export function watchMetrics(info: Element | undefined, like: Element | undefined, locale: string | undefined): Metrics {
  const out: Metrics = {};
  const views = watchViews(info, locale);
  if (views) out.views = views;
  const likes = likesFrom(like, locale);
  if (likes) out.likes = likes;
  return out;
}
