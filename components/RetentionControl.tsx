// How long snapshots (the history) are kept. Shortening it deletes older snapshots when applied; every post
// keeps its latest counts whatever the setting.
import { useEffect, useState } from 'preact/hooks';
import { t, uiLocale } from './i18n';
import { formatNumber } from '@/lib/format';

export type RetentionDays = number | null;

export const RETENTION_CHOICES: RetentionDays[] = [null, 30, 90, 365];

export const retentionLabel = (days: RetentionDays) =>
  days === null ? t('dashboard.retention.forever') : t('dashboard.retention.days', days, { n: formatNumber(days, uiLocale(), 0) });

export interface RetentionControlProps {
  /** The saved setting; undefined while loading. */
  saved: RetentionDays | undefined;
  busy: boolean;
  onApply: (days: RetentionDays) => void;
}

const encode = (d: RetentionDays) => (d === null ? 'forever' : String(d));
const decode = (v: string): RetentionDays => (v === 'forever' ? null : Number(v));

export function RetentionControl({ saved, busy, onApply }: RetentionControlProps) {
  const [choice, setChoice] = useState<RetentionDays | undefined>(saved);
  useEffect(() => setChoice(saved), [saved]);
  // A saved value not in the list (set by an imported backup, say) is still shown as it is.
  const choices = saved === undefined || RETENTION_CHOICES.includes(saved) ? RETENTION_CHOICES : [...RETENTION_CHOICES, saved];
  const changed = choice !== undefined && choice !== saved;
  return (
    <section class="pm-card" aria-labelledby="pm-retention">
      <h2 id="pm-retention">{t('dashboard.retention.heading')}</h2>
      <p>
        <label>
          {t('dashboard.retention.keep')}{' '}
          <select
            value={choice === undefined ? '' : encode(choice)}
            disabled={busy || saved === undefined}
            onChange={(ev) => setChoice(decode(ev.currentTarget.value))}
          >
            {choices.map((d) => (
              <option value={encode(d)} key={encode(d)}>
                {retentionLabel(d)}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="button" disabled={busy || !changed} onClick={() => choice !== undefined && onApply(choice)}>
          {t('dashboard.retention.apply')}
        </button>
      </p>
      <p class="pm-hint">
        {choice === null || choice === undefined
          ? t('dashboard.retention.keepsAll')
          : t('dashboard.retention.deletesOlder', choice, { n: formatNumber(choice, uiLocale(), 0) })}
      </p>
    </section>
  );
}
