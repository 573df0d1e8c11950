// What each cell of the posts table (and of the comparison) says, and its tooltip naming what a rate was
// computed from. One place, so the table and the comparison never word a figure differently.
import { t } from '@/components/i18n';
import type { Count } from '@/lib/count';
import { formatAgo, formatCompact, formatCount, formatDateTime, formatNumber, formatPercent, formatTimes } from '@/lib/format';
import type { Interval } from '@/lib/interval';
import type { PostColumn, TableRow } from '@/lib/post-table';
import type { RateBasis } from '@/lib/metrics';
import type { Metric } from '@/lib/types';

import { SITE_NAMES } from '@/lib/site-names';

export { SITE_NAMES };

export function columnLabel(c: PostColumn): string {
  switch (c) {
    case 'site': return t('dashboard.col.site');
    case 'author': return t('dashboard.col.author');
    case 'published': return t('dashboard.col.published');
    case 'impressions': return t('dashboard.col.impressions');
    case 'views': return t('dashboard.col.views');
    case 'reach': return t('dashboard.col.reach');
    case 'likes': return t('dashboard.col.likes');
    case 'replies': return t('dashboard.col.replies');
    case 'reposts': return t('dashboard.col.reposts');
    case 'er': return t('dashboard.col.er');
    case 'frequency': return t('dashboard.col.frequency');
    case 'ctr': return t('dashboard.col.ctr');
    case 'vph': return t('dashboard.col.vph');
    case 'lastSeen': return t('dashboard.col.lastSeen');
  }
}

/** The header's tooltip: what the column counts, and for rates their basis. */
export function columnHint(c: PostColumn, basis: 'auto' | RateBasis): string | undefined {
  switch (c) {
    case 'published': return t('dashboard.hint.published');
    case 'er': return basis === 'auto' ? t('dashboard.hint.erAuto') : t('dashboard.hint.erBasis', { basis: metricLabel(basis) });
    case 'frequency': return t('dashboard.hint.frequency');
    case 'ctr': return t('dashboard.hint.ctr');
    case 'vph': return t('dashboard.hint.vph');
    case 'lastSeen': return t('dashboard.hint.lastSeen');
    default: return undefined;
  }
}

export function metricLabel(m: Metric): string {
  switch (m) {
    // The table's columns name these; one label each.
    case 'impressions':
    case 'views':
    case 'reach':
    case 'likes':
    case 'replies':
    case 'reposts':
      return columnLabel(m);
    case 'followers': return t('dashboard.metric.followers');
    case 'clicks': return t('dashboard.metric.clicks');
    case 'quotes': return t('dashboard.metric.quotes');
    case 'bookmarks': return t('dashboard.metric.bookmarks');
    case 'saves': return t('dashboard.metric.saves');
    case 'shares': return t('dashboard.metric.shares');
    case 'profileVisits': return t('dashboard.metric.profileVisits');
    case 'repostsAndQuotes': return t('dashboard.metric.repostsAndQuotes');
  }
}

/** A frequency as the popup writes it (lib/format.ts formatTimes): 10 → "10.0×"; an interval → "9.80–10.2×". */
export function timesText(f: Interval, locale?: string): string {
  const lo = formatTimes(f.min, locale);
  const hi = formatTimes(f.max, locale);
  return `${f.exact || lo === hi ? formatTimes(f.value, locale) : `${lo}–${hi}`}×`;
}

export interface Cell {
  text: string;
  title?: string;
}

const DASH: Cell = { text: '—' };
const count = (c: Count | undefined, locale?: string): Cell => (c ? { text: formatCount(c, locale) } : DASH);

export function cellOf(row: TableRow, column: PostColumn, locale?: string, now = Date.now()): Cell {
  const p = row.post;
  switch (column) {
    case 'site':
      return { text: SITE_NAMES[p.site] ?? p.site };
    case 'author':
      return { text: p.author ?? '—', title: p.text?.slice(0, 280) };
    case 'published':
      return p.publishedAt !== undefined
        ? { text: formatDateTime(p.publishedAt, locale) }
        : { text: '—', title: t('dashboard.hint.firstSeen', { date: formatDateTime(p.firstSeen, locale) }) };
    case 'lastSeen':
      return { text: formatAgo(p.lastSeen, now, locale), title: formatDateTime(p.lastSeen, locale) };
    case 'er': {
      const er = row.er;
      if (!er) return { ...DASH, title: t('dashboard.hint.noRate') };
      return {
        text: formatPercent(er, locale),
        title: t('dashboard.cell.er', {
          engagements: formatCount(er.engagements, locale),
          counted: er.counted.map(metricLabel).join(' + '),
          denominator: formatCount(er.denominator, locale),
          basis: metricLabel(er.basis),
        }),
      };
    }
    case 'frequency': {
      const f = row.frequency;
      if (!f) return DASH;
      return {
        text: timesText(f, locale),
        title: t('dashboard.cell.frequency', {
          numerator: formatCount(f.numeratorCount, locale),
          metric: metricLabel(f.numerator),
          reach: formatCount(f.denominator, locale),
        }),
      };
    }
    case 'ctr': {
      const c = row.ctr;
      if (!c) return DASH;
      return {
        text: formatPercent(c, locale),
        title: t('dashboard.cell.ctr', { clicks: formatCount(c.clicks, locale), impressions: formatCount(c.denominator, locale) }),
      };
    }
    case 'vph': {
      const v = row.vph;
      if (!v) return DASH;
      return {
        text: t('dashboard.cell.perHour', { n: formatCompact(v.value, locale, v.exact) }),
        title: t('dashboard.cell.vph', {
          count: formatCount(p.metrics[v.metric]!, locale),
          metric: metricLabel(v.metric),
          hours: formatNumber(v.hours, locale, 1),
        }),
      };
    }
    default:
      return count(p.metrics[column], locale);
  }
}
