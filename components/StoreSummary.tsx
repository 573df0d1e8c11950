// What is stored, in two numbers.
import { t, uiLocale } from './i18n';
import { formatNumber } from '@/lib/format';

export interface StoreCounts {
  posts: number;
  snapshots: number;
}

export function StoreSummary({ counts }: { counts: StoreCounts | undefined }) {
  const locale = uiLocale();
  return (
    <section class="pm-card" aria-labelledby="pm-stored">
      <h2 id="pm-stored">{t('dashboard.summary.heading')}</h2>
      {counts ? (
        <dl class="pm-summary">
          <div data-count="posts" data-value={counts.posts}>
            <dt>{t('dashboard.summary.posts')}</dt>
            <dd>{formatNumber(counts.posts, locale, 0)}</dd>
          </div>
          <div data-count="snapshots" data-value={counts.snapshots}>
            <dt>{t('dashboard.summary.snapshots')}</dt>
            <dd>{formatNumber(counts.snapshots, locale, 0)}</dd>
          </div>
        </dl>
      ) : (
        <p class="pm-hint">{t('common.loading')}</p>
      )}
    </section>
  );
}
