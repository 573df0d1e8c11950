// The options page frame: a title, the save status every control reports to, and one card per setting group.
// Each group is its own component in components/options/.
import type { ComponentChildren } from 'preact';
import { t } from '../i18n';

/** What the last change did: saved, or failed with a reason. `n` counts changes, so "Saved" is announced again. */
export interface SaveStatus {
  n: number;
  text: string;
  error?: boolean;
}

export function OptionsPage({ status, children }: { status?: SaveStatus; children: ComponentChildren }) {
  return (
    <main class="pm-options">
      <header class="pm-options-header">
        <h1>{t('options.title')}</h1>
        {/* Polite: a toggle's "Saved" must not interrupt. A new node per change makes screen readers repeat it. */}
        <p class="pm-save-status" role="status" aria-live="polite" data-save-status={status ? (status.error ? 'error' : 'saved') : undefined}>
          {status ? (
            <span key={status.n} class={status.error ? 'pm-save-error' : undefined}>
              {status.text}
            </span>
          ) : null}
        </p>
      </header>
      {children}
    </main>
  );
}
