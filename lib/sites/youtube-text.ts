// Reading YouTube's view counts out of its localized text: which text is a view count ("1.6M views", "3.9万回視聴",
// "1.234 Aufrufe") and which is not ("3 years ago", "12 年前", "1.2K watching", a channel name) — a bare number in
// an age would parse as a count, so a text is a view count only when it carries its language's word for views.
// Counts from several places on one video must agree (their intervals overlap) or the counter is absent.
// See ../../../shared/reference/dom-anchors.md §3.2 and §12.
import { exactCount, parseCount, type Count } from '../count';

/** No video has been watched this often; a larger number is a garbled text, not a count. */
export const MAX_PLAUSIBLE = 1e12;

/**
 * The word for "views" in a list item, by UI language (BCP 47 primary subtag). Sources: the real en/ja pages in
 * ../shared/fixtures/real/youtube ("1.6M views", "3.9万回視聴"); CPFY's LOW_VIEWS_RE as quoted in dom-anchors.md §3.2
 * ("Aufrufe", "vues", "visualizaciones", "回視聴", "조회수", "ditonton"); the rest from YouTube's UI strings as
 * remembered (2025-26), not verified against a saved page: a word that does not match only leaves views absent.
 */
const VIEW_WORDS: Record<string, RegExp> = {
  en: /\bviews?\b/i,
  ja: /回視聴|視聴回数/,
  de: /\bAufrufe?\b/i,
  es: /\b(?:visualizaciones|visualización|vistas?)(?![\p{L}])/iu,
  fr: /\bvues?\b/i,
  pt: /\bvisualizaç(?:ões|ão)/i,
  it: /\bvisualizzazion[ei]\b/i,
  nl: /\bweergaven?\b/i,
  pl: /\bwyświetle(?:ń|nia|nie)/i,
  ru: /просмотр/i,
  uk: /перегляд/i,
  tr: /görüntüleme/i,
  ko: /조회수/,
  zh: /次观看|次觀看|觀看次數|观看次数/,
  id: /ditonton/i,
  vi: /lượt xem/i,
};
const ALL_VIEW_WORDS = Object.values(VIEW_WORDS);

/** "No views" (en): a count of 0 printed without a digit. */
const NO_VIEWS = /^\s*no views\s*$/i;

/** The page's language as YouTube sets it (`<html lang="ja-JP">`), or undefined. */
export function pageLocale(el: Element): string | undefined {
  try {
    return el.ownerDocument?.documentElement?.getAttribute('lang')?.trim() || undefined;
  } catch {
    return undefined;
  }
}

function viewWords(locale: string | undefined): RegExp[] {
  const lang = locale?.split(/[-_]/)[0]?.toLowerCase();
  if (!lang) return ALL_VIEW_WORDS;
  const w = VIEW_WORDS[lang];
  return w ? [w] : [];
}

/** A plausible count, or null. */
function plausible(c: Count | null): Count | null {
  return c && c.min >= 0 && c.max <= MAX_PLAUSIBLE ? c : null;
}

/**
 * The view count in a text that says it is one ("1.6M views" → 1,600,000..1,699,999), else null. A language whose
 * word for views we do not know gives null: never a guess.
 */
export function viewCountText(text: string | null | undefined, locale: string | undefined): Count | null {
  if (!text) return null;
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length === 0 || t.length > 80) return null;
  if (!viewWords(locale).some((re) => re.test(t))) return null;
  if (NO_VIEWS.test(t)) return exactCount(0);
  return plausible(parseCount(t, locale));
}

/** A bare count (an attribute, a button's visible number): "12,840,948", "12K". */
export function bareCount(text: string | null | undefined, locale: string | undefined): Count | null {
  if (!text) return null;
  const t = text.trim();
  if (t.length === 0 || t.length > 40) return null;
  return plausible(parseCount(t, locale));
}

/**
 * The one full number in a label ("like this video along with 12,345 other people", "与另外 19,325,834 人一起顶此视频"):
 * 'none' when the label has no digits ("I like this"), 'bad' when its digits are not one plausible whole count.
 */
export function labelNumber(label: string | null | undefined, locale: string | undefined): Count | 'none' | 'bad' {
  if (!label || !/\p{Nd}/u.test(label)) return 'none';
  const c = plausible(parseCount(label, locale));
  return c?.exact ? c : 'bad';
}

/**
 * The Shorts shelf's title label, "<title>, 5.7 thousand views - play Short" (English only: other languages word it
 * differently, and their shelf shows the count in its subhead anyway).
 */
const SHORT_LABEL = /,\s*([^,]*\bviews?)\s+-\s+play Short\s*$/i;
export function shortsLabelViews(label: string | null | undefined, locale: string | undefined): Count | null {
  const m = label ? SHORT_LABEL.exec(label) : null;
  return m ? viewCountText(m[1], locale ?? 'en') : null;
}

/**
 * What several readings of one counter agree on: the overlap of their intervals (the truth lies in each), or
 * undefined when there is no reading or two contradict each other.
 */
export function agree(counts: readonly (Count | null | undefined)[]): Count | undefined {
  let min = -Infinity;
  let max = Infinity;
  let any = false;
  for (const c of counts) {
    if (!c) continue;
    any = true;
    min = Math.max(min, c.min);
    max = Math.min(max, c.max);
  }
  if (!any || min > max) return undefined;
  return { value: min, min, max, exact: min === max };
}
