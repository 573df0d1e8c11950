// One account's weeks: impressions and reach, frequency and engagement rate per ISO week of publication as
// charts and one table, and the verdict of the "impressions falling while posting frequency holds" alert.
import { t, uiLocale } from '@/components/i18n';
import { accountWeeks, type WeekPost } from '@/lib/account-weeks';
import { formatCount, formatNumber, formatPercent } from '@/lib/format';
import type { Interval } from '@/lib/interval';
import { ALERT_DEFAULTS, impressionsFallingAlert, weeklyTrend, type EngagementSetOption, type FallingAlert } from '@/lib/metrics';
import type { SiteId } from '@/lib/types';
import { SITE_NAMES, timesText } from './post-cells';
import { TimeChart, type ChartSeries } from './TimeChart';

/** A weekly chart spans at least three weeks, so an account's first week is not drawn over hours. */
const MIN_SPAN = 3 * 7 * 86_400_000;

/** Weeks shown in the charts and the table: the latest year. */
export const SHOWN_WEEKS = 52;

export interface AccountPanelProps {
  site: SiteId;
  handle: string;
  posts: readonly WeekPost[];
  now: number;
  sets?: EngagementSetOption;
  /** The panel's heading level: 3 under the accounts section. */
  own: boolean;
}

const weekDate = (ms: number, locale?: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(ms);

/** A ratio change (0.4 = fell 60%) as a signed percentage, or its range when the counts were intervals. */
function changeText(c: Interval, locale?: string): string {
  const nf = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' });
  const lo = nf.format(c.min - 1);
  const hi = nf.format(c.max - 1);
  return lo === hi ? nf.format(c.value - 1) : `${lo} … ${hi}`;
}

function verdict(alert: FallingAlert, locale?: string): { headline: string; detail: string } {
  const weeks = formatNumber(alert.recent.weeks, locale, 0);
  const headline =
    alert.status === 'falling'
      ? t('dashboard.account.falling')
      : alert.status === 'rising'
        ? t('dashboard.account.rising')
        : alert.status === 'steady'
          ? t('dashboard.account.steady')
          : t('dashboard.account.insufficient');
  const detail =
    alert.status === 'insufficient' || !alert.change
      ? t('dashboard.account.insufficientDetail', {
          recent: formatNumber(alert.recent.postsKnown, locale, 0),
          previous: formatNumber(alert.previous.postsKnown, locale, 0),
          weeks,
          min: formatNumber(ALERT_DEFAULTS.minPosts, locale, 0),
        })
      : t('dashboard.account.changeDetail', {
          change: changeText(alert.change, locale),
          weeks,
          recent: formatNumber(alert.recent.postsPerWeek, locale, 1),
          previous: formatNumber(alert.previous.postsPerWeek, locale, 1),
        });
  return { headline, detail };
}

export function AccountPanel({ site, handle, posts, now, sets, own }: AccountPanelProps) {
  const locale = uiLocale();
  const weeks = accountWeeks(posts, { now, sets }).slice(-SHOWN_WEEKS);
  const alert = impressionsFallingAlert(weeklyTrend(posts, { now }), { now });
  const { headline, detail } = verdict(alert, locale);
  const key = `${site}:${handle}`;
  const id = `pm-account-${key.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
  const name = `${handle} · ${SITE_NAMES[site] ?? site}`;

  const points = (get: (w: (typeof weeks)[number]) => Interval | undefined) =>
    weeks.flatMap((w) => {
      const v = get(w);
      return v ? [[w.weekStart, v.value] as [number, number]] : [];
    });
  const volume: ChartSeries[] = [
    { label: t('dashboard.col.impressions'), points: points((w) => w.impressions) },
    { label: t('dashboard.col.reach'), points: points((w) => w.reach) },
  ].filter((s) => s.points.length > 0);
  const freq = points((w) => w.frequency);
  const er = points((w) => w.er);
  const count = (v: Interval | undefined) => (v ? formatCount(v, locale) : '—');

  return (
    <section class="pm-account" data-account={key} aria-labelledby={id}>
      <h3 id={id}>
        {name}
        {own ? <span class="pm-tag">{t('dashboard.account.yours')}</span> : null}
      </h3>
      <p class={`pm-verdict pm-verdict-${alert.status}`} data-alert={alert.status}>
        <strong>{headline}</strong> {detail}
      </p>
      {weeks.length === 0 ? (
        <p class="pm-hint">{t('dashboard.account.noDates')}</p>
      ) : (
        <>
          <div class="pm-chart-row">
            {volume.length ? (
              <TimeChart title={t('dashboard.account.volumeChart')} series={volume} x="time" table={false} height={180} minSpan={MIN_SPAN}
                formatY={(y) => formatNumber(y, locale, 0)} />
            ) : null}
            {freq.length ? (
              <TimeChart title={t('dashboard.account.frequencyChart')} series={[{ label: t('dashboard.col.frequency'), points: freq }]}
                x="time" table={false} height={180} minSpan={MIN_SPAN} formatY={(y) => timesText({ value: y, min: y, max: y, exact: true }, locale)} />
            ) : null}
            {er.length ? (
              <TimeChart title={t('dashboard.account.erChart')} series={[{ label: t('dashboard.col.er'), points: er }]}
                x="time" table={false} height={180} minSpan={MIN_SPAN} formatY={(y) => formatPercent({ value: y, min: y, max: y, exact: true }, locale)} />
            ) : null}
          </div>
          <details class="pm-chart-data">
            <summary>{t('dashboard.account.weeksTable')}</summary>
            <div class="pm-wide">
              <table class="pm-data-table" data-weeks={key}>
                <caption class="pm-visually-hidden">{t('dashboard.account.weeksCaption', { account: name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('dashboard.account.week')}</th>
                    <th scope="col">{t('dashboard.account.posts')}</th>
                    <th scope="col">{t('dashboard.col.impressions')}</th>
                    <th scope="col">{t('dashboard.col.reach')}</th>
                    <th scope="col" title={t('dashboard.account.frequencyHint')}>{t('dashboard.col.frequency')}</th>
                    <th scope="col" title={t('dashboard.account.erHint')}>{t('dashboard.col.er')}</th>
                  </tr>
                </thead>
                <tbody>
                  {weeks.map((w) => (
                    <tr key={w.weekStart}>
                      <th scope="row">{weekDate(w.weekStart, locale)}</th>
                      <td>{formatNumber(w.posts, locale, 0)}</td>
                      <td>{count(w.impressions)}</td>
                      <td>{count(w.reach)}</td>
                      <td>{w.frequency ? timesText(w.frequency, locale) : '—'}</td>
                      <td>{w.er ? formatPercent(w.er, locale) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  );
}
