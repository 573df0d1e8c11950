// Options: the user's own accounts. Marked ones (the accounts store's `own` flag) can be unmarked; accounts
// recognised from analytics pages (lib/own-accounts.ts) are listed with that source and need no marking.
import { useState } from 'preact/hooks';
import { SITES } from '@/lib/fields';
import type { OwnAccount } from '@/lib/own-accounts';
import type { SiteId } from '@/lib/types';
import { t } from '../i18n';
import { SITE_NAMES } from '@/lib/site-names';

export interface OwnAccountsSectionProps {
  /** ownAccountList(...) of the store; undefined while loading. */
  accounts?: readonly OwnAccount[];
  busy?: boolean;
  onMark(site: SiteId, handle: string): void;
  onUnmark(site: SiteId, handle: string): void;
}

/** What the user typed as a handle, as adapters store authors: trimmed, without a leading "@". */
export const cleanHandle = (text: string): string => text.trim().replace(/^@/, '');

export function OwnAccountsSection({ accounts, busy, onMark, onUnmark }: OwnAccountsSectionProps) {
  const [site, setSite] = useState<SiteId>(SITES[0]!);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState(false);
  return (
    <section class="pm-card pm-options-section" aria-labelledby="pm-own-title" data-section="own-accounts">
      <h2 id="pm-own-title">{t('options.own.title')}</h2>
      <p class="pm-hint">{t('options.own.hint')}</p>
      {accounts === undefined ? null : accounts.length === 0 ? (
        <p class="pm-hint" data-accounts="none">
          {t('options.own.empty')}
        </p>
      ) : (
        <ul class="pm-account-list" aria-label={t('options.own.list')}>
          {accounts.map((a, i) => (
            <li key={`${a.site}:${a.handle}`} data-account={`${a.site}:${a.handle}`} data-source={a.source}>
              <span>
                <span id={`pm-own-${i}`}>
                  <span class="pm-account-site">{SITE_NAMES[a.site]}</span> <span class="pm-account-handle">{a.handle}</span>
                </span>{' '}
                <span class="pm-hint">({a.source === 'marked' ? t('options.own.marked') : t('options.own.analytics')})</span>
              </span>
              {a.source === 'marked' ? (
                <button
                  type="button"
                  class="pm-secondary"
                  disabled={busy}
                  id={`pm-own-unmark-${i}`}
                  aria-labelledby={`pm-own-unmark-${i} pm-own-${i}`}
                  onClick={() => onUnmark(a.site, a.handle)}
                >
                  {t('options.own.unmark')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <form
        class="pm-inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          const handle = cleanHandle(text);
          setProblem(!handle);
          if (!handle) return;
          onMark(site, handle);
          setText('');
        }}
      >
        <label for="pm-own-site">{t('options.own.site')}</label>
        <select id="pm-own-site" name="site" value={site} onChange={(event) => setSite(event.currentTarget.value as SiteId)}>
          {SITES.map((s) => (
            <option value={s} key={s}>
              {SITE_NAMES[s]}
            </option>
          ))}
        </select>
        <label for="pm-own-handle">{t('options.own.handle')}</label>
        <input
          id="pm-own-handle"
          name="handle"
          type="text"
          autocomplete="off"
          spellcheck={false}
          value={text}
          aria-invalid={problem || undefined}
          aria-describedby={problem ? 'pm-own-problem' : undefined}
          onInput={(event) => setText(event.currentTarget.value)}
        />
        <button type="submit" disabled={busy}>
          {t('options.own.mark')}
        </button>
      </form>
      {problem ? (
        <p id="pm-own-problem" class="pm-error" role="alert">
          {t('options.own.handleMissing')}
        </p>
      ) : null}
    </section>
  );
}
