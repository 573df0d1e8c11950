// The user's own accounts: impressions per post week by week against how often they posted, and the verdict
// of lib/trend.ts's "impressions falling while posting frequency holds" rule. A fall is an alert (role="alert",
// data-alert="falling"); steady, rising and not-enough-data are said quietly. The chart has a table beside it
// with the same numbers, for screen readers and for anyone who wants the figures.
import type { OwnAccountTrend } from '@/lib/store/popup-reads';
import type { FallingAlert, WeekTrend } from '@/lib/trend';
import { ALERT_DEFAULTS } from '@/lib/trend';
import { formatCompact, formatCount, formatNumber, formatPercent } from '@/lib/format';
import { t, uiLocale } from '../i18n';
import { siteName } from './words';
import { TrendChart } from './TrendChart';

/** Complete weeks shown: the two windows the alert compares. */
export const CHART_WEEKS = 2 * ALERT_DEFAULTS.weeks;

export function OwnAccounts({ trends, now }: { trends?: readonly OwnAccountTrend[]; now: number }) {
  return (
    <section aria-labelledby="pm-own" class="pm-own">
      <h2 id="pm-own">{t('popup.own')}</h2>
      {!trends ? (
        <p class="pm-loading" aria-busy="true">{t('common.loading')}</p>
      ) : trends.length === 0 ? (
        <p class="pm-empty">{t('popup.ownEmpty')}</p>
      ) : (
        trends.map((trend) => <AccountTrend trend={trend} now={now} key={`${trend.account.site}:${trend.account.handle}`} />)
      )}
    </section>
  );
}

/** The last CHART_WEEKS weeks that ended before `now`'s week (the current week is not over: it would look like a drop). */
export function completeWeeks(weeks: readonly WeekTrend[], now: number, n = CHART_WEEKS): WeekTrend[] {
  const current = weeks.findIndex((w) => w.weekStart <= now && now < w.weekStart + 7 * 86_400_000);
  const end = current === -1 ? weeks.length : current;
  return weeks.slice(Math.max(0, end - n), end);
}

function AccountTrend({ trend, now }: { trend: OwnAccountTrend; now: number }) {
  const { account, alert } = trend;
  const locale = uiLocale();
  const weeks = completeWeeks(trend.weeks, now);
  const id = `pm-own-${account.site}-${account.handle}`.replace(/[^\w-]/g, '_');
  return (
    <article class="pm-account" aria-labelledby={id} data-account={`${account.site}:${account.handle}`}>
      <h3 id={id}>{t('popup.accountHeading', { handle: account.handle, site: siteName(account.site) })}</h3>
      <AlertLine alert={alert} locale={locale} />
      {weeks.length ? (
        <>
          <TrendChart weeks={weeks} handle={account.handle} locale={locale} />
          <details class="pm-weeks">
            <summary>{t('popup.weekTable')}</summary>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('popup.weekOf')}</th>
                  <th scope="col">{t('popup.postsCol')}</th>
                  <th scope="col">{t('popup.perPostCol')}</th>
                </tr>
              </thead>
              <tbody>
                {weeks.map((w) => (
                  <tr key={w.weekStart}>
                    <th scope="row">{new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(w.weekStart)}</th>
                    <td>{formatNumber(w.posts, locale, 0)}</td>
                    <td title={w.impressionsPerPost ? formatCount(w.impressionsPerPost, locale) : undefined}>
                      {w.impressionsPerPost ? formatCompact(w.impressionsPerPost.value, locale, w.impressionsPerPost.exact) : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      ) : null}
    </article>
  );
}

function AlertLine({ alert, locale }: { alert: FallingAlert; locale?: string }) {
  const weeks = formatNumber(alert.recent.weeks, locale, 0);
  const recent = formatNumber(alert.recent.postsPerWeek, locale, 1);
  const previous = formatNumber(alert.previous.postsPerWeek, locale, 1);
  const c = alert.change;
  // change is recent ÷ previous: a fall of 1 − change, its bounds swapped.
  const fall = c && formatPercent({ value: (1 - c.value) * 100, min: (1 - c.max) * 100, max: (1 - c.min) * 100, exact: c.exact }, locale);
  const rise = c && formatPercent({ value: (c.value - 1) * 100, min: (c.min - 1) * 100, max: (c.max - 1) * 100, exact: c.exact }, locale);
  switch (alert.status) {
    case 'falling':
      return (
        <p class="pm-alert" role="alert" data-alert="falling">
          {t('popup.alertFalling', { fall: fall!, weeks, recent, previous })}
        </p>
      );
    case 'rising':
      return (
        <p class="pm-note" data-alert="rising">
          {t('popup.alertRising', { rise: rise!, weeks, recent, previous })}
        </p>
      );
    case 'steady':
      return (
        <p class="pm-note" data-alert="steady">
          {alert.frequencyHolds
            ? t('popup.alertSteady', { weeks, recent, previous })
            : t('popup.alertFrequencyChanged', { weeks, recent, previous })}
        </p>
      );
    default:
      return (
        <p class="pm-note" data-alert="insufficient">
          {t('popup.alertInsufficient', {
            min: formatNumber(ALERT_DEFAULTS.minPosts, locale, 0),
            weeks,
            recent: formatNumber(alert.recent.postsKnown, locale, 0),
            previous: formatNumber(alert.previous.postsKnown, locale, 0),
          })}
        </p>
      );
  }
}
